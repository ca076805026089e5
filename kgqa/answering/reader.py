"""Answers from passages when the graph is silent.

When the graph has no statement of the asked relation for the topic (nor its super- or
subtypes), the passages about the topic may still name the answer: "Syphilis is treated with
penicillin" names a drug in a syphilis treatment passage. The reader links the passages that
are about the topic, keeps the entities of the intent's answer class (never a negated
mention, nor one its sentence says the topic is taken for, "confused with gout"; a drug only
where its sentence speaks of treating and not of avoiding or harm, a side effect only where
its sentence or the one before names the drug and speaks of harm),
and the verifier reads, for each, the claim that it answers the question against
its passage. Such answers carry ``verdict="from text"`` and their passage; they are given only
when the graph gives none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kgqa.answering.candidates import same_named
from kgqa.answering.ranking import EVIDENCE_CHARS, claim_for, mentioning, verify_pairs
from kgqa.answering.verbalize import statement
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Answer, Evidence, Node, Passage
from kgqa.retrieval.index import page_title
from kgqa.stages import Classifying, Linking
from kgqa.text import opposites, sentence_bounds
from kgqa.understanding.registry import INTENTS
from kgqa.understanding.router import is_substance, linked

MAX_READ = 5  # passages read per question
MAX_CANDIDATES = 16
# the documents a candidate is read against: one that several documents about the topic name
# (dysuria, in three of a UTI's) answers more surely than one a single list names
MAX_DOCUMENTS = 3
# a finding the passages name only as a disorder (DO's *hyperuricemia*, read as HPO's) comes
# after those they name as findings: such a disorder is as often a complication or another
# disorder beside the topic (GARD hits@1 0.0092 lower when they ranked alike)
RENAMED = 0.5
FROM_TEXT = "from text"
# a treatment from text (a drug for a disease, or a disease a drug is for) only where its
# sentence (or the one before) speaks of treating, and never where the sentence says to avoid
# it or that it harms ("Avoiding tobacco and alcohol ...", "... the cells that produce melanin").
# A complication is harm too: "Peripheral neuropathy has been noted as a complication of therapy
# with perhexiline maleate, a drug widely used ... for the prophylactic treatment of angina"
# made perhexiline, which brings it on, a treatment for peripheral neuropathy at 0.81.
# So is what a drug increases or a deterioration after it: "Stimulant pills, including
# amphetamines, methylphenidate, and modafinil, are used to treat sleepiness but may increase
# irritability" and "behavioral deterioration, with hyperkinesis, irritability ... after the
# therapeutic administration of isoniazid" made all four treatments for irritability (a drug
# said to increase survival is lost with them: from text, a missed answer is the safe side).
# "include" and "options" are no such words alone: "signs and symptoms can include poor
# appetite" before "... abnormally high levels of insulin" made insulin a treatment for it
_TREATING = re.compile(
    r"\b(?:treat\w*|therap\w*|manag\w*|medications?|medicines?|drugs?|prescri\w*|given|"
    r"administ\w*|reliev\w*|relief|improv\w*|control\w*|effective|respond\w*|cure\w*|"
    r"used)\b",
    re.I,
)
_HARMING = re.compile(
    r"\b(?:avoid\w*|should not|must not|do not|don't|contra-?indicat\w*|caus\w*|induc\w*|"
    r"trigger\w*|worsen\w*|aggravat\w*|risks?|toxic\w*|side[- ]effects?|adverse|exposure|abuse|"
    r"overdose|poison\w*|withdraw\w*|associated with|linked to|complications?|increas\w*|"
    r"exacerbat\w*|deteriorat\w*)\b",
    re.I,
)
_TREATS = frozenset({"treats", "palliates"})
# what a drug is taken for: a finding in such a sentence is no side effect ("the benefits of
# taking inhaled corticosteroids and preventing asthma attacks")
_AIMED = re.compile(r"\b(?:prevent\w*|benefits?|treat\w*|reliev\w*|relief|control\w*|indicat\w*)\b",
                    re.I)  # fmt: skip
# ... and a finding is a side effect only where its sentence (or the one before) speaks of harm
_EFFECT = re.compile(
    r"\b(?:side[- ]effects?|adverse|caus\w*|induc\w*|risks?|reactions?|toxic\w*|complications?|"
    r"develop\w*|experienc\w*|lead to|leads to|result in|results in)\b",
    re.I,
)


# words before a thing named that say it is not the answer but something else the topic is
# taken for: "The joint pain is sometimes confused with gout" names no disease that shows
# fibromyalgia
_TAKEN_FOR = re.compile(
    r"\b(?:confused with|mistaken (?:for|as)|misdiagnosed as|mimic\w*|resembl\w*|"
    r"distinguish\w* (?:it |them )?from|differ\w* from|unlike|rul(?:e|es|ed|ing) out)"
    # the thing named right after, in three words at most ("mistaken for the flu and can
    # include fever": the flu is taken for, fever is a sign)
    r"(?:\s+(?!(?:and|or|but|can|may|includ\w*)\b)[\w'-]+){0,3}\s+$",
    re.I,
)


# words before a disorder named that make it whom the sentence speaks of, not a sign of the
# topic: "In people with diabetes, hypoglycemia is often a side effect of diabetes medicines"
# made diabetes mellitus a symptom of low blood sugar (0.65)
_PEOPLE = r"people|persons?|those|patients|children|adults|women|men|someone|anyone"
_WHO_HAVE = re.compile(
    rf"\b(?:{_PEOPLE}|individuals)\s+(?:with|who have|who has|who had|having)\s+"
    r"(?:[\w'-]+\s+){0,2}$",
    re.I,
)


# words before a thing named that make it part of an organisation's name, no answer of any
# kind: a page's source line "NIH: National Institute of Diabetes and Digestive and Kidney
# Diseases" made diabetes a symptom of low blood sugar (0.65)
_ORGANISATION = re.compile(
    r"\b(?:Institutes?|Foundation|Association|Society|Center|Centre|Department|Agency|Council|"
    r"Alliance|Network|Organi[sz]ation|Academy|College)\s+(?:of|for|on)\s+(?:[\w'-]+\s+){0,4}$"
)
# words after a disorder named that make it what drugs are for, no sign ("a side effect of
# diabetes medicines")
_ITS_DRUGS = re.compile(
    r"\s+(?:medicines?|medications?|drugs?|meds|pills|tablets|treatments?|therap\w+)\b", re.I
)


# words around a drug named that make it what brought the disorder on, not what treats it:
# "improve memory impaired by scopolamine" (a model of amnesia) made scopolamine a remedy for
# memory disorders; "scopolamine-induced amnesia", "after exposure to lead"
_BROUGHT_ON_BY = re.compile(
    r"\b(?:induc|impair|caus|trigger|provok|produc|evok|damag|exacerbat|worsen|aggravat|"
    r"intoxicat|poison)\w*\s+(?:by|with|from)\s+(?:(?:the|a|an|high|low|chronic|acute|"
    r"repeated|doses?|of)\s+){0,3}$|\bexposure\s+to\s+$",
    re.I,
)
_BRINGING_ON = re.compile(
    r"^\s*-?\s*(?:induced|evoked|provoked|caused|related|associated|exposed|intoxicated)\b",
    re.I,
)


# an abstract of a study in animals or cells: what it reverses there treats no one yet ("Amnesia
# produced by scopolamine ... reversed by morphine", in mice, made morphine and naloxone the
# answers to "What treats amnesia?")
_ANIMAL_STUDY = re.compile(
    r"\b(?:rats?|mice|mouse|murine|rodents?|rabbits?|guinea pigs?|hamsters?|zebrafish|"
    r"(?:the|in|of) animals|animal models?|in vitro|cell lines?|cultured cells)\b",
    re.I,
)


# a drug's name as the first part of a word that describes something else: "oxygen-rich
# blood" named oxygen as a treatment for Marfan syndrome
_DESCRIBING = re.compile(
    r"^-(?:rich|poor|free|carrying|depleted|deficient|like|based|sensitive|resistant|"
    r"dependent|lowering|raising|producing|secreting|containing)\b",
    re.I,
)


def brought_on_by(sentence_before: str, after: str) -> bool:
    """Whether the words before a drug named in its sentence, or right after it, say it
    brought the disorder on ("memory impaired by scopolamine", "scopolamine-induced")."""
    return bool(_BROUGHT_ON_BY.search(sentence_before) or _BRINGING_ON.match(after))


def _context(text: str, bounds: list[tuple[int, int]], at: int) -> tuple[str, str]:
    """Sentence ``at`` of the text and the one before it ("" for the first)."""
    return text[slice(*bounds[at])], text[slice(*bounds[at - 1])] if at > 0 else ""


def _said_to_treat(here: str, before: str) -> bool:
    """Whether a sentence (or the one before it) speaks of treating, and the sentence itself
    does not speak of avoiding or of harm."""
    return not _HARMING.search(here) and bool(_TREATING.search(here) or _TREATING.search(before))


def _said_of(here: str, before: str, topic: Node) -> bool:
    """Whether a sentence, or the one before it, names the topic and speaks of harm, and the
    sentence itself not of what the drug is for. A side effect listed in a passage about
    several drugs belongs to the drug its list is about ("Some of the common side effects of
    aminosalicylates include ..." is not about steroids, though the passage names them
    elsewhere)."""
    if _AIMED.search(here):
        return False
    label = topic.label.casefold()
    return any(label in part.casefold() for part in (here, before)) and bool(
        _EFFECT.search(here) or _EFFECT.search(before)
    )


# a finding's frequency in a list of findings ("Goiter 50%")
_FREQUENCY = re.compile(r"\d+(?:\.\d+)?\s?%")


# MeSH's headings that group findings, which name none
_HEADING = re.compile(r"^Signs and Symptoms\b", re.I)
# the classes one concept has a node in each of (DO's disease, HPO's finding)
_ONE_CONCEPT = frozenset({"Disease", "Phenotype"})


def _document(p: Passage) -> tuple[str, str]:
    """The document a passage is part of (its page; a MedQuAD answer's question id else)."""
    return p.source, p.url or p.source_id.rsplit("-", 1)[0]


# a disorder of a substance's use: what its passages name the substance in treats none of it
_OF_USE = re.compile(
    r"\b(?:abuse|dependence|addiction|related disorders?|use disorders?|"
    r"withdrawal|poisoning|overdose|intoxication|toxicity)\b",
    re.I,
)


def misused(node: Node, topic: Node) -> bool:
    """Whether ``node`` is the substance a disorder of its use (``topic``) is named for.

    Example:
        >>> cocaine = Node("x:1", "x:1", "Cocaine", "Chemical")
        >>> misused(cocaine, Node("x:2", "x:2", "Cocaine-Related Disorders", "Disease"))
        True
        >>> misused(cocaine, Node("x:3", "x:3", "cocaine", "Disease"))
        False
    """
    if not _OF_USE.search(topic.label):
        return False
    name = normalize_name(node.label)
    return bool(name) and f" {name} " in f" {normalize_name(topic.label)} "


def text_candidates(linker: Linking, topic: Node, intent: str, passages: Sequence[Passage],
                    asked: str = "", kg: KnowledgeGraph | None = None
                    ) -> list[tuple[Node, tuple[Passage, ...], bool]]:  # fmt: skip
    """Entities of the intent's answer class named (not negated) in the passages about the
    topic, each with the passages that name it, the first of each document (at most
    ``MAX_DOCUMENTS``), in the passages' order, and whether only a disorder of its name named
    it (below). ``asked``: the question, whose words
    may name what a passage's title names more closely than the topic linked ("Warm antibody
    hemolytic anemia" linked hemolytic anemia). With ``kg``, a thing named of another class
    than asked is its node of the same name of the class asked, where there is one (DO's
    *hyperuricemia* is HPO's *Hyperuricemia*, a finding of gout)."""
    spec = INTENTS[intent]
    own = mentioning(passages, topic)[:MAX_READ]
    if not own or not spec.answer_classes:
        return []
    found: dict[str, tuple[Node, list[Passage]]] = {}
    named_itself: set[str] = set()  # the findings named as findings, not as disorders
    # the topic's own node under another source's name is no answer about it (HPO's *Gout*)
    itself = {n.iri for n in same_named(kg, topic)} if kg is not None else {topic.iri}
    above: set[str] | None = None  # the topic's supertypes, read when first needed
    # the passages whose title names the topic are about it throughout ("Hypoglycemia"); one
    # titled "type 1 diabetes" speaks of the topic only where it names it
    # (titles are read for findings and treatments, and linked unless they are the label)
    label = topic.label.casefold()
    # a title that only holds the label names a kind of it ("Congenital hypothyroidism": its
    # symptom table, abdominal wall hypoplasia first, was read as hypothyroidism's); such a
    # title is linked like any other
    key = normalize_name(topic.label)
    # ... and a title the question says in its own words is about what was asked
    said = f" {normalize_name(asked)} "
    titled = {p.pid for p in own if normalize_name(p.title) == key
              or (p.title.strip() and f" {normalize_name(p.title)} " in said)}  # fmt: skip
    unsure = [p for p in own if p.pid not in titled and p.title
              and (spec.relation == "hasPhenotype" or spec.relation in _TREATS)]  # fmt: skip
    linked_all = linker.link_many([p.text for p in own] + [p.title for p in unsure])
    title_nodes = {p.pid: [node for _, node in linked(ms)]
                   for p, ms in zip(unsure, linked_all[len(own) :], strict=True)}  # fmt: skip
    titled |= {pid for pid, nodes in title_nodes.items()
               if any(n.iri == topic.iri for n in nodes)}  # fmt: skip
    # the passages titled by another disorder: "the condition" there is that one
    elsewhere = {pid for pid, nodes in title_nodes.items() if pid not in titled
                 and any(n.cls in _ONE_CONCEPT for n in nodes)}  # fmt: skip
    for p, mentions in zip(own, linked_all[: len(own)], strict=True):
        if spec.relation in _TREATS and _ANIMAL_STUDY.search(p.text):
            continue  # a treatment in rats is none for people
        bounds = sentence_bounds(p.text)
        # the sentences that name the topic: a treatment is read only in one or the next
        named = {i for m, node in linked(mentions) if node.iri == topic.iri
                 for i, (a, b) in enumerate(bounds) if a <= m.start < b}  # fmt: skip
        named |= {i for i, (a, b) in enumerate(bounds) if label in p.text[a:b].casefold()}
        for m, node in linked(mentions):
            if kg is not None and node.cls in _ONE_CONCEPT and node.cls not in spec.answer_classes:
                alt = next((n for n in same_named(kg, node)[1:]
                            if n.cls in spec.answer_classes), None)  # fmt: skip
                # ... but a kind of the topic, or what it is a kind of, is no finding of it
                # (*congenital hypothyroidism*, of hypothyroidism)
                if alt is not None and above is None:
                    above = {n.iri for n in kg.ancestors(topic)}
                if (
                    alt is not None
                    and node.iri not in (above or ())
                    and topic.iri not in {n.iri for n in kg.ancestors(node)}
                ):
                    node = alt
            elif node.cls in spec.answer_classes:
                named_itself.add(node.iri)
            if m.negated or node.iri in itself or node.cls not in spec.answer_classes:
                continue
            if _HEADING.match(node.label):
                continue  # "Signs and Symptoms, Digestive" names no finding
            at = next((i for i, (a, b) in enumerate(bounds) if a <= m.start < b), None)
            context = _context(p.text, bounds, at) if at is not None else None
            # a drug is a treatment for the topic only where the passage speaks of the topic:
            # in a sentence that names it or the one after ("Insulin controls the amount of
            # sugar ..." two sentences after a symptom list treats nothing)
            near = at is not None and (at in named or at - 1 in named)
            if spec.relation in _TREATS and p.pid in elsewhere:
                # ... and in its own sentence, in a passage on another disorder: "treating
                # the condition with salbutamol", after a sentence naming lipomas in a passage
                # on Madelung disease, treats Madelung disease
                near = at is not None and at in named
            if spec.relation in _TREATS and not (context and near and _said_to_treat(*context)):
                continue
            before = p.text[bounds[at][0] : m.start] if at is not None else ""
            if spec.relation in _TREATS and brought_on_by(before, p.text[m.end : m.end + 20]):
                continue  # "improve memory impaired by scopolamine": no remedy for memory
            if spec.relation in _TREATS and _DESCRIBING.match(p.text[m.end : m.end + 20]):
                continue  # "oxygen-rich blood" is no oxygen given
            if spec.relation in _TREATS and is_substance(node):
                continue  # no drug treats anything: glycoproteins, in a passage on ankle care
            if spec.relation in _TREATS and misused(node, topic):
                continue  # "Which drugs treat cocaine addiction?" had cocaine first, 0.73
            if (spec.relation == "hasPhenotype" and p.pid in elsewhere and at is not None
                    and len(_FREQUENCY.findall(p.text, *bounds[at])) >= 2):  # fmt: skip
                # a passage on another disorder listing its findings by frequency names the
                # topic as one of them ("Congenital hypothyroidism": "... Hypothyroidism 50%
                # ..."): the others are that disorder's findings, not the topic's
                continue
            if spec.relation == "hasPhenotype" and not near and p.pid not in titled:
                # a finding is the topic's only in a passage about it, or where the passage
                # speaks of it ("The first signs ... are caused by high blood sugar", in a
                # passage on type 1 diabetes that names hypoglycemia elsewhere, lists no sign
                # of hypoglycemia)
                continue
            if at is not None and _TAKEN_FOR.search(p.text[bounds[at][0] : m.start]):
                continue  # "... sometimes confused with gout"
            if _ORGANISATION.search(before):
                continue  # "National Institute of Diabetes and Digestive and Kidney Diseases"
            if spec.relation == "hasPhenotype" and (
                _WHO_HAVE.search(before) or _ITS_DRUGS.match(p.text[m.end : m.end + 20])
            ):
                # "In people with diabetes, hypoglycemia is often a side effect of diabetes
                # medicines": whom it speaks of, and what the medicines are for, are no signs
                continue
            if opposites(node.label, topic.label):
                continue  # hyperglycemia is no answer about hypoglycemia
            if spec.relation == "hasSideEffect" and not (context and _said_of(*context, topic)):
                continue
            named_in = found.setdefault(node.iri, (node, []))[1]
            if (len(named_in) < MAX_DOCUMENTS
                    and all(_document(q) != _document(p) for q in named_in)):  # fmt: skip
                named_in.append(p)
    return [
        (node, tuple(ps), node.iri not in named_itself)
        for node, ps in list(found.values())[:MAX_CANDIDATES]
    ]


def read_answers(linker: Linking, verifier: Classifying, topic: Node, intent: str,
                 passages: Sequence[Passage], asked: str = "",
                 kg: KnowledgeGraph | None = None) -> list[Answer]:  # fmt: skip
    """The passages' candidate answers, each read by the verifier against each document's
    passage that names it; ``asked``: the question. Its support is the verifier's best
    P(supported) of them; they are ordered by the share of the documents read (at most
    ``MAX_DOCUMENTS``) that say it, each counted at its P(supported), then by support: a
    finding three documents about a UTI name (dysuria) comes before one a single list names
    (back pain). Its evidence is those passages, the most supporting first."""
    cands = text_candidates(linker, topic, intent, passages, asked, kg)
    if not cands:
        return []
    documents = min(max(len({_document(p) for p in mentioning(passages, topic)[:MAX_READ]}), 1),
                    MAX_DOCUMENTS)  # fmt: skip
    pairs = [(i, p) for i, (_, ps, _) in enumerate(cands) for p in ps]
    claims = [claim_for(intent, topic, cands[i][0]) for i, _ in pairs]
    evidence = [("passage: " + p.text)[:EVIDENCE_CHARS] for _, p in pairs]
    probs = verify_pairs(verifier, claims, evidence)
    read: list[list[tuple[float, Passage]]] = [[] for _ in cands]
    for (i, p), pr in zip(pairs, probs, strict=True):
        read[i].append((float(pr[0]), p))
    out = []
    for (node, _, renamed), said in zip(cands, read, strict=True):
        said.sort(key=lambda x: -x[0])
        share = sum(pr for pr, _ in said) / documents * (RENAMED if renamed else 1.0)
        support = round(said[0][0], 4)
        out.append((share, Answer(node, support, Evidence((), tuple(p for _, p in said)),
                                  verdict=FROM_TEXT, support=support)))  # fmt: skip
    return [a for _, a in sorted(out, key=lambda x: (-x[0], -x[1].score, x[1].node.label))]


# what a finding's own page says brings it on: "Causes of edema include ...", "Infections
# cause most fevers", "Jaundice can happen for many reasons, such as ...", "Some palpitations
# are symptoms of arrhythmias"; not its kinds ("Other common types of headaches include
# migraines": a kind of a disorder is none of its causes, the lymphomas of lymphoma's)
_CAUSING = re.compile(
    r"\b(?:caus\w*|reasons?|due to|results? (?:from|of)|resulting from|because of|signs? of|"
    r"symptoms? of|trigger\w*|brought on|lead to|leads to|comes? from|related to|"
    # ... or what it comes with ("You can also lose your hair if you have certain diseases,
    # such as thyroid problems, diabetes, or lupus", on *Hair Loss*'s)
    r"if you have)\b",
    re.I,
)
# ... or a list after such a sentence ("They can be symptoms of many different conditions.
# These include morning sickness during pregnancy, infections, migraine headaches ...")
_LISTING = re.compile(
    r"^\W*(?:these|they|examples|others|some)(?: of (?:these|them))?\s+(?:can |may |might )?"
    r"(?:include|includes|including|are)\b",
    re.I,
)
# ... not when to see a doctor ("Talk to your doctor if you have ... symptoms of dehydration")
_WARNING = re.compile(
    r"\b(?:(?:talk|speak) (?:to|with)|call|see|contact|tell|check with|ask(?:ing)?) (?:your|a|the) "
    r"(?:doctor|health ?care provider|provider|physician)|\b(?:get|seek) (?:immediate |urgent )?"
    r"(?:medical|emergency) (?:help|care|attention)",
    re.I,
)
# ... nor what a medicine is for ("medicines for nausea and pain", in a list of causes)
# ... or what a drug named in a list of causes is given for ("cyclosporine, a medication ...
# used in the treatment of some autoimmune diseases", on the page on gout)
_TAKEN_AGAINST = re.compile(
    r"\b(?:(?:medicines?|medications?|drugs?|pills?|treatments?|remed\w+)\s+(?:to treat|for|"
    r"against)|(?:to |used to )?treat(?:s|ed|ing)?|treatment of|to prevent|therapy for|given for|"
    r"prescribed for)\s+(?:[\w'-]+,?\s+){0,4}$",
    re.I,
)
# ... not what the finding brings on itself ("Diarrhea of any duration may cause dehydration",
# "Insomnia can cause daytime sleepiness"): a verb of bringing on after the finding's name
# and before the thing named, not the noun ("Causes of edema include") nor the passive
# ("Hematuria can be caused by ... a urinary tract infection")
_BRINGING_VERB = r"\b(?:cause[sd]?|lead(?:s)? to|results? in|trigger(?:s|ed)?)\b(?! (?:of|by)\b)"
_BRINGS_ON = re.compile(_BRINGING_VERB, re.I)
# ... nor a disease named for what is given for it ("Antibiotics, cancer drugs, and antacids
# ... can all cause diarrhea"; "... food poisoning, cancer chemotherapy or other medicines")
# (lower case: "... - Autoimmune diseases Treatment depends on the cause" ends a list)
_GIVEN_FOR_IT = re.compile(
    r"^\s*(?:drugs?|medicines?|medications?|treatments?|therap\w+|chemo\w*|radiation|surgery|"
    r"screening|tests?)\b"
)


def brought_on_by_finding(sentence: str, at: int, names: Sequence[str]) -> bool:
    """Whether ``sentence`` says the finding (one of ``names``, casefolded) brings on what is
    named at offset ``at``: one of its names, then a verb of bringing on, before ``at``.

    Example:
        >>> s = "Diarrhea of any duration may cause dehydration."
        >>> brought_on_by_finding(s, s.index("dehydration"), ["diarrhea"])
        True
        >>> s = "Causes of diarrhea include celiac disease."
        >>> brought_on_by_finding(s, s.index("celiac"), ["diarrhea"])
        False
        >>> s = "Hematuria can be caused by an infection."
        >>> brought_on_by_finding(s, s.index("infection"), ["hematuria"])
        False
    """
    head = sentence[:at].casefold()
    named = [m.end() for name in names if name
             for m in re.finditer(rf"(?<!\w){re.escape(name)}", head)]  # fmt: skip
    return any(v.start() >= n for n in named for v in _BRINGS_ON.finditer(head))


# what a cause is named as the cause of: the thing named right after "a cause of" is what is
# brought on ("glaucoma, a leading cause of blindness", on *Glaucoma*'s page, made blindness a
# cause of glaucoma), not after the words that say what the cause is ("The most common cause
# of anemia is ...")
# (or the risk of: "These changes increase your risk for obesity", on *Sleep Apnea*'s page)
_CAUSE_OF = re.compile(r"\b(?:causes?|reasons?|risks?)\s+(?:of|for)\s+((?:[\w'-]+\s+){0,2})$",
                       re.I)  # fmt: skip
# ... and a verb of bringing on right before the thing named, with no word that a list of what
# brings it on follows ("Intestinal damage causes diarrhea", on *Celiac Disease*'s; not "Many
# conditions cause edema, including heart failure", "Things that cause diarrhea are ...")
_BRINGS_ON_BEFORE = re.compile(_BRINGING_VERB + r"(?P<gap>[^.;]{0,60})$", re.I)
_LIST_CUE = re.compile(r"\b(?:includ\w*|such as|like|for example|especially|particularly|namely|"
                       r"are|were|is)\b|[:(]", re.I)  # fmt: skip
# ... and what it brings on, when the thing named brings something on: the finding (a name of
# it, or a word that stands for it) or another thing ("Intestinal damage causes diarrhea": not
# celiac disease) (matched right after the thing named: no "^")
_BRINGS_ON_AFTER = re.compile(
    # (past a bracket and a comma: "age-related macular degeneration (AMD), is ...")
    r"\)?(?:\s*\([^()]{0,20}\))?,?[^.;:,]{0,40}?"
    rf"(?:{_BRINGING_VERB}"
    # ... or is called a cause of it ("Macular degeneration, or age-related macular
    # degeneration (AMD), is a leading cause of vision loss", on *Macular Degeneration*'s)
    r"|\b(?:is|are|was|were)\s+(?:(?:a|an|the|one|of|most|more|leading|common|major|main|"
    r"frequent|known|possible|important)\s+){0,4}causes?\s+of\b)"
    r"\s*(?P<object>[^,.;:]{0,60})",
    re.I,
)
_STANDS_FOR_IT = re.compile(
    r"\b(?:it|this|these|them|that|the (?:disease|condition|disorder|problem|illness|syndrome)|"
    r"symptoms?|attacks?|flares?|flare-ups?|episodes?|outbreaks?|signs?)\b",
    re.I,
)


# what a page lists as signs or complications is none of the causes: "Symptoms can include -
# Frequent redness ... - Acne" (on *Rosacea*'s), "The hallmark symptom of the disorder is
# excessive daytime sleepiness" (*Sleep Apnea*'s, linked to sleep disorders), "Crohn's can
# cause complications, such as intestinal blockages, ulcers" (a complication *of* something
# names a cause: "Edema can be a complication of heart failure")
_SIGNS_OR_COMPLICATIONS = re.compile(
    r"\b(?:(?:symptoms?|signs?)\b(?:\s+of\b(?:\s+[\w'-]+){1,4})?\s+(?:(?:can|may|might|often|"
    r"also|commonly)\s+)*(?:include|includes|including|are|is)\b|complications?\b(?!\s+of\b))"
    r"[^.]*$",
    re.I,
)


def brings_on_another(sentence: str, start: int, end: int, names: Sequence[str]) -> bool:
    """Whether ``sentence`` names what is at ``start:end`` as brought on by a cause, or as
    bringing on something other than the finding or disease of ``names`` (casefolded): then it
    is none of that one's causes.

    Example:
        >>> s = "Nearly 2.7 million people have glaucoma, a leading cause of blindness."
        >>> brings_on_another(s, s.index("blindness"), len(s) - 1, ["glaucoma"])
        True
        >>> s = "Intestinal damage causes diarrhea and weight loss."
        >>> brings_on_another(s, 0, 17, ["celiac disease"])
        True
        >>> brings_on_another(s, s.index("diarrhea"), s.index(" and"), ["celiac disease"])
        True
        >>> s = "The most common cause of anemia is blood loss."
        >>> brings_on_another(s, s.index("blood loss"), len(s) - 1, ["anemia"])
        False
        >>> s = "Many things cause anemia, including blood loss."
        >>> brings_on_another(s, s.index("blood loss"), len(s) - 1, ["anemia"])
        False
        >>> s = "Smoking can trigger asthma attacks."
        >>> brings_on_another(s, s.index("Smoking"), s.index(" can"), ["asthma"])
        False
    """
    head = sentence[:start]
    cause_of = _CAUSE_OF.search(head)
    if cause_of is not None:
        gap = cause_of.group(1).casefold()
        if not _LIST_CUE.search(gap) and not any(n and n in gap for n in names):
            return True
    verb = _BRINGS_ON_BEFORE.search(head)
    if verb is not None and not _LIST_CUE.search(verb.group("gap")):
        return True
    after = _BRINGS_ON_AFTER.match(sentence, end)
    if after is not None:
        said = after.group("object").casefold()
        if (said.strip() and not any(n and n in said for n in names)
                and not _STANDS_FOR_IT.search(said)):  # fmt: skip
            return True
    return False


# the finding or disease named beside the thing, in one "or" or "and": a peer of it, none of
# its causes ("before they develop severe fibrosis or cirrhosis", on *Cirrhosis*'s)
# (with a word of how far along or how bad between: not any word, which can begin another
# name that ends in the disease's, "arthritis, gout and familial Mediterranean fever")
_JOINED = re.compile(
    r"\s*,?\s+(?:and/or|or|and)\s+(?:(?:severe|advanced|chronic|acute|mild|early|late|"
    r"end-stage|full-blown|the)\s+){0,2}",
    re.I,
)


def beside_it(sentence: str, start: int, end: int, topic_at: Sequence[tuple[int, int]]) -> bool:
    """Whether ``sentence`` names what is at ``start:end`` joined by "or" or "and" to a mention
    of the topic (at one of ``topic_at``): the two are named as peers.

    Example:
        >>> s = "Treat it before they develop severe fibrosis or cirrhosis."
        >>> at = [(s.index("cirrhosis"), len(s) - 1)]
        >>> beside_it(s, s.index("fibrosis"), s.index(" or"), at)
        True
        >>> s = "Hepatitis C and alcohol use cause cirrhosis."
        >>> beside_it(s, 0, 11, [(s.index("cirrhosis"), len(s) - 1)])
        False
    """
    for a, b in topic_at:
        between = sentence[end:a] if a >= end else sentence[b:start] if b <= start else None
        if between is not None and _JOINED.fullmatch(between):
            return True
    return False


def _kind_by_name(node: Node, topic: Node) -> bool:
    """Whether ``node``'s name is a disease topic's with words before it ("sickle cell anemia",
    of anemia, which DO files elsewhere). Not a finding's: a disease named for its sign brings
    the sign on (scarlet fever, familial Mediterranean fever)."""
    return topic.cls == "Disease" and normalize_name(node.label).endswith(
        f" {normalize_name(topic.label)}"
    )


def _of_causes(text: str, bounds: list[tuple[int, int]], at: int) -> bool:
    """Whether sentence ``at`` of ``text`` speaks of causes, or lists what the one before
    says are causes."""
    here, before = _context(text, bounds, at)
    return bool(_CAUSING.search(here) or (_LISTING.match(here) and _CAUSING.search(before)))


def page_candidates(linker: Linking, topic: Node, intent: str, pages: Sequence[Passage],
                    subjects: Sequence[Node], kg: KnowledgeGraph,
                    classes: Sequence[str] | None = None,
                    ) -> list[tuple[Node, tuple[tuple[Passage, str], ...]]]:  # fmt: skip
    """What a finding's own pages (``pages``, of the topic or of ``subjects``, the findings
    they are titled by) say brings it on: the entities of the intent's answer class each names
    in a sentence of causes (throughout a page's part on causes), not negated, not brought on
    by the finding, not what it is taken for, not the finding itself; in the order the pages
    first name them, each with the pages that name it (at most ``MAX_DOCUMENTS``) and the
    sentence of each that does (after the one before it: a list of causes is read with the
    words that say what it lists). ``classes``: the answer classes (the intent's by default;
    a disease's causes on its page are diseases, where the intent asks for organisms and
    genes)."""
    wanted = tuple(classes if classes is not None else INTENTS[intent].answer_classes)
    if not pages or not wanted:
        return []
    itself = {n.iri for s in (topic, *subjects) for n in same_named(kg, s)}
    above = {n.iri for n in kg.ancestors(topic)}
    names = sorted({name.casefold() for s in (topic, *subjects)
                    for name, lang in kg.labels(s) if lang == "en"},
                   key=len, reverse=True)  # fmt: skip
    # the sentences of causes, linked alone (a page's other sentences are never read)
    units = [(p, bounds, at) for p in pages for bounds in [sentence_bounds(p.text)]
             for at, (a, b) in enumerate(bounds)
             if (p.qtype == "causes" or _of_causes(p.text, bounds, at))
             and not _WARNING.search(p.text[a:b])]  # fmt: skip
    found: dict[str, tuple[Node, list[tuple[Passage, str]]]] = {}
    texts = [p.text[slice(*bounds[at])] for p, bounds, at in units]
    for (p, bounds, at), here, mentions in zip(units, texts, linker.link_many(texts), strict=True):
        # where the sentence names the topic itself
        topic_at = [(m.start, m.end) for m, node in linked(mentions) if node.iri in itself]
        for m, node in linked(mentions):
            if node.iri in above:
                continue  # "pain", on the page on abdominal pain, is no pain disorder
            if node.cls in _ONE_CONCEPT and node.cls not in wanted:
                # a finding's page names a disorder by HPO's name as often (*Cirrhosis*): its
                # twin of exactly that name (not DO's *pain disorder*, a somatoform disorder,
                # for "Like other types of pain")
                key = normalize_name(node.label)
                node = next((n for n in same_named(kg, node)[1:] if n.cls in wanted
                             and normalize_name(n.label) == key), node)  # fmt: skip
            if (m.negated or node.cls not in wanted or node.iri in itself
                    or node.iri in above or _HEADING.match(node.label)):  # fmt: skip
                continue
            if topic.iri in {n.iri for n in kg.ancestors(node)} or _kind_by_name(node, topic):
                continue  # a kind of the topic is none of its causes (sickle cell anemia)
            if (
                brought_on_by_finding(here, m.start, names)
                or brings_on_another(here, m.start, m.end, names)
                or beside_it(here, m.start, m.end, topic_at)
            ):
                continue
            if _SIGNS_OR_COMPLICATIONS.search(here, 0, m.start):
                continue
            before, after = here[: m.start], here[m.end : m.end + 20]
            if _TAKEN_AGAINST.search(before) or _GIVEN_FOR_IT.match(after):
                continue
            if _TAKEN_FOR.search(before) or opposites(node.label, topic.label):
                continue
            named_in = found.setdefault(node.iri, (node, []))[1]
            if (len(named_in) < MAX_DOCUMENTS
                    and all(_document(q) != _document(p) for q, _ in named_in)):  # fmt: skip
                # (the one before only where both fit what the verifier reads: the sentence
                # that names it is never cut)
                prior = _context(p.text, bounds, at)[1]
                both = f"{prior} {here}".strip()
                named_in.append((p, both if len(both) <= EVIDENCE_CHARS - 10 else here))
    return [(node, tuple(ps)) for node, ps in list(found.values())[:MAX_CANDIDATES]]


def page_answers(linker: Linking, verifier: Classifying, topic: Node, intent: str,
                 pages: Sequence[Passage], subjects: Sequence[Node], kg: KnowledgeGraph,
                 classes: Sequence[str] | None = None) -> list[Answer]:  # fmt: skip
    """:func:`page_candidates`, each read by the verifier against the sentences of the pages
    that name it (its support: the best P(supported)), marked as text, in the pages' order
    (the verifier's supports differ by noise: 0.99 to 1.00 for all of *Diarrhea*'s)."""
    cands = page_candidates(linker, topic, intent, pages, subjects, kg, classes)
    pairs = [(i, p, said) for i, (_, ps) in enumerate(cands) for p, said in ps]
    # each claim names the finding as its page's title does ("Sore Throat", not HPO's
    # *Pharyngalgia*, which the verifier read as another thing: 0.01 for the common cold)
    claims = [claim_for(intent, replace(topic, label=page_title(p)), cands[i][0])
              for i, p, _ in pairs]  # fmt: skip
    sentences = [("passage: " + said)[:EVIDENCE_CHARS] for _, _, said in pairs]
    probs = verify_pairs(verifier, claims, sentences)
    read: list[list[tuple[float, Passage]]] = [[] for _ in cands]
    for (i, p, said), pr in zip(pairs, probs, strict=True):
        # the passage shown is the part of it that says so (a page's list of causes is often
        # past the words a reader is shown first)
        read[i].append((float(pr[0]), replace(p, text=said)))
    out = []
    for (node, _), said in zip(cands, read, strict=True):
        said.sort(key=lambda x: -x[0])
        support = round(said[0][0], 4)
        out.append(Answer(node, support, Evidence((), tuple(p for _, p in said)),
                          verdict=FROM_TEXT, support=support))  # fmt: skip
    return out


# a sentence that says what brings the subject of ``names`` on: "No one knows exactly what
# causes acne", "The exact cause of asthma isn't known", "Gout is caused by ..." (a few words
# between: "Weak Bones Can Lead to Fractures Osteoporosis ...", a heading run into the text,
# says nothing of it)
_WHAT_CAUSES = (r"(?:caus\w*|reasons?|leads? to|triggers?|brings? on)(?:\s+(?:of|for))?\s+"
                r"(?:(?:the|a|an|most|many|some|all|your|cases|types|kinds|forms|of|exact|actual|"
                r"main|common|underlying)\s+){{0,3}}{n}\b")  # fmt: skip
_CAUSED = (r"{n}\b(?:\s+[\w']+){{0,4}}\s+(?:caused|triggered|brought on|due to|results? from|"
           r"because of)\b")  # fmt: skip
# ... and those after it that go on about its causes ("Hormone changes ... probably play a
# role"; not "Lupus has many symptoms")
_GOES_ON_ABOUT_CAUSES = re.compile(
    r"\b(?:caus\w*|roles?|factors?|trigger\w*|risks?|genes?|genetic\w*|inherit\w*|runs? in "
    r"(?:the )?famil\w+|environment\w*|result\w*|due to|lead\w*|linked|associated|theor\w*|"
    r"believe\w*|think|thought|unknown|not known)\b",
    re.I,
)
# ... never a page's pointer to a video or another page ("(Watch the animated video to learn
# more about the causes of glaucoma ...", "... is available through an information page")
_POINTER = re.compile(r"\b(?:video|click|watch|information page|this page|web ?site|www\.|"
                      r"animation|illustration|diagram|picture|image)|^\(", re.I)  # fmt: skip
# ... nor a sentence of what helps ("... can improve their symptoms by - Avoiding alcohol and
# spicy, fatty or acidic foods that trigger heartburn", on *GERD*'s)
_EASING = r"improv\w*|prevent\w*|treat\w*|reduc\w*|reliev\w*|eas(?:e|es|ing)"
_HELPING = re.compile(rf"\b(?:avoid\w*|lower\w*|{_EASING})\b", re.I)
# a sentence run into the one before it, where a list or heading had no period ("... and
# sometimes vision problems No one knows what causes rosacea", "Actual Cause Is Unknown
# Scientists believe that ..."): the quote begins where it does
_RUN_IN = re.compile(r"(?<=[a-z]) (?=(?:No|The|In|Some|Many|Most|Researchers|Scientists|Doctors|"
                     r"Experts|It|This|These|There|Although|While|Several|Certain)\b)")  # fmt: skip
PAGE_WORDS_CHARS = 320


def page_words(pages: Sequence[Passage], names: Sequence[str]) -> Passage | None:
    """What a subject's own page says in words of what brings it on (for a user whose answers
    it names none of: "What causes asthma?", answered with genes association studies tie to
    it): the first sentence of its pages (their parts on causes first) that says what causes
    one of ``names`` (not what one of them causes), and the next ones that go on about causes
    while they fit in ``PAGE_WORDS_CHARS``. The passage, its text cut to those sentences; None
    when no page says so.

    Example:
        >>> p = Passage(1, "Acne is a skin disease that causes pimples. No one knows exactly "
        ...             "what causes acne. Hormone changes probably play a role. It is common.",
        ...             "Acne", "medquad", "0004-1", "", "information", (), 1.0)
        >>> page_words([p], ["Acne", "pimples"]).text
        'No one knows exactly what causes acne. Hormone changes probably play a role.'
    """
    forms = [n.casefold().replace("-", " ") for n in names if n.strip()]
    if not forms or not pages:
        return None
    said = "|".join(map(re.escape, forms))
    what_causes = re.compile(_WHAT_CAUSES.format(n=f"(?:{said})"))
    caused = re.compile(_CAUSED.format(n=f"(?:{said})"))
    itself = re.compile(rf"(?<!\w)(?:{said})(?!\w)")

    def cause_said_at(sentence: str) -> int | None:
        """Where in ``sentence`` it says what causes the subject; None where it does not."""
        if _POINTER.search(sentence) or _LISTING.match(sentence) or _WARNING.search(sentence):
            # (nor a list that goes on from a sentence before it, "They include - Eating more
            # fruits ... - Asking your doctor if medicines you take may cause constipation",
            # after "... can help", nor when to see a doctor)
            return None
        text = sentence.casefold().replace("-", " ")  # (the same length)
        m = what_causes.search(text)
        # (not what the subject brings on: "Acne is a skin disease that causes pimples")
        if m is not None and itself.search(text, 0, m.start()):
            m = None
        m = m or caused.search(text)
        if m is None or _HELPING.search(text, 0, m.start()):
            return None
        return m.start()

    for p in sorted(pages, key=lambda p: p.qtype != "causes"):  # (stable: the pages' order)
        bounds = [(a, b) for a, b in sentence_bounds(p.text) if not p.text[a:b].endswith("?")]
        found = next(((i, cut) for i, (a, b) in enumerate(bounds)
                      if (cut := cause_said_at(p.text[a:b])) is not None), None)  # fmt: skip
        if found is None:
            continue
        at, cut = found
        start, end = bounds[at]
        run_in = [r.end() for r in _RUN_IN.finditer(p.text, start, start + cut)]
        start = run_in[-1] if run_in else start
        for a, b in bounds[at + 1 :]:
            more = p.text[a:b]
            if (b - start > PAGE_WORDS_CHARS or not _GOES_ON_ABOUT_CAUSES.search(more)
                    or _POINTER.search(more)):  # fmt: skip
                break
            end = b
        text = p.text[start:end]
        if len(text) > PAGE_WORDS_CHARS:  # one long sentence (a list run into it)
            text = text[:PAGE_WORDS_CHARS].rsplit(" ", 1)[0].rstrip(" ,;-") + " …"
        return replace(p, text=text)
    return None


# the sites of MedQuAD whose pages are on the diseases people meet (MedlinePlus, the NIH
# institutes, NIHSeniorHealth, the NCI, the CDC), not on rare ones (GARD, Genetics Home
# Reference), and the parts of a page that list a disease's signs
# (by host: Genetics Home Reference is ghr.nlm.nih.gov, MedlinePlus www.nlm.nih.gov)
COMMON_SITES = frozenset({"nlm.nih.gov", "niddk.nih.gov", "nhlbi.nih.gov", "ninds.nih.gov",
                          "nihseniorhealth.gov", "cancer.gov", "cdc.gov"})  # fmt: skip
SIGNS_QTYPES = frozenset({"symptoms", "information"})
# a finding a sentence names as absent or rare ("without fever", "rarely causes night sweats"),
# or the other way ("less frequent urination", a sign of dehydration)
_NOT_SHOWN = re.compile(r"\b(?:no|not|never|without|rarely|seldom|unlike)\b[^.;]*$"
                        r"|\b(?:less|decreased|reduced|fewer|lower|little)\s+$", re.I)  # fmt: skip


# ... or as what brings the disease on, not a sign of it ("Blood loss from heavy menstrual
# periods can cause iron-deficiency anemia", on that anemia's page; matched right after the
# finding's name, so no "^")
_BRINGS_IT_ON = re.compile(r"[\w\s'-]{0,30}?\b(?:can|may|might|will|often|also|\s)*(?:cause[sd]?|"
                           r"lead(?:s)? to|results? in|triggers?)\b", re.I)  # fmt: skip
_CAUSED_BY_IT = re.compile(r"\b(?:caused by|due to|because of|results? from|resulting from|"
                           r"brought on by|triggered by)\s+(?:[\w'-]+\s+){0,4}$", re.I)  # fmt: skip


def _leads_to_it(sentence: str, names: Sequence[str]) -> bool:
    """Whether ``sentence`` says something leads to the disease of one of ``names`` (what it
    lists is then what brings the disease on, not its signs: "Conditions that may lead to
    anemia include - Heavy periods", "... may suggest that a woman is at risk for
    iron-deficiency anemia").

    Example:
        >>> _leads_to_it("Conditions that may lead to anemia include heavy periods.", ["Anemia"])
        True
        >>> _leads_to_it("Diabetes insipidus causes frequent urination.", ["Diabetes insipidus"])
        False
    """
    # (hyphens read as spaces on both sides: "iron-deficiency anemia", "Iron-Deficiency Anemia")
    said = "|".join(re.escape(n.casefold().replace("-", " ")) for n in names if n)
    if not said:
        return False
    leads = re.compile(rf"\b(?:lead(?:s)? to|cause[sd]?(?: of)?|risk (?:for|of)|trigger(?:s)?)\s+"
                       rf"(?:[\w']+\s+){{0,2}}(?:{said})\b")  # fmt: skip
    return leads.search(sentence.casefold().replace("-", " ")) is not None


# a name of a finding said of another that comes out on the skin ("breaking out", a name of
# acne, in "breaking out in a cold sweat" or "in hives")
_BROKEN_OUT_IN = re.compile(r"\s+in\s+(?:a\s+)?(?:cold\s+)?(?:sweats?|hives|rash(?:es)?|tears|"
                            r"goose ?bumps|blisters|spots)\b", re.I)  # fmt: skip


# a sentence of what helps names the finding as what goes ("Birth control pills help women ...
# clear acne", "Getting more exercise, losing weight, or stopping smoking may also help"), and
# one that gives it as an example of the page's subject names no sign of it ("Many skin
# problems, such as acne, also affect your appearance", on a page on skin conditions; not
# "signs, such as fever")
# (not help sought: "Seek Help for Symptoms of Bleeding", a heading run into a list of signs)
_HELPS = re.compile(rf"\b(?:(?<!seek )(?<!get )help\w*|clear\w*|{_EASING})\b", re.I)
_AN_EXAMPLE_OF = re.compile(r"(?<!signs)(?<!symptoms)(?<!signs,)(?<!symptoms,)\s+(?:such as|like|"
                            r"including)\s+(?:[\w'-]+\s+){0,2}$", re.I)  # fmt: skip


# how far from the finding a word of helping makes its sentence one of what helps (characters)
NEAR_SIGN = 60


def _no_sign(text: str, start: int, end: int, at: int) -> bool:
    """Whether the sentence ``text[start:end]`` names the finding at ``at`` as no sign: in
    words of what helps, or as an example of the page's subject (:data:`_HELPS`,
    :data:`_AN_EXAMPLE_OF`)."""
    # (words of helping near it: a list run into one sentence speaks of much else)
    near = (max(start, at - NEAR_SIGN), min(end, at + NEAR_SIGN))
    return bool(_HELPS.search(text, *near) or _AN_EXAMPLE_OF.search(text[start:at]))


# people the sentence says have the finding, by what they have ("People with diabetes have high
# blood glucose, also called high blood sugar", on the page on diabetic kidney disease)
_PEOPLE_WITH = re.compile(
    rf"\b(?:{_PEOPLE})\s+"
    r"(?:with|who have|who has)\s+(?P<what>[\w' -]{3,60}?)\s+"
    r"(?:have|has|get|gets|may|can|often|usually|also|develop)\b",
    re.I,
)


def _of_someone_else(head: str, names: Sequence[str]) -> bool:
    """Whether the words before the finding say it is of people with something other than the
    disease of ``names`` (one of them, its last word or its initials named there is the
    disease's: "People with IBS have constipation", on *Irritable Bowel Syndrome*)."""
    m = _PEOPLE_WITH.search(head)
    if m is None or re.match(r"(?:the|this|that|these|those|such|it)\b", m.group("what"), re.I):
        return False  # "Some people with the disorder have constipation": the page's own
    what = set(re.findall(r"[\w']+", m.group("what").casefold()))
    # (a short form of the page's name: "People who have ITP", on *Immune Thrombocytopenia*)
    short = re.fullmatch(r"[A-Z]{2,5}", m.group("what").strip())
    for name in names:
        words = re.findall(r"[\w']+", name.casefold())
        initials = "".join(w[0] for w in words) if len(words) > 1 else ""
        if words and (" ".join(words) in m.group("what").casefold() or words[-1] in what
                      or (initials and initials in what)
                      or (short and short.group(0)[0].casefold() == words[0][0])):  # fmt: skip
            return False
    return bool(what)


def _in_its_own_name(head: str, word: str, names: Sequence[str]) -> bool:
    """Whether the finding's ``word`` is said as the end of the page's own disease name, the
    words before it (asides in brackets left out) that name's first words: "Primary ciliary
    (SIL-e-ar-e) dyskinesia ... is a rare disease that affects ... the airways" names no
    dyskinesia among its signs."""
    said = re.findall(r"[\w']+", re.sub(r"\([^)]*\)", " ", head).casefold())
    for name in names:
        words = re.findall(r"[\w']+", name.casefold())
        first = words[: -len(re.findall(r"[\w']+", word))] if words else []
        if first and words[len(first):] == re.findall(r"[\w']+", word.casefold()) and (
                said[-len(first):] == first):  # fmt: skip
            return True
    return False


def _site(url: str) -> str:
    """A page's host without "www." ("https://www.cancer.gov/types/...": "cancer.gov")."""
    return url.split("/")[2].removeprefix("www.") if url.count("/") >= 2 else ""


def showing_answers(
    verifier: Classifying, topic: Node, passages: Sequence[Passage], kg: KnowledgeGraph
) -> list[Answer]:
    """The diseases whose own pages list a finding among their signs: of ``passages`` (about
    the finding), each of a common-disease site's part on a disease's signs (or on what it
    is) that names the finding by one of its names as a word of its own, not as absent, and
    whose title is a disease's name in the graph. "What causes night sweats?" began with
    mycosis fungoides, follicular lymphoma and Q fever (HPO's); the NCI's pages on Hodgkin and
    non-Hodgkin lymphoma list night sweats among their signs. Each is read by the verifier
    against the sentence that names the finding, and marked as text, in the passages'
    order."""
    # (and their plurals: a page lists "Nosebleeds", HPO names "Nosebleed")
    names = sorted({form for name, lang in kg.labels(topic) if lang == "en" and len(name) > 3
                    for form in (name, name if name.endswith("s") else f"{name}s")},
                   key=len, reverse=True)  # fmt: skip
    if not names:
        return []
    said = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)", re.I)
    itself = {n.iri for n in same_named(kg, topic)}
    found: dict[str, tuple[Node, Passage, str, str]] = {}
    for p in passages:
        if (p.source != "medquad" or p.qtype not in SIGNS_QTYPES
                or _site(p.url) not in COMMON_SITES):  # fmt: skip
            continue
        bounds = sentence_bounds(p.text)
        # (not the word that ends the page's own disease name: "Primary ciliary (SIL-e-ar-e)
        # dyskinesia ... affects ... the airways"; "Attacks of familial Mediterranean fever
        # begin with a fever" names it after)
        title = [page_title(p)]
        at = next(((a, b, m) for a, b in bounds for m in said.finditer(p.text, a, b)
                   if not _in_its_own_name(p.text[a : m.start()], m.group(0), title)
                   and not _no_sign(p.text, a, b, m.start())), None)  # fmt: skip
        if at is None or _NOT_SHOWN.search(p.text[at[0] : at[2].start()]):
            continue
        if _BROKEN_OUT_IN.match(p.text, at[2].end(), at[1]):
            continue  # "breaking out in a cold sweat" (a heart attack's) is no acne
        if _WARNING.search(p.text[at[0] : at[1]]):
            continue  # "... should call or see a health care provider right away: - thirst"
        if (_BRINGS_IT_ON.match(p.text, at[2].end(), at[1])
                or _CAUSED_BY_IT.search(p.text[at[0] : at[2].start()])):  # fmt: skip
            continue
        named = kg.find(page_title(p), cls="Disease", limit=1)
        if not named or named[0].match not in ("exact", "normalized"):
            continue
        node = named[0].node
        if _leads_to_it(p.text[at[0] : at[1]], [page_title(p), node.label]):
            continue  # "Conditions that may lead to anemia include - Heavy periods"
        if _of_someone_else(p.text[at[0] : at[2].start()], [page_title(p), node.label]):
            continue  # "People with diabetes have high blood glucose", on *Diabetic Kidney Disease*
        if node.iri in itself or node.iri in found or opposites(node.label, topic.label):
            continue
        found[node.iri] = (node, p, p.text[at[0] : at[1]], at[2].group(0))
    if not found:
        return []
    cands = list(found.values())[:MAX_CANDIDATES]
    # (the claim names the finding in the page's words: "numbness", not HPO's *Hypoesthesia*)
    claims = [statement(node.label, "hasPhenotype", word) for node, _, _, word in cands]
    probs = verify_pairs(verifier, claims, [("passage: " + said)[:EVIDENCE_CHARS]
                                            for _, _, said, _ in cands])  # fmt: skip
    return [Answer(node, round(float(pr[0]), 4), Evidence((), (replace(p, text=said),)),
                   verdict=FROM_TEXT, support=round(float(pr[0]), 4))
            for (node, p, said, _), pr in zip(cands, probs, strict=True)]  # fmt: skip


__all__ = ["FROM_TEXT", "page_answers", "page_candidates", "page_words", "read_answers",
           "showing_answers", "text_candidates"]  # fmt: skip
