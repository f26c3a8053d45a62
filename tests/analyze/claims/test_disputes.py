"""Disputes among a story's statements, from their values and a stand-in similarity: which
pairs clash, and how sides are formed and shown."""

from __future__ import annotations

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
