"""Entity linking. For now a dictionary linker over the graph's names index; the fine-tuned
NER model (issue #3) will sit in front of the same candidate generation."""

from kgqa.linking.dictionary import DictionaryLinker, split_findings

__all__ = ["DictionaryLinker", "split_findings"]
