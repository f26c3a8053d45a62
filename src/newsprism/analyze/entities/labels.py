"""How an article describes an actor: roles, titles and epithets, as Spans.

Read from the dependency parse around each mention:
- apposition, either way round: "Yehia Rasool, spokesperson for the Iraqi Prime
  Minister" and "the Iraqi Armed Forces spokesperson, Yehia Rasool";
- premodifiers of the name: "Iraqi Prime Minister Shia' al-Sudani", "Iran-backed
  militia Kataib Hezbollah";
- a category noun the name modifies: "Kata'ib Hezbollah resistance group";
- copular and relative clauses: "Kataib Hezbollah is an Iraqi armed group",
  "..., which is backed by Iran" (not an adjective's phrase: "could be worth the bank");
- naming verbs: "a senior commander ... identified as Abu Baqir al-Saadi";
- a participle of role: "Yahya Rasool, speaking on behalf of Iraq's military".
Labels are data, not verdicts: each stays with the article that wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.entities.mentions import DATE_WORDS, MERIDIEM
from newsprism.analyze.entities.names import TITLES
from newsprism.records import Article, Mention, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ROLE_NOUNS = lexicon.words("person_role_nouns") | lexicon.words("group_role_nouns")
"""Nouns of a role, which may follow a name with no comma ("Chris Weitz the director")."""
CATEGORY_NOUNS = lexicon.words("category_nouns")
"""Nouns that say what kind of actor a name belongs to ("the Kataib Hezbollah group")."""
NAMING_VERBS = lexicon.words("naming_verbs")
ROLE_PARTICIPLES = lexicon.words("role_participles")
RELATIVE_VERBS = lexicon.words("relative_verbs")
COURTESY = lexicon.words("courtesy_titles")
"""Courtesy titles alone say nothing about a person's role."""
_DROP_EDGE = {"det", "punct", "cc", "case", "mark"}
_WH_WORDS = {"WDT", "WP", "WP$", "WRB"}
"""Tags of "how", "which", "who", "whose": a question or clause word before a name is no
part of the words before it that label it ("questions about how convicted rapist Arcade
Joseph Comeaux Jr. fled"); a relative clause after a name keeps its "who"."""


def find_labels(
    article: Article, doc: Doc, mention: Mention, settings: AnalysisSettings = DEFAULT_ANALYSIS
) -> list[Span]:
    """Labels of one mention, in text order, without repeats; none longer than
    ``settings.label_max_tokens``."""
    part = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if part is None or (mention.type == "NORP" and _one_member(part.root)):
        return []
    inside = {t.i for t in part}
    found: dict[tuple[int, int], Span] = {}
    organisation = mention.type in ("ORG", "NORP", "OTHER")
    place = mention.type in ("GPE", "LOC")
    people = mention.type == "NORP"
    for first, last in _candidates(
        part.root, part.start, part.end, inside, organisation, place or people
    ):
        span = _span(article, doc, first, last, inside, settings.label_max_tokens)
        if span is not None:
            found.setdefault((span.start, span.end), span)
    return [found[k] for k in sorted(found)]


def _one_member(root: Token) -> bool:
    """A nationality or party named as one of its members ("the committee's top Democrat",
    "a Republican"): the words around it describe that person, not the group."""
    return root.tag_ in ("NNP", "NN") and any(c.dep_ in ("det", "poss") for c in root.children)


def _candidates(
    root: Token, start: int, end: int, inside: set[int], organisation: bool, place: bool
) -> Iterator[tuple[int, int]]:
    """Token ranges that may describe the name; a place's premodifiers ("northern") are
    geography, and a people's ("most Republicans", "young Greeks") say which of them, not
    labels (``place`` is true for both)."""
    doc = root.doc
    placed = False  # "Newport Beach, Calif., a facility ...": what follows a place's own
    for child in root.children:  # state describes whatever the place phrase sits on
        if child.i in inside:
            continue
        if child.dep_ == "appos" and not _bracketed(child) and not (place and placed):
            if (
                child.i > end
                and not _set_off(doc, end, child.left_edge.i)
                and child.lemma_.lower() not in ROLE_NOUNS
            ):
                continue  # "offered Mark Teixeira an eight-year contract": no apposition
            yield child.left_edge.i, child.right_edge.i
            placed = child.ent_type_ in ("GPE", "LOC")
        elif child.dep_ == "relcl" and child.lemma_ in RELATIVE_VERBS:
            if not any(c.dep_ == "acomp" for c in child.children):  # "who is unemployed"
                yield from _copula(child) or [(child.left_edge.i, child.right_edge.i)]
        elif child.dep_ in ("acl", "advcl") and child.lemma_ in ROLE_PARTICIPLES and child.i > end:
            yield child.left_edge.i, child.right_edge.i
    head = root.head
    if head.i not in inside and head.i != root.i:
        if root.dep_ == "appos" and head.i < start:
            yield head.left_edge.i, start - 1
        elif root.dep_ in ("compound", "nmod") and head.i >= end:
            if organisation and head.lemma_.lower() in CATEGORY_NOUNS:
                yield end, head.i
        elif root.dep_ == "nsubj" and head.lemma_ == "be":
            yield from _copula(head)
        elif root.dep_ == "pobj" and head.lemma_ == "as":
            verb = head.head
            if verb.lemma_ in NAMING_VERBS:
                described = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                if verb.dep_ == "acl":
                    described = [verb.head]
                for noun in described:
                    yield noun.left_edge.i, min(noun.right_edge.i, verb.i - 1)
    if place:
        return
    phrase = {t.i for t in root.subtree}
    run = start
    while (
        run > 0
        and run - 1 in phrase
        and doc[run - 1].dep_ != "det"
        and doc[run - 1].tag_ not in _WH_WORDS
    ):
        run -= 1
    if run < start:
        yield run, start - 1


def _set_off(doc: Doc, end: int, first: int) -> bool:
    """Whether a punctuation mark stands between a name (ending before token ``end``) and
    the apposition after it (from token ``first``): "Teixeira, a first baseman"; a noun
    phrase right after the name ("offered Teixeira an eight-year contract") is the parse
    taking a second object for one."""
    return any(t.is_punct for t in doc[end:first])


def _bracketed(token: Token) -> bool:
    """An apposition in brackets is a note (an injury, an age, a party), not a label."""
    first = token.left_edge.i
    return token.doc[first].text in ("(", "[") or (
        first > 0 and token.doc[first - 1].text in ("(", "[")
    )


def _copula(verb: Token) -> list[tuple[int, int]]:
    """The predicate noun of "is": not a measure after a place ("who has been in rehab a
    total of five times" says where, not what, the actor is), nor an adjective's phrase
    ("could be worth the bank", "is due in court"), which tells a state, not a role."""
    found, located = [], False
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i:
            located = True
        elif child.dep_ == "attr" and not located:  # a noun: "is an armed group"; not an
            # adjective's phrase ("could be worth the bank", "is good with that")
            found.append((child.left_edge.i, child.right_edge.i))
    return found


def _span(
    article: Article, doc: Doc, first: int, last: int, inside: set[int], max_tokens: int
) -> Span | None:
    while first <= last and (doc[first].dep_ in _DROP_EDGE or doc[first].is_punct):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].dep_ in ("cc", "case")):
        last -= 1
    if last < first or last - first + 1 > max_tokens or inside & set(range(first, last + 1)):
        return None
    tokens = doc[first : last + 1]
    if tokens.text.lower().strip(".") in COURTESY or not any(_describes(t) for t in tokens):
        return None
    if "\n" in tokens.text or _across_line_end(article.text, doc, first, last, inside):
        return None  # a headline, a byline or a dateline run into the name's line
    if any(t.tag_ == "WP$" for t in tokens):  # "the dictator, whose grandfather Kim Il Sung"
        return None  # says whose relative the name is: it describes another person

    return Span.of(article, tokens.start_char, tokens.end_char)


def _across_line_end(text: str, doc: Doc, first: int, last: int, inside: set[int]) -> bool:
    """Whether the words between the name and its label break the line with no stop between
    ("... killed in crash: NYPD" ending a headline, "A 59-year-old woman was killed" the next
    line): a label runs on from its name in one phrase ("Yehia Rasool,\nspokesperson"
    wrapped after its comma is one). ``text`` is the text ``doc`` parses."""
    if last < min(inside):
        gap = text[doc[last].idx + len(doc[last]) : doc[min(inside)].idx]
    else:
        gap = text[doc[max(inside)].idx + len(doc[max(inside)]) : doc[first].idx]
    return "\n" in gap and not any(c in gap for c in ",;:-–—([")


def _describes(token: Token) -> bool:
    """A word that says something about a name: not only other names and particles."""
    if token.lower_ in TITLES:
        return True
    if token.lower_ in DATE_WORDS or MERIDIEM.fullmatch(token.text):
        return False
    if token.lower_ in ("am", "pm") and token.i > 0 and token.doc[token.i - 1].like_num:
        return False  # "9: 56 AM"
    return token.pos_ in ("NOUN", "ADJ", "VERB") and not token.ent_type_
