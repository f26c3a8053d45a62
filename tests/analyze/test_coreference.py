"""Coreference over given spans (the setting of the ECB+ benchmark)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsprism.analyze.entities.aliases import default_aliases
from newsprism.evaluation.span_coreference import resolve_spans
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article

from .conftest import Parsed


def _spans(text: str, *words: str) -> list[tuple[int, int]]:
    found = []
    for word in words:
        start = text.index(word)
        found.append((start, start + len(word)))
    return found


def test_names_pronouns_and_descriptions(seeds_parsed: Parsed, models: Models) -> None:
    thin = seeds_parsed.by_outlet("Thin Line News")
    tasnim = seeds_parsed.by_outlet("Tasnim News Agency")
    doc_thin = seeds_parsed.docs[seeds_parsed.articles.index(thin)]
    doc_tasnim = seeds_parsed.docs[seeds_parsed.articles.index(tasnim)]
    thin_spans = _spans(thin.text, "Yahya Rasool", "He condemned", "Kataib Hezbollah", "Blinken")
    thin_spans[1] = (thin_spans[1][0], thin_spans[1][0] + 2)
    tasnim_spans = _spans(tasnim.text, "Yahya Rasool", "Kata'ib Hezbollah", "Joe Biden")
    labels = resolve_spans(
        [(thin, doc_thin, thin_spans), (tasnim, doc_tasnim, tasnim_spans)], models
    )
    rasool, he, kh, blinken = labels[0]
    rasool2, kh2, biden = labels[1]
    assert rasool == he == rasool2
    assert kh == kh2
    assert len({rasool, kh, blinken, biden}) == 4


def test_empty_articles_are_allowed(seeds_parsed: Parsed, models: Models) -> None:
    article, doc = seeds_parsed.articles[0], seeds_parsed.docs[0]
    assert resolve_spans([(article, doc, [])], models) == [[]]


def _parse(
    models: Models, *texts: str, published: Sequence[str | None] = ()
) -> list[tuple[Article, Any]]:
    dates = [*published, *[None] * len(texts)]
    articles = [
        Article(f"a{n}", f"a{n}", None, f"Outlet {n}", None, dates[n], "en", t)
        for n, t in enumerate(texts)
    ]
    return list(zip(articles, parse(articles, models, default_aliases()), strict=True))


def _labels(
    models: Models, *articles: tuple[str, Sequence[str]], published: Sequence[str | None] = ()
) -> list[list[int]]:
    """The labels of the given words (each the first time its text has it) in a story of
    these articles' texts."""
    parsed = _parse(models, *(text for text, _ in articles), published=published)
    items = [
        (article, doc, _spans(article.text, *words))
        for (article, doc), (_, words) in zip(parsed, articles, strict=True)
    ]
    return resolve_spans(items, models)


def test_a_pronoun_joins_a_person_named_outside_the_given_spans(models: Models) -> None:
    """Only some sentences are annotated: the name before a pronoun may be in none of the
    given spans, and the pronoun still stands for that person."""
    (one, doc_one), (two, doc_two) = _parse(
        models,
        "Maria Gonzalez won the race in Boston. Later that day she thanked her coach.",
        "Maria Gonzalez won the Boston race on Monday.",
    )
    she = one.text.index("she")
    labels = resolve_spans(
        [(one, doc_one, [(she, she + 3)]), (two, doc_two, _spans(two.text, "Maria Gonzalez"))],
        models,
    )
    assert labels[0][0] == labels[1][0]


def test_a_subject_pronoun_continues_the_subject_before(models: Models) -> None:
    """ "He" as a subject stands for the person named as the subject before it (Luck), not
    for the person named last (Wayne); "him" is still the nearest."""
    ((article, doc),) = _parse(
        models,
        "Andrew Luck threw a touchdown pass to Reggie Wayne on Sunday. He also set a record. "
        "Reggie Wayne hugged Andrew Luck. Fans cheered for him.",
    )
    spans = _spans(article.text, "Andrew Luck", "Reggie Wayne", "He")
    him = article.text.index("him")
    labels = resolve_spans([(article, doc, [*spans, (him, him + 3)])], models)
    luck, wayne, he, him_label = labels[0]
    assert he == luck != wayne
    assert him_label == luck
    ((article, doc),) = _parse(  # a "she" goes on with a subject only when called a woman
        models,
        "Andrew Luck met the actress Mary Smith in Indianapolis on Sunday. She said it was "
        "an honour.",
    )
    spans = _spans(article.text, "Andrew Luck", "Mary Smith", "She")
    luck, smith, she = resolve_spans([(article, doc, spans)], models)[0]
    assert she == smith != luck


def test_a_pronoun_after_a_description_with_no_name_joins_the_description(
    models: Models,
) -> None:
    (article, doc), (other, other_doc) = _parse(
        models,
        "A prisoner in Palermo hanged himself in his cell on Tuesday.",
        "The prisoner was found dead by guards.",
    )
    spans = _spans(article.text, "prisoner", "himself")
    labels = resolve_spans(
        [(article, doc, spans), (other, other_doc, _spans(other.text, "prisoner"))], models
    )
    assert labels[0][0] == labels[0][1] == labels[1][0]


def test_a_name_the_recogniser_missed_joins_the_entity_that_has_it(models: Models) -> None:
    (one, doc_one), (two, doc_two) = _parse(
        models,
        "The Kansas City Chiefs beat the Denver Broncos on Sunday.",
        "Fans cheered as the CHIEFS won again on Sunday.",
    )
    caps = two.text.index("CHIEFS")
    labels = resolve_spans(
        [
            (one, doc_one, _spans(one.text, "Kansas City Chiefs", "Denver Broncos")),
            (two, doc_two, [(caps, caps + 6)]),
        ],
        models,
    )
    assert labels[1][0] == labels[0][0] != labels[0][1]


def test_it_and_they_join_the_thing_or_group_before_them(models: Models) -> None:
    ((article, doc),) = _parse(
        models, "The Indian navy said it sank a pirate ship. The Colts fired their coach on Monday."
    )
    spans = _spans(article.text, "Indian navy", "it sank", "The Colts", "their", "coach")
    spans[1] = (spans[1][0], spans[1][0] + 2)
    navy, it, colts, their, coach = resolve_spans([(article, doc, spans)], models)[0]
    assert it == navy
    assert their == colts
    assert len({navy, colts, coach}) == 3


def test_a_woman_is_the_one_woman_her_article_names(models: Models) -> None:
    """An indefinite "a woman" (a headline's "Woman") stands for the one person the story
    calls a woman, when her article names no other; "a man" in an article that names two
    men stays alone."""
    (one, doc_one), (two, doc_two) = _parse(
        models,
        "Woman Killed In Queens\nA woman was killed by a driver on Tuesday. The victim, "
        "Raj Chohan, a 59-year-old grandmother, was walking home. John Smith, a father of "
        "two, and Tom Brown, a grandfather, said a man fled.",
        "Raj Chohan, a mother of two, died in hospital.",
    )
    spans = _spans(one.text, "Woman", "woman", "Raj Chohan", "John Smith", "Tom Brown", "man fled")
    spans[5] = (spans[5][0], spans[5][0] + 3)
    labels = resolve_spans(
        [(one, doc_one, spans), (two, doc_two, _spans(two.text, "Raj Chohan"))], models
    )
    headline, woman, chohan, smith, brown, man = labels[0]
    assert headline == woman == chohan == labels[1][0]
    assert man not in {chohan, smith, brown}


def _two_singers(models: Models, text: str) -> tuple[list[int], list[int]]:
    """Labels in a story of two singers: Tara Reid and Lindsay Lohan in a first article,
    then ``text``'s "Lindsay Lohan" and "singer"."""
    (one, doc_one), (two, doc_two) = _parse(
        models,
        "The singer Tara Reid checked into rehab. The singer Lindsay Lohan stayed home.",
        text,
    )
    singer = two.text.index("singer")
    first, second = resolve_spans(
        [
            (one, doc_one, _spans(one.text, "Tara Reid", "Lindsay Lohan")),
            (two, doc_two, [*_spans(two.text, "Lindsay Lohan"), (singer, singer + 6)]),
        ],
        models,
    )
    return first, second


def test_a_label_two_actors_carry_is_the_one_its_article_named_last(models: Models) -> None:
    """ "The singer" in a story of two singers is the one named last before it in its
    article (here in the headline)."""
    (reid, lohan), (named, singer) = _two_singers(
        models,
        "Lindsay Lohan Checks Into Betty Ford Clinic\nMAY 3, 2013\nEarly Friday morning, "
        "the 26-year-old singer checked into Betty Ford Center.",
    )
    assert singer == named == lohan != reid


def test_a_label_of_several_actors_before_any_is_named_is_the_first_named_after(
    models: Models,
) -> None:
    """A lead that names its subject only later ("A singer checked into rehab ... Lindsay
    Lohan, 26, ...") means the first of the label's actors its article names after it."""
    (reid, lohan), (named, singer) = _two_singers(
        models,
        "A singer checked into rehab on Thursday, her lawyer said.\nLindsay Lohan, 26, left "
        "after a few minutes.",
    )
    assert singer == named == lohan != reid


def test_the_object_of_a_verb_is_not_its_subject(models: Models) -> None:
    """ "The suspect ... shot him": "him" is not the suspect, but the person before."""
    ((article, doc),) = _parse(
        models,
        "Deputy Jerry Ortiz knocked on the door. Jose Orozco, the suspect, appeared and "
        "shot him in the head.",
    )
    spans = _spans(article.text, "Jerry Ortiz", "Jose Orozco")
    him = article.text.index("him")
    ortiz, orozco, him_label = resolve_spans([(article, doc, [*spans, (him, him + 3)])], models)[0]
    assert him_label == ortiz != orozco


def test_spans_that_name_one_day_are_one_chain(models: Models) -> None:
    """ "Yesterday" in an article dated the Saturday after, "late Friday night." and
    "Friday, December 12" name one day; "today" in an article with no date is the day the
    story names most; "Monday" is another day."""
    (one, doc_one), (two, doc_two), (three, doc_three) = _parse(
        models,
        "A gunman killed two people yesterday, police said. The trial opens on Monday.",
        "The gunman opened fire late Friday night.\nOn Friday, December 12, he was seen.",
        "Police named the gunman today.",
        published=["2008-12-13"],
    )
    spans_two = _spans(two.text, "late Friday night.", "Friday, December 12")
    first, second, third = resolve_spans(
        [
            (one, doc_one, _spans(one.text, "yesterday", "Monday")),
            (two, doc_two, spans_two),
            (three, doc_three, _spans(three.text, "today")),
        ],
        models,
    )
    yesterday, monday = first
    assert yesterday == second[0] == second[1] == third[0] != monday


def test_a_headline_word_is_no_apposition_of_the_next_line(models: Models) -> None:
    """A headline with no stop at its end is parsed as one sentence with the next line:
    the NYPD of "...: NYPD" and the woman the next line starts with are two."""
    ((article, doc),) = _parse(
        models,
        "Man charged after S. Rich Hill mother killed in crash: NYPD\nA 59-year-old woman "
        "was killed in a hit-and-run crash Friday evening, police said.",
    )
    nypd, woman = resolve_spans([(article, doc, _spans(article.text, "NYPD", "woman"))], models)[0]
    assert nypd != woman


def test_a_noun_joined_to_an_apposition_stands_for_its_name(models: Models) -> None:
    """ "LaRue, a Watergate figure and high-ranking official who ...": the official and
    the "who" after it are LaRue."""
    ((article, doc),) = _parse(
        models,
        "Fred LaRue, a Watergate figure and high-ranking Nixon administration official who "
        "once was rumored to be Deep Throat, has died.",
    )
    spans = _spans(article.text, "Fred LaRue", "official", "who")
    larue, official, who = resolve_spans([(article, doc, spans)], models)[0]
    assert larue == official == who


def test_a_place_after_a_preposition_parsed_alone_is_still_that_place(models: Models) -> None:
    """ "at Betty Ford Center" in a headline, where the parse takes the date line below
    for the preposition's object, is the center the story names elsewhere."""
    (one, doc_one), (two, doc_two) = _parse(
        models,
        "Lindsay Lohan checked into the Betty Ford Center in California.",
        "Lindsay Lohan Checks Into Rehab at Betty Ford Center\nFri., May. 3, 2013 11: 45 AM "
        "PDT\nEarly Friday morning, the actress checked in.",
    )
    at = two.text.index("at Betty")
    first, second = resolve_spans(
        [
            (one, doc_one, _spans(one.text, "the Betty Ford Center")),
            (two, doc_two, [(at, at + len("at Betty Ford Center"))]),
        ],
        models,
    )
    assert first == second


def test_a_clock_time_and_a_day_of_a_month_join_the_day_they_name(models: Models) -> None:
    """In articles with no date, "at about 7 p.m." is the story's day, and "on 12th
    December" the day it is in the year of the story's dated articles."""
    (one, doc_one), (two, doc_two) = _parse(
        models,
        "A gunman killed two people on Friday, police said.",
        "The gunman opened fire at about 7 p.m. outside a school.\nOn 12th December he fled.",
        published=["2008-12-13"],
    )
    spans = _spans(two.text, "at about 7 p.m.", "On 12th December")
    first, second = resolve_spans(
        [(one, doc_one, _spans(one.text, "on Friday")), (two, doc_two, spans)], models
    )
    assert first[0] == second[0] == second[1]


def test_descriptions_whose_head_words_mean_one_thing_are_one(models: Models) -> None:
    """ "The car" and "the vehicle" of one story are one thing; "a man" and "a woman" stay
    two people."""
    (man, car), (vehicle, woman) = _labels(
        models,
        ("A man was hit by a car near the station on Tuesday.", ["man", "car"]),
        ("Police found the vehicle a mile away, a woman said.", ["the vehicle", "woman"]),
    )
    assert car == vehicle
    assert man != woman


def test_a_title_case_headline_noun_is_read_as_the_noun_it_is(models: Models) -> None:
    """A headline in title case has "Swimmer" parsed as a name: it is still the noun the
    story's swimmer carries."""
    first, second = _labels(
        models,
        (
            "Esther Williams, the swimmer and actress, died on Thursday in Beverly Hills.",
            ["Esther Williams"],
        ),
        (
            "Hollywood Swimmer Dies At 91\nThe star of aquatic musicals died in her sleep.",
            ["Swimmer"],
        ),
    )
    assert first == second


def test_a_surname_said_alone_is_the_actor_of_that_name_not_a_relative(models: Models) -> None:
    """A headline read whole as one name ("Hansbrough Sets Scoring Record"): its
    "Hansbrough" is the player the story calls Hansbrough, not his father Gene
    Hansbrough, whose surname it also is."""
    (tyler, gene), second = _labels(
        models,
        (
            "Tyler Hansbrough scored 20 points. Hansbrough thanked his father, Gene Hansbrough.",
            ["Tyler Hansbrough", "Gene Hansbrough"],
        ),
        (
            "Hansbrough Sets Scoring Record\nThe senior broke the record on Thursday.",
            ["Hansbrough"],
        ),
    )
    assert second[0] == tyler != gene


def test_a_pronoun_with_no_one_before_it_is_the_first_person_named_after(
    models: Models,
) -> None:
    """A "she" before anyone is named ("After she abruptly left a rehab facility, Lindsay
    Lohan ...") is the woman the article names next."""
    ((article, doc),) = _parse(
        models,
        "After she abruptly left a rehab facility in Newport Beach, Lindsay Lohan checked "
        "into the Betty Ford Center, her lawyer Mark Heller said.",
    )
    she = article.text.index("she")
    spans = [(she, she + 3), *_spans(article.text, "Lindsay Lohan", "Mark Heller")]
    she_label, lohan, heller = resolve_spans([(article, doc, spans)], models)[0]
    assert she_label == lohan != heller


def test_two_days_of_one_weekday_stay_two(models: Models) -> None:
    """ "Friday, December 5" and "Friday, December 12" are two days; "last Friday" in an
    article dated the Saturday after is the second."""
    first, second = _labels(
        models,
        (
            "The first attack came on Friday, December 5. Another came on Friday, December 12.",
            ["Friday, December 5", "Friday, December 12"],
        ),
        ("Police said the gunman struck again last Friday.", ["last Friday"]),
        published=["2008-12-13", "2008-12-13"],
    )
    assert first[0] != first[1] == second[0]


def test_descriptions_that_read_alike_whole_are_one_and_amounts_stay_apart(
    models: Models,
) -> None:
    """ "A Mafia boss" and "the Mafia leader" (head words unlike as words) read alike
    whole: one actor. "$200 million" and "$184M", alike whole, are two amounts."""
    first, second = _labels(
        models,
        (
            "A Mafia boss was found hanged in his cell. The offer was worth $200 million.",
            ["A Mafia boss", "$200 million"],
        ),
        (
            "The Mafia leader had been arrested in December. Another bid was $184M.",
            ["The Mafia leader", "$184M"],
        ),
    )
    assert first[0] == second[0]
    assert first[1] != second[1]


def test_a_span_the_parse_hangs_in_pieces_is_the_phrase_it_opens_with(models: Models) -> None:
    """ "in the Gulf of Aden, between the Horn of Africa and the Arabian Peninsula", whose
    words the parse hangs on the verb in two pieces, is the gulf, not the Horn of Africa."""
    (one, doc_one), (two, doc_two) = _parse(
        models,
        "Navies patrol the Gulf of Aden.",
        "Pirates attacked a tanker in the Gulf of Aden, between the Horn of Africa and the "
        "Arabian Peninsula, on Tuesday. The Horn of Africa is poor.",
    )
    whole = "in the Gulf of Aden, between the Horn of Africa and the Arabian Peninsula"
    first, second = resolve_spans(
        [
            (one, doc_one, _spans(one.text, "the Gulf of Aden")),
            (two, doc_two, _spans(two.text, whole, "The Horn of Africa")),
        ],
        models,
    )
    assert second[0] == first[0] != second[1]


def test_a_subject_pronoun_continues_the_subject_not_a_description_after_it(
    models: Models,
) -> None:
    """ "she" as a subject goes on with the subject named before it (Lohan), not with a
    person described after it as the verb's object ("a judge")."""
    labels = _labels(
        models,
        (
            "Lindsay Lohan, an actress, fooled a judge in Los Angeles on Thursday. Then she "
            "fled to New York.",
            ["Lindsay Lohan", "judge", "she"],
        ),
    )
    lohan, judge, she = labels[0]
    assert she == lohan != judge


def test_a_day_of_a_month_with_no_year_is_the_story_date_on_that_day(models: Models) -> None:
    """In undated articles, "on Feb. 22" is the story's "Sunday, February 22, 2009", and
    "Dec. 6" and "December 6" are one day though no year is known; "Feb. 23" is not."""
    first, second, third = _labels(
        models,
        ("The ceremony took place on Sunday, February 22, 2009.", ["Sunday, February 22, 2009"]),
        ("The winners were named on Feb. 22 and the party ended Feb. 23.", ["Feb. 22", "Feb. 23"]),
        ("A riot began on Dec. 6 and one more on December 6 in Athens.", ["Dec. 6", "December 6"]),
    )
    assert first[0] == second[0] != second[1]
    assert third[0] == third[1]


def test_a_label_several_carry_is_the_salient_one_where_its_article_names_none(
    models: Models,
) -> None:
    """ "the navy" in an article that names no navy is the Indian Navy the story names
    again and again, not the British Royal Navy it names once."""
    first, second = _labels(
        models,
        (
            "The Indian Navy sank a pirate ship. The Indian Navy said the ship attacked "
            "traders. The Indian Navy patrols the Gulf of Aden, as does the British Royal "
            "Navy. A spokesman for the Indian Navy said more ships would come. The Indian "
            "Navy has four ships there.",
            ["The Indian Navy"],
        ),
        ("The navy said its warship fired in self-defence.", ["navy"]),
    )
    assert second[0] == first[0]


def test_its_is_the_thing_that_is_the_subject_of_its_verb(models: Models) -> None:
    """ "its" stands for the company that is its verb's subject, not for the flaw named
    between them."""
    labels = _labels(
        models,
        (
            "Microsoft will release a patch for the flaw on Wednesday to protect its users.",
            ["Microsoft", "flaw", "its"],
        ),
    )
    microsoft, flaw, its = labels[0]
    assert its == microsoft != flaw
    labels = _labels(  # "and its": the thing it is joined to, not the subject
        models,
        (
            "The fire destroyed the warehouse and its contents on Tuesday.",
            ["fire", "warehouse", "its"],
        ),
    )
    fire, warehouse, its = labels[0]
    assert its == warehouse != fire


def test_a_plural_description_is_not_the_one_person_carrying_its_label(models: Models) -> None:
    """ "climbers" is not Duncan Rait, whom the story calls a climber; "the climber" is."""
    first, second = _labels(
        models,
        ("Duncan Rait, a climber from Australia, fell on Saturday.", ["Duncan Rait"]),
        (
            "Rescuers reached the climber after other climbers raised the alarm.",
            ["climber", "climbers"],
        ),
    )
    assert second[0] == first[0] != second[1]


def test_a_possessive_in_a_relative_clause_is_whom_who_stands_for(models: Models) -> None:
    """ "his" in "an official who served a term for his role" is the official's, not
    Nixon's, though Nixon is named nearer."""
    labels = _labels(
        models,
        (
            "Fred LaRue, a high-ranking Nixon administration official who served a prison "
            "term for his role in Watergate, died.",
            ["Fred LaRue", "Nixon", "his"],
        ),
    )
    larue, nixon, his = labels[0]
    assert his == larue != nixon
    labels = _labels(  # not past someone named between "who" and the possessive
        models,
        (
            "John Smith, a lawyer who thanked Mary Jones for her help, died.",
            ["John Smith", "Mary Jones", "her"],
        ),
    )
    smith, jones, her = labels[0]
    assert her == jones != smith


def test_a_woman_in_an_article_naming_no_woman_is_the_story_s_one_woman(
    models: Models,
) -> None:
    """ "the woman" in an article that names no one is the one woman the other articles
    name; with two women of like weight in the story, it stays apart."""
    first, second = _labels(
        models,
        ("Raj Chohan, a mother of two, was struck by a car.", ["Raj Chohan"]),
        ("A driver struck the woman and fled.", ["woman"]),
    )
    assert second[0] == first[0]
    first, second = _labels(
        models,
        (
            "Raj Chohan, a mother of two, was struck by a car. Mary Smith, a grandmother, "
            "was hurt.",
            ["Raj Chohan", "Mary Smith"],
        ),
        ("A driver struck the woman and fled.", ["woman"]),
    )
    assert second[0] not in first[0:2]


def test_she_is_no_one_the_story_calls_a_man(models: Models) -> None:
    """ "her" after a man's name is the woman named before him, when the story calls him
    a man ("a father of two")."""
    ((article, doc),) = _parse(
        models,
        "The actress Esther Williams died on Thursday. Harlan Boll, a father of two, said "
        "the family mourned her.",
    )
    her = article.text.index("her.")
    spans = [*_spans(article.text, "Esther Williams", "Harlan Boll"), (her, her + 3)]
    williams, boll, her_label = resolve_spans([(article, doc, spans)], models)[0]
    assert her_label == williams != boll


def test_he_or_him_is_not_a_plural_description(models: Models) -> None:
    """ "him" stands for the one man named before it, not for the "Mafia bosses" named
    after him."""
    labels = _labels(
        models,
        (
            "Police arrested Gaetano Lo Presti and 93 other Mafia bosses on Tuesday. Guards "
            "found him dead in his cell.",
            ["Gaetano Lo Presti", "Mafia bosses", "him"],
        ),
    )
    lo_presti, bosses, him = labels[0]
    assert him == lo_presti != bosses
