"""Reading a long message for its main question.

Real consumer messages run to several sentences: a subject line, history, thanks, and
somewhere a question ("who makes bromocriptine / i am wondering what company makes the drug
bromocriptine, i need it for a mass ..."). :func:`read_message` finds the subject line and the
sentence that asks, so the intent is read from the question and the topic is sought there
first, then in the subject, and only then in the rest (where history and side mentions live).

A short text (one sentence, or at most ``SHORT_WORDS`` words) is its own question.

Example:
    >>> m = read_message("SUBJECT: gout\\nMESSAGE: My father has gout. What helps? Thanks!")
    >>> m.question_text, m.subject_text
    ('What helps?', 'gout')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgqa.text import MESSAGE_HEADER

SHORT_WORDS = 25
_MESSAGE_ONLY = re.compile(r"^\s*MESSAGE:\s*", re.I)
# portal boilerplate that heads some messages and says nothing about the question
_BOILERPLATE = re.compile(
    r"(?:ClinicalTrials\.gov\s*-\s*(?:Question|Suggestion|Compliment|Other)\b[^.\n]*[.\n]?|"
    r"(?:Question|Suggestion)\s*-\s*general information\.?)\s*",
    re.I,
)
_SPACES = {0xA0: " ", 0x2007: " ", 0x202F: " ", 0x2009: " ", 0x3000: " "}
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
# a title or abbreviation whose period ends no sentence ("my dr. wrote", "Mrs. Smith")
# ("i.e., neck injury, torn ligament, etc., can worsen ...": "i." and "e." are cut apart first)
_ABBREVIATION = re.compile(
    r"(?<![A-Za-z])(?:(?i:dr|mr|mrs|ms|prof|st|vs|approx|etc|e\.g|i\.e)|(?<=[\s:;,(])[ei]"
    r"|(?<=[ei]\.)[eg])\.$"
)
# a list number that ends a piece of text the sentence pattern cut ("Sir, 1. Does ...")
_LIST_NUMBER = re.compile(r"(?:^|(?<=[\s,(]))\d{1,2}[.)]$")
_ASKS = re.compile(
    # a question word first, after a conjunction or a form of address at most ("And what
    # should i do for remove stone", "plz sir any drug for anti anemia")
    r"^\s*(?:(?:and|but|so|also|then|now|please|pls|plz|kindly|sir|madam|doctor|dr|hi|hello)"
    r"\b[\s,.:;!]*)*"
    r"(?:what|which|how|why|where|when|who|whom|whose|is|are|was|were|can|could|do|does|"
    r"did|should|will|would|may|might|any)\b"
    # "has" / "have" ask with a subject after them ("Have you ever heard of this?", "Has
    # etanercept been used ..."); with none they open a statement whose subject went unsaid
    # ("have seen my eye pressure go up since ...", "Have become sore whenever I ...")
    r"|^\s*(?:(?:and|but|so|also|then|now|please)\b[\s,.:;!]*)*(?:has|have)\s+(?:(?:you|i|we|he|"
    r"she|it|they|anyone|anybody|someone|somebody|anything|there|this|that|these|those|any|your|"
    r"my|his|their|our|its)\b|(?:[\w'-]+\s+){1,3}(?:been|ever)\b)"
    # what to do, anywhere in the sentence ("my blood presur is 140/100 what can i do for
    # normal blood presure", "I honestly don't know what to do")
    r"|\bwhat (?:can|should|could|shall|must|do) (?:i|we|one|he|she) (?:do|take|use|give)\b"
    # ... or what to take, the question's order left as said ("My teeth gum blood comeing what
    # medicine I use", "which cream should i apply")
    r"|\b(?:what|which) (?:medicines?|medications?|meds|drugs?|tablets?|pills?|creams?|"
    r"ointments?|treatments?) (?:(?:can|should|could|shall|must|do) )?(?:i|we|he|she) "
    r"(?:use|take|give|apply|try)\b"
    r"|\bwhat (?:i|we) (?:have to|need to|should|can|must) do\b|\bwhat to do\b"
    # what something means, anywhere ("... my sides ache and my stomach is sore what does
    # these signs mean")
    r"|\bwhat (?:does|do|could|can|might|would) (?:this|these|that|those|it|they|my \w+)"
    r"(?: \w+)? mean\b"
    r"|\bneed (?:some |your )?(?:advice|guidance|suggestions?)\b"
    # ... or wanted ("we would like suggestions on treatment options after surgery")
    r"|\b(?:would|'d) like (?:some |your |any |more )?(?:advice|guidance|suggestions?|"
    r"recommendations?|ideas?|opinions?)\b"
    r"|\b(?:(?:would|'d) like to (?:know|find out|ask|learn)|want(?:ed)? to (?:know|find out|ask|"
    r"learn)|find out (?:if|whether|what|how|why)|wonder(?:ing|ed)? (?:if|whether|what|how|why)|"
    r"wondering|(?:need|wish|like) to know|tell me|looking for|any (?:info|information|help|"
    r"advice|studies|research|suggestions?|recommendations?)|(?:can|could|would) you "
    r"(?:please )?(?:tell|help|advise|explain|suggest|recommend|send|give|let)|"
    r"is it (?:possible|normal|safe|true|ok|okay)|"
    r"(?:is|are) there)\b"
    # a request said as what would help ("An explanation of ... would be helpful.")
    r"|\b(?:would|will) be (?:very |most |really |greatly |much )?(?:helpful|appreciated)\b"
    r"|\bwhat (?:do|does|did|would|should|can|could) (?:i|we|you|he|she|they) (?:need|have|"
    r"want) to\b",
    re.I,
)
# an auxiliary that opens a statement, not a question ("Now has been diagnosed with ...",
# "Have had this for years")
_STATED = re.compile(
    r"^\s*(?:(?:and|but|so|also|then|now)\b[\s,]*)*(?:has|have|is|are|was|were|do|does|did)\s+"
    r"(?:been|being|had|got|gotten|to|not|no)\b",
    re.I,
)
# a clause of when something happened, which opens with a question word and asks nothing
# ("When I was born the doctors ...", "When I came to look across the Medical diary ... I
# found"; not "When can I ..."); the sentence may still ask after it ("When i take it i have
# nose bleeds, i want to find out if ...")
_WHEN_CLAUSE = re.compile(
    r"^\s*(?:(?:and|but|so|also|then|now)\b[\s,]*)*when\s+(?:i|we|my|our|he|she|they|his|"
    r"her|their|the|a|an|it|this|that)\b",
    re.I,
)
# a request that asks for help and nothing more ("So please help me out."): a question, but
# one that says less than a sentence that asks something, wherever that stands
_POLITE = re.compile(
    r"\b(?:(?:please|pls|plz|kindly) (?:help|advi[cs]e|suggest|guide|tell|let|explain|recommend|"
    r"send|give|share|inform|prescribe|provide|clarify|confirm)|"
    r"(?:request(?:ing)?|beg(?:ging)?|pleading with) (?:you|for)|"
    # ... or says help is welcome ("Your suggestions welcomed.")
    r"(?:suggestions?|advice|ideas?|help|recommendations?) (?:(?:is|are|would be|will be) )?"
    r"(?:(?:very|most|greatly|much) )?(?:welcomed?|appreciated))\b",
    re.I,
)
# a sentence that only announces a question ("I'd like to ask you a medical question as I've
# got ...", "I have a few questions"): the question is a later sentence, when there is one
_PREAMBLE = re.compile(
    r"\b(?:(?:like|want|wish|need|have) to ask(?: you)?|(?:have|got|had)|my|following|some|few)"
    r"(?: (?:a|an|some|few|a few|several|two|three|couple of|a couple of|the following|more|"
    r"quick|simple|medical|general|important|serious|specific))* (?:questions?|queries|query)\b"
    r"(?!\s*(?::|is\b|are\b|was\b|would be\b|to you\b))",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(?:hi|hello|dear|thanks?|thank you|regards|sincerely|best wishes|good (?:morning|"
    r"afternoon|evening))\b|\[(?:NAME|CONTACT|LOCATION|DATE|EMAIL|PHONE)\]",
    re.I,
)
# a closing line is no question, whatever it holds ("Thanks for any help you can provide");
# a greeting may open one ("Hello can you tell me who makes nulytely?")
_CLOSING = re.compile(
    r"^\s*(?:thanks?|thank you|regards|sincerely|best wishes)\b"
    r"|^\W*(?:\w+\W+){0,3}\[(?:NAME|CONTACT|LOCATION|DATE|EMAIL|PHONE)\]\W*$",
    re.I,
)


@dataclass(frozen=True)
class MessageFocus:
    """Spans (start, end) into the message: the main question and the subject line (None
    when there is none). Offsets hold in the cleaned text too (cleaning keeps lengths)."""

    text: str
    question: tuple[int, int]
    subject: tuple[int, int] | None = None
    # the sentence before the question: what "it" or "this" in a short question points back to
    before: tuple[int, int] | None = None
    # whether the question is a sentence that asks (not the first plain one, for want of any)
    asks: bool = True
    # the message's other sentences that ask, in order: what else it asks besides the question
    further: tuple[tuple[int, int], ...] = ()
    # whether it asks for help and nothing more ("Pls suggest me.", "Help help help."), or
    # asks nothing at all: what it wants is what its other words say
    pleads: bool = False
    # every sentence of the body, in order (empty for a short text, its own question)
    sentences: tuple[tuple[int, int], ...] = ()

    @property
    def question_text(self) -> str:
        return self.text[self.question[0] : self.question[1]]

    @property
    def subject_text(self) -> str:
        return self.text[self.subject[0] : self.subject[1]] if self.subject else ""

    @property
    def before_text(self) -> str | None:
        """The sentence before the question, None when there is none."""
        return self.text[self.before[0] : self.before[1]] if self.before else None

    @property
    def context_text(self) -> str:
        """What the question stands on when it names nothing itself ("What should I do?"):
        the subject line, else the sentence before it."""
        span = self.subject or self.before
        return self.text[span[0] : span[1]] if span else ""

    @property
    def whole(self) -> bool:
        """Whether the question is the whole text (a short text)."""
        return self.question == (0, len(self.text))


# a word people shorten with a period, which ends no sentence where the next word is in
# lower case (after "I take my meds." a sentence may begin in lower case too: not these)
_SHORT_WORD = re.compile(
    r"(?<![A-Za-z])(?i:med|yrs?|mos?|wks?|hrs?|mins?|mg|mcg|ml|tabs?|pts?|appt|dept|govt)\.$"
)
_GOES_ON = re.compile(r"[ \t]+[a-z]")
# the next line goes on in lower case, on the line after (a blank line ends a paragraph)
_WRAPPED = re.compile(r"[ \t]*[a-z]")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carried: int | None = None  # where a piece cut after an abbreviation began
    for m in _SENTENCE.finditer(text, start, end):
        a, b = m.start(), m.end()
        if carried is not None:
            a, carried = carried, None
        if _ABBREVIATION.search(text, a, b) and b < end:
            carried = a  # "my dr.wrote a script ...": the sentence goes on
            continue
        if _SHORT_WORD.search(text, a, b) and _GOES_ON.match(text, b, end):
            carried = a  # "Can this med.  cause glaucoma?", "I am 32 yrs. old": it goes on
            continue
        if text[b - 1] == "\n" and _WRAPPED.match(text, b, end):
            # a line wrapped mid-sentence ("we want to know if there're\nany natural approach
            # to ..."): the sentence goes on where the next line goes on in lower case
            carried = a
            continue
        seg = text[a:b]
        a += len(seg) - len(seg.lstrip())
        b = a + len(seg.strip())
        number = _LIST_NUMBER.search(text, a, b)
        if number:  # "Sir, 1." before "Does diabetes affect ...": the number is no sentence end
            b = a + len(text[a : number.start()].rstrip(" ,("))
        if b > a and re.search(r"[A-Za-z]", text[a:b]):
            out.append((a, b))
    return out


def _asks(sentence: str) -> bool:
    """Whether a sentence asks in words (:data:`_ASKS`), past a clause of when something
    happened that opens it (:data:`_WHEN_CLAUSE`)."""
    clause = _WHEN_CLAUSE.match(sentence)
    # a pattern searched from a later position does not match its "^" there: only the words
    # that ask wherever they stand count after the clause
    return bool(_ASKS.search(sentence, clause.end()) if clause else _ASKS.search(sentence))


def asks_outright(sentence: str) -> bool:
    """Whether a sentence asks in words or with a question mark, more than a plea for help
    ("Please help") does; an auxiliary that opens a statement asks nothing ("Have had this
    for years")."""
    sentence = sentence.rstrip()
    return (_asks(sentence) and not _STATED.match(sentence)) or sentence.endswith("?")


def read_message(text: str) -> MessageFocus:
    """The subject line and the main question of a message (see the module docstring).

    The main question is the first sentence that asks (a question mark, a question word first,
    "I would like to know", "looking for"); among those, one with a question mark wins over one
    without. With no asking sentence, a subject that asks is the question; else the first
    sentence that is not a greeting. A sentence that only announces a question, or only asks
    for help, is taken only when no other one asks.
    """
    original = text
    text = text.translate(_SPACES)  # the patterns' spaces match no-break spaces too; same length
    header = MESSAGE_HEADER.match(text)
    if len(text.split()) <= SHORT_WORDS and "\n" not in text.strip() and not header:
        return MessageFocus(original, (0, len(text)))
    subject = None
    body_start = 0
    if header:
        s, e = header.span("subject")
        boiler = _BOILERPLATE.match(text, s, e)
        s = boiler.end() if boiler else s
        subject = (s, e) if e > s else None
        body_start = header.end()
    else:
        only = _MESSAGE_ONLY.match(text)
        boiler = _BOILERPLATE.match(text, only.end() if only else 0)
        body_start = boiler.end() if boiler else (only.end() if only else 0)
        first_line = text[body_start:].split("\n", 1)
        if len(first_line) == 2 and 0 < len(first_line[0].split()) <= 10:
            s = body_start + len(first_line[0]) - len(first_line[0].lstrip())
            e = body_start + len(first_line[0].rstrip())
            subject = (s, e) if e > s else None
            body_start += len(first_line[0]) + 1
    sentences = _sentences(text, body_start, len(text))
    outright = {(a, b) for a, b in sentences if asks_outright(text[a:b])}
    asking = [(a, b) for a, b in sentences if not _CLOSING.search(text[a:b])
              and ((a, b) in outright or _POLITE.search(text[a:b]))]  # fmt: skip
    marked = [(a, b) for a, b in asking if text[b - 1] == "?"]
    announced = {(a, b) for a, b in asking if _PREAMBLE.search(text[a:b])}
    polite = {s for s in asking if s not in outright}
    asks = True
    if asking:
        # a sentence that asks more than that a question follows, one with a question mark first
        question = min(asking, key=lambda s: (s in announced, s in polite, s not in marked))
    elif subject is not None and re.search(r"[A-Za-z]", text[subject[0] : subject[1]]) and (
            _ASKS.search(text[subject[0] : subject[1]])
            or _POLITE.search(text[subject[0] : subject[1]])
            or text[subject[1] - 1] == "?"):  # fmt: skip
        # (a subject line of no word, "SUBJECT: ?", asks nothing)
        question = subject
    else:
        asks = False
        plain = [(a, b) for a, b in sentences if not _GREETING.search(text[a:b])]
        question = plain[0] if plain else (subject or (0, len(text)))
    at = sentences.index(question) if question in sentences else 0
    before = sentences[at - 1] if at > 0 else None
    further = tuple(s for s in asking if s != question)
    pleads = not asks or question in polite
    return MessageFocus(original, question, subject, before, asks, further, pleads,
                        tuple(sentences))  # fmt: skip


__all__ = ["MessageFocus", "asks_outright", "read_message"]
