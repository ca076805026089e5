"""kgqa: offline medical question answering over a knowledge graph, with evidence.

The graph layer is usable on its own and imports no model code::

    from kgqa.graph import KnowledgeGraph
from kgqa.linking import link, link_many
    kg = KnowledgeGraph.load()
"""

from kgqa.errors import ArtifactError, DataError, InputError, KgqaError
from kgqa.graph import KnowledgeGraph
from kgqa.linking import link, link_many
from kgqa.pipeline import Pipeline
from kgqa.records import (
    Attribute,
    Candidate,
    DiagnosisCheck,
    Differential,
    DrugCheck,
    Finding,
    FindingContribution,
    GraphStats,
    Mention,
    NameMatch,
    NextFinding,
    Node,
    RankedDisease,
    Triple,
)
from kgqa.version import __version__

__all__ = [
    "ArtifactError",
    "Attribute",
    "Candidate",
    "DataError",
    "DiagnosisCheck",
    "Differential",
    "DrugCheck",
    "Finding",
    "FindingContribution",
    "GraphStats",
    "InputError",
    "KgqaError",
    "KnowledgeGraph",
    "Mention",
    "NameMatch",
    "NextFinding",
    "Node",
    "Pipeline",
    "RankedDisease",
    "Triple",
    "__version__",
    "link",
    "link_many",
]
