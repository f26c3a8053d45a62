"""How common a word is in English news at large, whatever the input holds.

Term weights from the input alone fail on small inputs: in a folder about one earthquake
every article says "quake", "magnitude" and the town's name, so those words weigh least and
what is left to compare is noise. The background share below gives each term the weight it
would have in a large corpus, and :class:`~newsprism.cluster.vectors.DocumentFrequencies`
blends it with the input's own counts as the input grows.

The frequencies come from ``wordfreq`` (Robyn Speer; code Apache-2.0, word lists CC BY-SA
4.0), whose English "large" list gives each word's share of running text across news,
Wikipedia, books, subtitles and the web. A word's share of running text becomes a share of
articles by the Poisson estimate ``1 - exp(-frequency * WORDS_PER_ARTICLE)``: the chance that
an article of that length holds the word at least once.
"""

from __future__ import annotations

import math
from functools import lru_cache

WORDS_PER_ARTICLE = 300
"""Mean article length in words: 320 in ECB+ dev (772 full articles); AllSides snippets
hold 102, so this errs towards full articles."""

UNLISTED = 1e-9
"""Frequency of a word the list does not hold (its rarest entries are about 1e-8): names,
transliterations and misspellings count as rarer than anything listed."""


@lru_cache(maxsize=1 << 18)
def document_share(term: str) -> float:
    """Estimated share of news articles that hold ``term``: a content word, or a name key
    (``#`` before a number and ``^`` before a capitalised word are dropped). A name of several
    words is about as common as its rarest word."""
    from wordfreq import word_frequency  # loads its word list on first use

    text = term.lstrip("#^")
    frequency = word_frequency(text, "en", wordlist="large", minimum=UNLISTED) if text else 1.0
    return -math.expm1(-min(frequency, 1.0) * WORDS_PER_ARTICLE)
