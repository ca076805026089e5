"""PubTator files (NCBI-disease, BC5CDR): documents with typed, id-annotated mentions.

Example:
    >>> import io
    >>> docs = read_pubtator(io.StringIO(
    ...     "1|t|Gout and aspirin.\\n1|a|Colchicine helps.\\n"
    ...     "1\\t0\\t4\\tGout\\tDisease\\tD006073\\n1\\t9\\t16\\taspirin\\tChemical\\tD001241\\n"
    ...     "1\\tCID\\tD001241\\tD006073\\n\\n"))
    >>> [(m.text, m.type, m.ids) for m in docs[0].mentions]
    [('Gout', 'DISEASE', ('MESH:D006073',)), ('aspirin', 'CHEMICAL', ('MESH:D001241',))]
    >>> docs[0].relations
    (('MESH:D001241', 'MESH:D006073'),)
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgqa.errors import DataError
from kgqa.text import SENTENCE_END

logger = logging.getLogger(__name__)

# NCBI-disease has SpecificDisease / DiseaseClass / Modifier / CompositeMention; BC5CDR has
# Disease / Chemical.
_TYPES = {
    "specificdisease": "DISEASE",
    "diseaseclass": "DISEASE",
    "modifier": "DISEASE",
    "compositemention": "DISEASE",
    "disease": "DISEASE",
    "chemical": "CHEMICAL",
    "gene": "GENE",
}


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    type: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    pmid: str
    title: str
    abstract: str
    mentions: tuple[GoldMention, ...]
    relations: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """Title and abstract joined by one space, as PubTator offsets count them."""
        return f"{self.title} {self.abstract}" if self.abstract else self.title

    def sentences(self) -> list[tuple[int, int]]:
        """Character spans of sentences; never cuts through a mention."""
        text = self.text
        cuts = [0, len(self.title) + 1] if self.abstract else [0]
        starts = {m.start for m in self.mentions}
        inside = [(m.start, m.end) for m in self.mentions]
        base = len(self.title) + 1
        for m in SENTENCE_END.finditer(self.abstract):
            pos = base + m.end()
            if not any(s < pos < e for s, e in inside) or pos in starts:
                cuts.append(pos)
        cuts = [*sorted(set(cuts)), len(text)]
        spans = []
        for a, b in itertools.pairwise(cuts):
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail > lead:
                spans.append((a + lead, a + trail))
        return spans


def _ids(raw: str) -> tuple[str, ...]:
    out = []
    for part in re.split(r"[|+,]", raw.strip()):
        part = part.strip()
        if not part or part == "-1":
            continue
        if ":" in part:
            prefix, local = part.split(":", 1)
            out.append(f"{'OMIM' if prefix.upper() in ('OMIM', 'MIM') else prefix.upper()}:{local}")
        elif re.fullmatch(r"[CD]\d+", part):
            out.append(f"MESH:{part}")
        elif part.isdigit():
            out.append(f"OMIM:{part}")
    return tuple(out)


def _blocks(fh: io.TextIOBase) -> Iterator[list[str]]:
    block: list[str] = []
    for line in fh:
        line = line.rstrip("\n\r")
        if not line.strip():
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


def read_pubtator(source: Path | str | io.TextIOBase) -> list[Document]:
    """Parse a PubTator file. Mentions whose offsets do not match their text are dropped with
    a warning; a file with no documents raises DataError."""
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise DataError(f"no PubTator file at {path}")
        with open(path, encoding="utf-8") as fh:
            return read_pubtator(fh)
    docs: list[Document] = []
    bad = 0
    for block in _blocks(source):
        title = abstract = ""
        pmid = ""
        mentions: list[GoldMention] = []
        relations: list[tuple[str, str]] = []
        for line in block:
            if "|t|" in line[:20]:
                pmid, title = line.split("|t|", 1)
            elif "|a|" in line[:20]:
                pmid, abstract = line.split("|a|", 1)
            else:
                cols = line.split("\t")
                if len(cols) >= 4 and cols[1] == "CID":
                    relations.extend((a, b) for a in _ids(cols[2]) for b in _ids(cols[3]))
                elif len(cols) >= 5 and cols[1].isdigit():
                    kind = _TYPES.get(cols[4].strip().lower())
                    if kind is None:
                        continue
                    mentions.append(
                        GoldMention(
                            int(cols[1]),
                            int(cols[2]),
                            cols[3],
                            kind,
                            _ids(cols[5]) if len(cols) > 5 else (),
                        )
                    )
        if not pmid:
            continue
        doc = Document(pmid.strip(), title, abstract, (), tuple(relations))
        text = doc.text
        good = [m for m in mentions if text[m.start : m.end] == m.text]
        bad += len(mentions) - len(good)
        docs.append(Document(doc.pmid, title, abstract, tuple(good), doc.relations))
    if bad:
        logger.warning("dropped %d mentions whose offsets do not match the text", bad)
    if not docs:
        raise DataError("no PubTator documents found (expected 'PMID|t|title' lines)")
    return docs
