"""Benchmark the knowledge graph: build time, load time, lookup latency, memory, and the
coverage figures of issues #2 and #17 (breadth).

    python scripts/bench_graph.py [--build] [--repeat 5] [--json]

Each timing runs in a fresh process where that matters (build, cold load); latencies are medians
(p50) and p95 over a fixed random sample of nodes (seed 0). Run on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time

from bench_common import p95, report

LOAD_SNIPPET = """
import time, json, resource
t = time.perf_counter()
from kgqa.graph import KnowledgeGraph
kg = KnowledgeGraph.load()
dt = time.perf_counter() - t
rss = int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024
print(json.dumps({"load_s": dt, "rss_mb": rss}))
"""


def _run_json(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_build() -> dict:
    t = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "kgqa.cli", "-q", "build", "graph",
         "--force"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return {
        "build_s": round(time.perf_counter() - t, 1),
        "build_peak_rss_mb": round(peak_kb / 1024),
    }


def bench_queries(n: int = 1000) -> dict:
    from kgqa.graph import KnowledgeGraph

    kg = KnowledgeGraph.load()
    rng = random.Random(0)
    nodes = rng.sample(kg.nodes(), n)
    times, sizes = [], []
    for node in nodes:
        t = time.perf_counter()
        edges = kg.neighbours(node)
        times.append(time.perf_counter() - t)
        sizes.append(len(edges))
    rel_times = []
    annotated = sorted(
        r["d"]
        for r in kg.sparql("SELECT DISTINCT ?d WHERE { GRAPH src:hpo { ?d kgv:hasPhenotype ?p } }")
    )
    diseases = [kg.node(iri) for iri in rng.sample(annotated, min(n, len(annotated)))]
    for node in diseases:
        t = time.perf_counter()
        kg.neighbours(node, "hasPhenotype")
        rel_times.append(time.perf_counter() - t)
    names = [node.label for node in nodes]
    find_times = []
    for name in names:
        t = time.perf_counter()
        kg.find(name)
        find_times.append(time.perf_counter() - t)
    attr_times = []
    for node in diseases[:200]:
        t = time.perf_counter()
        kg.neighbours(node, "hasPhenotype", attributes=True)
        attr_times.append(time.perf_counter() - t)
    # one hop over a breadth relation: a drug's side effects (SIDER), where the graph has them
    se_times = []
    drugs = sorted(kg.nodes("Chemical"), key=lambda n: n.iri)
    for node in rng.sample(drugs, min(n, len(drugs))):
        t = time.perf_counter()
        kg.neighbours(node, "hasSideEffect")
        se_times.append(time.perf_counter() - t)
    ms = 1000
    return {
        "drug_hasSideEffect_p50_ms": round(statistics.median(se_times) * ms, 3),
        "neighbours_all_p50_ms": round(statistics.median(times) * ms, 3),
        "neighbours_all_p95_ms": round(p95(times) * ms, 3),
        "neighbours_median_degree": statistics.median(sizes),
        "annotated_disease_hasPhenotype_p50_ms": round(statistics.median(rel_times) * ms, 3),
        "annotated_disease_hasPhenotype_with_attributes_p50_ms": round(
            statistics.median(attr_times) * ms, 3
        ),
        "find_by_name_p50_ms": round(statistics.median(find_times) * ms, 3),
        "find_by_name_p95_ms": round(p95(find_times) * ms, 3),
    }


def coverage() -> dict:
    from kgqa.graph import KnowledgeGraph

    kg = KnowledgeGraph.load()
    stats = kg.stats()

    def count(query: str) -> int:
        return int(kg.sparql(query)[0]["n"])

    return {
        "classes": stats.classes,
        "breadth": stats.coverage,
        "diseases_with_phenotype_annotations": count(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d kgv:hasPhenotype ?p }"
        ),
        "diseases_with_hpo_annotations": count(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH src:hpo { ?d kgv:hasPhenotype ?p } }"
        ),
        "omim_diseases_merged_into_do": count(
            "SELECT (COUNT(DISTINCT ?id) AS ?n) WHERE { GRAPH src:hpo { ?d kgv:id ?id } "
            'FILTER(STRSTARTS(?id, "OMIM:") && STRSTARTS(STR(?d), STR(kg:DOID_))) }'
        ),
        "orphanet_diseases_merged_into_do": count(
            "SELECT (COUNT(DISTINCT ?id) AS ?n) WHERE { GRAPH src:hpo { ?d kgv:id ?id } "
            'FILTER(STRSTARTS(?id, "ORPHA:") && STRSTARTS(STR(?d), STR(kg:DOID_))) }'
        ),
        "omim_orphanet_in_one_node": count(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH src:hpo { ?d kgv:id ?a, ?b } "
            'FILTER(STRSTARTS(?a, "OMIM:") && STRSTARTS(?b, "ORPHA:")) }'
        ),
        "hpo_release": kg.hpo_release,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", action="store_true", help="also time a build from scratch")
    ap.add_argument("--repeat", type=int, default=5, help="cold loads to time")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result: dict = {}
    if args.build:
        result.update(bench_build())
    loads = [_run_json(LOAD_SNIPPET) for _ in range(args.repeat)]
    result["load_p50_s"] = round(statistics.median(x["load_s"] for x in loads), 3)
    result["rss_after_load_mb"] = round(statistics.median(x["rss_mb"] for x in loads))
    result.update(bench_queries())
    result.update(coverage())
    report(result, args.json)


if __name__ == "__main__":
    main()
