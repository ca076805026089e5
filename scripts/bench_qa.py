"""Answering speed: cold ``Pipeline.load(eager=True)`` (fresh process), warm ``ask`` p50/p95,
``verify`` p50, ``ask_many`` throughput, RSS. Questions: a fixed list of the kinds kgqa answers.

Usage: python scripts/bench_qa.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_common import median, p95, report

QUESTIONS = [
    "Which drugs treat gout?",
    "What are the symptoms of Marfan syndrome?",
    "Which genes are associated with cystic fibrosis?",
    "What is metformin used for?",
    "How is Huntington disease inherited?",
    "Which diseases are associated with BRCA1?",
    "What are the types of diabetes mellitus?",
    "What causes phenylketonuria?",
    "What is ectopia lentis?",
    "What are the symptoms of familial Mediterranean fever?",
]
# what causes a common finding: the graph's answers, the passages' and the finding's own page
# (timed apart: they read passages, and take longer than the others)
FINDINGS = [
    "What causes swollen ankles?",
    "What causes diarrhea?",
    "What causes chest pain?",
    "What can cause a chronic cough?",
    "What causes night sweats?",
]
CLAIMS = [
    "Metformin treats type 2 diabetes mellitus",
    "Marfan syndrome is not associated with gene FBN1",
    "Levothyroxine treats hyperthyroidism",
    "Gout is a kind of arthritis",
]
COLD = (
    "import time; t=time.perf_counter(); import kgqa; p=kgqa.Pipeline.load(eager=True); "
    "print(time.perf_counter()-t)"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    cold = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                             check=True)  # fmt: skip
        cold.append(float(out.stdout.strip().splitlines()[-1]))
    from kgqa import Pipeline
    from kgqa.encoder import set_threads

    set_threads()
    p = Pipeline.load(eager=True)
    for q in QUESTIONS:
        p.ask(q)  # warm
    first = []  # a finding's page is read once per loaded pipeline: its first question, timed
    for q in FINDINGS:
        t = time.perf_counter()
        p.ask(q)
        first.append((time.perf_counter() - t) * 1000)
    times, verify_times, finding_times = [], [], []
    for _ in range(args.repeat):
        for q in QUESTIONS:
            t = time.perf_counter()
            p.ask(q)
            times.append((time.perf_counter() - t) * 1000)
        for c in CLAIMS:
            t = time.perf_counter()
            p.verify(c)
            verify_times.append((time.perf_counter() - t) * 1000)
        for q in FINDINGS:
            t = time.perf_counter()
            p.ask(q)
            finding_times.append((time.perf_counter() - t) * 1000)
    batch = QUESTIONS * 4
    runs = []
    for _ in range(args.repeat):  # a median, as the rest: single runs varied by a quarter
        t = time.perf_counter()
        p.ask_many(batch)
        runs.append(time.perf_counter() - t)
    many = statistics.median(runs)
    report({
        "cold_load_eager_s_median_of_3": median(cold, 2),
        "ask_ms_p50": median(times, 1),
        "ask_ms_p95": round(p95(times), 1),
        "verify_ms_p50": median(verify_times, 1),
        "finding_causes_first_ms_median": median(first, 1),
        "finding_causes_ms_p50": median(finding_times, 1),
        "finding_causes_ms_p95": round(p95(finding_times), 1),
        "ask_many_questions_per_s": round(len(batch) / many, 1),
        "rss_mb_peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }, args.json)  # fmt: skip


if __name__ == "__main__":
    main()
