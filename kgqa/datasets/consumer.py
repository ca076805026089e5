"""Real consumer health questions: MeQSum (``consumer_questions/meqsum.jsonl``), 1,000 messages
people sent to the U.S. National Library of Medicine, each with an expert's one-line summary.

Example:
    >>> import io
    >>> row = '{"id": "1", "question": "SUBJECT: gout\\\\nMESSAGE: what helps?", "summary": "x?"}'
    >>> [q.subject for q in read_consumer_questions(io.StringIO(row))]
    ['gout']
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgqa.errors import DataError

MEQSUM_FILE = Path("consumer_questions") / "meqsum.jsonl"


@dataclass(frozen=True)
class ConsumerQuestion:
    """A message as sent (``text``: subject and body), its subject line when it has one, and
    the expert's summary of what it asks."""

    qid: str
    text: str
    summary: str

    @property
    def subject(self) -> str:
        first = self.text.split("\n", 1)[0]
        return first.removeprefix("SUBJECT:").strip() if first.startswith("SUBJECT:") else ""


def read_consumer_questions(source: Path | str | io.TextIOBase) -> Iterator[ConsumerQuestion]:
    """The messages of a MeQSum-style JSONL file (``id``, ``question``, ``summary``)."""
    fh = open(source, encoding="utf-8") if isinstance(source, str | Path) else source  # noqa: SIM115
    try:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                yield ConsumerQuestion(str(row["id"]), str(row["question"]), str(row["summary"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise DataError(f"line {n} of {source} is not a consumer question: {exc}") from exc
    finally:
        if fh is not source:
            fh.close()
