"""What counts as prose rather than a menu: shared by the HTML reader and cleaning."""

from __future__ import annotations

import re
from collections.abc import Iterable

MIN_PROSE_WORDS = 4
"""A line of fewer words is a menu entry, a heading or a link, not a sentence or headline."""
MIN_PROSE_CJK = 10
"""Chinese, Japanese and Korean write without spaces: count characters there instead."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def is_prose(line: str) -> bool:
    return len(line.split()) >= MIN_PROSE_WORDS or len(_CJK.findall(line)) >= MIN_PROSE_CJK


def has_prose(lines: Iterable[str]) -> bool:
    return any(is_prose(line) for line in lines)
