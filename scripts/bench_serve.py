"""The service under load, on 127.0.0.1 only: throughput and p50 / p95 of ``/v1/ask`` and
``/v1/diagnose`` at 1, 4 and 16 concurrent clients, with 1 and 2 workers, on the embedded store
and on a SPARQL server (Oxigraph's, serving the built store read-only), in one run; the latency
of ``/v1/health`` while the load runs; errors; the service's RSS before and after.

Baseline, in the same run: the same calls made in this process on the library
(``Pipeline.ask`` / ``diagnose`` plus the JSON reply), so each row's ``x lib`` is the p50 over
HTTP divided by the library's p50.

Bounded: each (backend, workers, clients, endpoint) cell sends at most ``--requests`` requests
(default 48) and stops after ``--seconds`` (default 20).

Usage: python scripts/bench_serve.py [--requests 48] [--seconds 20] [--json]
        [--workers 1 2] [--clients 1 4 16] [--backends embedded remote]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_common import median, p95
from bench_qa import QUESTIONS

FINDINGS = [
    ["HP:0004322", "HP:0000316", "HP:0000049"],  # short stature, hypertelorism, shawl scrotum
    ["Arachnodactyly", "Ectopia lentis", "Aortic root aneurysm"],
    ["Seizure", "Global developmental delay", "Microcephaly"],
    ["Recurrent fever", "Abdominal pain", "Arthralgia"],
    ["Hepatomegaly", "Splenomegaly", "Bone pain"],
    ["Intellectual disability", "Macroorchidism", "Long face"],
]
BODIES = {
    "ask": [{"question": q, "k": 5} for q in QUESTIONS],
    "diagnose": [{"findings": f, "k": 10} for f in FINDINGS],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    import psutil

    proc = psutil.Process(pid)
    return round(sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20)


class Server:
    """``kgqa serve`` in a child process, on 127.0.0.1."""

    def __init__(self, workers: int, endpoint: str | None) -> None:
        self.port = free_port()
        env = dict(os.environ)
        env.pop("KGQA_SPARQL_URL", None)
        if endpoint:
            env["KGQA_SPARQL_URL"] = endpoint
        cmd = [sys.executable, "-m", "kgqa.cli", "-q", "serve", "--host", "127.0.0.1",
               "--port", str(self.port), "--workers", str(workers)]  # fmt: skip
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)  # fmt: skip
        t0 = time.perf_counter()
        while True:
            try:
                status, _ = request(self.port, "GET", "/v1/health")
            except OSError:
                status = 0
            if status == 200:
                break
            if self.proc.poll() is not None or time.perf_counter() - t0 > 300:
                raise SystemExit(f"kgqa serve did not start: {self.proc.stderr.read()[-2000:]}")
            time.sleep(0.5)
        # every worker has loaded once /v1/health answers from each: give the others time
        while workers > 1 and time.perf_counter() - t0 < 10 * workers:
            time.sleep(1)
        self.ready_s = time.perf_counter() - t0

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


_local = threading.local()


def request(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
    conn = getattr(_local, "conns", {}).get(port)
    if conn is None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        _local.conns = {**getattr(_local, "conns", {}), port: conn}
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    try:
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    except (OSError, http.client.HTTPException):
        conn.close()
        _local.conns.pop(port, None)
        raise


def load(port: int, endpoint: str, clients: int, n: int, seconds: float) -> dict:
    """``clients`` threads send ``n`` requests in all (or stop at ``seconds``); one more thread
    polls /v1/health every 50 ms meanwhile."""
    bodies = BODIES[endpoint]
    latencies: list[float] = []
    health: list[float] = []
    errors = 0
    counter = iter(range(n))
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    done = threading.Event()

    def client() -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            t = time.perf_counter()
            try:
                status, _ = request(port, "POST", f"/v1/{endpoint}", bodies[i % len(bodies)])
            except OSError:
                status = 0
            with lock:
                if status == 200:
                    latencies.append(time.perf_counter() - t)
                else:
                    errors += 1

    def poll_health() -> None:
        while not done.is_set():
            t = time.perf_counter()
            status, _ = request(port, "GET", "/v1/health")
            if status == 200:
                health.append(time.perf_counter() - t)
            done.wait(0.05)

    poller = threading.Thread(target=poll_health)
    poller.start()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    done.set()
    poller.join()
    ms = [x * 1000 for x in latencies]
    return {
        "requests": len(ms), "errors": errors, "rps": round(len(ms) / wall, 1),
        "p50_ms": median(ms, 1) if ms else None, "p95_ms": round(p95(ms), 1) if ms else None,
        "health_p50_ms": median([h * 1000 for h in health], 1) if health else None,
        "health_max_ms": round(max(health) * 1000, 1) if health else None,
    }  # fmt: skip


def library_baseline() -> dict[str, float]:
    """p50 of the same calls on the library in this process, with the JSON reply."""
    from kgqa import Pipeline
    from kgqa.evidence import reply, to_json

    p = Pipeline.load(eager=True)
    calls = {
        "ask": [lambda b=b: to_json(reply(p.ask(b["question"], k=b["k"]), p.kg))
                for b in BODIES["ask"]],
        "diagnose": [lambda b=b: to_json(reply(p.diagnose(b["findings"], k=b["k"]), p.kg))
                     for b in BODIES["diagnose"]],
    }  # fmt: skip
    out = {}
    for name, fns in calls.items():
        for fn in fns:
            fn()  # warm
        times = []
        for _ in range(3):
            for fn in fns:
                t = time.perf_counter()
                fn()
                times.append((time.perf_counter() - t) * 1000)
        out[name] = median(times, 1)
    p.kg.close()
    return out


def sparql_server() -> tuple[subprocess.Popen, str]:
    """Oxigraph's server over the built store, read-only, on 127.0.0.1."""
    from kgqa.config import Home

    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    store = Home.resolve().graph / "store"
    cmd = [exe, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
           "--union-default-graph", "--timeout-s", "30"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(100):
        try:
            status, _ = request(port, "GET", "/query?query=ASK%7B%7D")
            if status == 200:
                return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("oxigraph serve did not start")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=48)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--backends", nargs="+", default=["embedded", "remote"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    base = library_baseline()
    rows = []
    oxigraph = None
    for backend in args.backends:
        endpoint = None
        if backend == "remote":
            oxigraph, endpoint = sparql_server()
        for workers in args.workers:
            server = Server(workers, endpoint)
            rss_before = rss_mb(server.proc.pid)
            for endpoint_name in ("ask", "diagnose"):
                for clients in args.clients:
                    row = load(server.port, endpoint_name, clients, args.requests, args.seconds)
                    row = {"backend": backend, "workers": workers, "endpoint": endpoint_name,
                           "clients": clients, **row,
                           "x_lib": round(row["p50_ms"] / base[endpoint_name], 2)
                           if row["p50_ms"] else None}  # fmt: skip
                    rows.append(row)
                    if not args.json:
                        print(json.dumps(row), flush=True)
            rows.append({"backend": backend, "workers": workers, "ready_s": round(server.ready_s),
                         "rss_before_mb": rss_before,
                         "rss_after_mb": rss_mb(server.proc.pid)})  # fmt: skip
            if not args.json:
                print(json.dumps(rows[-1]), flush=True)
            server.close()
        if oxigraph is not None:
            oxigraph.terminate()
            oxigraph.wait(30)
            oxigraph = None
    result = {"library_p50_ms": base, "cpu_count": os.cpu_count(), "rows": rows}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(json.dumps({"library_p50_ms": base, "cpu_count": os.cpu_count()}))


if __name__ == "__main__":
    main()
