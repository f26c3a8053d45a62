"""A neutral brief of a story: at most 8 sentences, each citing verbatim evidence.

First what independent outlets agree on (what the most independent sources tell, and tell
earliest in their articles, first), then what they dispute (each side attributed to its
outlets; a value that changed between reports written at different times is said to have
changed, not to be disputed), then notable claims only one outlet makes. The sentences are
the articles' own words in quotation marks, attributed to their outlets, so no label or
framing of one outlet is adopted as the brief's voice.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from newsprism import lexicon
from newsprism.analyze.provenance.outlets import outlet_keys
from newsprism.records import Article, BriefSentence, Claim, ClaimValue, Conflict, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

REPEATED = 0.8
"""Share of the shorter of two quotations' words the other holds for the second to repeat
the first. Set by hand: 1_ecb's "Tara Reid has checked herself into the Promises Treatment
Center" and "'Tara Reid has checked herself into Promises Treatment Center,' Reid's rep
told Us" share 9 of the first's 10 words; "12 people died" and "12 people were injured"
2 of 3."""
AGREED_FACTS = 3
"""Agreed facts the brief tells, at most, before what outlets dispute and what one tells."""
UNNAMED = "\x00"
"""Marks an outlet without a known name in the outlet map."""
_SPELLED: dict[int, str] = {}
for _word, _number in lexicon.pairs("number_words").items():
    _SPELLED.setdefault(int(float(_number)), _word)  # the first word listed for a number
"""Numbers spelled out: the brief writes "two unnamed outlets" up to five."""


def write_brief(
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    articles: Sequence[Article],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
    sources: Callable[[set[str]], int] | None = None,
    alone: Collection[str] | None = None,
) -> tuple[BriefSentence, ...]:
    """At most ``settings.brief_sentences`` sentences, each quoting at most
    ``settings.brief_quoted_words`` words of one article. ``sources(ids)`` is how many
    independent sources some articles are (copies and citers count once): an agreed fact
    says so when its outlets are more than that. ``alone``: the ids of the single-source
    claims no other independent article tells in words alike (``claims.Facts.alone``);
    only those are said to be what one outlet alone reports (all when not given)."""
    most, quoted = settings.brief_sentences, settings.brief_quoted_words
    outlets = _outlet_names(articles)
    sources = sources or len
    sentences: list[BriefSentence] = []
    used: set[tuple[str, int]] = set()
    told: list[frozenset[str]] = []
    corroborated = [c for c in claims if c.status == "corroborated"]
    corroborated.sort(key=_agreed_order(articles, outlets, sources))
    for claim in corroborated:
        if len(sentences) >= AGREED_FACTS:
            break
        spans = [e.span for e in claim.evidence if e.stance == "supports"]
        sentence = _agreed(spans, outlets, used, told, quoted, sources)
        if sentence is not None:
            sentences.append(sentence)
    for conflict in conflicts[:3]:
        sentences.append(_disputed(conflict, outlets, quoted))
        used.update((s.article, s.start) for side in conflict.sides for s in side.evidence)
    singles = [
        c
        for c in claims
        if c.status == "single_source"
        and c.kind != "attribute"
        and (alone is None or c.id in alone)
    ]
    singles.sort(key=lambda c: (c.kind != "quantity", c.kind != "event"))
    for claim in singles:
        if len(sentences) >= most or (len(sentences) >= 4 and claim.kind != "quantity"):
            break
        spans = [e.span for e in claim.evidence]
        if any((s.article, s.start) in used for s in spans) or _told_elsewhere(claim, claims):
            continue  # checked only until the brief is full: it reads every claim
        used.update((s.article, s.start) for s in spans)
        sentences.append(_single(spans, outlets, quoted))
    return tuple(sentences[:most])


def _outlet_names(articles: Sequence[Article]) -> dict[str, str]:
    """Each article's id to the name its outlet goes by in the brief: one name per outlet
    key (its first article's spelling: "NY Post" and "New York Post" are one outlet), or
    UNNAMED and the key for an outlet without a name."""
    keys = outlet_keys(articles)
    names: dict[str, str] = {}
    for article in articles:
        names.setdefault(keys[article.id], article.outlet or UNNAMED + keys[article.id])
    return {article_id: names[key] for article_id, key in keys.items()}


def _told_elsewhere(claim: Claim, claims: Sequence[Claim]) -> bool:
    """Whether a single-source claim is not one outlet's alone after all: its words hold
    the evidence of a claim other outlets share, or another article gives its figure
    ("approximately 2,500 troops remain" beside four outlets' 2,500 troops; "Twelve people
    are confirmed dead" beside another outlet's "12 people were killed")."""
    spans = [e.span for e in claim.evidence]
    articles = {s.article for s in spans}
    for other in claims:
        if other is claim:
            continue
        if other.status != "single_source" and any(
            _overlap(s, e.span) for e in other.evidence for s in spans
        ):
            return True
        if {e.span.article for e in other.evidence} <= articles:
            continue
        if any(_same_figure(mine, theirs) for mine in claim.values for theirs in other.values):
            return True
    return False


def _words(text: str) -> frozenset[str]:
    """The words of a text as compared for repetition: letters and digits, lower case."""
    return frozenset("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _overlap(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _same_figure(a: ClaimValue, b: ClaimValue) -> bool:
    """Two values of one kind whose ranges meet (counts also of one counted thing)."""
    if a.kind != b.kind or not (a.low <= b.high and b.low <= a.high):
        return False
    return a.kind != "count" or a.normalized.rsplit("(", 1)[-1] == b.normalized.rsplit("(", 1)[-1]


def _single(spans: list[Span], outlets: Mapping[str, str], most: int) -> BriefSentence:
    """A claim with one independent source, and the outlets that copy or cite it."""
    source = _names({outlets[spans[0].article]})
    others = {outlets[s.article] for s in spans[1:]} - {outlets[spans[0].article]}
    text = f"Only {source} reports, as an independent source: {_quoted(spans[0], most)}"
    if others:
        text = f"{text} (repeated by {_names(others)}, which copy or cite it)"
    return BriefSentence(text + ".", tuple(spans))


def _agreed_order(
    articles: Sequence[Article],
    outlets: Mapping[str, str],
    sources: Callable[[set[str]], int],
) -> Callable[[Claim], tuple[float, ...]]:
    """How the brief ranks agreed claims: told by more independent sources first, then by
    more outlets, then by how early in their articles the outlets tell it (a news article
    puts its main event first). On facts-dev (benchmarks/README.md) the first agreed
    sentence of the brief went from facts stated by 0.72 of the most-told fact's articles
    (numbers first, then outlets) to 0.90."""
    lengths = {a.id: max(len(a.text), 1) for a in articles}

    def key(claim: Claim) -> tuple[float, ...]:
        spans = [e.span for e in claim.evidence if e.stance == "supports"]
        depth = sum(s.start / lengths[s.article] for s in spans) / max(len(spans), 1)
        return (-sources({s.article for s in spans}), -_outlet_count(claim, outlets), depth)

    return key


def _outlet_count(claim: Claim, outlets: Mapping[str, str]) -> int:
    return len({outlets[e.span.article] for e in claim.evidence if e.stance == "supports"})


def _agreed(
    spans: list[Span],
    outlets: Mapping[str, str],
    used: set[tuple[str, int]],
    told: list[frozenset[str]],
    most: int,
    sources: Callable[[set[str]], int],
) -> BriefSentence | None:
    """An agreed fact in the words of its first statement the brief has not cited, unless
    those words repeat words it has quoted (``REPEATED``: a quotation, then the sentence
    that holds it, "We appreciate your respect ..." / "'We appreciate your respect ...,' he
    said in a statement"); ``told``: the words it has quoted."""
    fresh = [s for s in spans if (s.article, s.start) not in used]
    if not fresh:
        return None
    # the claim's own words come first (the statement the others share most), unless they
    # open with a pronoun a reader of the brief cannot place ("He has been charged ...")
    # and another outlet's words do not
    words = next((s for s in fresh if not _pronoun_first(s.text)), fresh[0])
    mine = _words(words.text)
    if any(len(mine & other) >= REPEATED * min(len(mine), len(other)) for other in told):
        return None
    told.append(mine)
    used.update((s.article, s.start) for s in spans)
    named = {outlets[s.article] for s in spans}
    names = _names(named)
    apart = sources({s.article for s in spans})
    if 2 <= apart < len(named):  # "Reported by 9 unnamed outlets (3 independent of each other)"
        names = f"{names} ({_count(apart)} independent of each other)"
    speaker = _names({outlets[words.article]})
    text = f"Reported by {names}; {speaker} puts it as {_quoted(words, most)}."
    return BriefSentence(text, tuple(spans))


PRONOUNS = lexicon.words("person_pronouns") | lexicon.words("group_pronouns")


def _pronoun_first(text: str) -> bool:
    """Whether the words open with a pronoun ("they had to Taser him")."""
    first = text.split(maxsplit=1)[:1]
    return bool(first) and first[0].strip("“”\"'‘’(").lower() in PRONOUNS


def _disputed(conflict: Conflict, outlets: Mapping[str, str], most: int) -> BriefSentence:
    parts = []
    citations: list[Span] = []
    for side in conflict.sides:
        sources = {outlets[s.article] for s in side.evidence}
        names = _names(sources)
        verb = "say" if len(sources) > 1 else "says"  # one outlet's sentence and clause: "says"
        parts.append(f"{names} {verb} {_quoted(side.evidence[0], most)}")
        citations.extend(side.evidence)
    opening = (
        f"Reports changed over time on {conflict.about}"
        if conflict.kind == "evolving"
        else f"Outlets differ on {conflict.about}"
    )
    return BriefSentence(f"{opening}: " + "; ".join(parts) + ".", tuple(citations))


def _names(outlets: set[str]) -> str:
    """Outlets by name; those without a known name counted ("two unnamed outlets")."""
    ordered = sorted(o for o in outlets if not o.startswith(UNNAMED))
    unnamed = len(outlets) - len(ordered)
    if unnamed:
        ordered.append(
            "an unnamed outlet" if unnamed == 1 else f"{_count(unnamed)} unnamed outlets"
        )
    return ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " and " + ordered[-1]


def _count(number: int) -> str:
    return _SPELLED[number] if 2 <= number <= 5 else str(number)


_DOUBLE = '"“”'


def _singled(text: str) -> str:
    """Double quotation marks made single; straight ones open and close in turn (news text
    may space them either way: 'killed, "he said')."""
    out: list[str] = []
    opened = False
    for char in text:
        if char == '"':
            out.append("’" if opened else "‘")
            opened = not opened
        else:
            out.append({"“": "‘", "”": "’"}.get(char, char))
    return "".join(out)


def _quoted(span: Span, most: int) -> str:
    """The span's words in quotation marks, at most ``most`` of them; its own quotation
    marks made single."""
    plain = span.text.strip()
    marks = sum(plain.count(mark) for mark in _DOUBLE)
    if marks == 2 and len(plain) > 1 and plain[0] in _DOUBLE and plain[-1] in _DOUBLE:
        plain = plain[1:-1].strip()  # all of it a quotation: the brief's marks enclose it
    words = " ".join(_singled(plain).split()).split(" ")
    text = " ".join(words[:most]) + (" …" if len(words) > most else "")
    return f"“{text.rstrip('.')}”"
