"""Settings as small value objects, each field with its default and its reason.

The analysis thresholds are one such record, :class:`AnalysisSettings`, whose fields carry
their reasons as metadata: ``help`` (what the value does) and ``source`` (how the value was
measured and on what, or that it was set by hand and nothing was measured).
``DEFAULT_ANALYSIS`` is the shipped record; ``analyze_story`` takes another one for a run
(``dataclasses.replace(DEFAULT_ANALYSIS, join=0.5)``) and passes it down to every stage, so
no stage reads a threshold from a module global. :func:`analysis_settings` lists them;
``newsprism settings`` prints them, and the README's "Analysis settings" table is
:func:`analysis_settings_markdown`, kept equal to the record by a test.
"""

from newsprism.settings.analysis import DEFAULT_ANALYSIS, AnalysisSettings
from newsprism.settings.io import DEFAULT_DB, MIB, FetchSettings, IngestSettings
from newsprism.settings.listing import (
    Setting,
    analysis_settings,
    analysis_settings_markdown,
    analysis_settings_text,
)

__all__ = [
    "DEFAULT_ANALYSIS",
    "DEFAULT_DB",
    "MIB",
    "AnalysisSettings",
    "FetchSettings",
    "IngestSettings",
    "Setting",
    "analysis_settings",
    "analysis_settings_markdown",
    "analysis_settings_text",
]
