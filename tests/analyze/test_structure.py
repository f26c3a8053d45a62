"""The analysis is laid out by concern: entities, quotes, claims and provenance are
subpackages that never import one another, ``story.py`` alone composes them, and no
modules of the analysis import each other in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import newsprism.analyze

ANALYZE = Path(newsprism.analyze.__file__).parent
SUBPACKAGES = ("entities", "quotes", "claims", "provenance")
COMPOSER = "newsprism.analyze.story"


def _module(path: Path) -> str:
    parts = path.relative_to(ANALYZE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every module of the analysis and the newsprism.analyze modules it imports (at any
    depth of the file, type-checking imports included)."""
    found: dict[str, set[str]] = {}
    for path in ANALYZE.rglob("*.py"):
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                targets.add(base)
                # "from newsprism.analyze import quotes" imports the module quotes
                targets.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        found[name] = {t for t in targets if t.startswith("newsprism.analyze")}
    return found


def _subpackage(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[2] in SUBPACKAGES else None


def test_no_subpackage_imports_another() -> None:
    crossing = [
        f"{module} imports {target}"
        for module, targets in _imports().items()
        for target in targets
        if _subpackage(module) and _subpackage(target) not in (None, _subpackage(module))
    ]
    assert not crossing, crossing


def test_only_the_story_composes_the_subpackages() -> None:
    composing = [
        module
        for module, targets in _imports().items()
        if len({_subpackage(t) for t in targets} - {None, _subpackage(module)}) > 1
    ]
    assert composing == [COMPOSER], composing


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = {start}, [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target == goal:
                return True
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return False


def _nested(a: str, b: str) -> bool:
    return a.startswith(b + ".") or b.startswith(a + ".")


def test_no_circular_imports() -> None:
    """No two modules reach each other through imports (a package's ``__init__`` and its
    own modules excepted: re-exporting a module is not a circle with it)."""
    graph = {
        module: {
            t for t in targets if not (t.startswith(module + ".") or module.startswith(t + "."))
        }
        for module, targets in _imports().items()
    }
    circles = [
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if _reaches(graph, target, module)
    ]
    assert not circles, circles
