"""Training pairs for the verifier: (claim, evidence) → supported / refuted / not enough.

From the graph: for sampled edges of the answerable relations, the claim and its negation
against evidence listing the subject's edges (with the edge: supported / refuted; with the
object swapped for one the subject lacks: not enough evidence); NOT-indicated drugs and NOT
phenotypes give refuted positive claims. From BC5CDR: "chemical causes disease" against the
abstract sentences naming both: supported for a CID pair, not enough evidence otherwise.

Splits by subject node (graph) and by document (BC5CDR train → train/dev; BC5CDR dev → test):
``train``, ``dev`` (model selection and temperature), ``test`` (reliability and ECE only).
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

from kgqa.answering.verbalize import statement
from kgqa.datasets.pubtator import read_pubtator
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Node

VERDICTS = ("supported", "refuted", "not_enough_evidence")
RELATIONS_USED = ("treats", "palliates", "hasPhenotype", "associatedWithGene", "hasInheritance",
                  "subClassOf", "causedBy")  # fmt: skip
PER_RELATION = 1500


@dataclass(frozen=True)
class VerifierExample:
    claim: str
    evidence: str
    label: int
    split: str
    origin: str


def split_of(key: str) -> str:
    b = hashlib.sha1(key.encode()).digest()[0] % 10
    return "test" if b == 0 else "dev" if b == 1 else "train"


def _edges(kg: KnowledgeGraph, relation: str) -> list[tuple[str, str, str]]:
    if relation == "subClassOf":
        return list(kg.edges(relation, source="doid"))
    return list(kg.edges(relation))


def evidence_text(facts: list[str], rng: random.Random) -> str:
    rng.shuffle(facts)
    return " ".join(facts)


def _fact(kg: KnowledgeGraph, subject: Node, relation: str, obj: str, source: str) -> str:
    node = kg.node(obj)
    return f"graph ({source}): {statement(subject.label, relation, node.label if node else obj)}."


def graph_examples(kg: KnowledgeGraph, rng: random.Random) -> list[VerifierExample]:
    out: list[VerifierExample] = []
    for relation in (*RELATIONS_USED, "notIndicatedFor", "lacksPhenotype"):
        edges = _edges(kg, relation)
        by_subject: dict[str, list[tuple[str, str]]] = {}
        for s, o, g in edges:
            by_subject.setdefault(s, []).append((o, g))
        objects = sorted({o for _, o, _ in edges})
        rng.shuffle(edges)
        for s, o, g in edges[:PER_RELATION]:
            sn, on = kg.node(s), kg.node(o)
            if sn is None or on is None:
                continue
            split = split_of(s)
            others = [x for x in by_subject[s] if x[0] != o]
            rng.shuffle(others)
            ctx = [_fact(kg, sn, relation, x, src) for x, src in others[: rng.randint(0, 3)]]
            with_edge = evidence_text([*ctx, _fact(kg, sn, relation, o, g)], rng)
            if relation == "notIndicatedFor":
                out.append(VerifierExample(statement(sn.label, "treats", on.label), with_edge,
                                           1, split, "graph-not-indicated"))  # fmt: skip
                continue
            if relation == "lacksPhenotype":
                out.append(VerifierExample(statement(sn.label, "hasPhenotype", on.label),
                                           with_edge, 1, split, "graph-not"))  # fmt: skip
                continue
            out.append(VerifierExample(statement(sn.label, relation, on.label), with_edge, 0,
                                       split, f"graph-{relation}"))  # fmt: skip
            negated = statement(sn.label, relation, on.label, negated=True)
            out.append(VerifierExample(negated, with_edge, 1, split, f"graph-{relation}-negated"))
            # a same-relation object this subject lacks: nothing says yes or no
            linked = {x for x, _ in by_subject[s]}
            for _ in range(5):
                other = rng.choice(objects)
                if other not in linked:
                    break
            else:
                continue
            onode = kg.node(other)
            if onode is None:
                continue
            ctx_only = evidence_text(
                [*ctx, *[_fact(kg, sn, relation, x, src) for x, src in others[3:4]]], rng
            )
            neg = rng.random() < 0.3
            out.append(VerifierExample(statement(sn.label, relation, onode.label, negated=neg),
                                       ctx_only or "no graph statement.", 2, split,
                                       f"graph-{relation}-nei"))  # fmt: skip
    return out


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(])")


def bc5cdr_examples(data_dir: Path, rng: random.Random) -> list[VerifierExample]:
    out: list[VerifierExample] = []
    for name, split_fn in (("train", lambda pmid: "dev" if int(pmid) % 10 == 1 else "train"),
                           ("dev", lambda pmid: "test")):  # fmt: skip
        path = data_dir / "corpora" / "bc5cdr" / f"{name}.pubtator.txt"
        if not path.is_file():
            continue
        for doc in read_pubtator(path):
            cid = set(doc.relations)
            chems = {m.ids[0]: m.text for m in doc.mentions if m.type == "CHEMICAL" and m.ids}
            dis = {m.ids[0]: m.text for m in doc.mentions if m.type == "DISEASE" and m.ids}
            sents = _SENT.split(doc.text)
            pairs = [(c, d) for c in chems for d in dis]
            rng.shuffle(pairs)
            for c, d in pairs[:4]:
                ctext, dtext = chems[c], dis[d]
                ev = [s for s in sents if ctext.lower() in s.lower() and dtext.lower() in s.lower()]
                if not ev:
                    continue
                label = 0 if (c, d) in cid else 2
                claim = rng.choice(["{c} causes {d}", "{c} induces {d}", "{d} is caused by {c}"])
                out.append(VerifierExample(claim.format(c=ctext, d=dtext),
                                           "passage: " + " ".join(ev[:2]), label,
                                           split_fn(doc.pmid), "bc5cdr-cid"))  # fmt: skip
    return out


def passage_examples(
    kg: KnowledgeGraph, passages_db: Path, rng: random.Random, per_relation: int = 600
) -> list[VerifierExample]:
    """Graph edges paired with a passage that names both ends (supported) and claims with an
    object the passage does not name (not enough evidence)."""
    import sqlite3

    db = sqlite3.connect(f"file:{passages_db}?mode=ro", uri=True)
    out: list[VerifierExample] = []
    for relation in ("hasPhenotype", "associatedWithGene", "treats"):
        edges = _edges(kg, relation)
        rng.shuffle(edges)
        objects = sorted({o for _, o, _ in edges})
        made = 0
        for s, o, _g in edges:
            if made >= per_relation:
                break
            row = db.execute(
                "SELECT p.text FROM passage_nodes a JOIN passage_nodes b ON a.pid = b.pid "
                "JOIN passages p ON p.pid = a.pid WHERE a.iri = ? AND b.iri = ? LIMIT 1",
                (s, o),
            ).fetchone()
            sn, on = kg.node(s), kg.node(o)
            if row is None or sn is None or on is None:
                continue
            made += 1
            split = split_of(s)
            out.append(
                VerifierExample(
                    statement(sn.label, relation, on.label),
                    "passage: " + row[0],
                    0,
                    split,
                    f"passage-{relation}",
                )
            )
            other = kg.node(rng.choice(objects))
            if other is not None and other.label.lower() not in row[0].lower():
                out.append(VerifierExample(statement(sn.label, relation, other.label),
                                           "passage: " + row[0], 2, split,
                                           f"passage-{relation}-nei"))  # fmt: skip
    db.close()
    return out


def verifier_examples(
    data_dir: Path, kg: KnowledgeGraph, seed: int, passages_db: Path | None = None
) -> list[VerifierExample]:
    rng = random.Random(seed)
    out = graph_examples(kg, rng) + bc5cdr_examples(data_dir, rng)
    if passages_db is not None and passages_db.is_file():
        out += passage_examples(kg, passages_db, rng)
    rng.shuffle(out)
    return out
