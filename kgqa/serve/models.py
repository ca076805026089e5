"""The REST service's request models (pydantic, strict: unknown fields are refused) and the
records of its own replies. Answers, verdicts and differentials are the library's records
(:class:`~kgqa.records.AskReply` ...), so the service, ``--json`` and Python share one schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from kgqa import validation as v
from kgqa.records import (
    AskReply,
    DiagnoseReply,
    EvidenceGraph,
    GraphNode,
    Mention,
    Passage,
    VerifyReply,
)

# a batch is answered within one request's time budget, so it is smaller than ask_many's
MAX_SERVE_BATCH = 32

Language = Literal["auto", "en", "zh"]
Question = Annotated[str, Field(min_length=1, max_length=v.MAX_QUESTION_CHARS)]
Name = Annotated[str, Field(min_length=1, max_length=v.MAX_NAME_CHARS)]
K = Annotated[int, Field(ge=1, le=v.MAX_K, strict=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class AskRequest(_Strict):
    """A question; with ``options``, multiple choice (each option ranked)."""

    question: Question = Field(examples=["Which drugs treat gout?"])
    options: list[Annotated[str, Field(min_length=1, max_length=v.MAX_OPTION_CHARS)]] | None = (
        Field(default=None, max_length=v.MAX_OPTIONS, examples=[None])
    )
    k: K = 10
    language: Language = Field(
        default="auto",
        description="how to show answers: 'zh' puts Chinese labels first where the graph has "
        "them; 'auto' follows the question's script",
    )


class VerifyRequest(_Strict):
    """A claim to check against the graph: supported, refuted or unknown."""

    claim: Question = Field(examples=["Metformin treats type 2 diabetes mellitus"])
    language: Language = "auto"


class DiagnoseRequest(_Strict):
    """Findings (one text, or a list of names / HPO ids), with what to check."""

    findings: (
        Annotated[str, Field(min_length=1, max_length=v.MAX_TEXT_CHARS)]
        | Annotated[list[Name], Field(min_length=1, max_length=v.MAX_FINDINGS)]
    ) = Field(examples=["short stature, hypertelorism, shawl scrotum, no seizures"])
    excluded: list[Name] = Field(default_factory=list, max_length=v.MAX_FINDINGS)
    proposed: Name | None = Field(default=None, examples=["Aarskog-Scott syndrome"])
    drugs: list[Name] = Field(default_factory=list, max_length=v.MAX_FINDINGS)
    k: K = 10
    language: Language = "auto"


class LinkRequest(_Strict):
    text: Annotated[str, Field(min_length=1, max_length=v.MAX_TEXT_CHARS)] = Field(
        examples=["G6PD deficiency causes hemolytic anemia; no fever."]
    )


class RetrieveRequest(_Strict):
    query: Annotated[str, Field(min_length=1, max_length=v.MAX_QUERY_CHARS)]
    k: K = 10
    about: list[Name] | None = Field(default=None, max_length=v.MAX_FINDINGS)


class AskBatch(_Strict):
    questions: list[Question] = Field(min_length=1, max_length=MAX_SERVE_BATCH)
    k: K = 10
    language: Language = "auto"


class VerifyBatch(_Strict):
    claims: list[Question] = Field(min_length=1, max_length=MAX_SERVE_BATCH)


class DiagnoseBatch(_Strict):
    cases: list[DiagnoseRequest] = Field(min_length=1, max_length=MAX_SERVE_BATCH)


# ----------------------------------------------------------------------- replies
@dataclass(frozen=True)
class LinkReply:
    text: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class RetrieveReply:
    query: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class RelationCount:
    """How many edges of one relation a node has, in one direction (``out``: the node is the
    subject)."""

    relation: str
    direction: Literal["out", "in"]
    count: int


@dataclass(frozen=True)
class NodeReply:
    """A node with all its names (and their language), its ids, the count of its edges per
    relation and direction, the sources that state them, and up to ``limit`` of them as an
    evidence graph, taken in turn from each relation (``truncated`` when there were more)."""

    node: GraphNode
    names: tuple[tuple[str, str], ...]
    ids: tuple[str, ...]
    relations: tuple[RelationCount, ...]
    sources: tuple[str, ...]
    graph: EvidenceGraph
    truncated: bool = False


@dataclass(frozen=True)
class Health:
    status: Literal["ready", "loading", "failed"]
    detail: str = ""


@dataclass(frozen=True)
class SourceInfo:
    name: str
    licence: str
    edges: int = 0


@dataclass(frozen=True)
class ModelInfo:
    name: str
    manifest: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ServiceInfo:
    version: str
    graph_build_id: str
    hpo_release: str
    backend: str
    passages: bool
    sources: tuple[SourceInfo, ...]
    models: tuple[ModelInfo, ...]
    limits: dict[str, int]


@dataclass(frozen=True)
class ErrorDetail:
    """A refused request: the field at fault (when one is), and what was wrong."""

    message: str
    field: str = ""
    status: int = 400


@dataclass(frozen=True)
class ErrorReply:
    error: ErrorDetail


@dataclass(frozen=True)
class AskBatchReply:
    replies: tuple[AskReply, ...]


@dataclass(frozen=True)
class VerifyBatchReply:
    replies: tuple[VerifyReply, ...]


@dataclass(frozen=True)
class DiagnoseBatchReply:
    replies: tuple[DiagnoseReply, ...]
