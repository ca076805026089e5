"""The knowledge graph layer. Never imports torch, transformers or faiss."""

from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.graph.vocabulary import CLASSES, RELATIONS

__all__ = ["CLASSES", "RELATIONS", "KnowledgeGraph", "normalize_name"]
