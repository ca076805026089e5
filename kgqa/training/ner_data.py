"""Training sentences for the NER tagger.

Three kinds, all as (text, [(start, end, TYPE)]):

1. NCBI-disease train and BC5CDR train, cut into sentences. A corpus "Disease" whose MeSH/OMIM
   id is a Phenotype node in the graph (pain, nausea, ...) becomes PHENOTYPE, so the corpora and
   the graph agree on what a phenotype is.
2. Templated questions, claims and findings lists filled with graph names (consumer wording,
   lower case, negated findings, comma lists), so short inputs work as well as abstracts.
3. MedQuAD questions of the training documents, with their focus marked (distant supervision;
   the type comes from the focus's graph node).
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kgqa.datasets.medquad import read_medquad
from kgqa.datasets.pubtator import Document, read_pubtator
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.candidates import CLASS_TYPE

logger = logging.getLogger(__name__)

TRAIN_FILES = (
    Path("corpora") / "ncbi_disease" / "train.pubtator.txt",
    Path("corpora") / "bc5cdr" / "train.pubtator.txt",
)
DEV_FILES = (
    Path("corpora") / "ncbi_disease" / "devel.pubtator.txt",
    Path("corpora") / "bc5cdr" / "dev.pubtator.txt",
)


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]
    origin: str


def corpus_type(kg: KnowledgeGraph | None, kind: str, ids: Iterable[str]) -> str:
    """The tagger type of a corpus mention: a DISEASE whose id is a graph Phenotype is one."""
    if kind != "DISEASE" or kg is None:
        return kind
    classes = {node.cls for node in kg.lookup_ids(ids)}
    return "PHENOTYPE" if "Phenotype" in classes else kind


def corpus_examples(docs: list[Document], kg: KnowledgeGraph | None, origin: str) -> list[Example]:
    out = []
    for doc in docs:
        text = doc.text
        for a, b in doc.sentences():
            spans = tuple(
                (m.start - a, m.end - a, corpus_type(kg, m.type, m.ids))
                for m in doc.mentions
                if a <= m.start and m.end <= b
            )
            out.append(Example(text[a:b], spans, origin))
    return out


_Q = {
    "DISEASE": [
        "What are the symptoms of {}?",
        "what causes {}",
        "How is {} treated?",
        "Which drugs treat {}?",
        "Is {} inherited?",
        "What genes are associated with {}?",
        "What is {}?",
        "Can {} be cured?",
        "my mother was diagnosed with {}, what should we expect?",
        "What is the DOID of {}?",
        "How do you test for {}?",
        "Is {} genetic?",
        "what medication is used for {}",
        "Who gets {}?",
        "What are the signs of {} in children?",
    ],
    "PHENOTYPE": [
        "What diseases cause {}?",
        "what could cause {} in a child",
        "Which conditions present with {}?",
        "Is {} a symptom of something serious?",
        "What does {} mean?",
        "I have had {} for two weeks",
    ],
    "CHEMICAL": [
        "What is {} used for?",
        "Which diseases does {} treat?",
        "What are the side effects of {}?",
        "how does {} work",
        "Is {} safe during pregnancy?",
        "Can I take {} with food?",
    ],
    "GENE": [
        "Which diseases are associated with {}?",
        "What does the {} gene do?",
        "Which disorders are caused by mutations in {}?",
        "What conditions are linked to the {} gene?",
    ],
}
_PAIR = [
    ("{c} treats {d}", "CHEMICAL", "DISEASE"),
    ("Does {c} treat {d}?", "CHEMICAL", "DISEASE"),
    ("{c} is not indicated for {d}", "CHEMICAL", "DISEASE"),
    ("Is {c} used to treat {d}?", "CHEMICAL", "DISEASE"),
    ("{c} can cause {d}", "CHEMICAL", "PHENOTYPE"),
    ("{d} is associated with gene {c}", "GENE", "DISEASE"),
    ("{d} is not associated with gene {c}", "GENE", "DISEASE"),
    ("Is {d} caused by mutations in {c}?", "GENE", "DISEASE"),
    ("Is {c} a symptom of {d}?", "PHENOTYPE", "DISEASE"),
    ("Does {d} cause {c}?", "PHENOTYPE", "DISEASE"),
    ("{d} is a kind of {c}", "DISEASE", "DISEASE"),
]
_FINDINGS_LEAD = [
    "",
    "Patient with ",
    "A 4-year-old boy presents with ",
    "Findings: ",
    "She has ",
    "35 year old woman, ",
    "Symptoms: ",
    "Which disease explains ",
]
_NEG = ["no ", "denies ", "without ", "no evidence of ", "absent "]


def _fill(template: str, values: dict[str, tuple[str, str]]) -> Example:
    """Fill ``{key}`` slots left to right, recording each slot's span."""
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\{(\w*)\}", template):
        text += template[pos : m.start()]
        name, kind = values[m.group(1)]
        spans.append((len(text), len(text) + len(name), kind))
        text += name
        pos = m.end()
    text += template[pos:]
    return Example(text, tuple(spans), "template")


def _surface(name: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return name.lower()
    return name


def graph_names(kg: KnowledgeGraph, rng: random.Random, per_type: int) -> dict[str, list[str]]:
    """A sample of English names per tagger type (labels and synonyms, 3–60 characters)."""
    by: dict[str, list[str]] = {t: [] for t in set(CLASS_TYPE.values())}
    for _iri, name, _key, cls in kg.english_names():
        kind = CLASS_TYPE.get(cls)
        if kind and 3 <= len(name) <= 60 and not re.search(r"[\[\]{}()<>;=]|, ", name):
            by[kind].append(name)
    for names in by.values():
        names.sort()
        rng.shuffle(names)
        del names[per_type:]
    return by


def template_examples(kg: KnowledgeGraph, rng: random.Random, n: int) -> list[Example]:
    names = graph_names(kg, rng, per_type=max(2000, n))

    def pick(kind: str) -> tuple[str, str]:
        return _surface(rng.choice(names[kind]), rng), kind

    out: list[Example] = []
    for i in range(n):
        r = i % 4
        if r == 0:
            kind = rng.choice(list(_Q))
            out.append(_fill(rng.choice(_Q[kind]), {"": pick(kind)}))
        elif r == 1:
            template, a, b = rng.choice(_PAIR)
            out.append(_fill(template, {"c": pick(a), "d": pick(b)}))
        else:  # findings lists, some negated
            lead = rng.choice(_FINDINGS_LEAD)
            k = rng.randint(1, 5)
            parts = []
            for j in range(k):
                neg = rng.choice(_NEG) if rng.random() < 0.25 else ""
                parts.append(neg + f"{{f{j}}}")
            sep = rng.choice([", ", "; ", ", "])
            body = sep.join(parts[:-1]) + (" and " if k > 1 else "") + parts[-1]
            values = {f"f{j}": pick("PHENOTYPE") for j in range(k)}
            out.append(_fill(lead + body + rng.choice(["", ".", "?"]), values))
    return out


def medquad_examples(data_dir: Path, kg: KnowledgeGraph, per_doc: int = 1) -> list[Example]:
    """Training-split MedQuAD questions with the focus marked where it occurs verbatim."""
    seen: dict[str, int] = {}
    out = []
    for item in read_medquad(data_dir):
        if item.split != "train" or not item.focus or seen.get(item.doc_id, 0) >= per_doc:
            continue
        kind = None
        for cui in item.cuis:
            node = kg.node(f"UMLS:{cui}")
            if node is not None:
                kind = CLASS_TYPE.get(node.cls)
                break
        if kind is None:
            found = kg.find(item.focus, limit=1)
            kind = CLASS_TYPE.get(found[0].node.cls) if found else None
        if kind is None:
            kind = {"Disease": "DISEASE", "Drug": "CHEMICAL", "Gene": "GENE"}.get(
                item.focus_category
            )
        if kind is None:
            continue
        at = item.question.find(item.focus)
        if at < 0:
            continue
        seen[item.doc_id] = seen.get(item.doc_id, 0) + 1
        text = re.sub(r"\s+\?$", "?", item.question)
        out.append(Example(text, ((at, at + len(item.focus), kind),), "medquad"))
    return out


def training_examples(
    data_dir: Path, kg: KnowledgeGraph, seed: int, templates: int = 6000
) -> list[Example]:
    rng = random.Random(seed)
    out: list[Example] = []
    for rel in TRAIN_FILES:
        out += corpus_examples(read_pubtator(data_dir / rel), kg, rel.parts[1])
    out += template_examples(kg, rng, templates)
    out += medquad_examples(data_dir, kg)
    rng.shuffle(out)
    counts: dict[str, int] = {}
    for ex in out:
        counts[ex.origin] = counts.get(ex.origin, 0) + 1
    logger.info("NER training sentences: %s", counts)
    return out
