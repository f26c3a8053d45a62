"""Linguistic analysis shared by the analysis stages: one spaCy parse per article."""

from newsprism.nlp.parse import parse, text_of
from newsprism.nlp.recognise import names_in, recognise

__all__ = ["names_in", "parse", "recognise", "text_of"]
