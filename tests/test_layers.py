"""The package's layers: a module imports only from the layers below its own.

Every import of a newsprism module (at the top of a module, inside a function, or for type
checking only) is read from the source with ``ast``; an import of a unit in a higher layer,
or of another unit of the same layer, fails with the line that does it. A unit is a
subpackage or a top-level module of ``newsprism``; imports inside one unit are its own
business.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsprism"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "version"),
    ("records", "quantized"),
    ("newsprism",),  # the package itself: its version and the records most used
    ("display", "lexicon", "models", "prose", "settings"),
    ("clean", "cluster", "ingest", "nlp", "render", "store"),
    ("analyze",),
    ("evaluation", "pipeline"),
    ("scale", "web"),
    ("cli_options", "cli_progress"),
    ("cli",),
)
"""Bottom first; the units of one layer import nothing of each other. The records are the
bottom: every stage passes them on. Reading, cleaning, clustering and parsing each work on
records alone, and so do the store and the renderers, which know the records and their
contract codec (``records.contract``) but not the stages that made them. The analysis
builds on the parse's docs and on what cleaning knows of outlets; the pipeline alone knows
the order of the stages, and the evaluation scores what the analysis gives against gold
sets; the batch, the web app and the CLI call the pipeline."""

LAYER = {unit: index for index, units in enumerate(LAYERS) for unit in units}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    """The unit a module belongs to: ``newsprism.store.browse`` to ``store``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every newsprism module that ``path`` imports."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                named = f"{base}.{alias.name}"
                yield node.lineno, named if _is_module(named) else base


def _violations() -> list[str]:
    found: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _unit(_module_name(path))
        for line, target in _imports(path):
            if target.split(".")[0] != "newsprism" or _unit(target) == source:
                continue
            imported = _unit(target)
            if LAYER[imported] >= LAYER[source]:
                where = "above" if LAYER[imported] > LAYER[source] else "beside"
                relative = path.relative_to(PACKAGE.parent)
                found.add(f"{relative}:{line} imports {target} ({imported} is {where} {source})")
    return sorted(found)


def test_every_unit_has_a_layer() -> None:
    units = {_unit(_module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert units - set(LAYER) == set(), "place the new unit in LAYERS"
    assert set(LAYER) - units == set(), "a unit of LAYERS is gone"


def test_no_module_imports_upward_or_sideways() -> None:
    assert _violations() == []


def test_the_walk_sees_every_kind_of_import() -> None:
    """The walk finds imports in functions and under TYPE_CHECKING, and names submodules."""
    path = PACKAGE / "store" / "__init__.py"
    found = {target for _, target in _imports(path)}
    assert "newsprism.store.feeds" in found  # a function-level import, for type checking too
    assert "newsprism.records" in found
    cli = {target for _, target in _imports(PACKAGE / "cli.py")}
    assert "newsprism.pipeline" in cli  # ``from newsprism import pipeline`` names the module
    assert "newsprism" in cli  # ``from newsprism import __version__`` names the package
