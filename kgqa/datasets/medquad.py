"""MedQuAD question–answer pairs (``medquad/medquad.jsonl.gz``) and a fixed document split.

The split is by document (``doc_id``), by hash, so every consumer (NER distant supervision,
question types, retrieval tuning) keeps the same 20 % of documents out of training.

Example:
    >>> split_of("0000001") in ("train", "dev")
    True
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgqa.errors import DataError

logger = logging.getLogger(__name__)

MEDQUAD_FILE = Path("medquad") / "medquad.jsonl.gz"
DEV_SHARE = 5  # one document in five is held out


@dataclass(frozen=True)
class MedQuadItem:
    qid: str
    doc_id: str
    source: str
    url: str
    qtype: str
    question: str
    answer: str | None
    focus: str
    focus_category: str
    cuis: tuple[str, ...]
    synonyms: tuple[str, ...]

    @property
    def split(self) -> str:
        return split_of(f"{self.source}/{self.doc_id}")


def split_of(doc_key: str) -> str:
    """'dev' for one document in five (stable hash), else 'train'."""
    digest = hashlib.sha1(doc_key.encode("utf-8")).digest()
    return "dev" if digest[0] % DEV_SHARE == 0 else "train"


def read_medquad(data_dir: Path) -> Iterator[MedQuadItem]:
    """Every question of the MedQuAD file under ``data_dir``."""
    path = data_dir / MEDQUAD_FILE
    if not path.is_file() and path.with_suffix("").is_file():
        path = path.with_suffix("")  # an uncompressed medquad.jsonl
    if not path.is_file():
        raise DataError(f"MedQuAD not found at {path}")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                raw = json.loads(line)
                yield MedQuadItem(
                    qid=str(raw["qid"]),
                    doc_id=str(raw["doc_id"]),
                    source=str(raw.get("source") or ""),
                    url=str(raw.get("url") or ""),
                    qtype=str(raw.get("qtype") or ""),
                    question=str(raw.get("question") or ""),
                    answer=raw.get("answer") or None,
                    focus=str(raw.get("focus") or ""),
                    focus_category=str(raw.get("focus_category") or ""),
                    cuis=tuple(raw.get("cuis") or ()),
                    synonyms=tuple(raw.get("synonyms") or ()),
                )
            except (ValueError, KeyError, TypeError) as exc:
                logger.warning("%s line %d skipped: %s", path, n, exc)
