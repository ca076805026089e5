"""The long fuzz run, for before a release: random and hostile inputs to every public entry
point and to the CLI, for N minutes, over the built artifacts ($KGQA_HOME).

Counts, per entry point: inputs tried, calls that raised an exception outside kgqa's own
(``KgqaError``), calls over the time budget (2 s), and CLI invocations that ended in a traceback
or an exit status other than 0, 1 or 2. Prints one JSON report; exit status 1 when anything
broke.

    python scripts/fuzz.py --minutes 5 [--seed 13] [--home DIR] [--json]

The quick, always-run version is ``tests/test_fuzz.py`` (hypothesis, fixture artifacts).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

BUDGET_S = 2.0
WORDS = ["gout", "Marfan syndrome", "allopurinol", "metformin", "seizures", "FBN1", "asthma",
         "HP:0001250", "DOID:13189", "MONDO:0007947", "痛风", "二甲双胍", "not", "no", "treat",
         "cause", "which", "drugs", "?", ",", "(", "\ud800", "\x00", "\u202e", "🙂", "type 2A",
         "contraindicated", "side effects", "SERVICE", "SELECT", "{", "}"]  # fmt: skip


def rand_text(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
    if kind == 1:
        return "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, 40)))
    if kind == 2:
        return rng.choice(WORDS) * rng.randint(1, 400)
    if kind == 3:
        return "".join(rng.choice("()[]{}.,;:?! \n\tab") for _ in range(rng.randint(100, 2500)))
    if kind == 4:
        return rng.choice(["", " ", "\n", "\ud800", "gout\x00fever", "(" * 130])
    return rng.choice(WORDS)


def rand_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(10)
    if kind < 4:
        return rand_text(rng)
    if kind == 4:
        return rng.choice([None, True, False, 0, -1, 5, 10**9, 1.5, float("nan")])
    if kind == 5:
        return rand_text(rng).encode("utf-8", "surrogatepass")
    if kind in (6, 7) and depth < 2:
        return [rand_value(rng, depth + 1) for _ in range(rng.randint(0, 60 if kind == 7 else 4))]
    if kind == 8 and depth < 2:
        return {rand_text(rng): rand_value(rng, depth + 1) for _ in range(rng.randint(0, 2))}
    return rng.choice([(), [], {}, set(), object()])


def rand_k(rng: random.Random) -> Any:
    return rng.choice([1, 3, 10, 100, 0, -1, 1000, None, "5", 1.5, True])


def entry_points(pipeline: Any) -> dict[str, Callable[[random.Random], Any]]:
    import inspect

    kg = pipeline.kg
    # a query stopped at its own budget is no hang: give it 1 s of the call's 2 (a kgqa
    # without budgets takes no such argument)
    budget = {"timeout_s": 1.0} if "timeout_s" in inspect.signature(kg.sparql).parameters else {}
    return {
        "ask": lambda r: pipeline.ask(rand_value(r), k=rand_k(r)),
        "ask(options)": lambda r: pipeline.ask(rand_value(r), options=rand_value(r), k=rand_k(r)),
        "ask_many": lambda r: pipeline.ask_many(rand_value(r), k=rand_k(r)),
        "verify": lambda r: pipeline.verify(rand_value(r)),
        "link": lambda r: pipeline.link(rand_value(r)),
        "retrieve": lambda r: pipeline.retrieve(rand_value(r), k=rand_k(r), about=rand_value(r)),
        "diagnose": lambda r: pipeline.diagnose(
            rand_value(r), rand_value(r), rand_value(r), rand_value(r), rand_k(r)
        ),
        "kg.find": lambda r: kg.find(rand_value(r), limit=rand_k(r)),
        "kg.node": lambda r: kg.node(rand_value(r)),
        "kg.lookup_id": lambda r: kg.lookup_id(rand_value(r)),
        "kg.neighbours": lambda r: kg.neighbours(
            r.choice(["DOID:13189", "HP:0001250", rand_text(r)]),
            r.choice([None, "treats", "subClassOf", "bogus", rand_value(r)]),
            r.choice(["out", "in", "both", rand_value(r)]),
            rand_value(r),
        ),
        "kg.sparql": lambda r: kg.sparql(
            r.choice(
                [
                    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }",
                    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                    "SELECT ?n WHERE { ?n kgv:id ?id }",
                    rand_text(r),
                ]
            ),
            r.choice([None, {"id": rand_value(r)}, {rand_text(r): "x"}, rand_value(r)]),
            **budget,
        ),
    }


CLI = ["ask", "verify", "link", "retrieve", "diagnose", "graph", "find", "node", "neighbours",
       "sparql", "stats", "eval", "qa", "claims", "linking", "-k", "--limit", "--relation",
       "--source", "--out", "--json", "--option", "-1", "0", "5", "bogus", "gout", "\x00",
       "/nonexistent/x", "/dev/null", "--direction", "in", "--exclude", "--proposed",
       "--pubtator", "--phenopackets"]  # fmt: skip


def run_cli(rng: random.Random) -> tuple[str, float]:
    from kgqa.cli import main

    argv = ["-q", *(rng.choice(CLI) for _ in range(rng.randint(1, 6)))]
    err = io.StringIO()
    t0 = time.perf_counter()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            rc = main(argv)
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 2
    except Exception as exc:
        return f"traceback {type(exc).__name__}", time.perf_counter() - t0
    elapsed = time.perf_counter() - t0
    return ("ok" if rc in (0, 1, 2) else f"exit {rc}"), elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--home", help="artifacts (default $KGQA_HOME)")
    ap.add_argument("--progress", help="rewrite the report here as it goes, with the call under"
                    " way: a run killed by a hang still tells where it hung")  # fmt: skip
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)
    from kgqa.errors import KgqaError
    from kgqa.pipeline import Pipeline

    rng = random.Random(args.seed)
    pipeline = Pipeline.load(args.home, eager=True)
    pipeline.diagnose("fever")
    doors = entry_points(pipeline)
    tried: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    slow: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    cli = Counter[str]()
    deadline = time.monotonic() + args.minutes * 60
    while time.monotonic() < deadline:
        if rng.random() < 0.1:
            outcome, _ = run_cli(rng)
            cli["tried"] += 1
            cli[outcome if outcome != "ok" else "ok"] += 1
            continue
        name = rng.choice(sorted(doors))
        tried[name] += 1
        if args.progress and sum(tried.values()) % 50 == 1:
            partial = {
                "inputs": sum(tried.values()), "exceptions": sum(crashes.values()),
                "over_budget": sum(slow.values()), "cli": dict(cli), "kinds": kinds,
            }  # fmt: skip
            Path(args.progress).write_text(json.dumps(partial, ensure_ascii=True))
        if args.progress:
            with open(args.progress + ".now", "w", encoding="utf-8") as fh:
                fh.write(f"{sum(tried.values())} {name}\n")
        t0 = time.perf_counter()
        try:
            doors[name](rng)
        except KgqaError:
            pass
        except Exception as exc:
            crashes[name] += 1
            where = traceback.extract_tb(exc.__traceback__)[-1]
            kinds.setdefault(f"{type(exc).__name__} at {where.filename}:{where.lineno}", name)
        if time.perf_counter() - t0 > BUDGET_S:
            slow[name] += 1
    report = {
        "minutes": args.minutes, "seed": args.seed,
        "inputs": sum(tried.values()), "exceptions": sum(crashes.values()),
        "exception_kinds": len(kinds), "over_budget": sum(slow.values()),
        "per_entry_point": {n: {"tried": tried[n], "exceptions": crashes[n], "over_budget": slow[n]}
                            for n in sorted(tried)},
        "kinds": kinds, "cli": dict(cli),
    }  # fmt: skip
    print(json.dumps(report, indent=2, ensure_ascii=True))
    broke = report["exceptions"] or report["over_budget"] or len(cli) > 2 or any(
        k.startswith(("traceback", "exit")) for k in cli)  # fmt: skip
    return 1 if broke else 0


if __name__ == "__main__":
    sys.exit(main())
