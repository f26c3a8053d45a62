"""MUC, B-cubed, CEAF-e and CoNLL on cases worked by hand, and their invariants."""

from __future__ import annotations

from itertools import permutations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.evaluation.coreference import CorefScores, bcubed, ceaf_e, conll, muc, score

# key: {a,b,c} {d,e} {f}; response: {a,b} {c,d,e,f}
KEY = {"a": "K1", "b": "K1", "c": "K1", "d": "K2", "e": "K2", "f": "K3"}
RESPONSE = {"a": "R1", "b": "R1", "c": "R2", "d": "R2", "e": "R2", "f": "R2"}


def test_muc_by_hand() -> None:
    # Recall: K1 is cut by the response into {a,b},{c}: keeps 3-2 = 1 of its 2 links;
    #   K2 lies inside R2: keeps 2-1 = 1 of 1; K3 has no link. R = (1+1)/(2+1) = 2/3.
    # Precision: R1 lies inside K1: 2-1 = 1 of 1; R2 spans K1,K2,K3: 4-3 = 1 of 3.
    #   P = (1+1)/(1+3) = 1/2.  F = 2 * 1/2 * 2/3 / (1/2 + 2/3) = 4/7.
    assert muc(KEY, RESPONSE) == pytest.approx((1 / 2, 2 / 3, 4 / 7))


def test_bcubed_by_hand() -> None:
    # mention: |K&R| / |R| (precision), |K&R| / |K| (recall)
    #   a, b: 2/2, 2/3   c: 1/4, 1/3   d, e: 2/4, 2/2   f: 1/4, 1/1
    # P = (1+1+1/4+1/2+1/2+1/4)/6 = 7/12;  R = (2/3+2/3+1/3+1+1+1)/6 = 7/9
    # F = 2 * 7/12 * 7/9 / (7/12 + 7/9) = 2/3
    assert bcubed(KEY, RESPONSE) == pytest.approx((7 / 12, 7 / 9, 2 / 3))


def test_ceaf_e_by_hand() -> None:
    # phi4 = 2|K&R|/(|K|+|R|): K1-R1 = 4/5, K1-R2 = 2/7, K2-R2 = 4/6, K3-R2 = 2/5.
    # Best one-to-one alignment: K1-R1 + K2-R2 = 4/5 + 2/3 = 22/15.
    # P = (22/15)/2 response entities = 11/15;  R = (22/15)/3 key entities = 22/45;
    # F = 2 * (22/15) / (2 + 3) = 44/75
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((11 / 15, 22 / 45, 44 / 75))


def test_conll_is_the_mean_of_the_three_f1() -> None:
    expected = (4 / 7 + 2 / 3 + 44 / 75) / 3
    assert conll(KEY, RESPONSE) == pytest.approx(expected)
    result = score(KEY, RESPONSE)
    assert isinstance(result, CorefScores)
    assert result.conll == pytest.approx(expected)
    assert result.muc[2] == pytest.approx(4 / 7)


def test_identity_scores_one_everywhere() -> None:
    renamed = {m: f"x{label}" for m, label in KEY.items()}
    result = score(KEY, renamed)
    for measure in (result.muc, result.bcubed, result.ceaf_e):
        assert measure == pytest.approx((1.0, 1.0, 1.0))
    assert result.conll == pytest.approx(1.0)


def test_all_singleton_response_finds_no_link() -> None:
    singletons = {m: m for m in KEY}
    # No response link: MUC recall 0 (and precision 0/0, counted 0 as in the reference scorer).
    assert muc(KEY, singletons) == (0.0, 0.0, 0.0)
    # B3: every mention is alone, so precision 1; recall = (1/3*3 + 1/2*2 + 1)/6 = 1/2.
    assert bcubed(KEY, singletons) == pytest.approx((1.0, 1 / 2, 2 / 3))
    # CEAF-e: each key entity aligns to one of its singletons: 2/4 + 2/3 + 1 = 13/6,
    # P = (13/6)/6, R = (13/6)/3.
    assert ceaf_e(KEY, singletons) == pytest.approx((13 / 36, 13 / 18, 2 * (13 / 6) / 9))


def test_all_singleton_key_and_response() -> None:
    singletons = {m: m for m in "abcd"}
    assert muc(singletons, singletons) == (0.0, 0.0, 0.0)
    assert bcubed(singletons, singletons) == pytest.approx((1.0, 1.0, 1.0))
    assert ceaf_e(singletons, singletons) == pytest.approx((1.0, 1.0, 1.0))


def test_empty_inputs_score_zero() -> None:
    result = score({}, {})
    assert (result.muc, result.bcubed, result.ceaf_e, result.conll) == (
        (0.0, 0.0, 0.0),
        (0.0, 0.0, 0.0),
        (0.0, 0.0, 0.0),
        0.0,
    )


def test_different_mention_sets_are_refused() -> None:
    with pytest.raises(ValueError, match="differ in mentions"):
        score({"a": 1, "b": 1}, {"a": 1, "c": 1})


labelings = st.lists(st.integers(0, 6), min_size=1, max_size=30)


@given(labelings, st.data())
def test_scores_lie_in_unit_interval_and_swap_under_transposition(
    key_labels: list[int], data: st.DataObject
) -> None:
    response_labels = data.draw(
        st.lists(st.integers(0, 6), min_size=len(key_labels), max_size=len(key_labels))
    )
    key = dict(enumerate(key_labels))
    response = dict(enumerate(response_labels))
    result = score(key, response)
    for p, r, f in (result.muc, result.bcubed, result.ceaf_e):
        for value in (p, r, f):
            assert 0.0 <= value <= 1.0 + 1e-9
    assert 0.0 <= result.conll <= 1.0 + 1e-9
    # Swapping key and response swaps precision and recall of every measure.
    swapped = score(response, key)
    for ours, theirs in zip(
        (result.muc, result.bcubed, result.ceaf_e),
        (swapped.muc, swapped.bcubed, swapped.ceaf_e),
        strict=True,
    ):
        assert ours[0] == pytest.approx(theirs[1])
        assert ours[1] == pytest.approx(theirs[0])


@given(labelings)
def test_key_equal_to_response_scores_one(key_labels: list[int]) -> None:
    key = {f"m{i}": label for i, label in enumerate(key_labels)}
    response = {m: str(label) for m, label in key.items()}
    result = score(key, response)
    assert result.bcubed == pytest.approx((1.0, 1.0, 1.0))
    assert result.ceaf_e == pytest.approx((1.0, 1.0, 1.0))
    has_link = len(set(key_labels)) < len(key_labels)
    # MUC counts links only: a key without any link scores 0, as in the reference scorer.
    assert result.muc == pytest.approx((1.0, 1.0, 1.0) if has_link else (0.0, 0.0, 0.0))


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=12))
def test_ceaf_e_alignment_matches_brute_force(pairs: list[tuple[int, int]]) -> None:
    key = {i: k for i, (k, _) in enumerate(pairs)}
    response = {i: r for i, (_, r) in enumerate(pairs)}
    key_sets = [{m for m, k in key.items() if k == label} for label in set(key.values())]
    response_sets = [
        {m for m, r in response.items() if r == label} for label in {r for _, r in pairs}
    ]

    def phi4(a: set[int], b: set[int]) -> float:
        return 2 * len(a & b) / (len(a) + len(b))

    # Try every injective assignment of the smaller side into the larger one.
    small, large = sorted((key_sets, response_sets), key=len)
    best = max(
        sum(phi4(s, large[j]) for s, j in zip(small, chosen, strict=True))
        for chosen in permutations(range(len(large)), len(small))
    )
    p, r, _ = ceaf_e(key, response)
    assert p == pytest.approx(best / len(response_sets))
    assert r == pytest.approx(best / len(key_sets))
