"""Direct quotations in one article: the quoted words, the speech cue and who spoke.

Quote marks are paired by a small scanner rather than by the parser, because
spaCy's sentence splitter often cuts a quote from its attribution ("...off." /
"\\n\\nThe NVHA...") and because the marks must never be confused with
apostrophes ("didn’t", "Kata’ib", "Hamas’"). Only after the marks are paired
does the dependency parse come in: it links the quote to a speech verb (the
quote's head hangs off "said", or "said" hangs off the quote as parataxis) and
the verb to its subject. Where the parse fails, a nearby speech verb and the
names next to it stand in, so a bad parse costs the speaker, not the quote.

What is not a quote: indirect speech (no marks at all); scare quotes, nicknames
and titles, that is quoted fragments inside a sentence that no speech verb
governs ('condemned the ‘blatant assassination’', 'chanted “death to America”')
and quoted words that are all capitalised ('Wissam Mohammed “Abu Bakr” al-Saadi',
a quoted headline). A fragment that a speech verb governs is a quote with
``partial=True`` ('cautioned that Washington's actions would have "disastrous
consequences..."'). A quoted sentence without a cue in its own sentence is still a
quote when it ends like a sentence; it is attributed, in this order, to the subject
of a sentence ending in a colon just before it ('X was blunt: "..."'), to the
speaker of the quote in the sentence before it ('"...," one of them said.
"Everybody knew."'), or to the speech verb of the sentence before it ('Yeager said.
"She was so at ease."').

Speakers: a name is taken as written (the named entity, or the proper-noun
compound). A pronoun ("he") resolves to the nearest earlier fitting entity,
sentence by sentence, preferring a sentence's subject; entities NER mislabels as
ORG but whose words are those of a person named elsewhere ("Rasool") count as
persons, and one-word all-capital PERSON entities ("NVHA") as organisations. A
definite description ("the spokesperson", "the governor") resolves to the
nearest earlier entity described with that noun (an appositive or a title next
to the name); an indefinite or unresolved one ("one protester") is kept as the
description itself, since those words are all the text says about the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from newsprism.analyze.quote_grouping import group_quotes
from newsprism.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Entity

__all__ = ["FoundQuote", "find_quotes", "group_quotes"]


@dataclass(frozen=True)
class FoundQuote:
    """One quotation as one article prints it."""

    span: Span
    """The quoted words, without the quote marks (or a trailing comma)."""
    cue: Span | None
    """The speech verb or phrase: "said", "told", "according to"."""
    speaker: Span | None
    """The name of the speaker in this article; for a pronoun or a description, the
    name it refers to; the description itself when it names no one earlier."""
    partial: bool
    """A quoted fragment inside a reporter's sentence, not a whole utterance."""


_SPEECH_VERBS = """say tell add state stress emphasize emphasise warn caution insist claim declare
announce explain argue assert note remark comment write tweet post reply respond answer ask urge
recall acknowledge admit concede deny conclude mention confirm suggest express describe vow pledge
promise predict complain shout cry exclaim whisper scream yell testify maintain observe underline
underscore reiterate repeat quip joke allege contend affirm proclaim lament boast inform speak
continue demand read call"""
SPEECH_VERBS = frozenset(_SPEECH_VERBS.split())
"""Lemmas of verbs that introduce reported speech."""
_SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "legislator": "lawmaker",
    "mp": "lawmaker",
    "parliamentarian": "lawmaker",
    "chief": "head",
    "leader": "head",
}
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"it", "they", "them"})
_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"
_DOUBLE_MARKS = frozenset(_OPEN_DOUBLE + _CLOSE_DOUBLE + '"')
_SINGLE_BEFORE = frozenset("([{—–-“\"'")
_STRAIGHT_BEFORE = frozenset("([{—–-/:‘'")
"""What may stand before an opening straight double quote; after a word or a comma
('life,"said') the mark closes."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_ALL_MARKS = frozenset(_DOUBLE_MARKS | {"‘", "’"})
_CUE_CHILD = frozenset({"parataxis", "advcl", "ccomp", "dep", "prep"})
"""How a speech verb (or "according") can hang off the quote's head when the parser
makes the quote the main clause."""
_FRAGMENT_LINKS = frozenset(
    {"ccomp", "xcomp", "dobj", "attr", "acomp", "oprd", "advcl", "parataxis", "dep", "prep"}
)
_CLIMB = frozenset({"advcl", "conj", "xcomp", "ccomp"})
"""Relations through which a speech verb without a subject takes its head's subject:
'Rasool denounced the attack, stating that ...'."""
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TITLE_WORDS = frozenset({"prime", "minister", "president", "secretary", "governor", "general"})

Pair = tuple[int, int]
"""Offsets of an opening and its closing mark."""
Kind = Literal["person", "org"]


def find_quotes(article: Article, doc: Doc) -> list[FoundQuote]:
    """Direct quotations of ``article``, in text order. ``doc`` is its spaCy parse."""
    if doc.text != article.text:
        raise ValueError(f"the parse given for article {article.id} is not of its text")
    return _Finder(article, doc).quotes()


def paragraphs(text: str) -> list[Pair]:
    """Paragraph bounds: blank lines separate them, or single newlines in a text without any."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n\s*")
    bounds, start = [], 0
    for match in separator.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


MarkTest = Callable[[str, int, int, int], bool]
"""(text, index, paragraph start, paragraph end) -> whether the mark there qualifies."""


def _opens_double(text: str, i: int, start: int, end: int) -> bool:
    if text[i] in _OPEN_DOUBLE:
        return True
    if text[i] != '"' or i + 1 >= end or text[i + 1].isspace():
        return False
    return i == start or text[i - 1].isspace() or text[i - 1] in _STRAIGHT_BEFORE


def _closes_double(text: str, i: int, start: int, end: int) -> bool:
    return text[i] in _CLOSE_DOUBLE or text[i] == '"'


def _opens_single(text: str, i: int, start: int, end: int) -> bool:
    before_ok = i == start or text[i - 1].isspace() or text[i - 1] in _SINGLE_BEFORE
    return text[i] == "‘" and before_ok and i + 1 < end and not text[i + 1].isspace()


def _closes_single(text: str, i: int, start: int, end: int) -> bool:
    after_ok = i + 1 >= end or not text[i + 1].isalnum()
    return text[i] == "’" and i > start and not text[i - 1].isspace() and after_ok


def pair_marks(
    text: str,
    bounds: list[Pair],
    opens: MarkTest,
    closes: MarkTest,
    blocked: bytearray,
    carry_to_closer: bool = False,
) -> list[Pair]:
    """Pair opening and closing marks paragraph by paragraph.

    A quote left open at a paragraph's end goes on when the next paragraph starts
    with an opening mark (the convention for a quote of several paragraphs) or, with
    ``carry_to_closer``, when the first mark of the next paragraph can only close (a
    text cut into one sentence a line); otherwise the unclosed mark is dropped, since
    guessing its end would invent words.
    """
    pairs: list[Pair] = []
    open_at: int | None = None
    for start, end in bounds:
        scan = start
        if open_at is not None:
            marks = (
                i
                for i in range(start, end)
                if not blocked[i] and (opens(text, i, start, end) or closes(text, i, start, end))
            )
            first = next(marks, None)
            if first == start and opens(text, start, start, end):
                scan = start + 1
            elif not carry_to_closer or first is None or opens(text, first, start, end):
                open_at = None
        for i in range(scan, end):
            if blocked[i]:
                continue
            if open_at is not None and closes(text, i, start, end):
                pairs.append((open_at, i))
                open_at = None
            elif opens(text, i, start, end):
                open_at = i
    return pairs


def _mark_pairs(text: str, bounds: list[Pair]) -> list[Pair]:
    """Double-quote pairs, then single curly pairs outside them, in text order."""
    unblocked = bytearray(len(text))
    doubles = pair_marks(text, bounds, _opens_double, _closes_double, unblocked, True)
    blocked = bytearray(len(text))
    for a, b in doubles:
        blocked[a : b + 1] = b"\x01" * (b + 1 - a)
    singles = pair_marks(text, bounds, _opens_single, _closes_single, blocked)
    return sorted(doubles + singles)


def _trim(text: str, start: int, end: int) -> Pair:
    """The quoted words without surrounding blanks or the attribution's comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


@dataclass(frozen=True)
class _Candidate:
    """An entity a pronoun or a description may refer to."""

    span: Pair
    kind: Kind
    sentence: int
    subject: bool
    describers: frozenset[str]


class _Finder:
    """The state shared by the quotes of one article: marks, paragraphs, entities."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article, self.doc, self.text = article, doc, article.text
        self.bounds = paragraphs(self.text)
        self.paragraph_starts = [a for a, _ in self.bounds]
        self.pairs = _mark_pairs(self.text, self.bounds)
        self.starts = [t.idx for t in doc]
        self.quoted = {t.i for a, b in self.pairs for t in self._tokens(a + 1, b)}
        self.ent_of = {t.i: e for e in doc.ents if e.label_ in _NAME_LABELS for t in e}
        self.sent_index = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        person_words = {
            t.lower_ for e in doc.ents if _is_person(e) for t in e if t.is_alpha
        } - _TITLE_WORDS
        self.candidates = [c for e in doc.ents if (c := self._candidate(e, person_words))]

    def quotes(self) -> list[FoundQuote]:
        result: list[FoundQuote] = []
        last = -1
        for n, pair in enumerate(self.pairs):
            found = self._quote(n, pair)
            if found is None:
                continue
            quote, inherits = found
            if inherits and last == n - 1:
                quote = replace(quote, speaker=result[-1].speaker)
            result.append(quote)
            last = n
        return result

    def _tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that start within [start, end)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.doc[i] for i in range(first, last)]

    def _paragraph(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def _region(self, n: int, pair: Pair) -> Pair:
        """The reporter's words around a quote: its sentences, within its paragraphs,
        up to the neighbouring quotes."""
        doc, (open_at, close_at) = self.doc, pair
        left = self.bounds[self._paragraph(open_at)][0]
        right = self.bounds[self._paragraph(close_at)][1]
        if n > 0:
            left = max(left, self.pairs[n - 1][1] + 1)
        if n + 1 < len(self.pairs):
            right = min(right, self.pairs[n + 1][0])
        after_open = self._tokens(open_at, close_at + 1)
        if after_open:
            sentence = after_open[0].sent
            start = sentence.start_char
            split_at_colon = self.text[:start].rstrip().endswith(":")  # 'He said:' cut off
            if sentence.start > 0 and split_at_colon and not self.text[start:open_at].strip():
                start = doc[sentence.start - 1].sent.start_char
            left = max(left, start)
        after_close = self._tokens(close_at + 1, right)
        if after_close:
            right = min(right, after_close[0].sent.end_char)
        return left, max(left, right)

    def _quote(self, n: int, pair: Pair) -> tuple[FoundQuote, bool] | None:
        """The quote between a pair of marks, and whether it takes the speaker of the
        quote before it; None for scare quotes, nicknames and titles."""
        start, end = _trim(self.text, pair[0] + 1, pair[1])
        words = _WORD.findall(self.text[start:end])
        if not words:
            return None
        closing = self.text[pair[0] + 1 : pair[1]].rstrip().rstrip("’'\"”»")[-1:]
        ends_sentence = closing in (".", "?", "!", "…")
        left, right = self._region(n, pair)
        inside = [t for t in self._tokens(start, end) if t.text not in _ALL_MARKS]
        region = [t for t in self._tokens(left, right) if t.i not in self.quoted]
        region = [t for t in region if t.text not in _ALL_MARKS]
        lead = self.text[left : pair[0]].strip()
        in_sentence = not (lead == "" or lead[-1] in ":.!?")
        strict = in_sentence and lead[-1] != ","
        cue = self._linked_cue(inside, {t.i for t in region}, strict)
        partial = in_sentence and not (lead[-1] == "," and cue is not None)
        if _is_title(words) and (
            partial or len(words) > 3 or not (ends_sentence or closing == ",")
        ):
            return None  # a name or a title: 'Wissam Mohammed “Abu Bakr” al-Saadi'
        if cue is None and (not partial or len(words) >= 4):
            cue = self._near_cue(region, pair, before_only=partial)
        inherits, token = False, None
        if cue is None:
            if partial or len(words) < 4 or not ends_sentence:
                return None
            token = self._colon_subject(pair)
            if token is None:
                cue, inherits = self._cue_before(n, pair, left)
        if cue is not None:
            token = self._speaker_token(cue)
        quote = FoundQuote(
            Span.of(self.article, start, end),
            self._cue_span(cue) if cue is not None else None,
            self._speaker_span(token) if token is not None else None,
            partial,
        )
        return quote, inherits

    def _colon_subject(self, pair: Pair) -> Token | None:
        """The subject of a sentence that ends in a colon before the quote, speech verb
        or not: 'Andrew Wetzler was blunt: "We will see them in court."'."""
        before = self.text[: pair[0]].rstrip()
        colon = self._tokens(len(before) - 1, len(before))
        if not before.endswith(":") or not colon:
            return None
        root = colon[0].sent.root
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i not in self.quoted]
        return subjects[0] if subjects else None

    def _cue_before(self, n: int, pair: Pair, left: int) -> tuple[Token | None, bool]:
        """For a quoted sentence without a cue: the speech verb of the sentence before
        it, or (second) whether that sentence holds the quote before it."""
        para = self._paragraph(pair[0])
        limit = self.bounds[para][0]
        if para > 0 and not self.text[limit : pair[0]].strip():
            limit = self.bounds[para - 1][0]
        before = [t for t in self._tokens(limit, left) if not t.is_space]
        if not before:
            return None, False
        sentence_start = max(before[-1].sent.start_char, limit)
        if n > 0 and self.pairs[n - 1][1] >= sentence_start:
            return None, True
        verbs = [t for t in self._tokens(sentence_start, left) if _is_cue(t)]
        return (verbs[-1] if verbs else None), False

    def _linked_cue(self, inside: list[Token], region: set[int], strict: bool) -> Token | None:
        """A speech verb the parse links to the quote: an ancestor of the quote's head
        (within three steps), or a verb hanging off it. ``strict``, for a fragment: within
        two steps, through clause, object and complement relations only, so that the verb
        says the fragment ('said he had "heard the reports"') rather than governs a clause
        it sits in ('responded to the blaze, using trucks as well as "a number" of ...')."""
        inside_ids = {t.i for t in inside}
        roots = [t for t in inside if t.head.i not in inside_ids or t.head.i == t.i]
        for root in roots:
            token = root
            for _ in range(2 if strict else 3):
                if token.head.i == token.i or (strict and not _says(token)):
                    break
                token = token.head
                if token.i in region and _is_cue(token):
                    return token
        for root in roots:
            for child in root.children:
                if child.i in region and child.dep_ in _CUE_CHILD and _is_cue(child):
                    return child
        return None

    def _near_cue(self, region: list[Token], pair: Pair, before_only: bool) -> Token | None:
        """The speech verb nearest the quote marks, for when the parse links none."""
        cues = [t for t in region if _is_cue(t) and (not before_only or t.idx < pair[0])]
        return min(
            cues, key=lambda t: min(abs(t.idx - pair[0]), abs(t.idx - pair[1])), default=None
        )

    def _cue_span(self, cue: Token) -> Span:
        last = self.doc[cue.i + 1] if cue.lower_ == "according" else cue
        return Span.of(self.article, cue.idx, last.idx + len(last))

    def _speaker_token(self, cue: Token) -> Token | None:
        """The subject of the speech verb, or of the verb it hangs off, in the cue's
        paragraph (a parse running across a headline can reach further)."""
        token = self._subject(cue)
        same = token is not None and self._paragraph(token.idx) == self._paragraph(cue.idx)
        return token if same else None

    def _subject(self, cue: Token) -> Token | None:
        if cue.lower_ == "according":
            objects = [c for c in self.doc[cue.i + 1].children if c.dep_ == "pobj"]
            return objects[0] if objects and objects[0].i not in self.quoted else None
        verb = cue
        for step in range(4):
            roles = ("nsubj", "nsubjpass") if verb.lemma_ == "quote" else ("nsubj",)
            subjects = [c for c in verb.children if c.dep_ in roles and c.i not in self.quoted]
            if verb.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in subjects):
                subjects = []
            # a verb the cue hangs off may have a subject that cannot speak:
            # 'the situation constitutes a crisis, calling it "..."'
            named = [c for c in subjects if self._names_someone(c)]
            if named or (subjects and step == 0):
                return (named or subjects)[0]
            if verb.dep_ == "relcl" and verb.head.i not in self.quoted:
                return verb.head  # "Rasool, who said"
            if verb.dep_ == "acl" and self._names_someone(verb.head):
                return verb.head  # "Rasool, speaking for the army"
            if verb.dep_ in ("pcomp", "acl"):  # "is quoted as saying", "a request, saying"
                verb = verb.head
            elif verb.dep_ not in _CLIMB or verb.head.i in self.quoted:
                break
            verb = verb.head
        return self._adjacent_name(cue)

    def _names_someone(self, token: Token) -> bool:
        lower = token.lower_
        person = lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS
        return person or token.i in self.ent_of or token.pos_ == "PROPN"

    def _adjacent_name(self, cue: Token) -> Token | None:
        """A name or pronoun right next to the cue, when the parse gave it no subject."""
        for distance in (1, 2, 3):
            for i in (cue.i + distance, cue.i - distance):
                near = 0 <= i < len(self.doc) and i not in self.quoted
                if near and (i in self.ent_of or self.doc[i].lower_ in _PERSON_PRONOUNS):
                    return self.doc[i]
        return None

    def _speaker_span(self, token: Token) -> Span | None:
        if token.pos_ == "NOUN":  # "the Iraqi Armed Forces spokesperson, Yehia Rasool"
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.ent_of:
                    return self._span(_name_bounds(list(self.ent_of[child.i])))
        if token.i in self.ent_of:
            return self._span(_name_bounds(list(self.ent_of[token.i])))
        if token.lower_ in _PERSON_PRONOUNS or token.lower_ in _GROUP_PRONOUNS:
            return self._resolve_pronoun(token)
        if token.pos_ == "PROPN":
            parts = [c for c in token.lefts if c.dep_ in ("compound", "flat")] + [token]
            return self._span(_name_bounds(parts))
        if token.pos_ in ("NOUN", "NUM", "PRON"):
            return self._describe(token)
        names = [t for t in token.subtree if t.i in self.ent_of and t.i not in self.quoted]
        names.sort(key=lambda t: self.ent_of[t.i].label_ != "PERSON")
        return self._span(_name_bounds(list(self.ent_of[names[0].i]))) if names else None

    def _span(self, bounds: Pair | None) -> Span | None:
        return Span.of(self.article, *bounds) if bounds is not None else None

    def _before(self, offset: int, kinds: Iterable[Kind]) -> list[_Candidate]:
        wanted = set(kinds)
        return [c for c in self.candidates if c.span[1] <= offset and c.kind in wanted]

    def _resolve_pronoun(self, token: Token) -> Span | None:
        """The nearest earlier fitting entity, preferring the subject of its sentence."""
        found = self._before(token.idx, ["person" if token.lower_ in _PERSON_PRONOUNS else "org"])
        if not found:
            return None
        same = [c for c in found if c.sentence == found[-1].sentence]
        subjects = [c for c in same if c.subject]
        return self._span((subjects or same)[-1].span)

    def _describe(self, token: Token) -> Span | None:
        """A definite description resolved to the entity it describes, else itself."""
        left = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")]
        first = min((t.left_edge for t in left), key=lambda t: t.i, default=token)
        last = token
        for child in token.rights:  # "one of them", "a member of parliament"
            if child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.i - token.i < 6:
                last = child.right_edge
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in left)
        noun = _SYNONYMS.get(token.lemma_.lower(), token.lemma_.lower())
        if definite and token.pos_ == "NOUN":
            fits = [c for c in self._before(first.idx, ["person", "org"]) if noun in c.describers]
            if fits:
                return self._span(fits[-1].span)
        return self._span((first.idx, last.idx + len(last)))

    def _candidate(self, ent: Entity, person_words: set[str]) -> _Candidate | None:
        """An entity as an antecedent; ORG-labelled surnames of named persons are persons."""
        words = {t.lower_ for t in ent if t.is_alpha}
        kind: Kind | None = None
        if _is_person(ent) or (ent.label_ in ("ORG", "GPE", "NORP") and words <= person_words):
            kind = "person" if words else None
        elif ent.label_ in ("ORG", "PERSON"):
            kind = "org"
        span = _name_bounds(list(ent))
        if kind is None or span is None or ent.root.i in self.quoted:
            return None
        root = ent.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        return _Candidate(span, kind, self.sent_index[root.i], subject, self._describers(ent))

    def _describers(self, ent: Entity) -> frozenset[str]:
        """Nouns the parse ties to an entity: a title in the name ("Governor Ilyas
        Demirkhanov"), compounded with it ("Provincial governor Ilias Demirchanow"), an
        appositive ("Yehia Rasool, spokesperson for ...") or the noun the name is in
        apposition to ("the Iraqi Armed Forces spokesperson, Yehia Rasool")."""
        inside = {t.i for t in ent}
        words = [t for t in ent]
        for token in ent:
            for child in token.children:
                if child.i not in inside and child.dep_ in ("compound", "amod", "appos"):
                    words.append(child)
                    words.extend(c for c in child.children if c.dep_ in ("compound", "amod"))
        if ent.root.dep_ == "appos":
            words.append(ent.root.head)
        lemmas = (t.lemma_.lower() for t in words)
        return frozenset(_SYNONYMS.get(w, w) for w in lemmas)


def _is_title(words: list[str]) -> bool:
    """Every word of four letters or more capitalised: a name or a title, not speech."""
    long = [w for w in words if len(w) >= 4]
    return bool(long) and all(w[0].isupper() for w in long)


def _is_person(ent: Entity) -> bool:
    """A PERSON entity, unless it is one all-capital word, which NER often mislabels ("NVHA")."""
    return ent.label_ == "PERSON" and not (len(ent) == 1 and ent.text.isupper())


def _name_bounds(tokens: list[Token]) -> Pair | None:
    """Character bounds of a name without a leading "the", quote marks or a trailing "'s"."""
    while tokens and (tokens[0].lower_ == "the" or tokens[0].text in _ALL_MARKS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in ("'s", "’s") or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _is_cue(token: Token) -> bool:
    """A speech verb in the active voice ("was declared as ..." names, it does not quote),
    or "according" in "according to"."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS and not passive


def _says(token: Token) -> bool:
    """Whether a fragment's head hangs off its parent as what the parent says or is."""
    if token.dep_ == "pobj":
        return token.head.lower_ == "as"  # 'described the attack as "a cowardly act"'
    return token.dep_ in _FRAGMENT_LINKS
