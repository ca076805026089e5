"""Linking speed and memory: one 15-word question at a time (p50/p95), batched sentences per
second (median of 3 runs after a first, cold one), RSS of the loaded linker. Medians over
``--repeat`` runs on this machine.

Usage: python scripts/bench_linking.py [--sentences 2000] [--repeat 200] [--json]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_common import median, p95, report

from kgqa.config import data_dir
from kgqa.datasets.pubtator import read_pubtator
from kgqa.encoder import set_threads
from kgqa.linking import EntityLinker

QUESTIONS = [
    "Which drugs are used to treat gout and hyperuricemia in adults with chronic kidney disease?",
    "What are the symptoms of Marfan syndrome and how is the FBN1 gene involved in it?",
    "My son has short stature, hypertelorism and seizures; which genetic syndrome fits best?",
    "Is metformin safe for patients with type 2 diabetes mellitus and lactic acidosis risk?",
]


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--abstracts", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    set_threads()
    before = rss_mb()
    t0 = time.perf_counter()
    linker = EntityLinker.load()
    load_s = time.perf_counter() - t0
    linker.link(QUESTIONS[0])  # warm up
    loaded = rss_mb()
    times = []
    for i in range(args.repeat):
        q = QUESTIONS[i % len(QUESTIONS)]
        t = time.perf_counter()
        linker.link(q)
        times.append((time.perf_counter() - t) * 1000)
    docs = read_pubtator(data_dir() / "corpora" / "bc5cdr" / "dev.pubtator.txt")
    sents = [d.text[a:b] for d in docs for a, b in d.sentences()][: args.sentences]
    t = time.perf_counter()
    linker.link_many(sents)
    first_batch = time.perf_counter() - t  # includes one-off loads (fuzzy name keys)
    runs, tag_runs = [], []
    for _ in range(3):
        t = time.perf_counter()
        linker.link_many(sents)
        runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        linker.tagger.tag(sents)
        tag_runs.append(time.perf_counter() - t)
    batched, tag_only = median(runs, 4), median(tag_runs, 4)
    abstracts = [d.text for d in docs][: args.abstracts]
    doc_runs = []
    for _ in range(3):
        t = time.perf_counter()
        linker.link_many(abstracts)
        doc_runs.append(time.perf_counter() - t)
    report({
        "question_words": [len(q.split()) for q in QUESTIONS],
        "link_question_ms_p50": median(times, 2),
        "link_question_ms_p95": round(p95(times), 2),
        "batched_sentences": len(sents),
        "batched_link_sentences_per_s": round(len(sents) / batched, 1),
        "first_batch_link_sentences_per_s": round(len(sents) / first_batch, 1),
        "batched_tagger_only_sentences_per_s": round(len(sents) / tag_only, 1),
        "batched_abstracts": len(abstracts),
        "batched_link_abstracts_per_s": round(len(abstracts) / median(doc_runs, 4), 1),
        "load_s": round(load_s, 2),
        "rss_mb_before_load": before,
        "rss_mb_after_load_and_warmup": loaded,
        "rss_mb_peak": rss_mb(),
    }, args.json)  # fmt: skip


if __name__ == "__main__":
    main()
