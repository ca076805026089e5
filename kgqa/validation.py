"""Arguments checked at the door: every public entry point calls these before any work.

Each check names the argument it refuses and raises :class:`~kgqa.errors.InputError`, so a
caller (the CLI, the REST service, a program) can say what was wrong. A string where a sequence
is expected is refused (``excluded="seizures"`` would otherwise be read as eight letters), as
is ``True`` where a count is expected. Text is cleaned the way :func:`kgqa.text.clean_text`
cleans it: control characters and lone surrogates become one space each, typographic quotes
and dashes their ASCII, so offsets into the cleaned text are offsets into the caller's.

The limits keep each call bounded (under 2 s on 2 cores; ``scripts/fuzz.py`` checks it):

=====================  =======  ==========================================
limit                  value    applies to
=====================  =======  ==========================================
``MAX_TEXT_CHARS``     20,000   a text to link, findings as text
``MAX_CLAIM_CHARS``    2,000    a question, a claim
``MAX_QUERY_CHARS``    2,000    a retrieval query
``MAX_NAME_CHARS``     500      a name, an id, one finding
``MAX_K``              100      ``k`` of ask, retrieve, diagnose
``MAX_OPTIONS``        10       multiple-choice options
``MAX_OPTION_CHARS``   300      one option
``MAX_FINDINGS``       60       findings, excluded findings, drugs
``MAX_BATCH``          256      questions of one ``ask_many``
``MAX_FIND_LIMIT``     1000     ``limit`` of graph lookups
=====================  =======  ==========================================

Example:
    >>> count("k", 5, high=MAX_K)
    5
    >>> texts("excluded", "seizures", max_items=MAX_FINDINGS)
    Traceback (most recent call last):
    ...
    kgqa.errors.InputError: excluded: expected a list of texts, got one str
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from kgqa.errors import InputError

MAX_TEXT_CHARS = 20_000  # a text to link, a findings text
MAX_CLAIM_CHARS = 2000  # a question or a claim
MAX_QUESTION_CHARS = MAX_CLAIM_CHARS
MAX_QUERY_CHARS = 2000  # a retrieval query
MAX_NAME_CHARS = 500  # a name or id to look up
MAX_K = 100
MAX_OPTIONS = 10
MAX_OPTION_CHARS = 300
MAX_FINDINGS = 60
MAX_BATCH = 256
MAX_FIND_LIMIT = 1000


# typographic quotes and dashes as the ASCII a name is spelt with, one character for one: a
# phone's "Parkinson’s" (read as *secondary Parkinson disease*, where "Parkinson's" is its
# disease), "beta‐thalassemia", "receptor–associated"; an em dash is a pause, a space
TYPOGRAPHIC = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
     "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
     "\u2014": " ", "\u2015": " "}
)  # fmt: skip


def cleaned(value: str, keep: str = "\n\t") -> str:
    """Control characters and lone surrogates as one space each (lengths kept), but those in
    ``keep`` (line breaks and tabs: a message's layout); typographic quotes and dashes as
    their ASCII (:data:`TYPOGRAPHIC`, one character for one). The one cleaning rule of kgqa;
    :func:`kgqa.text.clean_text` keeps none.

    Example:
        >>> cleaned("Parkinson’s \u2013 and TNF receptor\u2013associated")
        "Parkinson's - and TNF receptor-associated"
    """
    if value.isprintable() and value.isascii():
        return value
    return "".join(" " if unicodedata.category(ch).startswith("C") and ch not in keep
                   else ch for ch in value.translate(TYPOGRAPHIC))  # fmt: skip


def text(name: str, value: object, max_chars: int, empty: bool = True) -> str:
    """``value`` as cleaned text of at most ``max_chars`` characters."""
    if not isinstance(value, str):
        raise InputError(f"{name}: expected text, got {type(value).__name__}")
    if len(value) > max_chars:
        raise InputError(f"{name}: {len(value)} characters; at most {max_chars}")
    out = cleaned(value)
    if not empty and not out.strip():
        raise InputError(f"{name}: empty text")
    return out


def optional_text(name: str, value: object, max_chars: int) -> str | None:
    return None if value is None else text(name, value, max_chars)


def count(name: str, value: object, high: int, low: int = 1) -> int:
    """An integer in ``[low, high]`` (not a bool, not a float, not a numeric string)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{name}: expected an integer, got {type(value).__name__}")
    if not low <= value <= high:
        raise InputError(f"{name}: {value} is out of range; expected {low} to {high}")
    return value


def seconds(name: str, value: object, high: float) -> float:
    """A positive number of seconds, at most ``high``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{name}: expected a number of seconds, got {type(value).__name__}")
    if not 0 < value <= high:  # NaN fails too
        raise InputError(f"{name}: {value} is out of range; expected more than 0, at most {high}")
    return float(value)


def texts(
    name: str,
    value: object,
    max_items: int,
    max_chars: int = 1000,
    allow_none: bool = False,
) -> list[str]:
    """A sequence of texts (list, tuple, set, any iterable but a string or bytes)."""
    if value is None:
        if allow_none:
            return []
        raise InputError(f"{name}: expected a list of texts, got None")
    if isinstance(value, (str, bytes, bytearray)):
        raise InputError(f"{name}: expected a list of texts, got one {type(value).__name__}")
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise InputError(f"{name}: expected a list of texts, got {type(value).__name__}")
    out: list[str] = []
    for i, item in enumerate(value):
        if i >= max_items:
            raise InputError(f"{name}: more than {max_items} items")
        out.append(text(f"{name}[{i}]", item, max_chars))
    return out


__all__ = [
    "MAX_BATCH",
    "MAX_CLAIM_CHARS",
    "MAX_FINDINGS",
    "MAX_FIND_LIMIT",
    "MAX_K",
    "MAX_NAME_CHARS",
    "MAX_OPTIONS",
    "MAX_OPTION_CHARS",
    "MAX_QUERY_CHARS",
    "MAX_QUESTION_CHARS",
    "MAX_TEXT_CHARS",
    "cleaned",
    "count",
    "optional_text",
    "seconds",
    "text",
    "texts",
]  # fmt: skip
