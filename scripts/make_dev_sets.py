"""Generate the QA dev sets from the raw data (they are not committed):

- ``gard_symptoms.jsonl``: GARD "symptoms" questions; gold = the HPO phenotypes whose exact
  labels appear in the answer (GARD lists them, with their frequencies).
- ``ghr_genes.jsonl``: GHR "genetic changes" questions; gold = gene symbols (exact case) of
  graph genes named in the answer.
- ``ghr_gene_choices.jsonl``: the same GHR conditions asked as multiple choice, "Which gene
  is associated with X?", the first gene of its answer and three genes of other conditions'
  answers as the options (their order and the distractors drawn with a fixed seed); gold =
  every gene of its answer.
- ``ghr_gene_claims.jsonl``: the same conditions as claims, "X is associated with G.": its
  first gene (true) and a gene of another condition's answer, not of its own (false; drawn
  with a fixed seed). A false claim can still hold (a gene GHR names elsewhere may be tied to
  X too): read refuted true claims and wrong verdicts one by one.
- ``ghr_inheritance_claims.jsonl``: GHR "inheritance" answers that give one pattern ("This
  condition is inherited in an autosomal recessive pattern", and no other case): the claim
  "X is <that pattern>." (true) and "X is <the other autosomal pattern>." (false; for an
  X-linked one, "autosomal recessive"). A false claim can still hold of some of X's forms,
  which one GHR answer does not list: read wrong verdicts there one by one.

Only documents of the held-out MedQuAD split are used (the intent classifier trained on the
other split). Usage: ``python scripts/make_dev_sets.py [--data-dir DIR] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
from pathlib import Path

from kgqa.config import Home, data_dir
from kgqa.datasets.medquad import read_medquad
from kgqa.graph import KnowledgeGraph

logger = logging.getLogger("make_dev_sets")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")
_PATTERN = re.compile(
    r"inherited in an? (autosomal dominant|autosomal recessive|X-linked recessive|"
    r"X-linked dominant) pattern",
    re.I,
)
_OTHER_CASES = re.compile(r"\b(?:some|other|most|rare) cases\b|\bcan also\b|\bmay also\b", re.I)
_OTHER_MODE = {"autosomal dominant": "autosomal recessive", "autosomal recessive":
               "autosomal dominant", "x-linked recessive": "autosomal recessive",
               "x-linked dominant": "autosomal recessive"}  # fmt: skip


def _inheritance_claims(qid: str, focus: str, answer: str) -> list[dict[str, object]]:
    """The true and the false claim of one GHR inheritance answer (none when it gives more
    than one pattern or speaks of other cases)."""
    modes = {m.lower() for m in _PATTERN.findall(answer)}
    if len(modes) != 1 or _OTHER_CASES.search(answer):
        return []
    mode = modes.pop()
    return [
        {"id": f"{qid}-t", "text": f"{focus} is {mode}.", "label": True},
        {"id": f"{qid}-f", "text": f"{focus} is {_OTHER_MODE[mode]}.", "label": False},
    ]


def _others(conditions: list[tuple[str, str, list[str]]]) -> list[list[str]]:
    """For each condition, the genes of the others' answers that are none of its own (sorted)."""
    pool = sorted({s for _, _, symbols in conditions for s in symbols})
    return [[s for s in pool if s not in symbols] for _, _, symbols in conditions]


def _gene_choices(conditions: list[tuple[str, str, list[str]]], genes: dict[str, str],
                  seed: int = 0) -> list[dict[str, object]]:  # fmt: skip
    """Four-option gene questions: the condition's first gene and three of other conditions
    (none of its own), shuffled."""
    rng = random.Random(seed)
    out = []
    for (qid, focus, symbols), others in zip(conditions, _others(conditions), strict=True):
        if len(others) < 3:
            continue
        options = [symbols[0], *rng.sample(others, 3)]
        rng.shuffle(options)
        out.append({"id": f"{qid}-mc", "question": f"Which gene is associated with {focus}?",
                    "options": options, "answers": [genes[s] for s in symbols]})  # fmt: skip
    return out


def _gene_claims(conditions: list[tuple[str, str, list[str]]], seed: int = 0
                 ) -> list[dict[str, object]]:  # fmt: skip
    """A true and a false gene claim of each condition: its first gene, and one of another
    condition's genes that is none of its own."""
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for (qid, focus, symbols), others in zip(conditions, _others(conditions), strict=True):
        if not others:
            continue
        out += [
            {"id": f"{qid}-gt", "text": f"{focus} is associated with {symbols[0]}.", "label": True},
            {"id": f"{qid}-gf", "text": f"{focus} is associated with {rng.choice(others)}.",
             "label": False},
        ]  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir")
    ap.add_argument("--out", help="output directory (default $KGQA_HOME/devsets)")
    ap.add_argument("--min-answers", type=int, default=3, help="GARD: at least N phenotypes")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    kg = KnowledgeGraph.load()
    out = Path(args.out) if args.out else Home.resolve().devsets
    out.mkdir(parents=True, exist_ok=True)
    rows = kg._conn.execute(
        "SELECT m.name, n.curie, n.cls FROM names m JOIN nodes n ON n.iri = m.iri "
        "WHERE m.lang = 'en' AND m.kind = 'label' AND n.cls IN ('Phenotype', 'Gene')"
    ).fetchall()
    phenos = {
        name.casefold(): curie
        for name, curie, cls in rows
        if cls == "Phenotype" and len(name) >= 5 and curie.startswith("HP:")
    }
    genes = {name: curie for name, curie, cls in rows if cls == "Gene" and len(name) >= 3}
    max_words = max(len(p.split()) for p in phenos)
    gard, ghr, inheritance = [], [], []
    ghr_focus: list[tuple[str, str, list[str]]] = []  # (id, condition, gene symbols)
    for item in read_medquad(data_dir(args.data_dir)):
        if item.split != "dev" or not item.answer:
            continue
        if item.source == "GARD" and item.qtype == "symptoms":
            words = _WORD.findall(item.answer)
            found: dict[str, None] = {}
            i = 0
            while i < len(words):
                for n in range(min(max_words, len(words) - i), 0, -1):
                    curie = phenos.get(" ".join(words[i : i + n]).casefold())
                    if curie:
                        found[curie] = None
                        i += n
                        break
                else:
                    i += 1
            if len(found) >= args.min_answers:
                gard.append({"id": item.qid, "question": item.question, "answers": list(found)})
        elif item.source == "GHR" and item.qtype == "inheritance" and item.focus:
            inheritance += _inheritance_claims(item.qid, item.focus, item.answer)
        elif item.source == "GHR" and item.qtype == "genetic changes":
            symbols = dict.fromkeys(w for w in _WORD.findall(item.answer) if w in genes)
            if symbols:
                ghr.append({"id": item.qid, "question": item.question,
                            "answers": [genes[s] for s in symbols]})  # fmt: skip
                if item.focus:
                    ghr_focus.append((item.qid, item.focus, list(symbols)))
    choices = _gene_choices(ghr_focus, genes)
    gene_claims = _gene_claims(ghr_focus)
    for name, items in (
        ("gard_symptoms.jsonl", gard),
        ("ghr_genes.jsonl", ghr),
        ("ghr_gene_choices.jsonl", choices),
        ("ghr_gene_claims.jsonl", gene_claims),
        ("ghr_inheritance_claims.jsonl", inheritance),
    ):
        with open(out / name, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in items)
        logger.info("%s: %d questions", out / name, len(items))


if __name__ == "__main__":
    main()
