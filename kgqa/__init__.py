"""kgqa: offline medical question answering over a knowledge graph, with evidence.

The graph layer is usable on its own and imports no model code::

    from kgqa.graph import KnowledgeGraph
    kg = KnowledgeGraph.load()
"""

from kgqa.errors import ArtifactError, DataError, InputError, KgqaError
from kgqa.graph import KnowledgeGraph
from kgqa.records import Attribute, GraphStats, NameMatch, Node, Triple
from kgqa.version import __version__

__all__ = [
    "ArtifactError",
    "Attribute",
    "DataError",
    "GraphStats",
    "InputError",
    "KgqaError",
    "KnowledgeGraph",
    "NameMatch",
    "Node",
    "Triple",
    "__version__",
]
