"""Quantity claims in one article, normalized so that outlets can be compared.

A number means nothing across articles until we know what it counts, what happened to
what it counts, and how sure the writer is: "approximately 2,500 troops remain
stationed" and "maintaining 2,500 troops" state one measure; "12 people were killed" and
"at least 14 people died" give values of one measure that cannot both be true.

Which tokens make a number, what it is worth and which numbers count nothing (dates,
names, codes) is read in ``numbers``; this module decides what a number counts.

The counted thing, first that applies: the noun the number modifies ("three service
members"); the partitive "N of the Xs" ("20 of the soldiers"); a death toll ("the death
toll rose to 14": person); for a bare number, the counted thing of the quantity before it
in the sentence ("12 people were killed and at least 20 were still missing"). A number
whose counted thing cannot be told is left out: it could be aligned with nothing. The
head noun counts, not its complement: "Three members of Kataib Hezbollah" counts "member".
Coordination, all conjuncts sharing the head of the first:
- "X [, Y] and N other Zs", "X and N more Zs": N + 1 per singular conjunct, counted Z;
  "X and N others" likewise, counted "person" when the conjuncts are people;
- "X and N Zs" where each X is a named person or a singular people noun with a
  determiner ("a commander and two aides") and Z counts people: N + 1 each, "person".
"including ..." never adds: "three individuals, including a senior commander" is 3.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism import lexicon

# The number tables lived here first; callers may still import them from this module.
from newsprism.analyze.claims.numbers import SCALES as SCALES
from newsprism.analyze.claims.numbers import WORDS as WORDS
from newsprism.analyze.claims.numbers import (
    is_label,
    number_head,
    number_runs,
    number_value,
    skipped,
)
from newsprism.records import Article, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Quantity:
    """One number an article states, with what it counts and how exact it claims to be."""

    evidence: Span
    """The clause that states it, never beyond its sentence."""
    number: Span
    """The number words ("2,500", "three", "al-Saadi and two other militants")."""
    value: float
    low: float
    high: float
    qualifier: str | None
    """The hedge as written, lower-cased ("at least"); None when the number is exact."""
    counted: str
    event: str | None
    negated: bool


COUNTED_FOLD = lexicon.pairs("counted_folds")
"""News synonyms of one category. A compound ("service member") is looked up before its
head, so "three U.S. service members" and "three American troops" both count soldiers."""
EVENT_FOLD = lexicon.pairs("event_folds")
"""What happened to the counted: "killed", "dead", "deaths of" and "lives claimed" are one
event; "forced from their homes" is evacuate and a "death toll" is kill."""
_VICTIMS = lexicon.words("victim_words")
"""Event words that stand for the people they happened to: "12 dead", "16 deaths"."""
PEOPLE = lexicon.words("people_nouns")
"""Counted nouns that are people, for coordination counting ("a commander and two aides")."""
QUALIFIERS = lexicon.pairs("qualifiers")
"""Hedges by the kind whose range ``settings.hedge_bounds`` gives ("more than": lower)."""
PARENTS = lexicon.words("parent_nouns")
"""Nouns of a parent: the number in "a mother of 12" counts her children (``traits``)."""
_CLAUSE_END = {",", ";", ":", "—", "–"}
_LIGHT_VERBS = lexicon.words("light_verbs")


def find_quantities(
    article: Article, doc: Doc, settings: AnalysisSettings = DEFAULT_ANALYSIS
) -> list[Quantity]:
    """Quantities in text order; ``doc`` must be the parse of ``article.text``. A hedged
    figure's range is ``settings.hedge_bounds`` of its hedge ("more than 85": 85 or more)."""
    found: list[Quantity] = []
    for run in number_runs(doc):
        if (quantity := _quantity(article, doc, run, found, settings)) is not None:
            found.append(quantity)
    return sorted(found, key=lambda q: q.number.start)


def children_of(doc: Doc, i: int) -> bool:
    """Whether the number at token ``i`` says how many children a parent has ("a mother
    of 12", "father-of-three"): a value of its own (``traits``), no count of the people
    around it ("killing a mother of 12" killed one)."""
    before = [t for t in doc[max(0, i - 4) : i] if t.text != "-"]
    return (
        len(before) >= 2
        and before[-1].lower_ == "of"
        and before[-2].lower_.split("-")[0] in PARENTS
    )


def same_measure(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities count the same thing under the same event, so they align."""
    return a.counted == b.counted and a.event == b.event


MEASURED_EVENTS = frozenset(EVENT_FOLD.values())
MEASURED_COUNTS = PEOPLE | lexicon.words("measured_count_nouns")


def disagree(a: Quantity, b: Quantity, settings: AnalysisSettings = DEFAULT_ANALYSIS) -> bool:
    """Whether two counts of one known measure (people killed, wounded, missing, evacuated,
    arrested; troops deployed) cannot both be true: their ranges, rounding of exact figures
    allowed for (``settings.rounding``: 20 and 20.6 do not disagree), do not meet. Other
    numbers that share a counted noun ("points", "percent", "rifles") are too often counts
    of different things (two players, two countries, two raids) to call a disagreement."""
    if not same_measure(a, b) or a.negated or b.negated:
        return False
    if a.event not in MEASURED_EVENTS or a.counted not in MEASURED_COUNTS:
        return False
    low_a, high_a = _rounded(a, settings.rounding)
    low_b, high_b = _rounded(b, settings.rounding)
    return high_a < low_b or high_b < low_a


def _rounded(quantity: Quantity, rounding: float) -> tuple[float, float]:
    if quantity.low == quantity.high:
        return quantity.low * (1 - rounding), quantity.high * (1 + rounding)
    return quantity.low, quantity.high


def _clause_head(token: Token) -> Token | None:
    """The nearest verb (or predicative adjective) above ``token``: the clause stating it."""
    for above in token.ancestors:
        if above.pos_ in ("VERB", "AUX") and above.dep_ not in ("aux", "auxpass"):
            return above
        if above.pos_ == "ADJ" and any(c.dep_.startswith("nsubj") for c in above.children):
            return above
    return None


def _fold(token: Token, table: dict[str, str]) -> str | None:
    compound = [c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1]
    both = f"{compound[0].lower_} {token.lemma_.lower()}" if compound else ""
    return table.get(both) or table.get(token.lower_) or table.get(token.lemma_.lower())


def _counted(noun: Token) -> str:
    if (folded := _fold(noun, COUNTED_FOLD)) is not None:
        return folded
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma == noun.lower_ and lemma.endswith("s"):
        return lemma[:-1]  # the lemmatizer leaves proper plurals alone: "Iraqis"
    return lemma


def _toll(token: Token) -> str:
    return next((EVENT_FOLD[c.lemma_] for c in token.lefts if c.lemma_ in EVENT_FOLD), "kill")


def _path(anchor: Token, clause: Token | None) -> list[Token]:
    """The tokens above ``anchor``, up to and including its clause's head."""
    above = [*anchor.ancestors]
    return above[: above.index(clause) + 1] if clause in above else above


def _event(anchor: Token, clause: Token | None) -> str | None:
    """The first folded event word between the counted noun and its clause, or next to the
    clause's verb ("confirmed dead", "remain stationed", "among the missing"); else the
    verb's lemma, unless the verb is a light one ("be", "say")."""
    path = _path(anchor, clause)
    extras = [c for c in anchor.rights if c.dep_ == "acl"]
    if clause is not None:
        extras += [c for c in clause.children if c.dep_ in ("acomp", "oprd", "xcomp", "attr")]
        objects = [g for c in clause.children if c.dep_ == "prep" for g in c.children]
        extras += objects + [m for g in objects for m in g.children if m.dep_ in ("acl", "amod")]
    for token in path + extras:
        if token.lemma_ == "life" and token.head.lemma_ in ("claim", "take", "cost"):
            return "kill"
        if token.lemma_ == "toll":
            return _toll(token)
        homes = [g for c in token.children if c.lower_ == "from" for g in c.children]
        if token.lemma_ in ("force", "drive") and any(g.lemma_ == "home" for g in homes):
            return "evacuate"
        if token.pos_ != "PROPN" and (folded := _fold(token, EVENT_FOLD)) is not None:
            return folded
    if clause is not None and clause.pos_ == "VERB" and clause.lemma_ not in _LIGHT_VERBS:
        return clause.lemma_.lower()
    participles = [c for c in extras if c.dep_ == "acl" and c.tag_ == "VBN"]
    return participles[0].lemma_.lower() if participles else None


def _is_person(token: Token) -> bool:
    has_det = any(c.dep_ in ("det", "poss") for c in token.children)
    return token.ent_type_ == "PERSON" or (has_det and _counted(token) in PEOPLE)


def _coordinated(noun: Token) -> tuple[Token, int, str] | None:
    """For "X and N other Zs" or "a commander and N aides": (first conjunct, how many the
    other conjuncts add, counted); None when the coordination is not one count."""
    first = noun.head
    while first.dep_ == "conj":
        first = first.head
    before = sorted((c for c in (first, *first.conjuncts) if c.i < noun.i), key=lambda t: t.i)
    if noun.dep_ != "conj" or any(
        c.pos_ not in ("NOUN", "PROPN")
        or c.tag_ in ("NNS", "NNPS")
        or any(g.dep_ == "nummod" for g in c.children)
        for c in before
    ):
        return None
    people = all(_is_person(c) for c in before)
    if noun.lower_ == "others":
        return first, len(before), "person" if people else _counted(before[0])
    if any(c.dep_ == "amod" and c.lower_ in ("other", "more") for c in noun.children):
        return first, len(before), _counted(noun)
    return (first, len(before), "person") if people and _counted(noun) in PEOPLE else None


def qualifier(doc: Doc, i: int) -> tuple[str | None, str | None, int]:
    """The hedge right before token ``i``: (as written, its kind, its first token)."""
    for size in (3, 2, 1):
        if i - size >= doc[i].sent.start:
            words = doc[i - size : i]
            if (kind := QUALIFIERS.get(" ".join(t.lower_ for t in words))) is not None:
                return words.text.lower(), kind, i - size
    return None, None, i


def _quantity(
    article: Article,
    doc: Doc,
    run: tuple[int, int, int],
    found: list[Quantity],
    settings: AnalysisSettings,
) -> Quantity | None:
    """The quantity of the number run ``i:j`` (a range when it goes on to ``top``)."""
    i, j, top = run
    tokens = list(doc[i:top])
    if skipped(doc, i, top) or children_of(doc, i):
        return None
    value, number = number_value(tokens[: j - i]), number_head(tokens)
    if is_label(tokens, number, value):
        return None
    upper = number_value(tokens[j - i + 1 :]) if top > j else None
    head, at, counted, noun = number.head, i, "", None
    if i > 0 and doc[i - 1].lower_ in ("$", "us$", "£", "€"):
        at, counted = i - 1, COUNTED_FOLD[doc[i - 1].lower_]
    if number.dep_ in ("nummod", "quantmod", "amod", "compound") and head.i > number.i:
        noun = head
    if noun is not None and noun.lower_ == "old":
        return None  # "68 and 48-years-old": ages (``ages``), no count
    partitive = [g for c in number.rights if c.lower_ == "of" for g in c.children]
    if noun is None and partitive:
        if partitive[0].pos_ == "PRON" or (
            number.lower_ == "one" and _counted(partitive[0]) not in PEOPLE
        ):
            return None
        noun = partitive[0]
    extra, anchor, start, event = 0, noun or number, at, None
    if noun is not None and not counted:
        if noun.lower_ in _VICTIMS or noun.lemma_ in _VICTIMS:
            counted, event = "person", _fold(noun, EVENT_FOLD)  # "12 dead", "16 deaths"
        elif (joined := _coordinated(noun)) is not None:
            anchor, extra, counted = joined
            start = anchor.left_edge.i
        else:
            counted = _counted(noun)
    clause = _clause_head(anchor)
    event = event or _event(anchor, clause)
    victim = [c for c in number.rights if c.lower_ in _VICTIMS and c.dep_ in ("amod", "acl")]
    if not counted and victim:  # a headline's "12 dead and 30 injured"
        counted, event = "person", _fold(victim[0], EVENT_FOLD)
    if not counted:
        subject = [c for c in (clause.children if clause else []) if c.dep_.startswith("nsubj")]
        earlier = [q for q in found if q.evidence.start >= doc[i].sent.start_char]
        if number.lower_ == "one" or not number.dep_.startswith(("nsubj", "dobj", "pobj", "attr")):
            return None
        if subject and subject[0].lemma_ == "toll":
            counted, event = "person", _toll(subject[0])
        elif earlier:
            counted = earlier[-1].counted
        else:
            return None
    hedge, kind, first = qualifier(doc, at)
    low, high = (b if b == math.inf else value * b for b in settings.hedge_range(kind))
    if upper is not None:  # "between 20 and 30 people": 20 to 30
        hedge, low, high = hedge or doc[j].lower_, value, upper
    path = [*tokens, anchor, *_path(anchor, clause)]
    end = max(top, noun.i + 1 if noun is not None and extra else top)
    lo, hi = _evidence(doc, clause, [doc[first], doc[start], doc[end - 1], anchor])
    return Quantity(
        evidence=Span.of(article, doc[lo].idx, doc[hi].idx + len(doc[hi])),
        number=Span.of(article, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),
        value=value + extra,
        low=low + extra,
        high=high + extra,
        qualifier=hedge,
        counted=counted,
        event=event,
        negated=any(c.dep_ == "neg" for t in path for c in t.children),
    )


def _evidence(doc: Doc, clause: Token | None, must: list[Token]) -> tuple[int, int]:
    """Token bounds of the clause that states the number, cut to its core: a lead set off by
    a comma or a dash, trailing clauses and whatever follows the next comma are dropped."""
    sent = must[0].sent
    core_lo, core_hi = min(t.i for t in must), max(t.i for t in must)
    lo, hi = sent.start, sent.end - 1
    if clause is not None:
        lo, hi, core_hi = clause.left_edge.i, clause.right_edge.i, max(core_hi, clause.i)
        if clause.dep_ == "relcl":  # "a U.S. base in Jordan, which claimed the lives of ..."
            lo = min(lo, clause.head.left_edge.i)
        for child in clause.children:
            last = child.right_edge.i
            if last < core_lo and _CLAUSE_END & {doc[last].text, doc[last + 1].text}:
                lo = max(lo, last + 1)
            if child.i > core_hi and child.dep_ in ("advcl", "conj", "cc", "parataxis"):
                hi = min(hi, child.left_edge.i - 1)
    hi = next((k - 1 for k in range(core_hi + 1, hi + 1) if doc[k].text in _CLAUSE_END), hi)
    while lo < core_lo and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ in ("cc", "mark")):
        lo += 1
    while hi > core_hi and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    return max(min(lo, core_lo), sent.start), min(max(hi, core_hi), sent.end - 1)
