"""The ``kgqa`` command line: a thin layer that parses arguments, calls the library and prints
(readable tables by default, ``--json`` for machines)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kgqa.errors import KgqaError

logger = logging.getLogger("kgqa")
BUILD_TARGETS = ("graph", "diagnosis")


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, indent=2, ensure_ascii=False, default=str))


def _console() -> Any:
    from rich.console import Console

    return Console()


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from rich.table import Table

    table = Table(title=title)
    for c in columns:
        table.add_column(c)
    for r in rows:
        table.add_row(*(str(x) for x in r))
    _console().print(table)


def _graph(args: argparse.Namespace) -> Any:
    from kgqa.graph import KnowledgeGraph

    return KnowledgeGraph.load(args.graph_dir)


def _resolve(kg: Any, text: str) -> Any:
    """A node from an IRI, an id or (best match) a name; raises InputError when none matches."""
    from kgqa.errors import InputError

    node = kg.node(text)
    if node is None:
        matches = kg.find(text, limit=1)
        node = matches[0].node if matches else None
    if node is None:
        raise InputError(f"no node for {text!r}")
    return node


# ----------------------------------------------------------------------------- build
def cmd_build(args: argparse.Namespace) -> int:
    from kgqa.config import data_dir, graph_dir
    from kgqa.graph.build.builder import build_graph, inputs_unchanged

    targets = [args.target] if args.target != "all" else list(BUILD_TARGETS)
    data = data_dir(args.data_dir)
    for target in targets:
        if target == "graph":
            out = Path(args.graph_dir) if args.graph_dir else graph_dir()
            if not args.force and inputs_unchanged(data, out):
                logger.info("graph in %s is up to date (use --force to rebuild)", out)
                continue
            report = build_graph(data, out)
            logger.info("graph: %d nodes, %d quads, %.0fs -> %s",
                        report.nodes, report.quads, report.seconds, out)  # fmt: skip
        elif target == "diagnosis":
            _build_diagnosis(args)
    return 0


def _build_diagnosis(args: argparse.Namespace) -> None:
    from kgqa.artifacts import Manifest
    from kgqa.config import graph_dir, kgqa_home
    from kgqa.diagnosis.index import DiagnosisIndex
    from kgqa.graph import KnowledgeGraph

    kg = KnowledgeGraph.load(args.graph_dir or graph_dir())
    out = Path(args.diagnosis_dir) if args.diagnosis_dir else kgqa_home() / "diagnosis"
    build_id = kg.manifest.info.get("build_id") if kg.manifest else None
    try:
        current = Manifest.read(out).inputs.get("graph_build_id") == build_id
    except KgqaError:
        current = False
    if current and not args.force:
        logger.info("diagnosis index in %s is up to date (use --force to rebuild)", out)
        return
    DiagnosisIndex.from_graph(kg).save(out)


# ----------------------------------------------------------------------------- graph
def cmd_stats(args: argparse.Namespace) -> int:
    stats = _graph(args).stats()
    if args.json:
        _print_json(asdict(stats))
        return 0
    _table("Nodes per class", ["class", "nodes"], list(stats.classes.items()))
    _table("Edges per relation", ["relation", "edges"], list(stats.relations.items()))
    _table("Quads per source (named graph)", ["source", "quads"], list(stats.sources.items()))
    return 0


def cmd_node(args: argparse.Namespace) -> int:
    kg = _graph(args)
    node = _resolve(kg, args.id)
    record = {
        **asdict(node),
        "ids": kg.ids(node),
        "names": [{"name": n, "lang": lang} for n, lang in kg.labels(node)],
        "parents": [asdict(p) for p in (t.object for t in kg.neighbours(node, "subClassOf"))],
    }
    if args.json:
        _print_json(record)
        return 0
    con = _console()
    con.print(f"[bold]{node.label}[/bold]  {node.curie}  ({node.cls})\n{node.iri}")
    con.print("ids: " + ", ".join(record["ids"]))
    con.print("names: " + "; ".join(f"{n['name']}@{n['lang']}" for n in record["names"][:40]))
    con.print("parents: " + "; ".join(f"{p['label']} [{p['curie']}]" for p in record["parents"]))
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    matches = _graph(args).find(args.name, cls=args.cls, limit=args.limit)
    if args.json:
        _print_json([asdict(m) for m in matches])
        return 0
    rows = [(m.node.curie, m.node.label, m.node.cls, m.name, m.match) for m in matches]
    _table(f"Nodes named {args.name!r}", ["id", "label", "class", "matched", "how"], rows)
    return 0 if matches else 1


def cmd_neighbours(args: argparse.Namespace) -> int:
    kg = _graph(args)
    triples = kg.neighbours(
        _resolve(kg, args.id), args.relation, args.direction, args.source, args.attributes
    )
    triples = triples[: args.limit]
    if args.json:
        _print_json([asdict(t) for t in triples])
        return 0
    rows = []
    for t in triples:
        attrs = "; ".join(", ".join(f"{a.key}={a.value}" for a in st) for st in t.attributes)
        rows.append((t.subject, t.relation, t.object, t.source, attrs))
    _table("Edges", ["subject", "relation", "object", "source", "attributes"], rows)
    return 0


def cmd_sparql(args: argparse.Namespace) -> int:
    bindings = {}
    for item in args.bind or []:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"--bind takes NAME=VALUE, not {item!r}", file=sys.stderr)
            return 2
        bindings[name] = value
    rows = _graph(args).sparql(args.query, bindings)
    if args.json:
        _print_json(rows)
        return 0
    cols = sorted({k for r in rows for k in r})
    _table("SPARQL", cols, [[r.get(c, "") for c in cols] for r in rows])
    return 0


def cmd_vocabulary(args: argparse.Namespace) -> int:
    from kgqa.config import vocabulary_file
    from kgqa.graph.vocabulary import to_turtle

    path = vocabulary_file()
    text = to_turtle()
    if args.check:
        ok = path.is_file() and path.read_text(encoding="utf-8") == text
        print(f"{path} is {'up to date' if ok else 'out of date; run kgqa graph vocabulary'}")
        return 0 if ok else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    import networkx as nx

    kg = _graph(args)
    a, b = _resolve(kg, args.source_id), _resolve(kg, args.target_id)
    g = kg.networkx(args.relation).to_undirected(as_view=True)
    try:
        path = nx.shortest_path(g, a.iri, b.iri)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        print("no path", file=sys.stderr)
        return 1
    nodes = [kg.node(iri) for iri in path]
    if args.json:
        _print_json([asdict(n) for n in nodes if n])
    else:
        print(" -> ".join(str(n) for n in nodes))
    return 0


# ----------------------------------------------------------------------------- diagnosis
def cmd_diagnose(args: argparse.Namespace) -> int:
    from kgqa.pipeline import Pipeline

    qa = Pipeline.load(args.home)
    diff = qa.diagnose(args.findings, args.exclude, args.proposed, args.drug, args.k)
    if args.json:
        _print_json(asdict(diff))
        return 0
    con = _console()
    present = ", ".join(f.node.label for f in diff.findings if not f.excluded) or "none"
    absent = ", ".join(f.node.label for f in diff.findings if f.excluded) or "none"
    con.print(f"[bold]Findings[/bold]: {present}\n[bold]Absent[/bold]: {absent}")
    if diff.unlinked:
        con.print(f"[yellow]Not recognised as phenotypes[/yellow]: {'; '.join(diff.unlinked)}")
    if not diff.ranked:
        con.print("No phenotype findings to rank diseases with: no differential.")
    for r in diff.ranked:
        con.print(f"\n[bold]{r.rank}. {r.node.label}[/bold] [{r.node.curie}]  "
                  f"score {r.score:.2f}  posterior {r.posterior:.2f}")  # fmt: skip
        for c in r.contributions:
            via = " -> ".join(n.label for n in c.path) if c.path else ""
            sign = "+" if c.log_lr >= 0 else ""
            neg = "absent " if c.finding.excluded else ""
            con.print(f"   {sign}{c.log_lr:.2f}  {neg}{c.finding.node.label}: {c.kind}"
                      + (f" ({via})" if via else ""))  # fmt: skip
        if r.missing_frequent:
            con.print("   frequent but not reported: "
                      + ", ".join(f"{n.label} ({f:.0%})"
                                  for n, f in r.missing_frequent[:5]))  # fmt: skip
    if diff.suggestions:
        con.print("\n[bold]Worth checking next[/bold]: " + "; ".join(
            f"{s.node.label} ({s.information_gain:.2f} bits)"
            for s in diff.suggestions))  # fmt: skip
    if diff.proposed:
        p = diff.proposed
        con.print(f"\n[bold]Proposed[/bold] {p.disease.label} [{p.disease.curie}]: "
                  f"[bold]{p.verdict}[/bold] ({p.reason})")  # fmt: skip
    for dc in diff.drugs:
        via = f" via {dc.via.label} [{dc.via.curie}]" if dc.via else ""
        rel = "no relation in the graph" if dc.relation == "none" else dc.relation
        src = f" (source: {dc.evidence[0].source})" if dc.evidence else ""
        con.print(f"[bold]Drug[/bold] {dc.drug.label} for {dc.disease.label}: {rel}{via}{src}")
    return 0


def cmd_eval_diagnosis(args: argparse.Namespace) -> int:
    from kgqa.evaluation.diagnosis import evaluate
    from kgqa.pipeline import Pipeline

    qa = Pipeline.load(args.home)
    report, results = evaluate(
        qa.diagnoser, Path(args.phenopackets), args.leave_publication_out, args.limit
    )
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps(asdict(r)) + "\n")
    if args.json:
        _print_json(report.to_dict())
        return 0
    setting = "leave-publication-out" if report.leave_publication_out else "all annotations"
    rows = [(k, v) for k, v in report.to_dict().items() if k != "not_scored"]
    rows += [(f"not scored: {k}", v) for k, v in report.not_scored.items()]
    _table(f"Diagnosis ranking ({setting})", ["metric", "value"], rows)
    return 0


# ----------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kgqa", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    p.add_argument("-q", "--quiet", action="store_true", help="warnings only, no progress bars")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build artifacts from the raw data")
    b.add_argument("target", nargs="?", default="all", choices=["all", *BUILD_TARGETS])
    b.add_argument("--data-dir", help="raw data directory (default $KGQA_DATA or ../shared/data)")
    b.add_argument("--graph-dir", help="where to write the graph (default $KGQA_HOME/graph)")
    b.add_argument("--diagnosis-dir", help="where to write the diagnosis index")
    b.add_argument("--force", action="store_true", help="rebuild even when inputs are unchanged")
    b.set_defaults(func=cmd_build)

    d = sub.add_parser("diagnose", help="rank diseases from findings and check a diagnosis")
    d.add_argument("findings", help='free text or a list, e.g. "short stature, hypertelorism"')
    d.add_argument("--exclude", action="append", default=[], help="an absent finding (repeatable)")
    d.add_argument("--proposed", help="a proposed diagnosis to check")
    d.add_argument("--drug", action="append", default=[], help="a drug to check (repeatable)")
    d.add_argument("-k", type=int, default=10, help="diseases to show")
    d.add_argument("--home", help="artifacts directory (default $KGQA_HOME)")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_diagnose)

    e = sub.add_parser("eval", help="evaluate")
    es = e.add_subparsers(dest="eval_command", required=True)
    ed = es.add_parser("diagnosis", help="rank phenopacket cases' diagnoses")
    ed.add_argument("--phenopackets", required=True, help="a directory or .tgz of phenopackets")
    ed.add_argument("--leave-publication-out", action="store_true",
                    help="ignore annotations supported only by the case's publication")  # fmt: skip
    ed.add_argument("--limit", type=int, help="only the first N cases (sorted by path)")
    ed.add_argument("--out", help="write one JSON line per case here")
    ed.add_argument("--home", help="artifacts directory (default $KGQA_HOME)")
    ed.add_argument("--json", action="store_true")
    ed.set_defaults(func=cmd_eval_diagnosis)

    g = sub.add_parser("graph", help="query the knowledge graph")
    g.add_argument("--graph-dir", help="graph artifact directory (default $KGQA_HOME/graph)")
    gs = g.add_subparsers(dest="graph_command", required=True)

    def add(name: str, func: Any, help: str) -> argparse.ArgumentParser:
        sp = gs.add_parser(name, help=help)
        sp.add_argument("--json", action="store_true", help="print JSON")
        sp.set_defaults(func=func)
        return sp

    add("stats", cmd_stats, "node, edge and source counts")
    n = add("node", cmd_node, "show a node by id (any id) or name")
    n.add_argument("id")
    f = add("find", cmd_find, "find nodes by name or id")
    f.add_argument("name")
    f.add_argument(
        "--class", dest="cls", help="restrict to a class (Disease, Phenotype, Drug, ...)"
    )
    f.add_argument("--limit", type=int, default=10)
    nb = add("neighbours", cmd_neighbours, "edges of a node")
    nb.add_argument("id")
    nb.add_argument("--relation", help="a vocabulary relation or subClassOf")
    nb.add_argument("--direction", choices=["out", "in", "both"], default="out")
    nb.add_argument("--source", action="append", help="only this source (repeatable)")
    nb.add_argument("--attributes", action="store_true", help="show annotation attributes")
    nb.add_argument("--limit", type=int, default=50)
    sq = add("sparql", cmd_sparql, "run a SELECT query with bound values")
    sq.add_argument("query")
    sq.add_argument("--bind", action="append", metavar="NAME=VALUE", help="bind ?NAME (repeatable)")
    pa = add("path", cmd_path, "shortest path between two nodes (networkx)")
    pa.add_argument("source_id")
    pa.add_argument("target_id")
    pa.add_argument("--relation", action="append", help="relations to walk (default all)")
    v = gs.add_parser("vocabulary", help="write graph_data/vocabulary.ttl from the code")
    v.add_argument("--check", action="store_true", help="only check that the file is current")
    v.set_defaults(func=cmd_vocabulary)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except KgqaError as exc:
        print(f"kgqa: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
