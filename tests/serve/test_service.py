"""The REST service over the fixture pipeline, in process (FastAPI's test client)."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi", reason="the serve extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from kgqa.serve.app import Busy, Service, Settings, create_app  # noqa: E402

SCHEMA_DIR = Path(__file__).parents[2] / "docs" / "schema"


@pytest.fixture(scope="module")
def client(pipeline):
    with TestClient(create_app(Settings(warm_up=False), pipeline=pipeline)) as c:
        yield c


def _graph_is_consistent(graph: dict) -> None:
    nodes = {n["id"] for n in graph["nodes"]}
    edges = {e["id"]: e for e in graph["edges"]}
    pids = {p["pid"] for p in graph["passages"]}
    for e in edges.values():
        assert e["subject"] in nodes and e["object"] in nodes and e["source"]
    for b in graph["bindings"]:
        assert b["node"] in nodes
        assert set(b["edges"]) <= set(edges) and set(b["passages"]) <= pids


def test_health_and_info(client, pipeline):
    assert client.get("/v1/health").json() == {"status": "ready", "detail": ""}
    info = client.get("/v1/info").json()
    assert info["graph_build_id"] == pipeline.kg.build_id and info["backend"] == "embedded"
    assert info["hpo_release"] == pipeline.kg.hpo_release
    licences = {s["name"]: s["licence"] for s in info["sources"]}
    assert licences["hpo"] == pipeline.kg.licence("hpo") != "unspecified"
    assert {"intent", "ner", "verifier"} <= {m["name"] for m in info["models"]}
    assert info["limits"]["max_question_chars"] == 2000


def test_ask_answers_with_an_evidence_graph_bound_to_the_answers(client):
    r = client.post("/v1/ask", json={"question": "Which drugs treat gout?", "k": 3})
    assert r.status_code == 200
    body = r.json()
    answers = body["result"]["answers"]
    assert answers[0]["node"]["label"] == "Allopurinol" and 0 < answers[0]["score"] <= 1
    assert body["result"]["reading"]["relation"] == "treats"
    graph = body["graph"]
    _graph_is_consistent(graph)
    first = graph["bindings"][0]
    assert first["node"] == answers[0]["node"]["curie"] and first["role"] == "answer"
    edges = {e["id"]: e for e in graph["edges"]}
    assert {(edges[i]["relation"], edges[i]["object"]) for i in first["edges"]} == {
        ("treats", "DOID:13189")}  # fmt: skip
    assert all(edges[i]["licence"] for i in first["edges"])
    gout = next(n for n in graph["nodes"] if n["id"] == "DOID:13189")
    assert gout["cls"] == "Disease"


def test_multiple_choice_ranks_every_option(client):
    r = client.post("/v1/ask", json={"question": "Which drug treats gout?",
                                     "options": ["metformin", "allopurinol"]})  # fmt: skip
    body = r.json()
    assert [b["role"] for b in body["graph"]["bindings"]] == ["option", "option"]
    assert body["result"]["answers"][0]["node"]["label"] == "Allopurinol"


def test_options_pasted_in_the_question_are_ranked_and_drawn_as_options(client):
    body = client.post("/v1/ask", json={
        "question": "Which drug treats gout? A) metformin B) allopurinol"}).json()  # fmt: skip
    assert [b["role"] for b in body["graph"]["bindings"]] == ["option", "option"]
    assert body["result"]["answers"][0]["node"]["label"] == "Allopurinol"
    assert body["result"]["question"] == "Which drug treats gout? A) metformin B) allopurinol"


def test_verify_diagnose_link_retrieve_and_nodes(client):
    v = client.post("/v1/verify", json={"claim": "Allopurinol treats gout"}).json()
    assert v["verdict"]["verdict"] == "supported" and v["graph"]["bindings"][0]["role"] == "claim"
    _graph_is_consistent(v["graph"])
    d = client.post("/v1/diagnose", json={
        "findings": "arachnodactyly, ectopia lentis, no seizures", "proposed": "Marfan syndrome",
        "drugs": ["allopurinol"], "k": 3}).json()  # fmt: skip
    diff = d["differential"]
    assert diff["ranked"][0]["node"]["curie"] == "DOID:14323"
    assert diff["proposed"]["verdict"] == "consistent"
    assert any(f["excluded"] for f in diff["findings"])
    _graph_is_consistent(d["graph"])
    marfan = next(b for b in d["graph"]["bindings"] if b["node"] == "DOID:14323")
    assert marfan["role"] == "diagnosis" and marfan["edges"]
    ids = client.post("/v1/diagnose", json={"findings": ["HP:0001166"], "k": 2}).json()
    assert ids["differential"]["findings"][0]["node"]["curie"] == "HP:0001166"
    mentions = client.post("/v1/link", json={"text": "gout and fever"}).json()["mentions"]
    assert [m["candidates"][0]["node"]["curie"] for m in mentions][:1] == ["DOID:13189"]
    passages = client.post("/v1/retrieve", json={"query": "gout treatment", "k": 2}).json()
    assert len(passages["passages"]) == 2 and passages["passages"][0]["source_id"]
    node = client.get("/v1/nodes/DOID:13189?limit=3").json()
    assert node["node"]["label"] == "gout" and "DOID:13189" in node["ids"]
    assert len(node["graph"]["edges"]) == 3 and node["truncated"]
    counts = {(r["relation"], r["direction"]): r["count"] for r in node["relations"]}
    assert counts[("treats", "in")] >= 2 and sum(counts.values()) > 3
    # the few edges shown come from different relations, not the first three of one
    assert len({e["relation"] for e in node["graph"]["edges"]}) == 3
    assert {"drugcentral", "pharmacotherapydb"} <= set(node["sources"])
    assert client.get("/v1/nodes/gout").json()["node"]["id"] == "DOID:13189"


def test_batches_and_their_limit(client):
    r = client.post(
        "/v1/ask/batch",
        json={"questions": ["Which drugs treat gout?", "Which genes cause Marfan syndrome?"]},
    )
    assert [x["result"]["question"] for x in r.json()["replies"]] == [
        "Which drugs treat gout?", "Which genes cause Marfan syndrome?"]  # fmt: skip
    r = client.post("/v1/verify/batch", json={"claims": ["Allopurinol treats gout"] * 2})
    assert [x["verdict"]["verdict"] for x in r.json()["replies"]] == ["supported"] * 2
    r = client.post("/v1/diagnose/batch", json={"cases": [{"findings": ["HP:0001166"]}] * 2})
    assert len(r.json()["replies"]) == 2
    r = client.post("/v1/ask/batch", json={"questions": ["q"] * 33})
    assert r.status_code == 422 and r.json()["error"]["field"] == "questions"


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "field"),
    [
        ("post", "/v1/ask", {"question": ""}, 422, "question"),
        ("post", "/v1/ask", {}, 422, "question"),
        ("post", "/v1/ask", {"question": "x" * 2001}, 422, "question"),
        ("post", "/v1/ask", {"question": "gout?", "k": "5"}, 422, "k"),
        ("post", "/v1/ask", {"question": "gout?", "k": 0}, 422, "k"),
        ("post", "/v1/ask", {"question": "gout?", "options": "metformin"}, 422, "options"),
        ("post", "/v1/ask", {"question": "gout?", "debug": True}, 422, "debug"),
        ("post", "/v1/ask", {"question": ["gout?"]}, 422, "question"),
        ("post", "/v1/diagnose", {"findings": []}, 422, "findings"),
        ("post", "/v1/diagnose", {"findings": "fever", "excluded": "seizures"}, 422, "excluded"),
        ("post", "/v1/retrieve", {"query": "gout", "about": ["x" * 501]}, 422, "about.0"),
        ("get", "/v1/nodes/DOID:13189?limit=0", None, 400, "limit"),
        ("get", "/v1/nodes/DOID:13189?relation=cures", None, 400, "relation"),
        ("get", "/v1/nodes/no-such-node-anywhere", None, 404, ""),
        ("get", "/v1/nowhere", None, 404, ""),
    ],
)
def test_bad_requests_are_4xx_json_naming_the_field(client, method, path, body, status, field):
    r = client.post(path, json=body) if method == "post" else client.get(path)
    assert r.status_code == status, r.text
    assert r.json()["error"]["field"] == field and r.json()["error"]["message"]


def test_malformed_oversized_and_hostile_bodies_never_500(client):
    r = client.post("/v1/ask", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["field"] == "body"
    r = client.post("/v1/ask", content=b"x" * 1_100_000)
    assert r.status_code == 413
    for question in ['" } ; DROP ALL ; #', "\x00\x07\x1b[31m", "癫痫" * 900, "(" * 1999,
                     "\ud800 lone surrogate", "HP:0001250 OR 1=1"]:  # fmt: skip
        # sent \u-escaped, as a browser would send a lone surrogate
        for path, key in (("/v1/ask", "question"), ("/v1/diagnose", "findings")):
            r = client.post(path, content=json.dumps({key: question}).encode(),
                            headers={"Content-Type": "application/json"})  # fmt: skip
            assert r.status_code in (200, 400, 422), (question[:20], r.text[:200])


def test_api_key_cors_and_no_patient_text_in_logs(pipeline, caplog):
    app = create_app(Settings(warm_up=False, api_key="s3cret"), pipeline=pipeline)
    with TestClient(app) as c, caplog.at_level(logging.DEBUG):
        assert c.get("/v1/health").status_code == 200  # open, for load balancers
        secret_question = "Does my neighbour Zyxwa Qorbel have gout?"
        r = c.post("/v1/ask", json={"question": secret_question})
        assert r.status_code == 401 and r.json()["error"]["status"] == 401
        r = c.post("/v1/ask", json={"question": secret_question}, headers={"X-API-Key": "nope"})
        assert r.status_code == 401
        r = c.post("/v1/ask", json={"question": secret_question},
                   headers={"X-API-Key": "s3cret"})  # fmt: skip
        assert r.status_code == 200
        r = c.post("/v1/diagnose", json={"findings": "Zyxwa Qorbel fever"},
                   headers={"Authorization": "Bearer s3cret"})  # fmt: skip
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    logged = "\n".join(rec.getMessage() for rec in caplog.records)
    assert "POST /v1/ask 200" in logged and "Zyxwa" not in logged and "Qorbel" not in logged
    cors = create_app(Settings(warm_up=False, cors_origins=("https://ehr.example.org",)),
                      pipeline=pipeline)  # fmt: skip
    with TestClient(cors) as c:
        r = c.get("/v1/health", headers={"Origin": "https://ehr.example.org"})
        assert r.headers["access-control-allow-origin"] == "https://ehr.example.org"


def test_time_budget_and_bounded_queue(pipeline):
    class Slow:  # a pipeline whose answer takes longer than the budget
        kg = pipeline.kg

        def ask(self, *_a, **_k):
            threading.Event().wait(1.0)
            return pipeline.ask("Which drugs treat gout?")

    app = create_app(Settings(warm_up=False, timeout_s=0.1), pipeline=Slow())
    with TestClient(app) as c:
        r = c.post("/v1/ask", json={"question": "Which drugs treat gout?"})
        assert r.status_code == 504 and "budget" in r.json()["error"]["message"]
    service = Service(Settings(warm_up=False, queue=1, threads=1), pipeline=object())
    release = threading.Event()

    async def two_at_once():
        first = asyncio.ensure_future(service.run(lambda _p: release.wait(5)))
        await asyncio.sleep(0.05)
        with pytest.raises(Busy):
            await service.run(lambda _p: None)
        release.set()
        assert await first is True
        assert await service.run(lambda _p: 7) == 7  # the slot is free again

    asyncio.run(two_at_once())
    service.close()


def test_loading_is_reported_until_ready(tmp_path):
    # a home with nothing built: health says why, endpoints answer 503, nothing crashes
    app = create_app(Settings(home=str(tmp_path), warm_up=False))
    with TestClient(app) as c:
        for _ in range(100):
            health = c.get("/v1/health")
            if health.json()["status"] != "loading":
                break
            threading.Event().wait(0.05)
        assert health.status_code == 503 and health.json()["status"] == "failed"
        assert "kgqa build" in health.json()["detail"]
        r = c.post("/v1/ask", json={"question": "Which drugs treat gout?"})
        assert r.status_code == 503 and r.json()["error"]["message"].startswith("the service is")


def test_openapi_lists_every_endpoint_and_the_page_is_served(client):
    paths = set(client.get("/v1/openapi.json").json()["paths"])
    assert {"/v1/ask", "/v1/verify", "/v1/diagnose", "/v1/link", "/v1/retrieve",
            "/v1/nodes/{ref}", "/v1/ask/batch", "/v1/verify/batch", "/v1/diagnose/batch",
            "/v1/info", "/v1/health"} <= paths  # fmt: skip
    assert client.get("/docs").status_code == 200
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


def test_the_committed_json_schema_is_generated_from_the_records():
    from kgqa.evidence import REPLIES, json_schema

    for cls in REPLIES:
        committed = json.loads((SCHEMA_DIR / f"{cls.__name__}.schema.json").read_text("utf-8"))
        assert committed == json_schema(cls), f"run `kgqa schema` to regenerate {cls.__name__}"


def test_the_pipeline_over_a_sparql_server_answers_as_the_embedded_one(
    fixture_home, sparql_server, pipeline, monkeypatch
):
    from kgqa.pipeline import Pipeline

    monkeypatch.setenv("KGQA_SPARQL_URL", sparql_server)
    remote = Pipeline.load(fixture_home)
    assert remote.kg.endpoint == sparql_server
    for q in ("Which drugs treat gout?", "Which genes are associated with Marfan syndrome?"):
        here, there = pipeline.ask(q, k=5), remote.ask(q, k=5)
        assert [(a.node, round(a.score, 6)) for a in here.answers] == [
            (a.node, round(a.score, 6)) for a in there.answers]  # fmt: skip
    d_here = pipeline.diagnose("arachnodactyly, ectopia lentis", k=3)
    d_there = remote.diagnose("arachnodactyly, ectopia lentis", k=3)
    assert [r.node for r in d_here.ranked] == [r.node for r in d_there.ranked]
