"""Who cites or copies whom: outlet names and keys (``outlets``), named sources
(``source_names``), the patterns of a cite (``patterns``), and each article's cites and
the articles it depends on (``cites``).
"""

from newsprism.analyze.provenance.cites import find_cites, point_cites, upstream

__all__ = ["find_cites", "point_cites", "upstream"]
