"""The REST service and the web page: ``kgqa serve``.

One :class:`Service` per process holds the pipeline (loaded once, in the background, at
start-up: ``/v1/health`` says ``loading`` until it is ready), a bounded pool of threads that run
the pipeline, and the settings. Every request is checked twice: by the request models (types,
lengths, counts) and by the library's own checks (:mod:`kgqa.validation`); a refusal is a 4xx
with a JSON :class:`~kgqa.serve.models.ErrorReply` naming the field, never a traceback.

Safe by default: binds to 127.0.0.1 (the CLI), an API key when ``KGQA_API_KEY`` is set, a
request-body limit, a per-request time budget, a bounded queue (503 when full), no CORS unless
``KGQA_CORS_ORIGINS`` names origins, and no question or finding text in any log line (the
access log records method, path, status and time only).
"""

import asyncio
import hmac
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from kgqa import evidence
from kgqa.errors import InputError, KgqaError
from kgqa.records import AskReply, DiagnoseReply, VerifyReply
from kgqa.serve import models as m
from kgqa.version import __version__

logger = logging.getLogger(__name__)
access = logging.getLogger("kgqa.serve.access")

STATIC_DIR = Path(__file__).parent / "static"
T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """How the service runs; :meth:`from_env` reads ``KGQA_*`` variables."""

    home: str | None = None
    api_key: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 1_000_000
    timeout_s: float = 30.0
    threads: int = 2
    queue: int = 64
    torch_threads: int | None = None
    warm_up: bool = True

    @classmethod
    def from_env(cls) -> "Settings":
        env = os.environ

        def number(name: str, default: float, cast: Callable[[str], Any]) -> Any:
            raw = env.get(name)
            if not raw:
                return default
            try:
                value = cast(raw)
            except ValueError as exc:
                raise InputError(f"{name}: expected a number, got {raw!r}") from exc
            if value <= 0:
                raise InputError(f"{name}: must be positive, got {raw!r}")
            return value

        origins = tuple(o.strip() for o in env.get("KGQA_CORS_ORIGINS", "").split(",") if o.strip())
        return cls(
            home=env.get("KGQA_HOME") or None,
            api_key=env.get("KGQA_API_KEY") or None,
            cors_origins=origins,
            max_body_bytes=number("KGQA_MAX_BODY_BYTES", cls.max_body_bytes, int),
            timeout_s=number("KGQA_TIMEOUT_S", cls.timeout_s, float),
            threads=number("KGQA_THREADS", cls.threads, int),
            queue=number("KGQA_QUEUE", cls.queue, int),
            torch_threads=number("KGQA_TORCH_THREADS", None, int),
        )


class Busy(Exception):
    """The queue is full."""


class Service:
    """The pipeline behind the endpoints, loaded in the background, run in a bounded pool."""

    def __init__(self, settings: Settings, pipeline: Any = None) -> None:
        self.settings = settings
        self.pipeline = pipeline
        self.status = "ready" if pipeline is not None else "loading"
        self.detail = ""
        self._pool = ThreadPoolExecutor(settings.threads, thread_name_prefix="kgqa")
        self._slots = threading.BoundedSemaphore(settings.queue)
        self._info: Any = None

    def start(self) -> None:
        if self.pipeline is None:
            threading.Thread(target=self._load, name="kgqa-load", daemon=True).start()

    def _load(self) -> None:
        from kgqa.pipeline import Pipeline

        t0 = time.perf_counter()
        try:
            if self.settings.torch_threads:
                from kgqa.encoder import set_threads

                set_threads(self.settings.torch_threads)
            pipeline = Pipeline.load(self.settings.home, eager=True)
            if self.settings.warm_up:  # the first real request should not pay for it
                pipeline.ask("Which drugs treat gout?", k=3)
                pipeline.diagnose(["Seizure", "dilated aortic root"], k=3)  # + the stem index
        except Exception as exc:
            logger.error("the pipeline could not be loaded: %s", exc)
            self.status, self.detail = "failed", str(exc)
            return
        self.pipeline = pipeline
        self.status = "ready"
        logger.info("ready in %.1f s", time.perf_counter() - t0)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(pipeline, *args)`` in the pool, within the time budget."""
        if self.status != "ready":
            raise NotReady(self.status, self.detail)
        if not self._slots.acquire(blocking=False):
            raise Busy()
        try:
            future = self._pool.submit(fn, self.pipeline, *args)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.settings.timeout_s)
        except TimeoutError:
            raise TimedOut(self.settings.timeout_s) from None

    async def reply(self, fn: Callable[..., Any], *args: Any) -> Response:
        """:meth:`run`, the record serialised to JSON in the pool too (the schema is the
        record's own, so FastAPI need not validate it again)."""
        body = await self.run(lambda p, *a: evidence.dump_json(fn(p, *a)), *args)
        return Response(content=body, media_type="application/json")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class NotReady(Exception):
    def __init__(self, status: str, detail: str) -> None:
        super().__init__(status)
        self.status, self.detail = status, detail


class TimedOut(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


_LOC_PART = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*|\d+)$")  # not a union's alternative
_FIELD = re.compile(r"^([A-Za-z_][A-Za-z_0-9]*)(?:\[[^\]]*\])?:")


def _error(status: int, message: str, field: str = "", headers: dict[str, str] | None = None):
    body = {"error": {"message": message, "field": field, "status": status}}
    return JSONResponse(body, status_code=status, headers=headers)


# ------------------------------------------------------------------ raw ASGI layers
class _Guard:
    """Outermost layer: body-size limit, API key, access log without any user text."""

    def __init__(self, app: Any, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self._key = settings.api_key.encode() if settings.api_key else None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        status = {"code": 0}

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            refusal = self._refusal(scope)
            if refusal is not None:
                await refusal(scope, receive, sending)
                return
            await self.app(scope, self._limited(receive), sending)
        except _TooLarge:
            if status["code"] == 0:
                limit = self.settings.max_body_bytes
                too_large = _error(413, f"the request body is over the limit of {limit} bytes")
                await too_large(scope, receive, sending)
        finally:
            # method, path and status only: never a body or a query string (patient text)
            access.info("%s %s %d %.1f ms", scope["method"], scope["path"][:200],
                        status["code"], (time.perf_counter() - t0) * 1000)  # fmt: skip

    def _refusal(self, scope: dict) -> Any:
        headers = {k.decode("latin-1").lower(): v for k, v in scope["headers"]}
        length = headers.get("content-length")
        if length is not None:
            try:
                too_big = int(length) > self.settings.max_body_bytes
            except ValueError:
                return _error(400, "Content-Length is not a number")
            if too_big:
                return _error(413, "the request body is over the limit of "
                              f"{self.settings.max_body_bytes} bytes")  # fmt: skip
        path = scope["path"]
        if self._key is not None and path.startswith("/v1/") and path != "/v1/health":
            given = headers.get("x-api-key", b"")
            auth = headers.get("authorization", b"")
            if auth.lower().startswith(b"bearer "):
                given = auth[7:].strip()
            if not hmac.compare_digest(given, self._key):
                return _error(401, "an API key is required (header X-API-Key)",
                              headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
        return None

    def _limited(self, receive: Callable) -> Callable:
        seen = 0
        limit = self.settings.max_body_bytes

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge()
            return message

        return counted


class _TooLarge(Exception):
    pass


# ------------------------------------------------------------------------ the app
def create_app(settings: Settings | None = None, pipeline: Any = None) -> Any:
    """The FastAPI app. With ``pipeline`` (tests) it is ready at once; otherwise it loads the
    pipeline from ``settings.home`` in the background at start-up."""
    settings = settings or Settings.from_env()
    service = Service(settings, pipeline)

    @asynccontextmanager
    async def lifespan(_app: Any):
        service.start()
        yield
        service.close()

    app = FastAPI(
        title="kgqa",
        version=__version__,
        summary="Offline medical question answering over a knowledge graph, with evidence.",
        description="Every answer, verdict and differential carries its evidence as a small "
        "knowledge graph (nodes, edges with source and attributes, passages) and bindings of "
        'results to it. Errors are JSON: `{"error": {"message", "field", "status"}}`.',
        lifespan=lifespan,
        openapi_url="/v1/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.service = service
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key", "Authorization"],
        )

    # -------------------------------------------------------------- errors as JSON
    @app.exception_handler(RequestValidationError)
    async def invalid(_r: Request, exc: RequestValidationError):
        errors = exc.errors()
        # of a union's alternatives, the error of the one of the right type says most
        errors = sorted(errors, key=lambda e: str(e.get("type", "")).endswith("_type"))
        first = errors[0] if errors else {}
        loc = [str(x) for x in first.get("loc", ())
               if x not in ("body", "query", "path") and _LOC_PART.match(str(x))]  # fmt: skip
        if first.get("type") == "json_invalid":
            return _error(400, "the request body is not valid JSON", "body")
        message = first.get("msg", "invalid request")
        if first.get("type") == "missing":
            message = "this field is required"
        return _error(422, message, ".".join(loc))

    @app.exception_handler(InputError)
    async def refused(_r: Request, exc: InputError):
        text = str(exc)
        match = _FIELD.match(text)
        return _error(400, text, match.group(1) if match else "")

    @app.exception_handler(KgqaError)
    async def unavailable(_r: Request, exc: KgqaError):
        logger.error("artifact error: %s", type(exc).__name__)
        return _error(503, str(exc))

    @app.exception_handler(NotReady)
    async def not_ready(_r: Request, exc: NotReady):
        return _error(503, f"the service is {exc.status}" + (f": {exc.detail}" if exc.detail
                      else "; try again shortly"), headers={"Retry-After": "5"})  # fmt: skip

    @app.exception_handler(Busy)
    async def busy(_r: Request, _exc: Busy):
        return _error(503, "the service is busy; try again shortly", headers={"Retry-After": "1"})

    @app.exception_handler(TimedOut)
    async def timed_out(_r: Request, exc: TimedOut):
        return _error(504, f"the request ran past its {exc.seconds:g} s budget")

    @app.exception_handler(HTTPException)
    async def http_error(_r: Request, exc: HTTPException):
        return _error(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal(_r: Request, exc: Exception):
        # the type only: a message may quote the request's text
        logger.error("internal error: %s", type(exc).__name__)
        return _error(500, "internal error")

    # ---------------------------------------------------------------- endpoints
    @app.get("/v1/health", response_model=m.Health, tags=["service"])
    async def health():
        body = {"status": service.status, "detail": service.detail}
        return JSONResponse(body, status_code=200 if service.status == "ready" else 503)

    @app.get("/v1/info", response_model=m.ServiceInfo, tags=["service"])
    async def info():
        if service._info is None:  # the graph and models do not change while serving
            service._info = (await service.reply(_service_info)).body
        return Response(content=service._info, media_type="application/json")

    @app.post("/v1/ask", response_model=AskReply, tags=["answers"])
    async def ask(req: m.AskRequest):
        return await service.reply(lambda p: evidence.reply(
            p.ask(req.question, options=req.options, k=req.k), p.kg))  # fmt: skip

    @app.post("/v1/verify", response_model=VerifyReply, tags=["answers"])
    async def verify(req: m.VerifyRequest):
        return await service.reply(lambda p: evidence.reply(p.verify(req.claim), p.kg))

    @app.post("/v1/diagnose", response_model=DiagnoseReply, tags=["diagnosis"])
    async def diagnose(req: m.DiagnoseRequest):
        return await service.reply(lambda p: _diagnose(p, req))

    @app.post("/v1/link", response_model=m.LinkReply, tags=["parts"])
    async def link(req: m.LinkRequest):
        return await service.reply(lambda p: m.LinkReply(req.text, tuple(p.link(req.text))))

    @app.post("/v1/retrieve", response_model=m.RetrieveReply, tags=["parts"])
    async def retrieve(req: m.RetrieveRequest):
        return await service.reply(lambda p: m.RetrieveReply(
            req.query, tuple(p.retrieve(req.query, k=req.k, about=req.about))))  # fmt: skip

    @app.get("/v1/nodes/{ref:path}", response_model=m.NodeReply, tags=["graph"])
    async def node(ref: str, relation: str | None = None, limit: int = 50):
        if not 1 <= limit <= 500:
            raise InputError(f"limit: expected 1 to 500, got {limit}")
        return await service.reply(lambda p: _node(p.kg, ref, relation, limit))

    @app.post("/v1/ask/batch", response_model=m.AskBatchReply, tags=["answers"])
    async def ask_batch(req: m.AskBatch):
        return await service.reply(lambda p: m.AskBatchReply(tuple(
            evidence.reply(r, p.kg) for r in p.ask_many(req.questions, k=req.k))))  # fmt: skip

    @app.post("/v1/verify/batch", response_model=m.VerifyBatchReply, tags=["answers"])
    async def verify_batch(req: m.VerifyBatch):
        return await service.reply(lambda p: m.VerifyBatchReply(tuple(
            evidence.reply(p.verify(c), p.kg) for c in req.claims)))  # fmt: skip

    @app.post("/v1/diagnose/batch", response_model=m.DiagnoseBatchReply, tags=["diagnosis"])
    async def diagnose_batch(req: m.DiagnoseBatch):
        return await service.reply(lambda p: m.DiagnoseBatchReply(tuple(
            _diagnose(p, case) for case in req.cases)))  # fmt: skip

    # ------------------------------------------------------------------ the page
    page_headers = {
        "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
        "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }

    @app.get("/", include_in_schema=False)
    async def page():
        return FileResponse(STATIC_DIR / "index.html", headers=page_headers)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    guarded = _Guard(app, settings)
    guarded.fastapi = app  # the FastAPI app inside (its openapi(), routes, state)
    return guarded


def _diagnose(p: Any, req: Any) -> Any:
    diff = p.diagnose(req.findings, excluded=req.excluded, proposed=req.proposed,
                      drugs=req.drugs, k=req.k)  # fmt: skip
    return evidence.reply(diff, p.kg)


def _node(kg: Any, ref: str, relation: str | None, limit: int) -> Any:
    node = kg.node(ref)
    if node is None:
        matches = kg.find(ref, limit=1)
        node = matches[0].node if matches else None
    if node is None:
        raise HTTPException(404, f"no node for {ref[:200]!r}")
    triples = kg.neighbours(node, relation, direction="both", attributes=False)
    groups: dict[tuple[str, str], list[Any]] = {}
    for t in triples:
        groups.setdefault((t.relation, "out" if t.subject == node else "in"), []).append(t)
    counts = tuple(m.RelationCount(r, d, len(ts)) for (r, d), ts in sorted(groups.items()))
    shown: list[Any] = []  # a few of each relation, in turn, rather than the first N of one
    lists = list(groups.values())
    for i in range(max((len(ts) for ts in lists), default=0)):
        shown += [ts[i] for ts in lists if i < len(ts)]
        if len(shown) >= limit:
            break
    graph = evidence.neighbourhood(node, shown[:limit], kg)
    sources = tuple(sorted({t.source for t in triples}))
    return m.NodeReply(graph.nodes[0], tuple(kg.labels(node)), tuple(kg.ids(node)), counts,
                       sources, graph, len(triples) > limit)  # fmt: skip


def _service_info(p: Any) -> Any:
    from kgqa import validation as v
    from kgqa.config import models_dir

    kg = p.kg
    info = kg.manifest.info if kg.manifest else {}
    edges = kg.stats().edges_by_source
    sources = tuple(m.SourceInfo(name, str(meta.get("licence", "unspecified")), edges.get(name, 0))
                    for name, meta in sorted(info.get("sources", {}).items()))  # fmt: skip
    models = []
    for d in sorted(models_dir().iterdir()):
        path = d / "manifest.json"
        if path.is_file():
            manifest = json.loads(path.read_text(encoding="utf-8"))
            manifest.pop("files", None)
            models.append(m.ModelInfo(d.name, manifest))
    limits = {name.lower(): getattr(v, name) for name in dir(v) if name.startswith("MAX_")}
    limits["max_serve_batch"] = m.MAX_SERVE_BATCH
    return m.ServiceInfo(__version__, kg.build_id or "", kg.hpo_release,
                       kg.endpoint or "embedded", p.qa.retriever is not None,
                       sources, tuple(models), limits)  # fmt: skip


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the service with uvicorn until stopped; ``workers`` processes share one socket."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("kgqa.serve.app:app_from_env", factory=True, host=host, port=port,
                            workers=workers, access_log=False, log_level="warning",
                            timeout_graceful_shutdown=10)  # fmt: skip
    if workers == 1:
        uvicorn.Server(config).run()
        return
    # uvicorn's own shared socket is made without its protocol number, so asyncio leaves
    # Nagle's algorithm on for its connections: a large reply then waits ~40 ms on the
    # client's delayed ACK. A socket made as TCP gets TCP_NODELAY on every connection.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    Multiprocess(config, sockets=[sock]).run()


def app_from_env() -> Any:
    """The app for ``uvicorn --factory`` (each worker process builds its own)."""
    return create_app(Settings.from_env())


__all__ = ["Service", "Settings", "create_app", "serve"]
