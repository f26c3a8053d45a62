"""Information one outlet says was kept back and another says was made known.

Small real inputs through the real parse, who-is-who and embeddings."""

from __future__ import annotations

from newsprism.models import Models
from newsprism.records import Conflict
from tests.analyze.claims.build import (
    story_article,
    story_facts_and_entities,
    two_outlet_conflicts,
)


def _disclosed(
    models: Models, one: str, other: str, days: tuple[str, str] | None = None
) -> list[Conflict]:
    """The disclosure conflicts of a story of two outlets' articles (published on ``days``)."""
    made_known = lambda about: about.endswith("had been made known")  # noqa: E731
    return two_outlet_conflicts(models, one, other, made_known, days or (None, None))


def test_identities_not_released_and_victims_identified_is_a_conflict(models: Models) -> None:
    (conflict,) = _disclosed(
        models,
        "Two women were found dead in an apartment in New Bedford. The identities of the "
        "victims have not yet been released.",
        "Two women were found dead in an apartment in New Bedford. Police have identified "
        "the victims as 61-year-old Katherine Gomes and 48-year-old Robyn Mendes.",
        ("2008-12-10", "2008-12-11"),
    )
    assert conflict.about == "whether the identities of the victims had been made known"
    assert [side.value for side in conflict.sides] == [
        "have identified",
        "have not yet been released",
    ]
    assert conflict.kind == "evolving"


def test_results_not_known_and_results_released_is_a_conflict(models: Models) -> None:
    (conflict,) = _disclosed(
        models,
        "Williams took a blood-alcohol test after the crash, but the results are not yet known.",
        "The results from the blood-alcohol test were released Wednesday and showed a level "
        "of 0.07 percent.",
    )
    assert conflict.kind == "hard"  # no days to tell them apart
    assert {side.value for side in conflict.sides} == {"were released", "are not yet known"}


def test_refused_and_pending_are_not_made_known(models: Models) -> None:
    assert _disclosed(
        models,
        "Police declined to identify the victim on Tuesday.",
        "The victim was identified as John Smith, 40, of Fall River.",
    )
    assert _disclosed(
        models,
        "Results are pending for the autopsy performed on Monday.",
        "The results of the autopsy were released on Friday.",
    )


def test_what_is_not_kept_back_and_made_known(models: Models) -> None:
    cases = (
        (  # whose identity: the driver's, the victim's
            "The name of the driver has not been released by police.",
            "Police identified the victim as John Smith, 40, of Fall River.",
        ),
        (  # an identity whose owner is unsaid may be anyone's
            "The names have not been released by police in Fall River.",
            "Police identified the victim as John Smith, 40, of Fall River.",
        ),
        (  # what will be made known is not yet kept back
            "Police will release the names of the victims on Friday.",
            "Police released the names of the victims on Thursday.",
        ),
        (  # put off, not kept back
            "Police did not release the names of the victims until Friday.",
            "Police released the names of the victims on Friday.",
        ),
        (  # not a piece of information
            "Police in Fall River did not release the driver on Monday.",
            "Police in Fall River released the driver on Tuesday.",
        ),
        (  # a question asserts nothing
            "Have the results of the test been released?",
            "The results of the test were released on Wednesday.",
        ),
    )
    for one, other in cases:
        assert not _disclosed(models, one, other), one


def test_one_outlet_does_not_conflict_with_itself(models: Models) -> None:
    articles = [
        story_article("Alpha", "The identities of the victims have not yet been released."),
        story_article("Alpha", "Police have identified the victims as John Smith and Mary Jones."),
    ]
    facts, _ = story_facts_and_entities(models, articles)
    assert not [c for c in facts.conflicts if c.about.endswith("had been made known")]


def test_made_public_is_made_known(models: Models) -> None:
    (conflict,) = _disclosed(
        models,
        "The reason for the suspension of Jennifer Hiller had not been made public on Friday.",
        "The company made public the reason for the suspension of Jennifer Hiller on Monday.",
    )
    assert {side.value for side in conflict.sides} == {"made public", "had not been made public"}
