"""Mention and linking evaluation on PubTator corpora.

NER is scored strictly (same start, end and type). The corpora know only DISEASE and CHEMICAL
(they annotate signs such as "pain" or "seizures" as diseases), so with ``corpus_scheme`` a
predicted PHENOTYPE counts as DISEASE and predicted GENE mentions are ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from kgqa.datasets.pubtator import Document
from kgqa.evaluation.metrics import PRF, prf_by_type

logger = logging.getLogger(__name__)


class _Tagger(Protocol):
    def tag(self, texts: list[str], batch_size: int = ...) -> list: ...


def corpus_type(kind: str) -> str | None:
    return {"PHENOTYPE": "DISEASE", "GENE": None}.get(kind, kind)


def predicted_spans(
    tagger: _Tagger,
    docs: Sequence[Document],
    corpus_scheme: bool = True,
    document_level=None,
    whole: bool = False,
) -> set[tuple[str, int, int, str]]:
    """Spans tagged sentence by sentence, or document by document with ``whole``;
    ``document_level(text, spans)``, when given, then revises each document's spans as a whole
    (short forms carried through the abstract, sure names repeated)."""
    sents = [
        (doc, a, b) for doc in docs for a, b in ([(0, len(doc.text))] if whole else doc.sentences())
    ]
    tagged = tagger.tag([doc.text[a:b] for doc, a, b in sents])
    per_doc: dict[str, list] = {}
    for (doc, a, _b), spans in zip(sents, tagged, strict=True):
        per_doc.setdefault(doc.pmid, []).extend(
            (a + s.start, a + s.end, s.type, s.score) for s in spans
        )
    pred = set()
    for doc in docs:
        row = per_doc.get(doc.pmid, [])
        if document_level is not None:
            row = document_level(doc.text, row)
        for start, end, kind, _ in row:
            kind = corpus_type(kind) if corpus_scheme else kind
            if kind:
                pred.add((doc.pmid, start, end, kind))
    return pred


def gold_spans(docs: Sequence[Document]) -> set[tuple[str, int, int, str]]:
    return {(d.pmid, m.start, m.end, m.type) for d in docs for m in d.mentions}


def evaluate_ner_spans(
    tagger: _Tagger,
    docs: Sequence[Document],
    corpus_scheme: bool = True,
    document_level=None,
    whole: bool = False,
) -> dict[str, dict[str, float | int]]:
    """Strict mention P/R/F1 of ``tagger`` on ``docs``. With ``corpus_scheme``, predictions
    of a type the corpus does not annotate at all (chemicals in NCBI-disease) are not counted."""
    gold = gold_spans(docs)
    pred = predicted_spans(tagger, docs, corpus_scheme, document_level, whole)
    if corpus_scheme:
        annotated = {g[3] for g in gold}
        pred = {p for p in pred if p[3] in annotated}
    return prf_by_type(gold, pred)


def gold_nodes(kg, ids: Sequence[str]) -> set[str]:
    """IRIs of every graph node carrying one of the corpus ids."""
    return {n.iri for n in kg.lookup_ids(ids)}


def evaluate_linking(linker, docs: Sequence[Document]) -> dict[str, float | int]:
    """Linking on the gold spans (typed as in the corpus): accuracy@1 and @5 over the mentions
    whose gold id is in the graph, and the share of gold mentions whose id is in the graph.
    A NIL answer counts as wrong."""
    from kgqa.linking.candidates import NIL_THRESHOLD

    texts, spans, golds = [], [], []
    for doc in docs:
        texts.append(doc.text)
        spans.append([(m.start, m.end, m.type, 1.0) for m in doc.mentions])
        golds.append([gold_nodes(linker.kg, m.ids) for m in doc.mentions])
    with_ids = in_graph = at1 = at5 = 0
    for mentions, gold in zip(linker.link_spans(texts, spans), golds, strict=True):
        for m, g in zip(mentions, gold, strict=True):
            with_ids += 1
            if not g:
                continue
            in_graph += 1
            ranked = [c.node.iri for c in m.candidates]
            if ranked and m.candidates[0].score >= NIL_THRESHOLD and ranked[0] in g:
                at1 += 1
            if any(iri in g for iri in ranked[:5]):
                at5 += 1
    return {
        "acc_at_1": round(at1 / in_graph, 4) if in_graph else 0.0,
        "acc_at_5": round(at5 / in_graph, 4) if in_graph else 0.0,
        "gold_ids_in_graph": round(in_graph / with_ids, 4) if with_ids else 0.0,
        "mentions": with_ids,
        "mentions_in_graph": in_graph,
    }


def evaluate_end_to_end(linker, docs: Sequence[Document]) -> dict[str, float | int]:
    """Predicted mention (strict span) and its top node both right, against gold mentions whose
    id is in the graph; predictions on gold mentions outside the graph are not counted."""
    predicted = linker.link_many([d.text for d in docs])
    annotated = {m.type for d in docs for m in d.mentions}
    tp = fp = fn = 0
    for doc, mentions in zip(docs, predicted, strict=True):
        gold = {(m.start, m.end): gold_nodes(linker.kg, m.ids) for m in doc.mentions}
        pred = {
            (m.start, m.end): m.node.iri
            for m in mentions
            if m.node is not None and corpus_type(m.type) in annotated
        }
        for span, nodes in gold.items():
            if not nodes:
                pred.pop(span, None)
                continue
            if pred.get(span) in nodes:
                tp += 1
            else:
                fn += 1
        fp += sum(1 for span, iri in pred.items() if iri not in gold.get(span, ()))
    return PRF(tp, fp, fn).as_dict()


def evaluate_pubtator(linker, docs: Sequence[Document]) -> dict[str, dict]:
    """The report of ``kgqa eval linking``: NER (corpus scheme), linking, end to end. Each
    document is linked whole, as ``link`` reads a text (the document rules included)."""
    from kgqa.linking.spans import Span

    class _LinkerSpans:
        def tag(self, texts: list[str], batch_size: int = 64) -> list[list[Span]]:
            return [[Span(*x) for x in row] for row in linker.spans(texts, batch_size)]

    tagger = _LinkerSpans()
    return {
        "ner": evaluate_ner_spans(tagger, docs, True, whole=True),
        "linking": evaluate_linking(linker, docs),
        "end_to_end": evaluate_end_to_end(linker, docs),
        "documents": {"count": len(docs), "mode": linker.mode},
    }
