"""Supporting passages: a corpus of MedQuAD answers, HPO definitions and PubMed abstracts,
a FAISS dense index (base-encoder embeddings) and a BM25 index, fused for hybrid retrieval."""

from kgqa.retrieval.index import PassageRetriever, build_passage_index

__all__ = ["PassageRetriever", "build_passage_index"]
