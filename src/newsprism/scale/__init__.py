"""Scale-out: a batch over a Dask cluster, and feeds watched for new articles."""

from __future__ import annotations

from newsprism.scale.batch import BatchResult, BatchSettings, run_batch, save_batch

__all__ = ["BatchResult", "BatchSettings", "run_batch", "save_batch"]
