"""Facts across outlets: statements aligned by meaning, values compared, conflicts found.

Small real inputs through the real parse and embeddings; the seeds as the program reads
them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsprism.analyze.brief import write_brief
from newsprism.analyze.claims import Facts, find_facts
from newsprism.analyze.claims.judge import claims, source_roots
from newsprism.analyze.claims.statements import Statement
from newsprism.analyze.claims.values import Value
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.provenance.outlets import outlet_keys
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article, Entity, Span, Story
from tests.analyze.claims.build import (
    claim_about,
    read_values,
    story_article,
    story_facts,
    story_facts_and_entities,
)
from tests.analyze.conftest import Parsed


def test_ages_of_one_named_person_conflict(models: Models) -> None:
    articles = [
        story_article(
            "Alpha",
            "The 32-year-old climber Robert Buckley died on the north face on Sunday. "
            "Rescuers reached the ridge by noon. The weather had turned overnight.",
        ),
        story_article(
            "Beta",
            "Rescue teams said the climber Robert Buckley, 31, fell on the north face. "
            "The 31-year-old Robert Buckley had climbed there for years. Snow fell all day.",
        ),
    ]
    facts = story_facts(models, articles)
    (conflict,) = facts.conflicts
    assert {side.value for side in conflict.sides} == {"32-year-old", "31-year-old"}


def test_one_fact_in_other_words_is_one_corroborated_claim(models: Models) -> None:
    articles = [
        story_article(
            "Alpha",
            "The earthquake killed 12 people in the mountain town of Varn on Monday. "
            "The mayor opened three schools as shelters. Power lines fell across the "
            "valley road. Aftershocks kept families outdoors through the night. The "
            "regional governor promised aid for the farmers.",
        ),
        story_article(
            "Beta",
            "Monday's quake left twelve people dead in Varn, a mountain town. "
            "Rescue teams from the capital arrived by helicopter. The old church tower "
            "collapsed onto the market square. Doctors treated dozens of injured residents "
            "in tents.",
        ),
    ]
    facts = story_facts(models, articles)
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
        story_article(
            "Alpha",
            "The fire broke out in the roof of the Waitrose store at 8.40pm on Friday. "
            "Sixty residents were moved to a church nearby. The police called it suspicious.",
        ),
        story_article(
            "Beta",
            "The fire broke out in the roof of the supermarket at 8.49pm on Friday night. "
            "Crews from four stations fought the blaze. The store will be rebuilt, its owner said.",
        ),
    ]
    facts = story_facts(models, articles)
    (conflict,) = facts.conflicts
    assert conflict.kind == "hard"
    assert {side.value for side in conflict.sides} == {"8.40pm", "8.49pm"}
    claim = next(c for c in facts.claims if c.status == "conflicting")
    assert {e.stance for e in claim.evidence} == {"supports", "contradicts"}


def test_a_toll_that_rose_between_reports_is_evolving(models: Models) -> None:
    first = "Officials said three people were killed when the quake hit the island."
    later = "Officials said 10 people were killed when the quake hit the island."
    rising = story_facts(
        models,
        [story_article("Alpha", first, "2024-03-01"), story_article("Beta", later, "2024-03-02")],
    )
    assert [c.kind for c in rising.conflicts] == ["evolving"]
    falling = story_facts(
        models,
        [story_article("Alpha", first, "2024-03-02"), story_article("Beta", later, "2024-03-01")],
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
    rising = story_facts(
        models,
        [story_article("Alpha", first, "2025-10-14"), story_article("Beta", later, "2025-10-16")],
    )
    assert [(c.kind, {s.value for s in c.sides}) for c in rising.conflicts] == [
        ("evolving", {"12", "14"})
    ]
    background = story_facts(
        models,
        [story_article("Alpha", first, "2025-10-14"), story_article("Gamma", aside, "2025-10-15")],
    )
    assert not background.conflicts  # a past toll told later in the article: not the lead


def test_the_brief_says_one_outlet_says_though_it_cites_two_of_its_spans(
    models: Models,
) -> None:
    first = (
        "Officials said 12 people were killed when the dam gave way on Tuesday evening. "
        "The collapse of the dam killed 12 people, police said."
    )
    later = "The death toll from the collapse of the dam has risen to at least 14, police said."
    articles = [
        story_article("Alpha", first, "2025-10-14"),
        story_article("Beta", later, "2025-10-16"),
    ]
    facts = story_facts(models, articles)
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
        story_article("Alpha", reported.format("Sunday")),
        story_article("Beta", reported.format("Monday")),
    ]
    assert not [c for c in story_facts(models, days).conflicts if "day" in c.about]
    burned = "The fire destroyed the old church on Main Street on {}, the Daily News said."
    days = [
        story_article(o, burned.format(d)) for o, d in (("Alpha", "Sunday"), ("Beta", "Monday"))
    ]
    assert [c.about for c in story_facts(models, days).conflicts] == [
        "the day: “Sunday” / “Monday”"
    ]


def test_a_day_is_compared_only_as_the_day_its_verb_happened(models: Models) -> None:
    def days(one: str, other: str) -> list[str]:
        facts = story_facts(models, [story_article("Alpha", one), story_article("Beta", other)])
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
        facts = story_facts(models, [story_article("Alpha", one), story_article("Beta", other)])
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
    articles = [story_article(f"Outlet {n}", text) for n, text in enumerate(texts)]
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
        copies = [
            story_article("Alpha", base.format(one)),
            story_article("Beta", base.format(other)),
        ]
        assert not story_facts(models, copies).conflicts, (one, other)


def test_amounts_worth_of_different_things_do_not_conflict(models: Models) -> None:
    worth = {
        v.span.text: v.thing
        for text in (
            "Thieves took a diamond necklace worth £1.2m from the hotel, police said.",
            "Jewellery and watches worth £1.7m have been stolen from the shop, police said.",
            "Thieves stole £910,000 worth of jewellery from the car, police said.",
            "The club made a $160 million offer to the player, the team said.",
        )
        for v in read_values(models, text)
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
        for v in read_values(models, text)
        if v.kind == "money"
    }
    assert told == {"$170 million": "deal", "£2.7m": "watch"}
    told = "In Paris, thieves stole {} worth £{}m from a shop on Monday, police said."
    apart = [
        story_article("Alpha", told.format("a necklace", "1.2")),
        story_article("Beta", told.format("watches", "1.7")),
    ]
    assert not story_facts(models, apart).conflicts
    one = [
        story_article("Alpha", told.format("a necklace", "1.2")),
        story_article("Beta", told.format("a necklace", "1.7")),
    ]
    (conflict,) = story_facts(models, one).conflicts
    assert {side.value for side in conflict.sides} == {"£1.2m", "£1.7m"}


def test_what_will_happen_is_not_what_happened(models: Models) -> None:
    articles = [
        story_article("Alpha", "Bush will miss two games with a sprained knee, the coach said."),
        story_article("Beta", "Bush missed four games with a sprained knee, the coach said."),
    ]
    assert not story_facts(models, articles).conflicts


def test_near_copies_differ_in_a_name_not_in_a_way_of_writing_it(models: Models) -> None:
    base = '"We are aware of the issue," team general manager {} said in a statement.'
    renamed = story_facts(
        models,
        [
            story_article("Alpha", base.format("A.J. Smith")),
            story_article("Beta", base.format("A.J. Butler")),
        ],
    )
    assert [s.value for c in renamed.conflicts for s in c.sides] in (
        ["Smith", "Butler"],
        ["Butler", "Smith"],
    )
    patrol = "He was on probation for a previous arrest, the {} said on Sunday."
    same = story_facts(
        models,
        [
            story_article("Alpha", patrol.format("CHP")),
            story_article("Beta", patrol.format("California Highway Patrol")),
        ],
    )
    assert not same.conflicts
    leaner = (
        "Hansbrough moved into the top spot with a tough leaner in the lane with two {} "
        "defenders hanging on him with 7:42 left in the first half."
    )
    team = story_facts(
        models,
        [
            story_article("Alpha", leaner.format("Evansville")),
            story_article("Beta", leaner.format("Purple Aces")),
        ],
    )
    assert not team.conflicts  # one team, by its town and by its name
    moved = "The team flew back to {} late on Tuesday night after the game, officials said."
    towns = story_facts(
        models,
        [
            story_article("Alpha", moved.format("Bloomington")),
            story_article("Beta", moved.format("Minneapolis")),
        ],
    )
    assert [{s.value for s in c.sides} for c in towns.conflicts] == [{"Bloomington", "Minneapolis"}]


def test_near_copies_differ_in_a_spelling_or_a_month(models: Models) -> None:
    def points(base: str, one: str, other: str) -> list[set[str]]:
        texts = [
            story_article("Alpha", base.format(one) + " Rescue teams searched the valley at dawn."),
            story_article("Beta", base.format(other) + " The weather had been fine all week."),
            story_article("Gamma", "Police said the climbers were experienced and well equipped."),
        ]
        return [{s.value for s in c.sides} for c in story_facts(models, texts).conflicts]

    died = "On Friday, 36-year-old Duncan {} died after falling about 60 metres from a ridge."
    assert points(died, "Rait", "Raite") == [{"Rait", "Raite"}]
    assert points(died, "Lohan", "Lohan's") == []
    term = "Gomes was sentenced to {}, with nine months to serve in that case, records show."
    assert points(term, "2 years", "2 1/2 years") == [{"2", "2 1/2"}]
    clinic = "Lohan was listed among the patients of the Betty Ford {}, a clinic in the desert."
    assert points(clinic, "Center", "Centre") == []  # one word, British and American
    line = "Reid launched a new fashion line called Mantra in {} with two partners."
    assert points(line, "December", "September") == [{"December", "September"}]
    school = "The school that the charity had built was attacked by the Taliban in {}."
    assert points(school, "March", "May") == [{"March.", "May."}]  # its clause is no second
    facts = story_facts(
        models,
        [
            story_article("Alpha", died.format("Rait")),
            story_article("Beta", died.format("Raite")),
            story_article("Gamma", "Police said the climbers were well equipped."),
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
        same = story_facts(
            models,
            [story_article("Alpha", base.format(*one)), story_article("Beta", base.format(*other))],
        )
        assert not same.conflicts, (one, other)
    moved = story_facts(
        models,
        [
            story_article("Alpha", base.format("1,000", "6:00")),
            story_article("Beta", base.format("1,000", "6:30")),
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
    for bound in (
        "Israel killed 20 people in airstrikes launched since sundown on Monday evening.",
        "Israel has launched airstrikes since Monday.",
        "The road stays closed until Friday.",
    ):
        day = next(t for t in models.nlp(bound) if t.text in ("Monday", "Friday"))
        assert governing_verb(day) is None, bound  # a period's bound, not the act's day
    aside = models.nlp(
        "Israel launched strikes on Gaza, which is under blockade since 2007, on Monday."
    )
    assert governing_verb(next(t for t in aside if t.text == "Monday")) == "launch"
    police, fanning = models.nlp("Police reopened the road."), models.nlp("Tony Fanning said.")
    assert not _cut("Ocean Dr. ", police[:]) and _cut("ng, Const. ", fanning[:])


def test_a_count_up_to_a_moment_is_not_the_whole(models: Models) -> None:
    since = "Police said Gray had been arrested three times since October on theft charges."
    total = "Police said Gray had been arrested four times on theft charges, the paper said."
    assert not story_facts(
        models, [story_article("Alpha", since), story_article("Beta", total)]
    ).conflicts
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
    assert not story_facts(
        models, [story_article(outlet, text) for outlet, text in texts]
    ).conflicts
    toll = "Since Sunday, 12 people have died in the floods in the south, officials said."
    later = "Since Sunday, 14 people have died in the floods in the south, officials said."
    assert story_facts(
        models, [story_article("Alpha", toll), story_article("Beta", later)]
    ).conflicts


def test_a_month_alone_is_compared_with_a_month_alone(models: Models) -> None:
    other_news = (
        " Her lawyer said she was doing well after a difficult year."
        " Her latest film opens in cinemas across the country next week."
        " Fans gathered outside the hotel where she was staying."
    )

    def dates(one: str, other: str) -> list[str]:
        articles = [
            story_article("Alpha", one + other_news),
            story_article("Beta", other_news + " " + other),
        ]
        return [
            c.about
            for c in story_facts(models, articles).conflicts
            if c.about.startswith("the date")
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
    articles = {k: story_article(k, t) for k, t in texts.items()}
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


def test_a_claim_is_about_its_subject_and_the_brief_keeps_quotation_marks_paired(
    models: Models,
) -> None:
    """ "U.S. President Donald Trump said ..." is about Trump, not the United States named
    first; a sentence that opens with a quotation reads in the brief with both of its marks
    (made single), not the closing one alone."""
    articles = [
        story_article(
            "Alpha",
            '"We will respond very strongly," Donald Trump told reporters in Warsaw. '
            "U.S. President Donald Trump said the missile test was a very bad sign.",
        ),
        story_article(
            "Beta",
            '"We will respond very strongly," Donald Trump told reporters in Warsaw. '
            "The launch came a day after talks in Beijing ended without a deal.",
        ),
    ]
    facts, entities = story_facts_and_entities(models, articles)
    assert claim_about(facts, entities, "U.S. President") == "Donald Trump"
    (sentence,) = [
        s.text for s in write_brief(facts.claims, facts.conflicts, articles) if "strongly" in s.text
    ]
    assert "“‘We will respond very strongly,’ Donald Trump told reporters in Warsaw”" in sentence


def test_the_brief_encloses_a_quotation_only_when_it_is_all_of_the_words() -> None:
    from newsprism.analyze.brief import _quoted

    def quoted(text: str) -> str:
        return _quoted(Span("a", 0, len(text), text), 40)

    assert quoted('"The strike was a blatant assassination."') == (
        "“The strike was a blatant assassination”"
    )
    assert quoted('"We are ready," the minister said, calling the talks "productive."') == (
        "“‘We are ready,’ the minister said, calling the talks ‘productive.’”"
    )


def test_only_what_no_other_outlet_tells_alike_is_one_outlets_alone(models: Models) -> None:
    """Two outlets tell how a fire started in words too far apart to be one claim; neither
    is what one outlet alone reports, and the brief does not say so of either. What each
    outlet alone tells (the owner's plan, that nobody was hurt) still is; a figure only one
    gives is not told apart from the same act told without it ("At least 40 firefighters"
    beside "Crews battled the flames")."""
    articles = [
        story_article(
            "Alpha",
            "A fire destroyed a restaurant in Leeds on Monday. Police said the fire started "
            "in the kitchen after a pan of oil was left on the stove. The owner plans to "
            "reopen next year. At least 40 firefighters fought the flames through the night.",
        ),
        story_article(
            "Beta",
            "A fire destroyed a restaurant in Leeds on Monday. The blaze began when cooking "
            "oil caught fire in the kitchen, officers said. Nobody was hurt in the fire. "
            "Crews battled the flames through the night.",
        ),
    ]
    facts, _ = story_facts_and_entities(models, articles)
    assert facts.alone is not None
    single = {c.text: c.id in facts.alone for c in facts.claims if c.status == "single_source"}
    assert single == {
        "Police said the fire started in the kitchen after a pan of oil was left on the stove.": (
            False
        ),
        "The owner plans to reopen next year.": True,
        "At least 40 firefighters fought the flames through the night.": False,
        "The blaze began when cooking oil caught fire in the kitchen, officers said.": False,
        "Nobody was hurt in the fire.": True,
        "Crews battled the flames through the night.": False,
    }
    brief = write_brief(facts.claims, facts.conflicts, articles, alone=facts.alone)
    alone = [s.text for s in brief if s.text.startswith("Only")]
    assert len(alone) == 2 and not any("kitchen" in s or "flames" in s for s in alone)


def test_copies_of_copies_and_one_outlets_articles_are_one_source() -> None:
    """A copied by B, B by C: one source, however many steps apart; two articles of one
    outlet are one source; an article no one copies is its own."""
    outlets = {"a": "alpha", "b": "beta", "c": "gamma", "d": "delta", "e": "delta", "f": "phi"}
    dependent = {"a": {"b"}, "b": {"a", "c"}, "c": {"b"}}
    sources = source_roots(outlets, outlets, dependent)
    assert sources["a"] == sources["b"] == sources["c"]
    assert sources["d"] == sources["e"] != sources["a"]
    assert len({sources["a"], sources["d"], sources["f"]}) == 3


def test_a_share_is_keyed_by_the_measure_it_is_the_level_of(models: Models) -> None:
    """ "turnout was almost 90%", "the unemployment rate rose to 5.4 per cent": the level
    of turnout, of the unemployment rate. "prices rose 0.9 percent" is a change, and "55
    percent of voice traffic ..., 52 percent in Egypt" names no measure: not keyed."""
    keys = {
        v.span.text: v.key
        for text in (
            "The Central Election Commission said that turnout was almost 90%.",
            "Authorities said turnout reached 93.87 percent in the election.",
            "The unemployment rate rose to 5.4 per cent in March.",
            "Prices rose 0.9 percent in the past month.",
            "As much as 55 percent of voice traffic in Saudi Arabia and 52 percent in Egypt "
            "was out of service.",
        )
        for v in read_values(models, text)
        if v.kind == "percent"
    }
    assert keys == {
        "90%": "percent:turnout",
        "93.87 percent": "percent:turnout",
        "5.4 per cent": "percent:unemployment rate",
        "0.9 percent": "percent",
        "55 percent": "percent",
        "52 percent": "percent",
    }
