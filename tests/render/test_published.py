"""When an article was published, as the report and the app show it."""

from __future__ import annotations

import pytest

from newsprism.cluster.stories import build_stories
from newsprism.records import Article
from newsprism.records.results import Analysis
from newsprism.render.markdown import render_markdown
from newsprism.render.views import shown_published


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        (None, "date unknown"),
        ("2024-02-08", "2024-02-08"),
        ("2025-10-14T21:10:00+00:00", "2025-10-14 21:10 UTC"),
        ("2025-10-14T21:10:00Z", "2025-10-14 21:10 UTC"),
        ("2025-10-14T21:10:00+02:00", "2025-10-14 21:10 +02:00"),
        ("2025-10-14T21:10:00", "2025-10-14 21:10"),
        ("Feb 8", "Feb 8"),
    ],
)
def test_published_as_a_reader_reads_it(published: str | None, shown: str) -> None:
    assert shown_published(published) == shown


def test_a_published_field_that_is_no_date_is_escaped_in_markdown() -> None:
    article = Article("a1", "x", None, "Outlet", "Title", "| *bold* <b>", "en", "Some text here.")
    stories = build_stories([article], [["a1"]], {})
    shown = render_markdown(Analysis((article,), stories, ()))
    assert "| *bold* <b>" not in shown
    assert "\\| \\*bold\\* \\<b\\>" in shown
