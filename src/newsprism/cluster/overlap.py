"""Articles that share text: wire copies, rewrites, lifted paragraphs.

MinHash signatures of word 5-shingles, candidates from LSH, then the
estimated Jaccard similarity of the shingle sets. Found pairs, from the analysis
setting ``shared_text`` on, become the ``overlaps`` of a story's provenance.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.records import Article
from newsprism.settings import DEFAULT_ANALYSIS

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 5
PERMUTATIONS = 128
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Overlap:
    article: str
    other: str
    similarity: float
    """Estimated Jaccard similarity of the two articles' word 5-shingles."""


def signature(text: str) -> MinHash:
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch([s.encode("utf-8") for s in shingles if s])
    return minhash


def overlaps(
    articles: Sequence[Article], threshold: float = DEFAULT_ANALYSIS.shared_text
) -> dict[str, list[Overlap]]:
    """For each article, the others sharing ``threshold`` of their shingles, strongest first."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be within (0, 1), got {threshold}")
    from datasketch import MinHashLSH

    signatures = {a.id: signature(a.text) for a in articles}
    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    for article_id, minhash in signatures.items():
        lsh.insert(article_id, minhash)
    found: dict[str, list[Overlap]] = defaultdict(list)
    for article_id, minhash in signatures.items():
        for other in lsh.query(minhash):
            if other == article_id:
                continue
            similarity = minhash.jaccard(signatures[other])
            if similarity >= threshold:
                found[article_id].append(Overlap(article_id, other, round(similarity, 3)))
    return {k: sorted(v, key=lambda o: (-o.similarity, o.other)) for k, v in found.items()}
