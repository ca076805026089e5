"""Build the knowledge graph from raw sources: one reader module per source, then identity
merging, provenance-keeping serialisation and the persisted store (see :mod:`.builder`)."""

from kgqa.graph.build.builder import SOURCES, BuildReport, build_graph

__all__ = ["SOURCES", "BuildReport", "build_graph"]
