"""Shares that are the level of one named measure ("turnout was almost 90%"): the key
they are compared under (``values``); and figures of a measure with a part taken out
("excluding food and energy"), which are another measure (``adjusted``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

_ADJUSTED = re.compile(
    r"\b(?:excluding|controlling\s+for|not\s+counting|stripping\s+out|seasonally\s+adjusted"
    r"|adjusted\s+for|core\s+(?:inflation|prices|index|cpi|pce))\b",
    re.IGNORECASE,
)
"""Words that take a part out of a measure: "the 0.9 percent CPI increase, again controlling
for food and energy prices" is the core index, not the one whose prices "increased 0.8
percent"."""
_OTHER_CLAUSE = frozenset({"conj", "relcl", "ccomp", "parataxis"})
"""Edges into a clause of its own: words there take nothing out of a figure outside it."""
LEVEL_VERBS = lexicon.words("level_verbs")
"""Verbs by which a share is the level a measure is at ("turnout was", "reached")."""


def share_of(figure: TokenSpan, verb: Token | None) -> str | None:
    """The common noun a share is the level of, as the subject of the verb that gives it,
    with the nouns compounded with it ("turnout was almost 90%", "turnout reached 93.87
    percent", "the unemployment rate rose to 5.4 per cent": turnout, unemployment rate).
    Only a level: given by a verb of being or reaching (``level_verbs``) or after "to" or
    "at" ("rose to 5.4 per cent"), not a change ("prices rose 0.9 percent", "the murder
    rate increased nearly 30%"). None when the subject is a name, a pronoun, a figure, or
    holds the share's own words ("40 percent of the buildings were destroyed"). Shares of
    one named measure are compared from ``settings.compare_floor`` (``conflicts``). Read
    only in a statement that gives one share: of several, none is single."""
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i in range(figure.start, figure.end):
        return None
    if subject.like_num or any(c.dep_ == "nummod" or c.like_num for c in subject.children):
        return None  # a share itself: "55 percent of voice traffic ..., 52 percent in Egypt"
    if any(t.i in range(figure.start, figure.end) for t in subject.subtree):
        return None
    head = figure.root.head
    level = verb.lemma_.lower() in LEVEL_VERBS or (
        head.dep_ == "prep" and head.lower_ in ("to", "at") and head.head == verb
    )
    if not level:
        return None
    compound = [c.lemma_.lower() for c in subject.lefts if c.dep_ == "compound"]
    return " ".join([*compound, subject.lemma_.lower()])


def adjusted_key(key: str) -> str:
    """The key of a figure of a measure with a part taken out: its own, marked so
    ("percent": "percent::adjusted", "percent:turnout": "percent:turnout:adjusted")."""
    return f"{key if ':' in key else key + ':'}:adjusted"


def named_share(key: str) -> bool:
    """Whether a share's key names the measure it is the level of ("percent:turnout", and
    "percent:turnout:adjusted"; not "percent" nor "percent::adjusted")."""
    return key.split(":")[1:2] not in ([], [""])


def adjusted(figure: TokenSpan) -> bool:
    """Whether a figure is of a measure with a part taken out: words that take one out
    (``_ADJUSTED``) hang, within the figure's own clause, from the verb the figure is
    given by ("the 0.9 percent CPI increase, again controlling for food and energy
    prices"; not the 0.8 of "prices rose 0.8 percent, and core inflation rose 0.3
    percent"). Such figures are compared only with figures so adjusted (``values`` keys
    them apart)."""
    sentence = figure.sent
    verb = next((t for t in figure.root.ancestors if t.pos_ in ("VERB", "AUX")), sentence.root)
    for match in _ADJUSTED.finditer(sentence.text):
        start = sentence.start_char + match.start()
        words = figure.doc.char_span(start, start + 1, alignment_mode="expand")
        if words is not None and _within(words[0], verb):
            return True
    return False


def _within(token: Token, verb: Token) -> bool:
    """Whether ``token`` hangs from ``verb`` without crossing into another clause."""
    while token != verb:
        if token.dep_ in _OTHER_CLAUSE or token.head == token:
            return False
        token = token.head
    return True
