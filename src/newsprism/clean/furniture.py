"""Page furniture: lines that a page shows around an article but that are not
the article (navigation, comment boxes, share buttons, copyright lines, stray
markup). Each rule names the reason it gives, so removals stay explainable."""

from __future__ import annotations

import re

_TAG_NAMES = (
    "a|abbr|article|aside|audio|b|blockquote|br|button|center|cite|code|div|em|figcaption|"
    "figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|meta|nav|"
    "noscript|ol|p|path|picture|pre|s|script|section|small|source|span|strong|style|sub|sup|"
    "svg|table|tbody|td|th|thead|time|tr|u|ul|video"
)
_SHORT = 80  # most furniture is short; long lines are only removed by explicit markers

_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), max_len)
    for reason, pattern, max_len in (
        ("breadcrumb", r"^(home|start|front page)\s*[»›>|/].*", 400),
        ("breadcrumb", r"^[^»›]*[»›][^»›]*[»›].*$", 400),
        ("comment box", r"^(leave a (reply|comment)|post a comment|add (a )?comment|"
         r"\d+ comments?|comments?( \(\d+\))?|join the (discussion|conversation)|"
         r"cancel reply|reply|show comments)\W*$", _SHORT),
        ("comment box", r"^your email address will not be published", 200),
        ("comment box", r"required fields are marked", 200),
        ("comment box", r"akismet", 300),
        ("copyright line", r"^(copyright\b|©|\(c\)\s*\d{4})", 200),
        ("copyright line", r"all rights reserved", 200),
        ("share buttons", r"^(share( this( article| story| post)?)?|tweet|print|e-?mail|"
         r"facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|flipboard|"
         r"copy link|share on \w+)\s*:?$", _SHORT),
        ("navigation", r"^(top|back to top|menu|main menu|search|home|logo|skip to (main )?"
         r"content|advertisement|advert|sponsored( content)?|subscribe( now)?|sign in|"
         r"log ?in|sign up|newsletter|read more|see more|load more|related|"
         r"related (stories|articles|posts|news|coverage)|most (read|popular|viewed)|"
         r"trending( now)?|more (stories|news)|you may also like|recommended( for you)?|"
         r"continue reading|click here|follow us( on \w+)?)\W*$", _SHORT),
        ("cookie notice", r"\b(we use cookies|this (web)?site uses cookies|"
         r"cookie (policy|settings)|accept (all )?cookies)\b", 400),
        ("stray markup", r"^[\w\s:;=#.-]*[\"']\s*/?>$", _SHORT),
        ("stray markup", rf"^</?({_TAG_NAMES})\b[^<>]*>$", 400),
        ("stray markup", r"^(class|id|style|href|src)\s*=", 400),
        ("credit line", r"^\(?(reporting|writing|editing|additional reporting|compiled) by\b.*",
         300),
        ("byline", r"^by\s+(?-i:[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3})(\s*[,|].{0,60})?$",
         _SHORT),
        ("decoration", r"^[\W_]+$", _SHORT),
    )
)  # fmt: skip


def furniture_reason(line: str) -> str | None:
    """Why this line is page furniture, or None when it may be article text."""
    stripped = line.strip()
    for reason, pattern, max_len in _RULES:
        if len(stripped) <= max_len and pattern.search(stripped):
            return reason
    return None


_INLINE_TAG = re.compile(
    rf"</?(?:{_TAG_NAMES})(?:\s+[a-z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>",
    re.IGNORECASE,
)


def strip_inline_markup(line: str) -> tuple[str, list[str]]:
    """The line without leftover HTML tags, and the tags removed."""
    removed = [m.group(0) for m in _INLINE_TAG.finditer(line)]
    if not removed:
        return line, []
    return " ".join(_INLINE_TAG.sub(" ", line).split()), removed
