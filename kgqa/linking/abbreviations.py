"""Short forms: "long form (SF)" definitions in a text, and mentions carried from a long form
to every later use of its short form (abstracts name a disease once in full, then by its short
form)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgqa.linking.spans import Span, uncovered

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")
_ABBREV = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9\-]{1,9})\s*[);,]")


def define_abbreviations(text: str) -> dict[str, tuple[int, int]]:
    """Short forms defined as ``long form (SF)`` → span of the long form (Schwartz–Hearst, light).

    Example:
        >>> t = "glucose-6-phosphate dehydrogenase (G6PD) deficiency"
        >>> s, e = define_abbreviations(t)["G6PD"]; t[s:e]
        'glucose-6-phosphate dehydrogenase'
        >>> t = "in myotonic dystrophy (DM)"
        >>> s, e = define_abbreviations(t)["DM"]; t[s:e]
        'myotonic dystrophy'
        >>> t = "The Schwartz-Jampel syndrome (SJS; chondrodystrophic myotonia) is"
        >>> s, e = define_abbreviations(t)["SJS"]; t[s:e]
        'Schwartz-Jampel syndrome'
    """
    out: dict[str, tuple[int, int]] = {}
    for m in _ABBREV.finditer(text):
        short = m.group(1)
        if not any(c.isupper() for c in short) or short.lower() in ("ii", "iii", "iv"):
            continue
        words = list(_TOKEN.finditer(text[max(0, m.start() - 120) : m.start()]))
        offset = max(0, m.start() - 120)
        letters = [c.lower() for c in short if c.isalpha()]
        for n in range(1, min(len(words), len(short) + 3) + 1):
            first = words[-n]
            if first.group(0)[0].lower() != letters[0]:
                continue
            long = text[offset + first.start() : offset + words[-1].end()].lower()
            pos, ok = 0, True
            for c in letters:
                pos = long.find(c, pos)
                if pos < 0:
                    ok = False
                    break
                pos += 1
            if ok:
                out.setdefault(short, (offset + first.start(), offset + words[-1].end()))
                break
        else:  # initials in another order: "myotonic dystrophy (DM)", "dystrophia myotonica"
            tail = words[-len(letters) :] if len(words) >= len(letters) else []
            if len(letters) > 1 and sorted(w.group(0)[0].lower() for w in tail) == sorted(letters):
                out.setdefault(short, (offset + tail[0].start(), offset + tail[-1].end()))
    return out


def occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of ``surface`` in ``text`` as a whole word."""
    pat = re.compile(r"(?<![A-Za-z0-9\-])" + re.escape(surface) + r"(?![A-Za-z0-9\-])")
    return [m.start() for m in pat.finditer(text)]


def propagate_mentions(
    text: str, row: Sequence[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """Short forms defined in the text follow their long form (abstracts name a disease once
    in full, then by its short form):

    - when a span covers the end of the long form ("myotonic dystrophy (DM)"), every
      occurrence of the short form is a mention of the same type;
    - when none does ("Wiskott-Aldrich syndrome protein (WASP)"), spans of the short form
      are dropped: it names something the tagger does not call a mention.

    Example:
        >>> t = "Myotonic dystrophy (DM) is common. DM patients ..."
        >>> [t[s:e] for s, e, _, _ in propagate_mentions(t, [(0, 18, "DISEASE", 0.9)])]
        ['Myotonic dystrophy', 'DM', 'DM']
        >>> t = "Wiskott-Aldrich syndrome protein (WASP). WASP binds ..."
        >>> [t[s:e] for s, e, _, _ in propagate_mentions(t, [(0, 24, "DISEASE", .9),
        ...                                                  (41, 45, "DISEASE", .6)])]
        ['Wiskott-Aldrich syndrome']
    """
    defined = define_abbreviations(text)
    if not defined:
        return list(row)
    out = list(row)
    covered: set[str] = set()
    for short, (_start, le) in defined.items():
        donors = [x for x in row if x[0] < le <= x[1] and text[x[0] : x[1]] != short]
        if not donors:
            continue
        covered.add(short)
        kind, conf = donors[0][2], donors[0][3]
        for a in occurrences(text, short):
            b = a + len(short)
            same = [i for i, x in enumerate(out) if x[0] == a and x[1] == b]
            if same:  # the long form's head types its short form ("RIHA" after "... anemia")
                out[same[0]] = Span(a, b, kind, max(conf, out[same[0]][3]))
            elif uncovered(a, b, out):
                out.append(Span(a, b, kind, conf))
    return sorted(
        x for x in out if text[x[0] : x[1]] in covered or text[x[0] : x[1]] not in defined
    )
