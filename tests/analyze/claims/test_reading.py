"""Reading one article: its statements and the values they give (figures, days, times,
ages, amounts), and the positions its actors take."""

from __future__ import annotations

from newsprism.analyze.claims.money import converted
from newsprism.analyze.claims.statements import statements
from newsprism.analyze.claims.values import Value, apart, statement_values
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Span
from tests.analyze.claims.build import read_values, statement_spans, story_article, story_facts


def test_statements_are_sentences_and_their_clauses(models: Models) -> None:
    text = (
        "Posted on Friday, September 20, 2013 by the desk.\n\n"
        "A gang member was convicted Tuesday, and the jury is still deliberating on the "
        "second suspect's verdict.\n\nRead more"
    )
    found = statement_spans(models, text)
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
    words = [s.text for s in statement_spans(models, text)]
    assert any("the vigil had turned into a riot" in w for w in words)
    assert not any(w.rstrip(".").endswith(("said on Twitter", "store said")) for w in words)
    assert "the building was later closed" in words
    going = "Police made arrests overnight, and the protests continued into Tuesday night."
    assert "the protests continued into Tuesday night" in [
        s.text for s in statement_spans(models, going)
    ]


def test_values_read_hedges_and_clock_times(models: Models) -> None:
    turnout = {
        v.kind: v for v in read_values(models, "Officials said turnout was almost 90% on Sunday.")
    }
    assert turnout["percent"].low < 90 <= turnout["percent"].high
    assert turnout["day"].normalized == "Sunday"
    (early,) = [
        v
        for v in read_values(models, "The fire broke out at 8.40pm in the store.")
        if v.kind == "time"
    ]
    (late,) = [
        v
        for v in read_values(models, "The fire broke out at 8.49pm in the store.")
        if v.kind == "time"
    ]
    (round_,) = [
        v
        for v in read_values(models, "The fire broke out at about 9pm in the store.")
        if v.kind == "time"
    ]
    assert apart(early, late)
    assert not apart(late, round_)  # a whole hour may be a rounded one
    pounds = [
        v
        for v in read_values(models, "Thieves stole jewels worth £88m from the hotel.")
        if v.kind == "money"
    ]
    euros = [
        v
        for v in read_values(models, "Thieves stole jewels worth €103 million from the hotel.")
        if v.kind == "money"
    ]
    assert pounds[0].key != euros[0].key  # currencies are never converted by guess


def test_values_read_ages_of_whom_records_and_durations(models: Models) -> None:
    def kinds(text: str) -> dict[str, Value]:
        return {v.kind: v for v in read_values(models, text)}

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
    either = kinds("She moved away five or six years ago, a friend said.")["duration"]
    assert (either.span.text, either.low, either.high) == (
        "five or six years ago",
        5 * 365.25,
        6 * 365.25,
    )
    down = kinds("She moved away six or five years ago, a friend said.")["duration"]
    assert (down.low, down.high) == (5 * 365.25, 6 * 365.25)
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


def test_a_figure_a_teaser_cuts_off_is_no_value(models: Models) -> None:
    """What the figure measures is cut away with the rest of the sentence."""

    def kinds(text: str) -> set[str]:
        return {v.kind for v in read_values(models, text)}

    assert "money" not in kinds("Officials insist that the plan, with $1 trillion in...")
    assert "percent" not in kinds("The poll found that 60 percent of likely…")
    assert "money" in kinds("Officials insist that the plan, with $1 trillion in new spending...")
    assert "money" in kinds("Officials insist that the plan costs $1 trillion.")
    paused = "The company said revenue fell to $5 million... down from $8 million a year earlier."
    assert "money" in kinds(paused)  # an ellipsis inside the text cuts nothing


def test_a_measure_with_a_part_taken_out_is_another_measure(models: Models) -> None:
    def keys(text: str) -> list[str]:
        return [v.key for v in read_values(models, text) if v.kind in ("percent", "money")]

    assert set(keys("From March to April, prices increased 0.8 percent.")) == {"percent"}
    core = "The 0.9 percent increase, again controlling for food and energy prices, is the highest."
    assert set(keys(core)) == {"percent::adjusted"}
    pay = "He earned $2 million last year, excluding bonuses."
    assert set(keys(pay)) == {"money:$:adjusted"}
    level = "The commission said that, excluding spoiled ballots, turnout was almost 90%."
    assert set(keys(level)) == {"percent:turnout:adjusted"}
    two = "Prices rose 0.8 percent in April, and core inflation rose 0.3 percent."
    assert set(keys(two)) == {"percent", "percent::adjusted"}  # "core": the second clause's


def test_an_outlets_own_currency_conversion_is_no_value(models: Models) -> None:
    estimate = "Damage was estimated at $1 million ($1.52 million), police said."
    assert {v.span.text for v in read_values(models, estimate) if v.kind == "money"} == {
        "$1 million"
    }
    hurt = "Police said 12 (of 40) were hurt."
    assert not converted(hurt, hurt.index("40"))  # a part in brackets, no conversion
    far = "Qeshm, located 1,150 kilometers (700 miles) southeast of Tehran, was hit."
    assert {v.span.text for v in read_values(models, far) if v.kind == "distance"} == {
        "1,150 kilometers"
    }
    road = "The road runs 10 miles (3 miles of it new) through the valley."
    assert {v.span.text for v in read_values(models, road) if v.kind == "distance"} == {
        "10 miles",
        "3 miles",
    }  # a part in the same unit, no conversion
    base = "The government agreed a €110 billion (${} billion) bailout with the lenders, he said."
    copies = [story_article("Alpha", base.format("143")), story_article("Beta", base.format("158"))]
    assert not story_facts(models, copies).conflicts


def _positions(models: Models, text: str, actor: str) -> list[tuple[str, bool]]:
    """The positions one actor (each word of its name an entity token) takes in a text."""
    from newsprism.analyze.claims.assertions import statement_assertions

    article = story_article("x", text)
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


def test_the_phrases_read_ahead_hold_every_position_and_no_verb_without_a_holder(
    models: Models,
) -> None:
    """The verb phrases embedded before the story's actors are known (``position_phrases``)
    hold the phrase of every position found, whoever the actors turn out to be (every word
    an actor's here); a stance verb with no word that may name who holds it ("urged Iraq to
    condemn", "calls to condemn") is left out."""
    from newsprism.analyze.claims.assertions import position_phrases, statement_assertions

    texts = [
        "Washington urged Iraq to condemn the attack on the base on Sunday.",
        "Jack Ketsoyan has yet to make a final decision on whether to call for an inquiry.",
        "The strike led Iraq to call for the expulsion of U.S. troops on Sunday.",
        "Calls to condemn the attack grew on Sunday, and the ministry denied it.",
    ]
    ahead: list[str] = []
    for text in texts:
        article = story_article("x", text)
        (doc,) = parse([article], models, default_aliases())
        phrases = list(position_phrases(doc))
        every = {t.idx: "actor" for t in doc}
        found = [a.phrase for a in statement_assertions(article, doc, every, {"actor": "x"})]
        assert found and set(found) <= set(phrases)
        ahead += phrases
    assert "condemn the attack on the base on Sunday" not in ahead
    assert "condemn the attack" not in ahead
    assert "call for an inquiry" in ahead  # the main verb's subject holds it


def test_values_in_text_whose_marks_carry_a_space(models: Models) -> None:
    kinds = {v.kind: v for v in read_values(models, "The survey puts the magnitude at 6. 1.")}
    assert (kinds["magnitude"].low, "count" in kinds) == (6.1, False)
    richter = {
        v.kind: v for v in read_values(models, "The quake measured 5.9 on the Richter scale.")
    }
    assert richter["magnitude"].low == 5.9
    for spaced, parts in (
        ("The 5. 9 - magnitude quake struck the island, the U. S. survey said.", {"5", "9"}),
        ("He was stopped at about 1: 30 a. m. by the U. S. police.", {"1", "30"}),
    ):
        counted = {v.span.text for v in read_values(models, spaced) if v.kind == "count"}
        assert not counted & parts, spaced  # parts of one figure count nothing
    fall = {
        v.kind: v
        for v in read_values(
            models, "Robert Buckley fell about 2, 000 feet, the U. S. embassy said."
        )
    }
    assert fall["distance"].span.text == "2, 000 feet"
    assert fall["distance"].low < 2000 * 0.3048 < fall["distance"].high  # "about"
    seats = "Seats cost $100, 250 or 400 each, and on May 5, 300 people came."  # marks unspaced
    money = {v.low for v in read_values(models, seats) if v.kind == "money"}
    assert money == {100} and 300 in {
        v.low for v in read_values(models, seats) if v.kind == "count"
    }


def test_a_sentence_cut_after_an_abbreviated_title_is_one_statement(models: Models) -> None:
    text = "Police surrounded the building, Const. Tony Fanning said. Nobody else was hurt."
    article = story_article("x", text)
    (doc,) = parse([article], models, default_aliases())
    sentences = [s.span.text for s in statements(article, doc) if s.sentence]
    assert sentences[0] == "Police surrounded the building, Const. Tony Fanning said."


def test_a_day_of_the_month_is_read_before_or_after_it_and_only_when_it_can_be_one() -> None:
    from newsprism.analyze.claims.when import named_months

    def read(text: str) -> list[tuple[str, str, int | None]]:
        return [(m.group(0), month, day) for m, month, day in named_months(text)]

    assert read("on 14 October 15 people died") == [("14 October", "October", 14)]
    assert read("December 9, 2008") == [("December 9", "December", 9)]
    assert read("the Article 50 March deadline") == [("March", "March", None)]
    assert read("played March 45 times") == [("March", "March", None)]
    assert read("on the 3\nMay") == [("May", "May", None)]


def test_an_age_is_keyed_by_the_actor_its_name_mentions(models: Models) -> None:
    article = story_article("x", "The 32-year-old Englishman Robert Buckley died on Sunday.")
    (doc,) = parse([article], models, default_aliases())
    name = article.text.index("Robert Buckley")

    def people(words: Span) -> str | None:
        return "buckley-id" if words.start < name + 14 and name < words.end else None

    (span,) = [s.span for s in statements(article, doc)]
    found = statement_values(article, doc, span, [], people=people)
    assert [v.key for v in found if v.kind == "age"] == ["age:buckley-id"]


def test_a_statement_knows_where_its_subject_is_named(models: Models) -> None:
    """The main verb's subject, past a place named before it ("U.S. President Trump
    said"); for a relative clause, the one it is about ("Mr. Comey, who was fired")."""
    text = (
        "U.S. President Donald Trump said the test was bad. "
        "Mr. Comey, who was fired in May, said the White House had defamed him."
    )
    article = story_article("x", text)
    (doc,) = parse([article], models, default_aliases())
    subjects = {
        s.span.text: [text[at : at + 5] for at in s.subject] for s in statements(article, doc)
    }
    assert subjects["U.S. President Donald Trump said the test was bad."] == ["Trump"]
    assert subjects["Mr. Comey, who was fired in May"] == ["Comey"]


def test_a_clause_reads_alone(models: Models) -> None:
    """A relative clause starts at the noun phrase it is about, and a clause's quotation
    marks come in pairs."""
    spans = statement_spans(
        models,
        "Iraq issued a scathing rebuke of a recent U.S. drone strike on its soil, condemning "
        'it as "a blatant assassination" that disregarded civilian lives and international laws.',
    )
    texts = [s.text for s in spans]
    assert 'condemning it as "a blatant assassination"' in texts
    assert (
        '"a blatant assassination" that disregarded civilian lives and international laws' in texts
    )
    assert all(t.count('"') % 2 == 0 for t in texts)


def test_an_infinitive_clause_is_no_statement(models: Models) -> None:
    """ "To regulate greenhouse-gas emissions" says what was intended, not what happened."""
    texts = [
        s.text
        for s in statement_spans(
            models,
            "Officials said the move is unlikely to trigger broad use of the Endangered Species "
            "Act to regulate greenhouse - gas emissions.",
        )
    ]
    assert texts and not [t for t in texts if t.startswith("to regulate")]


def test_a_running_total_is_counted_apart(models: Models) -> None:
    for text in (
        "So far, the navy has confiscated 14 rifles from pirates.",
        "In their five operations so far, the crew have confiscated 14 rifles.",
        "The navy has confiscated 14 rifles to date.",
    ):
        keys = {v.key for v in read_values(models, text) if v.normalized == "14 (rifle)"}
        assert keys and all(k.endswith(":bounded") for k in keys), text
    once = "During the operation, six rifles were found and confiscated."
    keys = {v.key for v in read_values(models, once) if v.kind == "count"}
    assert keys and not any(k.endswith(":bounded") for k in keys)


def test_a_running_total_is_read_on_the_verb_only(models: Models) -> None:
    text = "The navy seized 14 rifles in an operation that was so far the largest."
    keys = {v.key for v in read_values(models, text) if v.normalized == "14 (rifle)"}
    assert keys and not any(k.endswith(":bounded") for k in keys)
