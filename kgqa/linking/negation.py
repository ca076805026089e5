"""Negation of mentions: NegEx-style cues before a mention, in the same clause, with lists
carried ("no fever, cough or rash" negates all three), and a few post-cues ("fever absent").

Example:
    >>> text = "Fever and cough, no rash or seizures, but headache."
    >>> spans = [(0, 5), (10, 15), (20, 24), (28, 36), (42, 50)]
    >>> negated_spans(text, spans)
    [False, False, True, True, False]
"""

from __future__ import annotations

import re

_PRE = re.compile(
    r"\b(?:no|not|without|denies|denied|denying|deny|absence of|negative for|free of|"
    r"no evidence of|no signs? of|no history of|never had|rules? out|ruled out|excluded|"
    r"does not have|did not have|doesn't have|didn't have|has no|had no|lack of|lacks)\b",
    re.IGNORECASE,
)
_POST = re.compile(
    r"^\s*(?:was|were|is|are)?\s*(?:absent|not present|excluded|ruled out|negative|denied)\b",
    re.IGNORECASE,
)
# what may stand between a cue and a negated mention: other mentions, list glue, a few words
_GLUE = re.compile(
    r"^[\s,/]*(?:(?:or|and|nor|any|signs? of|history of|a|an|the)[\s,/]*)*$", re.IGNORECASE
)
_BREAK = re.compile(
    r"[.;:!?\n]|\bbut\b|\bhowever\b|\bexcept\b|\bwith\b|\bpresents?\b", re.IGNORECASE
)
MAX_GAP_WORDS = 3


def negated_spans(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each (start, end) span of ``text`` (sorted by start), whether it is negated."""
    out: list[bool] = []
    for i, (start, end) in enumerate(spans):
        prev_end = 0
        negated = False
        # walk back over earlier mentions joined by list glue; stop at a clause break
        j = i
        cursor = start
        while True:
            prev_end = spans[j - 1][1] if j > 0 else 0
            gap = text[prev_end:cursor]
            breaks = list(_BREAK.finditer(gap))
            brk = breaks[-1] if breaks else None
            window = gap[brk.end() :] if brk else gap
            cues = list(_PRE.finditer(window))
            if cues:
                tail = window[cues[-1].end() :]
                if _GLUE.match(tail) or len(tail.split()) <= MAX_GAP_WORDS:
                    negated = True
                break
            if brk or j == 0 or not _GLUE.match(gap):
                break
            j -= 1
            cursor = spans[j][0]
        if not negated:
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            negated = bool(_POST.match(text[end:nxt]))
        out.append(negated)
    return out
