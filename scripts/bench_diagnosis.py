"""Benchmark diagnosis: cold Pipeline.load; one case ranked over all diseases by each method
(the similarity baseline, the LR model, the learned re-ranker: ordering only), the default
method's top 10 with explanations, re-ranking after one finding is added with suggestions
(the interactive loop), free text, and memory.

    python scripts/bench_diagnosis.py [--cases 500] [--json]

Cases are the first N phenopackets of ../shared/data/phenopackets/cases.tgz (sorted by path).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from bench_common import p95, report

from kgqa.config import data_dir

LOAD = """
import time, json
t = time.perf_counter()
from kgqa.pipeline import Pipeline
qa = Pipeline.load()
dt = time.perf_counter() - t
rss = int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024
print(json.dumps({"load_s": dt, "rss_mb": rss}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    loads = []
    for _ in range(args.repeat):
        out = subprocess.run(
            [sys.executable, "-c", LOAD], capture_output=True, text=True, check=True
        )
        loads.append(json.loads(out.stdout.strip().splitlines()[-1]))

    from kgqa.datasets.phenopackets import read_phenopackets
    from kgqa.pipeline import Pipeline

    qa = Pipeline.load()
    dx = qa.diagnoser
    cases = list(read_phenopackets(data_dir() / "phenopackets" / "cases.tgz"))[: args.cases]
    rank_ms, rerank_ms, text_ms = [], [], []
    order_ms: dict[str, list[float]] = {m: [] for m in ("similarity", "lr", "learned")}
    for case in cases:
        findings, _ = dx.link_findings(list(case.observed), list(case.excluded))
        if not any(not f.excluded for f in findings):
            continue
        observed, excluded = dx.indices(findings)
        for method, times in order_ms.items():
            t = time.perf_counter()
            dx.ranking(observed, excluded, method=method)
            times.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        dx.rank(findings, k=10, suggest=0)
        rank_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        dx.rank(findings[:-1], k=10, suggest=5)  # one finding fewer, with suggestions
        rerank_ms.append((time.perf_counter() - t) * 1000)
        labels = ", ".join(f.node.label for f in findings if not f.excluded)
        t = time.perf_counter()
        qa.diagnose(labels)
        text_ms.append((time.perf_counter() - t) * 1000)

    result = {
        "pipeline_load_p50_s": round(statistics.median(x["load_s"] for x in loads), 2),
        "rss_after_load_mb": round(statistics.median(x["rss_mb"] for x in loads)),
        "cases": len(rank_ms),
        "default_method": dx.method,
        **{f"order_{m}_p50_ms": round(statistics.median(v), 2) for m, v in order_ms.items()},
        "learned_vs_similarity": round(
            statistics.median(order_ms["learned"]) / statistics.median(order_ms["similarity"]), 2
        ),
        "rank_top10_p50_ms": round(statistics.median(rank_ms), 2),
        "rank_top10_p95_ms": round(p95(rank_ms), 2),
        "rerank_with_suggestions_p50_ms": round(statistics.median(rerank_ms), 2),
        "diagnose_free_text_p50_ms": round(statistics.median(text_ms), 2),
        "diagnose_free_text_p95_ms": round(p95(text_ms), 2),
    }
    report(result, args.json)


if __name__ == "__main__":
    main()
