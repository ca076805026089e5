"""Build what kgqa answers from, in order, from the raw data: the graph, then the indexes made
from it. Each step is skipped when its artifact is current (:meth:`Manifest.is_current`).

Example:
    >>> from kgqa.build import build                       # doctest: +SKIP
    >>> [s.target for s in build(["graph", "diagnosis"])]  # doctest: +SKIP
    ['graph', 'diagnosis']
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from kgqa.config import Home, data_dir
from kgqa.errors import InputError

logger = logging.getLogger(__name__)

TARGETS = ("graph", "diagnosis", "linking", "passages")


@dataclass(frozen=True)
class BuildStep:
    """One target: where it is, whether it was built now (False: it was current)."""

    target: str
    path: str
    built: bool
    seconds: float


def build(
    targets: Sequence[str] = TARGETS,
    home: str | os.PathLike[str] | Home | None = None,
    data: str | os.PathLike[str] | None = None,
    force: bool = False,
    exclude_licences: Collection[str] = (),
    passage_limit: int | None = None,
) -> list[BuildStep]:
    """Build ``targets`` (in the order of :data:`TARGETS`) under ``home`` from ``data``.

    ``exclude_licences`` leaves sources under such licence tags out of the graph (``NC``);
    ``passage_limit`` indexes only the first N passages (a quick check; never current).

    Raises:
        InputError: an unknown target.
        DataError: a raw source is missing or malformed.
    """
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown:
        raise InputError(f"unknown build target(s) {unknown}; expected some of {list(TARGETS)}")
    where = Home.resolve(home)
    raw = data_dir(data)
    steps = []
    for target in (t for t in TARGETS if t in targets):
        t0 = time.perf_counter()
        built = _STEPS[target](where, raw, force, sorted(set(exclude_licences)), passage_limit)
        path = getattr(where, "names" if target == "linking" else target)
        if not built:
            logger.info("%s in %s is up to date (force to rebuild)", target, path)
        steps.append(BuildStep(target, str(path), built, round(time.perf_counter() - t0, 1)))
    return steps


def _graph(home: Home, data, force: bool, exclude: list[str], _limit) -> bool:
    from kgqa.graph.build.builder import build_graph, inputs_unchanged

    if not force and inputs_unchanged(data, home.graph, exclude):
        return False
    report = build_graph(data, home.graph, exclude)
    logger.info("graph: %d nodes, %d quads, %.0fs -> %s",
                report.nodes, report.quads, report.seconds, home.graph)  # fmt: skip
    return True


def _diagnosis(home: Home, _data, force: bool, _exclude, _limit) -> bool:
    from kgqa.artifacts import Manifest
    from kgqa.diagnosis.index import FORMAT_VERSION, DiagnosisIndex
    from kgqa.graph import KnowledgeGraph

    kg = KnowledgeGraph.load(home.graph)
    current = {"graph_build_id": kg.build_id or ""}
    if not force and Manifest.is_current(home.diagnosis, FORMAT_VERSION, current):
        return False
    DiagnosisIndex.from_graph(kg).save(home.diagnosis)
    return True


def _linking(home: Home, data, force: bool, _exclude, _limit) -> bool:
    from kgqa.graph import KnowledgeGraph
    from kgqa.linking import annotated, dense

    kg = KnowledgeGraph.load(home.graph)
    built = False
    if force or not annotated.up_to_date(kg, data, home.annotated):
        annotated.build_annotated_names(kg, data, home.annotated)
        built = True
    if force or not dense.up_to_date(kg, home.names):
        dense.build_name_index(kg, home.names)
        built = True
    return built


def _passages(home: Home, data, force: bool, _exclude, limit: int | None) -> bool:
    from kgqa.encoder import set_threads
    from kgqa.graph import KnowledgeGraph
    from kgqa.retrieval.index import build_passage_index, up_to_date

    set_threads()
    kg = KnowledgeGraph.load(home.graph)
    if not limit and not force and up_to_date(data, kg, home.passages):
        return False
    manifest = build_passage_index(data, kg, home.passages, limit=limit)
    logger.info("passages: %s", manifest.info)
    return True


_STEPS = {"graph": _graph, "diagnosis": _diagnosis, "linking": _linking, "passages": _passages}
