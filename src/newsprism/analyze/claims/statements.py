"""The statements of one article: the sentences and clauses a fact can be read from.

A statement is one sentence of the parse, cut again at blank lines (a headline, a dateline
or a caption run into the next paragraph is not part of its sentence) and trimmed of
surrounding white space, so its Span is exactly the article's words. A sentence of several
clauses also gives each clause as a statement of its own ("A gang member was convicted
Tuesday" inside a longer sentence), so that a fact stated in passing can align with
another outlet's sentence about it: on facts-dev this lifts corroboration recall from
0.60 to 0.71 (``align``). Fragments too short
to state a fact ("Read more", "12/16/08 1:30 AM EST") and page furniture ("Posted on
Friday, September 20, 2013") are left out: a statement has at least
``settings.statement_min_words`` alphabetic words (five: a sentence of facts-dev's gold
needs that many), and at most ``settings.statements_per_article`` sentences of an article
are read (later sentences of long articles are rarely shared by other outlets, and the
pairwise alignment grows with the square of the statements).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.nlp import text_of
from newsprism.records import Article, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

_BLANK_LINE = re.compile(r"\n\s*\n")
_METADATA = re.compile(
    r"(?:posted|published|updated|last updated|originally published|on behalf of)\b", re.I
)
"""Page furniture that states when a page was posted, not what happened."""
_WORD = re.compile(r"[^\W\d_]+")
_NAMING_PARTICIPLES = lexicon.words("naming_participles")
_ATTRIBUTING = lexicon.words("attribution_verbs")
"""Verbs that only say who said or wrote something ("said", "told", "reported")."""
_FRAME = frozenset(
    {"nsubj", "nsubjpass", "prep", "agent", "advmod", "npadvmod", "aux", "auxpass", "neg"}
    | {"punct", "cc", "mark", "dative"}
)
"""What a verb of saying has around it when it says only who spoke, where and when."""


@dataclass(frozen=True)
class Statement:
    """One sentence of one article, with what alignment and comparison read from it."""

    span: Span
    lemmas: frozenset[str]
    """Content-word lemmas and numbers, lower-cased: the statement's terms."""
    verb: str | None
    """The lemma of the sentence's main verb, when there is one."""
    proper: frozenset[int] = frozenset()
    """Where the proper nouns of the sentence start (character offsets in the article)."""
    sentence: bool = True
    """A whole sentence; False for a clause, which follows its sentence."""
    parent: int = -1
    """For a clause, the index of its sentence among the story's statements (set by the
    caller that gathers them)."""
    reported: frozenset[int] = frozenset()
    """Where the days and times of the sentence start that say when words were said or
    published ("the paper reported Sunday"), not when the event happened."""
    subject: tuple[int, ...] = ()
    """Where the subject of the main verb is written (its head word, and the heads of its
    appositions: "Kim's father, Kim Jong Il, died"), character offsets in the article."""
    placed: frozenset[int] = frozenset()
    """Where the proper nouns start that the recogniser reads as places (GPE, LOC)."""


def statements(
    article: Article, doc: Doc, settings: AnalysisSettings = DEFAULT_ANALYSIS
) -> Iterator[Statement]:
    """The article's statements in text order; ``doc`` parses ``article.text``."""
    min_words = settings.statement_min_words
    count = 0
    for first, last in _sentences(doc):
        for start, end in _pieces(article.text, first, last):
            words = article.text[start:end]
            if len(_WORD.findall(words)) < min_words or _METADATA.match(words):
                continue
            tokens = doc.char_span(start, end, alignment_mode="expand")
            if tokens is None:
                continue
            yield _statement(article, tokens)
            clauses = _clauses(tokens, min_words)
            yield from (_statement(article, clause, False) for clause in clauses)
            count += 1
            if count >= settings.statements_per_article:
                return


_SPLIT_FIGURE = re.compile(r"\d\.\s*$")
_SPLIT_TITLE = re.compile(r"(?<![\w.])([A-Z][a-z]{1,4})\.\s*$")
_TITLES = lexicon.words("title_abbreviations")
_RECURRING = frozenset({"each", "every"})
REPORT_DAY_VERBS = lexicon.words("report_day_verbs")
"""Verbs whose day is when words were said or published ("reported Sunday"), not the event's."""


def _sentences(doc: Doc) -> Iterator[tuple[int, int]]:
    """Sentence bounds, a figure or a title cut by the sentence splitter mended: "a
    magnitude of 6. 4" (text whose figures carry a space after the point) and "the building,
    Const. Tony Fanning said" are one sentence each, not two."""
    bounds: list[tuple[int, int]] = []
    text = text_of(doc)
    for sentence in doc.sents:
        if bounds and _cut(text[max(0, bounds[-1][1] - 8) : bounds[-1][1]], sentence):
            bounds[-1] = (bounds[-1][0], sentence.end_char)
        else:
            bounds.append((sentence.start_char, sentence.end_char))
    return iter(bounds)


def _cut(before: str, sentence: TokenSpan) -> bool:
    """Whether a sentence goes on from the one ``before`` ends: after a figure's point ("6. |4")
    or an abbreviated title before a person's name ("Const. |Tony Fanning"; not "400 Ocean
    Dr. |Police closed the road")."""
    if sentence.text[:1].isdigit():
        return bool(_SPLIT_FIGURE.search(before[-4:]))
    title = _SPLIT_TITLE.search(before)
    return bool(title and title.group(1).lower() in _TITLES and sentence[0].ent_type_ == "PERSON")


def _statement(article: Article, tokens: TokenSpan, sentence: bool = True) -> Statement:
    return Statement(
        Span.of(article, tokens.start_char, tokens.end_char),
        frozenset(t.lemma_.lower() for t in tokens if (t.is_alpha and not t.is_stop) or t.like_num),
        _main_verb(tokens),
        frozenset(t.idx for t in tokens if t.pos_ == "PROPN"),
        sentence,
        reported=frozenset(
            t.idx
            for t in tokens
            if t.ent_type_ in ("DATE", "TIME") and governing_verb(t) in REPORT_DAY_VERBS
        ),
        subject=_subject(tokens),
        placed=frozenset(
            t.idx for t in tokens if t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC")
        ),
    )


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _subject(tokens: TokenSpan) -> tuple[int, ...]:
    """Where the main verb's subject is written: its head word, then its appositions'; for
    a relative clause whose subject is the relative pronoun ("Mr. Comey, who was fired in
    May"), the noun the clause is about, and for one with a subject of its own ("Comey,
    whom Trump fired"), that subject."""
    root = tokens.root
    if root.pos_ in ("NOUN", "PROPN"):  # a noun phrase and its relative clause
        clause = next((c for c in root.children if c.dep_ == "relcl"), None)
        own = [c for c in clause.children if c.dep_ in _SUBJECTS] if clause is not None else []
        head: Token | None = own[0] if own and own[0].lower_ not in _RELATIVES else root
    else:
        head = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if head is None:
        return ()
    if head.lower_ in _RELATIVES and root.dep_ == "relcl":
        head = root.head
    return (head.idx, *(c.idx for c in head.children if c.dep_ == "appos"))


def governing_verb(token: Token) -> str | None:
    """The lemma of the verb (or copula) whose time a day or time word gives (see
    ``governing``)."""
    verb = governing(token)
    return None if verb is None else str(verb.lemma_.lower())


def governing(token: Token) -> Token | None:
    """The verb (or copula) whose time a day or time word gives: the nearest one it hangs
    from through prepositions and other time words ("attempts on Saturday were
    unsuccessful" is of "be", "early Friday morning" of the verb). None for the time of a
    thing ("Thursday's semifinal", "a shooting at the party Friday") and for a recurring
    day ("the second Tuesday of each month"), nor for a bound of a period ("airstrikes
    launched since sundown on Monday": they went on after it, ``_PERIOD_BOUNDS``). A
    participle that only names a thing ("a line called Mantra in September") passes the
    time on to the verb above it."""
    if _recurring(token):
        return None
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            between = token.doc[ancestor.i + 1 : token.i]
            bound = any(t.lower_ in _PERIOD_BOUNDS and t.head == ancestor for t in between)
            return None if bound else _past_naming(ancestor)
        if not _time_word(ancestor) or ancestor.lower_ in _PERIOD_BOUNDS:
            return None
    return None


_PERIOD_BOUNDS = frozenset({"since", "until", "till"})
"""Prepositions whose time is where a period starts or ends, not when an act happened: on
the way from the time to its verb, or hanging from that verb between it and the time
("launched since sundown on Monday evening", where the parse hangs the day from the verb;
not "launched strikes on Gaza, under blockade since 2007, on Monday")."""


def _past_naming(verb: Token) -> Token:
    """The verb itself, or for a participle that names a thing ("launched a line called
    Mantra in September", where the parse hangs the month from "called"), the verb of the
    named thing."""
    if verb.dep_ != "acl" or verb.lemma_.lower() not in _NAMING_PARTICIPLES:
        return verb
    return next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)


def _recurring(day: Token) -> bool:
    """Whether a day recurs: "every Tuesday", "the second Tuesday of each month"."""
    words = [*day.children, *(g for c in day.children if c.dep_ == "prep" for g in c.subtree)]
    return any(w.lower_ in _RECURRING for w in words)


UNKNOWN_THING = "?"
"""What a verb was done to when its object is a pronoun ("signed it"): some thing, unknown."""
_REFLEXIVES = frozenset(
    {"myself", "yourself", "himself", "herself", "itself", "ourselves", "themselves"}
)
_RELATIVES = lexicon.words("relative_pronouns")


def named_objects(verb: Token | None) -> frozenset[str]:
    """The proper nouns naming whom a verb was done to, lower-cased: its object ("signed
    DeShawn Wynn"), or the subject of its passive ("Bell was signed"), a relative pronoun
    read as the name it follows ("Joique Bell, who was signed Wednesday")."""
    found: set[str] = set()
    for head in _done_to(verb):
        words = [*(c for c in head.children if c.dep_ == "compound"), head]
        found.update(t.lower_ for t in words if t.pos_ == "PROPN")
    return frozenset(found)


def doer(verb: Token | None) -> int | None:
    """Where a verb's subject is written (its head word's first character): its own, or for
    a verb joined to one before it ("was stopped and arrested"), that one's; a relative
    pronoun is read as the noun it follows ("Jackson, who was stopped"). None for none."""
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            relative = subject.tag_ in ("WP", "WDT") or subject.lower_ in _RELATIVES
            return verb.head.idx if relative and verb.dep_ == "relcl" else subject.idx
        verb = verb.head if verb.dep_ == "conj" else None
    return None


def _done_to(verb: Token | None) -> Iterator[Token]:
    """The heads of what a verb was done to: its objects and the subject of its passive, a
    relative pronoun read as the noun it follows."""
    if verb is None:
        return
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            relative = child.tag_ in ("WP", "WDT") or child.lower_ in _RELATIVES
            yield verb.head if relative and verb.dep_ == "relcl" else child


def object_head(verb: Token | None) -> str | None:
    """The lemma of the noun a verb was done to: its object ("signed an executive order":
    order), the subject of its passive, a relative pronoun read as the noun it follows
    ("the order that Obama signed": order), or the noun a participle describes ("a provision
    signed by the president": provision). ``UNKNOWN_THING`` for a pronoun ("signed it");
    None when the verb was done to its own subject ("checked herself in") or to nothing."""
    if verb is None:
        return None
    for head in _done_to(verb):
        if head.pos_ in ("NOUN", "PROPN"):
            return str(head.lemma_.lower())
        return None if head.lower_ in _REFLEXIVES else UNKNOWN_THING
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return str(verb.head.lemma_.lower())
    return None


_PRICING = frozenset({"worth", "valued", "priced"})
"""Words that give a noun's worth as the amount after them ("a necklace worth £1.2m")."""
_HEDGES = frozenset(w for q in lexicon.pairs("qualifiers") for w in q.split())
_HEDGES |= {"a", "an", "estimated", "at"}
"""Words between a pricing word and its amount ("worth an estimated £1.7m")."""
_THING_WORDS = frozenset({"NOUN", "PROPN"})


def valued_thing(amount: TokenSpan) -> str | None:
    """The lemma of what an amount of money is the worth of, when the words around it say:
    "a diamond necklace worth £1.2m" (the word before "worth", however tagged: "watches
    worth £1.7m" is often read as a verb), "the deal is worth $160 million" and "the
    jewellery was valued at $2m" (the subject of the copula or the passive), "£910,000 worth
    of jewellery", "$2 million of jewelry"; hedges between are skipped ("worth an estimated
    £1.7m"). None otherwise: "a $160 million offer" and "a $170 million deal" may be one
    thing named two ways."""
    doc = amount.doc
    k = amount.start - 1
    while k >= 0 and amount.start - k <= 4 and doc[k].lower_ in _HEDGES:
        k -= 1
    if k > 0 and doc[k].lower_ in _PRICING:
        return _priced(doc[k])
    rest = [t for t in doc[amount.end : amount.end + 5] if t.lower_ != "worth"]
    if rest and rest[0].lower_ == "of":
        for token in rest[1:]:
            if token.pos_ in _THING_WORDS:
                return str(token.lemma_.lower())
            if token.pos_ not in ("DET", "ADJ", "NUM"):
                break
    return None


def _priced(pricing: Token) -> str | None:
    """The noun a pricing word gives the worth of: the subject of a copula or a passive
    before it, else the word right before it."""
    doc = pricing.doc
    before = doc[pricing.i - 1]
    verb = pricing if pricing.pos_ == "VERB" else before if before.lemma_ == "be" else None
    if verb is not None:
        verb = verb if any(c.dep_.startswith("nsubj") for c in verb.children) else verb.head
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        return str(subjects[0].lemma_.lower()) if subjects else None
    return str(before.lemma_.lower()) if before.is_alpha else None


def named_places(verb: Token | None) -> frozenset[str]:
    """The proper nouns a verb's prepositions lead to, days and times aside ("arrived in
    Prague on Sunday": prague), lower-cased."""
    if verb is None:
        return frozenset()
    return frozenset(
        token.lower_
        for prep in verb.children
        if prep.dep_ == "prep"
        for token in prep.subtree
        if token.pos_ == "PROPN" and token.ent_type_ not in ("DATE", "TIME")
    )


_HALF_DAY = re.compile(r"[ap]\.?(?:m\.?)?|m\.", re.IGNORECASE)


def _time_word(token: Token) -> bool:
    """A word a day or time may hang from on its way to its verb: a preposition, a figure,
    a word of a date or time ("Friday morning", "1: 30 a. m.")."""
    return (
        token.pos_ in ("ADP", "NUM", "SYM", "PUNCT")
        or token.ent_type_ in ("DATE", "TIME")
        or _HALF_DAY.fullmatch(token.text) is not None
    )


_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis"})


def _clauses(tokens: TokenSpan, min_words: int) -> Iterator[TokenSpan]:
    """The clauses of a sentence of several: each verb heading a clause, with its words
    but not those of the clauses it heads in turn (the span runs from its first to its
    last own word; a relative clause's from the noun phrase it is about)."""
    heads = [
        t
        for t in tokens
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in _CLAUSE_DEPS or t.dep_ == "ROOT")
    ]
    if len(heads) < 2:
        return
    inner = {h.i for h in heads}
    for head in heads:
        nested = [h for h in heads if h is not head and head in h.ancestors]
        skip = {t.i for h in nested for t in h.subtree}
        own = [t for t in head.subtree if t.i not in skip and tokens.start <= t.i < tokens.end]
        own = [t for t in own if not (t.is_punct or t.is_space or t.dep_ in ("cc", "mark"))]
        if not own or head.i not in inner:
            continue
        if _attribution(head, {t.i for t in own}) or _infinitive(head):
            continue
        first = _antecedent(head, own[0]) if own[0].lower_ in _RELATIVES else own[0].i
        part = _quotes_closed(tokens, max(first, tokens.start), own[-1].i + 1)
        words = sum(1 for t in tokens.doc[own[0].i : own[-1].i + 1] if t.is_alpha)
        if words >= min_words and len(part) < len(tokens) - 2:  # its own words, not the noun's
            yield part


def _infinitive(head: Token) -> bool:
    """A clause headed by an infinitive ("to regulate greenhouse-gas emissions", "agencies
    to decide for themselves"): what was wanted, allowed or intended, not a fact stated."""
    return any(c.tag_ == "TO" and c.dep_ == "aux" for c in head.children)


def _quotes_closed(sentence: TokenSpan, start: int, end: int) -> TokenSpan:
    """The tokens ``start:end``, with the quotation mark right after or before them when
    one of theirs is left open ('condemning it as "a blatant assassination"')."""
    doc = sentence.doc
    if sum(t.is_quote for t in doc[start:end]) % 2:
        if end < sentence.end and doc[end].is_quote:
            end += 1
        elif start > sentence.start and doc[start - 1].is_quote:
            start -= 1
    return doc[start:end]


def _antecedent(head: Token, relative: Token) -> int:
    """Where a relative clause's words start when read alone: at the noun phrase it is
    about ("Mr. Comey, who was fired in May", not "who was fired in May")."""
    if head.dep_ != "relcl":
        return relative.i
    return int(head.head.left_edge.i)


def _attribution(head: Token, own: set[int]) -> bool:
    """Whether a clause only says who said something: a verb of saying whose words said
    are not its own ("his sister Mahnefah Gray said", "the councilman said on Twitter")."""
    return head.lemma_.lower() in _ATTRIBUTING and all(
        c.dep_ in _FRAME for c in head.children if c.i in own
    )


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of text[start:end] between blank lines, each trimmed of white space."""
    cut = start
    for gap in _BLANK_LINE.finditer(text, start, end):
        yield from _trimmed(text, cut, gap.start())
        cut = gap.end()
    yield from _trimmed(text, cut, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _main_verb(tokens: TokenSpan) -> str | None:
    for token in tokens:
        if token.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX"):
            return str(token.lemma_.lower())
    return None
