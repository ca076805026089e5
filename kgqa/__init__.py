"""kgqa: offline medical question answering over a knowledge graph, with evidence.

The graph layer is usable on its own and imports no model code::

    from kgqa.graph import KnowledgeGraph
    kg = KnowledgeGraph.load()
"""

from kgqa.errors import ArtifactError, DataError, InputError, KgqaError
from kgqa.graph import KnowledgeGraph
from kgqa.linking import link, link_many
from kgqa.pipeline import Pipeline
from kgqa.records import (
    Answer,
    AskReply,
    Attribute,
    Binding,
    Candidate,
    DiagnoseReply,
    DiagnosisCheck,
    Differential,
    DrugCheck,
    Evidence,
    EvidenceGraph,
    Finding,
    FindingContribution,
    GraphEdge,
    GraphNode,
    GraphStats,
    Mention,
    NameMatch,
    NextFinding,
    Node,
    Passage,
    RankedDisease,
    Reading,
    Result,
    Triple,
    Verdict,
    VerifyReply,
)
from kgqa.version import __version__

__all__ = [
    "Answer",
    "ArtifactError",
    "AskReply",
    "Attribute",
    "Binding",
    "Candidate",
    "DataError",
    "DiagnoseReply",
    "DiagnosisCheck",
    "Differential",
    "DrugCheck",
    "Evidence",
    "EvidenceGraph",
    "Finding",
    "FindingContribution",
    "GraphEdge",
    "GraphNode",
    "GraphStats",
    "InputError",
    "KgqaError",
    "KnowledgeGraph",
    "Mention",
    "NameMatch",
    "NextFinding",
    "Node",
    "Passage",
    "Pipeline",
    "RankedDisease",
    "Reading",
    "Result",
    "Triple",
    "Verdict",
    "VerifyReply",
    "__version__",
    "link",
    "link_many",
]
