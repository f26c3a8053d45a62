"""The analysis settings listed for people: the CLI's text and the README's table."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, fields
from typing import Any

from newsprism.settings.analysis import DEFAULT_ANALYSIS, AnalysisSettings


@dataclass(frozen=True)
class Setting:
    """One setting as listed: its name, the stage it acts in, default, help and source."""

    name: str
    stage: str
    default: str
    help: str
    source: str


def analysis_settings(settings: AnalysisSettings = DEFAULT_ANALYSIS) -> list[Setting]:
    """The settings in their order, each value of ``settings`` shown as text (for
    ``DEFAULT_ANALYSIS``, the defaults)."""
    return [
        Setting(
            item.name,
            item.metadata["stage"],
            _shown(getattr(settings, item.name)),
            item.metadata["help"],
            item.metadata["source"],
        )
        for item in fields(settings)
    ]


def analysis_settings_markdown(settings: AnalysisSettings = DEFAULT_ANALYSIS) -> str:
    """The settings as the README's Markdown table."""
    rows = ["| setting | stage | default | what it does | where the value came from |"]
    rows.append("| --- | --- | --- | --- | --- |")
    for s in analysis_settings(settings):
        cells = (f"`{s.name}`", s.stage, s.default, s.help, s.source)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def analysis_settings_text(settings: AnalysisSettings = DEFAULT_ANALYSIS) -> str:
    """The settings as plain text for a terminal: name, stage and default, then help and
    source indented beneath."""
    blocks = []
    for s in analysis_settings(settings):
        text = [f"{s.name} = {s.default}  [{s.stage}]"]
        text += textwrap.wrap(s.help, 88, initial_indent="    ", subsequent_indent="    ")
        text += textwrap.wrap(
            f"Source: {s.source}", 88, initial_indent="    ", subsequent_indent="    "
        )
        blocks.append("\n".join(text))
    return "\n\n".join(blocks) + "\n"


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(_entry(row) for row in value)
    return _number(value)


def _entry(row: tuple[Any, ...]) -> str:
    name, *numbers = row
    return f"{name} " + " to ".join(_number(n) for n in numbers)


def _number(value: object) -> str:
    if isinstance(value, float):
        return "inf" if value == math.inf else f"{value:g}"
    return str(value)
