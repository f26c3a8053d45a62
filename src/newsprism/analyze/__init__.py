"""Per-story analysis: entities and labels, quotes (and, later, claims and the brief)."""
