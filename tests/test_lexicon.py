"""The language data in ``newsprism/data/lexicon``: every list loads, and the analysis keeps
no copy of a list the lexicon holds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsprism import lexicon

SOURCE = Path(__file__).resolve().parents[1] / "src" / "newsprism"
LANGUAGE_MODULES = sorted(
    path for folder in ("analyze", "clean", "nlp") for path in (SOURCE / folder).glob("**/*.py")
)


def _entries(filename: str) -> list[str]:
    name, suffix = filename.rsplit(".", 1)
    if suffix == "txt":
        return list(lexicon.ordered(name))
    return [cell for row in lexicon.rows(name) for cell in row]


@pytest.mark.parametrize("filename", lexicon.names())
def test_every_list_loads_non_empty_and_lower_case(filename: str) -> None:
    entries = _entries(filename)
    assert entries, f"{filename} is empty"
    assert all(e == e.lower() and e == " ".join(e.split()) for e in entries), filename
    if filename.endswith(".txt"):
        assert lexicon.words(filename[:-4]) == frozenset(entries)


@pytest.mark.parametrize("filename", lexicon.names())
def test_every_list_says_what_it_is_for(filename: str) -> None:
    text = (SOURCE / lexicon.FOLDER / filename).read_text("utf-8")
    assert text.startswith("# "), f"{filename} opens without a comment"


def test_two_column_tables_load_as_mappings() -> None:
    assert lexicon.pairs("gender_neutral_roles")["spokeswoman"] == "spokesperson"
    assert lexicon.pairs("number_words")["twenty"] == "20"
    assert ("condemn", "praise") in lexicon.rows("opposite_verbs")


def test_ordered_lists_keep_the_files_order() -> None:
    assert lexicon.ordered("weekdays")[0] == "monday"
    assert lexicon.ordered("months")[:2] == ("january", "february")


def test_a_missing_list_is_named() -> None:
    with pytest.raises(lexicon.LexiconError, match=r"data/lexicon/no_such_list\.txt"):
        lexicon.words("no_such_list")
    with pytest.raises(lexicon.LexiconError, match=r"data/lexicon/no_such_table\.tsv"):
        lexicon.pairs("no_such_table")


def test_a_malformed_table_names_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken.tsv").write_text("# a comment\nword\tother\nno tab here\n", "utf-8")
    (tmp_path / "twice.tsv").write_text("word\tone\nword\ttwo\n", "utf-8")
    monkeypatch.setattr(lexicon, "_folder", lambda: tmp_path)
    lexicon.rows.cache_clear()
    try:
        with pytest.raises(lexicon.LexiconError, match=r"broken\.tsv:3"):
            lexicon.rows("broken")
        with pytest.raises(lexicon.LexiconError, match=r"twice\.tsv: 'word' is listed twice"):
            lexicon.pairs("twice")
    finally:
        lexicon.rows.cache_clear()


def test_the_merged_copies_are_gone() -> None:
    """The lists that several modules kept their own copy of are read from one file."""
    from newsprism.analyze.claims import assertions, copies, when
    from newsprism.analyze.entities import names
    from newsprism.analyze.quotes import speakers as quote_speakers
    from newsprism.evaluation import span_coreference as coreference

    assert names.TITLES <= copies._NOT_NAMES
    assert quote_speakers._PERSON_PRONOUNS <= coreference.PERSONAL
    assert lexicon.pairs("gender_neutral_roles").items() <= quote_speakers._SYNONYMS.items()
    assert lexicon.pairs("gender_neutral_roles").items() <= assertions.ROLE_SYNONYMS.items()
    assert frozenset(when.WEEKDAYS) == lexicon.words("weekdays")
    for path in LANGUAGE_MODULES:
        text = path.read_text("utf-8")
        for gone in ("_TITLE_WORDS", "_NOT_NAME_WORDS", "_SPEECH_VERBS", "_STANCE_WORDS"):
            assert gone not in text, f"{path.name} still defines {gone}"


def _word_lists(path: Path) -> list[tuple[int, list[str]]]:
    """String collections in a module's code that look like word lists: sets, tuples and
    lists of three or more lower-case words, and strings of lower-case words only."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        entries: list[str] = []
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
        ):
            entries = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            entries = node.value.split()
            if not all(w.isalpha() for w in entries):
                entries = []
        words = [e for e in entries if e.isalpha() and e.islower()]
        if len(words) >= 3 and len(words) == len(entries):
            found.append((node.lineno, words))
    return found


def test_no_language_module_keeps_a_list_the_lexicon_has() -> None:
    """A word list in code that is mostly one of the lexicon's lists is a copy of it."""
    lists = {name: set(_entries(name)) for name in lexicon.names()}
    copies = [
        f"{path.relative_to(SOURCE)}:{line} {words[:5]} ~ {name}"
        for path in LANGUAGE_MODULES
        for line, words in _word_lists(path)
        for name, held in lists.items()
        if len(held.intersection(words)) >= 3 and 2 * len(held.intersection(words)) >= len(words)
    ]
    assert not copies, "\n".join(copies)
