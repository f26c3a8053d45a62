"""Entities of the real seed story and of the example corpus."""

from __future__ import annotations

import re

import pytest

from newsprism.analyze.entities import resolve
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.entities.chains import resolve_mentions
from newsprism.analyze.entities.mentions import find_mentions
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article, Entity, Mention, Span, Story

from .conftest import Parsed
from .entity_build import (
    one_entity,
    people_mentions,
    plain_articles,
    resolved,
    story_entities,
)


@pytest.fixture(scope="module")
def seed_entities(seeds_parsed: Parsed, models: Models) -> list[Entity]:
    return resolve(seeds_parsed.articles, seeds_parsed.docs, models, default_aliases())


@pytest.fixture(scope="module")
def example_entities(examples_parsed: Parsed, models: Models) -> list[Entity]:
    return resolve(examples_parsed.articles, examples_parsed.docs, models, default_aliases())


def test_every_span_is_verbatim(seed_entities: list[Entity], seeds_parsed: Parsed) -> None:
    texts = {a.id: a.text for a in seeds_parsed.articles}
    for entity in seed_entities:
        for span in (*entity.mentions, *entity.labels):
            assert texts[span.article][span.start : span.end] == span.text


def test_transliterations_are_one_person(seed_entities: list[Entity]) -> None:
    rasool = one_entity(seed_entities, "Yehia Rasool", "Yahya Rasool", "Rasool")
    assert rasool.type == "PERSON"
    assert len({m.article for m in rasool.mentions}) == 5
    saadi = one_entity(
        seed_entities,
        "Wisam Mohammad al-Saedi",
        "Wissam Mohammed “Abu Bakr” al-Saadi",
        "Wissam Mohammed ‘Abu Bakr’ al-Saadi",
        "Abu Baqir al-Saadi",
        "al-Saadi",
    )
    assert saadi.type == "PERSON"


def test_aliases_and_apostrophes(seed_entities: list[Entity]) -> None:
    kh = one_entity(seed_entities, "Kataib Hezbollah", "Kata'ib Hezbollah", "Kata’ib Hezbollah")
    assert kh.type == "ORG"
    assert one_entity(seed_entities, "ISIS", "Daesh", "Islamic State").name == "Islamic State"
    assert one_entity(seed_entities, "U.S. Central Command", "Central Command")
    assert one_entity(seed_entities, "Shia' al-Sudani", "Sudani")


def test_look_alikes_stay_apart(seed_entities: list[Entity]) -> None:
    kh = one_entity(seed_entities, "Kataib Hezbollah")
    nujaba = one_entity(seed_entities, "Harakat Hezbollah al Nujaba")
    assert kh.id != nujaba.id
    assert (
        one_entity(seed_entities, "Antony Blinken").id != one_entity(seed_entities, "Joe Biden").id
    )
    assert one_entity(seed_entities, "Iraq").id != one_entity(seed_entities, "Iraqi").id


def test_labels_are_kept_per_outlet(seed_entities: list[Entity], seeds_parsed: Parsed) -> None:
    rasool = one_entity(seed_entities, "Yehia Rasool")
    labels = {(seeds_parsed_outlet(seeds_parsed, s.article), s.text) for s in rasool.labels}
    assert ("Gulan Media", "spokesperson for the Iraqi Prime Minister") in labels
    assert any("Iraqi Armed Forces spokesperson" in text for _, text in labels)
    assert len({s.article for s in rasool.labels}) >= 4
    kh = one_entity(seed_entities, "Kataib Hezbollah")
    assert {"militant group", "resistance group"} <= {s.text for s in kh.labels}
    blinken = one_entity(seed_entities, "Antony Blinken")
    assert any("Secretary of State" in s.text for s in blinken.labels)


def seeds_parsed_outlet(parsed: Parsed, article_id: str) -> str | None:
    return next(a.outlet for a in parsed.articles if a.id == article_id)


def test_example_corpus_names(example_entities: list[Entity]) -> None:
    governor = one_entity(
        example_entities, "Ilyas Demirkhanov", "Ilias Demirchanow", "Demirkhanov", "Demirchanow"
    )
    assert governor.type == "PERSON"
    nvha = one_entity(example_entities, "NVHA", "Northern Valdoria Hydro Authority")
    assert nvha.type == "ORG" and nvha.name == "Northern Valdoria Hydro Authority"


def test_ids_are_stable(seeds_parsed: Parsed, models: Models) -> None:
    again = resolve(seeds_parsed.articles, seeds_parsed.docs, models, default_aliases())
    first = resolve(seeds_parsed.articles, seeds_parsed.docs, models, default_aliases())
    assert [e.id for e in again] == [e.id for e in first]


def test_seed_story_analysis(seeds_parsed: Parsed, seed_story: Story) -> None:
    """The seeds' story: the spokesperson's disputed role, corroborated claims, a cited brief."""
    story = seed_story
    assert any("Rasool" in c.about for c in story.conflicts)
    assert sum(c.status == "corroborated" for c in story.claims) >= 3
    assert 4 <= len(story.brief) <= 8
    texts = {a.id: a.text for a in seeds_parsed.articles}
    for sentence in story.brief:
        assert sentence.citations
        for span in sentence.citations:
            assert texts[span.article][span.start : span.end] == span.text


def test_claims_read_in_the_articles_own_words(seeds_parsed: Parsed, seed_story: Story) -> None:
    """What a reader sees of a claim, and of each side of a conflict, is an article's words
    (whitespace folded); each compared value points at its own words."""
    story = seed_story
    folded = {a.id: " ".join(a.text.split()) for a in seeds_parsed.articles}
    texts = {a.id: a.text for a in seeds_parsed.articles}
    assert story.claims
    assert any(claim.values for claim in story.claims)
    for claim in story.claims:
        assert any(claim.text in folded[e.span.article] for e in claim.evidence), claim.text
        for value in claim.values:
            assert texts[value.span.article][value.span.start : value.span.end] == value.span.text
    for conflict in story.conflicts:
        for side in conflict.sides:
            assert any(side.text in folded[s.article] for s in side.evidence), side.text


def test_relatives_sharing_a_surname_stay_apart(models: Models) -> None:
    """A chain holding "Melania Trump" and a bare "Trump" never joins "Donald Trump" through
    the bare surname, even one spelled alike in both: different given names are different
    people."""
    first = Article("a0", "a0", None, "O0", None, None, "en", "Melania Trump came. Trump spoke.")
    second = Article("a1", "a1", None, "O1", None, None, "en", "Donald Trump signed a bill.")
    third = Article("a2", "a2", None, "O2", None, None, "en", "Donald Trump left. Trump smiled.")
    mentions = [
        people_mentions(first, "Melania Trump", "Trump"),
        people_mentions(second, "Donald Trump"),
        people_mentions(third, "Donald Trump", "Trump"),
    ]
    docs = list(parse([first, second, third], models, default_aliases()))
    chains = resolve_mentions(mentions, docs, models, default_aliases())
    held = sorted(sorted(m.span.text for m in c.mentions) for c in chains)
    assert held == [["Donald Trump", "Donald Trump", "Trump"], ["Melania Trump", "Trump"]]


def test_titles_say_which_of_two_relatives_a_bare_surname_is(models: Models) -> None:
    """With Donald and Melania Trump in a story, "Mrs. Trump" is the first lady and "Mr.
    Trump" or "U.S. President Trump" the president, whichever was named just before; a bare
    "Trump" that opens an article is left to the story, not to the next full name. The
    recogniser's "Melania Trump" typed as an organisation is still a person."""
    texts = [
        "President Donald Trump spoke. First lady Melania Trump smiled. Mrs. Trump waved. "
        "Mr. Trump left.",
        "U.S. President Trump said it was bad. Melania Trump, the first lady, prayed. "
        "Donald Trump called.",
    ]
    articles = plain_articles(texts)
    first = people_mentions(articles[0], "Donald Trump", "Melania Trump", "Trump", "Trump")
    first[1] = Mention(first[1].span, "ORG")
    mentions = [first, people_mentions(articles[1], "Trump", "Melania Trump", "Donald Trump")]
    docs = list(parse(articles, models, default_aliases()))
    chains = resolve_mentions(mentions, docs, models, default_aliases())
    held = sorted(sorted((m.span.article, m.span.start) for m in c.mentions) for c in chains)
    donald = [first[0], first[3], *mentions[1][::2]]
    melania = [first[1], first[2], mentions[1][1]]
    expected = [sorted((m.span.article, m.span.start) for m in c) for c in (donald, melania)]
    assert held == sorted(expected)
    assert {c.type for c in chains} == {"PERSON"}


def test_a_given_name_alone_is_the_one_person_of_the_story_who_has_it(models: Models) -> None:
    """News names the young and the bereaved by their given name ("Kimani"): it is the one
    person of the story with that given name, and no one when two share it."""
    texts = [
        "Kimani Gray was shot on Saturday. Mahnefah Gray, his sister, spoke.",
        "Friends said Kimani was unarmed. Mahnefah wept.",
        "John Smith and John Jones arrived. John left.",
        "Diana Ross sang and Francis Collins spoke. Don and Pope Francis listened.",
    ]
    articles = plain_articles(texts)
    mentions = [
        people_mentions(articles[0], "Kimani Gray", "Mahnefah Gray"),
        people_mentions(articles[1], "Kimani", "Mahnefah"),
        people_mentions(articles[2], "John Smith", "John Jones", "John"),
        people_mentions(articles[3], "Diana Ross", "Francis Collins", "Don", "Pope Francis"),
    ]
    docs = list(parse(articles, models, default_aliases()))
    chains = resolve_mentions(mentions, docs, models, default_aliases())
    held = sorted(sorted(m.span.text for m in c.mentions) for c in chains)
    assert held == [
        ["Diana Ross"],
        ["Don"],
        ["Francis Collins"],
        ["John"],
        ["John Jones"],
        ["John Smith"],
        ["Kimani", "Kimani Gray"],
        ["Mahnefah", "Mahnefah Gray"],
        ["Pope Francis"],
    ]


def test_one_name_in_capitals_and_not_is_one_actor(models: Models) -> None:
    """ "SEACOM" in one outlet and "Seacom" in another are one company, though a word in
    capitals reads as an acronym to the transliteration key."""
    texts = ["SEACOM said the cable was cut.", "Seacom restored the service on Monday."]
    articles = plain_articles(texts)
    mentions = [[Mention(Span.of(a, 0, 6), "ORG")] for a in articles]
    docs = list(parse(articles, models, default_aliases()))
    chains = resolve_mentions(mentions, docs, models, default_aliases())
    assert len(chains) == 1, [[m.span.text for m in c.mentions] for c in chains]


def test_one_spelling_is_one_actor_when_it_reaches_the_actor_later(models: Models) -> None:
    """A name the recogniser typed an event in one article joins the organisation of that
    spelling, also when the spelling reaches the organisation only from a later article."""
    texts = [
        "She entered Promises Treatment Center on Friday.",
        "She left Promises Treatment Centre on Monday.",
        "Promises Treatment Centre said she was well.",
    ]
    where = [12, 9, 0]
    typed = ["ORG", "EVENT", "ORG"]
    articles = plain_articles(texts)
    docs = list(parse(articles, models, default_aliases()))
    for order in ([0, 1, 2], [2, 1, 0]):
        mentions = [
            [Mention(Span.of(articles[n], where[n], where[n] + 25), typed[n])] for n in order
        ]
        chains = resolve_mentions(mentions, [docs[n] for n in order], models, default_aliases())
        assert len(chains) == 1, (order, [[m.span.text for m in c.mentions] for c in chains])


def test_every_occurrence_of_a_known_name_is_a_mention(
    seed_entities: list[Entity], seeds_parsed: Parsed
) -> None:
    """Each standalone "Rasool" or "Blinken" in the seeds, possessives included, is a mention
    of that person, whether or not the recogniser tagged it there."""
    for surname in ("Rasool", "Blinken"):
        person = one_entity(seed_entities, surname)
        for article in seeds_parsed.articles:
            held = [(m.start, m.end) for m in person.mentions if m.article == article.id]
            for found in re.finditer(rf"\b{surname}\b", article.text):
                inside = any(s <= found.start() and found.end() <= e for s, e in held)
                assert inside, (surname, article.outlet, found.start())


def test_an_organisation_is_also_named_without_its_place(models: Models) -> None:
    """ "the Chiefs" is the Kansas City Chiefs when Kansas City is a place of the story."""
    entities = story_entities(
        models,
        "The Kansas City Chiefs beat the Denver Broncos in Kansas City on Sunday. Few "
        "expected the Chiefs to score twice, said coach Andy Reid.",
    )
    chiefs = one_entity(entities, "Kansas City Chiefs")
    assert sorted(m.text for m in chiefs.mentions) == ["Chiefs", "Kansas City Chiefs"]


def test_a_name_the_recogniser_missed_is_a_mention(models: Models) -> None:
    """The recogniser tags "Sekkouri" four times of five here (not in "Supporters of
    Sekkouri"); the actor holds all five, titled and possessive forms without the title or
    the "'s", and "Sekkouri" inside another name is not his."""
    text = (
        "Wissam Sekkouri led the unit in Aleppo. Police arrested Sekkouri near the border, "
        "according to Sekkouri himself. Supporters of Sekkouri gathered. Sekkouri denies it. "
        "Mr. Sekkouri's lawyer spoke to Layla Sekkouri, his sister."
    )
    entities = story_entities(models, text)
    person = one_entity(entities, "Wissam Sekkouri")
    found = {m.start for m in person.mentions if m.text == "Sekkouri"}
    alone = {m.start() for m in re.finditer(r"(?<!Layla )(?<!Wissam )Sekkouri", text)}
    assert found == alone, sorted(alone - found)
    assert text.index("Layla Sekkouri") + 6 not in {m.start for m in person.mentions}


def test_a_clock_time_and_a_dateline_are_not_an_actor_or_a_label(models: Models) -> None:
    """The recogniser can read "a. m." as a person's initials, and a dateline run into a
    name's line reads like its apposition; neither is an actor or a label of one."""
    entities = story_entities(
        models,
        "FRIDAY, MAY 3, 2013, 9: 56 AM\nEarly Friday morning, around 1: 30 a. m., the "
        "26 - year - old actress checked into Betty Ford Center in Rancho Mirage, Calif. "
        "Lindsay Lohan had been ordered to rehab.",
    )
    names = {e.name for e in entities}
    assert "Lindsay Lohan" in names
    assert not any(n.lower().replace(" ", "") in ("a.m.", "a.m") for n in names)
    labels = [label.text for e in entities for label in e.labels]
    assert not any("\n" in text or "AM" in text.split() for text in labels), labels


def test_a_name_does_not_start_with_the_end_of_a_clock_time_or_a_calibre() -> None:
    from newsprism.analyze.entities.mentions import _is_name, _trim

    text = "on Saturday around 11: 30 p. m. Kimani Gray was standing with friends"
    start, end = _trim(text, text.index("m. Kimani"), text.index(" was"))
    assert text[start:end] == "Kimani Gray"
    gun = "he pointed a. 357 caliber revolver at them"
    start, end = _trim(gun, gun.index("a. 357"), gun.index(" caliber"))
    assert not _is_name(gun[start:end])
    assert not _is_name("TUESDAY") and _is_name("May")  # a weekday is no actor; May may be
    assert not _is_name("38 - caliber")
    cut = "she is 'certain' slain Kimani (Kiki) Gray did nothing"
    start, end = _trim(cut, cut.index("Kiki)"), cut.index(" did"))
    assert cut[start:end] == "Gray"
    start, end = _trim(cut, cut.index("Kimani"), cut.index(") Gray"))
    assert cut[start:end] == "Kimani"
    isis = "the Islamic State (ISIS) said"
    start, end = _trim(isis, isis.index("Islamic"), isis.index(" said"))
    assert isis[start:end] == "Islamic State"
    assert _trim("Gray)", 0, 5) == (0, 4)
    assert _trim("J. R. Smith said", 0, len("J. R. Smith")) == (0, len("J. R. Smith"))


def test_a_person_named_like_a_street_is_a_street() -> None:
    from newsprism.analyze.entities.mentions import _street

    assert _street("Snyder Ave") and _street("E. 52nd St.") and _street("Church Avenue")
    assert not _street("Nathan Lane") and not _street("Avenue") and not _street("Kimani Gray")


def test_a_name_ends_at_a_line_a_dash_or_where_the_known_name_does(models: Models) -> None:
    """A headline the recogniser reads as one person ("Lindsay Lohan Leaves Betty Ford")
    is the person the article names, and a name does not run on past a dash or a line."""
    entities = story_entities(
        models,
        "Lindsay Lohan Leaves Betty Ford\nFRIDAY, MAY 3, 2013\nLindsay Lohan checked into "
        "Betty Ford Center in Rancho Mirage. The Nationals offered Mark Teixeira - - eight "
        "years, the paper said.",
    )
    people = {e.name: sorted(m.text for m in e.mentions) for e in entities if e.type == "PERSON"}
    assert people == {
        "Lindsay Lohan": ["Lindsay Lohan", "Lindsay Lohan"],
        "Mark Teixeira": ["Mark Teixeira"],
    }


def test_a_headline_verb_after_a_known_name_is_not_part_of_it(models: Models) -> None:
    """ "Fred LaRue Dies", a headline, is Fred LaRue; "Mark Felt Jr." at a line's end is still
    the son, not his father Mark Felt."""
    entities = story_entities(
        models,
        "Fred LaRue Dies\nFred LaRue, a Nixon aide, died on Tuesday. Mark Felt Jr.\nsaid his "
        "father Mark Felt was ill.",
    )
    people = {e.name: sorted(m.text for m in e.mentions) for e in entities if e.type == "PERSON"}
    assert people["Fred LaRue"] == ["Fred LaRue", "Fred LaRue"]
    assert people["Mark Felt Jr."] == ["Mark Felt Jr."]
    assert people["Mark Felt"] == ["Mark Felt"]


def test_a_generation_after_a_name_is_no_surname(models: Models) -> None:
    """ "Arcade Joseph Comeaux Jr." and "Arcade Joseph Comeaux" are one man, and "Comeaux"
    and "Mr. Comeaux" are him; "Jr." is no mention of him."""
    entities = resolved(
        models,
        [
            "Arcade Joseph Comeaux Jr., a convicted killer, escaped on Monday. Comeaux was "
            "being moved between prisons.",
            "Police searched for Arcade Joseph Comeaux, 52. Mr. Comeaux fled in a van.",
            "During the escape, Arcade Joseph Comeaux, Jr. allegedly produced a gun.",
        ],
    )
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people) == 1, [(e.name, [m.text for m in e.mentions]) for e in people]
    assert not [e for e in entities if e.name.rstrip(".") == "Jr"]
    assert len([m for m in people[0].mentions if "Comeaux" in m.text]) == 5


def test_a_son_named_for_his_father_stays_apart_from_him(models: Models) -> None:
    """ "President Donald Trump" and "his son Donald Trump Jr." are two people, in one
    article and across articles."""
    entities = resolved(
        models,
        [
            "President Donald Trump defended his son on Tuesday. His son, Donald Trump Jr., "
            "met a Russian lawyer in June 2016.",
            "Donald Trump Jr. released the emails on Twitter. President Donald Trump called "
            "him a high-quality person.",
        ],
    )
    holders = [
        {m.text for m in e.mentions}
        for e in entities
        if any(m.text.startswith("Donald Trump") for m in e.mentions)
    ]
    assert not [names for names in holders if {"Donald Trump", "Donald Trump Jr."} <= names]
    assert len(holders) == 2, holders


def test_a_short_given_name_is_the_full_one(models: Models) -> None:
    """ "Fred LaRue" and "Frederick C. LaRue" are one man across two articles."""
    entities = resolved(
        models,
        [
            "Frederick C. LaRue, a Nixon aide, was found dead in a motel room in Biloxi.",
            "Fred LaRue, who delivered hush money during Watergate, has died. LaRue was 75.",
        ],
    )
    people = [e for e in entities if any("LaRue" in m.text for m in e.mentions)]
    assert len(people) == 1, [(e.name, [m.text for m in e.mentions]) for e in people]
    assert {m.text for m in people[0].mentions} == {"Frederick C. LaRue", "Fred LaRue", "LaRue"}


def test_two_generations_of_one_name_stay_apart(models: Models) -> None:
    """ "W. Mark Felt Sr." and "Mark Felt Jr." are father and son; "W. Mark Felt", with
    both in the story, is neither by name alone."""
    entities = resolved(
        models,
        [
            "W. Mark Felt Sr. died on Thursday at his home in California.",
            "His son, Mark Felt Jr., said the family was grateful.",
            "W. Mark Felt was the source known as Deep Throat.",
        ],
    )
    people = {e.name: {m.text for m in e.mentions} for e in entities if e.type == "PERSON"}
    holders = [names for names in people.values() if names & {"Mark Felt Jr."}]
    assert holders == [{"Mark Felt Jr."}], people
    assert not any({"W. Mark Felt Sr.", "Mark Felt Jr."} <= names for names in people.values())


def test_a_possessor_before_a_persons_name_is_not_part_of_it(models: Models) -> None:
    """ "Chargers' Jamal Williams" is Jamal Williams of the Chargers, not a person named
    so, and not one actor with the team."""
    entities = story_entities(
        models,
        "The Chargers' Jamal Williams was hurt on Sunday. San Diego Chargers coach Norv "
        "Turner said Jamal Williams would miss two games.",
    )
    williams = one_entity(entities, "Jamal Williams")
    assert {m.text for m in williams.mentions} == {"Jamal Williams"}


def test_a_recognised_person_span_loses_the_possessor_before_the_name() -> None:
    from newsprism.analyze.entities.mentions import _pieces

    text = "Iraq's Mohammed Shia al-Sudani spoke. The Chargers’ Jamal Williams played."
    one = text.index("Iraq")
    two = text.index("Chargers")
    assert _pieces(text, one, text.index(" spoke"), "PERSON") == [
        (text.index("Mohammed"), text.index(" spoke"), "PERSON")
    ]
    assert _pieces(text, two, text.index(" played"), "PERSON") == [
        (text.index("Jamal"), text.index(" played"), "PERSON")
    ]
    assert _pieces(text, two, text.index(" played"), "ORG") == [(two, text.index(" played"), "ORG")]


def test_a_name_is_cut_at_a_short_lines_end_not_at_a_wrapped_one() -> None:
    from newsprism.analyze.entities.mentions import _pieces

    headline = "Police: 8: 05 a. m.\nPalmer Fire crews were called."
    start = headline.index("a. m.")
    end = headline.index(" crews")
    assert [headline[a:b] for a, b, _ in _pieces(headline, start, end, "PERSON")] == ["Palmer Fire"]
    wrapped = "The bill was signed into law on Tuesday afternoon by President Barack\nObama."
    start = wrapped.index("Barack")
    end = wrapped.index(".", start)
    assert [wrapped[a:b] for a, b, _ in _pieces(wrapped, start, end, "PERSON")] == ["Barack\nObama"]
    dash = "Mark Teixeira - - eight years"
    assert [dash[a:b] for a, b, _ in _pieces(dash, 0, len(dash), "PERSON")] == ["Mark Teixeira"]
    run_on = 'you never say never when it comes to Tyler,"Gene Hansbrough said.'
    start, end = run_on.index("Tyler"), run_on.index(" said")
    assert [run_on[a:b] for a, b, _ in _pieces(run_on, start, end, "PERSON")] == [
        "Tyler",
        "Gene Hansbrough",
    ]  # a father and his son, not one person


def test_a_persons_name_leaves_out_words_run_in_before_a_name_given_alone() -> None:
    """ "Kicker Ryan Succop" read as one name goes by "Ryan Succop", "Deputy Luis Gerardo
    Ortiz" by "Luis Gerardo Ortiz"; a fuller name keeps its words."""
    from collections import Counter

    from newsprism.analyze.entities.chains import Chain
    from newsprism.analyze.entities.resolve import _fullest

    def chain(*names: str) -> Chain:
        text = ". ".join(names)
        article = Article("a0", "a0", None, "O0", None, None, "en", text)
        found = people_mentions(article, *names)
        return Chain(found, set(), None, Counter({"PERSON": len(found)}), True)

    assert _fullest(chain("CB Vontae Davis", "Vontae Davis", "Davis")) == "Vontae Davis"
    assert _fullest(chain("Coach QB Chuck Pagano", "Chuck Pagano")) == "Chuck Pagano"
    assert _fullest(chain("Coach Chuck Pagano", "QB Chuck Pagano", "Chuck Pagano")) == (
        "Chuck Pagano"
    )
    full = chain("Anthony Phillip LaSalle", "Anthony LaSalle", "LaSalle")
    assert _fullest(full) == "Anthony Phillip LaSalle"
    assert _fullest(chain("Donald J. Trump", "Trump")) == "Donald J. Trump"
    assert _fullest(chain("Deputy Luis Gerardo Ortiz", "Ortiz")) == "Luis Gerardo Ortiz"
    assert _fullest(chain("Prince Fielder", "Fielder")) == "Prince Fielder"
    for whole, part in (
        ("Charles de Gaulle", "de Gaulle"),
        ("Marine Le Pen", "Le Pen"),
        ("Mohammed bin Salman", "bin Salman"),
        ("Sarah Huckabee Sanders", "Huckabee Sanders"),
    ):
        assert _fullest(chain(whole, part)) == whole


def test_a_name_cut_before_its_last_syllable_is_whole(models: Models) -> None:
    """The recogniser can end "Moon Jae-in" at the hyphen; the name runs on to the
    syllable's end, while "Joe Biden-era" (which the recogniser takes whole) is "Joe Biden"
    and "Soros-tied" is "Soros"."""
    (article,) = plain_articles(
        [
            "Kim Jong Un became the first North Korean leader to set foot in the South since "
            "the 1950-53 war when he shook hands with South Korean President Moon Jae-in at "
            "Panmunjom. Donald Trump praised them and dropped the Joe Biden-era sanctions. "
            "A Soros-tied group paid for the ads, George Soros said. The Soros-ish plan failed."
        ]
    )
    (doc,) = parse([article], models, default_aliases())
    names = [m.span.text for m in find_mentions(article, doc, default_aliases())]
    assert "Moon Jae-in" in names
    assert "Joe Biden" in names and "Joe Biden-era" not in names
    assert "Soros" in names and "Soros-tied" not in names and "Soros-ish" not in names


def test_a_firm_that_ends_in_a_persons_surname_stays_a_firm(models: Models) -> None:
    """ "Merrill Lynch", with no title before it, stays the bank beside Attorney General
    Loretta Lynch, and the bare "Lynch" is hers; within an article a bare surname two full
    names fit goes to the one named last ("Linebacker Aldon Smith ... Smith said")."""
    entities = resolved(
        models,
        [
            "Merrill Lynch agreed to pay a fine on Monday. Attorney General Loretta Lynch "
            "announced the settlement. Lynch said the bank had misled investors.",
            "Coach Mike Smith praised the defense. Linebacker Aldon Smith returned from injury. "
            "Smith said he felt ready.",
        ],
    )
    bank = one_entity(entities, "Merrill Lynch")
    assert bank.type == "ORG"
    assert "Lynch" in [m.text for m in one_entity(entities, "Loretta Lynch").mentions]
    assert "Smith" in [m.text for m in one_entity(entities, "Aldon Smith").mentions]
    assert "Smith" not in [m.text for m in one_entity(entities, "Mike Smith").mentions]


def test_an_untitled_surname_of_two_relatives_named_alike_is_the_office_holders(
    models: Models,
) -> None:
    """ "President Donald Trump and first lady Melania Trump arrived ... Trump told
    reporters": named as often, the bare "Trump" is not the one titled only as a woman (news
    writes "Mrs. Trump" for her); "his wife Melania Trump", typed as an organisation, is
    still a person."""
    texts = [
        "President Donald Trump and first lady Melania Trump arrived in Paris on Friday. "
        "On Saturday, Trump told reporters the talks went well.",
        "Donald Trump and his wife Melania Trump visited a hospital.",
    ]
    articles = plain_articles(texts)
    first = people_mentions(articles[0], "Donald Trump", "Melania Trump", "Trump")
    second = people_mentions(articles[1], "Donald Trump", "Melania Trump")
    second[1] = Mention(second[1].span, "ORG")
    docs = list(parse(articles, models, default_aliases()))
    chains = resolve_mentions([first, second], docs, models, default_aliases())
    held = sorted(sorted((m.span.article, m.span.start) for m in c.mentions) for c in chains)
    donald = [first[0], first[2], second[0]]
    melania = [first[1], second[1]]
    expected = [sorted((m.span.article, m.span.start) for m in c) for c in (donald, melania)]
    assert held == sorted(expected)
    assert {c.type for c in chains} == {"PERSON"}


def test_a_two_letter_surname_the_recogniser_tagged_is_searched(models: Models) -> None:
    """Chinese names put the surname first: "Xi", tagged once as a person, is Xi Jinping's
    mention wherever else it stands, though shorter than names are otherwise searched."""
    entities = resolved(
        models,
        [
            "Xi Jinping, China's president, welcomed the meeting. Xi said China supported "
            "dialogue.",
            "Donald Trump spoke with Chinese President Xi Jinping by phone. Xi urged restraint.",
        ],
    )
    xi = one_entity(entities, "Xi Jinping")
    assert {m.article for m in xi.mentions if m.text == "Xi"} == {"a0", "a1"}
