"""The cleaning rules one by one, on lines written for the purpose."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean import clean
from newsprism.clean.captions import is_caption
from newsprism.clean.dates import find_dates, normalize_date, numeric_dates
from newsprism.clean.furniture import furniture_reason, strip_inline_markup
from newsprism.clean.header import date_line, title_like
from newsprism.clean.outlet import (
    from_byline,
    from_copyright,
    from_dateline,
    strip_site_suffix,
)
from newsprism.errors import InputError
from newsprism.records import RawDocument


@pytest.mark.parametrize(
    "line",
    [
        "Home » World » Middle East",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "© 2025 Harbor Ledger. All rights reserved.",
        "Copyright 2024, Thin Line News LLC",
        "Top",
        "Share this:",
        'video-container">',
        "<div class='x'>",
        "(Reporting by Henrik Saalo; editing by Mira Tobin)",
        "By Jane Doe",
        "We use cookies to improve your experience.",
    ],
)
def test_furniture(line: str) -> None:
    assert furniture_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "By noon the water had reached the first floor of many houses.",
        "Top officials met on Tuesday to discuss the evacuation of the valley.",
        "Share prices of the operator fell 12 percent on Wednesday.",
        "The home ministry said it would publish the report.",
        "Click here to get more information or download this game.",
    ],
)
def test_sentences_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


def test_inline_markup_only_real_tags() -> None:
    text, tags = strip_inline_markup("<The Palace> opened, <b>said</b> <a href='x'>critics</a>")
    assert text == "<The Palace> opened, said critics"
    assert tags == ["<b>", "</b>", "<a href='x'>", "</a>"]


@pytest.mark.parametrize(
    ("line", "article_date", "expected"),
    [
        (
            "A fishing boat passes below the dam near Aldmouth, June 18, 2017.",
            date(2025, 10, 15),
            True,
        ),
        ("The reservoir seen from the ridge, 12 August 2021. Photo: Coastal Times", None, True),
        ("Workers inspect the hall, on March 3, 2019. (Harbor Ledger archive)", None, True),
        ("The law took effect on January 1, 2024.", None, False),
        ("Crowds gather in the square, on October 14, 2025.", date(2025, 10, 14), False),
        ('"We will rebuild," he said in Aldmouth, on June 18, 2017.', None, False),
        ("Hamas attacked Israel on October 7, 2023, and the war began.", None, False),
    ],
)
def test_captions(line: str, article_date: date | None, expected: bool) -> None:
    assert is_caption(line, article_date) is expected


def test_dates_found_and_normalized() -> None:
    found = find_dates("Friday, 22 November 2024 and February 8, 2024 and 2019-11-19")
    assert [f.value for f in found] == [date(2024, 11, 22), date(2024, 2, 8), date(2019, 11, 19)]
    assert normalize_date("2025-10-14T18:20:00Z") == "2025-10-14T18:20:00+00:00"
    assert normalize_date("2025-10-16") == "2025-10-16"
    assert normalize_date("Tue, 14 Oct 2025") == "2025-10-14"
    assert normalize_date("not a date at all") is None
    assert normalize_date("") is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_round_trip(value: date) -> None:
    for written in (
        value.strftime("%B %-d, %Y"),
        value.strftime("%-d %B %Y"),
        value.strftime("%A, %d %b %Y"),
        value.isoformat(),
    ):
        assert [f.value for f in find_dates(f"Posted {written}.")] == [value], written


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Last updated 15: 48 15 / 09 / 2013", date(2013, 9, 15)),
        ("Posted 12 / 19 / 2005 3: 36 PM", date(2005, 12, 19)),
        ("Published: 2012. 08. 08 09: 01 AM", date(2012, 8, 8)),
        ("Updated 5 / 5 / 2010 1: 41 PM", date(2010, 5, 5)),
        ("Updated 05 / 09 / 2013", None),  # 5 September or 9 May
        ("Filed 31 / 02 / 2013", None),  # no such day
        ("A 3.5 / 10 / 2012 rating", None),
        ("Posted 13/5/2013.", date(2013, 5, 13)),  # the stop after it is no figure
        ("v2.13.2020", None),
    ],
)
def test_dates_in_figures_read_only_when_day_and_month_can_be_told_apart(
    written: str, value: date | None
) -> None:
    assert [f.value for f in numeric_dates(written)] == ([value] if value else [])


def test_a_date_in_figures_dates_a_line_only_as_a_stamp() -> None:
    assert date_line("version 2.20.2019") is None
    assert date_line("10: 10 AM PDT 6 / 6 / 2013") is not None
    assert date_line("04 / 04 / 2012") is not None


def test_a_stamp_in_figures_under_the_title_dates_the_article() -> None:
    body = "The rescue team recovered the body of the second climber on Sunday morning. " * 3
    text = f"Two climbers killed in falls\nLast updated 15: 48 15 / 09 / 2013\n{body}\n"
    article = clean(RawDocument(source="climbers.txt", kind="text", text=text))
    assert article.published == "2013-09-15"
    assert article.title == "Two climbers killed in falls"
    assert "Last updated" not in article.text


@settings(deadline=None)  # the first call imports dateparser
@given(st.text(max_size=300))
def test_normalize_date_never_raises(text: str) -> None:
    result = normalize_date(text)
    assert result is None or result[:4].isdigit()


def test_outlet_sources() -> None:
    assert from_dateline("TEHRAN (Tasnim) - Iraqi officials said") == "Tasnim News Agency"
    assert from_dateline("ALDMOUTH, Oct 15 (Northern Courier) - The siren") == "Northern Courier"
    assert from_dateline("WASHINGTON (AP) — The Senate voted") == "Associated Press"
    assert from_dateline("Iraqi officials (and others) said") is None
    assert from_copyright("Copyright 2024, Thin Line News LLC") == "Thin Line News"
    assert from_copyright("© 2025 Harbor Ledger. All rights reserved.") == "Harbor Ledger"
    assert strip_site_suffix("Dam fails - Harbor Ledger", "Harbor Ledger") == "Dam fails"
    assert from_byline("Gulan Media ") == "Gulan Media"
    assert from_byline("8: 05am UK, ") is None  # the time of posting, not an outlet
    assert from_byline("Updated 10:42 GMT ") is None
    assert from_byline("2 A. M. ") is None  # "2 A. M. FEB. 4, 2009": a time, no outlet
    assert from_byline("9 PM ") is None
    assert from_byline("7 Amigos Radio ") == "7 Amigos Radio"
    assert from_byline("3 AM Magazine ") == "3 AM Magazine"
    assert from_byline("Studio 10 PM ") == "Studio 10 PM"
    assert from_byline("Found Magazine ") == "Found Magazine"
    assert from_byline("Published: ") is None  # a field's label
    assert from_byline("Published time: ") is None
    assert from_byline("Posted ") is None
    assert from_byline("Found ") is None  # "Found March 08, 2013": when the page was found
    assert from_byline("Date: ") is None
    assert from_byline("BBC News: ") == "BBC News"  # an outlet before a colon stays one
    assert from_byline("WASHINGTON, DC, ") is None  # a dateline's place
    assert from_byline("AFP, ") == "AFP"  # an outlet before a comma is still one
    assert from_byline("LONDON, ") is None  # a dateline's city
    assert from_byline("NEW YORK, ") is None
    assert from_byline("U.S. News, ") == "U.S. News"
    assert from_byline("BBC ") == "BBC"
    assert from_byline("(") is None  # "(March 20, 2007)"
    assert from_byline("Washington D. C., ") is None
    assert from_byline("FOR IMMEDIATE RELEASE ") is None  # a press release's mark
    assert from_byline("Story Created: ") is None
    assert not title_like("Posted 12 / 19 / 2005 3: 36 PM")  # a stamp, oddly dated
    assert title_like("Date night ideas for the holiday weekend")
    assert title_like("Modified 737 Max jets return to the skies")
    assert not title_like("Updated 3:36 PM ET")
    assert not title_like("Last updated 2 hours ago")
    assert title_like("Updated 2024 NFL mock draft: two quarterbacks go first")
    assert not title_like("Found 03 / 08 / 2013 4: 15 PM")
    assert title_like("Found 2.5 million-year-old fossil in Kenya")
    assert title_like("Filed 9/11 lawsuit moves ahead")
    assert title_like("Released 24/7 footage shows the raid")
    assert not title_like("Posted: Nov 27, 2005 8: 20 AM ET Last Updated: Nov 27, 2005 8: 10 PM ET")
    assert title_like("Updated March Madness bracket: who is left")
    assert not title_like("11 / 28 / 05")  # a date alone


def test_all_furniture_is_an_input_error() -> None:
    raw = RawDocument(source="junk.txt", kind="text", text="Leave a Reply\nTop\n© 2024 X\n")
    with pytest.raises(InputError, match=r"junk\.txt"):
        clean(raw)


def test_clean_ids_are_stable() -> None:
    raw = RawDocument(source="a.txt", kind="text", text="Title here\n\n" + "Body sentence. " * 20)
    assert clean(raw).id == clean(raw).id
