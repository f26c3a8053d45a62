"""Quotes: found in real and handwritten articles, grouped across outlets."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.quotes import FoundQuote, find_quotes, group_quotes
from newsprism.analyze.quotes.grouping import quote_id
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.pipeline import extract
from newsprism.records import Article, Quote, Span, Story

from .conftest import Parsed

pytestmark = pytest.mark.models

SpeakerOf = Callable[[Span], str | None]


def surname_speaker(aliases: dict[str, str] | None = None) -> SpeakerOf:
    """The caller's entity ids, stood in for by the last capitalised word of the name."""

    def speaker_of(span: Span) -> str | None:
        found: list[str] = re.findall(r"[\w'’-]+", unidecode(span.text))
        words = [w for w in found if w[0].isupper()]
        if not words:
            return None
        key = words[-1].lower().removesuffix("'s")
        return (aliases or {}).get(key, key)

    return speaker_of


def article(text: str, name: str = "a") -> Article:
    return Article(name, name, None, None, None, None, "en", text)


def found_in(models: Models, *texts: str) -> list[list[FoundQuote]]:
    articles = [article(text, f"a{n}") for n, text in enumerate(texts)]
    return [
        find_quotes(a, doc)
        for a, doc in zip(articles, parse(articles, models, default_aliases()), strict=True)
    ]


def only(models: Models, text: str) -> FoundQuote:
    (quotes,) = found_in(models, text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def assert_verbatim(quote: FoundQuote, by_id: dict[str, Article]) -> None:
    for span in (quote.span, quote.cue, quote.speaker):
        if span is not None:
            assert span.text == by_id[span.article].text[span.start : span.end]


# --- the five seed articles: one drone strike, five outlets -------------------------


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, models: Models) -> tuple[list[Article], dict[str, list[FoundQuote]]]:
    articles = list(
        extract(sorted(str(p) for p in seeds_dir.glob("*.txt")), models=models).articles
    )
    docs = parse(articles, models, default_aliases())
    return articles, {a.id: find_quotes(a, d) for a, d in zip(articles, docs, strict=True)}


@pytest.fixture(scope="module")
def seed_quotes(
    seeds: tuple[list[Article], dict[str, list[FoundQuote]]], models: Models
) -> list[Quote]:
    articles, found = seeds
    flat = [q for a in articles for q in found[a.id]]
    return group_quotes(flat, models.embedder, surname_speaker())


def _found(seeds: tuple[list[Article], dict[str, list[FoundQuote]]]) -> list[FoundQuote]:
    articles, found = seeds
    return [q for a in articles for q in found[a.id]]


def test_seed_spans_are_verbatim(seeds: tuple[list[Article], dict[str, list[FoundQuote]]]) -> None:
    articles, _ = seeds
    by_id = {a.id: a for a in articles}
    quotes = _found(seeds)
    assert len(quotes) >= 8
    for quote in quotes:
        assert_verbatim(quote, by_id)
        assert quote.span.text == quote.span.text.strip()
        assert quote.span.text[:1] not in '"“”‘’'


def test_seed_scare_quotes_and_nicknames_are_not_quotes(
    seeds: tuple[list[Article], dict[str, list[FoundQuote]]],
) -> None:
    texts = [q.span.text for q in _found(seeds)]
    for fragment in ("Abu Bakr", "death to America", "axis of resistance"):
        assert not any(fragment in t for t in texts), fragment


def test_seed_short_attributed_phrase_is_a_quote_in_three_outlets(
    seeds: tuple[list[Article], dict[str, list[FoundQuote]]],
) -> None:
    """'condemning it as "a blatant assassination"', 'labeled as a “blatant
    assassination” by a spokesperson', 'condemned the ‘blatant assassination’'."""
    articles, found = seeds
    by_source = {a.source.rsplit("/", 1)[-1][:3]: a for a in articles}
    expected = {
        "000": ("a blatant assassination", ("condemning", "Iraq", True)),
        "001": ("blatant assassination", ("labeled", "a spokesperson", True)),
        "003": ("blatant assassination", ("condemned", "Iraqi authorities", True)),
    }
    for source, (text, attribution) in expected.items():
        article = by_source[source]
        quotes = [q for q in found[article.id] if "assassination" in q.span.text]
        assert [q.span.text for q in quotes] == [text], source
        assert described(quotes[0]) == attribution, source
        assert_verbatim(quotes[0], {article.id: article})
    # the article that reports only this phrase in quote marks has no other quote
    assert len(found[by_source["000"].id]) == 1


def starting(quotes: list[FoundQuote], prefix: str) -> FoundQuote:
    (quote,) = [q for q in quotes if q.span.text.startswith(prefix)]
    return quote


def described(quote: FoundQuote) -> tuple[str | None, str | None, bool]:
    """Cue, speaker and partial of a quote, for comparing in one assert."""
    cue = quote.cue.text if quote.cue else None
    return cue, quote.speaker.text if quote.speaker else None, quote.partial


def test_seed_attributions(seeds: tuple[list[Article], dict[str, list[FoundQuote]]]) -> None:
    quotes = _found(seeds)
    # "...," he stated: the pronoun resolved to the name before it
    assert described(starting(quotes, "This trajectory")) == ("stated", "Rasool", False)
    assert described(starting(quotes, "This act")) == ("added", "Rasool", False)
    assert described(starting(quotes, "This path")) == ("stated", "Rasool", False)
    assert described(starting(quotes, "Iran and its")) == ("stated", "Blinken", False)
    # emphasized on Thursday that the US coalition "has become a factor ..."
    factor = starting(quotes, "has become a factor")
    assert described(factor) == ("emphasized", "Yahya Rasool", True)
    assert described(starting(quotes, "disastrous")) == ("cautioned", "Rasool", True)


def test_seed_protester_quote_runs_on_into_the_next_paragraph_speaker(
    seeds: tuple[list[Article], dict[str, list[FoundQuote]]],
) -> None:
    quotes = _found(seeds)
    first, second = starting(quotes, "America should"), starting(quotes, "How are they")
    assert first.speaker is not None and first.speaker.text == "one protester"
    assert second.cue is None and second.speaker == first.speaker


def test_seed_rasool_variants_are_one_quote_and_blinken_another(seed_quotes: list[Quote]) -> None:
    rasool = [q for q in seed_quotes if any("This path" in v.text for v in q.variants)]
    assert len(rasool) == 1
    texts = sorted(v.text for v in rasool[0].variants)
    assert len(texts) == 2
    assert texts[0].startswith("This path") and texts[1].startswith("This trajectory")
    assert len({v.article for v in rasool[0].variants}) == 2
    assert rasool[0].speaker == "rasool"
    blinken = [q for q in seed_quotes if q.speaker == "blinken"]
    assert len(blinken) == 1 and len(blinken[0].variants) == 1
    assert blinken[0].id != rasool[0].id


def test_seed_other_rasool_quotes_stay_apart(seed_quotes: list[Quote]) -> None:
    """Same speaker, same topic, different sentences: not one utterance."""
    act = next(q for q in seed_quotes if q.text.startswith("This act"))
    assert len(act.variants) == 1
    others = [q for q in seed_quotes if q.speaker != "rasool" and "assassination" not in q.text]
    assert all(len(q.variants) == 1 for q in others)


def test_seed_story_groups_the_short_phrase_across_outlets(
    seeds_parsed: Parsed, seed_story: Story
) -> None:
    """One quote, three outlets, attributed to the one speaker named (Iraq); "Iraqi
    authorities" and "a spokesperson" name no entity, so they do not split it."""
    (quote,) = [q for q in seed_story.quotes if "blatant assassination" in q.text]
    by_id = {a.id: a for a in seeds_parsed.articles}
    assert len({v.article for v in quote.variants}) == 3
    assert {v.text for v in quote.variants} == {"a blatant assassination", "blatant assassination"}
    assert quote.text == "blatant assassination"  # the wording most outlets share
    for span in quote.variants:
        assert by_id[span.article].text[span.start : span.end] == span.text
    (iraq,) = [e for e in seed_story.entities if e.id == quote.speaker]
    assert iraq.name == "Iraq"


def test_quote_ids_are_stable(
    seed_quotes: list[Quote],
    models: Models,
    seeds: tuple[list[Article], dict[str, list[FoundQuote]]],
) -> None:
    again = group_quotes(_found(seeds), models.embedder, surname_speaker())
    assert [q.id for q in again] == [q.id for q in seed_quotes]
    for quote in seed_quotes:
        assert re.fullmatch(r"q[0-9a-f]{16}", quote.id)
        assert quote.id == quote_id(quote.variants)


# --- the example corpus: a fictional dam collapse -----------------------------------


@pytest.fixture(scope="module")
def dam_quotes(examples_dir: Path, models: Models) -> tuple[list[Article], list[Quote]]:
    inputs = [str(p) for p in sorted(examples_dir.rglob("*")) if p.is_file()]
    articles = [a for a in extract(inputs, models=models).articles if "Varnholt" not in a.text]
    found = [
        q
        for a, d in zip(articles, parse(articles, models, default_aliases()), strict=True)
        for q in find_quotes(a, d)
    ]
    by_id = {a.id: a for a in articles}
    for quote in found:
        assert_verbatim(quote, by_id)
    speaker_of = surname_speaker({"demirchanow": "demirkhanov"})
    return articles, group_quotes(found, models.embedder, speaker_of)


def test_example_reworded_quote_is_grouped(dam_quotes: tuple[list[Article], list[Quote]]) -> None:
    articles, quotes = dam_quotes
    outlet = {a.id: a.outlet for a in articles}
    (governor,) = [q for q in quotes if any("until" in v.text for v in q.variants)]
    outlets = {outlet[v.article] for v in governor.variants}
    assert {"Harbor Ledger", "Meridian News Agency", "Riverside Bulletin"} <= outlets
    assert governor.speaker == "demirkhanov"
    assert governor.text.startswith("We will not rest")  # the wording most articles share
    assert any(v.text.startswith("We will not stop") for v in governor.variants)


def test_example_verbatim_quote_across_quote_styles(
    dam_quotes: tuple[list[Article], list[Quote]],
) -> None:
    articles, quotes = dam_quotes
    outlet = {a.id: a.outlet for a in articles}
    (solvei,) = [q for q in quotes if q.text.startswith("We are still searching")]
    assert {outlet[v.article] for v in solvei.variants} == {
        "Coastal Times Online",
        "Valdoria Daily Wire",
    }
    assert solvei.speaker == "solvei"


# --- handwritten attribution patterns -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "partial"),
    [
        ('Talks stalled. "We will not accept any delay," Hussein said.', "said", "Hussein", False),
        ('"We will not accept any delay," said Fuad Hussein.', "said", "Fuad Hussein", False),
        ('Fuad Hussein said: "We will not accept any delay."', "said", "Fuad Hussein", False),
        (
            'Fuad Hussein told Reuters: "We will not accept any delay."',
            "told",
            "Fuad Hussein",
            False,
        ),
        (
            '"The talks must resume," Fuad Hussein added, before leaving.',
            "added",
            "Fuad Hussein",
            False,
        ),
        (
            'According to Fuad Hussein, "the talks must resume without any delay."',
            "According to",
            "Fuad Hussein",
            False,
        ),
        (
            'Fuad Hussein said that "the talks must resume without any further delay".',
            "said",
            "Fuad Hussein",
            True,
        ),
        (
            'The minister warned that the strike would bring "disastrous consequences for all".',
            "warned",
            "The minister",
            True,
        ),
    ],
)
def test_attribution_patterns(
    models: Models, text: str, cue: str, speaker: str, partial: bool
) -> None:
    quote = only(models, text)
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.partial is partial


@pytest.mark.parametrize(
    ("text", "quoted", "cue", "speaker"),
    [
        ('The mayor called it "a disgrace" and left.', "a disgrace", "called", "The mayor"),
        (
            'Iraq issued a rebuke on Friday, condemning the strike as "a blatant assassination".',
            "a blatant assassination",
            "condemning",
            "Iraq",
        ),
        (
            "The strike has been labeled as a “blatant assassination” by a spokesperson.",
            "blatant assassination",
            "labeled",
            "a spokesperson",
        ),
        (
            "Iraqi authorities strongly condemned the ‘blatant assassination’ on Friday.",
            "blatant assassination",
            "condemned",
            "Iraqi authorities",
        ),
        (
            'The deal was what Blinken called "a turning point" for the region.',
            "a turning point",
            "called",
            "Blinken",
        ),
        ('Rasool described the raid as "reckless" and left.', "reckless", "described", "Rasool"),
        (
            "Critics have dubbed the bill “the cruelty act” since March.",
            "the cruelty act",
            "dubbed",
            "Critics",
        ),
        (
            'The senator dismissed the plan as "a stunt" on Monday.',
            "a stunt",
            "dismissed",
            "The senator",
        ),
        (
            'The strike was condemned as "an assassination" by Baghdad.',
            "an assassination",
            "condemned",
            "Baghdad",
        ),
    ],
)
def test_short_attributed_phrases(
    models: Models, text: str, quoted: str, cue: str, speaker: str
) -> None:
    """A speech or labelling verb makes a quoted phrase of any length a quote."""
    quote = only(models, text)
    assert described(quote) == (cue, speaker, True)
    assert quote.span.text == quoted
    assert_verbatim(quote, {"a0": article(text, "a0")})


def test_pronoun_resolves_to_the_name_before(models: Models) -> None:
    text = (
        "Fuad Hussein arrived in Washington on Monday to meet Antony Blinken's staff.\n\n"
        'Hussein spoke first. "The talks must resume without delay," he stated.'
    )
    quote = only(models, text)
    assert quote.speaker is not None and quote.speaker.text == "Hussein"
    assert quote.speaker.start == text.index("Hussein spoke")


def test_description_resolves_to_the_person_described(models: Models) -> None:
    text = (
        "Yehia Rasool, the spokesperson for the army, spoke to reporters. Antony Blinken spoke "
        'later. "The coalition has become a factor of instability," the spokesperson said.'
    )
    quote = only(models, text)
    assert quote.speaker is not None and quote.speaker.text == "Yehia Rasool"
    assert quote.cue is not None and quote.cue.text == "said"


def test_quote_across_sentences_and_paragraphs(models: Models) -> None:
    across = only(models, '"This is the first sentence. And this is the second one," Rasool said.')
    assert across.span.text == "This is the first sentence. And this is the second one"
    text = (
        'Rasool said: "The first paragraph of the statement goes here.\n\n'
        '"And the second paragraph follows it."\n\nThe talks ended.'
    )
    quote = only(models, text)
    assert quote.span.text.startswith("The first paragraph")
    assert quote.span.text.endswith("follows it.")
    assert quote.speaker is not None and quote.speaker.text == "Rasool"


def test_unclosed_quote_is_dropped(models: Models) -> None:
    (quotes,) = found_in(models, 'Rasool said: "The talks are over.\n\nNothing more was said.')
    assert quotes == []


def test_apostrophes_are_not_quote_marks(models: Models) -> None:
    text = (
        "The Kata’ib Hezbollah commander didn’t respond on Hamas’ behalf. "
        "‘We will not leave this country,’ his deputy said."
    )
    quote = only(models, text)
    assert quote.span.text == "We will not leave this country"
    assert quote.cue is not None and quote.cue.text == "said"


def test_cueless_quote_takes_the_speaker_before_it(models: Models) -> None:
    text = (
        '"The panel was on the floor for a week," Ana Verell said. '
        '"Everybody in the control room knew the siren was off."'
    )
    (first, second) = found_in(models, text)[0]
    assert first.speaker is not None and first.speaker.text == "Ana Verell"
    assert second.cue is None and second.speaker == first.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Rasool said the coalition had become a source of instability and must leave.",
        "The strike killed Wissam Mohammed “Abu Bakr” al-Saadi in Baghdad.",
        # a labelling verb nearby does not make a nickname inside a name a quote
        "Officials condemned the killing of Wissam Mohammed “Abu Bakr” al-Saadi in Baghdad.",
        "Crowds chanted “death to America” at the funeral.",
        # scare quotes: no verb attributes them, or the verb's object is only its target
        "The so-called “peace plan” collapsed within a week.",
        "The minister spoke to “experts” before the vote.",
        'Officials criticized the "reforms" on Monday.',
        # a passive labelling verb without a "by" names no one who said it
        'The area was labeled "a disaster zone" last year.',
        "“Iraqi Officials Condemn U.S. Drone Strike Killing Iran-Backed Militia Commander”",
    ],
)
def test_not_quotes(models: Models, text: str) -> None:
    assert found_in(models, text) == [[]]


def test_parse_of_another_text_is_refused(models: Models) -> None:
    (doc,) = parse([article("Some other text.")], models, default_aliases())
    with pytest.raises(ValueError, match="not of its text"):
        find_quotes(article('"A quote of some length here," he said.'), doc)


_PIECES = [
    *"abcXY .,:;!?\n\"“”‘’'«»(—",
    ' "We will not leave this country," ',
    "“This is a long quoted sentence here.” ",
    "‘We will stay put here,’ ",
    "Yehia Rasool, the spokesperson, ",
    " he stated. ",
    " they ",
    " said ",
    " he ",
    "Rasool ",
    "didn’t",
    "Kata’ib",
    "\n\n",
    "According to ",
    "the spokesperson ",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=50).map("".join))
def test_find_quotes_never_raises_and_spans_are_valid(models: Models, text: str) -> None:
    subject = article(text)
    (doc,) = parse([subject], models, default_aliases())
    for quote in find_quotes(subject, doc):
        assert_verbatim(quote, {subject.id: subject})
        assert 0 <= quote.span.start < quote.span.end <= len(text)


# --- grouping rules on handmade quotes ----------------------------------------------


def _quote(text: str, name: str, speaker: str | None = None, partial: bool = False) -> FoundQuote:
    source = article(f"{speaker or 'Someone'} said: {text}", name)
    start = source.text.index(text)
    span = Span.of(source, start, start + len(text))
    who = Span.of(source, 0, len(speaker)) if speaker else None
    return FoundQuote(span, None, who, partial)


def test_quotes_of_one_article_stay_apart_unless_repeated(models: Models) -> None:
    found = [
        _quote("We will rebuild every house in this valley", "a1", "Rasool"),
        _quote("We will rebuild every home in this valley", "a1", "Rasool"),
        _quote("We will rebuild every house in this valley", "a2", "Rasool"),
    ]
    quotes = group_quotes(found, models.embedder, surname_speaker())
    assert len(quotes) == 2
    assert [v.article for v in quotes[0].variants] == ["a1", "a2"]
    repeated = [found[0], _quote("We will rebuild every house in this valley", "a1", "Rasool")]
    assert len(group_quotes(repeated, models.embedder, surname_speaker())) == 1


def test_same_short_phrase_in_several_outlets_is_one_quote(models: Models) -> None:
    found = [
        _quote("a blatant assassination", "a1", "Iraq", True),
        _quote("blatant assassination", "a2", None, True),
        _quote("Blatant assassination", "a3", None, True),
    ]
    (quote,) = group_quotes(found, models.embedder, surname_speaker())
    assert [v.article for v in quote.variants] == ["a1", "a2", "a3"]
    assert quote.speaker == "iraq"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("a disgrace", "Hussein"), ("a disgrace", "Blinken")),  # two speakers
        (("unacceptable", None), ("acceptable", None)),  # one letter apart, opposite
        (("a blatant assassination", None), ("a blatant attack", None)),
    ],
)
def test_short_phrases_stay_apart(
    models: Models, first: tuple[str, str | None], second: tuple[str, str | None]
) -> None:
    found = [_quote(first[0], "a1", first[1], True), _quote(second[0], "a2", second[1], True)]
    assert len(group_quotes(found, models.embedder, surname_speaker())) == 2


def test_known_speakers_must_agree(models: Models) -> None:
    found = [
        _quote("The talks must resume without any delay", "a1", "Hussein"),
        _quote("The talks must resume without any delay", "a2", "Blinken"),
        _quote("The talks must resume without any delay", "a3"),
    ]
    quotes = group_quotes(found, models.embedder, surname_speaker())
    assert len(quotes) == 2
    assert sorted(len(q.variants) for q in quotes) == [1, 2]


def test_fragment_joins_the_full_quote(models: Models) -> None:
    full = "Nothing in that report suggested a risk of this kind to the people of the valley"
    found = [
        _quote("a risk of this kind to the people of the valley", "a1", "Brandvold", True),
        _quote(full, "a2", "Brandvold"),
    ]
    (quote,) = group_quotes(found, models.embedder, surname_speaker())
    assert quote.text == full
    assert [v.article for v in quote.variants] == ["a1", "a2"]


def test_no_quotes_no_groups(models: Models) -> None:
    assert group_quotes([], models.embedder, surname_speaker()) == []


def test_who_an_outlet_quotes_as_saying_is_the_speaker(models: Models) -> None:
    quote = only(
        models,
        '"The cops just jumped out of the car so fast," the New York Daily News quoted '
        "witness Devonte Brown as saying.",
    )
    assert quote.speaker is not None and quote.speaker.text == "Devonte Brown"


def test_she_is_the_relative_the_recogniser_typed_as_an_organisation(models: Models) -> None:
    """ "Melania Trump" tagged as an organisation is still the woman "she" refers to, not the
    president named before her."""
    quote = only(
        models,
        "South Korean President Moon Jae-in met Kim Jong-un on Friday and said the talks "
        "had been frank. First lady Melania Trump praised the meeting. U.S. President Donald "
        'Trump was in Ohio. Later, "I am proud of what diplomacy can do," she said.',
    )
    assert described(quote)[1] == "Melania Trump"


def test_a_chairman_can_be_she(models: Models) -> None:
    """News calls women "chairman" too: "she" after "Fed Chairman Janet Yellen" is Yellen."""
    quote = only(
        models,
        "Treasury Secretary Steven Mnuchin attended the meeting. Fed Chairman Janet Yellen "
        'spoke first. "Rates will rise this year," she said.',
    )
    assert described(quote)[1] == "Janet Yellen"
