"""The ``kgqa`` command line: a thin layer that parses arguments, calls the library and prints
(readable tables by default, ``--json`` for machines)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tarfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, NoReturn

from kgqa.errors import InputError, KgqaError
from kgqa.linking.linker import MODES as LINK_MODES

logger = logging.getLogger("kgqa")


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, indent=2, ensure_ascii=False, default=str))


def _print_reply(record: Any, kg: Any) -> None:
    """An answer, verdict or differential with its evidence graph: the service's JSON."""
    from kgqa.evidence import reply, to_json

    _print_json(to_json(reply(record, kg)))


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
    from kgqa.build import TARGETS, build

    steps = build(
        list(TARGETS) if args.target == "all" else [args.target],
        home=args.home, data=args.data_dir, force=args.force,
        exclude_licences=args.exclude_licence or (), passage_limit=args.limit,
    )  # fmt: skip
    if args.json:
        _print_json([asdict(s) for s in steps])
    else:
        rows = [(s.target, "built" if s.built else "up to date", s.seconds, s.path) for s in steps]
        _table("kgqa build", ["target", "state", "seconds", "path"], rows)
    return 0


# ----------------------------------------------------------------------------- graph
def cmd_verify_graph(args: argparse.Namespace) -> int:
    kg = _graph(args)
    n = kg.verify()
    report = {"graph": str(kg.directory), "store_files_checked": n, "ok": True}
    if args.json:
        _print_json(report)
    else:
        print(f"{kg.directory}: every file matches its manifest ({n} store files hashed)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    kg = _graph(args)
    written = kg.export(args.out, args.format)
    size = sum(p.stat().st_size for p in written)
    if args.json:
        _print_json({"format": args.format, "files": [str(p) for p in written], "bytes": size})
    else:
        print(f"wrote {len(written)} file(s), {size / 1e6:.1f} MB, to {args.out}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from kgqa.evidence import REPLIES, json_schema

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for cls in REPLIES:
        text = json.dumps(json_schema(cls), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        (out / f"{cls.__name__}.schema.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(REPLIES)} JSON Schema files to {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    try:
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise InputError("kgqa serve needs the serve extra: pip install 'kgqa[serve]'") from exc
    if args.home:
        os.environ["KGQA_HOME"] = str(Path(args.home).expanduser().resolve())
    # workers share the cores: each one's model threads get its share
    share = max(1, (os.cpu_count() or 1) // args.workers)
    os.environ.setdefault("KGQA_TORCH_THREADS", str(share))
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        logger.warning(
            "serving on %s: reachable from other machines%s",
            args.host,
            "" if os.environ.get("KGQA_API_KEY") else ", and no KGQA_API_KEY is set",
        )
    logger.info("kgqa serve on http://%s:%d (workers %d)", args.host, args.port, args.workers)
    from kgqa.serve.app import serve

    serve(args.host, args.port, args.workers)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    stats = _graph(args).stats()
    if args.json:
        _print_json(asdict(stats))
        return 0
    _table("Nodes per class", ["class", "nodes"], list(stats.classes.items()))
    _table("Edges per relation", ["relation", "edges"], list(stats.relations.items()))
    _table("Quads per source (named graph)", ["source", "quads"], list(stats.sources.items()))
    _table("Edges per licence", ["licence", "edges"], list(stats.edges_by_licence.items()))
    _table("Coverage", ["figure", "count"], list(stats.coverage.items()))
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
        _print_reply(diff, qa.kg)
        return 0
    from kgqa.text import has_cjk

    con = _console()
    label = _namer(qa.kg, has_cjk(" ".join([args.findings, *(args.exclude or []),
                                            args.proposed or "", *(args.drug or [])])))  # fmt: skip
    present = ", ".join(label(f.node) for f in diff.findings if not f.excluded) or "none"
    absent = ", ".join(label(f.node) for f in diff.findings if f.excluded) or "none"
    con.print(f"[bold]Findings[/bold]: {present}\n[bold]Absent[/bold]: {absent}")
    if diff.unlinked:
        con.print(f"[yellow]Not recognised as phenotypes[/yellow]: {'; '.join(diff.unlinked)}")
    if not diff.ranked:
        con.print("No phenotype findings to rank diseases with: no differential.")
    for r in diff.ranked:
        also = "".join(f", {n.curie}" for n in r.also)
        con.print(f"\n[bold]{r.rank}. {label(r.node)}[/bold] [{r.node.curie}{also}]  "
                  f"P {r.posterior:.2f}  (log LR {r.score:.2f})")  # fmt: skip
        for c in r.contributions:
            via = " -> ".join(label(n) for n in c.path) if c.path else ""
            sign = "+" if c.log_lr >= 0 else ""
            neg = "absent " if c.finding.excluded else ""
            con.print(f"   {sign}{c.log_lr:.2f}  {neg}{label(c.finding.node)}: {c.kind}"
                      + (f" ({via})" if via else ""))  # fmt: skip
        if r.missing_frequent:
            con.print("   frequent but not reported: "
                      + ", ".join(f"{label(n)} ({f:.0%})"
                                  for n, f in r.missing_frequent[:5]))  # fmt: skip
    if diff.suggestions:
        con.print("\n[bold]Worth checking next[/bold]:")
        for s in diff.suggestions:
            sep = []
            if s.present_in:
                sep.append("usual in " + ", ".join(label(n) for n in s.present_in[:3]))
            if s.absent_in:
                sep.append("not in " + ", ".join(label(n) for n in s.absent_in[:3]))
            con.print(f"  {label(s.node)} [{s.node.curie}] ({s.information_gain:.2f} bits): "
                      + "; ".join(sep))  # fmt: skip
    if diff.proposed:
        p = diff.proposed
        con.print(f"\n[bold]Proposed[/bold] {label(p.disease)} [{p.disease.curie}]: "
                  f"[bold]{p.verdict}[/bold] ({p.reason})")  # fmt: skip
    for dc in diff.drugs:
        via = f" via {label(dc.via)} [{dc.via.curie}]" if dc.via else ""
        rel = "no relation in the graph" if dc.relation == "none" else dc.relation
        src = f" (source: {dc.evidence[0].source})" if dc.evidence else ""
        con.print(f"[bold]Drug[/bold] {label(dc.drug)} for {label(dc.disease)}: {rel}{via}{src}")
    return 0


def cmd_eval_diagnosis(args: argparse.Namespace) -> int:
    from kgqa.evaluation.diagnosis import evaluate
    from kgqa.pipeline import Pipeline

    qa = Pipeline.load(args.home)
    methods = [m.strip() for arg in args.method or () for m in arg.split(",") if m.strip()]
    report, results = evaluate(
        qa.diagnoser, Path(args.phenopackets), args.leave_publication_out, args.limit,
        as_text=args.as_text, methods=methods, folds=args.folds,
    )  # fmt: skip
    _require_cases(report.n_scored, "scorable phenopackets", args.phenopackets)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps(asdict(r)) + "\n")
    if args.json:
        _print_json(report.to_dict())
        return 0
    setting = "leave-publication-out" if report.leave_publication_out else "all annotations"
    rows = [(m, f.top1, f.top3, f.top10, f.mrr, f.n_scored,
             "cohort CV" if f.cross_validated else "")
            for m, f in report.by_method.items()]  # fmt: skip
    _table(f"Diagnosis ranking ({setting}, {report.n_cases} cases)",
           ["method", "top-1", "top-3", "top-10", "MRR", "scored", ""], rows)  # fmt: skip
    other = [
        ("latency p50 ms (all methods)", report.latency_p50_ms),
        ("latency p95 ms", report.latency_p95_ms),
        ("unknown terms", report.unknown_terms),
    ]
    other += [(f"not scored: {k}", v) for k, v in report.not_scored.items()]  # fmt: skip
    _table("Cases", ["", "value"], other)
    if "learned" in report.by_method and not args.folds:
        _console().print("[dim]learned: the shipped weights were fitted on phenopacket-store's "
                         "cohorts; add --folds 5 for cohort-held-out figures[/dim]")  # fmt: skip
    return 0


def cmd_eval_vignettes(args: argparse.Namespace) -> int:
    """``kgqa eval vignettes | findings | findings-zh``: the hand-written diagnosis sets."""
    from kgqa.config import graph_data_dir
    from kgqa.evaluation import vignettes as v
    from kgqa.pipeline import Pipeline

    name = args.eval_command
    path = (
        Path(args.file) if args.file else graph_data_dir() / f"{name.replace('-', '_')}_dev.jsonl"
    )
    dx = Pipeline.load(args.home).diagnoser
    report: Any
    if name == "vignettes":
        report = v.evaluate_vignettes(dx, path, suggest=args.suggest)
        count, rows = report.n, [
            (r.id, r.diagnosis, r.rank or "-", r.rank_lr or "-", r.hit or "-",
             "; ".join(r.suggestions)) for r in report.results]  # fmt: skip
        head = ["id", "diagnosis", "rank", "LR rank", "expected finding suggested",
                f"top {report.suggestions_shown} suggestions"]  # fmt: skip
    elif name == "findings":
        report = v.evaluate_findings(dx, path)
        count, rows = report.n, [
            (r.text, ("" if r.present else "absent ") + r.expected, r.outcome,
             "; ".join(r.linked) or "-")
            for r in report.results if r.outcome != "correct"]  # fmt: skip
        head = ["text", "expected", "outcome", "linked (not correct only)"]
    else:
        report = v.evaluate_findings_lists(dx, path)
        count, rows = report.n_lists, [
            (r.id, r.language, r.text, "; ".join(r.missed) or "-", "; ".join(r.extra) or "-")
            for r in report.results if r.missed or r.extra or r.wrong_polarity]  # fmt: skip
        head = ["id", "lang", "text (not read in full only)", "missed", "extra"]
    _require_cases(count, name, str(path))
    summary = {k: val for k, val in report.to_dict().items() if k != "results"}
    if args.json:
        _print_json(report.to_dict())
        return 0
    _table(f"{name} ({path.name})", head, rows)
    flat = []
    for k, val in summary.items():  # by_language: one row per language and figure
        parts = val.items() if isinstance(val, dict) else [("", val)]
        for sub, x in parts:
            inner = x.items() if isinstance(x, dict) else [("", x)]
            flat += [(" ".join(p for p in (k, sub, leaf) if p), y) for leaf, y in inner]
    _table("Summary", ["", "value"], flat)
    return 0


def cmd_train_ranker(args: argparse.Namespace) -> int:
    from kgqa.config import data_dir
    from kgqa.datasets.phenopackets import read_phenopackets
    from kgqa.diagnosis.ranker import default_directory
    from kgqa.evaluation.diagnosis import prepare_case
    from kgqa.pipeline import Pipeline
    from kgqa.training.ranker import train_ranker

    path = Path(args.phenopackets) if args.phenopackets else (
        data_dir(args.data_dir) / "phenopackets" / "cases.tgz")  # fmt: skip
    dx = Pipeline.load(args.home).diagnoser
    cases = []
    for case in read_phenopackets(path):
        ready = prepare_case(dx, case)
        if not isinstance(ready, str):
            cases.append((case, *ready))
    out = Path(args.out) if args.out else default_directory()
    command = f"kgqa train ranker --seed {args.seed} --folds {args.folds}"
    manifest = train_ranker(dx, cases, out, seed=args.seed, folds=args.folds, command=command)
    _print_json({"out": str(out), **manifest.info})
    return 0


# ----------------------------------------------------------------------------- linking
def _mention_json(m: Any) -> dict[str, Any]:
    return {
        "start": m.start, "end": m.end, "text": m.text, "type": m.type, "negated": m.negated,
        "score": m.score, "node": m.node.curie if m.node else None,
        "candidates": [
            {"id": c.node.curie, "label": c.node.label, "class": c.node.cls, "score": c.score,
             "match": c.match, "name": c.name}
            for c in m.candidates
        ],
    }  # fmt: skip


def cmd_link(args: argparse.Namespace) -> int:
    from kgqa.linking import EntityLinker

    linker = EntityLinker.load(args.home, mode=args.mode)
    mentions = linker.link(args.text)
    if args.json:
        _print_json({"text": args.text, "mentions": [_mention_json(m) for m in mentions]})
        return 0
    rows = []
    for m in mentions:
        top = m.candidates[0] if m.candidates else None
        rows.append([
            m.text, m.type, "yes" if m.negated else "",
            "NIL" if m.linked is None else f"{m.linked.label} [{m.linked.curie}]",
            f"{top.score:.2f} {top.match}" if top else "",
            "; ".join(f"{c.node.curie} {c.score:.2f}" for c in m.candidates[1:4]),
        ])  # fmt: skip
    _table(f"{len(mentions)} mentions", ["mention", "type", "negated", "node", "score",
                                          "other candidates"], rows)  # fmt: skip
    return 0


def cmd_train_ner(args: argparse.Namespace) -> int:
    from kgqa.config import Home, data_dir
    from kgqa.encoder import set_threads
    from kgqa.graph import KnowledgeGraph
    from kgqa.linking.ner import default_dir
    from kgqa.training.ner import train_ner

    set_threads(args.threads)
    kg = KnowledgeGraph.load(args.graph_dir or Home.resolve().graph)
    out = Path(args.out) if args.out else default_dir()
    manifest = train_ner(data_dir(args.data_dir), kg, out, seed=args.seed, epochs=args.epochs)
    _print_json({"out": str(out), "best_epoch": manifest.info["best_epoch"],
                 "dev": manifest.info["metrics"]["dev"]})  # fmt: skip
    return 0


def cmd_eval_linking(args: argparse.Namespace) -> int:
    from kgqa.datasets.pubtator import read_pubtator
    from kgqa.evaluation.linking import evaluate_pubtator
    from kgqa.linking import EntityLinker

    linker = EntityLinker.load(args.home, mode=args.mode)
    docs = read_pubtator(args.pubtator)
    if args.limit:
        docs = docs[: args.limit]
    _require_cases(len(docs), "documents", args.pubtator)
    report = evaluate_pubtator(linker, docs)
    if args.json:
        _print_json(report)
        return 0
    rows = [[t, v["precision"], v["recall"], v["f1"], v["support"]]
            for t, v in report["ner"].items()]  # fmt: skip
    _table(f"mentions ({args.mode}, {len(docs)} documents, strict)",
           ["type", "precision", "recall", "F1", "gold"], rows)  # fmt: skip
    _table("linking (gold spans)", ["metric", "value"], list(report["linking"].items()))
    _table("end to end (span and node)", ["metric", "value"], list(report["end_to_end"].items()))
    return 0


def cmd_eval_focus(args: argparse.Namespace) -> int:
    from kgqa.config import data_dir
    from kgqa.evaluation.focus import evaluate_focus
    from kgqa.linking import EntityLinker

    linker = EntityLinker.load(args.home, mode=args.mode)
    report = evaluate_focus(linker, data_dir(args.data_dir), split=args.split, limit=args.limit)
    if args.json:
        _print_json(report)
    else:
        _table(f"MedQuAD focus linking ({args.split} split)", ["metric", "value"],
               list(report.items()))  # fmt: skip
    return 0


def cmd_eval_consumer(args: argparse.Namespace) -> int:
    from kgqa.config import data_dir, graph_data_dir
    from kgqa.datasets.consumer import MEQSUM_FILE, meqsum_split, read_consumer_questions
    from kgqa.evaluation.consumer import evaluate_consumer, read_labels
    from kgqa.pipeline import Pipeline

    path = Path(args.file) if args.file else data_dir(args.data_dir) / MEQSUM_FILE
    every = list(read_consumer_questions(path))
    items = every[: args.limit]
    _require_cases(len(items), "messages", path)
    committed = graph_data_dir() / "meqsum_labels.tsv"
    labels_path = Path(args.labels) if args.labels else committed
    labels = read_labels(labels_path) if labels_path.is_file() else None
    # MeQSum's own held-out half, split as `kgqa train message` split it (the whole file, the
    # committed labels): the message models were fitted on the rest. Another file's messages
    # are all unseen
    held_out = None
    if not args.file and committed.is_file():
        held_out = {q.qid for q in meqsum_split(every, set(read_labels(committed)))[1]}
    report = evaluate_consumer(Pipeline.load(args.home).qa, items, labels, held_out)
    if args.json:
        _print_json(report)
        return 0
    for key in ("agreement_held_out", "agreement_held_out_rules_alone", "agreement_trained_on",
                "agreement_with_summary", "agreement_reading_whole_message",
                "labelled_summaries", "labelled_messages"):  # fmt: skip
        if key in report:
            _table(key.replace("_", " "), ["metric", "value"], list(report[key].items()))  # type: ignore[union-attr]
    if "held_out_messages" in report:
        print(f"held out: {report['held_out_messages']} of {report['messages']} messages (the "
              "message models were fitted on the rest: `kgqa train message`)")  # fmt: skip
    return 0


def cmd_eval_roundtrip(args: argparse.Namespace) -> int:
    from kgqa.evaluation.roundtrip import evaluate_roundtrip, evaluate_typos, name_cases, typo_cases
    from kgqa.linking import EntityLinker

    linker = EntityLinker.load(args.home, mode=args.mode)
    if args.typos:
        cases = typo_cases(linker.kg, args.per_class, args.seed, by_ear=args.by_ear,
                           apart=args.apart)  # fmt: skip
        typos = evaluate_typos(linker, linker.kg, cases)
        if args.json:
            _print_json(typos)
            return 0
        rows = [[cls, r["names"], r["same"], r["broader"], r["none"], r["wrong"]]  # type: ignore[index]
                for cls, r in typos.items() if cls in ("Disease", "Chemical")]  # fmt: skip
        head = ["class", "names", "same node", "broader", "nothing", "another node"]
        how = "written apart" if args.apart else "written by ear" if args.by_ear else "misspelt"
        _table(f"{how} names ({args.mode}), each read beside its right spelling", head, rows)
        _table(
            "by slip",
            ["slip", "names", "same node"],
            [[k, v["names"], v["same"]] for k, v in typos["by_slip"].items()],
        )  # type: ignore[union-attr]
        return 0
    cases = name_cases(linker.kg, args.per_class, args.seed)
    report = evaluate_roundtrip(linker, linker.kg, cases)
    if args.json:
        _print_json(report)
        return 0
    rows = [[cls, r["names"], r["acc_at_1"], r["acc_any_named"],  # type: ignore[index]
             ", ".join(f"{k} {v}" for k, v in r["failures"].items())]  # type: ignore[index]
            for cls, r in report.items() if cls != "examples"]  # fmt: skip
    _table(f"name round-trip ({args.mode})", ["class", "names", "acc@1", "acc any named",
                                              "failures"], rows)  # fmt: skip
    return 0


# ----------------------------------------------------------------------------- retrieval
def _retriever(home: str | None) -> Any:
    from kgqa.config import Home
    from kgqa.graph import KnowledgeGraph
    from kgqa.retrieval.index import PassageRetriever

    where = Home.resolve(home)
    return PassageRetriever.load(where.passages, KnowledgeGraph.load(where.graph))


def _passage_json(p: Any) -> dict[str, Any]:
    return asdict(p)


def cmd_retrieve(args: argparse.Namespace) -> int:
    retriever = _retriever(args.home)
    passages = retriever.retrieve(args.query, k=args.k, about=args.about or None,
                                  method=args.method)  # fmt: skip
    if args.json:
        _print_json({"query": args.query, "passages": [_passage_json(p) for p in passages]})
        return 0
    rows = [
        [
            f"{p.score:.4f}",
            p.source,
            p.source_id,
            p.title[:40],
            (p.text[:140] + "…") if len(p.text) > 140 else p.text,
        ]
        for p in passages
    ]
    _table(f"{len(passages)} passages ({args.method})",
           ["score", "source", "id", "title", "text"], rows)  # fmt: skip
    return 0


def cmd_eval_retrieval(args: argparse.Namespace) -> int:
    from kgqa.evaluation.retrieval import evaluate_retrieval

    report = evaluate_retrieval(_retriever(args.home), split=args.split, limit=args.limit)
    if args.json:
        _print_json(report)
        return 0
    rows = [[m, v["recall_at_1"], v["recall_at_5"], v["recall_at_20"], v["mrr"], v["queries"]]
            for m, v in report.items()]  # fmt: skip
    _table(f"MedQuAD retrieval ({args.split} split)",
           ["method", "R@1", "R@5", "R@20", "MRR", "questions"], rows)  # fmt: skip
    return 0


# ----------------------------------------------------------------------------- answering
def _named(kg: Any, node: Any) -> str:
    """A node's Chinese label with its English one beside it ("别嘌醇 (Allopurinol)"), or the
    English label alone when the graph has no Chinese one."""
    zh = kg.chinese_label(node)
    return f"{zh} ({node.label})" if zh else node.label


def _namer(kg: Any, chinese: bool) -> Any:
    """How nodes are named in output: with their Chinese label first for Chinese input."""
    return (lambda node: _named(kg, node)) if chinese else (lambda node: node.label)


def _reading_line(r: Any, name: Any = None) -> str:
    """How ``ask`` read the question, in one line (``name``: how to name the topic)."""
    name = name or (lambda node: node.label)
    parts = [f"{r.intent} ({r.intent_score:.2f})"]
    if r.topic is not None:
        neg = ", from a negated mention" if r.topic_negated else ""
        together = "".join(f" and {name(n)} [{n.curie}]" for n in r.also)
        parts.append(f"about {name(r.topic)} [{r.topic.curie}]{together} "
                     f"(linked {r.topic_score:.2f}{neg})")  # fmt: skip
    if r.relation:
        parts.append(f"relation {r.relation}" + (" (answer as subject)" if r.reversed else ""))
    if r.polarity != "positive":
        parts.append(f"polarity {r.polarity}")
    return "reads as: " + "; ".join(parts)


def _via_words(relation: str | None, via: object) -> str:
    """How an answer reached through another node reads: "subtype X", or, for a gene of a
    disease that shows the finding asked about, "X, a disease that shows it"."""
    from kgqa.answering.candidates import SHOWN_BY

    if relation == SHOWN_BY:
        return f"{via}, a disease that shows it"
    return f"{relation} {via}" if relation else str(via)


def _print_evidence(ev: Any, indent: str = "    ", name: Any = None) -> None:
    def triple(t: Any, sources: str | None = None) -> str:
        shown = name or (lambda n: n.label)
        return (f"{shown(t.subject)} [{t.subject.curie}] --{t.relation}--> {shown(t.object)} "
                f"[{t.object.curie}] ({sources or t.source})")  # fmt: skip

    for t in ev.path:
        print(f"{indent}path: {triple(t)}")
    for t, sources in _facts(ev.triples)[:3]:
        print(f"{indent}graph: {triple(t, ', '.join(sources))}")
    for p in ev.passages[:2]:
        text = p.text if len(p.text) < 200 else p.text[:200] + "…"
        print(f"{indent}passage [{p.source} {p.source_id}]: {text}")


def _facts(triples: Any) -> list[tuple[Any, list[str]]]:
    """Each fact the triples state once, in their order, with every source that states it: an
    answer of two topics ("a gene of both breast and ovarian cancer") shows both facts, not
    one fact three times over."""
    facts: dict[tuple[str, str, str], tuple[Any, list[str]]] = {}
    for t in triples:
        fact = facts.setdefault((t.subject.iri, t.relation, t.object.iri), (t, []))
        if t.source not in fact[1]:
            fact[1].append(t.source)
    return list(facts.values())


def cmd_ask(args: argparse.Namespace) -> int:
    from kgqa.pipeline import Pipeline

    pipeline = Pipeline.load(args.home)
    result = pipeline.ask(args.question, options=args.option or None, k=args.k)
    if args.json:
        _print_reply(result, pipeline.kg)
        return 0
    from kgqa.text import has_cjk

    chinese = has_cjk(result.question)
    name = _namer(pipeline.kg, chinese)
    print(f"question: {result.question}")
    if result.reading is not None:
        print(_reading_line(result.reading, name))
    else:
        print(f"asks: {result.intent} ({result.intent_score:.2f})")
    if result.verdict is not None:
        v = result.verdict
        print(f"verdict: {v.verdict} ({v.score:.2f}) {v.reason}")
        _print_evidence(v.evidence, name=name if chinese else None)
    elif result.no_answer:
        print(f"no answer: {result.reason}")
    elif result.reason and not result.options:
        print(f"note: {result.reason}")
    if result.options:
        best = result.answers[0] if result.answers else None
        print(f"answer: {name(best.node)} [{best.node.curie}], {best.verdict}" if best
              else "answer: none of the options is in the graph")  # fmt: skip
        if best is not None and result.reason:
            print(f"note: {result.reason}")
    listed = result.options or result.answers
    for i, a in enumerate(listed, 1):
        via = f" (via {_via_words(a.via_relation, a.via)})" if a.via else ""
        support = f", support {a.support:.2f}" if a.support is not None else ""
        mark = f" [{a.verdict}]" if result.options else ""
        print(f"{i:>2}. {name(a.node)} [{a.node.curie}]  p {a.score:.2f}{support}{mark}{via}")
        _print_evidence(a.evidence, name=name if chinese else None)
    if result.no_answer and result.passages:
        print("passages:")
        for p in result.passages[:3]:
            print(f"  [{p.source} {p.source_id}] {p.text[:200]}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from kgqa.pipeline import Pipeline

    pipeline = Pipeline.load(args.home)
    v = pipeline.verify(args.claim)
    if args.json:
        _print_reply(v, pipeline.kg)
        return 0
    from kgqa.text import has_cjk

    name = _namer(pipeline.kg, has_cjk(v.claim))
    rel = "not parsed" + (" (negated)" if v.negated else "")
    if v.relation and v.subject and v.object:
        rel = (f"{'NOT ' if v.negated else ''}{name(v.subject)} [{v.subject.curie}] "
               f"--{v.relation}--> {name(v.object)} [{v.object.curie}]")  # fmt: skip
    print(f"claim: {v.claim}\nreads as: {rel}")
    print(f"verdict: {v.verdict} ({v.score:.2f}) {v.reason}")
    _print_evidence(v.evidence, "  ", name=name if has_cjk(v.claim) else None)
    return 0


def cmd_train_options(args: argparse.Namespace) -> int:
    from kgqa.answering.verification import ClaimVerifier
    from kgqa.classifier import SequenceClassifier
    from kgqa.config import models_dir
    from kgqa.encoder import set_threads
    from kgqa.errors import ArtifactError
    from kgqa.pipeline import Pipeline
    from kgqa.training.options import train_options

    set_threads(args.threads)
    pipeline = Pipeline.load(args.home)
    verifier = SequenceClassifier.load(models_dir() / "verifier", "verifier",
                                       "kgqa train verifier")  # fmt: skip
    try:
        retriever = pipeline.retriever
    except ArtifactError as exc:
        logging.getLogger("kgqa").warning("no passage index (%s): options read without passages",
                                          exc)  # fmt: skip
        retriever = None
    statements = ClaimVerifier(pipeline.kg, None, verifier, retriever).statements  # type: ignore[arg-type]
    out = Path(args.out) if args.out else models_dir() / "options"
    manifest = train_options(pipeline.kg, verifier, retriever, statements, out, seed=args.seed,
                             per_intent=args.per_intent)  # fmt: skip
    _print_json({"out": str(out), **manifest.info})
    return 0


def cmd_train_calibration(args: argparse.Namespace) -> int:
    from kgqa.config import Home, models_dir
    from kgqa.pipeline import Pipeline
    from kgqa.training.calibration import train_calibration

    devsets = Path(args.devsets) if args.devsets else Home.resolve(args.home).devsets
    out = Path(args.out) if args.out else models_dir() / "calibration"
    manifest = train_calibration(Pipeline.load(args.home).qa, devsets, out, seed=args.seed)
    _print_json({"out": str(out), **manifest.info})
    return 0


def cmd_train_message(args: argparse.Namespace) -> int:
    from kgqa.config import data_dir, graph_data_dir, models_dir
    from kgqa.datasets.consumer import MEQSUM_FILE, read_consumer_questions
    from kgqa.evaluation.consumer import read_labels
    from kgqa.pipeline import Pipeline
    from kgqa.training.message import train_message_models

    source = data_dir(args.data_dir) / MEQSUM_FILE
    items = list(read_consumer_questions(source))
    _require_cases(len(items), "messages", source)
    labels_file = graph_data_dir() / "meqsum_labels.tsv"
    out = Path(args.out) if args.out else models_dir()
    labelled = set(read_labels(labels_file))
    qa = Pipeline.load(args.home).qa
    intent, topic = train_message_models(qa, items, labelled, source, labels_file, out)
    _print_json({"out": str(out), "message": intent.info, "message_topic": topic.info})
    return 0


def cmd_train_model(args: argparse.Namespace) -> int:
    from kgqa.config import Home, data_dir, models_dir
    from kgqa.encoder import set_threads
    from kgqa.graph import KnowledgeGraph

    set_threads(args.threads)
    kg = KnowledgeGraph.load(args.graph_dir or Home.resolve().graph)
    out = Path(args.out) if args.out else models_dir() / args.train_command
    if args.train_command == "intent":
        from kgqa.training.intent import train_intent

        manifest = train_intent(data_dir(args.data_dir), kg, out, seed=args.seed,
                                epochs=args.epochs or 3)  # fmt: skip
    else:
        from kgqa.training.verifier import train_verifier

        manifest = train_verifier(
            data_dir(args.data_dir),
            kg,
            out,
            seed=args.seed,
            epochs=args.epochs or 2,
            passages_db=Home.resolve().passages / "passages.sqlite",
        )
    _print_json({"out": str(out), "best_epoch": manifest.info["best_epoch"],
                 "metrics": manifest.info.get("metrics"),
                 "history": manifest.info.get("history")})  # fmt: skip
    return 0


def cmd_eval_qa(args: argparse.Namespace) -> int:
    from kgqa.evaluation.qa import evaluate_claims, evaluate_qa, read_claims, read_qa
    from kgqa.pipeline import Pipeline

    pipeline = Pipeline.load(args.home, eager=True)
    out = Path(args.out) if args.out else None
    if args.eval_command == "qa":
        items = read_qa(Path(args.file), field=args.field)[: args.limit]
        _require_cases(len(items), "questions", args.file)
        report = evaluate_qa(pipeline, items, k=args.k, out=out)
    else:
        claims = read_claims(Path(args.file), field=args.field)[: args.limit]
        _require_cases(len(claims), "claims", args.file)
        report = evaluate_claims(pipeline, claims, out=out)
    if args.json:
        _print_json(report)
    else:
        rows = [[k, v] for k, v in report.items() if not isinstance(v, list)]
        _table(f"{args.eval_command}: {args.file}", ["metric", "value"], rows)
    return 0


# ----------------------------------------------------------------------------- parser
def _home_and_json(parser: argparse.ArgumentParser) -> None:
    """The two options every command that reads artifacts takes."""
    parser.add_argument("--home", help="artifacts directory (default $KGQA_HOME)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _require_cases(n: int, what: str, where: object) -> None:
    """An evaluation with nothing to score is an error, not a report of zeros."""
    if n == 0:
        raise InputError(f"no usable {what} in {where}; nothing to evaluate")


class _Parser(argparse.ArgumentParser):
    """Bad arguments: one ``kgqa: error: ...`` line and exit status 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"kgqa: error: {message} (see `{self.prog} --help`)\n")


def _at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum`` (counts 1, seeds 0)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value

    return parse


_positive, _natural = _at_least(1), _at_least(0)


def _out_path(text: str) -> str:
    """An output path, checked before any work: its folder must exist and be writable."""
    import os

    parent = Path(text).expanduser().resolve().parent
    if not parent.is_dir():
        raise argparse.ArgumentTypeError(f"no folder {parent} to write {text} into")
    if not os.access(parent, os.W_OK):
        raise argparse.ArgumentTypeError(f"cannot write into {parent}")
    return text


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kgqa", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    p.add_argument("-q", "--quiet", action="store_true", help="warnings only, no progress bars")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build artifacts from the raw data")
    b.add_argument("target", nargs="?", default="all",
                   choices=["all", "graph", "diagnosis", "linking", "passages"])  # fmt: skip
    b.add_argument("--data-dir", help="raw data directory (default $KGQA_DATA or ../shared/data)")
    _home_and_json(b)
    b.add_argument("--force", action="store_true", help="rebuild even when inputs are unchanged")
    b.add_argument("--exclude-licence", action="append", choices=["NC", "SA", "ND"],
                   help="leave out sources and records under such a licence (NC: "
                        "non-commercial, e.g. SIDER); repeatable")  # fmt: skip
    b.add_argument("--limit", type=_positive, help="passages: only the first N (for quick checks)")
    b.set_defaults(func=cmd_build)

    d = sub.add_parser("diagnose", help="rank diseases from findings and check a diagnosis")
    d.add_argument("findings", help='free text or a list, e.g. "short stature, hypertelorism"')
    d.add_argument("--exclude", action="append", default=[], help="an absent finding (repeatable)")
    d.add_argument("--proposed", help="a proposed diagnosis to check")
    d.add_argument("--drug", action="append", default=[], help="a drug to check (repeatable)")
    d.add_argument("-k", type=_positive, default=10, help="diseases to show")
    _home_and_json(d)
    d.set_defaults(func=cmd_diagnose)

    e = sub.add_parser("eval", help="evaluate")
    es = e.add_subparsers(dest="eval_command", required=True)
    ed = es.add_parser("diagnosis", help="rank phenopacket cases' diagnoses")
    ed.add_argument("--phenopackets", required=True, help="a directory or .tgz of phenopackets")
    ed.add_argument("--as-text", action="store_true",
                    help="findings as text (synonyms, 'no ...'), linked")  # fmt: skip
    ed.add_argument("--leave-publication-out", action="store_true",
                    help="ignore annotations supported only by the case's publication")  # fmt: skip
    ed.add_argument("--limit", type=_positive, help="only the first N cases (sorted by path)")
    ed.add_argument(
        "--method",
        action="append",
        metavar="M",
        help="lr, similarity, symmetric, learned; repeat or comma-separate to "
        "compare on the same cases (default: the diagnoser's own)",
    )
    ed.add_argument(
        "--folds",
        type=_positive,
        help="score 'learned' by gene-cohort cross-validation with this many folds",
    )
    ed.add_argument("--out", type=_out_path, help="write one JSON line per case here")
    _home_and_json(ed)
    ed.set_defaults(func=cmd_eval_diagnosis)

    for name, text in (
        ("vignettes", "textbook vignettes: diagnosis rank and suggestions"),
        ("findings", "free-text findings: linked correctly, wrong, lost"),
        ("findings-zh", "findings lists in English and Chinese against the same terms"),
    ):
        ev = es.add_parser(name, help=text)
        default = name.replace("-", "_")
        ev.add_argument("file", nargs="?", help=f"JSONL (default graph_data/{default}_dev.jsonl)")
        if name == "vignettes":
            ev.add_argument("--suggest", type=_positive, default=5, help="suggestions to check")
        _home_and_json(ev)
        ev.set_defaults(func=cmd_eval_vignettes)

    el = es.add_parser("linking", help="NER and linking on a PubTator file")
    el.add_argument("--pubtator", required=True, help="a PubTator file (e.g. a devel split)")
    el.add_argument("--mode", choices=LINK_MODES, default="ner")
    el.add_argument("--limit", type=_positive, help="only the first N documents")
    _home_and_json(el)
    el.set_defaults(func=cmd_eval_linking)
    ef = es.add_parser("focus", help="link MedQuAD questions' focus (UMLS CUI via the graph)")
    ef.add_argument("--split", choices=["dev", "train"], default="dev")
    ef.add_argument("--mode", choices=LINK_MODES, default="ner")
    ef.add_argument("--limit", type=_positive, help="only the first N questions")
    ef.add_argument("--data-dir", help="raw data directory")
    _home_and_json(ef)
    ef.set_defaults(func=cmd_eval_focus)

    ec = es.add_parser("consumer", help="real consumer messages: read as their summaries are?")
    ec.add_argument("--file", help="MeQSum-style JSONL (default: the raw data's MeQSum)")
    ec.add_argument("--labels", help="hand labels of the summaries (default: graph_data's)")
    ec.add_argument("--limit", type=_positive, help="only the first N messages")
    ec.add_argument("--data-dir", help="raw data directory")
    _home_and_json(ec)
    ec.set_defaults(func=cmd_eval_consumer)

    eo = es.add_parser("roundtrip", help="do the graph's own names link back to their nodes?")
    eo.add_argument("--per-class", type=_positive, default=2000, help="names sampled per class")
    eo.add_argument("--seed", type=_natural, default=13)
    eo.add_argument("--mode", choices=LINK_MODES, default="ner")
    eo.add_argument(
        "--typos",
        action="store_true",
        help="misspell each name once: does the slip link where the name does?",
    )
    eo.add_argument(
        "--by-ear",
        action="store_true",
        help="with --typos: write each name as it sounds (sirosis, nuemonia), not with a slip",
    )
    eo.add_argument(
        "--apart",
        action="store_true",
        help="with --typos: write a word that opens with a combining form as two (neuro "
        "fibromatosis)",
    )
    _home_and_json(eo)
    eo.set_defaults(func=cmd_eval_roundtrip)

    er = es.add_parser("retrieval", help="passage retrieval on MedQuAD questions")
    er.add_argument("--split", choices=["dev", "train"], default="dev")
    er.add_argument("--limit", type=_positive, default=2000, help="questions sampled (seeded)")
    _home_and_json(er)
    er.set_defaults(func=cmd_eval_retrieval)

    rt = sub.add_parser("retrieve", help="supporting passages for a query")
    rt.add_argument("query")
    rt.add_argument("-k", type=_positive, default=5)
    rt.add_argument("--about", action="append", help="only passages about this node (any id)")
    rt.add_argument("--method", choices=["dense", "hybrid", "lexical"], default="dense")
    _home_and_json(rt)
    rt.set_defaults(func=cmd_retrieve)

    for name, helptext in (
        ("qa", "ask() over a JSONL file of questions with gold answers"),
        ("claims", "verify() over a JSONL file of true/false claims"),
    ):
        eq = es.add_parser(name, help=helptext)
        eq.add_argument("file")
        eq.add_argument("-k", type=_positive, default=10)
        eq.add_argument("--limit", type=_positive, help="only the first N lines")
        eq.add_argument("--out", type=_out_path, help="write one JSON line per item here")
        default = "question" if name == "qa" else "text"
        eq.add_argument("--field", default=default,
                        help=f"the JSON field to read the {default} from (default {default}; "
                             "e.g. 'en' for a Chinese set's English counterparts)")  # fmt: skip
        _home_and_json(eq)
        eq.set_defaults(func=cmd_eval_qa)

    ak = sub.add_parser("ask", help="answer a question with evidence")
    ak.add_argument("question")
    ak.add_argument("--option", action="append", help="a multiple-choice option (repeatable)")
    ak.add_argument("-k", type=_positive, default=10)
    _home_and_json(ak)
    ak.set_defaults(func=cmd_ask)

    vf = sub.add_parser("verify", help="supported / refuted / unknown for a claim")
    vf.add_argument("claim")
    _home_and_json(vf)
    vf.set_defaults(func=cmd_verify)

    lk = sub.add_parser("link", help="find and link entity mentions in text")
    lk.add_argument("text")
    lk.add_argument("--mode", choices=LINK_MODES, default="ner")
    _home_and_json(lk)
    lk.set_defaults(func=cmd_link)

    t = sub.add_parser("train", help="train a model (seeded, reproducible)")
    ts = t.add_subparsers(dest="train_command", required=True)
    tn = ts.add_parser("ner", help="the NER tagger (LoRA on the base encoder)")
    tn.add_argument("--data-dir", help="raw data directory")
    tn.add_argument("--graph-dir", help="graph artifact directory")
    tn.add_argument(
        "--out", type=_out_path, help="output directory (default: the package's models/ner)"
    )
    tn.add_argument("--seed", type=_natural, default=13)
    tn.add_argument("--epochs", type=_positive, default=16)
    tn.add_argument("--threads", type=_positive, help="torch threads (default: all cores)")
    tn.set_defaults(func=cmd_train_ner)
    for name, helptext in (
        ("intent", "the question-type classifier"),
        ("verifier", "the (claim, evidence) verifier"),
    ):
        tm = ts.add_parser(name, help=helptext)
        tm.add_argument("--data-dir", help="raw data directory")
        tm.add_argument("--graph-dir", help="graph artifact directory")
        tm.add_argument(
            "--out", type=_out_path, help=f"output directory (default: the package's models/{name})"
        )
        tm.add_argument("--seed", type=_natural, default=13)
        tm.add_argument("--epochs", type=_positive)
        tm.add_argument("--threads", type=_positive, help="torch threads (default: all cores)")
        tm.set_defaults(func=cmd_train_model)

    to = ts.add_parser("options", help="the multiple-choice option model (from the graph)")
    to.add_argument(
        "--out", type=_out_path, help="output directory (default: the package's models/options)"
    )
    to.add_argument("--seed", type=_natural, default=13)
    to.add_argument("--per-intent", type=_positive, default=160, help="items per intent")
    to.add_argument("--threads", type=_positive, help="torch threads (default: all cores)")
    _home_and_json(to)
    to.set_defaults(func=cmd_train_options)

    tc = ts.add_parser("calibration", help="the answer calibrator (on the QA dev sets)")
    tc.add_argument("--devsets", help="folder of make_dev_sets.py output (default: the home's)")
    tc.add_argument(
        "--out", type=_out_path, help="output directory (default: the package's models/calibration)"
    )
    tc.add_argument("--seed", type=_natural, default=13)
    _home_and_json(tc)
    tc.set_defaults(func=cmd_train_calibration)

    tg = ts.add_parser("message", help="the learned reading of long messages (MeQSum's "
                       "training half)")  # fmt: skip
    tg.add_argument("--data-dir", help="raw data directory (default $KGQA_DATA or ../shared/data)")
    tg.add_argument(
        "--out",
        type=_out_path,
        help="writes message/ and message_topic/ there (default: the package's models/)",
    )
    _home_and_json(tg)
    tg.set_defaults(func=cmd_train_message)

    tr = ts.add_parser("ranker", help="the diagnosis re-ranker (on phenopacket cohorts)")
    tr.add_argument(
        "--phenopackets",
        help="a directory or .tgz (default: the data dir's phenopackets/cases.tgz)",
    )
    tr.add_argument("--data-dir", help="raw data directory (default $KGQA_DATA or ../shared/data)")
    tr.add_argument(
        "--out", type=_out_path, help="output directory (default: the package's models/ranker)"
    )
    tr.add_argument("--seed", type=_natural, default=13)
    tr.add_argument("--folds", type=_positive, default=5, help="gene-cohort folds")
    _home_and_json(tr)
    tr.set_defaults(func=cmd_train_ranker)

    sv = sub.add_parser("serve", help="the REST service and web page (needs the serve extra)")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    sv.add_argument("--port", type=_positive, default=8000)
    sv.add_argument("--workers", type=_positive, default=1, help="processes (own models each)")
    sv.add_argument("--home", help="artifacts directory (default $KGQA_HOME)")
    sv.set_defaults(func=cmd_serve)
    sc = sub.add_parser("schema", help="write the JSON Schema of ask / verify / diagnose replies")
    sc.add_argument("--out", default="docs/schema", type=_out_path)
    sc.set_defaults(func=cmd_schema)

    g = sub.add_parser("graph", help="query the knowledge graph")
    g.add_argument("--graph-dir", help="graph artifact directory (default $KGQA_HOME/graph)")
    gs = g.add_subparsers(dest="graph_command", required=True)

    def add(name: str, func: Any, help: str) -> argparse.ArgumentParser:
        sp = gs.add_parser(name, help=help)
        sp.add_argument("--json", action="store_true", help="print JSON")
        sp.set_defaults(func=func)
        return sp

    add("stats", cmd_stats, "node, edge and source counts")
    add("verify", cmd_verify_graph, "check every file of the graph against its manifest")
    n = add("node", cmd_node, "show a node by id (any id) or name")
    n.add_argument("id")
    f = add("find", cmd_find, "find nodes by name or id")
    f.add_argument("name")
    f.add_argument(
        "--class", dest="cls", help="restrict to a class (Disease, Phenotype, Drug, ...)"
    )
    f.add_argument("--limit", type=_positive, default=10)
    nb = add("neighbours", cmd_neighbours, "edges of a node")
    nb.add_argument("id")
    nb.add_argument("--relation", help="a vocabulary relation or subClassOf")
    nb.add_argument("--direction", choices=["out", "in", "both"], default="out")
    nb.add_argument("--source", action="append", help="only this source (repeatable)")
    nb.add_argument("--attributes", action="store_true", help="show annotation attributes")
    nb.add_argument("--limit", type=_positive, default=50)
    sq = add("sparql", cmd_sparql, "run a SELECT query with bound values")
    sq.add_argument("query")
    sq.add_argument("--bind", action="append", metavar="NAME=VALUE", help="bind ?NAME (repeatable)")
    pa = add("path", cmd_path, "shortest path between two nodes (networkx)")
    pa.add_argument("source_id")
    pa.add_argument("target_id")
    pa.add_argument("--relation", action="append", help="relations to walk (default all)")
    ex = add("export", cmd_export, "write the whole graph (named graphs kept) for a SPARQL server")
    ex.add_argument(
        "--format",
        choices=["nquads", "trig", "turtle"],
        default="nquads",
        help="nquads or trig: one file; turtle: a directory, one file per source",
    )
    ex.add_argument("--out", required=True, type=_out_path, help="file (directory for turtle)")
    v = gs.add_parser("vocabulary", help="write graph_data/vocabulary.ttl from the code")
    v.add_argument("--check", action="store_true", help="only check that the file is current")
    v.set_defaults(func=cmd_vocabulary)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # faiss logs every CPU-specific build it could not load; only its warnings matter here
    logging.getLogger("faiss").setLevel(max(level, logging.WARNING))
    try:
        return int(args.func(args))
    except KgqaError as exc:
        print(f"kgqa: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kgqa: interrupted", file=sys.stderr)
        return 130
    except (OSError, UnicodeError, EOFError, ValueError, LookupError, TypeError,
            AttributeError, tarfile.TarError, zlib.error) as exc:  # fmt: skip
        # an unreadable or malformed input file (not UTF-8, a truncated archive, a field of
        # the wrong type): one line for the user; the traceback only with -v
        logging.getLogger("kgqa").debug("error", exc_info=True)
        print(f"kgqa: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
