"""Records each source reader produces, and helpers for reading the raw files."""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kgqa.errors import DataError

logger = logging.getLogger(__name__)

AttrValue = str | int | float
SUBCLASS = "subClassOf"


@dataclass(frozen=True)
class Concept:
    """One source's view of a concept: its id, class, names and alias ids."""

    source: str
    curie: str
    cls: str
    label: str | None = None
    synonyms: tuple[str, ...] = ()
    alias_ids: tuple[str, ...] = ()
    definition: str | None = None
    labels_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    """A relation asserted by a source between two CURIEs; ``attrs`` are kept on a statement."""

    source: str
    subject: str
    relation: str
    object: str
    attrs: tuple[tuple[str, AttrValue], ...] = ()


@dataclass(frozen=True)
class SameAs:
    """A source's claim that two CURIEs name the same concept; ``group`` names the source's own
    concept when several claims come from one (a Mondo class)."""

    source: str
    a: str
    b: str
    reason: str
    group: str = ""


@dataclass(frozen=True)
class Reference:
    """An edge endpoint a source can only name indirectly: the first of ``alternatives`` (CURIEs
    or :func:`name_ref` / :func:`find_ref` references) that resolves to a node wins; when none
    does, ``fallback`` (if given) becomes a node of its own.

    An edge names a reference by its key, ``ref:<source>:<key>``.
    """

    alternatives: tuple[str, ...]
    fallback: Concept | None = None


@dataclass
class Contribution:
    """Everything one source adds to the graph."""

    source: str
    concepts: list[Concept] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    same_as: list[SameAs] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    # relations whose edges this source only corroborates: an edge is kept when another source
    # states the same edge (SIDER's text-mined indications hold contraindications too)
    corroborates_only: frozenset[str] = frozenset()

    def refer(self, key: str, reference: Reference) -> str:
        """Register ``reference`` under ``key`` and return the endpoint string edges use."""
        self.references.setdefault(key, reference)
        return f"ref:{self.source}:{key}"

    def note(self, key: str, n: int = 1) -> None:
        self.notes[key] = self.notes.get(key, 0) + n


def name_ref(cls: str, label: str) -> str:
    """A reference by name, resolved by the builder to a node of ``cls`` (minted when none)."""
    return f"name:{cls}:{label}"


def find_ref(cls: str, label: str) -> str:
    """A reference by name to an existing node of ``cls``; never minted (the edge is dropped)."""
    return f"find:{cls}:{label}"


AGREE_SEP = "||"


def agree_ref(*alternatives: str) -> str:
    """A reference that resolves only when every one of ``alternatives`` (CURIEs or
    :func:`find_ref` references) resolves to one and the same node: an id and a name that
    agree outrank a coarser id given beside them."""
    return "both:" + AGREE_SEP.join(alternatives)


# whole words only: "Organ Transplant Rejection" had become "gan Transplant Rejection"
_QUALIFIERS = re.compile(
    r"^(?:(?:metastatic|advanced|recurrent|refractory|relapsed|unresectable|locally|severe|"
    r"moderate|moderately|mild|to|severely|active|malignant|and|or)\b\s*|,\s*)+",
    re.IGNORECASE,
)


# an indication for keeping a disorder away, not treating it: "Migraine Prevention",
# "Prevention of Cerebrovascular Accident", "Post-Exposure Anthrax Prevention"
PREVENTION_WORDS = re.compile(
    r"^(?:post-exposure\s+)?(?:prevention|prophylaxis) of\s+|^post-exposure\s+"
    r"|\s+(?:prevention|prophylaxis)$",
    re.IGNORECASE,
)


def without_prevention(text: str) -> str:
    """The disorder an indication for preventing it names ("" when it says no prevention):
    tried only when the whole text names nothing; the statement keeps the whole text, which
    says it is for prevention.

    Example:
        >>> without_prevention("Migraine Prevention"), without_prevention("Gout")
        ('Migraine', '')
        >>> without_prevention("Post-Exposure Anthrax Prevention")
        'Anthrax'
    """
    stripped = PREVENTION_WORDS.sub("", text.strip()).strip()
    return stripped if stripped != text.strip() else ""


def strip_qualifiers(text: str) -> str:
    """An indication without the leading stage and severity words a label adds to a disease
    name ("Metastatic Malignant Melanoma" is melanoma): tried only when the whole text names
    nothing, and the statement keeps the whole text.

    Example:
        >>> strip_qualifiers("Metastatic Malignant Melanoma")
        'Melanoma'
        >>> strip_qualifiers("Moderate to severe plaque psoriasis")
        'plaque psoriasis'
        >>> strip_qualifiers("Gout"), strip_qualifiers("Organ Transplant Rejection")
        ('Gout', 'Organ Transplant Rejection')
    """
    return _QUALIFIERS.sub("", text.strip()).strip() or text.strip()


_CONNECTOR = re.compile(
    r"\s+(?:due to|associated with|secondary to|caused by|related to|with|of|in|from|after|"
    r"during|for|following|prior to|before)\s+|[,;(]|-induced\b|\s+induced\b",
    re.IGNORECASE,
)
_GENERIC_HEADS = {
    "infection", "infections", "disease", "diseases", "disorder", "disorders", "syndrome",
    "condition", "conditions", "pain", "symptom", "symptoms", "neoplasm", "neoplasms", "tumor",
    "tumors", "cancer", "cancers", "carcinoma", "deficiency", "prevention", "therapy",
    "adjunct", "agent", "test", "diagnosis", "injury", "injuries", "lesion", "lesions",
}  # fmt: skip


def head_suffixes(text: str) -> list[str]:
    """The shorter names an indication's head phrase may carry, longest first: the words
    before a connector ("due to", "associated with", "of" ...), then that phrase less its
    leading words, never a bare generic word ("infection", "cancer"). "E. Coli Urinary Tract
    Infection" is a urinary tract infection; "Anemia due to Chronic Kidney Disease" is anemia,
    never the kidney disease; "Rheumatoid Arthritis in Patient at High Ulcer Risk" is
    rheumatoid arthritis (it had become arthritis, the head less its first word).

    Example:
        >>> head_suffixes("E. Coli Urinary Tract Infection")[:2]
        ['Coli Urinary Tract Infection', 'Urinary Tract Infection']
        >>> head_suffixes("Anemia due to Chronic Kidney Disease")
        ['Anemia']
        >>> head_suffixes("Rheumatoid Arthritis in Patient at High Ulcer Risk")
        ['Rheumatoid Arthritis', 'Arthritis']
        >>> head_suffixes("Haemophilus Influenzae Pneumonia")
        ['Influenzae Pneumonia', 'Haemophilus Pneumonia', 'Pneumonia']
        >>> head_suffixes("Acquired Factor VIII Deficiency Disease")
        ['Factor VIII Deficiency Disease', 'VIII Deficiency Disease']

    Before the head's last word alone come the head's first and last words with one word
    between them left out: "Diabetic Peripheral Neuropathy" (no node of its name, nor of
    peripheral neuropathy's among diseases) is diabetic neuropathy before neuropathy
    (duloxetine's and pregabalin's label indication had become neuropathy's).

        >>> head_suffixes("Diabetic Peripheral Neuropathy")
        ['Peripheral Neuropathy', 'Diabetic Neuropathy', 'Neuropathy']
        >>> head_suffixes("Latent Late Syphilis")
        ['Late Syphilis', 'Latent Syphilis', 'Syphilis']
    """
    head = _CONNECTOR.split(text.strip(), maxsplit=1)[0]
    words = head.split()
    out = []
    for i in range(0 if head.strip() != text.strip() else 1, len(words)):
        suffix = " ".join(words[i:])
        # never generic words alone: "Extravasation Injury" is no *Wounds and Injuries*,
        # "Acquired Factor VIII Deficiency Disease" no nutritional deficiency disease
        if all(w.lower().strip(".") in _GENERIC_HEADS for w in words[i:]):
            continue
        out.append(suffix)
    if len(words) >= 3 and out and out[-1] == words[-1]:
        out[-1:] = [" ".join((*words[:i], *words[i + 1 :])) for i in range(1, len(words) - 1)]
        out.append(words[-1])
    return out


# the words a label puts after a disorder's name: "Acute Asthma Attack", "Acute Otitis Media
# Infection", "Opioid Withdrawal Symptoms"
_TRAILING_GENERIC = re.compile(
    r"(?:\s+(?:attacks?|episodes?|infections?|symptoms?|syndrome|disorders?|conditions?))+$",
    re.IGNORECASE,
)
_INDUCED = re.compile(r"^(?P<cause>\S.*?)(?:-|\s+)induced\s+(?P<what>\S.*)$", re.IGNORECASE)


def inner_names(text: str) -> list[str]:
    """The names of a disorder an indication carries inside its own, longest first, tried only
    when the whole text and its head phrase name nothing: what a drug or a treatment induced
    ("Chemotherapy-induced nausea and vomiting" is nausea and vomiting, "Opioid-Induced
    Constipation" constipation), then the head phrase less the generic words after it and
    its leading words ("Acute Asthma Attack" is asthma), never a bare generic word.

    Example:
        >>> inner_names("Opioid-Induced Constipation")
        ['Constipation']
        >>> inner_names("Acute Asthma Attack")
        ['Acute Asthma', 'Asthma']
        >>> inner_names("Acute Otitis Media Infection")
        ['Acute Otitis Media', 'Otitis Media', 'Media']
        >>> inner_names("Thrombosis Prevention in Heparin-Induced Thrombocytopenia")
        []
    """
    out = []
    induced = _INDUCED.match(text.strip())
    # what the head phrase says was induced, never a later phrase's ("Thrombosis Prevention in
    # Heparin-Induced Thrombocytopenia" treats no thrombocytopenia)
    if induced is not None and not _CONNECTOR.search(induced["cause"]):
        out.append(induced["what"].strip())
    head = _CONNECTOR.split(text.strip(), maxsplit=1)[0].strip()
    trimmed = _TRAILING_GENERIC.sub("", head).strip()
    if trimmed and trimmed != head:
        words = trimmed.split()
        for i in range(len(words)):
            suffix = " ".join(words[i:])
            if not (len(words) - i == 1 and suffix.lower().strip(".") in _GENERIC_HEADS):
                out.append(suffix)
    return [t for t in dict.fromkeys(out) if t]


def reachable(start: str, edges: Mapping[str, Sequence[str]]) -> set[str]:
    """Every node reached from ``start`` by following ``edges`` (``start`` itself only
    through a cycle): ancestors through a parents map, descendants through a children map.

    Example:
        >>> sorted(reachable("c", {"c": ["b"], "b": ["a"], "x": ["a"]}))
        ['a', 'b']
    """
    seen: set[str] = set()
    stack = [start]
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def require(path: Path) -> Path:
    """Return ``path`` or raise DataError naming the missing file."""
    if not path.is_file():
        raise DataError(f"missing source file {path}; is the data directory right (--data-dir)?")
    return path


def read_tsv(
    path: Path, columns: Sequence[str], comment: str | None = None, quoted: bool = False
) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header, checking that ``columns`` are present.

    Values are stripped of surrounding double quotes (the DO reports quote every cell). With
    ``quoted``, a cell in double quotes may hold tabs and line breaks (CSV quoting rules).
    """
    require(path)
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not (comment and line.startswith(comment)))
        quoting = csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
        reader = csv.reader(lines, delimiter="\t", quoting=quoting)
        try:
            header = [h.strip().strip('"') for h in next(reader)]
        except StopIteration:
            raise DataError(f"{path} is empty") from None
        missing = [c for c in columns if c not in header]
        if missing:
            raise DataError(f"{path} lacks columns {missing}; found {header}")
        for row in reader:
            if not row or all(not v for v in row):
                continue
            if len(row) > len(header):
                raise DataError(
                    f"{path}, line {reader.line_num}: {len(row)} fields, the header has "
                    f"{len(header)}"
                )
            yield {
                h: (row[i].strip().strip('"') if i < len(row) else "") for i, h in enumerate(header)
            }


def one_to_one(
    pairs: Sequence[tuple[str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Split (a, b) pairs into those where a and b each occur exactly once, and the rest."""
    pairs = sorted(set(pairs))
    na: dict[str, int] = {}
    nb: dict[str, int] = {}
    for a, b in pairs:
        na[a] = na.get(a, 0) + 1
        nb[b] = nb.get(b, 0) + 1
    unique = [(a, b) for a, b in pairs if na[a] == 1 and nb[b] == 1]
    rest = [(a, b) for a, b in pairs if not (na[a] == 1 and nb[b] == 1)]
    return unique, rest


def own_of_several(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Of pairs that are not 1:1, those of an ``a`` listing several ``b`` of which exactly one
    no other ``a`` lists: that one is its own. DrugCentral gives a prodrug or a salt its own
    DrugBank id and its active compound's, which the active compound lists too (levodopa:
    L-DOPA and dopamine; esomeprazole: esomeprazole and omeprazole); levodopa had stayed a
    node apart from DrugBank's, its indications from its side effects.

    Example:
        >>> own_of_several([("levodopa", "DB:L-DOPA"), ("levodopa", "DB:dopamine"),
        ...                 ("dopamine", "DB:dopamine"), ("x", "DB:1"), ("x", "DB:2")])
        [('levodopa', 'DB:L-DOPA')]
    """
    pairs = sorted(set(pairs))
    listed: dict[str, set[str]] = {}
    listing: dict[str, set[str]] = {}
    for a, b in pairs:
        listed.setdefault(a, set()).add(b)
        listing.setdefault(b, set()).add(a)
    out = []
    for a, bs in listed.items():
        own = [b for b in sorted(bs) if listing[b] == {a}]
        if len(bs) > 1 and len(own) == 1:
            out.append((a, own[0]))
    return out
