"""Quotes: quotation marks (``marks``), the speaker and speech cue of each quote
(``speakers``), the quotes of one article (``finding``), and the same utterance across
articles as one Quote with its variants (``grouping``).
"""

from newsprism.analyze.quotes.finding import FoundQuote, find_quotes
from newsprism.analyze.quotes.grouping import group_quotes

__all__ = ["FoundQuote", "find_quotes", "group_quotes"]
