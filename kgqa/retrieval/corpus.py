"""The passage corpus: what each passage says, where it comes from, and which graph nodes it
is about.

- MedQuAD answers, cut at sentence ends into passages of about ``TARGET_WORDS`` words
  (at most ``MAX_WORDS``); each
  keeps its site, URL, document id, question id and type. The question itself is not stored
  in the passage (it would hand retrieval the answer); the focus is its title.
- HPO term definitions (from the graph's ``skos:definition``), titled by the term's label.
- NCBI-disease and BC5CDR train/dev titles and abstracts, by PMID.

Nodes: the focus's UMLS ids (MedQuAD), the term itself (HPO), the gold ids (corpora), plus
every disease, phenotype or chemical name found in the text (``NameSpotter``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgqa.datasets.medquad import read_medquad
from kgqa.datasets.pubtator import read_pubtator
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.text import COMMON_NAME_WORDS

logger = logging.getLogger(__name__)

TARGET_WORDS = 90
MAX_WORDS = 120
CORPUS_FILES = (
    Path("medquad") / "medquad.jsonl.gz",
    Path("corpora") / "ncbi_disease" / "train.pubtator.txt",
    Path("corpora") / "ncbi_disease" / "devel.pubtator.txt",
    Path("corpora") / "bc5cdr" / "train.pubtator.txt",
    Path("corpora") / "bc5cdr" / "dev.pubtator.txt",
)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])|\n+")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-']*")
SPOT_CLASSES = ("Disease", "Phenotype", "Chemical")
# bulk text: also body words that name anatomy-like phenotype terms
_SPOT_STOP = COMMON_NAME_WORDS | frozenset(
    "protein body blood skin heart brain liver kidney eye eyes bone bones face".split()
)


@dataclass(frozen=True)
class PassageRow:
    """One passage as stored (``Passage`` adds the retrieval scores)."""

    pid: int
    text: str
    title: str
    source: str  # medquad | hpo | ncbi_disease | bc5cdr
    source_id: str  # MedQuAD qid, HP id, PMID
    url: str
    doc_id: str
    qtype: str
    nodes: tuple[str, ...]


def split_passages(text: str, target: int = TARGET_WORDS, cap: int = MAX_WORDS) -> list[str]:
    """Sentence-aligned chunks of about ``target`` words, never over ``cap`` words.

    Example:
        >>> [len(p.split()) for p in split_passages("One two three. " * 60, target=50)]
        [51, 51, 51, 27]
    """
    out: list[str] = []
    cur: list[str] = []
    n = 0
    for sent in _SENT.split(text.strip()):
        words = sent.split()
        while len(words) > cap:  # a run-on "sentence" (lists, tables)
            if cur:
                out.append(" ".join(cur))
                cur, n = [], 0
            out.append(" ".join(words[:cap]))
            words = words[cap:]
        if not words:
            continue
        if n and n + len(words) > cap:
            out.append(" ".join(cur))
            cur, n = [], 0
        cur += words
        n += len(words)
        if n >= target:
            out.append(" ".join(cur))
            cur, n = [], 0
    if cur:
        if out and n < target // 4 and len(out[-1].split()) + n <= cap:
            out[-1] += " " + " ".join(cur)
        else:
            out.append(" ".join(cur))
    return out


class NameSpotter:
    """Fast longest-match spotting of disease, phenotype and chemical names (an in-memory
    dictionary of the graph's normalised names; for bulk text where the tagger is too slow)."""

    def __init__(self, kg: KnowledgeGraph, max_words: int = 6) -> None:
        rows = [(key, iri) for iri, _name, key, cls in kg.english_names() if cls in SPOT_CLASSES]
        self.keys: dict[str, str] = {}
        for key, iri in sorted(rows, key=lambda r: (r[0], kg.priority(r[1]), r[1])):
            if len(key) >= 4 and key not in _SPOT_STOP:
                self.keys.setdefault(key, iri)
        self.max_words = max_words
        self._norm: dict[str, str] = {}

    def _n(self, word: str) -> str:
        got = self._norm.get(word)
        if got is None:
            got = normalize_name(word)
            if len(self._norm) < 500_000:
                self._norm[word] = got
        return got

    def spot(self, text: str) -> set[str]:
        words = [w for w in (self._n(t) for t in _TOKEN.findall(text)) if w]
        found: set[str] = set()
        i = 0
        while i < len(words):
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                iri = self.keys.get(" ".join(words[i : i + n]))
                if iri:
                    found.add(iri)
                    i += n
                    break
            else:
                i += 1
        return found


def iter_passages(data_dir: Path, kg: KnowledgeGraph) -> Iterator[PassageRow]:
    spotter = NameSpotter(kg)
    pid = 0
    for item in read_medquad(data_dir):
        if not item.answer:
            continue
        focus_nodes = {n.iri for n in kg.lookup_ids(f"UMLS:{c}" for c in item.cuis)}
        for chunk in split_passages(item.answer):
            nodes = focus_nodes | spotter.spot(chunk)
            yield PassageRow(
                pid,
                chunk,
                item.focus,
                "medquad",
                item.qid,
                item.url,
                f"{item.source}/{item.doc_id}",
                item.qtype,
                tuple(sorted(nodes)),
            )
            pid += 1

    for node, definition in kg.definitions("hpo"):
        yield PassageRow(
            pid,
            definition,
            node.label,
            "hpo",
            node.curie,
            "",
            node.curie,
            "definition",
            (node.iri,),
        )
        pid += 1
    seen: set[str] = set()
    for rel in CORPUS_FILES[1:]:
        if not (data_dir / rel).is_file():
            logger.warning("%s not found; its abstracts are left out", data_dir / rel)
            continue
        for doc in read_pubtator(data_dir / rel):
            if doc.pmid in seen:
                continue
            seen.add(doc.pmid)
            for chunk in split_passages(doc.abstract or doc.title):
                ids = [i for m in doc.mentions if m.text in chunk for i in m.ids]
                gold = {n.iri for n in kg.lookup_ids(ids)}
                nodes = gold | spotter.spot(chunk)
                yield PassageRow(
                    pid,
                    chunk,
                    doc.title,
                    rel.parts[1],
                    f"PMID:{doc.pmid}",
                    f"https://pubmed.ncbi.nlm.nih.gov/{doc.pmid}/",
                    doc.pmid,
                    "abstract",
                    tuple(sorted(nodes)),
                )
                pid += 1
