"""Cleaning on the five seed articles: no junk left, captions gone, outlet and
date right where the text states them, and nothing removed without a record."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean
from newsprism.ingest import read_all
from newsprism.records import Article, RawDocument

JUNK = (
    "Friday, 22 November 2024",
    "logo",
    "Home »",
    'video-container">',
    "Leave a Comment",
    "Leave a Reply",
    "Leave A Reply",
    "Akismet",
    "Your email address will not be published",
    "Copyright 2024",
    "Required fields are marked",
)
CAPTIONS = (
    "A fighter of the Hashed Al-Shaabi",
    "US Army officers drive their tanks M1 Abrams",
)
# What each seed's own text says of its outlet and date (None: the text does not say).
EXPECTED = {
    "000": ("Gulan Media", "2024-02-08"),
    "001": (None, None),
    "002": ("Thin Line News", "2024-02-11"),
    "003": (None, None),
    "004": ("Tasnim News Agency", None),
}


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[RawDocument, Article]]:
    out = {}
    for raw in read_all([str(seeds_dir)]):
        assert isinstance(raw, RawDocument), raw
        out[Path(raw.source).name[:3]] = (raw, clean(raw))
    assert sorted(out) == sorted(EXPECTED)
    return out


def test_no_junk_line_left(seeds: dict[str, tuple[RawDocument, Article]]) -> None:
    for _, article in seeds.values():
        for junk in JUNK:
            assert junk not in article.text, (article.source, junk)
        lines = article.text.split("\n")
        assert "Top" not in lines
        assert all(line.strip() for line in lines if line), "blank junk lines"


def test_captions_removed_and_recorded(seeds: dict[str, tuple[RawDocument, Article]]) -> None:
    _, article = seeds["003"]
    for caption in CAPTIONS:
        assert caption not in article.text
        assert any(
            r.reason == "photo caption" and r.text.startswith(caption) for r in article.removed
        )
    # The story's own first sentence stays.
    assert article.text.startswith("Last night, the situation in the Middle East escalated")


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_outlet_and_date(seeds: dict[str, tuple[RawDocument, Article]], seed: str) -> None:
    _, article = seeds[seed]
    assert (article.outlet, article.published) == EXPECTED[seed]


def test_page_header_date_is_not_the_article_date(
    seeds: dict[str, tuple[RawDocument, Article]],
) -> None:
    _, article = seeds["000"]
    assert article.published == "2024-02-08"
    assert any(
        r.reason == "page-header date" and "22 November 2024" in r.text for r in article.removed
    )


def test_titles(seeds: dict[str, tuple[RawDocument, Article]]) -> None:
    titles = {seed: article.title for seed, (_, article) in seeds.items()}
    assert titles["000"] == "Iraq Criticizes U.S. Drone Strike, Calls for End to Coalition Presence"
    assert (
        titles["001"]
        == "Iraqi Officials Condemn U.S. Drone Strike Killing Iran-Backed Militia Commander"
    )
    assert titles["004"] == "Iraq Condemns US Strikes, Signals Push to End Troop Presence"
    for _, article in seeds.values():
        assert article.title and article.title not in article.text


def test_body_text_is_never_lost_silently(seeds: dict[str, tuple[RawDocument, Article]]) -> None:
    """Every word of the input is either in the article text or in a removal record."""
    for raw, article in seeds.values():
        kept = set(article.text.split()) | {w for r in article.removed for w in r.text.split()}
        lost = {w for w in raw.text.split() if w not in kept}
        assert not lost, (raw.source, sorted(lost)[:10])


def test_story_sentences_stay(seeds: dict[str, tuple[RawDocument, Article]]) -> None:
    expected_sentences = {
        "000": "Yehia Rasool, spokesperson for the Iraqi Prime Minister, denounced the attack",
        "001": "However, the Iraqi Armed Forces spokesperson, Yehia Rasool, strongly criticized",
        "002": "The strike targeted Wissam Mohammed “Abu Bakr” al-Saadi",
        "003": "The US currently maintains a presence of approximately 2,500 troops in Iraq",
        "004": "TEHRAN (Tasnim) - Iraqi officials are ramping up pressure",
    }
    for seed, sentence in expected_sentences.items():
        assert sentence in seeds[seed][1].text


def test_language_detected(seeds: dict[str, tuple[RawDocument, Article]], models: object) -> None:
    from newsprism.models import Models

    assert isinstance(models, Models)
    for raw, _ in seeds.values():
        assert clean(raw, models.language).language == "en"
