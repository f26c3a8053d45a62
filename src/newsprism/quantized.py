"""The sentence model of a story's analysis: the shipped MiniLM with int8 arithmetic.

The model package ships all-MiniLM-L6-v2 with int8 weights that are turned back into
float32 before every product, so it computes in float32. Quantized again by onnxruntime's
own dynamic quantization (weights int8 per output channel, activations int8 per run), it
computes in int8 and embeds statements 1.5 to 2 times as fast on one core, with vectors
0.993 alike to the shipped model's on average (benchmarks/README.md, "The story analysis
on int8 arithmetic"). Each text runs alone (``Embedder(alone=True)``): the activations'
scale is the run's, so a text's vector would otherwise depend on the texts run with it.
The story clustering keeps the shipped model.

The quantized graph is made from the installed package on first use (about 3 s, the same
bytes on every run) and kept in the cache folder (``NEWSPRISM_CACHE``, else
``$XDG_CACHE_HOME/newsprism``, else ``~/.cache/newsprism``), named by the source model's
digest and onnxruntime's version, so a new model or runtime makes a new file. Where the
cache cannot be written, the graph is made in a temporary folder for the process alone.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

from newsprism.errors import ModelError

CACHE_VARIABLE = "NEWSPRISM_CACHE"
"""The folder the quantized model is kept in."""
log = logging.getLogger(__name__)

RECIPE = "dynamic-int8-per-channel-1"
"""How the graph is quantized; a new recipe makes a new file."""


def cache_folder() -> Path:
    """Where made models are kept."""
    chosen = os.environ.get(CACHE_VARIABLE, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "newsprism"


_made: dict[tuple[Path, Path], Path] = {}
_making = threading.Lock()


def quantized_model(source: Path) -> Path:
    """The int8 graph of the model at ``source``: the one this process found or made for
    the same cache folder, else from the cache, else made now."""
    with _making:
        key = (source, cache_folder())
        if key not in _made or not _made[key].is_file():
            _made[key] = _found_or_made(source)
        return _made[key]


def _found_or_made(source: Path) -> Path:
    import onnxruntime

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    name = f"minilm-{digest}-ort{onnxruntime.__version__}-{RECIPE}.onnx"
    folder = cache_folder()
    target = folder / name
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _make(source, target)
        return target
    except OSError as exc:
        log.warning(
            "cannot keep the int8 sentence model in %s (%s): it is made anew for this run; "
            "set %s to a writable folder",
            folder,
            exc.strerror or exc,
            CACHE_VARIABLE,
        )
        alone = Path(tempfile.mkdtemp(prefix="newsprism-model-"))
        atexit.register(shutil.rmtree, alone, ignore_errors=True)
        _make(source, alone / name)
        return alone / name


def _make(source: Path, target: Path) -> None:
    """Quantize ``source`` into ``target``, written whole or not at all: two processes may
    make it at once, and the last rename wins with the same bytes."""
    import onnxruntime

    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:  # onnx is what the quantizer reads graphs with
        raise ModelError(f"cannot quantize the sentence model: {exc}") from exc
    with tempfile.TemporaryDirectory(prefix=".making-", dir=target.parent) as work:
        folded = Path(work) / "folded.onnx"
        made = Path(work) / "quantized.onnx"
        # the weights' own int8-to-float steps folded into float32 weights first, so that
        # the quantizer sees plain products of float weights
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        options.log_severity_level = 3
        onnxruntime.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        # the quantizer warns through the root logger's module functions, which would give
        # the root logger a handler of its own (logging.basicConfig) where it has none
        root, quiet, held = logging.getLogger(), _Advice(), logging.NullHandler()
        root.addFilter(quiet)
        root.addHandler(held)
        try:
            quantize_dynamic(folded, made, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            root.removeHandler(held)
            root.removeFilter(quiet)
        os.replace(made, target)


class _Advice(logging.Filter):
    """Drops the quantizer's advice to pre-process the graph: a warning on every run that
    asks nothing of a user (its shape inference is not what this graph needs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()
