"""``newsprism --version`` and ``--help`` start light: no model runtime (nor numpy, scipy or
SQLAlchemy) is imported until a command needs it. Each runs in a fresh interpreter, as
the installed ``newsprism`` script does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsprism import __version__

HEAVY = (
    "spacy",
    "thinc",
    "onnxruntime",
    "tokenizers",
    "usearch",
    "datasketch",
    "torch",
    "transformers",
    "numpy",
    "scipy",
    "sqlalchemy",
)
"""Packages that take from a tenth of a second to over a second to import."""

ENTRY = """
import json, sys
sys.argv = ["newsprism", *sys.argv[1:]]
from newsprism.cli import main
try:
    main()
except SystemExit as exited:
    code = exited.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _imported(args: list[str]) -> tuple[object, str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", ENTRY, *args], capture_output=True, text=True, timeout=120
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    modules = {name.split(".")[0] for name in report["modules"]}
    return report["code"], done.stdout, modules


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["analyze", "--help"]])
def test_version_and_help_import_no_model_runtime(args: list[str]) -> None:
    code, stdout, modules = _imported(args)
    assert code == 0
    if args == ["--version"]:
        assert stdout == f"newsprism {__version__}\n"
    else:
        assert "Usage" in stdout
    assert sorted(modules.intersection(HEAVY)) == []


def test_importing_the_cli_imports_no_model_runtime() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, newsprism.cli; print(json.dumps(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = {name.split(".")[0] for name in json.loads(done.stdout)}
    assert sorted(modules.intersection(HEAVY)) == []
