"""Generate the QA dev sets from the raw data (they are not committed):

- ``gard_symptoms.jsonl``: GARD "symptoms" questions; gold = the HPO phenotypes whose exact
  labels appear in the answer (GARD lists them, with their frequencies).
- ``ghr_genes.jsonl``: GHR "genetic changes" questions; gold = gene symbols (exact case) of
  graph genes named in the answer.

Only documents of the held-out MedQuAD split are used (the intent classifier trained on the
other split). Usage: ``python scripts/make_dev_sets.py [--data-dir DIR] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
from pathlib import Path

from kgqa.config import Home, data_dir
from kgqa.datasets.medquad import read_medquad
from kgqa.graph import KnowledgeGraph

logger = logging.getLogger("make_dev_sets")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")


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
    gard, ghr = [], []
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
        elif item.source == "GHR" and item.qtype == "genetic changes":
            symbols = dict.fromkeys(w for w in _WORD.findall(item.answer) if w in genes)
            if symbols:
                ghr.append({"id": item.qid, "question": item.question,
                            "answers": [genes[s] for s in symbols]})  # fmt: skip
    for name, items in (("gard_symptoms.jsonl", gard), ("ghr_genes.jsonl", ghr)):
        with open(out / name, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in items)
        logger.info("%s: %d questions", out / name, len(items))


if __name__ == "__main__":
    main()
