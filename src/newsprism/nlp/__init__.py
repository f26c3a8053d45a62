"""Linguistic analysis shared by the analysis stages: one spaCy parse per article."""

from newsprism.nlp.parse import parse, text_of
from newsprism.nlp.recognise import recognise

__all__ = ["parse", "recognise", "text_of"]
