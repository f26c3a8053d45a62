"""Cross-document entity coreference on ECB+ dev: newsprism against a same-head-lemma baseline.

Entity mentions of the fully annotated sentences only (the README's rule: elsewhere a
mention may simply be unannotated). Each gold story is resolved on its own: the mentions
of all its articles are clustered together, and mentions of different stories never
corefer in a response. Scores are MUC, B-cubed, CEAF-e and CoNLL F1 over all mentions at
once (stories concatenated, cluster labels made unique per story, gold ones included),
plus the mean of the per-story CoNLL F1. Per gold mention type, pairwise link precision
and recall, and the most frequent wrong merges and missed links, say where a system errs.

    .venv/bin/python benchmarks/coreference.py [--limit-stories N] [--json OUT] [--errors-by-type]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import asdict, dataclass
from math import comb
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.clean import clean
from newsprism.errors import InputError
from newsprism.evaluation.coreference import CorefScores, score
from newsprism.models import Models, default_models
from newsprism.records import Article, RawDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ecbplus-dev"
Key = tuple[str, str]
"""A mention: (doc, m_id)."""
Labels = dict[Key, Hashable]


@dataclass(frozen=True)
class GoldMention:
    doc: str
    m_id: str
    type: str
    chain: str
    start: int
    end: int
    text: str

    @property
    def key(self) -> Key:
        return self.doc, self.m_id


@dataclass(frozen=True)
class GoldStory:
    name: str
    topic: str
    docs: tuple[str, ...]
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True)
class EcbCoref:
    texts: dict[str, str]
    """Raw text of each doc, exactly as read: the mention offsets index it."""
    stories: list[GoldStory]
    counts: dict[str, int]


def _tsv(path: Path) -> list[dict[str, str]]:
    # Fields holding '"' are quoted CSV-style ('"""Riot"""'): a plain split on tabs would
    # keep the quoting and misread 80 mention texts, so read with the csv module.
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def load_ecbplus(root: Path = ECBPLUS, limit_stories: int | None = None) -> EcbCoref:
    """Entity mentions of the annotated sentences, grouped by gold story, offsets checked."""
    story_of = {r["doc"]: r["story"] for r in _tsv(root / "clusters.tsv")}
    topic_of = {r["doc"]: r["topic"] for r in _tsv(root / "clusters.tsv")}
    names = sorted(set(story_of.values()), key=lambda s: (int(s.split("_")[0]), s))
    names = names[:limit_stories] if limit_stories is not None else names
    docs = sorted((d for d in story_of if story_of[d] in set(names)), key=lambda d: d)
    texts = {d: (root / "texts" / f"{d}.txt").read_text(encoding="utf-8") for d in docs}
    annotated = {
        (f"{r['Topic'].strip()}_{r['File'].strip()}", int(r["Sentence Number"]))
        for r in _tsv(root / "annotated_sentences.tsv")
    }
    rows = [r for r in _tsv(root / "mentions.tsv") if r["doc"] in texts]
    entities = [r for r in rows if r["kind"] == "entity"]
    used = [r for r in entities if (r["doc"], int(r["sent"])) in annotated]
    mentions, mismatches = [], []
    for r in used:
        start, end = int(r["char_start"]), int(r["char_end"])
        if texts[r["doc"]][start:end] != r["text"]:
            mismatches.append(f"{r['doc']} {start}:{end} {r['text']!r}")
        mentions.append(
            GoldMention(r["doc"], r["m_id"], r["type"], r["chain_id"], start, end, r["text"])
        )
    if mismatches:
        raise SystemExit(f"{len(mismatches)} mention offsets disagree with texts: {mismatches[:5]}")
    assert len({m.key for m in mentions}) == len(mentions), "duplicate (doc, m_id)"
    by_story: dict[str, list[GoldMention]] = defaultdict(list)
    for m in mentions:
        by_story[story_of[m.doc]].append(m)
    stories = [
        GoldStory(
            s,
            topic_of[next(d for d in docs if story_of[d] == s)],
            tuple(d for d in docs if story_of[d] == s),
            tuple(by_story[s]),
        )
        for s in names
    ]
    stories_of_chain: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        stories_of_chain[m.chain].add(story_of[m.doc])
    counts = {
        "stories": len(stories),
        "docs": len(docs),
        "docs_with_mentions": len({m.doc for m in mentions}),
        "mentions_all_kinds": len(rows),
        "entity_mentions": len(entities),
        "entity_mentions_annotated": len(mentions),
        "offset_mismatches": len(mismatches),
        "gold_chains": len({(story_of[m.doc], m.chain) for m in mentions}),
        "gold_singleton_chains": sum(
            1 for n in Counter((story_of[m.doc], m.chain) for m in mentions).values() if n == 1
        ),
        "chains_spanning_stories": sum(1 for s in stories_of_chain.values() if len(s) > 1),
    }
    return EcbCoref(texts, stories, counts)


def gold_labels(stories: Sequence[GoldStory], per_story: bool = True) -> Labels:
    return {m.key: (s.name, m.chain) if per_story else m.chain for s in stories for m in s.mentions}


def parse_texts(texts: dict[str, str], models: Models) -> dict[str, Doc]:
    names = list(texts)
    return dict(zip(names, models.nlp.pipe(texts[n] for n in names), strict=True))


def same_head_lemma(
    data: EcbCoref, docs: dict[str, Doc], skip_prepositions: bool = False
) -> Labels:
    """Within a story, mentions whose syntactic heads share a lowercased lemma are one.

    About one ECB+ entity mention in fourteen starts with a preposition ("on Friday", "at
    Betty Ford Center"), whose head is then the preposition: ``skip_prepositions`` takes the
    head of the rest of the span instead, as a variant that shows what this costs.
    """
    labels: Labels = {}
    for story in data.stories:
        for m in story.mentions:
            span = docs[m.doc].char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                labels[m.key] = (story.name, m.text.lower())
                continue
            while skip_prepositions and len(span) > 1 and span[0].pos_ == "ADP":
                span = span[1:]
            labels[m.key] = (story.name, span.root.lemma_.lower())
    return labels


def singletons(data: EcbCoref) -> Labels:
    return {m.key: m.key for s in data.stories for m in s.mentions}


def one_per_story(data: EcbCoref) -> Labels:
    return {m.key: s.name for s in data.stories for m in s.mentions}


def newsprism(data: EcbCoref, docs: dict[str, Doc], models: Models) -> Labels | str:
    """newsprism's resolver, or why it cannot run (so the baseline still does)."""
    try:
        from newsprism.evaluation.span_coreference import resolve_spans
    except ImportError as exc:
        return f"newsprism.evaluation.span_coreference.resolve_spans cannot be imported: {exc}"
    try:  # Parse as the pipeline does (its alias ruler) when that parser exists.
        from newsprism.analyze.entities.aliases import default_aliases
        from newsprism.nlp.parse import parse as pipeline_parse
    except ImportError:
        pipeline_parse = None  # type: ignore[assignment]
    articles = _articles(data)
    if pipeline_parse is not None:
        parsed = pipeline_parse(articles.values(), models, default_aliases())
        docs = dict(zip(articles, parsed, strict=True))
    labels: Labels = {}
    for story in data.stories:
        per_doc = {d: [m for m in story.mentions if m.doc == d] for d in story.docs}
        items = [(articles[d], docs[d], [(m.start, m.end) for m in per_doc[d]]) for d in story.docs]
        result = resolve_spans(items, models)
        if [len(r) for r in result] != [len(per_doc[d]) for d in story.docs]:
            raise SystemExit(f"resolve_spans: wrong number of labels for story {story.name}")
        for d, doc_labels in zip(story.docs, result, strict=True):
            for m, label in zip(per_doc[d], doc_labels, strict=True):
                labels[m.key] = (story.name, label)
    return labels


def _articles(data: EcbCoref) -> dict[str, Article]:
    """Each text as an article whose text is the raw one (the offsets index it), with the
    date newsprism's cleaning reads from its byline or date line ("Published: July 29,
    2004"), as an ingested article would carry."""
    articles = {}
    for d, raw in data.texts.items():
        source = str(ECBPLUS / "texts" / f"{d}.txt")
        articles[d] = Article(
            id=Article.make_id(None, None, raw),
            source=source,
            url=None,
            outlet=d,
            title=None,
            published=_published(source, raw),
            language="en",
            text=raw,
        )
    return articles


def _published(source: str, text: str) -> str | None:
    try:
        return clean(RawDocument(source, "text", text)).published
    except InputError:
        return None


def is_name(mention: GoldMention, doc: Doc) -> bool:
    """A gold mention that is a name: its head word (past a leading preposition) is a proper
    noun in the parse."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    while len(span) > 1 and span[0].pos_ == "ADP":
        span = span[1:]
    return span.root.pos_ == "PROPN"


@dataclass(frozen=True)
class NamedMentions:
    """How the entities `analyze` gives cover the gold name mentions of the annotated sentences:
    recall (a gold name mention inside some entity mention), and B-cubed over the gold name
    mentions with each labelled by the entity it is inside (a singleton when none)."""

    mentions: int
    people: int
    recall: float
    people_recall: float
    bcubed: tuple[float, float, float]
    people_bcubed: tuple[float, float, float]
    wrong_merges: list[dict[str, Any]]


def named_mentions(data: EcbCoref, models: Models) -> NamedMentions:
    """The product path: each gold story's articles parsed and resolved as `analyze` does."""
    from newsprism.analyze.entities import resolve
    from newsprism.analyze.entities.aliases import default_aliases
    from newsprism.nlp.parse import parse as pipeline_parse

    articles = _articles(data)
    aliases = default_aliases()
    gold: Labels = {}
    response: Labels = {}
    chosen: list[GoldMention] = []
    for story in data.stories:
        members = [articles[d] for d in story.docs]
        docs = list(pipeline_parse(members, models, aliases))
        doc_of = dict(zip(story.docs, docs, strict=True))
        covering: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        id_to_doc = {articles[d].id: d for d in story.docs}
        for entity in resolve(members, docs, models, aliases):
            for span in entity.mentions:
                covering[id_to_doc[span.article]].append((span.start, span.end, entity.id))
        for m in story.mentions:
            if not is_name(m, doc_of[m.doc]):
                continue
            chosen.append(m)
            gold[m.key] = (story.name, m.chain)
            head = _head_range(m, doc_of[m.doc])
            inside = [e for s, t, e in covering[m.doc] if s <= head[0] and head[1] <= t]
            response[m.key] = (story.name, inside[0]) if inside else m.key
    people = [m for m in chosen if m.type == "HUMAN_PART_PER"]

    def recall(members: Sequence[GoldMention]) -> float:
        found = sum(1 for m in members if response[m.key] != m.key)
        return found / len(members) if members else 0.0

    def bcubed(members: Sequence[GoldMention]) -> tuple[float, float, float]:
        keys = {m.key for m in members}
        sub = score({k: gold[k] for k in keys}, {k: response[k] for k in keys})
        return sub.bcubed

    return NamedMentions(
        len(chosen),
        len(people),
        recall(chosen),
        recall(people),
        bcubed(chosen),
        bcubed(people),
        errors(chosen, gold, response)["wrong_merges"],
    )


def _head_range(mention: GoldMention, doc: Doc) -> tuple[int, int]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention.start, mention.end
    while len(span) > 1 and span[0].pos_ == "ADP":
        span = span[1:]
    root = span.root
    return root.idx, root.idx + len(root.text)


def _pairs(label: Callable[[GoldMention], Hashable], members: Sequence[GoldMention]) -> int:
    return sum(comb(n, 2) for n in Counter(label(m) for m in members).values())


def errors(
    mentions: Sequence[GoldMention], gold: Labels, response: Labels, top: int = 10
) -> dict[str, list[dict[str, Any]]]:
    """The gold-chain pairs merged most and the chain splits costing most links, counted in
    mention pairs, each shown by the texts of the mentions concerned (not the whole chain)."""
    texts: dict[tuple[Hashable, Hashable], Counter[str]] = defaultdict(Counter)
    cells: dict[Hashable, Counter[Hashable]] = defaultdict(Counter)
    chain_cells: dict[Hashable, Counter[Hashable]] = defaultdict(Counter)
    for m in mentions:
        texts[(response[m.key], gold[m.key])][m.text] += 1
        cells[response[m.key]][gold[m.key]] += 1
        chain_cells[gold[m.key]][response[m.key]] += 1
    merges: Counter[tuple[Hashable, Hashable]] = Counter()
    merged_texts: dict[tuple[Hashable, Hashable, str], Counter[str]] = defaultdict(Counter)
    for cluster, counts in cells.items():
        chains = sorted(counts, key=str)
        for i, a in enumerate(chains):
            for b in chains[i + 1 :]:
                merges[(a, b)] += counts[a] * counts[b]
                merged_texts[(a, b, "a")] += texts[(cluster, a)]
                merged_texts[(a, b, "b")] += texts[(cluster, b)]
    missed: Counter[tuple[Hashable, Hashable, Hashable]] = Counter()
    for chain, counts in chain_cells.items():
        parts = sorted(counts, key=str)
        for i, a in enumerate(parts):
            for b in parts[i + 1 :]:
                missed[(chain, a, b)] += counts[a] * counts[b]

    def shown(counter: Counter[str]) -> str:
        return ", ".join(f"{t!r}x{n}" for t, n in counter.most_common(3))

    def story(chain: Hashable) -> str:
        return str(chain[0]) if isinstance(chain, tuple) else ""

    return {
        "wrong_merges": [
            {
                "links": n,
                "story": story(a),
                "a": shown(merged_texts[(a, b, "a")]),
                "b": shown(merged_texts[(a, b, "b")]),
            }
            for (a, b), n in merges.most_common(top)
        ],
        "missed_links": [
            {"links": n, "story": story(c), "a": shown(texts[(a, c)]), "b": shown(texts[(b, c)])}
            for (c, a, b), n in missed.most_common(top)
        ],
    }


def diagnose(data: EcbCoref, gold: Labels, response: Labels) -> dict[str, Any]:
    """Pairwise link precision and recall per gold type, with each type's worst errors (pairs
    of mentions of that type); then the worst errors over all mentions."""
    mentions = [m for s in data.stories for m in s.mentions]
    types: dict[str, dict[str, Any]] = {}
    for kind in sorted({m.type for m in mentions}):
        of_type = [m for m in mentions if m.type == kind]
        g = _pairs(lambda m: gold[m.key], of_type)
        r = _pairs(lambda m: response[m.key], of_type)
        both = _pairs(lambda m: (gold[m.key], response[m.key]), of_type)
        types[kind] = {
            "mentions": len(of_type),
            "gold_links": g,
            "response_links": r,
            "precision": both / r if r else None,
            "recall": both / g if g else None,
            **errors(of_type, gold, response),
        }
    return {"types": types, **errors(mentions, gold, response)}


def row(name: str, s: CorefScores, story_mean: float, seconds: float) -> str:
    cells = [*s.muc, *s.bcubed, *s.ceaf_e, s.conll, story_mean]
    return f"| {name} | " + " | ".join(f"{v:.3f}" for v in cells) + f" | {seconds:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit-stories", type=int, default=None)
    parser.add_argument(
        "--named-only",
        action="store_true",
        help="only the named-mention measure of the entities `analyze` gives",
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--errors-by-type",
        action="store_true",
        help="print each gold type's top wrong merges and missed links (always in --json)",
    )
    args = parser.parse_args()
    began = time.perf_counter()
    data = load_ecbplus(limit_stories=args.limit_stories)
    print("data: " + ", ".join(f"{k} {v}" for k, v in data.counts.items()))
    models = default_models()
    clock = time.perf_counter()
    docs = parse_texts(data.texts, models)
    parse_seconds = time.perf_counter() - clock
    print(f"spaCy parse of {len(docs)} texts: {parse_seconds:.1f} s")

    clock = time.perf_counter()
    named = named_mentions(data, models)
    print(
        f"\nNamed mentions (product path, {time.perf_counter() - clock:.0f} s): "
        f"{named.mentions} gold name mentions, {named.people} of people.\n"
        "| mentions | inside an entity | B3 P | B3 R | B3 F1 |\n"
        "| --- | ---: | ---: | ---: | ---: |\n"
        f"| all names | {named.recall:.3f} | "
        + " | ".join(f"{v:.3f}" for v in named.bcubed)
        + f" |\n| people | {named.people_recall:.3f} | "
        + " | ".join(f"{v:.3f}" for v in named.people_bcubed)
        + " |"
    )
    print("top wrong merges of names:")
    for item in named.wrong_merges:
        print(f"  {item['links']:>6}  [{item['story']}]  {item['a']}  ~  {item['b']}")
    if args.named_only:
        return

    systems: dict[str, tuple[Labels, float]] = {}
    unavailable: dict[str, str] = {}
    runs: list[tuple[str, Callable[[], Labels | str]]] = [
        ("same-head-lemma", lambda: same_head_lemma(data, docs)),
        ("same-head-lemma, prepositions skipped", lambda: same_head_lemma(data, docs, True)),
        ("newsprism", lambda: newsprism(data, docs, models)),
        ("all singletons", lambda: singletons(data)),
        ("one cluster per story", lambda: one_per_story(data)),
    ]
    for name, run in runs:
        clock = time.perf_counter()
        labels = run()
        if isinstance(labels, str):
            unavailable[name] = labels
            print(f"{name}: unavailable ({labels})")
            continue
        systems[name] = labels, time.perf_counter() - clock

    gold, gold_whole = gold_labels(data.stories), gold_labels(data.stories, per_story=False)
    report: dict[str, Any] = {
        "data": data.counts,
        "unavailable": unavailable,
        "named_mentions": asdict(named),
        "systems": {},
    }
    print("\nAll annotated entity mentions at once; story mean = mean of per-story CoNLL F1;")
    print("s = seconds of the system itself (the shared spaCy parse not included).\n")
    print(
        "| system | MUC P | R | F1 | B3 P | R | F1 | CEAF-e P | R | F1 | CoNLL F1 "
        "| story mean | s |"
    )
    print("| --- |" + " ---: |" * 12)
    for name, (labels, seconds) in systems.items():
        overall = score(gold, labels)
        per_story = [
            score(
                {m.key: gold[m.key] for m in s.mentions}, {m.key: labels[m.key] for m in s.mentions}
            ).conll
            for s in data.stories
            if s.mentions
        ]
        story_mean = statistics.fmean(per_story) if per_story else 0.0
        print(row(name, overall, story_mean, seconds))
        report["systems"][name] = {
            "scores": asdict(overall),
            "story_mean_conll": story_mean,
            "seconds": seconds,
            "conll_gold_chains_across_stories": score(gold_whole, labels).conll,
        }
    print(
        f"\nGold chains spanning two stories ({data.counts['chains_spanning_stories']}) are split "
        "per story above; kept whole, CoNLL F1 is: "
        + ", ".join(
            f"{n} {r['conll_gold_chains_across_stories']:.3f}" for n, r in report["systems"].items()
        )
    )

    for name in ("same-head-lemma", "newsprism"):
        if name not in systems:
            continue
        found = diagnose(data, gold, systems[name][0])
        report["systems"][name]["diagnostics"] = found
        print(f"\n### {name}: pairwise links per gold type\n")
        print("| type | mentions | gold links | response links | P | R |\n| --- |" + " ---: |" * 5)
        for kind, t in found["types"].items():
            p = "-" if t["precision"] is None else f"{t['precision']:.3f}"
            r = "-" if t["recall"] is None else f"{t['recall']:.3f}"
            print(
                f"| {kind} | {t['mentions']} | {t['gold_links']} | {t['response_links']} "
                f"| {p} | {r} |"
            )
        scopes = [("all types", found)]
        if args.errors_by_type:
            scopes += list(found["types"].items())
        for scope, where in scopes:
            for title, key in (
                ("wrong merges (distinct gold chains in one cluster)", "wrong_merges"),
                ("missed links (one gold chain in two clusters)", "missed_links"),
            ):
                if not where[key]:
                    continue
                print(f"\n{name}, {scope}: top {title}, by mention pairs")
                for item in where[key]:
                    print(f"  {item['links']:>6}  [{item['story']}]  {item['a']}  ~  {item['b']}")

    total = time.perf_counter() - began
    report["seconds"] = {"parse": parse_seconds, "total": total}
    print(f"\nwall time {total:.1f} s (parse {parse_seconds:.1f} s)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
