"""Multiple-choice options written inside a question.

People paste a multiple-choice question as one text: a stem and its options, lettered ("Which
gene causes Marfan syndrome? A) FBN1 B) COL1A1 C) TP53") or listed after a heading ("Out of the
given list, which Gene is associated with psoriasis and Takayasu's arteritis. Given list is:
SHTN1, HLA-B, SLC14A2, BTBD9, DTNB"). :func:`split_choices` finds such options, so ``ask``
ranks them as it ranks options given apart, instead of reading the options as part of a claim.

It finds options only where their form is unmistakable: letters in order from A (at least two:
"A)", "(A)" or "[A]"; "A." or "A:" only at a line start or after a stem that ends in "?" or
":", as "vitamin A. ..." is prose), or a heading that names a list ("options:", "choices:",
"given list is:", "choose from:", "one of the following:"), or a which-question and a colon,
followed by items separated by commas, semicolons, "or" or new lines. A lettered list in lower
case needs three options ("a. ..." opens sentences).

Example:
    >>> split_choices("Which gene causes Marfan syndrome? A) FBN1 B) COL1A1 C) TP53")
    Choices(stem='Which gene causes Marfan syndrome?', options=('FBN1', 'COL1A1', 'TP53'))
    >>> split_choices("Out of the given list, which Gene is associated with gout. "
    ...               "Given list is: SLC2A9, ABCG2, TTN")
    Choices(stem='which Gene is associated with gout.', options=('SLC2A9', 'ABCG2', 'TTN'))
    >>> split_choices("Does gout cause joint pain?") is None
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgqa.validation import MAX_OPTIONS

# a lettered option's marker: "A)", "A.", "A:", "(A)", "[A]" at a line start or after a space
_LETTER = re.compile(
    r"(?:(?<=\s)|^)(?:\(([A-Za-z])\)|\[([A-Za-z])\]|([A-Za-z])\)|([A-Za-z])[.:])(?=\s|$)"
)
# a heading that announces the options
_HEADING = re.compile(
    r"(?:\b(?:the\s+)?given\s+list\s+(?:is|are)?\s*|\b(?:answer\s+)?(?:options?|choices?)\s*"
    r"(?:are|is)?\s*|\bchoose\s+(?:one\s+)?(?:from|among)\s*(?:the\s+following)?\s*"
    r"|\b(?:one\s+)?of\s+the\s+following\s*(?:options?|choices?)?\s*)[:\-–]\s*",
    re.I,
)
# what opens a stem and only points at the list ("Out of the given list, which gene ...")
_POINTER = re.compile(
    r"^\s*(?:out\s+of|from|among)\s+(?:the\s+)?(?:given|following|these|this)\s+"
    r"(?:list|options?|choices?)\s*,?\s*",
    re.I,
)
# "Which of these genes causes cystic fibrosis: CFTR, DMD or HBB?": a which-question, a colon
_WHICH_COLON = re.compile(r"^(?P<stem>[^:\n]*\bwhich\b[^:\n]*):\s*(?P<listed>[^:]+)$", re.I | re.S)
# a stem that asks: "The most common cause of gout is (A) ..." asks only by its options
_ASKS = re.compile(
    r"\b(?:which|what|who|whom|how|following|true|false|correct|most|least|best)\b", re.I
)
# a closing prompt for the answer, empty ("Answer:", "The correct answer is")
_ANSWER_PROMPT = re.compile(
    r"(?<=[\n.?!])\s*(?:(?:the\s+)?(?:correct\s+|right\s+)?answer(?:\s+is)?|your\s+answer)"
    r"\s*[:\-]?\s*$",
    re.I,
)
_ITEM_SPLIT = re.compile(r"\s*(?:;|\n|,\s*(?:or|and)\s+|,|\s+or\s+)\s*", re.I)


@dataclass(frozen=True)
class Choices:
    """A question split into its stem and the options written in it."""

    stem: str
    options: tuple[str, ...]


def _clean(option: str) -> str:
    return option.strip().strip(" \t\n,;").rstrip(".?!").strip()


def _lettered(text: str) -> Choices | None:
    """Options marked by letters in order from A: the longest run that starts with A."""
    marks = []
    for m in _LETTER.finditer(text):
        # "A." and "A:" mark an option at a line start, or after a stem that asks ("... ? A.
        # x B. y"); inline they are too common in prose ("vitamin A. My doctor said B. ...")
        weak = m.group(4) is not None
        line_start = m.start() == 0 or text[: m.start()].rstrip(" \t").endswith("\n")
        marks.append(
            (m.start(), m.end(), next(g for g in m.groups() if g), weak and not line_start)
        )
    for i, (start, _, letter, _) in enumerate(marks):
        if letter not in "Aa":
            continue
        run = [marks[i]]
        for mark in marks[i + 1 :]:
            if mark[2] == chr(ord(run[-1][2]) + 1):
                run.append(mark)
        needed = 2 if letter == "A" else 3
        if len(run) < needed:
            continue
        stem = text[:start].strip()
        asks = stem.endswith(("?", ":")) or _ASKS.search(stem)
        if not asks or (any(weak for *_, weak in run) and not stem.endswith(("?", ":"))):
            continue
        bounds = [(end, run[j + 1][0] if j + 1 < len(run) else len(text))
                  for j, (_, end, *_) in enumerate(run)]  # fmt: skip
        options = tuple(_clean(text[a:b]) for a, b in bounds)
        if stem and all(options):
            return Choices(stem, options)
    return None


def _headed(text: str) -> Choices | None:
    """Options after a heading that names the list, separated by commas, semicolons, "or"
    or new lines; the stem is the text around the heading."""
    # the last heading: "options:" may follow a stem that says "of the following"
    heading = None
    for found in _HEADING.finditer(text):
        heading = found
    if heading is not None:
        listed = text[heading.end() :].strip()
        stem = _POINTER.sub("", text[: heading.start()]).strip()
    elif which := _WHICH_COLON.match(text.strip()):
        listed, stem = which["listed"], which["stem"].strip() + "?"
    else:
        return None
    options = tuple(o for o in (_clean(x) for x in _ITEM_SPLIT.split(listed)) if o)
    # a stem that asks ("I have few options: surgery or meds" is prose)
    if len(options) < 2 or not (stem.endswith("?") or _ASKS.search(stem)):
        return None
    # an item the length of a sentence is no option: the "list" was prose
    if any(len(o.split()) > 8 for o in options):
        return None
    return Choices(stem, options)


def split_choices(text: str) -> Choices | None:
    """The stem and options of a multiple-choice question written as one text, or None
    when the text holds no options in a form listed in the module docstring (or more than
    ``MAX_OPTIONS``)."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = _ANSWER_PROMPT.sub("", text)  # "... D) warfarin\nAnswer:" asks for the letter
    found = _lettered(text) or _headed(text)
    if found is None or len(found.options) > MAX_OPTIONS:
        return None
    return found


__all__ = ["Choices", "split_choices"]
