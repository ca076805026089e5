"""Dictionary linking: longest n-gram matches against the graph's names index, with a simple
negation scope (NegEx-style cues at the start of a clause).

Example:
    >>> [(c.text, c.negated) for c in split_findings("short stature, no seizures; denies fever")]
    [('short stature', False), ('seizures', True), ('fever', True)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Node

MAX_TEXT_CHARS = 20_000
MAX_NGRAM = 8
_NEGATION = re.compile(
    r"^(?:no|not|without|denies|denied|denying|absent|absence of|negative for|free of|"
    r"no evidence of|no signs? of|no history of|never had|excluded:?|rules? out|ruled out)\s+",
    re.IGNORECASE,
)
_POST_NEGATION = re.compile(
    r"\s+(?:absent|not present|excluded|ruled out|negative)$", re.IGNORECASE
)
_SPLIT = re.compile(r"[,;\n\r\t•]+|\.\s+|\s+and\s+|\s+but\s+|\s+with\s+", re.IGNORECASE)
_WORD = re.compile(r"\S+")
# single words that are graph names but almost never mean the node in running text
COMMON_NAME_WORDS = frozenset(
    """all can was has had may not per set age men man fat cell cells iron gold lead tin ace
    acid base water oxygen salt sugar pain other type form forms role case cases normal high
    low long short large small disease diseases disorder syndrome patient patients increase
    increased decrease decreased loss therapy treatment drug drugs gene genes""".split()
)


@dataclass(frozen=True)
class Clause:
    text: str
    negated: bool


@dataclass(frozen=True)
class DictMatch:
    """A span of the input linked to a node by name."""

    text: str
    node: Node
    negated: bool


def clean_text(text: str) -> str:
    """Reject what cannot be findings; drop control characters."""
    if not isinstance(text, str):
        raise InputError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text of {len(text)} characters; at most {MAX_TEXT_CHARS} are accepted")
    return "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)


def split_findings(text: str) -> list[Clause]:
    """Split a findings list into clauses and mark the negated ones. Negation carries over
    a list after a cue ("no fever, cough or rash" negates all three)."""
    out: list[Clause] = []
    for chunk in _SPLIT.split(clean_text(text)):
        chunk = chunk.strip(" .:-")
        if not chunk:
            continue
        negated = False
        m = _NEGATION.match(chunk)
        if m:
            negated, chunk = True, chunk[m.end() :]
        m2 = _POST_NEGATION.search(chunk)
        if m2:
            negated, chunk = True, chunk[: m2.start()]
        for part in re.split(r"\s+or\s+|\s+nor\s+", chunk):
            part = part.strip(" .:-")
            if part:
                out.append(Clause(part, negated))
    return out


class DictionaryLinker:
    """Links text to nodes of the given classes by the longest name match."""

    def __init__(self, kg: KnowledgeGraph, classes: Iterable[str] = ("Phenotype",)) -> None:
        self.kg = kg
        self.classes = tuple(classes)

    def _lookup(self, text: str) -> Node | None:
        if re.fullmatch(r"[A-Za-z]+:\S+", text.strip()):
            node = self.kg.node(text)
            return node if node and node.cls in self.classes else None
        for cls in self.classes:
            matches = self.kg.find(text, cls=cls, limit=1)
            if matches:
                return matches[0].node
        return None

    def link_clause(self, clause: Clause) -> list[DictMatch]:
        whole = self._lookup(clause.text)
        if whole:
            return [DictMatch(clause.text, whole, clause.negated)]
        words = _WORD.findall(clause.text)
        out: list[DictMatch] = []
        i = 0
        while i < len(words):
            for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
                span = " ".join(words[i : i + n]).strip(".,;:()")
                node = self._lookup(span) if len(span) > 2 else None
                if node:
                    out.append(DictMatch(span, node, clause.negated))
                    i += n
                    break
            else:
                i += 1
        return out

    def link(self, text: str) -> tuple[list[DictMatch], list[str]]:
        """(matches, clauses that linked to nothing)."""
        matches: list[DictMatch] = []
        unlinked: list[str] = []
        for clause in split_findings(text):
            found = self.link_clause(clause)
            matches.extend(found)
            if not found:
                unlinked.append(clause.text)
        return matches, unlinked
