"""Contract JSON decodes back to the very Story it was encoded from (the analysis cache
relies on it)."""

from __future__ import annotations

import json
from typing import get_args

from hypothesis import given
from hypothesis import strategies as st

from newsprism.records import (
    Article,
    BriefSentence,
    Cite,
    Claim,
    ClaimKind,
    ClaimStatus,
    Conflict,
    ConflictSide,
    Entity,
    EntityType,
    Evidence,
    Provenance,
    Quote,
    SharedText,
    Span,
    Stance,
    Story,
)
from newsprism.records.contract import story_data, story_from_data

ids = st.text("abcdef0123456789", min_size=1, max_size=6)
words = st.text(max_size=20)
spans = st.builds(Span, ids, st.integers(0, 10_000), st.integers(0, 10_000), words)
few = {"max_size": 3}
stories = st.builds(
    Story,
    id=ids,
    title=words,
    article_ids=st.lists(ids, min_size=1, max_size=4).map(tuple),
    provenance=st.lists(
        st.builds(
            Provenance,
            ids,
            st.lists(st.builds(SharedText, ids, st.floats(0, 1)), **few).map(tuple),
            st.lists(st.builds(Cite, words, spans, st.none() | ids), **few).map(tuple),
            st.none() | words,
        ),
        **few,
    ).map(tuple),
    entities=st.lists(
        st.builds(
            Entity,
            ids,
            words,
            st.sampled_from(get_args(EntityType)),
            st.lists(spans, **few).map(tuple),
            st.lists(spans, **few).map(tuple),
        ),
        **few,
    ).map(tuple),
    quotes=st.lists(
        st.builds(
            Quote, ids, st.none() | ids, words, st.lists(spans, min_size=1, **few).map(tuple)
        ),
        **few,
    ).map(tuple),
    claims=st.lists(
        st.builds(
            Claim,
            ids,
            st.sampled_from(get_args(ClaimKind)),
            words,
            st.sampled_from(get_args(ClaimStatus)),
            st.lists(
                st.builds(Evidence, spans, st.sampled_from(get_args(Stance))), min_size=1, **few
            ).map(tuple),
            st.none() | ids,
            st.none() | words | st.floats(allow_nan=False, allow_infinity=False),
        ),
        **few,
    ).map(tuple),
    conflicts=st.lists(
        st.builds(
            Conflict,
            ids,
            words,
            st.lists(st.builds(ConflictSide, words, st.lists(spans, **few).map(tuple)), **few).map(
                tuple
            ),
        ),
        **few,
    ).map(tuple),
    brief=st.lists(st.builds(BriefSentence, words, st.lists(spans, **few).map(tuple)), **few).map(
        tuple
    ),
)


@given(stories)
def test_round_trip_through_json(story: Story) -> None:
    data = json.loads(json.dumps(story_data(story)))
    assert story_from_data(data) == story


def test_an_article_without_outlet_or_title_goes_by_its_file_name() -> None:
    from newsprism.render.views import outlet_name

    def article(source: str, title: str | None) -> Article:
        return Article("a1b2c3", source, None, None, title, None, "en", "Text.")

    assert outlet_name(article("/data/event/22_1ecb.txt", None)) == "unknown outlet (22_1ecb.txt)"
    assert outlet_name(article("/data/event/22_1ecb.txt", "A title")) == "unknown outlet (A title)"
    assert outlet_name(article("", None)) == "unknown outlet (a1b2c3)"
