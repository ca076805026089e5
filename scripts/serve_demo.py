"""``make demo``'s last step: start ``kgqa serve`` on 127.0.0.1, ask it one question over HTTP,
print what came back (answers, and the evidence graph's size), and stop it.

Usage: python scripts/serve_demo.py ["question"]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_serve import Server, request


def main() -> None:
    question = sys.argv[1] if len(sys.argv) > 1 else "Which drugs treat gout?"
    server = Server(workers=1, endpoint=None)
    try:
        print(f"kgqa serve: ready in {server.ready_s:.0f} s on http://127.0.0.1:{server.port}/")
        status, body = request(server.port, "POST", "/v1/ask", {"question": question, "k": 3})
        reply = json.loads(body)
        if status != 200:
            raise SystemExit(f"POST /v1/ask answered {status}: {reply}")
        print(f"POST /v1/ask {question!r} -> {status}")
        for a in reply["result"]["answers"]:
            print(f"  {a['node']['label']} [{a['node']['curie']}]  p {a['score']:.2f}")
        graph = reply["graph"]
        print(
            f"  evidence graph: {len(graph['nodes'])} nodes, {len(graph['edges'])} edges, "
            f"{len(graph['passages'])} passages, {len(graph['bindings'])} bindings"
        )
    finally:
        server.close()


if __name__ == "__main__":
    main()
