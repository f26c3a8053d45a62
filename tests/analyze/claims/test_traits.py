"""Values that describe someone or something (``analyze/claims/traits.py``): how many
children a parent has, a named thing's colour, a telephone number; read from one
article, and compared across outlets."""

from __future__ import annotations

from newsprism.analyze.claims.traits import one_line
from newsprism.models import Models
from newsprism.records import Conflict
from tests.analyze.claims.build import read_values, story_article, story_facts


def _conflicts(models: Models, *texts: str) -> tuple[Conflict, ...]:
    """The conflicts of a story of one article per text, from outlets Alpha, Beta, Gamma."""
    outlets = ("Alpha", "Beta", "Gamma")[: len(texts)]
    articles = [story_article(o, t) for o, t in zip(outlets, texts, strict=True)]
    return story_facts(models, articles).conflicts


def test_a_parents_number_of_children_is_a_value_of_that_parent(models: Models) -> None:
    def children(text: str) -> list[tuple[str, str, float]]:
        return [
            (v.key, v.span.text, v.low) for v in read_values(models, text) if v.kind == "children"
        ]

    horton = "children:zurana horton"  # no actors given: the name as written
    assert children("Zurana Horton, 34, a mother of 12, was shot.") == [
        (horton, "mother of 12", 12)
    ]
    assert children("Video of Brooklyn Mother of 13 Zurana Horton was shown.") == [
        (horton, "Mother of 13", 13)
    ]
    assert children("Zurana Horton was the mother of 12 children.")[0][0] == horton
    assert children("The father-of-three John Smith died.")[0][1:] == ("father-of-three", 3)
    assert children("A grandmother of five, Ann Lee, spoke.")[0][0].startswith("grandchildren:")
    assert children("A stray bullet hit a mother of 12 on Friday.")[0][0] == "children:"
    assert children("He was the father of two young sons.") == []  # some of them only
    assert children("Jane Doe, the mother of one of the victims, spoke.") == []
    assert children("The mother of 12-year-old Ann Lee spoke.") == []
    counts = [v for v in read_values(models, "Gunmen killed a mother of 12 on Friday.")]
    assert not any(v.kind == "count" for v in counts)  # one was killed, not twelve


def test_a_things_colour_is_a_value_of_that_thing(models: Models) -> None:
    def colours(text: str) -> set[tuple[str, str, str]]:
        found = read_values(models, text)
        return {(v.key, v.normalized, v.span.text) for v in found if v.kind == "colour"}

    assert colours("She was hit by a silver Toyota Camry.") == {
        ("colour:camry", "silver", "silver")
    }
    assert colours("She was struck by a grey 2013 Toyota Camry heading north.") == {
        ("colour:camry", "gray", "grey")
    }
    assert colours("Police said the 2013 gray Camry was found.") == {
        ("colour:camry", "gray", "gray")
    }
    for none in (
        "Officials at the White House spoke.",  # a name
        "A black teenager was shot.",  # a person
        "The black and white car sped off.",  # several colours
        "Mr. Grey said the car was fast.",
        "Ennis won a gold medal in London.",  # no named thing: which medal, whose hoodie
        "The first suspect wore a black hoodie.",
    ):
        assert colours(none) == set(), none


def test_a_telephone_number_is_a_value_of_its_line(models: Models) -> None:
    def phones(text: str) -> set[tuple[str, str]]:
        return {(v.key, v.span.text) for v in read_values(models, text) if v.kind == "phone"}

    appeal = "Call police on 0845 125 2222 or Crimestoppers on 0800 555111, officers said."
    assert phones(appeal) == {("phone:084512", "0845 125 2222"), ("phone:080055", "0800 555111")}
    assert phones("Police asked callers to ring (202) 555-0100 on Friday.") == {
        ("phone:202555", "(202) 555-0100")
    }
    for none in (
        "The game ended 3-1 on 2013-09-15.",
        "The quake at 10 45 local time killed 1 200 people.",
        "Shares rose 3.5 percent to 12 245 points.",
        "The Celtics won 102-98 and 115-110 on the road.",  # no number to call
        "The budget is 1 250 000 000 euros.",
    ):
        assert phones(none) == set(), none
    assert one_line("08451252222", "0845125222")  # a digit left out: one line, mistyped
    assert one_line("08451252222", "08451252223")
    assert not one_line("01618561234", "01618569876")  # two lines of one exchange


def test_how_many_children_one_named_parent_has_conflicts(models: Models) -> None:
    (conflict,) = _conflicts(
        models,
        "Zurana Horton, 34, a mother of 12, was shot dead outside a school on Friday. "
        "Two men were arrested on the roof. Neighbours held a vigil that night.",
        "A stray bullet killed Zurana Horton, a mother of 13, near the school on Friday. "
        "Police arrested two men on a rooftop. A vigil was held in the evening.",
    )
    assert {side.value for side in conflict.sides} == {"mother of 12", "mother of 13"}


def test_a_thing_two_outlets_colour_differently_is_a_conflict(models: Models) -> None:
    (conflict,) = _conflicts(
        models,
        "Raj Chohan was hit by a silver Toyota Camry on 117th Street on Friday. "
        "The driver fled and was arrested a few blocks away.",
        "Raj Chohan was struck by a grey Toyota Camry on 117th Street on Friday night. "
        "Police caught the driver nearby.",
    )
    assert {side.value for side in conflict.sides} == {"silver", "grey"}
    assert conflict.about.startswith("the colour")


def test_one_line_given_two_numbers_is_a_conflict(models: Models) -> None:
    (conflict,) = _conflicts(
        models,
        "Fire destroyed the Waitrose store in Wellington on Friday. Anyone with "
        "information is asked to call police on 0845 125 2222 or Crimestoppers on "
        "0800 555 111.",
        "A fire gutted the Wellington Waitrose on Friday evening. Police are appealing "
        "for anyone with information to contact them on 0845 125 222 or Crimestoppers "
        "on 0800 555111.",
    )
    assert {side.value for side in conflict.sides} == {"0845 125 2222", "0845 125 222"}


def test_a_population_is_a_value_of_the_place_it_is_of(models: Models) -> None:
    def populations(text: str) -> set[tuple[str, str, float, float]]:
        found = read_values(models, text)
        return {(v.key, v.span.text, v.low, v.high) for v in found if v.kind == "population"}

    def keys(text: str) -> set[str]:
        return {key for key, *_ in populations(text)}

    assert populations("The quake struck Qeshm island, home to 120,000 people, on Sunday.") == {
        ("population:qeshm island", "120,000 people", 120000, 120000)
    }
    qeshm = "Qeshm, an island off Bandar Abbas, has a population of more than 100,000."
    assert populations(qeshm) == {("population:qeshm", "100,000", 100000, float("inf"))}
    assert populations("Teams flew the injured to Kerman, a city of 500,000 people.") == {
        ("population:kerman", "500,000 people", 500000, 500000)
    }
    assert keys("Zarand, a town of 5,000 in northern Iran, was hit.") == {"population:zarand"}
    (india,) = populations("India, a country of 1.4 billion people, voted.")
    assert india[0] == "population:india" and india[2] == 1.4e9
    # a city's name is not its country's
    assert keys("Gaza City, home to 600,000 people, was bombed.") == {"population:gaza city"}
    # no place the words do not say: which island, the subject of another act, "City, State"
    for unsaid in (
        "The island, which has about 200,000 residents, shook.",
        "The island, which lies off Bandar Abbas and is home to about 100,000 people, shook.",
        "Iran sent rescuers to the island, home to 120,000 people, on Sunday.",
        "The storm hit Tampa, Florida, home to 400,000 people.",
        "Mount Sinai Hospital has 300 residents.",  # its doctors
    ):
        assert keys(unsaid) == {"population:"}, unsaid
    for none in (
        "The island of 200 square miles lies in the Gulf.",
        "The firm has 300 people on its staff.",  # staff, not inhabitants
        "Some 200 residents were evacuated.",
        "France, with a Muslim population of 5 million, voted.",  # a part
        "Aleppo, once home to 2 million people, lies in ruins.",  # the past
        "Qeshm, home to 120.000 people, shook.",  # thousands or a decimal: not sure which
    ):
        assert populations(none) == set(), none
    counts = read_values(models, "The quake struck Qeshm island, home to 120,000 people.")
    assert not any(v.kind == "count" for v in counts)  # no one was struck by the hundred thousand


def test_one_place_given_two_populations_is_a_conflict(models: Models) -> None:
    (conflict,) = _conflicts(
        models,
        "The 5.9-magnitude quake struck Qeshm island, home to 120,000 people, and the city "
        "of Bandar Abbas, state media said. "
        "Ten people were killed in villages on the island.",
        "A strong quake hit Qeshm Island, home to 200,000 people, on Sunday. "
        "Ten people died in the island's villages.",
        "The quake on Sunday also shook Bandar Abbas, a city of 500,000 people. "
        "Ten people were killed on Qeshm island.",
    )
    assert [side.value for side in conflict.sides] == ["120,000 people", "200,000 people"]
    assert conflict.about.startswith("how many people live there")
    # a sentence and its clause give the value: the article's words are shown once
    for side in conflict.sides:
        assert len({span.article for span in side.evidence}) == len(side.evidence)


def test_a_distance_between_two_named_places_is_keyed_by_both(models: Models) -> None:
    def distances(text: str) -> set[tuple[str, str]]:
        found = read_values(models, text)
        return {(v.key, v.span.text) for v in found if v.kind == "distance"}

    assert distances("Qeshm, located 1,150 kilometers (700 miles) southeast of Tehran, shook.") == {
        ("distance:qeshm:tehran", "1,150 kilometers")
    }
    assert distances("Qeshm, an island 1,500 kilometers south of Tehran, shook.") == {
        ("distance:qeshm:tehran", "1,500 kilometers")
    }
    # one distance, whichever place it is told from
    assert distances("Tehran is 1,150 km northwest of Qeshm.") == {
        ("distance:qeshm:tehran", "1,150 km")
    }
    for unkeyed in (
        "The island is about 940 miles south of Tehran.",  # which island is not said
        "The epicentre was 60km from Bandar Abbas.",
        "The epicentre, near Damavand, was 40 km from Tehran.",
        "The climber fell 200 metres down a gully.",
        "Smith, who lives 30 miles from Boston, spoke.",  # a person
        "President Hassan Rouhani visited a village 60 km from Kerman.",  # an act's subject
        "The Kerman quake struck 60 km from Bam.",
    ):
        assert {key for key, _ in distances(unkeyed)} == {"distance"}, unkeyed


def test_two_distances_between_the_same_places_conflict(models: Models) -> None:
    (conflict,) = _conflicts(
        models,
        "A quake killed ten people on Sunday on an island. Qeshm, a free-trade zone "
        "with busy ports, lies 1,500 kilometers south of Tehran. Rescue teams reached the "
        "villages by night.",
        "Ten people died on Sunday in a quake. Doctors were flown from the capital to "
        "Qeshm, located 1,150 kilometers (700 miles) southeast of Tehran, by helicopter. "
        "Rescuers reached the villages at night.",
    )
    assert {side.value for side in conflict.sides} == {"1,500 kilometers", "1,150 kilometers"}
    assert conflict.about.startswith("the distance")
