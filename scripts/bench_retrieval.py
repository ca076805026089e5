"""Retrieval speed and size: query p50/p95 including the query embedding, per method, with
and without ``about``; index files' sizes; RSS after load. Usage:
python scripts/bench_retrieval.py [--queries 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_common import median, p95, report

from kgqa.config import Home
from kgqa.encoder import set_threads
from kgqa.evaluation.retrieval import medquad_queries
from kgqa.graph import KnowledgeGraph
from kgqa.retrieval.index import PassageRetriever


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    set_threads()
    kg = KnowledgeGraph.load()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    r = PassageRetriever.load(Home.resolve().passages, kg)
    load_s = time.perf_counter() - t0
    queries = [q for q, _ in medquad_queries(r, "dev")][: args.queries]
    r.retrieve(queries[0])  # warm up the encoder
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"passages": len(r), "load_s": round(load_s, 2)}
    for method in ("dense", "lexical", "hybrid"):
        times = []
        for q in queries:
            t = time.perf_counter()
            r.retrieve(q, k=10, method=method)
            times.append((time.perf_counter() - t) * 1000)
        out[f"{method}_ms_p50"] = median(times, 2)
        out[f"{method}_ms_p95"] = round(p95(times), 2)
    gout = kg.node("DOID:13189")
    times = []
    for q in queries[:100]:
        t = time.perf_counter()
        r.retrieve(q, k=10, about=[gout])
        times.append((time.perf_counter() - t) * 1000)
    out["hybrid_about_one_node_ms_p50"] = median(times, 2)
    d = Home.resolve().passages
    out["files_mb"] = {p.name: round(p.stat().st_size / 2**20, 1) for p in sorted(d.iterdir())
                       if p.is_file()}  # fmt: skip
    out["rss_mb_graph_only"] = round(rss0, 1)
    out["rss_mb_after_retriever_load_and_warmup"] = round(rss1, 1)
    manifest = json.loads((d / "manifest.json").read_text())
    out["build_seconds"] = manifest["info"]["seconds"]
    report(out, args.json)


if __name__ == "__main__":
    main()
