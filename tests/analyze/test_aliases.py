from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.analyze.entities.aliases import AliasTable, default_aliases, load_aliases
from newsprism.errors import InputError
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.nlp.parse import ruler_patterns
from newsprism.records import Article


def test_known_aliases_are_found() -> None:
    table = default_aliases()
    for name in ("ISIS", "Daesh", "Islamic State", "Da’esh"):
        found = table.lookup(name)
        assert found is not None and found.canonical == "Islamic State"
    found = table.lookup("CENTCOM")
    assert found is not None and found.canonical == "U.S. Central Command"
    found = table.lookup("Revolutionary Guard")
    assert found is not None and found.canonical.startswith("Islamic Revolutionary Guard")


def test_acronyms_match_only_as_written() -> None:
    assert default_aliases().lookup("us") is None
    assert default_aliases().lookup("US") is not None


def test_a_nationality_is_not_its_country() -> None:
    assert default_aliases().lookup("American", "NORP") is None


def test_user_table_extends_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text("Islamic State\tORG\tDawla\nAlde River Watch\tORG\tARW\n", encoding="utf-8")
    table = load_aliases(path)
    assert table.lookup("Dawla").canonical == "Islamic State"  # type: ignore[union-attr]
    assert table.lookup("ISIS").canonical == "Islamic State"  # type: ignore[union-attr]
    assert table.lookup("ARW").canonical == "Alde River Watch"  # type: ignore[union-attr]


def test_a_bad_table_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text("Somebody\tWIZARD\tX\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_aliases(path)
    assert f"{path}:1" in str(caught.value) and "WIZARD" in str(caught.value)


def test_ruler_patterns_cover_apostrophe_forms() -> None:
    texts = {str(p["pattern"]) for p in ruler_patterns(default_aliases())}
    assert "Kata'ib Hizballah" in texts and "Kata’ib Hizballah" in texts


def test_a_users_table_feeds_the_recogniser(tmp_path: Path, models: Models) -> None:
    """Names of an `--aliases` file are recognised by rule in the parse, and the shipped
    table alone is used again when no file is given."""
    table = tmp_path / "aliases.tsv"
    table.write_text("Vortak Brennisvald\tORG\tVBR\n", encoding="utf-8")
    text = "Officials of the vortak brennisvald met on Monday."
    article = Article("a", "a", None, None, None, None, "en", text)

    def names(aliases: AliasTable) -> set[tuple[str, str]]:
        (doc,) = parse([article], models, aliases)
        return {(e.text.lower(), e.label_) for e in doc.ents}

    assert ("vortak brennisvald", "ORG") in names(load_aliases(table))
    assert ("vortak brennisvald", "ORG") not in names(default_aliases())
