"""Facts across outlets: statements aligned by meaning, values compared, conflicts found.

Small real inputs through the real parse and embeddings; the seeds as the program reads
them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsprism.analyze.brief import write_brief
from newsprism.analyze.claims import Facts, find_facts
from newsprism.analyze.claims.judge import claims
from newsprism.analyze.claims.quantities import find_quantities
from newsprism.analyze.claims.statements import Statement, statements
from newsprism.analyze.claims.values import Value, apart, converted, statement_values
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.provenance.outlets import outlet_keys
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article, Entity, Span, Story
from tests.analyze.conftest import Parsed


def _article(outlet: str, text: str, published: str | None = None) -> Article:
    return Article(
        Article.make_id(outlet, None, text),
        f"{outlet}.txt",
        None,
        outlet,
        None,
        published,
        "en",
        text,
    )


def _facts(models: Models, articles: Sequence[Article]) -> Facts:
    docs = list(parse(articles, models, default_aliases()))
    return find_facts(articles, docs, [], outlet_keys(articles), {}, models.embedder)


def _values(models: Models, text: str) -> list[Value]:
    article = _article("x", text)
    (doc,) = parse([article], models, default_aliases())
    quantities = find_quantities(article, doc)
    return [
        v
        for s in statements(article, doc)
        for v in statement_values(article, doc, s.span, quantities)
    ]


def _statement_spans(models: Models, text: str) -> list[Span]:
    article = _article("x", text)
    (doc,) = parse([article], models, default_aliases())
    return [s.span for s in statements(article, doc)]


def test_statements_are_sentences_and_their_clauses(models: Models) -> None:
    text = (
        "Posted on Friday, September 20, 2013 by the desk.\n\n"
        "A gang member was convicted Tuesday, and the jury is still deliberating on the "
        "second suspect's verdict.\n\nRead more"
    )
    found = _statement_spans(models, text)
    assert all(text[s.start : s.end] == s.text for s in found)
    words = [s.text for s in found]
    assert not any(w.startswith("Posted") or w == "Read more" for w in words)
    assert words[0].startswith("A gang member was convicted Tuesday")
    assert any(w.startswith("the jury is still deliberating") for w in words[1:])


def test_a_clause_that_only_says_who_spoke_is_no_statement(models: Models) -> None:
    text = (
        "Councilman Jumaane Williams, who represents the area, said on Twitter that the "
        "vigil had turned into a riot. A spokesman for the store said the fire crews "
        "were called at 8pm, and the building was later closed."
    )
    words = [s.text for s in _statement_spans(models, text)]
    assert any("the vigil had turned into a riot" in w for w in words)
    assert not any(w.rstrip(".").endswith(("said on Twitter", "store said")) for w in words)
    assert "the building was later closed" in words
    going = "Police made arrests overnight, and the protests continued into Tuesday night."
    assert "the protests continued into Tuesday night" in [
        s.text for s in _statement_spans(models, going)
    ]


def test_values_read_hedges_and_clock_times(models: Models) -> None:
    turnout = {
        v.kind: v for v in _values(models, "Officials said turnout was almost 90% on Sunday.")
    }
    assert turnout["percent"].low < 90 <= turnout["percent"].high
    assert turnout["day"].normalized == "Sunday"
    (early,) = [
        v for v in _values(models, "The fire broke out at 8.40pm in the store.") if v.kind == "time"
    ]
    (late,) = [
        v for v in _values(models, "The fire broke out at 8.49pm in the store.") if v.kind == "time"
    ]
    (round_,) = [
        v
        for v in _values(models, "The fire broke out at about 9pm in the store.")
        if v.kind == "time"
    ]
    assert apart(early, late)
    assert not apart(late, round_)  # a whole hour may be a rounded one
    pounds = [
        v
        for v in _values(models, "Thieves stole jewels worth £88m from the hotel.")
        if v.kind == "money"
    ]
    euros = [
        v
        for v in _values(models, "Thieves stole jewels worth €103 million from the hotel.")
        if v.kind == "money"
    ]
    assert pounds[0].key != euros[0].key  # currencies are never converted by guess


def test_values_read_ages_of_whom_records_and_durations(models: Models) -> None:
    def kinds(text: str) -> dict[str, Value]:
        return {v.kind: v for v in _values(models, text)}

    buckley = "age:robert buckley"  # no actors given: the name as written
    assert kinds("The 32-year-old Englishman Robert Buckley died.")["age"].key == buckley
    assert kinds("Robert Buckley, a 31-year-old teacher, died.")["age"].key == buckley
    assert kinds("Ms. Mendes' 12-year-old daughter was home.")["age"].key == "age:"
    assert kinds("A 31-year-old teacher died on the hill.")["age"].key == "age:"
    smith = "age:sharron smith"
    spelled = kinds("Sixty-year-old Sharron Smith is now accused of the murders.")["age"]
    assert (spelled.key, spelled.low, spelled.span.text) == (smith, 60, "Sixty-year-old")
    assert kinds("The sixty-one-year-old Sharron Smith was arrested.")["age"].low == 61
    given = kinds("Police charged Sharron Smith, age 61, with two counts of murder.")["age"]
    assert (given.key, given.low, given.span.text) == (smith, 61, "age 61")
    bowe = kinds("Riddick Bowe (43-1) scored an eighth-round decision.")["record"]
    assert (bowe.key, bowe.normalized, bowe.span.text) == ("record:riddick bowe", "43-1", "43-1")
    assert "record" not in kinds("Rahman has gone 4-2-1 since then.")  # not beside the name
    assert "record" not in kinds("Nadal beat Roger Federer (6-4, 6-3) in the final.")
    assert kinds("The 12-year-old son of John Smith was hurt.")["age"].key == "age:"
    ago = kinds("She returned to her home town 12 weeks ago.")["duration"]
    assert (ago.key, ago.low) == ("duration:ago", 84.0)
    deal = kinds("He signed an eight-year deal with the club.")["duration"]
    assert (deal.key, deal.span.text) == ("duration", "eight-year")
    assert kinds("The feud has lasted 1,500 years, he said.")["duration"].low == 1500 * 365.25
    miles = kinds("Qeshm lies 700 miles southeast of Tehran.")["distance"]
    assert (miles.span.text, round(miles.low)) == ("700 miles", 1126541)
    spaced = kinds("Qeshm lies 1, 150 kilometers from Tehran, the U. S. survey said.")
    assert (spaced["distance"].span.text, spaced["distance"].low) == ("1, 150 kilometers", 1150e3)
    assert spaced["count"].low == 1150
    assert "distance" not in kinds("Thieves took jewels worth £1.7m on Sunday.")
    for text in (
        "The 61-year-old driver was arrested.",
        "The driver, 32 years old, was arrested.",
        "He scored two second-half goals.",
        "She served 2 1/2 years in prison.",
    ):
        assert "duration" not in kinds(text), text


def test_an_age_is_keyed_by_the_actor_its_name_mentions(models: Models) -> None:
    article = _article("x", "The 32-year-old Englishman Robert Buckley died on Sunday.")
    (doc,) = parse([article], models, default_aliases())
    name = article.text.index("Robert Buckley")

    def people(words: Span) -> str | None:
        return "buckley-id" if words.start < name + 14 and name < words.end else None

    (span,) = [s.span for s in statements(article, doc)]
    found = statement_values(article, doc, span, [], people=people)
    assert [v.key for v in found if v.kind == "age"] == ["age:buckley-id"]


def test_ages_of_one_named_person_conflict(models: Models) -> None:
    articles = [
        _article(
            "Alpha",
            "The 32-year-old climber Robert Buckley died on the north face on Sunday. "
            "Rescuers reached the ridge by noon. The weather had turned overnight.",
        ),
        _article(
            "Beta",
            "Rescue teams said the climber Robert Buckley, 31, fell on the north face. "
            "The 31-year-old Robert Buckley had climbed there for years. Snow fell all day.",
        ),
    ]
    facts = _facts(models, articles)
    (conflict,) = facts.conflicts
    assert {side.value for side in conflict.sides} == {"32-year-old", "31-year-old"}


def test_one_fact_in_other_words_is_one_corroborated_claim(models: Models) -> None:
    articles = [
        _article(
            "Alpha",
            "The earthquake killed 12 people in the mountain town of Varn on Monday. "
            "The mayor opened three schools as shelters. Power lines fell across the "
            "valley road. Aftershocks kept families outdoors through the night. The "
            "regional governor promised aid for the farmers.",
        ),
        _article(
            "Beta",
            "Monday's quake left twelve people dead in Varn, a mountain town. "
            "Rescue teams from the capital arrived by helicopter. The old church tower "
            "collapsed onto the market square. Doctors treated dozens of injured residents "
            "in tents.",
        ),
    ]
    facts = _facts(models, articles)
    toll = [c for c in facts.claims if c.status == "corroborated"]
    assert toll, [c.text for c in facts.claims]
    assert {e.span.article for e in toll[0].evidence} == {a.id for a in articles}
    assert "killed 12" in toll[0].text or "twelve people dead" in toll[0].text
    single = {c.text for c in facts.claims if c.status == "single_source"}
    assert any("three schools" in t for t in single)
    assert any("helicopter" in t for t in single)
    assert not facts.conflicts


def test_a_time_two_outlets_give_differently_is_a_conflict(models: Models) -> None:
    articles = [
        _article(
            "Alpha",
            "The fire broke out in the roof of the Waitrose store at 8.40pm on Friday. "
            "Sixty residents were moved to a church nearby. The police called it suspicious.",
        ),
        _article(
            "Beta",
            "The fire broke out in the roof of the supermarket at 8.49pm on Friday night. "
            "Crews from four stations fought the blaze. The store will be rebuilt, its owner said.",
        ),
    ]
    facts = _facts(models, articles)
    (conflict,) = facts.conflicts
    assert conflict.kind == "hard"
    assert {side.value for side in conflict.sides} == {"8.40pm", "8.49pm"}
    claim = next(c for c in facts.claims if c.status == "conflicting")
    assert {e.stance for e in claim.evidence} == {"supports", "contradicts"}


def test_a_toll_that_rose_between_reports_is_evolving(models: Models) -> None:
    first = "Officials said three people were killed when the quake hit the island."
    later = "Officials said 10 people were killed when the quake hit the island."
    rising = _facts(
        models, [_article("Alpha", first, "2024-03-01"), _article("Beta", later, "2024-03-02")]
    )
    assert [c.kind for c in rising.conflicts] == ["evolving"]
    falling = _facts(
        models, [_article("Alpha", first, "2024-03-02"), _article("Beta", later, "2024-03-01")]
    )
    assert [c.kind for c in falling.conflicts] == ["hard"]


def test_tolls_in_two_leads_are_compared_however_differently_told(models: Models) -> None:
    first = (
        "Officials said 12 people were killed and dozens were still missing by Tuesday "
        "evening. Rescue boats searched the flooded fields south of the river."
    )
    later = (
        "Governor Ilyas Demirkhanov said on Thursday that the death toll from the collapse "
        "of the Brenmoor Dam had risen to at least 14. Rescue boats searched the fields."
    )
    aside = (
        "Rescue boats searched the flooded fields south of the river. In 1998 a storm "
        "there killed 40 people, the mayor recalled."
    )
    rising = _facts(
        models, [_article("Alpha", first, "2025-10-14"), _article("Beta", later, "2025-10-16")]
    )
    assert [(c.kind, {s.value for s in c.sides}) for c in rising.conflicts] == [
        ("evolving", {"12", "14"})
    ]
    background = _facts(
        models, [_article("Alpha", first, "2025-10-14"), _article("Gamma", aside, "2025-10-15")]
    )
    assert not background.conflicts  # a past toll told later in the article: not the lead


def test_the_brief_says_one_outlet_says_though_it_cites_two_of_its_spans(
    models: Models,
) -> None:
    first = "Officials said 12 people were killed when the dam gave way on Tuesday evening."
    later = "The death toll from the collapse of the dam has risen to at least 14, police said."
    articles = [_article("Alpha", first, "2025-10-14"), _article("Beta", later, "2025-10-16")]
    facts = _facts(models, articles)
    assert any(len(side.evidence) > 1 for c in facts.conflicts for side in c.sides)
    (sentence,) = [
        s.text
        for s in write_brief(facts.claims, facts.conflicts, articles)
        if "“" in s.text and s.text.startswith("Reports changed")
    ]
    assert "Alpha says" in sentence and "Beta says" in sentence and " say " not in sentence


def test_the_day_an_outlet_reported_is_not_the_day_of_the_event(models: Models) -> None:
    reported = "The fire destroyed the old church on Main Street, the Daily News reported {}."
    days = [
        _article("Alpha", reported.format("Sunday")),
        _article("Beta", reported.format("Monday")),
    ]
    assert not [c for c in _facts(models, days).conflicts if "day" in c.about]
    burned = "The fire destroyed the old church on Main Street on {}, the Daily News said."
    days = [_article(o, burned.format(d)) for o, d in (("Alpha", "Sunday"), ("Beta", "Monday"))]
    assert [c.about for c in _facts(models, days).conflicts] == ["the day: “Sunday” / “Monday”"]


def test_a_day_is_compared_only_as_the_day_its_verb_happened(models: Models) -> None:
    def days(one: str, other: str) -> list[str]:
        facts = _facts(models, [_article("Alpha", one), _article("Beta", other)])
        return [c.about for c in facts.conflicts]

    assert not days(  # the semifinal's day, not the win's
        "The Bluejays beat Drake in Thursday's semifinal in St. Louis.",
        "The Bluejays beat Drake on Friday in St. Louis.",
    )
    assert not days(  # a recurring day
        "Microsoft released the security fix for Internet Explorer users on Wednesday.",
        "Microsoft releases security fixes for Internet Explorer users on the second Tuesday "
        "of every month.",
    )
    signed = days(  # two players signed
        "Detroit signed DeShawn Wynn on Tuesday after Kevin Smith was hurt.",
        "Detroit signed Joique Bell on Wednesday after Kevin Smith was hurt.",
    )
    assert not [about for about in signed if about.startswith("the day")]
    backs = days(  # "who" of a passive read as the name it follows
        "The backs are DeShawn Wynn, who was signed on Tuesday, and Joique Bell, a rookie.",
        "The team's other back, Joique Bell, who was signed on Wednesday, is a rookie.",
    )
    assert not [about for about in backs if about.startswith("the day")]
    assert days(
        "The actress checked into the Promises rehab centre in Malibu on Tuesday.",
        "The actress checked into Promises, the rehab centre in Malibu, on Friday.",
    ) == ["the day: “Tuesday” / “Friday”"]


def test_one_named_actors_act_is_dated_however_unlike_the_sentences(models: Models) -> None:
    def days(one: str, other: str) -> list[str]:
        facts = _facts(models, [_article("Alpha", one), _article("Beta", other)])
        return [c.about for c in facts.conflicts if c.about.startswith(("the day", "the date"))]

    assert days(
        "Reid checked herself in on Tuesday, her publicist said in a statement to reporters.",
        "After years of denials, the American Pie actress Tara Reid checked into Promises "
        "Treatment Center on Friday.",
    ) == ["the day: “Tuesday” / “Friday”"]
    assert not days(  # one verb, done to two things
        "On January 30, Obama signed an executive order on aid to international groups.",
        "A provision in a spending bill signed by President Obama on March 11 lets the "
        "secretaries rescind the rule.",
    )
    for one, other in (
        (  # no act: a copula
            "Tara Reid was in a Malibu courtroom on Tuesday, her lawyer told the judge.",
            "After months of rumours, Reid was at the Promises Treatment Center on Friday.",
        ),
        (  # towards two places
            "Obama arrived in Prague on Sunday for talks with European leaders.",
            "After a long flight over the sea, Obama arrived in Ankara on Monday night.",
        ),
        (  # done to what a pronoun stands for
            "Obama signed it on January 30, aides to the president said.",
            "Long after the debate in the Senate had ended, Obama signed it on March 11.",
        ),
    ):
        assert not days(one, other), one


def _driver_facts(models: Models, texts: Sequence[str]) -> Facts:
    """Facts of one article per text, with the driver Anthony Phillip LaSalle as an actor
    (his two names wherever they are written)."""
    articles = [_article(f"Outlet {n}", text) for n, text in enumerate(texts)]
    mentions = tuple(
        Span.of(a, a.text.index(name), a.text.index(name) + len(name))
        for a in articles
        for name in ("Anthony Phillip LaSalle", "Anthony LaSalle")
        if name in a.text
    )
    driver = Entity("e1", "Anthony Phillip LaSalle", "PERSON", mentions)
    docs = list(parse(articles, models, default_aliases()))
    return find_facts(articles, docs, [driver], outlet_keys(articles), {}, models.embedder)


def test_two_towns_given_for_one_persons_home_conflict(models: Models) -> None:
    def homes(*texts: str) -> list[tuple[str, set[str]]]:
        facts = _driver_facts(models, texts)
        return [(c.about, {side.text for side in c.sides}) for c in facts.conflicts]

    assert homes(
        "Police arrested Anthony Phillip LaSalle, 36, of Bloomington, Minn., on Tuesday.",
        "Anthony LaSalle, 36, of Minneapolis, Minn., was charged with vehicular homicide.",
    ) == [
        (
            "where Anthony Phillip LaSalle lives",
            {
                "Anthony Phillip LaSalle, 36, of Bloomington, Minn.",
                "Anthony LaSalle, 36, of Minneapolis, Minn.",
            },
        )
    ]
    assert not homes(  # one place told more closely
        "Police arrested Anthony Phillip LaSalle, 36, of Jamaica, Queens, on Tuesday.",
        "Anthony LaSalle, 36, of Queens, was charged with vehicular homicide.",
    )
    assert homes(  # a sentence's end and the next person of a list are no part of a place
        "Police arrested Anthony Phillip LaSalle, 36, of Minneapolis. He was held.",
        "Anthony LaSalle, 36, of Edina, Mary Smith, 35, of Minneapolis, and two others.",
    ) == [
        (
            "where Anthony Phillip LaSalle lives",
            {"Anthony Phillip LaSalle, 36, of Minneapolis", "Anthony LaSalle, 36, of Edina"},
        )
    ]
    assert not homes(  # whom he works for, not where he lives
        "Police arrested Anthony Phillip LaSalle of Microsoft on Tuesday.",
        "Anthony LaSalle of Bloomington was charged with vehicular homicide.",
    )


def test_a_home_disputed_in_a_sentence_does_not_dispute_what_another_says(
    models: Models,
) -> None:
    texts = (
        "LuAnn Johnson died on Wednesday night when LaSalle struck her outside the store.",
        "LuAnn Johnson died on Wednesday night when Anthony Phillip LaSalle, 36, of "
        "Bloomington, Minn., struck her outside the store.",
        "Anthony LaSalle, 36, of Minneapolis, Minn., was charged with vehicular homicide.",
    )
    facts = _driver_facts(models, texts)
    assert [c.about for c in facts.conflicts] == ["where Anthony Phillip LaSalle lives"]
    death = next(c for c in facts.claims if c.text.startswith("LuAnn Johnson died"))
    assert (death.text, death.status) == (texts[0], "corroborated")


def test_near_copies_with_the_same_digits_or_a_lost_character_agree(models: Models) -> None:
    base = (
        "LaRue was known as the bagman who delivered payoffs to keep participants in the "
        "Watergate break-in quiet, and served {} months in federal prison for conspiracy."
    )
    for one, other in (("41 / 2", "412"), ("4\ufffd", "412")):
        copies = [_article("Alpha", base.format(one)), _article("Beta", base.format(other))]
        assert not _facts(models, copies).conflicts, (one, other)


def test_an_outlets_own_currency_conversion_is_no_value(models: Models) -> None:
    estimate = "Damage was estimated at $1 million ($1.52 million), police said."
    assert {v.span.text for v in _values(models, estimate) if v.kind == "money"} == {"$1 million"}
    hurt = "Police said 12 (of 40) were hurt."
    assert not converted(hurt, hurt.index("40"))  # a part in brackets, no conversion
    far = "Qeshm, located 1,150 kilometers (700 miles) southeast of Tehran, was hit."
    assert {v.span.text for v in _values(models, far) if v.kind == "distance"} == {
        "1,150 kilometers"
    }
    road = "The road runs 10 miles (3 miles of it new) through the valley."
    assert {v.span.text for v in _values(models, road) if v.kind == "distance"} == {
        "10 miles",
        "3 miles",
    }  # a part in the same unit, no conversion
    base = "The government agreed a €110 billion (${} billion) bailout with the lenders, he said."
    copies = [_article("Alpha", base.format("143")), _article("Beta", base.format("158"))]
    assert not _facts(models, copies).conflicts


def test_amounts_worth_of_different_things_do_not_conflict(models: Models) -> None:
    worth = {
        v.span.text: v.thing
        for text in (
            "Thieves took a diamond necklace worth £1.2m from the hotel, police said.",
            "Jewellery and watches worth £1.7m have been stolen from the shop, police said.",
            "Thieves stole £910,000 worth of jewellery from the car, police said.",
            "The club made a $160 million offer to the player, the team said.",
        )
        for v in _values(models, text)
        if v.kind == "money"
    }
    assert worth == {
        "£1.2m": "necklace",
        "£1.7m": "watch",
        "£910,000": "jewellery",
        "$160 million": None,
    }
    told = {
        v.span.text: v.thing
        for text in (
            "The deal is worth $170 million over eight years, the team said.",
            "Thieves took watches worth an estimated £2.7m from the shop on Monday.",
        )
        for v in _values(models, text)
        if v.kind == "money"
    }
    assert told == {"$170 million": "deal", "£2.7m": "watch"}
    told = "In Paris, thieves stole {} worth £{}m from a shop on Monday, police said."
    apart = [
        _article("Alpha", told.format("a necklace", "1.2")),
        _article("Beta", told.format("watches", "1.7")),
    ]
    assert not _facts(models, apart).conflicts
    one = [
        _article("Alpha", told.format("a necklace", "1.2")),
        _article("Beta", told.format("a necklace", "1.7")),
    ]
    (conflict,) = _facts(models, one).conflicts
    assert {side.value for side in conflict.sides} == {"£1.2m", "£1.7m"}


def _positions(models: Models, text: str, actor: str) -> list[tuple[str, bool]]:
    """The positions one actor (each word of its name an entity token) takes in a text."""
    from newsprism.analyze.claims.assertions import statement_assertions

    article = _article("x", text)
    (doc,) = parse([article], models, default_aliases())
    at = {t.idx: "actor" for t in doc if t.text in actor.split()}
    found = statement_assertions(article, doc, at, {"actor": actor})
    return [(a.value.split()[0], a.negated) for a in found]


def test_a_position_is_the_actors_own_and_a_refusal_to_say_takes_none(models: Models) -> None:
    """ "Would not say" and "has yet to say" take no side; "has yet to decide whether to
    call for" is one; only a verb that says the act was done ("led Iraq to call for") gives
    its object the act, not "urged Iraq to condemn"; others' verbs in a sentence that says
    a decision is open are theirs."""
    ketsoyan = "Jack Ketsoyan"
    refusal = 'Jack Ketsoyan would not say what the "American Pie" star was being treated for.'
    assert _positions(models, refusal, ketsoyan) == []
    not_yet = "Jack Ketsoyan has yet to say what caused the fire in the house on Friday."
    assert _positions(models, not_yet, ketsoyan) == []
    open_call = "Jack Ketsoyan has yet to make a final decision on whether to call for an inquiry."
    assert _positions(models, open_call, ketsoyan) == [("call", True)]
    led = "The strike led Iraq to call for the expulsion of U.S. troops on Sunday."
    assert _positions(models, led, "Iraq") == [("call", False)]
    urged = "Washington urged Iraq to condemn the attack on the base on Sunday."
    assert _positions(models, urged, "Iraq") == []
    others = (
        "The Iraqi government has yet to make a final decision, but protesters called for "
        "the expulsion of U.S. troops."
    )
    assert ("call", True) not in _positions(models, others, "Iraqi")


def test_values_in_text_whose_marks_carry_a_space(models: Models) -> None:
    kinds = {v.kind: v for v in _values(models, "The survey puts the magnitude at 6. 1.")}
    assert (kinds["magnitude"].low, "count" in kinds) == (6.1, False)
    richter = {v.kind: v for v in _values(models, "The quake measured 5.9 on the Richter scale.")}
    assert richter["magnitude"].low == 5.9
    for spaced, parts in (
        ("The 5. 9 - magnitude quake struck the island, the U. S. survey said.", {"5", "9"}),
        ("He was stopped at about 1: 30 a. m. by the U. S. police.", {"1", "30"}),
    ):
        counted = {v.span.text for v in _values(models, spaced) if v.kind == "count"}
        assert not counted & parts, spaced  # parts of one figure count nothing
    fall = {
        v.kind: v
        for v in _values(models, "Robert Buckley fell about 2, 000 feet, the U. S. embassy said.")
    }
    assert fall["distance"].span.text == "2, 000 feet"
    assert fall["distance"].low < 2000 * 0.3048 < fall["distance"].high  # "about"
    seats = "Seats cost $100, 250 or 400 each, and on May 5, 300 people came."  # marks unspaced
    money = {v.low for v in _values(models, seats) if v.kind == "money"}
    assert money == {100} and 300 in {v.low for v in _values(models, seats) if v.kind == "count"}


def test_a_sentence_cut_after_an_abbreviated_title_is_one_statement(models: Models) -> None:
    text = "Police surrounded the building, Const. Tony Fanning said. Nobody else was hurt."
    article = _article("x", text)
    (doc,) = parse([article], models, default_aliases())
    sentences = [s.span.text for s in statements(article, doc) if s.sentence]
    assert sentences[0] == "Police surrounded the building, Const. Tony Fanning said."


def test_what_will_happen_is_not_what_happened(models: Models) -> None:
    articles = [
        _article("Alpha", "Bush will miss two games with a sprained knee, the coach said."),
        _article("Beta", "Bush missed four games with a sprained knee, the coach said."),
    ]
    assert not _facts(models, articles).conflicts


def test_near_copies_differ_in_a_name_not_in_a_way_of_writing_it(models: Models) -> None:
    base = '"We are aware of the issue," team general manager {} said in a statement.'
    renamed = _facts(
        models,
        [
            _article("Alpha", base.format("A.J. Smith")),
            _article("Beta", base.format("A.J. Butler")),
        ],
    )
    assert [s.value for c in renamed.conflicts for s in c.sides] in (
        ["Smith", "Butler"],
        ["Butler", "Smith"],
    )
    patrol = "He was on probation for a previous arrest, the {} said on Sunday."
    same = _facts(
        models,
        [
            _article("Alpha", patrol.format("CHP")),
            _article("Beta", patrol.format("California Highway Patrol")),
        ],
    )
    assert not same.conflicts


def test_near_copies_differ_in_a_spelling_or_a_month(models: Models) -> None:
    def points(base: str, one: str, other: str) -> list[set[str]]:
        texts = [
            _article("Alpha", base.format(one) + " Rescue teams searched the valley at dawn."),
            _article("Beta", base.format(other) + " The weather had been fine all week."),
            _article("Gamma", "Police said the climbers were experienced and well equipped."),
        ]
        return [{s.value for s in c.sides} for c in _facts(models, texts).conflicts]

    died = "On Friday, 36-year-old Duncan {} died after falling about 60 metres from a ridge."
    assert points(died, "Rait", "Raite") == [{"Rait", "Raite"}]
    assert points(died, "Lohan", "Lohan's") == []
    line = "Reid launched a new fashion line called Mantra in {} with two partners."
    assert points(line, "December", "September") == [{"December", "September"}]
    school = "The school that the charity had built was attacked by the Taliban in {}."
    assert points(school, "March", "May") == [{"March.", "May."}]  # its clause is no second
    facts = _facts(
        models,
        [
            _article("Alpha", died.format("Rait")),
            _article("Beta", died.format("Raite")),
            _article("Gamma", "Police said the climbers were well equipped."),
        ],
    )
    assert [c.about for c in facts.conflicts] == [
        "a name in a sentence outlets copy: “Rait” / “Raite”"
    ]


def test_near_copies_that_write_one_figure_two_ways_agree(models: Models) -> None:
    base = "The actress pledged {} dollars to the shelter and will visit it at {} on Friday."
    for one, other in (
        (("1000", "6"), ("1,000", "6:00")),
        (("4,500", "02:41"), ("4500", "2:41")),
        (("4,500", "02:41"), ("4500", "0241")),
    ):
        same = _facts(
            models, [_article("Alpha", base.format(*one)), _article("Beta", base.format(*other))]
        )
        assert not same.conflicts, (one, other)
    moved = _facts(
        models,
        [
            _article("Alpha", base.format("1,000", "6:00")),
            _article("Beta", base.format("1,000", "6:30")),
        ],
    )
    assert moved.conflicts


@pytest.fixture(scope="module")
def seed_facts(seeds_parsed: Parsed, models: Models) -> Facts:
    articles = seeds_parsed.articles
    return find_facts(articles, seeds_parsed.docs, [], outlet_keys(articles), {}, models.embedder)


def test_seeds_facts(seed_facts: Facts, seeds_parsed: Parsed, seed_story: Story) -> None:
    """The seeds as the program reads them: the three dead corroborated across outlets, the
    900 troops in Syria a single-source fact of its own, Rasool's two posts a conflict."""
    texts = {a.id: a.text for a in seeds_parsed.articles}
    for claim in seed_facts.claims:
        for evidence in claim.evidence:
            span = evidence.span
            assert texts[span.article][span.start : span.end] == span.text
    dead = [
        c
        for c in seed_facts.claims
        if c.status == "corroborated" and any(v.kind == "count" and v.low == 3 for v in c.values)
    ]
    assert dead and len({e.span.article for e in dead[0].evidence}) >= 2
    syria = [c for c in seed_facts.claims if "900 troops in Syria" in c.text]
    assert syria and all(c.status == "single_source" for c in syria)
    roles = [c for c in seed_story.conflicts if "Rasool" in c.about]
    assert roles and {len(c.sides) for c in roles} == {2}
    (position,) = [c for c in seed_story.conflicts if c.about == "the position of Iraq"]
    sides = [" ".join(span.text for span in side.evidence) for side in position.sides]
    assert any("led Iraq to call for the expulsion" in side for side in sides)
    assert any("has yet to make a final decision" in side for side in sides)


def test_the_brief_says_only_one_outlet_when_only_one_does(seed_story: Story) -> None:
    """A sentence the brief gives as one outlet's alone holds no words, and no figure, that
    other outlets' claims share (the seeds' 2,500 troops are four outlets', not one's)."""
    shared = [c for c in seed_story.claims if c.status != "single_source"]
    lone = [s for s in seed_story.brief if s.text.startswith("Only ")]
    for sentence in lone:
        for span in sentence.citations:
            for claim in shared:
                for evidence in claim.evidence:
                    other = evidence.span
                    overlap = other.article == span.article and other.start < span.end
                    assert not (overlap and span.start < other.end), sentence.text
    assert not any("2,500" in s.text for s in lone)


def test_what_near_copies_and_days_do_not_take_for_a_difference(models: Models) -> None:
    """Edge cases of the rules above: another spelling is a one-vowel gain of a name of
    four letters or more, not an abbreviation or an adjective; a decimal point is no
    separator; a recurring day needs its own "every"; a title's point cuts no sentence
    unless a person's name follows."""
    from newsprism.analyze.claims.copies import _other_name, _written_alike
    from newsprism.analyze.claims.statements import _cut, governing_verb

    assert _other_name("rait", "raite") and not _other_name("u.s.", "usa")
    assert not _other_name("syria", "syrian") and not _other_name("lohan", "lohan's")
    assert not _written_alike([("1.5", (0, 3))], [("15", (0, 2))])
    assert _written_alike([("41", (0, 2)), ("/", (3, 4)), ("2", (5, 6))], [("412", (0, 3))])
    doc = models.nlp("The bomb exploded on Sunday, when each of the shops was full.")
    assert governing_verb(next(t for t in doc if t.text == "Sunday")) == "explode"
    police, fanning = models.nlp("Police reopened the road."), models.nlp("Tony Fanning said.")
    assert not _cut("Ocean Dr. ", police[:]) and _cut("ng, Const. ", fanning[:])


def test_a_count_up_to_a_moment_is_not_the_whole(models: Models) -> None:
    since = "Police said Gray had been arrested three times since October on theft charges."
    total = "Police said Gray had been arrested four times on theft charges, the paper said."
    assert not _facts(models, [_article("Alpha", since), _article("Beta", total)]).conflicts
    part = (
        "The strike turned violent, which has led to the death of three workers (one a "
        "pregnant woman) in a bank set on fire."
    )
    whole = (
        "The two women and a man were killed in a bank set on fire during demonstrations by "
        "tens of thousands who marched through Athens."
    )
    aside = "Tens of thousands marched through Athens on Wednesday against the cuts."
    texts = [("Alpha", part), ("Beta", whole), ("Gamma", aside)]
    assert not _facts(models, [_article(outlet, text) for outlet, text in texts]).conflicts
    toll = "Since Sunday, 12 people have died in the floods in the south, officials said."
    later = "Since Sunday, 14 people have died in the floods in the south, officials said."
    assert _facts(models, [_article("Alpha", toll), _article("Beta", later)]).conflicts


def test_a_month_alone_is_compared_with_a_month_alone(models: Models) -> None:
    other_news = (
        " Her lawyer said she was doing well after a difficult year."
        " Her latest film opens in cinemas across the country next week."
        " Fans gathered outside the hotel where she was staying."
    )

    def dates(one: str, other: str) -> list[str]:
        articles = [_article("Alpha", one + other_news), _article("Beta", other_news + " " + other)]
        return [
            c.about for c in _facts(models, articles).conflicts if c.about.startswith("the date")
        ]

    assert dates(  # the month hangs from "called" in the parse: it is the launch's
        "The actress, who has launched a new fashion line called Mantra in September, "
        "spoke to the magazine.",
        "The actress launched a new fashion line called Mantra in December.",
    ) == ["the date: “September” / “December”"]
    assert not dates(  # a day of the month is in its month
        "The company opened its new factory in Ohio in December.",
        "The company opened its new factory in Ohio on December 9.",
    )
    assert dates(  # the day before the month is read
        "The company opened its new factory in Ohio on 9 December.",
        "The company opened its new factory in Ohio on December 12.",
    ) == ["the date: “9 December” / “December 12”"]


def test_no_claim_is_told_twice() -> None:
    """A statement that supports two groups gives its lone figure once, and the second
    group's claim takes another member's words when it has one."""
    texts = {
        "a": "The vote drew 2.5 million voters to 125 seats.",
        "b": "The vote filled 125 seats.",
        "c": "Polls closed on Sunday for the 125 seats.",
    }
    articles = {k: _article(k, t) for k, t in texts.items()}
    found = [
        Statement(Span.of(articles[k], 0, len(t)), frozenset(t.lower().split()), "vote")
        for k, t in texts.items()
    ]

    def count(article: Article, number: str, counted: str) -> Value:
        at = article.text.index(number)
        words = Span.of(article, at, at + len(number))
        amount = 2_500_000.0 if number == "2.5 million" else float(number)
        clause = Span.of(article, 0, len(article.text))
        return Value("count", f"count:{counted}", words, number, amount, amount, clause=clause)

    values = [
        [count(articles["a"], "2.5 million", "voter"), count(articles["a"], "125", "seat")],
        [count(articles["b"], "125", "seat")],
        [count(articles["c"], "125", "seat")],
    ]
    told = claims(
        found, values, [[0, 1], [0, 2]], [], [], {k: k for k in texts}, {}, lambda i, j: 0.5
    )
    lone = [c for c in told if len(c.values) == 1 and c.values[0].span.text == "2.5 million"]
    assert [c.text for c in lone] == [texts["a"]]
    heads = [c.text for c in told if c.status == "corroborated"]
    assert sorted(heads) == sorted([texts["a"], texts["c"]])


def test_a_day_of_the_month_is_read_before_or_after_it_and_only_when_it_can_be_one() -> None:
    from newsprism.analyze.claims.values import _months

    def read(text: str) -> list[tuple[str, str, int | None]]:
        return [(m.group(0), month, day) for m, month, day in _months(text)]

    assert read("on 14 October 15 people died") == [("14 October", "October", 14)]
    assert read("December 9, 2008") == [("December 9", "December", 9)]
    assert read("the Article 50 March deadline") == [("March", "March", None)]
    assert read("played March 45 times") == [("March", "March", None)]
    assert read("on the 3\nMay") == [("May", "May", None)]


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
    articles = [_article(k, t) for k, t in texts.items()]

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
