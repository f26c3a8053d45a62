"""Linguistic analysis shared by the analysis stages: one spaCy parse per article."""

from newsprism.nlp.parse import parse, text_of

__all__ = ["parse", "text_of"]
