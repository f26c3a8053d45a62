"""Linguistic analysis shared by the analysis stages: one spaCy parse per article."""

from newsprism.nlp.parse import parse

__all__ = ["parse"]
