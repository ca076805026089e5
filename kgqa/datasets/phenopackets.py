"""GA4GH phenopackets (v2 JSON) as diagnosis cases: observed and excluded HPO terms, the
diagnosis (OMIM id), and the source publication (PMID)."""

from __future__ import annotations

import json
import logging
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgqa.errors import DataError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Case:
    """One phenopacket reduced to what diagnosis needs."""

    id: str
    observed: tuple[str, ...]
    excluded: tuple[str, ...]
    diagnoses: tuple[str, ...]
    pmids: tuple[str, ...]
    cohort: str = ""


def parse_phenopacket(raw: dict, cohort: str = "") -> Case:
    observed, excluded = [], []
    for feature in raw.get("phenotypicFeatures", []) or []:
        term = (feature.get("type") or {}).get("id")
        if term:
            (excluded if feature.get("excluded") else observed).append(term)
    diagnoses: list[str] = []
    for interp in raw.get("interpretations", []) or []:
        disease = ((interp.get("diagnosis") or {}).get("disease") or {}).get("id")
        if disease and disease not in diagnoses:
            diagnoses.append(disease)
    for disease in raw.get("diseases", []) or []:
        did = (disease.get("term") or {}).get("id")
        if did and did not in diagnoses and not disease.get("excluded"):
            diagnoses.append(did)
    refs = ((raw.get("metaData") or {}).get("externalReferences")) or []
    pmids = tuple(r["id"] for r in refs if str(r.get("id", "")).startswith("PMID:"))
    return Case(
        str(raw.get("id", "")), tuple(observed), tuple(excluded), tuple(diagnoses), pmids, cohort
    )


def read_phenopackets(path: Path) -> Iterator[Case]:
    """Cases from a directory tree of ``*.json`` files or a ``.tgz``/``.tar.gz`` archive, in a
    stable (sorted) order. Files that are not valid phenopacket JSON are logged and skipped."""
    if path.is_dir():
        for f in sorted(path.rglob("*.json")):
            case = _parse_bytes(f.read_bytes(), str(f), f.parent.name)
            if case:
                yield case
    elif path.is_file() and tarfile.is_tarfile(path):
        # read in archive order (a compressed stream does not seek cheaply), then sort
        found: list[tuple[str, bytes]] = []
        with tarfile.open(path, "r:*") as tar:
            for m in tar:
                if m.isfile() and m.name.endswith(".json"):
                    fh = tar.extractfile(m)
                    if fh is not None:
                        found.append((m.name, fh.read()))
        for name, data in sorted(found):
            case = _parse_bytes(data, name, Path(name).parent.name)
            if case:
                yield case
    else:
        raise DataError(f"{path} is neither a directory nor a tar archive of phenopackets")


def _parse_bytes(data: bytes, name: str, cohort: str) -> Case | None:
    try:
        raw = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        logger.warning("skipping %s: not JSON (%s)", name, exc)
        return None
    if not isinstance(raw, dict):
        logger.warning("skipping %s: not a phenopacket object", name)
        return None
    return parse_phenopacket(raw, cohort)
