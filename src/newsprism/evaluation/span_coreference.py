"""Coreference over given mention spans: names, descriptions and pronouns.

Evaluation sets such as ECB+ give every mention, names or not, and annotate only some
sentences. ``resolve_spans`` first resolves each story as ``analyze`` does (``resolve``:
names found in the whole text, chains across articles, every occurrence of their names,
descriptions), then labels each given span:
- a span whose head word lies inside an entity's mention takes that entity; a proper name
  the recogniser missed ("CHIEFS"), or one inside a longer name ("Microsoft" in "Microsoft
  Internet Explorer"), takes the one entity that has that name;
- a personal pronoun joins the nearest earlier person in its article whom the story
  does not call the other gender ("her" is no one called "a father of two"): a mention
  of a person entity in any sentence, annotated or not, or a given span describing a
  person ("a Mafia boss ... hanged himself"; never a plural, "Mafia bosses"); a subject
  pronoun first the person last named as a subject in its sentence or the one before
  ("Luck found Wayne. He also set the record"),
  and not a person described after that subject as its verb's object ("Lohan fooled a
  judge ... she fled"), for a "she" only one the story calls a woman, as the claims read
  a subject pronoun; a pronoun with no one before it ("After she left ..., Lindsay
  Lohan") is the first person named after it whom the story does not call the other
  gender; a possessive in a relative clause is whom its "who" stands for ("LaRue, an
  official who served a term for his role");
- "its" joins the thing or group that is the subject of its verb ("Microsoft fixed its
  browser"), else, as "it" and its forms, the nearest earlier thing; "they" and its
  forms the nearest earlier plural or name (not people, pronouns or times); "who",
  "which" and "where" join the noun they attach to, or the name that noun is in
  apposition to;
- a span that names a day ("Friday", "late Friday night", "yesterday" in an article
  dated the Saturday after) joins the other spans of the story that name that day
  (``span_days``);
- a description ("the actress") joins the span it is an apposition or premodifier of
  (on one line: a headline with no stop is no apposition of the next line's first noun),
  else the one entity whose labels or names share its head word (a plural never a
  person's: "climbers" is not the one climber the story names; of several, the one its
  article named last before it, else first after it, else the one the story mentions far
  more than the others: "the navy" is the Indian Navy, not the British Royal Navy named
  once), else, for a gendered noun that is no relative's ("a woman"), the one person of
  that gender its article names (where it names no one the story calls so, the story's
  one person so called, or the one it mentions far more than the others; a bystander,
  "a woman who lives nearby", in such an article is taken for that person too), else the
  other descriptions with that head word or one that means the same ("the car", "the
  vehicle": ``_synonyms``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Container, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from newsprism import lexicon
from newsprism.analyze.claims.when import article_day
from newsprism.analyze.entities.aliases import AliasTable, default_aliases
from newsprism.analyze.entities.descriptions import ROLE_NOUNS, label_heads
from newsprism.analyze.entities.names import name_words
from newsprism.analyze.entities.resolve import resolve
from newsprism.analyze.mentions import MentionIndex
from newsprism.evaluation.span_days import story_days
from newsprism.models import Models
from newsprism.records import Article, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

PERSONAL = lexicon.words("person_pronouns") | lexicon.words("person_pronoun_forms")
RELATIVE = lexicon.words("relative_pronouns") | {"where"}
"""Words that open a clause about the noun before them: "who", "which", and "where" of a
place ("the prison in Springfield, where he died")."""
GROUP = lexicon.words("group_pronouns") | lexicon.words("group_pronoun_forms")
SINGULAR_GROUP = frozenset(w for w in GROUP if w.startswith("it"))
""""it", "its", "itself": a thing or an organisation; the rest ("they") a group or plural."""
TIMES = frozenset({"DATE", "TIME"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
GENDERED = lexicon.pairs("gendered_words")
KIN = lexicon.words("kin_nouns")
PERSON_NOUNS = ROLE_NOUNS["PERSON"]
COMMON_NOUNS = frozenset().union(*ROLE_NOUNS.values(), GENDERED, KIN)
"""Nouns read as such when a title-case headline has them parsed as names."""
SYNONYM_COSINE = 0.75
"""Read off ECB+ dev (``benchmarks/coreference.py``): CoNLL F1 0.7407 at 0.65, 0.7403 at
0.7, 0.7404 at 0.75, 0.7390 at 0.8; 0.75 has the best B-cubed F1 of these (0.7589), and
below it words of one field that name two things join ("mountain" and "mountaineer" at
0.72, "shotgun" and "pistol" at 0.71)."""
PHRASE_COSINE = 0.7
"""Read off ECB+ dev (``benchmarks/coreference.py``), spans with figures left out: B-cubed
F1 0.7701 at 0.7 (CoNLL 0.7534), 0.7695 at 0.6 (0.7546); with figures in, B-cubed F1 was
0.7650, 0.7675, 0.7706, 0.7705 and 0.7699 at 0.9, 0.8, 0.7, 0.6 and 0.5, while CoNLL rose
to 0.7587 at 0.5 at a B-cubed precision of 0.868 (0.903 at 0.7): the best B-cubed F1 is
kept."""
DOMINANT = 3
"""How many times as often as all the other actors carrying a label together one must be
mentioned to be the one an article that names none of them means by it. Read off ECB+ dev
(``benchmarks/coreference.py``): CoNLL F1 0.7603 / 0.7601 / 0.7598 / 0.7588 and B-cubed
F1 0.7756 / 0.7756 / 0.7754 / 0.7750 at 2 / 3 / 5 / 10 (0.7577 / 0.7730 without the
rule); 3 keeps more of the B-cubed precision than 2 (0.9026 against 0.9019)."""
Item = tuple[Article, "Doc", Sequence[tuple[int, int]]]


class _Mentions:
    """Where each entity is mentioned in one article: sorted starts, ends, entity numbers."""

    def __init__(self, found: list[tuple[int, int, int]]) -> None:
        found.sort()
        self.starts = [s for s, _, _ in found]
        self.found = found

    def holding(self, low: int, high: int) -> tuple[int, int, int] | None:
        """The mention around the characters ``low:high``: its start, end and entity."""
        at = bisect_right(self.starts, low) - 1
        while at >= 0 and self.found[at][0] <= low:
            if high <= self.found[at][1]:
                return self.found[at]
            at -= 1
        return None

    def first_after(self, position: int, wanted: set[int]) -> tuple[int, int] | None:
        """The first mention of one of ``wanted`` after ``position``: where, and the entity."""
        for start, _, number in self.found[bisect_right(self.starts, position - 1) :]:
            if start >= position and number in wanted:
                return start, number
        return None

    def last_before(self, position: int, wanted: set[int]) -> tuple[int, int] | None:
        """The last mention of one of ``wanted`` (people, or the actors carrying a label)
        before ``position``: where, and the entity."""
        at = bisect_right(self.starts, position) - 1
        while at >= 0:
            start, end, number = self.found[at]
            if end <= position and number in wanted:
                return start, number
            at -= 1
        return None


def resolve_spans(
    items: Sequence[Item], models: Models, aliases: AliasTable | None = None
) -> list[list[int]]:
    """For each article, one cluster label per given span (labels shared across articles)."""
    aliases = aliases or default_aliases()
    articles = [article for article, _, _ in items]
    docs = [doc for _, doc, _ in items]
    entities = resolve(articles, docs, models, aliases)
    by_article: dict[str, list[tuple[int, int, int]]] = {a.id: [] for a in articles}
    for number, entity in enumerate(entities):
        for span in entity.mentions:
            if span.article in by_article:
                by_article[span.article].append((span.start, span.end, number))
    where = {article: _Mentions(found) for article, found in by_article.items()}
    people = {n for n, e in enumerate(entities) if e.type == "PERSON"}
    continuing = {  # whom a subject "she" or "he" may continue, as the claims read it
        "f": {n for n in people if MentionIndex.fits(entities[n], "f", said=True)},
        "m": {n for n in people if MentionIndex.fits(entities[n], "m")},
    }
    called = {  # whom the story calls a woman, a man
        g: {n for n in people if MentionIndex.fits(entities[n], g, said=True)} for g in "fm"
    }
    heads = _heads(entities, {a.id: d for a, d in zip(articles, docs, strict=True)})
    sizes = [len(e.mentions) for e in entities]
    dominant = {  # by label, and by gender: the story's one woman, or its salient one
        word: found
        for word, carrying in {
            **heads,
            **{f"gender:{g}": called[g] for g in called},
        }.items()
        if (found := _salient(carrying, sizes)) is not None
    }
    names = _names(entities)
    parts = [[_part(doc, s, e) for s, e in spans] for _, doc, spans in items]
    days = story_days(
        [[(p, _head(p).lemma_.lower()) if p is not None else None for p in row] for row in parts],
        [article_day(article.published) for article in articles],
    )
    labels: list[list[int]] = []
    for index, (article, _, _) in enumerate(items):
        mentions = where[article.id]
        labels.append(
            [
                _entity(part, mentions, names) if day is None else -1
                for part, day in zip(parts[index], days[index], strict=True)
            ]
        )
    next_label = len(entities)
    by_head: dict[str, int] = {}
    said: dict[str, list[str]] = {}  # the texts of the spans of each head word left alone
    for pronouns in (False, True):  # pronouns last: they may stand for a description
        for index, (article, _, spans) in enumerate(items):
            for position in sorted(range(len(spans)), key=lambda n: spans[n]):
                part = parts[index][position]
                if labels[index][position] >= 0 or _pronoun(part) != pronouns:
                    continue
                day = days[index][position]
                linked = (
                    _link(
                        part,
                        labels[index],
                        parts[index],
                        where[article.id],
                        people,
                        heads,
                        continuing,
                        called,
                        dominant,
                    )
                    if part is not None and day is None
                    else None
                )
                if linked is None:
                    key = day or (_key(_head(part)) if part is not None else f"#{index}:{position}")
                    if key in RELATIVE or key in PERSONAL or key in GROUP:
                        key = f"#{index}:{position}"
                    if part is not None:
                        said.setdefault(key, []).append(part.text)
                    if key not in by_head:
                        by_head[key] = next_label
                        next_label += 1
                    linked = by_head[key]
                labels[index][position] = linked
    same = _synonyms(by_head, said, models)
    return [[same.get(label, label) for label in row] for row in labels]


def _synonyms(
    by_head: Mapping[str, int], said: Mapping[str, Sequence[str]], models: Models
) -> dict[int, int]:
    """The labels of head words of spans left alone (descriptions no actor carries, and
    the rest: a time no day resolves, a name no actor has) that mean one thing, each
    mapped to one of them: words whose embeddings have a cosine of ``SYNONYM_COSINE`` or
    more ("car" and "vehicle", "jail" and "prison", "thief" and "robber"), or whose spans,
    read whole, do (the mean embedding of each word's span texts, ``PHRASE_COSINE``:
    "Mafia boss" and "Mafia leader", "a Paris boutique" and "an upmarket jewellery
    store"). Both nouns of people or neither ("prisoner" is no "prison"); gendered nouns
    and kin left out (a "woman" and a "man" are alike as words); spans with a figure left
    out of the second test (two amounts are two values, however alike their words)."""
    words = [w for w in by_head if w.isalpha() and w not in GENDERED and w not in KIN]
    if len(words) < 2:
        return {}
    person = np.array([w in PERSON_NOUNS for w in words])
    alike = person[:, None] == person[None, :]
    vectors = models.embedder.embed(words)
    joined = (vectors @ vectors.T >= SYNONYM_COSINE) & alike
    worded = np.array([bool(said.get(w)) and not _figure(said[w]) for w in words])
    if worded.sum() > 1:
        chosen = np.nonzero(worded)[0]
        texts = [text for n in chosen for text in said[words[n]]]
        read = models.embedder.embed(texts)  # one pass over every span's text
        phrases = np.zeros_like(vectors)
        at = 0
        for n in chosen:
            mean = read[at : at + len(said[words[n]])].mean(axis=0)
            at += len(said[words[n]])
            phrases[n] = mean / max(float(np.linalg.norm(mean)), 1e-12)
        joined |= (phrases @ phrases.T >= PHRASE_COSINE) & alike & np.outer(worded, worded)
    root = {by_head[w]: by_head[w] for w in words}

    def find(label: int) -> int:
        while root[label] != label:
            label = root[label]
        return label

    for i, j in zip(*np.nonzero(np.triu(joined, k=1)), strict=True):
        root[find(by_head[words[j]])] = find(by_head[words[i]])
    return {label: find(label) for label in root if find(label) != label}


def _figure(texts: Sequence[str]) -> bool:
    return any(c.isdigit() for text in texts for c in text)


def _entity(part: TokenSpan | None, mentions: _Mentions, names: dict[tuple[str, ...], int]) -> int:
    """The entity a given span is a mention of (-1 for none): the one with a mention around
    its head word, unless the span is a name inside a longer one ("Microsoft" inside
    "Microsoft Internet Explorer") that is a name of its own."""
    if part is None:
        return -1
    head = _head(part)
    held = mentions.holding(head.idx, head.idx + len(head))
    if head.pos_ == "PROPN" and (
        held is None or held[0] < part.start_char or held[1] > part.end_char
    ):
        named = _named(part, names)
        if named is not None:
            return named
    return held[2] if held is not None else -1


def _names(entities: Sequence[Entity]) -> dict[tuple[str, ...], int]:
    """Each entity's names (as transliteration keys), whole and by their last word (a
    surname, a team's "Chiefs"), mapped to the one entity that has each (-2 where several
    do); a whole name outranks a last word ("Hansbrough" is the entity of that name, not
    Gene Hansbrough)."""
    whole: dict[tuple[str, ...], int] = {}
    last: dict[tuple[str, ...], int] = {}
    for number, entity in enumerate(entities):
        for span in entity.names:
            words = name_words(span.text)
            if words:
                whole[words] = number if whole.get(words, number) == number else -2
                last[words[-1:]] = number if last.get(words[-1:], number) == number else -2
    return {**last, **whole}


def _named(part: TokenSpan, names: dict[tuple[str, ...], int]) -> int | None:
    """The entity a proper name the recogniser missed ("CHIEFS", "the New Orleans Saints"
    where no entity was tagged) is one of the names of, when only one entity has it: a name
    of several words whole, a one-word name also as the last word of an entity's name."""
    words = name_words(" ".join(t.text for t in part if t.pos_ == "PROPN"))
    found = names.get(words) if words else None
    return found if found is not None and found >= 0 else None


def _heads(entities: Sequence[Entity], docs: dict[str, Doc]) -> dict[str, set[int]]:
    """Head nouns of each entity's labels, of the descriptions that stand for it ("the
    actress") and of its names of several words ("Wasilla Bible Church" -> church), mapped
    to the entities that have each."""
    heads: dict[str, set[int]] = {}
    for number, entity in enumerate(entities):
        words = label_heads(entity.labels, docs) | label_heads(entity.descriptions, docs)
        for span in entity.names[:20]:
            doc = docs.get(span.article)
            part = doc.char_span(span.start, span.end, alignment_mode="expand") if doc else None
            if part is not None and len(part) > 1:
                words.add(part.root.lemma_.lower())
        for word in words:
            heads.setdefault(word, set()).add(number)
    return heads


def _salient(carrying: set[int], sizes: Sequence[int]) -> int | None:
    """Of actors that carry one label (or that the story calls a woman, or a man), the one
    mentioned ``DOMINANT`` times as often as all the others together ("navy": the Indian Navy, 32
    mentions, not the British Royal Navy, 1), when there is one."""
    if not carrying:
        return None
    first = max(carrying, key=lambda n: (sizes[n], -n))
    rest = sum(sizes[n] for n in carrying if n != first)
    return first if sizes[first] >= DOMINANT * rest else None


def _part(doc: Doc, start: int, end: int) -> TokenSpan | None:
    """The tokens of a given span, without the punctuation at its ends ("Friday night."),
    which would otherwise be its head."""
    part = doc.char_span(start, end, alignment_mode="expand")
    if part is None:
        return None
    first, last = part.start, part.end
    while last - first > 1 and doc[last - 1].is_punct:
        last -= 1
    while last - first > 1 and doc[first].is_punct:
        first += 1
    return doc[first:last]


def _head(part: TokenSpan) -> Token:
    """The span's head word; past a leading preposition ("in Pagliarelli prison"). Where
    the parse hangs several of the span's words outside it ("in the Gulf of Aden, between
    the Horn of Africa ..."), the first of them: the phrase the span opens with."""
    outside = [t for t in part if not (part.start <= t.head.i < part.end) or t.head is t]
    root = outside[0] if len(outside) > 1 else part.root
    if root.pos_ == "ADP":
        objects = [c for c in root.children if c.dep_ == "pobj" and part.start <= c.i < part.end]
        if objects:
            return objects[0]
        if root.i == part.start and len(part) > 1:  # parsed with no object: the rest's head
            return part[1:].root
    return root


def _link(
    part: TokenSpan,
    own: list[int],
    parts: list[TokenSpan | None],
    mentions: _Mentions,
    people: set[int],
    heads: dict[str, set[int]],
    continuing: Mapping[str, set[int]],
    called: Mapping[str, set[int]],
    dominant: Mapping[str, int],
) -> int | None:
    """The label a given span that names no entity takes (None: a label of its own).
    ``continuing`` holds, by gender, the people a subject pronoun may go on with;
    ``called`` those the story calls a woman or a man; ``dominant`` the actor a label
    several carry stands for where its article names none of them."""
    head = _head(part)
    word = head.lower_
    if word in RELATIVE:  # "a man who": the noun the clause's verb attaches to
        if word == "where" and head.head.dep_ != "relcl":
            return None  # "police did not say where he was": no place before it
        return _antecedent(head.head.head, own, parts, mentions)
    if word in PERSONAL:
        doer = _own_subject(head, own, parts, mentions)
        other = {"f": "m", "m": "f"}.get(GENDERED.get(word, ""), "")
        unlike = called.get(other, set())  # "her" is no one the story calls a man
        named = mentions.last_before(part.start_char, people - {doer} - unlike)
        described = _person_description_before(part.start, own, parts, doer)
        whose = _relative_subject(head, own, parts, mentions) if head.dep_ == "poss" else None
        if whose is not None and whose[1] not in unlike:  # "LaRue, an official who served
            between = [  # a term for his role"; not "a lawyer who thanked Mary for her help"
                found[0]
                for found in (mentions.last_before(part.start_char, people), described)
                if found is not None and found[1] != whose[1]
            ]
            if not any(at > whose[0] for at in between):
                return whose[1]
        if head.dep_ in SUBJECTS:  # a subject pronoun continues the last subject named
            allowed = continuing.get(GENDERED.get(word, ""), people)
            subject = _subject_before(part, mentions, allowed)
            named = subject or named
            if subject is not None and described is not None and described[0] > subject[0]:
                acting = _person_description_before(part.start, own, parts, doer, subject=True)
                described = acting if acting is not None and acting[0] > subject[0] else None
        if described is not None and (described[1] in unlike or described[1] == doer):
            described = None
        if described is None and named is None:  # "After she left ..., Lindsay Lohan"
            named = mentions.first_after(part.end_char, people - unlike)
        if described is None or (named is not None and named[0] >= described[0]):
            return named[1] if named is not None else None
        return described[1]
    if word in GROUP:
        if word == "its" and head.dep_ == "poss" and head.head.dep_ != "conj":
            owner = _subject_of(head, own, parts, mentions)  # "Microsoft fixed its browser",
            if owner is not None and owner not in people:  # not "the warehouse and its
                return owner  # contents", whose "its" is the warehouse's
        return _thing_before(part.start, word in SINGULAR_GROUP, own, parts, people)
    lemma = _common(head, heads)
    if lemma is None:
        return None
    for child in head.children:
        if child.dep_ == "appos" and _one_line(head, child):
            found = _at_token(child.i, own, parts)
            if found is not None:
                return found
    if head.dep_ in ("appos", "compound") and _one_line(head, head.head):
        found = _at_token(head.head.i, own, parts)
        if found is not None:
            return found
    apposed = _apposed(head) if head.dep_ == "conj" else None
    if apposed is not None and _one_line(head, apposed):  # "LaRue, a figure and official"
        found = _label_at(apposed, own, parts, mentions)
        if found is not None:
            return found
    carrying = heads.get(lemma, set())
    if head.tag_ in ("NNS", "NNPS"):  # "climbers", "gang members": not one person
        carrying = carrying - people
    if len(carrying) == 1:
        return next(iter(carrying))
    if carrying:  # several actors carry the label: the one its article named last before,
        named = mentions.last_before(part.start_char, carrying)  # else first after ("A
        if named is None:  # Mafia boss hanged himself ... Gaetano Lo Presti, 52, was")
            named = mentions.first_after(part.end_char, carrying)
        if named is None:  # named nowhere in its article: the story's one salient carrier,
            plural = head.tag_ in ("NNS", "NNPS")  # for one of them ("Navies" is no navy)
            return None if plural else dominant.get(lemma)
        return named[1]
    return _only_one_of_gender(head, lemma, mentions, called, dominant)


def _apposed(noun: Token) -> Token | None:
    """The word a noun is in apposition to, past the nouns it is joined to ("LaRue, a
    figure and official": LaRue for "official"); None when it is in none."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    return noun.head if noun.dep_ == "appos" else None


def _key(head: Token) -> str:
    """The word a description is grouped by with the others that have it."""
    return _common(head) or head.lemma_.lower()


def _common(head: Token, labels: Container[str] = frozenset()) -> str | None:
    """The lemma of a head word that is a common noun, also when the parse took it for a
    proper noun, as in a title-case headline ("Actress", "Robbers", "Mafia Boss"), and it
    is a noun of ``COMMON_NOUNS`` or one of the story's ``labels``; None for a name or
    any other word. (Only a span that names no entity comes here: a recognised "Baker" or
    "King" is its entity's.)"""
    if head.pos_ == "NOUN":
        return head.lemma_.lower()
    if head.pos_ != "PROPN":
        return None
    word = head.lower_
    for ending, replaced in (("", ""), ("s", ""), ("ies", "y"), ("ves", "f"), ("es", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: len(word) - len(ending)] + replaced
            if stem in COMMON_NOUNS or stem in labels:
                return stem
    return None


def _one_line(one: Token, other: Token) -> bool:
    """Whether no line ends between two words: a headline with no stop at its end ("...
    killed in crash: NYPD") is parsed as one sentence with the line after it, whose
    first noun is then no apposition of the headline's last."""
    low, high = sorted((one.i, other.i))
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in one.doc[low:high])


def _only_one_of_gender(
    head: Token,
    word: str,
    mentions: _Mentions,
    called: Mapping[str, set[int]],
    dominant: Mapping[str, int],
) -> int | None:
    """The person a singular gendered noun (``word``, its lemma) that is no relative's ("a
    woman", the headline's "Woman", "the girl") stands for when its article names one
    person the story calls so, and only one; in an article that names no one the story
    calls so, the story's salient one (``dominant``)."""
    singular = head.tag_ == "NN" or (head.pos_ == "PROPN" and head.lower_ == word)
    if not singular or word in KIN or word in PERSONAL or word not in GENDERED:
        return None
    if head.pos_ == "NOUN" and head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN":
        return None  # a title before a name ("Mrs Armstead") is part of that name
    named = {number for _, _, number in mentions.found} & called.get(GENDERED[word], set())
    if not named:  # its article names no one so called: the story's salient one
        return dominant.get(f"gender:{GENDERED[word]}")
    return next(iter(named)) if len(named) == 1 else None


def _subject_before(
    part: TokenSpan, mentions: _Mentions, people: set[int]
) -> tuple[int, int] | None:
    """The person (of ``people``) last named as a subject in the pronoun's sentence or the
    one before."""
    doc, sentence = part.doc, part.sent
    since = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
    at = bisect_right(mentions.starts, part.start_char) - 1
    while at >= 0 and mentions.found[at][0] >= since:
        start, end, number = mentions.found[at]
        if end <= part.start_char and number in people:
            named = doc.char_span(start, end, alignment_mode="expand")
            if named is not None and named.root.dep_ in SUBJECTS:
                return start, number
        at -= 1
    return None


def _pronoun(part: TokenSpan | None) -> bool:
    """A pronoun that stands for a person, a thing or a group (labelled after the rest)."""
    return part is not None and _head(part).lower_ in PERSONAL | GROUP


def _last_before(
    token: int,
    own: list[int],
    parts: list[TokenSpan | None],
    fits: Callable[[Token, int], bool],
) -> tuple[int, int] | None:
    """The given span last before ``token``, already labelled, whose head word and label
    ``fits``: where it starts (a character offset), and its label."""
    best: tuple[int, int] | None = None
    for label, part in zip(own, parts, strict=True):
        if part is None or label < 0 or part.end > token or not fits(_head(part), label):
            continue
        if best is None or part.start_char > best[0]:
            best = (part.start_char, label)
    return best


def _own_subject(
    head: Token, own: list[int], parts: list[TokenSpan | None], mentions: _Mentions
) -> int:
    """Whom a pronoun that is the object of a verb cannot stand for: that verb's subject
    ("the suspect ... shot him": not the suspect); a reflexive ("himself") may be the
    subject, so it excludes no one. -1 for no one."""
    if head.dep_ not in ("dobj", "dative") or head.lower_.endswith(("self", "selves")):
        return -1
    verb = head.head
    while True:  # "appeared and shot him": the subject of the first of joined verbs
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects or verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    for child in subjects:
        found = _label_at(child, own, parts, mentions)
        return found if found is not None else -1
    return -1


def _relative_subject(
    word: Token, own: list[int], parts: list[TokenSpan | None], mentions: _Mentions
) -> tuple[int, int] | None:
    """Whom a possessive in a relative clause about a person stands for: the noun or name
    "who" attaches to ("LaRue, an official who served a term for his role": LaRue), with
    where that "who" is."""
    verb = word.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.lower_ == "who" and child.i < word.i:
            found = _at_token(child.i, own, parts)
            if found is None and verb.dep_ == "relcl":
                found = _antecedent(verb.head, own, parts, mentions)
            return (child.idx, found) if found is not None else None
    return None


def _subject_of(
    word: Token, own: list[int], parts: list[TokenSpan | None], mentions: _Mentions
) -> int | None:
    """The label of the subject, named before ``word``, of the verb ``word`` hangs under
    ("Microsoft said it would fix its browser": Microsoft), past the verbs it is joined
    to or completes ("will release a patch to fix its flaw")."""
    verb = word.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    while True:
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects or verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            break
        verb = verb.head
    for child in subjects:
        if child.i > word.i:
            return None
        return _label_at(child, own, parts, mentions)
    return None


def _person_description_before(
    token: int,
    own: list[int],
    parts: list[TokenSpan | None],
    unlike: int = -1,
    subject: bool = False,
) -> tuple[int, int] | None:
    """The description of a person ("the Mafia boss") last before ``token`` (not one that
    stands for ``unlike``; a subject only, when ``subject``)."""

    def person(head: Token, label: int) -> bool:
        if subject and head.dep_ not in SUBJECTS:
            return False
        if head.tag_ == "NNS":  # "he" is one person, not "Mafia bosses"
            return False
        return head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS and label != unlike

    return _last_before(token, own, parts, person)


def _thing_before(
    token: int,
    singular: bool,
    own: list[int],
    parts: list[TokenSpan | None],
    people: set[int],
) -> int | None:
    """The label of the given span last before ``token`` that "it" ("they" when not
    ``singular``) can stand for: not a person, a pronoun or a time; one thing, or a plural
    or a name (a team or company: "the Colts ... they")."""

    def thing(head: Token, label: int) -> bool:
        if label in people or head.pos_ not in ("NOUN", "PROPN"):
            return False
        if head.ent_type_ in TIMES or head.lemma_.lower() in PERSON_NOUNS:
            return False
        plural = head.tag_ in ("NNS", "NNPS")
        return not plural if singular else plural or head.pos_ == "PROPN"

    found = _last_before(token, own, parts, thing)
    return found[1] if found is not None else None


def _antecedent(
    noun: Token, own: list[int], parts: list[TokenSpan | None], mentions: _Mentions
) -> int | None:
    """The label of the noun a relative clause attaches to, or of the name that noun is in
    apposition to ("LaRue, a figure and official who": LaRue)."""
    at: Token | None = noun
    while at is not None:
        found = _label_at(at, own, parts, mentions)
        if found is not None:
            return found
        at = _apposed(at)
    return None


def _label_at(
    token: Token, own: list[int], parts: list[TokenSpan | None], mentions: _Mentions
) -> int | None:
    """The label of the given span holding a word, else of the entity mention holding it."""
    found = _at_token(token.i, own, parts)
    if found is None and (held := mentions.holding(token.idx, token.idx + len(token))):
        found = held[2]
    return found


def _at_token(token: int, own: list[int], parts: list[TokenSpan | None]) -> int | None:
    for label, part in zip(own, parts, strict=True):
        if part is not None and label >= 0 and part.start <= token < part.end:
            return label
    return None
