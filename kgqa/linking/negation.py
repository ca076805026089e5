"""Negation, for every stage: one list of cues, read two ways.

- :func:`negated_spans`: mentions in running text. NegEx-style cues before a mention in the same
  clause, with lists carried ("no fever, cough or rash" negates all three), and post-cues
  ("fever absent").
- :func:`split_findings`: a findings list ("short stature, no seizures; denies fever") split into
  clauses, each marked negated when a cue opens it (carried over "or" lists) or closes it.
  Chinese lists too: split on ，、；。 and on 和 / 及 / 伴; a cue (无, 没有, 否认, 未见, 未出现,
  不伴 ...) negates what follows it up to the next ，；。 ("无抽搐、发热" negates both).

Example:
    >>> text = "Fever and cough, no rash or seizures, but headache."
    >>> spans = [(0, 5), (10, 15), (20, 24), (28, 36), (42, 50)]
    >>> negated_spans(text, spans)
    [False, False, True, True, False]
    >>> negated_spans("I wonder whether or not fatigue is part of it", [(25, 32)])
    [False]
    >>> [(c.text, c.negated) for c in split_findings("short stature, no seizures; denies fever")]
    [('short stature', False), ('seizures', True), ('fever', True)]
    >>> [(c.text, c.negated) for c in split_findings("身材矮小，眼距过宽伴阴囊异常，无抽搐、发热")]
    [('身材矮小', False), ('眼距过宽', False), ('阴囊异常', False), ('抽搐', True), ('发热', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgqa.text import CJK, clean_text, fold_chinese

# what leaves out what follows it: a question of drugs "other than allopurinol", "without
# steroids", for someone "allergic to penicillin" or who "can't take statins" asks for none of
# them (read as negation: the topic is what else it names, and the answers leave them out)
EXCLUSION_CUES = (
    "other than", "besides", "apart from", "aside from", "except(?: for)?", "excluding",
    "instead of", "rather than", r"alternatives? to", r"substitutes? for",
    r"allerg(?:ic|y|ies) to", "intolerant (?:to|of)",
    r"(?:can ?not|can[’']?t|could ?not|couldn[’']?t|unable to) (?:take|tolerate|use)",
)  # fmt: skip
# what negates what follows it, and what negates what precedes it. "absent" only follows:
# before a word it is most often part of a phenotype's name (absent speech, absent thumbs)
PRE_CUES = (
    "no", "not", "without", "denies", "denied", "denying", "deny", "absence of",
    "negative for", "free of", "no evidence of", r"no signs? of", "no history of", "never had",
    r"rules? out", "ruled out", "excluded", "does not have", "did not have", "doesn't have",
    "didn't have", r"do not have", r"dont have", r"don[’']t have", r"have not had",
    r"haven[’']?t had", "never have", "has no", "had no", "lack of", "lacks",
    # what a thing is taken for is not what it is ("often mistaken for a milk protein allergy")
    r"mistaken (?:for|as)", "confused with", "misdiagnosed as",
    *EXCLUSION_CUES,
)  # fmt: skip
POST_CUES = ("absent", "not present", "excluded", "ruled out", "negative", "denied")
_EXCLUDES = re.compile(r"\b(?:" + "|".join(EXCLUSION_CUES) + r")\b", re.IGNORECASE)
_PRE = re.compile(r"\b(?:" + "|".join(PRE_CUES) + r")\b", re.IGNORECASE)
_POST = re.compile(r"^\s*(?:was|were|is|are)?\s*(?:" + "|".join(POST_CUES) + r")\b", re.IGNORECASE)
# a findings clause opened or closed by a cue
_OPENS = re.compile(r"^(?:" + "|".join(PRE_CUES) + r"):?\s+", re.IGNORECASE)
_CLOSES = re.compile(r"\s+(?:" + "|".join(POST_CUES) + r")$", re.IGNORECASE)
_SPLIT = re.compile(r"[,;\n\r\t•，；。！？]+|\.\s+|\s+and\s+|\s+but\s+|\s+with\s+", re.IGNORECASE)
# Chinese: the cues that open a negated list, longest first, and what joins a list's items
ZH_PRE_CUES = ("无明显", "没有", "否认", "未见", "未出现", "未发现", "未有", "不伴有", "不伴",
               "并无", "无", "未")  # fmt: skip
_ZH_OPENS = re.compile(r"^(?:" + "|".join(ZH_PRE_CUES) + r")")
_ZH_HAS = re.compile(r"^(?:伴有|出现|有)")  # "has": dropped before the name
# 并 joins items ("发热并咳嗽"), except inside a name: 并指 / 并趾 (syndactyly), 并发, 合并
_ZH_ITEMS = re.compile(r"[、/]|或|和|及|以及|(?<!不)伴有?|(?<!合)并(?![无指趾发])")
# what may stand between a cue and a negated mention: other mentions, list glue, a few words
_GLUE = re.compile(
    r"^[\s,/]*(?:(?:or|and|nor|any|signs? of|history of|a|an|the)[\s,/]*)*$", re.IGNORECASE
)
_BREAK = re.compile(r"[.;:!?\n]|\bbut\b|\bhowever\b|\bwith\b|\bpresents?\b", re.IGNORECASE)
MAX_GAP_WORDS = 3
_OR_NOT = re.compile(r"\bor not\b", re.IGNORECASE)
# "non-" just before a mention ("non-opioid" read as "opioid"): the tagger keeps it inside the
# names that hold it (non-Hodgkin lymphoma), so a mention it stands right before is left out
_NON = re.compile(r"\bnon[- ]?$", re.IGNORECASE)


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
            # "whether or not fatigue is part of it" asks; it negates nothing
            cues = list(_PRE.finditer(_OR_NOT.sub(lambda m: " " * len(m.group()), window)))
            if cues:
                tail = window[cues[-1].end() :]
                if _GLUE.match(tail) or len(tail.split()) <= MAX_GAP_WORDS:
                    negated = True
                break
            if brk or j == 0 or not _GLUE.match(gap):
                break
            j -= 1
            cursor = spans[j][0]
        if not negated and i > 0:
            # a cue the mention before ends inside ("[allergic] to aspirin", "[people who
            # cannot] take statins": the tagger took a word of it)
            a, b = spans[i - 1]
            negated = any(
                m.start() < b < m.end() and len(text[m.end() : start].split()) <= MAX_GAP_WORDS
                for m in _EXCLUDES.finditer(text, a, start)
            )
        if not negated:
            negated = bool(_NON.search(text[max(0, start - 5) : start]))
        if not negated:
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            negated = bool(_POST.match(text[end:nxt]))
        out.append(negated)
    return out


@dataclass(frozen=True)
class Clause:
    """One finding of a findings list, with the cue removed, and whether it is negated.
    ``written`` is the item as written where a Chinese cue (or 有, "has") was taken off it:
    phenotype names may begin with what reads as a cue (无汗症 is anhidrosis, not "no 汗症"),
    so a reader that knows the names checks ``written`` first."""

    text: str
    negated: bool
    written: str = ""


def split_findings(text: str) -> list[Clause]:
    """Split a findings list into clauses and mark the negated ones. Negation carries over
    a list after a cue ("no fever, cough or rash" negates all three)."""
    out: list[Clause] = []
    for chunk in _SPLIT.split(fold_chinese(clean_text(text))):
        chunk = chunk.strip(" .:-：")
        if not chunk:
            continue
        if CJK.match(chunk):
            out += _chinese_clauses(chunk)
            continue
        negated = False
        m = _OPENS.match(chunk)
        if m:
            negated, chunk = True, chunk[m.end() :]
        m2 = _CLOSES.search(chunk)
        if m2:
            negated, chunk = True, chunk[: m2.start()]
        for part in re.split(r"\s+or\s+|\s+nor\s+", chunk):
            part = part.strip(" .:-")
            if part:
                out.append(Clause(part, negated))
    return out


def _chinese_clauses(chunk: str) -> list[Clause]:
    """One Chinese findings chunk (between ，；。): its items (split on 、 和 及 伴 或), each
    negated after a cue (无, 没有, 不伴 ...) that opens it or an item before it; an item opened
    by 有 / 出现 / 伴有 ("has") is present again. ``written`` keeps an item as written when a
    cue or "has" was taken off it."""
    out: list[Clause] = []
    negated = False
    for item in _ZH_ITEMS.split(chunk):
        item = item.strip(" ：:")
        m = _ZH_OPENS.match(item)
        has = _ZH_HAS.match(item)
        written = ""
        if m and len(item) > m.end():
            negated, written, item = True, item, item[m.end() :]
        elif has and len(item) > has.end():
            negated, written, item = False, item, item[has.end() :]
        if item:
            out.append(Clause(item, negated, written))
    return out
