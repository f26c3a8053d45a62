"""Disputes among a story's statements, from their values and a stand-in similarity: which
pairs clash, and how sides are formed and shown."""

from __future__ import annotations

import math
from dataclasses import replace

from newsprism.analyze.claims.values import Value
from newsprism.records import Article, Span
from tests.analyze.claims.build import story_article


def test_one_point_written_two_ways_is_one_conflict() -> None:
    """Two disputes of one point ("Six rifles" / 14 in two articles, "six" / 14 in two
    others) are one conflict holding all four statements."""
    from newsprism.analyze.claims.conflicts import disputes

    texts = {
        "a": "Six rifles were seized.",
        "b": "14 rifles were seized.",
        "c": "They seized six rifles.",
        "d": "Police seized 14 rifles.",
    }
    articles = [story_article(k, t) for k, t in texts.items()]

    def value(article: Article) -> Value:
        word = article.text.split()[0] if article.outlet in ("a", "b") else article.text.split()[-2]
        at = article.text.index(word)
        amount = 6.0 if word.lower() == "six" else 14.0
        words = Span.of(article, at, at + len(word))
        return Value("count", "count:rifle:kill", words, f"{word} (rifle)", amount, amount)

    class Alike:
        articles = tuple(texts)

        def above(self, cut: float) -> list[tuple[float, int, int]]:
            return [(0.9, 0, 1), (0.9, 2, 3)]

        def pair(self, i: int, j: int) -> float:
            return 0.9 if {i, j} in ({0, 1}, {2, 3}) else 0.1

        def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
            return 0.0

    found = disputes([[value(a)] for a in articles], Alike(), {})  # type: ignore[arg-type]
    assert len(found) == 1
    assert sorted(sorted(i for i, _ in side) for side in found[0].sides) == [[0, 2], [1, 3]]


def test_a_sides_exact_figure_leads_it() -> None:
    """ "At least 50 hurt" and "70" against "80": the dispute reads 70 /
    80, not 50 / 80."""
    from newsprism.analyze.claims.conflicts import about, disputes

    texts = {
        "a": "At least 50 people were injured.",
        "b": "The quake injured 70 people.",
        "c": "The quake injured 80 people.",
    }
    articles = [story_article(k, t) for k, t in texts.items()]
    ranges = {"a": (50.0, float("inf")), "b": (70.0, 70.0), "c": (80.0, 80.0)}

    def value(article: Article) -> Value:
        word = next(w for w in article.text.split() if w.isdigit())
        at = article.text.index(word)
        low, high = ranges[article.outlet or ""]
        words = Span.of(article, at, at + len(word))
        return Value("count", "count:person:kill", words, f"{word} (person)", low, high)

    class Alike:
        articles = tuple(texts)

        def above(self, cut: float) -> list[tuple[float, int, int]]:
            return [(0.9, 0, 1), (0.9, 0, 2), (0.9, 1, 2)]

        def pair(self, i: int, j: int) -> float:
            return 0.9

        def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
            return 0.0

    (found,) = disputes([[value(a)] for a in articles], Alike(), {})  # type: ignore[arg-type]
    assert [[i for i, _ in side] for side in found.sides] == [[1, 0], [2]]
    assert about(found) == "the number: “70” / “80”"


def test_the_day_of_an_act_done_to_someone_the_other_statement_does_not_name() -> None:
    """ "Drake, which had defeated Bradley on Thursday" and "the Bluejays defeated Drake on
    Friday" (the parse finding no object in the second) are two games: Bradley is not
    named where Drake was defeated. Their days are compared only when both name Bradley."""
    from newsprism.analyze.claims.conflicts import disputes

    texts = {
        "a": "Drake, which had defeated Bradley on Thursday, lost.",
        "b": "The Bluejays defeated Drake on Friday.",
    }
    articles = [story_article(k, t) for k, t in texts.items()]

    def day(article: Article, word: str, names: set[str], objects: set[str]) -> Value:
        at = article.text.index(word)
        words = Span.of(article, at, at + len(word))
        return Value(
            "day", "day", words, word, 0, 0,
            names=frozenset(names), verb="defeat", objects=frozenset(objects),
        )  # fmt: skip

    class Alike:
        articles = tuple(texts)

        def above(self, cut: float) -> list[tuple[float, int, int]]:
            return [(0.9, 0, 1)]

        def pair(self, i: int, j: int) -> float:
            return 0.9

        def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
            return 0.0

    thursday = day(articles[0], "Thursday", {"drake", "bradley"}, {"bradley"})
    found = disputes([[thursday], [day(articles[1], "Friday", {"drake"}, set())]], Alike(), {})  # type: ignore[arg-type]
    assert not found
    named = disputes([[thursday], [day(articles[1], "Friday", {"bradley"}, set())]], Alike(), {})  # type: ignore[arg-type]
    assert len(named) == 1


class _AllAlike:
    """Every pair of statements of different articles 0.9 alike."""

    def __init__(self, articles: tuple[str, ...]) -> None:
        self.articles = articles

    def above(self, cut: float) -> list[tuple[float, int, int]]:
        count = len(self.articles)
        return [
            (0.9, i, j)
            for i in range(count)
            for j in range(i + 1, count)
            if self.articles[i] != self.articles[j]
        ]

    def pair(self, i: int, j: int) -> float:
        return 0.9

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        return 0.0


def _count(article: Article, word: str, key: str, low: float, high: float) -> Value:
    at = article.text.index(word)
    thing = key.split(":")[1]
    return Value("count", key, Span.of(article, at, at + len(word)), f"{word} ({thing})", low, high)


_AFTERSHOCKS = {
    "a": ("State media said three strong aftershocks were felt.", "three", "feel", 3.0),
    "b": ("It was followed by at least four strong aftershocks.", "four", "follow", 4.0),
    "c": ("There have been at least four aftershocks.", "four", "", 4.0),
    "d": ("The quake was followed by at least four aftershocks.", "four", "follow", 4.0),
}


def test_a_thing_three_articles_count_is_compared_whatever_befell_it() -> None:
    """ "three strong aftershocks were felt" / "followed by at least four aftershocks": the
    story's aftershocks, which several outlets count, are one figure whatever the verb."""
    from newsprism.analyze.claims.conflicts import about, disputes

    articles = [story_article(k, text) for k, (text, *_) in _AFTERSHOCKS.items()]
    values = [
        [_count(a, word, f"count:aftershock:{event}", low, math.inf if low > 3 else low)]
        for a, (_, word, event, low) in zip(articles, _AFTERSHOCKS.values(), strict=True)
    ]
    alike = _AllAlike(tuple(a.id for a in articles))
    (found,) = disputes(values, alike, {})  # type: ignore[arg-type]
    assert [sorted(i for i, _ in side) for side in found.sides] == [[0], [1, 2, 3]]
    assert about(found) == "the number: “three” / “four”"


def test_a_thing_two_articles_count_is_left_to_its_events() -> None:
    """Counts of a thing that only two outlets give may be of two sets of it ("one final
    chance" / "two chances to tie"): not compared across events."""
    from newsprism.analyze.claims.conflicts import disputes

    chosen = {k: _AFTERSHOCKS[k] for k in ("a", "b")}
    articles = [story_article(k, text) for k, (text, *_) in chosen.items()]
    values = [
        [_count(a, word, f"count:aftershock:{event}", low, low)]
        for a, (_, word, event, low) in zip(articles, chosen.values(), strict=True)
    ]
    assert not disputes(values, _AllAlike(tuple(a.id for a in articles)), {})  # type: ignore[arg-type]


def test_a_tally_and_an_article_of_two_counts_are_left_to_their_events() -> None:
    """A statement that counts two things ("13 homers and 43 RBIs") is a tally, and an
    article that gives two counts of the thing apart tells of several sets of it: neither
    is compared across events."""
    from newsprism.analyze.claims.conflicts import disputes

    articles = [story_article(k, text) for k, (text, *_) in _AFTERSHOCKS.items()]
    values = [
        [_count(a, word, f"count:aftershock:{event}", low, low)]
        for a, (_, word, event, low) in zip(articles, _AFTERSHOCKS.values(), strict=True)
    ]
    tally = [*values[0], _count(articles[0], "media", "count:medium:say", 2.0, 2.0)]
    alike = _AllAlike(tuple(a.id for a in articles))
    assert not disputes([tally, *values[1:]], alike, {})  # type: ignore[arg-type]
    other = _count(articles[0], "strong", "count:aftershock:shake", 9.0, 9.0)
    twice = _AllAlike((*alike.articles, articles[0].id))
    assert not disputes([*values, [other]], twice, {})  # type: ignore[arg-type]


def test_a_count_that_adds_to_others_is_no_story_count() -> None:
    """ "received two additional life sentences" adds to a sentence already served: it is
    no count of all of them, and no answer to "serving three life sentences"."""
    from newsprism.analyze.claims.conflicts import disputes

    texts = {
        "a": "He received two additional life sentences.",
        "b": "He is serving three life sentences.",
        "c": "Police said he is serving three life sentences.",
        "d": "The man is serving three life sentences.",
    }
    articles = [story_article(k, t) for k, t in texts.items()]

    def value(article: Article) -> Value:
        word = "two" if article.outlet == "a" else "three"
        event = "receive" if article.outlet == "a" else "serve"
        count = _count(article, word, f"count:sentence:{event}", 0, 0)
        figure = 2.0 if word == "two" else 3.0
        return replace(count, low=figure, high=figure, clause=article_span(article))

    alike = _AllAlike(tuple(a.id for a in articles))
    assert not disputes([[value(a)] for a in articles], alike, {})  # type: ignore[arg-type]
    alone = [replace(value(articles[0]), clause=None), *(value(a) for a in articles[1:])]
    assert len(disputes([[v] for v in alone], alike, {})) == 1  # type: ignore[arg-type]


def article_span(article: Article) -> Span:
    return Span.of(article, 0, len(article.text))


def test_shares_of_one_named_measure_are_compared_from_the_floor() -> None:
    """Two shares of turnout in statements 0.35 alike (below the 0.45 shares are otherwise
    compared from) are a dispute; two unnamed shares are not."""
    from newsprism.analyze.claims.conflicts import disputes

    texts = {"a": "Turnout was almost 90%.", "b": "Turnout reached 93.87 percent."}
    articles = [story_article(k, t) for k, t in texts.items()]

    def share(article: Article, key: str) -> Value:
        word = article.text.split()[-1].rstrip(".") if "%" in article.text else "93.87 percent"
        figure = float(word.split()[0].rstrip("%"))
        at = article.text.index(word)
        words = Span.of(article, at, at + len(word))
        low = 76.5 if "%" in word else figure
        return Value("percent", key, words, f"{figure:g}", low, figure)

    class Alike(_AllAlike):
        def above(self, cut: float) -> list[tuple[float, int, int]]:
            return [(0.35, 0, 1)] if cut <= 0.35 else []

        def pair(self, i: int, j: int) -> float:
            return 0.35

    alike = Alike(tuple(a.id for a in articles))
    keyed = [[share(a, "percent:turnout")] for a in articles]
    assert len(disputes(keyed, alike, {})) == 1  # type: ignore[arg-type]
    assert not disputes([[share(a, "percent")] for a in articles], alike, {})  # type: ignore[arg-type]
    adjusted = [[share(a, "percent::adjusted")] for a in articles]  # no measure named
    assert not disputes(adjusted, alike, {})  # type: ignore[arg-type]
    named = [[share(a, "percent:turnout:adjusted")] for a in articles]
    assert len(disputes(named, alike, {})) == 1  # type: ignore[arg-type]


def _told(kind: str, *told: tuple[Article, str, float]) -> list[list[Value]]:
    """One value of ``kind`` per statement: its article, its words and its figure (a day
    is given to the act of dying)."""
    values = []
    for article, words, figure in told:
        at = article.text.index(words)
        span = Span.of(article, at, at + len(words))
        verb = "die" if kind == "day" else None
        values.append([Value(kind, kind, span, words, figure, figure, verb=verb)])
    return values


def test_a_figure_only_an_article_of_both_figures_gives_is_no_side() -> None:
    """One article gives a past "$90 million deal" and the "$160 million" offer another
    article gives too: the $90 million is that article's second point, so no conflict. An
    outlet that alone says $90 million for the offer disagrees."""
    from newsprism.analyze.claims.conflicts import disputes

    both = story_article("a", "The offer is $160 million. It dwarfs the $90 million deal.")
    other = story_article("b", "The Angels offered $160 million.")
    alone = story_article("c", "The Angels offered $90 million.")
    told = [
        (both, "$160 million", 160e6),
        (both, "$90 million", 90e6),
        (other, "$160 million", 160e6),
    ]
    articles = tuple(a.id for a, _, _ in told)
    assert not disputes(_told("money", *told), _AllAlike(articles), {})  # type: ignore[arg-type]
    told.append((alone, "$90 million", 90e6))
    found = disputes(_told("money", *told), _AllAlike((*articles, alone.id)), {})  # type: ignore[arg-type]
    assert [sorted(i for i, _ in side) for side in found[0].sides] == [[1, 3], [0, 2]]


def test_an_article_that_gives_one_act_two_days_disagrees_with_itself() -> None:
    """ "Felt ... died on Friday" above "He died ... on Thursday" in one article, beside an
    article of Thursday: two days of one act in one article are no two points, and the
    Friday is a side."""
    from newsprism.analyze.claims.conflicts import disputes

    both = story_article("a", "Felt died on Friday. He died at 12:45 p.m. on Thursday.")
    other = story_article("b", "Felt died Thursday in Santa Rosa.")
    told = [(both, "Friday", 4.0), (both, "Thursday", 3.0), (other, "Thursday", 3.0)]
    alike = _AllAlike(tuple(a.id for a, _, _ in told))
    (found,) = disputes(_told("day", *told), alike, {})  # type: ignore[arg-type]
    assert sorted(sorted(i for i, _ in side) for side in found.sides) == [[0], [1, 2]]
