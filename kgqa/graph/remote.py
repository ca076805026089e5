"""The graph on a SPARQL 1.1 server: the second implementation of the store interface.

:class:`KnowledgeGraph` reads its store through two calls, ``quads_for_pattern`` and
``query`` (pyoxigraph's own). The embedded backend is a read-only ``pyoxigraph.Store``;
:class:`SparqlEndpoint` answers the same two calls over HTTP (SPARQL 1.1 Protocol, results as
SPARQL JSON, parsed by pyoxigraph into the same term objects). The names index stays a local
file, so N replicas share one server.

Values are never formatted into query text as strings: each bound value becomes a pyoxigraph
term first (which checks an IRI and escapes a literal) and goes into a ``VALUES`` block in its
N-Triples form.

The server must answer the default graph as the union of the named graphs (``oxigraph serve
--union-default-graph``; Virtuoso does so by default). Queries never leave for a third
server: ``SERVICE`` is refused before a query is sent.
"""

from __future__ import annotations

import http.client
import logging
import threading
import urllib.parse
from collections.abc import Iterator, Mapping
from typing import Any

from kgqa.errors import ArtifactError, InputError

logger = logging.getLogger(__name__)

_ACCEPT = "application/sparql-results+json"


class SparqlEndpoint:
    """A remote SPARQL 1.1 query endpoint (``http://host:port/query``), read only.

    Each thread keeps one persistent connection; a request that fails on a stale connection
    is retried once on a fresh one.
    """

    def __init__(self, url: str, timeout_s: float = 30.0) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"KGQA_SPARQL_URL: expected an http(s) URL, got {url!r}")
        self.url = url
        self.timeout_s = timeout_s
        self._parts = parts
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"SparqlEndpoint({self.url!r})"

    # ------------------------------------------------------------ the store interface
    def quads_for_pattern(self, subject: Any, predicate: Any, object: Any,
                          graph_name: Any = None) -> Iterator[Any]:  # fmt: skip
        """pyoxigraph's ``Store.quads_for_pattern``: quads in the named graphs matching the
        given terms (None: any)."""
        import pyoxigraph as ox

        terms = {"s": subject, "p": predicate, "o": object, "g": graph_name}
        free = [k for k, t in terms.items() if t is None]
        slot = {k: (str(t) if t is not None else f"?{k}") for k, t in terms.items()}
        query = (
            f"SELECT {' '.join('?' + k for k in free) or '*'} WHERE {{ GRAPH {slot['g']} "
            f"{{ {slot['s']} {slot['p']} {slot['o']} }} }}"
        )
        for row in self._solutions(query, timeout_s=self.timeout_s):
            values = {k: terms[k] if terms[k] is not None else row[k] for k in terms}
            yield ox.Quad(values["s"], values["p"], values["o"], values["g"])

    def query(self, query: str, prefixes: Mapping[str, str] | None = None,
              substitutions: Mapping[Any, Any] | None = None,
              use_default_graph_as_union: bool = True,
              timeout_s: float | None = None) -> Any:  # fmt: skip
        """pyoxigraph's ``Store.query`` for SELECT: the solutions, as pyoxigraph terms.
        ``substitutions`` (variable → term) become a trailing ``VALUES`` block, which is what
        oxigraph's substitution means for a selected variable."""
        if not use_default_graph_as_union:
            raise InputError("the remote backend reads the default graph as the union")
        head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or {}).items())
        body = query
        if substitutions:
            names = " ".join(f"?{var.value}" for var in substitutions)
            row = " ".join(str(term) for term in substitutions.values())
            body = f"{query}\nVALUES ({names}) {{ ({row}) }}"
        return self._solutions(head + body, timeout_s=timeout_s or self.timeout_s)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # ------------------------------------------------------------------- HTTP
    def _connection(self, fresh: bool = False) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None or fresh:
            if conn is not None:
                conn.close()
            cls = (http.client.HTTPSConnection if self._parts.scheme == "https"
                   else http.client.HTTPConnection)  # fmt: skip
            conn = cls(self._parts.hostname, self._parts.port, timeout=self.timeout_s)
            self._local.conn = conn
        return conn

    def _post(self, query: str, timeout_s: float) -> bytes:
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": _ACCEPT}
        path = self._parts.path or "/query"
        for attempt in (0, 1):
            conn = self._connection(fresh=attempt == 1)
            conn.timeout = timeout_s
            if conn.sock is not None:
                conn.sock.settimeout(timeout_s)
            try:
                conn.request("POST", path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
            except TimeoutError as exc:
                self.close()
                raise InputError(f"the query ran past its {timeout_s:g} s budget at "
                                 f"{self.url}; add LIMIT or narrow it") from exc  # fmt: skip
            except (http.client.HTTPException, ConnectionError, OSError) as exc:
                self.close()
                if attempt == 0 and not isinstance(exc, ConnectionRefusedError):
                    continue  # a kept-alive connection the server closed: once more, fresh
                raise ArtifactError(f"the SPARQL endpoint {self.url} cannot be reached "
                                    f"({exc}); is the server running?") from exc  # fmt: skip
            if resp.status == 400:
                raise InputError(f"invalid SPARQL: {data[:300].decode('utf-8', 'replace')}")
            if resp.status != 200:
                raise ArtifactError(f"the SPARQL endpoint {self.url} answered {resp.status}: "
                                    f"{data[:300].decode('utf-8', 'replace')}")  # fmt: skip
            return data
        raise AssertionError("unreachable")

    def _solutions(self, query: str, timeout_s: float) -> Any:
        import pyoxigraph as ox

        data = self._post(query, timeout_s)
        try:
            return ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        except SyntaxError as exc:
            raise ArtifactError(f"the SPARQL endpoint {self.url} sent results kgqa cannot "
                                f"read ({exc})") from exc  # fmt: skip


__all__ = ["SparqlEndpoint"]
