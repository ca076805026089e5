"""Real consumer health questions: MeQSum (``consumer_questions/meqsum.jsonl``), 1,000 messages
people sent to the U.S. National Library of Medicine, each with an expert's one-line summary.

Example:
    >>> import io
    >>> row = '{"id": "1", "question": "SUBJECT: gout\\\\nMESSAGE: what helps?", "summary": "x?"}'
    >>> [q.subject for q in read_consumer_questions(io.StringIO(row))]
    ['gout']
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kgqa.errors import DataError

MEQSUM_FILE = Path("consumer_questions") / "meqsum.jsonl"
# messages held out besides the hand-labelled ones: with 200 labelled, half of MeQSum
HELD_OUT_UNLABELLED = 300


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


Split = tuple[list[ConsumerQuestion], list[ConsumerQuestion]]


def meqsum_split(items: Sequence[ConsumerQuestion], labelled: Collection[str]) -> Split:
    """(training, held out): the fixed split of MeQSum. Every hand-labelled message is held out,
    and ``HELD_OUT_UNLABELLED`` more, the first by the SHA-256 of their id (no seed, no order of
    the file). ``kgqa train message`` fits on the training part only; ``kgqa eval consumer``
    reports the held-out part apart.

    Example:
        >>> qs = [ConsumerQuestion(str(i), "m", "s") for i in range(400)]
        >>> train, held = meqsum_split(qs, {"7"})
        >>> len(train), len(held), "7" in {q.qid for q in held}
        (99, 301, True)
    """
    rest = sorted((q for q in items if q.qid not in labelled),
                  key=lambda q: hashlib.sha256(q.qid.encode("utf-8")).hexdigest())  # fmt: skip
    held = {q.qid for q in rest[:HELD_OUT_UNLABELLED]} | set(labelled)
    return [q for q in items if q.qid not in held], [q for q in items if q.qid in held]
