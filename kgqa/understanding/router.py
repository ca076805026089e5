"""Routing a question: which intent to answer, and which linked entity it is about.

The intent classifier proposes; the question's form and its entities dispose. A yes/no
question naming two kinds of thing is a claim to check; a relation asked from its other end
is turned round when the classifier is sure of the relation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kgqa.linking.candidates import NIL_THRESHOLD, close_candidate
from kgqa.linking.linker import level_moved
from kgqa.records import Mention, Node
from kgqa.text import LAB_SHORT_FORMS, has_cjk
from kgqa.understanding.claims import (
    ASKED_NEGATIVELY,
    FROM_MEDICATION,
    ZH_NOT_THE_CLAIMS,
    blamed_drug,
    blamed_for_the_unnamed,
    class_membership_claim,
    drug_stand_in,
    is_drug,
    uses_despite,
)
from kgqa.understanding.registry import (
    CUES,
    DRUG_WORD,
    IN_MESSAGES,
    INTENTS,
    ORGAN_ASKED,
    ORGANS,
    ZH_CUES,
)

# ... unless it asks someone to do something ("Could you please suggest the remedies.", "Can
# you tell me ...", "Would appreciate your comment on this."): a request, not yes or no
_REQUEST = re.compile(
    r"(?:can|could|would|will)\s+(?:you|u|someone|anyone|anybody|somebody)\b"
    r"|would\s+(?:appreciate|be grateful|like)\b",
    re.I,
)
# a question asking what the findings it names are ("what could it be?", "what's wrong with
# me?", "what do I have?")
_WHAT_IS_IT = re.compile(
    r"\bwhat (?:could|might|would|can|may) (?:this|it|these|that|they) be\b|\bwhat(?:'s|’s| is) "
    r"wrong with\b|\bwhat do (?:i|you think i|we think he|we think she) have\b"
    # "What might be wrong with me?", "What might cause this?", "what do these signs mean"
    r"|\bwhat (?:could|might|may|can) (?:be wrong|cause (?:this|it|these|that))\b"
    r"|\bwhat (?:does|do) (?:this|these|that|those|it|they)(?: \w+)? mean\b"
    r"|\bwhat (?:disease|condition|illness|infection) (?:could|might|would|can|may|do|does|is)\b"
    # "... I have been dropping things from my left hand; even a sudden twist send shock thru
    # my body-What is this?" (read as hand pain's definition)
    r"|\bwhat(?:'s|’s| is) (?:this|that|it)\s*(?:\?|$)",
    re.I,
)
# ... or that tells of the person's own findings and asks nothing ("I have a headache and
# fever" was answered with the definition of headache, "My daughter has a fever and a sore
# throat" with that of fever): what they could be, as if asked
_TELLS_FINDINGS = re.compile(
    r"^\s*(?:i|i've|ive|i'm|im|my (?:[\w'-]+ ){0,2}?[\w'-]+|he|she|we|they|(?:our|his|her) "
    r"[\w'-]+)\s+(?:(?:have|has|had|am|is|are|was|were|keep|been|'ve|also|now|still|just|"
    r"recently|suddenly|currently|really|constantly|always|often)\s+)*(?:have|has|had|got|get|"
    r"gets|getting|suffer(?:s|ed|ing)?(?: from)?|experienc(?:e|es|ed|ing)|feel(?:s|ing)?|felt|"
    r"having|developed|noticed)\b[^?]*$",
    re.I,
)
# ... or whether it is a disease the question names ("Could this be asthma?", "Do you think it
# looks like lupus?", "Do I have gout?")
_IS_IT_THIS = re.compile(
    r"\b(?:could|can|might|may|would) (?:this|it|these|that|they|those) (?:\w+ )?be\b"
    r"|\b(?:sounds?|seems?|looks?) like\b|\b(?:do|could|might|may) (?:i|you think i|we|he|she) "
    r"(?:\w+ )?have\b",
    re.I,
)
_DISEASE_AFTER = 12  # characters between the asking words and the disease ("like a", "have")


def _asks_if_it_is(text: str, found: Linked) -> bool:
    """Whether the question asks if what the person has is a disease it names right after the
    asking words ("Could this be asthma?"; not "Could it be cured? I have psoriasis")."""
    for m in _IS_IT_THIS.finditer(text):
        for mention, node in found:
            at = text.find(mention.text, m.end()) if mention.text else -1
            if node.cls == "Disease" and 0 <= at - m.end() <= _DISEASE_AFTER:
                return True
    return False


# words asking whether two disorders are tied ("Is there a connection between Tourette
# syndrome and hydrocephalus?", "Have any relationships been found between A and B?")
_LINKED = re.compile(
    r"\b(?:connect(?:ed|ion)s?|link(?:s|ed)?|relat(?:ed|ion|ionships?)|correlat(?:ed|ions?)|"
    r"associat(?:ed|ions?))\b",
    re.I,
)
# a question comparing two things
_COMPARES = re.compile(
    r"\bdifferences? (?:between|from)\b|\bdiffer(?:s|ent)? from\b|\bversus\b|\bvs\.?(?=\s)"
    r"|\bhow (?:do|does|is|are) .{1,60}? (?:differ|compare)\b"
    # "Which is better for headache, ibuprofen or acetaminophen?" (read as what ibuprofen treats)
    r"|\b(?:which|what)(?:'s| is| one is| works)? (?:better|best|safer|stronger|more effective|"
    r"worse|worst|more (?:serious|dangerous|common|severe|painful|deadly))"
    r"\b[^?]*\bor\b|\b(?:better|safer|stronger|more effective|worse|more (?:serious|dangerous|"
    r"severe|deadly)) than\b",
    re.I,
)
# a statement relating two things says how ("Statins cause muscle pain", "X is a Y") ...
_STATES = re.compile(
    r"\b(?:is|are|was|were|causes?|caused|treats?|treated|targets?|inhibits?|binds?|blocks?|"
    r"prevents?|relieves?|associated|linked|used|inherited|leads?|results?|increases?|"
    r"raises?|worsens?|triggers?)\b",
    re.I,
)
# ... and asks nothing, tells no one to do anything, and tells no one's own story ("I take
# metformin and I have headaches" is a history, "List drugs for gout" a request)
_NOT_A_STATEMENT = re.compile(
    r"\?|^\s*(?:what|which|how|why|where|when|who|whom|whose|list|name|tell|give|show|find|"
    r"explain|describe|compare|please|does|do|did|is|are|can|could|should|will|would)\b"
    r"|\b(?:i|i'm|im|my|me|we|our|us|you|your)\b",
    re.I,
)
# how sure the classifier must be of the relation (either direction) to turn it round
INVERSE_MIN = 0.9
# ... when the one topic of the classifier's end is what the question leaves out
INVERSE_LEFT_OUT_MIN = 0.5
# the intent score of a question routed by its cue words (they name the relation outright)
CUE_SCORE = 0.9
# the classifier alone does not read an English question without words of families, genes or
# children as inheritance either ("When can I resume exercising after eye muscle surgery?" at
# 0.69; "My fever went down after taking ibuprofen. Is that normal?" at 0.97); a Chinese one,
# whose words the registry's patterns do not hold, only below this. A bare name stays a
# definition, a bare findings list a diagnosis. Nor a drug's targets without words of how it
# acts ("What could be wrong with me?" at 0.44), nor prevalence without words of how many have
# it ("Malaria is spread by mosquitoes" at 0.6)
WORDLESS_SURE = 0.8
_WORDS_NEEDED_IN_QUESTIONS = frozenset({"inheritance", "targets_of_drug", "prevalence"})
# a question opening with an auxiliary asks yes or no ("Does metformin cause lactic acidosis?")
_YES_NO = re.compile(
    r"(?:does|do|did|is|are|was|were|can|could|may|might|will|would|should|has|have)\b", re.I
)
# a question opening with a question word asks what, when, how: no yes or no to check
_WH_QUESTION = re.compile(r"\s*(?:what|when|where|who|whom|whose|why|which|how)\b", re.I)

# ... or asks it inside a sentence that says so ("I want to know whether metformin causes
# diarrhea", read as prevalence at 0.77; "Is there any evidence that trauma can worsen it?")
_EMBEDDED_YES_NO = re.compile(
    r"^\s*(?:(?:hi|hello|please|pls|sir|madam|doctor|dr|and|so)\b[\s,.:;!]*)*"
    r"(?:(?:i|we)(?:'d| would)? (?:like|want|wish|need)(?:ed)? to (?:know|find out|ask|learn|"
    r"check)|(?:i|we)(?: am|'m| are|'re| was| were) wondering|(?:i|we) wonder(?:ed)?|"
    r"(?:can|could|would) (?:you|someone|anyone) (?:please )?(?:tell|let) (?:me|us)(?: know)?|"
    r"(?:please )?(?:tell|let) (?:me|us)(?: know)?|(?:do|does) (?:you|anyone|anybody) know)"
    r"\s+(?:if|whether)\b"
    r"|^\s*is (?:there|it) (?:any |some )?(?:evidence|proof|research|studies|data|true|known)"
    r"\s+(?:that|to show|showing)\b",
    re.I,
)

# a drug in words, its side effects, or a way of taking one ("What medicines have hair loss
# as a side effect?", "Is it harmful to take expired glucosamine caplets?"): a question of a
# drug's harms, whether or not the graph knows the drug
DRUG_SAID = re.compile(
    rf"\b(?:{DRUG_WORD}|side[- ]?effects?|adverse|take|takes|taking|took|taken|prescri\w+|"
    r"dose|doses|dosage|tablets?|caplets?|capsules?|vaccines?|shots?|injections?|"
    r"supplements?)\b",
    re.I,
)
# ... or asks it of what a sentence said, in a clause after it ("I have low cholesterol, is
# that bad?")
_ASKED_OF_IT = re.compile(
    r"[,;:.!?]\s*(?:(?:and|but|so)\s+)?(?:is|are|was|were|can|could|should|will|would|does|do)"
    r"\s+(?:that|it|this|they|these|those)\b",
    re.I,
)

Linked = list[tuple[Mention, Node]]


def linked(mentions: Sequence[Mention]) -> Linked:
    """The mentions that reached a node at or above the NIL threshold (``Mention.linked``)."""
    return [(m, m.linked) for m in mentions if m.linked is not None]


_DRUG_TIER = frozenset({"DrugClass", "Chemical"})


def topic_mention(intent: str, found: Linked) -> tuple[Mention, Node] | None:
    """The entity the question is about, with its mention: the first linked mention whose
    best candidate of the intent's preferred class is close to its top one (so "ovarian
    cancer" read as a phenotype still reaches the disease node), else of any allowed class.
    A negated mention ("... and not arthritis") is taken only when no other one fits. An
    intent of no topic class (other, claim) takes the first mention that is no plain
    substance (gluten, gelatin), when there is one."""
    spec = INTENTS.get(intent)
    allowed = spec.topic_classes if spec is not None else None
    # a mention the question leaves out comes last, whatever its class: "What causes headaches
    # other than migraine?" is about headaches, though a disease comes before a finding
    groups = ([x for x in found if not x[0].negated], [x for x in found if x[0].negated])
    ordered = groups[0] + groups[1]
    if allowed is None:
        # a question of no relation is about the drug it names, not a plain substance beside
        # it ("Is this warfarin gluten free?", "any gelatin in fluoxetine liquid?")
        drugs_first = [x for x in ordered if not is_substance(x[1])] + [
            x for x in ordered if is_substance(x[1])
        ]
        return drugs_first[0] if drugs_first else None
    # a drug and a drug class are one tier: the one named first is the topic ("What are the
    # side effects of metformin while on insulin?" was about insulin, a class's stand-in)
    tiers: dict[str, set[str]] = {}
    for cls in allowed:
        tiers.setdefault("drug" if cls in _DRUG_TIER else cls, set()).add(cls)
    for group in groups:
        for tier in tiers.values():
            for m, _ in group:
                node = close_candidate(m, lambda n, tier=tier: n.cls in tier)
                if node is not None:
                    # a chemical heading that names no drug gives way to the drug or drug
                    # class of its name ("What does penicillin treat?")
                    stand_in = drug_stand_in(m) if node.iri == m.node.iri else None
                    if stand_in is not None and stand_in.cls in allowed:
                        return m, stand_in
                    return m, node
    return None


def _affirmed_topic(intent: str, found: Linked) -> bool:
    """Whether ``intent`` has a topic among ``found`` that is not negated."""
    hit = topic_mention(intent, found)
    return hit is not None and not hit[0].negated


def is_substance(node: Node) -> bool:
    """A chemical that is no drug: no DrugBank or DrugCentral id names it (gluten, gelatin)."""
    return node.cls == "Chemical" and not is_drug(node)


def topic_of(intent: str, found: Linked) -> Node | None:
    """The node of :func:`topic_mention` (None when no mention fits the intent)."""
    hit = topic_mention(intent, found)
    return hit[1] if hit else None


def topic_score(mention: Mention, node: Node) -> float:
    """How sure the linker is that ``mention`` names ``node``."""
    return max((float(c.score) for c in mention.candidates if c.node.iri == node.iri), default=0.0)


# "What is a sign of ...", "What are some early symptoms of ...": a disease's findings asked
_A_SIGN_OF = re.compile(
    r"^\s*(?:what|which)(?:'s|’s| is| are| would be| could be| might be)\s+(?:\w+\s+){0,3}?"
    r"(?:symptoms?|signs?|manifestations?|features?|presentations?)\s+(?:of|for|in)\s+\w",
    re.I,
)
# ... and what a finding is a sign of ("What is hypertension a symptom of?")
_SIGN_OF_WHAT = re.compile(
    r"^\s*what (?:is|are|could|can|might|may) .{1,80}? (?:be )?(?:an? |the )?(?:\w+ )?"
    r"(?:symptoms?|signs?|manifestations?|features?|indications?) of\s*\?",
    re.I,
)
# a question asking for what is *not* so ("Which genes are not associated with X?",
# "What doesn't metformin treat?", "Which of these is NOT a symptom of X?", "... EXCEPT"):
# kgqa's graph states what is, so it lists none of these; among options, the one least tied
# to the topic answers
_NEGATED_ASK = re.compile(
    # (not what someone does not know or is not sure of: "We don't know what treatment we
    # should give him" asks for his treatment)
    r"(?:\b(?:not|never)\b|n[’']t\b)"
    r"(?!\s+(?:really\s+|quite\s+|yet\s+)?(?:know|sure|certain|understand|remember|realize|"
    r"realise|decide|tell)\b)"
    # (nor how someone is: "now not working and shutting himself in his room", "not helping")
    r"\s+(?:\w+\s+){0,2}?(?:treat|cause|associat|link|use|indicat|prescrib|inherit|target|"
    r"work(?!ing)|help(?!ing)|symptom|sign|feature|side effect|gene|drug|risk|finding|"
    r"manifestation|characteristic|seen|found|present|true)|(?-i:\bEXCEPT\b)",
    re.I,
)


# ... nor what someone says a person did not do: "My provider can't help (I asked.) ... need
# something for dry mouth caused by med which I have to take" asked for dry mouth's
# treatments, and was refused as asking which drugs do not treat it
_NO_ONE_HELPS = re.compile(
    r"\b(?:i|he|she|they|we|you|nobody|no one|(?:my|his|her|our|their|the)\s+"
    # (never a drug: "Which of the drugs can't help gout?" asks what is not so)
    r"(?!(?:drugs?|medicines?|medications?|meds?|pills?|tablets?|treatments?|therap\w+|"
    r"ones?|options?)\b)[\w.]+)\s+"
    r"(?:ca|wo|can|could|did|does|do|will|would|is|are|was|were)\s*(?:n[’']t|not)\s+"
    r"(?:\w+\s+)?help\w*",
    re.I,
)


# the same in Chinese: a negation before the relation word ("哪些药不能治疗痛风", "和哪个基因
# 无关", "对痛风无效")
_ZH_NEGATED_ASK = re.compile(
    r"(?:不|没有|没|无法|并非|非)(?:能|会|可以|可|是)?(?:治疗|治|引起|导致|用于|属于|相关|有关|"
    r"遗传|表现|出现)|无关|无效|没用|除了|除外|以外"
)
_ZH_YES_NO = re.compile(r"[吗么][\s？?。]*$|是否|是不是|能否|能不能|会不会|可不可以|有没有")


def states_something(text: str) -> bool:
    """Whether ``text`` is a statement given to check ("Influenza is caused by a virus.",
    "Phenylketonuria is autosomal dominant"): it says something with a verb of being or of a
    relation, asks nothing, asks no one to do anything and tells no one's own story."""
    return _STATES.search(text) is not None and _NOT_A_STATEMENT.search(text) is None


def polarity(text: str, intent: str) -> str:
    """``contraindication`` for that intent, ``negated`` for a question asking what is not
    so, else ``positive``."""
    if intent == "contraindications":
        return "contraindication"
    # (a question asked the negative way expects yes: "Isn't there a drug that treats gout?")
    if _NEGATED_ASK.search(_NO_ONE_HELPS.sub(" ", ASKED_NEGATIVELY.sub(" ", text))) or (
        # (a question asked "A-not-A" negates nothing: "痛风会不会遗传？" asks if gout is)
        has_cjk(text) and _ZH_NEGATED_ASK.search(ZH_NOT_THE_CLAIMS.sub(" ", text))
    ):
        return "negated"
    return "positive"


def route(
    text: str,
    probs: dict[str, float],
    found: Linked,
    options: Sequence[str] | None = None,
    whole: bool = True,
) -> tuple[str, float]:
    """The intent to answer (with the classifier's probability of it): the classifier's
    best, unless the question's form and entities say otherwise. A yes/no question naming
    two things of different kinds is a claim to check, not a list to give ("Does gout cause
    joint pain?", "Can aspirin cause Reye syndrome?"); words that name a relation outright
    route to it (an intent's cue); a question whose entity can only start the relation from
    its other end is asked that way ("What does allopurinol treat?"), when the classifier is
    sure of the relation (either direction). A multiple-choice question keeps its intent: the
    options are the answers.

    The classifier alone never picks an intent kgqa only refuses (contraindications: its cue
    words must be there), nor, for the main question of a long message (``whole`` False), an
    intent whose registry record names the words such a question needs (``in_messages``:
    diagnosis, definition, inheritance) when they are not there; nor inheritance for an
    English question without them (a Chinese one, unless it is sure: ``WORDLESS_SURE``).
    Such a question is then ``other``, unless cue words or the question's form route it.

    Two readings come first, whatever the classifier says: a question about interactions
    (its word, or two drugs taken together) is ``other`` (no source lists interactions; see
    :func:`asks_interaction`), and two findings or more asked what they could be ("what could
    it be?", "what's wrong with me?") are a diagnosis."""
    if has_cjk(text) and not options:
        # the classifier was trained on English: a Chinese question is routed by its words;
        # a yes/no question naming two kinds of thing is a claim (别嘌醇能治疗痛风吗？)
        if _ZH_YES_NO.search(text) and len({n.cls for _, n in found}) >= 2:
            return "claim", max(probs.get("claim", 0.0), CUE_SCORE)
        zh = _zh_cued(text, found)
        if zh is not None:
            return zh, max(probs.get(zh, 0.0), CUE_SCORE)
    if not options and asks_no_relation(text, found):
        # "What is the difference between type 1 and type 2 diabetes?": no relation between
        # them to check (the classifier read a claim), and no list answers it; passages do.
        # "Is metformin safe during pregnancy?" read as its side effects (flatulence first);
        # "What drugs interact with warfarin?", "Can I take ibuprofen with lisinopril?": no
        # source of kgqa's graph lists interactions; "What exercises help with knee
        # osteoarthritis?" listed knee drugs at 1.00; "What are alternatives to warfarin?",
        # what warfarin treats
        return "other", max(probs.get("other", 0.0), CUE_SCORE)
    if (
        not options
        and asks_class_members(text, found)
        and cued(text, probs, found) in (None, "drugs_in_class")
    ):
        # "What blood thinners are there?", "What are common antibiotics?": the class's
        # members (the classifier read no relation, the kinds of a disease, a definition),
        # unless words of another relation are there ("What are some side effects of statins?")
        return "drugs_in_class", max(probs.get("drugs_in_class", 0.0), CUE_SCORE)
    allowed = {
        name: p for name, p in probs.items()
        if not (INTENTS.get(name) and INTENTS[name].refusal and not CUES[name].search(text))
        and not (name in IN_MESSAGES and not IN_MESSAGES[name].search(text)
                 and (not whole or (name in _WORDS_NEEDED_IN_QUESTIONS
                                    and (p < WORDLESS_SURE or not has_cjk(text)))))
    }  # fmt: skip
    intent = max(probs, key=probs.__getitem__)
    if intent not in allowed:
        # the classifier's pick is ruled out; its runner-up is noise in a softmax this peaked
        # (0.001), so the question is answered with passages only
        intent = "other" if "other" in probs else max(allowed or probs, key=probs.__getitem__)
    if (
        intent == "claim"
        and not options
        and ((_WH_QUESTION.match(text) and not _LINKED.search(text)) or _asks_else(text, found))
    ):
        # "When was metformin approved?", "How often can I get a flu shot?" (claim at 0.99,
        # 0.80): a question of what, when or how has no yes or no to check
        # (what links two things has: "What is the link between smoking and lung cancer?"),
        # nor has one asking what may replace a drug ("Are there alternative treatments to
        # finasteride for an enlarged prostate?"); its words route it below, else passages answer
        intent = "other"
    if (intent not in ("phenotypes_of_disease", "diseases_of_phenotype", "claim")
            and not options and _A_SIGN_OF.match(text)
            and topic_of("phenotypes_of_disease", found) is not None):  # fmt: skip
        # "What is a symptom of diabetes?" (its definition at 0.51) asks for a sign of it;
        # "What is not a symptom of diabetes?" was answered "diabetes mellitus", 1.00, and
        # "What is the first sign of Parkinson's?" with genes
        return "phenotypes_of_disease", max(probs.get("phenotypes_of_disease", 0.0), CUE_SCORE)
    if (intent != "diseases_of_phenotype" and not options and _SIGN_OF_WHAT.match(text)
            and topic_of("diseases_of_phenotype", found) is not None):  # fmt: skip
        # "What is hypertension a symptom of?" (its definition, 1.00): what shows it
        return "diseases_of_phenotype", max(probs.get("diseases_of_phenotype", 0.0), CUE_SCORE)
    kinds = [n.cls for n in {n.iri: n for _, n in found}.values()]
    findings = intent == "diagnosis" and kinds.count("Phenotype") >= 2  # "Could a, b be D?"
    spec = INTENTS.get(intent)
    if (
        not options
        and not _YES_NO.match(text)
        and (
            _WHAT_IS_IT.search(text)
            # (not when a drug is named: whether it is to blame is the question then)
            or (
                whole
                and _TELLS_FINDINGS.match(text)
                and cued(text, probs, found) is None
                and not {n.cls for _, n in found} & {"Chemical", "DrugClass"}
            )
        )
    ):
        # (a finding the tagger typed a disease counts, named so: "I have fever and a rash,
        # what do I have?" linked DO's exanthem, HPO's *Skin rash* second, at 0.87)
        shown = len({m.start for m, n in found if n.cls == "Phenotype" or any(
            c.node.cls == "Phenotype" and c.match in ("exact", "normalized")
            and c.score >= NIL_THRESHOLD for c in m.candidates)})  # fmt: skip
        if intent != "diagnosis" and shown >= 2:
            # "My son has a fever and a rash, what could it be?": findings to explain, not the
            # causes of one of them
            return "diagnosis", max(probs.get("diagnosis", 0.0), CUE_SCORE)
        if shown == 1 and not {"Disease", "Chemical", "DrugClass"} & set(kinds):
            # one finding asked what it could be ("I have had stomach cramps for a week. What
            # might be wrong with me?", read as a drug's side effects): what causes it
            intent = "diseases_of_phenotype"
            return intent, max(probs.get(intent, 0.0), CUE_SCORE)
    if (intent == "diagnosis" and not options and kinds == ["Phenotype"]
            and not _MORE_FINDINGS.search(_bare(text, found))):  # fmt: skip
        # a differential of one finding is no diagnosis: its posterior puts 1.00 on the one
        # rare disease HPO annotates with it ("SUBJECT: dysphoria"); the diseases that show
        # the finding answer, each as sure as the literature and the sources make it (a
        # list of findings, one of them linked, goes to the diagnoser, which reads it whole)
        return "diseases_of_phenotype", probs.get("diagnosis", 0.0)
    if (
        not options
        and kinds.count("Disease") == 1
        and not {"Chemical", "DrugClass"} & set(kinds)
        and _asks_if_it_is(text, found)
        and cued(text, probs, found) is None
    ):
        # whether what the person has is the disease it names ("Do you think it looks like
        # lupus?", "Could this be asthma?"): its symptoms, to set beside theirs
        return "phenotypes_of_disease", max(probs.get("phenotypes_of_disease", 0.0), CUE_SCORE)
    disorders = {n.iri for _, n in found if n.cls in ("Disease", "Phenotype")}
    if intent != "claim" and whole and not options and uses_despite(text, [m for m, _ in found]):
        # "I have diabetes, can I take prednisone?" (read as a question about diabetes): whether
        # the drug is contraindicated there, as "Can I take prednisone if I have diabetes?" is
        return "claim", max(probs.get("claim", 0.0), CUE_SCORE)
    if (
        intent != "claim"
        and not options
        and not findings
        and ((_YES_NO.match(text) and not _REQUEST.match(text)) or _EMBEDDED_YES_NO.match(text))
        # "Are there alternative treatments to finasteride for an enlarged prostate?" asks what
        # else treats it, no yes or no of the two
        and not _asks_else(text, found)
        and (
            len(set(kinds)) >= 2
            or class_membership_claim(text, [m for m, _ in found])
            or (
                len(disorders) >= 2
                and _LINKED.search(text) is not None
                # not when its words or a sure classifier name another relation ("Is
                # fibromyalgia hereditary and related to multiple sclerosis?")
                and cued(text, probs, found) is None
                and (intent == "other" or probs.get(intent, 0.0) < INVERSE_MIN)
            )
        )
    ):
        # two kinds of thing, two disorders asked whether they are tied, or a drug and a
        # class it is asked to be in ("Is balsalazide a steroid?": "steroid" is a chemical
        # heading first, a drug class too)
        return "claim", max(probs.get("claim", 0.0), CUE_SCORE)
    elif (
        intent != "claim"
        and whole
        and not options
        and not findings
        and (len(set(kinds)) >= 2 or class_membership_claim(text, [m for m, _ in found]))
        and states_something(text)
    ):
        # a statement of how two things relate, given to check ("Statins cause muscle pain.",
        # "Imatinib targets ABL1."): a claim, as verify() reads it
        return "claim", max(probs.get("claim", 0.0), CUE_SCORE)
    elif (
        intent != "claim"
        and not options
        and "Chemical" in kinds
        and {"Phenotype", "Disease"} & set(kinds)
        and (FROM_MEDICATION.search(text) or blamed_drug(text, [m for m, _ in found]))
    ):
        # "I have nosebleeds when I take nifedipine; I want to find out if this relates to
        # the medication", "I developed a cough after starting lisinopril. Could it be from
        # that?": whether the drug causes the finding, a claim to check
        return "claim", max(probs.get("claim", 0.0), CUE_SCORE)
    elif not options and blamed_for_the_unnamed(text, [m for m, _ in found]) is not None:
        # "Could my new medication lisinopril be causing this?" (a diagnosis of no finding, or
        # a claim of one end): the drug's side effects, to set beside what the person has
        return "side_effects_of_drug", max(probs.get("side_effects_of_drug", 0.0), CUE_SCORE)
    elif intent != "claim" and not findings and (named := cued(text, probs, found)):
        intent = named
        return intent, max(probs.get(intent, 0.0), CUE_SCORE)
    elif (
        intent in _OF_ANOTHER_KIND
        and not _affirmed_topic(intent, found)
        and _affirmed_topic(_OF_ANOTHER_KIND[intent], found)
    ):
        # "What causes lumps on the arm?": a finding's causes are the diseases that show it;
        # "What does the BRCA1 gene do?": a gene's part in disease, not a drug's uses
        return _OF_ANOTHER_KIND[intent], probs.get(intent, 0.0)
    elif intent == "diseases_of_phenotype" and _cause_of_a_disease(text, found):
        # "Why do I get frozen shoulder?", "the causes of insulin-dependent diabetes": a
        # disease's causes, as "What causes frozen shoulder?" reads (the diseases showing a
        # finding are what its causes are; a disease no finding names has causes of its own)
        return "causes", probs.get(intent, 0.0)
    elif spec is not None and spec.inverse and not _affirmed_topic(intent, found):
        # no topic of this end, or only one the question leaves out ("I can't tolerate
        # metformin, what else treats type 2 diabetes?")
        other = spec.inverse
        # the question itself rules its one topic of this end out, or asks for drugs in so
        # many words of a disorder it names ("I was told I have hypertension. What medicine
        # is used?", read as what a drug is used for at 0.89): less sureness will do
        asks_drugs = other == "drugs_for_disease" and _ASKS_DRUGS.search(_bare(text, found))
        need = (INVERSE_MIN if topic_of(intent, found) is None and not asks_drugs
                else INVERSE_LEFT_OUT_MIN)  # fmt: skip
        sure = probs.get(intent, 0.0) + probs.get(other, 0.0) >= need
        if sure and _affirmed_topic(other, found):
            if (other == "drugs_causing" and not CUES[other].search(text)
                    and (_YES_NO.match(text) or _ASKED_OF_IT.search(text)
                         or not DRUG_SAID.search(text))):  # fmt: skip
                # "Is psoriasis dangerous?", "I have low cholesterol, is that bad?" are no
                # questions of which drugs cause it (the classifier reads harm as side
                # effects): turned round, a yes/no question must say so in that end's words,
                # and any question name a drug in some word ("how dangerous is it if they are
                # using the port and it is blown? Can she ... throw blood clots?" listed
                # dexamethasone, which can cause thromboembolism, at 0.49)
                return "other", probs.get("other", 0.0)
            said = DRUG_SAID.search(text) or _TREATMENT_SAID.search(text)
            if other == "drugs_for_disease" and not CUES[other].search(text) and not said:
                # "Asbestosis. ... Why does no doctor say I have it?", read as a
                # drug's uses at 0.997: turned round, a question of what treats a disorder says
                # so in some word of a drug or of treating
                return "other", probs.get("other", 0.0)
            # the classifier read the relation the other way round (the drug left out as the
            # topic; "What is the APOE gene?" as a disease's genes at 0.999, its diseases at
            # 0.0002, whose answers showed p 0.00): its belief in the relation, either way
            # round, is how sure the reading is; the topic's class sets the way
            return other, min(1.0, probs.get(intent, 0.0) + probs.get(other, 0.0))
    return intent, probs.get(intent, 0.0)


# words that join findings into a list ("arachnodactyly and tall stature")
_MORE_FINDINGS = re.compile(r"[,;+&]|\b(?:and|with|plus|also)\b", re.I)
_LEVEL_LISTS = frozenset({"drugs_for_disease", "drugs_causing", "diseases_of_phenotype"})
_ASKS_DRUGS = re.compile(rf"\b{DRUG_WORD}\b", re.I)
# the words of treating both patterns below share
_TREATING_CORE = (r"treat\w*|cur(?:e|es|ed|ing)|help\w*|reliev\w*|remed\w*|therap\w*|heal\w*|"
                  r"manag\w*|prevent\w*|control\w*")  # fmt: skip
# words of treating, helping, giving or using something for a disorder (a question of what
# treats one says some)
_TREATMENT_SAID = re.compile(
    rf"\b(?:{_TREATING_CORE}|good for|works?(?: well)? (?:for|on)|relief|fix\w*|eas(?:e|es|ing)|"
    r"used? (?:for|to|in|against)|do (?:for|about)|giv(?:e|es|en|ing) (?:for|to|in|against)|"
    r"effective|indicated|first[- ]line|recommend\w*|against)\b",
    re.I,
)


_CAUSE_WORDS = re.compile(r"\b(?:caus\w*|side[- ]?effects?|induc\w*|trigger\w*)\b", re.I)
_WHICH = re.compile(
    r"\s*(?:which|what)\s+(?:of\s+the\s+|(?:class|kind|type|group)(?:es|s)?\s+of\s+)?$", re.I
)
# what the classifier makes of "Which <class> ... <disorder>?" besides what is asked
_MEMBERS_MISREAD = frozenset(
    {"diseases_for_drug", "other", "diseases_of_phenotype", "drugs_in_class", "drugs_targeting"}
)


# how far below the first candidate a drug class a plural names may stand (a class is
# named "steroid" by kgqa's lexicon, MeSH's chemical heading "Steroids" exactly: 0.868 to
# 0.995, past close_candidate's margin)
_CLASS_CANDIDATE_GAP = 0.2


def class_asked(text: str, found: Linked, offset: int = 0) -> Linked:
    """``found`` with a chemical heading the question asks its members from read as the drug
    class of that name: "What steroids treat asthma?" names MeSH's Steroids (a chemical; the
    corpora's annotators link "steroids" there) and asks which corticosteroids treat asthma,
    not what steroids treat. Only a plural right after "which"/"what", before a disorder, with
    a drug class among its candidates near the first."""
    for i, (m, n) in enumerate(found):
        if n.cls != "Chemical" or m.start < offset or not m.text.casefold().endswith("s"):
            continue
        if not _WHICH.fullmatch(text[: m.start - offset]):
            return found
        if not any(x.cls in ("Disease", "Phenotype") and y.start > m.end for y, x in found):
            return found
        top = m.candidates[0].score if m.candidates else 0.0
        cls = next((c.node for c in m.candidates if c.node.cls == "DrugClass"
                    and c.score >= top - _CLASS_CANDIDATE_GAP), None)  # fmt: skip
        if cls is None:
            return found
        return [*found[:i], (m, cls), *found[i + 1 :]]
    return found


# the things asked for said to bring the disorder on, not to treat it ("Are there herbs or
# supplements that can cause kidney problems?", "supplements ... associated with kidney
# injury", "drugs that are bad for the liver")
_BRINGS_ON = re.compile(
    r"\b(?:that|which|can|could|may|might|do|does|will|would)\s+(?:\w+\s+){0,2}?"
    r"(?:caus\w*|induc\w*|trigger\w*|lead\s+to|leads\s+to|result\s+in|damag\w*|harm\w*|"
    r"worsen\w*|aggravat\w*)\b|\b(?:associated|linked|connected|tied)\s+(?:with|to)\b|"
    r"\b(?:bad|harmful|toxic|dangerous)\s+(?:for|to)\b",
    re.I,
)
_NO_DRUGS_NAMED = re.compile(
    r"\b(?:herbs?|herbal|supplements?|vitamins?|foods?|plants?|teas?|spices?|minerals?|"
    r"chemicals?|substances?)\b",
    re.I,
)
_TREATING = re.compile(rf"\b(?:{_TREATING_CORE}|improv\w*|reduc\w*|lower\w*|fight\w*)\b", re.I)


def brought_on(text: str, intent: str, found: Linked) -> str:
    """``intent``, unless it reads what treats a disorder where the question asks what brings
    it on, with no word of treating: then what causes it as a side effect, when the question
    asks for drugs, else ``other`` (herbs, supplements, foods: no source lists them); a
    question of what drugs bring it on that asks for herbs or foods, not drugs, is ``other``
    too. "Are there herbs or supplements that can cause kidney problems?" listed what treats
    kidney stones (hydrochlorothiazide at 0.38).

    Example:
        >>> brought_on("Which supplements can cause kidney problems?", "drugs_for_disease", [])
        'other'
        >>> brought_on("Which drugs can help kidney problems?", "drugs_for_disease", [])
        'drugs_for_disease'
        >>> brought_on("Which herbs can cause kidney damage?", "drugs_causing", [])
        'other'
    """
    if intent not in ("drugs_for_disease", "drugs_causing"):
        return intent
    bare = _bare(text, found)
    if not _BRINGS_ON.search(bare) or (intent == "drugs_for_disease" and _TREATING.search(bare)):
        return intent
    if _ASKS_DRUGS.search(bare) and topic_of("drugs_causing", found) is not None:
        return "drugs_causing"
    # "Which herbs can cause kidney damage?" asks for no drug: the labels list drugs only
    return "other" if _NO_DRUGS_NAMED.search(bare) or intent == "drugs_for_disease" else intent


HARM_REASON = (
    "the question asks which herbs, supplements, foods or other substances bring the disorder "
    "on; kgqa's graph lists the side effects drug labels give, not these, so the passages are "
    "what it found"
)


def asks_what_harms(text: str, found: Linked) -> bool:
    """Whether a question asks which herbs, supplements, foods or substances (no drug) bring a
    disorder on ("Are there herbs or supplements that can cause kidney problems?"), in words
    of causing and none of treating (:func:`brought_on`)."""
    bare = _bare(text, found)
    return (_NO_DRUGS_NAMED.search(bare) is not None and _ASKS_DRUGS.search(bare) is None
            and brought_on(text, "drugs_for_disease", found) == "other")  # fmt: skip


def members_asked(text: str, intent: str, found: Linked, offset: int = 0) -> str | None:
    """The intent of a question that asks which members of a drug class it names first are
    for a disorder it names after, when the classifier read it otherwise: "Which beta blockers
    treat hypertension?" (not what beta blockers treat), "Which ACE inhibitors are used for
    heart failure?" (not drugs targeting something) ask for treatments; "Which statins cause
    muscle pain?" for its members that cause it. None otherwise. ``offset``: where ``text``
    starts in the text the mentions index."""
    if intent not in _MEMBERS_MISREAD:
        return None
    classes = [m for m, n in found if n.cls == "DrugClass" and m.start >= offset]
    if not classes or not _WHICH.fullmatch(text[: classes[0].start - offset]):
        return None
    if not any(n.cls in ("Disease", "Phenotype") and m.start > classes[0].end for m, n in found):
        return None
    return "drugs_causing" if _CAUSE_WORDS.search(text) else "drugs_for_disease"


# "Which virus causes shingles?", "What kind of cancer causes night sweats?": the words between
# the question word and the verb name the kind of answer asked for, not the topic
_ASKED_KIND = re.compile(
    r"^\s*(?:which|what)\s+(?:(?:kinds?|types?|sorts?|forms?)\s+of\s+)?(?P<kind>[a-z][\w'-]*"
    r"(?:\s+[\w'-]+){0,3}?)\s+(?:(?:can|could|may|might|would|usually|commonly|often)\s+)?"
    r"(?P<verb>causes?|caused|leads?\s+to|results?\s+in|is\s+responsible\s+for|triggers?|"
    r"gives?|transmits?|spreads?|carr(?:y|ies))\b",
    re.I,
)
# a living thing that causes a disease, asked for as such
_AGENT_WORDS = re.compile(
    r"\b(?:virus(?:es)?|viral|bacteri(?:um|a|al)|germs?|microbes?|micro-?organisms?|organisms?|"
    r"pathogens?|parasites?|parasitic|fung(?:us|i|al)|infectious agents?|agents?|bugs?)\b"
    r"|(?P<vector>\b(?:mosquito(?:e?s)?|ticks?|fleas?|lice|flies|fly|insects?|vectors?|"
    r"animals?|snails?)\b)",
    re.I,
)
# a gene or a change in one, asked for as what causes a disorder (not a genetic disorder: a
# kind of disease)
_GENE_WORDS = re.compile(
    r"\b(?:genes?|genetic (?:abnormalit(?:y|ies)|defects?|mutations?|changes?|errors?|"
    r"variants?|variations?|factors?|causes?)|mutations?|mutated genes?|gene (?:mutations?|"
    r"defects?|changes?))\b",
    re.I,
)
# what each reading of the organism asked for reads: what causes a disease, what carries it
# (a vector asked for), or either (asked what transmits or spreads it)
CAUSED_BY = frozenset({"causedBy"})
CARRIED_BY = frozenset({"transmittedBy"})
PASSED_ON = frozenset({"causedBy", "transmittedBy"})
# words naming a kind of disease asked for ("which condition", "what cancer")
_DISEASE_WORDS = re.compile(
    r"\b(?:diseases?|disorders?|conditions?|illness(?:es)?|syndromes?|cancers?|tumou?rs?|"
    r"infections?|deficienc(?:y|ies)|problems?)\b",
    re.I,
)


_INFECTION = re.compile(r"\binfections?\b", re.I)
# what may follow the verb as the topic of a "Which <kind> causes <Y>?" question
_DISORDER_KINDS = frozenset({"Disease", "Phenotype"})


@dataclass(frozen=True)
class AskedKind:
    """What a "Which <kind> causes <Y>?" question asks for: ``intent``, the organism that
    causes a disease or carries it (``agent``, read through the relations ``ways``), the
    diseases that show a finding, of ``kind`` when the words name a kind of disease the graph
    has (None: any), or a diagnosis of several findings; ``named``, the mentions inside those
    words (no topic)."""

    intent: str
    agent: bool
    kind: Node | None
    named: tuple[Mention, ...]
    ways: frozenset[str] = CAUSED_BY
    # the words ask for infections ("Which infections cause diarrhea?") and name no node
    infections: bool = False


def asked_kind(text: str, found: Linked, offset: int = 0) -> AskedKind | None:
    """The kind of answer a question names between its question word and "causes" (see
    :class:`AskedKind`), when a disorder is named after the verb; None otherwise. "Which
    parasite causes malaria?" asks for the organism (it was read as the diseases that show
    malaria: death, influenza); "Which autoimmune disease causes dry mouth?" for autoimmune
    diseases that show it; "What kind of cancer causes night sweats?" took "cancer" for its
    topic. ``offset``: where ``text`` starts in the text the mentions index."""
    m = _ASKED_KIND.match(text)
    if m is None:
        return None
    a, b = offset + m.start("kind"), offset + m.end("kind")
    end = offset + m.end()
    after = [(x, n) for x, n in found
             if x.end > end and not x.negated and n.cls in _DISORDER_KINDS]  # fmt: skip
    if not after:
        return None
    named = tuple(x for x, _ in found if a <= x.start and x.end <= b)
    words = m.group("kind")
    carried = re.match(r"trans|spread|carr", m.group("verb"), re.I) is not None
    if agent := _AGENT_WORDS.search(words):
        # the organism (or what carries it): of a disease, or of the disease a finding names
        # ("What bacteria cause stomach ulcers?"); a vector asked for is what carries it
        ways = CARRIED_BY if agent.group("vector") else PASSED_ON if carried else CAUSED_BY
        return AskedKind("causes", True, None, named, ways)
    if not carried and _GENE_WORDS.search(words):
        # "What genetic abnormality causes cystic fibrosis?": the genes (it was read as the
        # diseases that show it, "genetic disease" from text at 0.67)
        return AskedKind("genes_of_disease", False, None, named)
    if carried or not (_DISEASE_WORDS.search(words)
                       or any(n.cls == "Disease" for x, n in found if x in named)):  # fmt: skip
        return None
    if len({n.iri for _, n in after}) >= 2:
        # "Which condition causes joint pain and a butterfly rash?": findings to explain
        return AskedKind("diagnosis", False, None, named)
    infection = _INFECTION.search(words) is not None
    if after[0][1].cls == "Disease" and infection:
        # "What infection causes cervical cancer?": the organism; of a finding ("What
        # infection causes a fever?"), the infectious diseases that show it
        return AskedKind("causes", True, None, named)
    kinds = [n for x, n in found if x in named and n.cls == "Disease"]
    infections = not kinds and infection
    return AskedKind("diseases_of_phenotype", False, kinds[0] if kinds else None, named,
                     infections=infections)  # fmt: skip


def level_way_kept(text: str, intent: str, found: Linked, offset: int = 0) -> str:
    """``intent``, turned where it would read a level moved by something against the way it
    is moved. The linker reads "raise my heart rate" and "lower potassium", said of a drug or
    of what is asked for, as their high forms (tachycardia, hyperkalemia): raising one asks
    what causes it ("What can raise my heart rate?" once listed propranolol, which treats
    tachycardia), lowering one what treats it (never the drugs that cause it). ``offset``:
    where ``text`` starts in the text the mentions index (a message's main question)."""
    way = level_moved(text, {m.start - offset for m, _ in found})
    if way is None or intent in ("claim", "diagnosis"):
        return intent
    if way == "down":
        wants = "drugs_for_disease"
    elif _ASKS_DRUGS.search(text):
        wants = "drugs_causing"
    else:
        wants = "diseases_of_phenotype"
    # the lists of what treats or causes a finding, read the other way round; or an intent
    # whose topic the question does not name ("What drugs lower blood pressure?" read as
    # members of a drug class)
    flipped = intent in _LEVEL_LISTS and intent != wants
    if (flipped or topic_of(intent, found) is None) and topic_of(wants, found) is not None:
        return wants
    if flipped:
        return "other"
    return intent


_INTERACTS = re.compile(r"\binteract(?:s|ed|ing|ions?)?\b", re.I)
# two drugs taken together ("Can I take ibuprofen with lisinopril?", "mixing X and Y") ...
_TOGETHER = re.compile(
    r"\b(?:take|taking|taken|took|mix|mixing|mixed|combine|combining|combined|use|using|used|"
    r"drink|drinking|drank)\b"
    r".{1,60}?\b(?:with|and|together)\b",
    re.I,
)
# ... or one while on the other, asked yes or no ("Can I drink alcohol while taking
# metronidazole?"; "What are the side effects of metformin while on insulin?" asks for them)
_WHILE_ON = re.compile(
    r"^\s*(?:can|could|is|are|should|may|do|does|will|would)\b.*"
    r"\b(?:while|when|whilst) (?:i am |i'm |im |he is |she is )?(?:taking|on|using)\b",
    re.I,
)
# ... or with a drink known to interact with drugs, said beside the drug
_DRINK = re.compile(
    r"\b(?:alcohol\w*|beers?|wine|liquor|booze|grapefruits?(?: juice)?|caffeine|coffee)\b",
    re.I,
)
_BESIDE = re.compile(r"\b(?:with|while|on|after|together)\b", re.I)
_AT_ONCE = re.compile(
    r"^\s*(?:can|could|is|are|should|may|do|does|will|would)\b.*"
    r"\b(?:together|at the same time|simultaneously|in combination)\b"
    # ... or with the medicines someone takes already, unnamed or named after the question
    # ("Could she take Motrin along with these meds.")
    r"|\b(?:along|together|in combination|combined) with (?:all )?(?:these|those|my|her|"
    r"his|their|our|your|other|the other|any other|the|her other|his other|my other) "
    r"(?:\w+ )?(?:meds|medications?|medicines?|drugs?|pills?|prescriptions?|tablets?)\b",
    re.I,
)
INTERACTION_REASON = (
    "kgqa has no interaction data (none of its graph's sources lists drug interactions); "
    "the passages are what it found"
)


_TAKING = re.compile(
    r"\b(?:take|takes|taking|took|use|using|mix|mixing|combine|combining|add|adding|start|"
    r"starting)\b",
    re.I,
)


def taken_with_another(question: str, asked: Linked, message: Linked) -> bool:
    """Whether a message's question asks about taking a drug it names while the message names
    another drug (what the person takes already): "SUBJECT: allopurinol and diuretics ... I am
    presently taking 200mg Allopurinol daily ... How dangerous is it to take a diuretic."
    asks how the two go together, not the first one's side effects."""
    drugs = {n.iri for m, n in asked if n.cls in _DRUG_TIER and not m.negated}
    if not drugs or not _TAKING.search(question):
        return False
    return bool({n.iri for m, n in message if n.cls in _DRUG_TIER and not m.negated} - drugs)


def asks_interaction(text: str, found: Linked) -> bool:
    """Whether a question asks how things interact: its words say so, or it asks about
    taking two drugs together."""
    bare = _bare(text, found)
    if _INTERACTS.search(bare):
        return True
    drugs = {n.iri for _, n in found if n.cls in ("Chemical", "DrugClass")}
    if len(drugs) >= 2 and (_TOGETHER.search(text) or _WHILE_ON.search(text)):
        return True
    taken = {n.iri for m, n in found if n.cls in ("Chemical", "DrugClass")
             and not _DRINK.fullmatch(m.text)}  # fmt: skip
    # (a drink inside a disorder's name is none: "alcohol abuse")
    disorders = [(m, n) for m, n in found if n.cls in ("Disease", "Phenotype")]
    if taken and _DRINK.search(_bare(text, disorders)) and _BESIDE.search(text):
        # "Is Tylenol safe with alcohol?", "Can I drink grapefruit juice on atorvastatin?":
        # a drug with a drink or food (its side effects answered that)
        return True
    # "Should Advair and Spiriva be used together?": asked yes or no of a drug and another
    # thing taken at once, whether or not the other is linked (Advair, a combination, is not)
    return bool(drugs) and _AT_ONCE.search(text) is not None


# pregnancy and breastfeeding: none of the graph's sources says what is safe then
PREGNANCY = re.compile(
    r"\b(?:pregnan\w*|breast[- ]?(?:feed\w*|fed)|nursing (?:mother|mom|my|a|the)\b|lactat\w*"
    r"|trimester|unborn|fetus|foetus|trying to (?:conceive|get pregnant))",
    re.I,
)
_SAFE_TO_TAKE = re.compile(
    r"\b(?:safe\w*|unsafe|take|taking|use|using|harm\w*|risk\w*|ok|okay|dangerous|danger|"
    r"affect\w*|allowed|avoid|side[- ]?effects?|effects? on)\b",
    re.I,
)
PREGNANCY_REASON = (
    "kgqa has no data on safety in pregnancy or breastfeeding (none of its graph's sources "
    "lists it); the passages are what it found: ask a doctor or pharmacist"
)


# people a drug may harm in ways a label's indications and side effects do not say: children
# (aspirin and Reye syndrome) and older people
AGE_GROUP = re.compile(
    r"\b(?:child(?:ren|hood)?|kids?|infants?|bab(?:y|ies)(?! aspirin)|toddlers?|newborns?|"
    r"neonates?|p(?:a)?ediatric\w*|teen(?:s|agers?)?|adolescents?|(?:under|younger than) \d+|"
    r"elderly|older (?:adults?|people|persons?|patients?)|seniors?|geriatric\w*|old age)\b",
    re.I,
)
AGE_REASON = (
    "kgqa has no data on safety in children or older people (none of its graph's sources "
    "lists it); the passages are what it found: ask a doctor or pharmacist"
)


def _asks_safety_of_drug(people: re.Pattern[str], text: str, found: Linked) -> bool:
    """Whether ``text`` asks whether a drug it names is safe for the ``people`` it names."""
    return (
        people.search(text) is not None
        and _SAFE_TO_TAKE.search(text) is not None
        and any(n.cls in ("Chemical", "DrugClass") for _, n in found)
    )


def asks_age_safety(text: str, found: Linked) -> bool:
    """Whether a question asks whether a drug it names is safe for children or older people
    ("Is aspirin safe for children?", "Which antibiotics are not safe for kids?"): its side
    effects (the antibiotics' through one of them) do not answer that."""
    return _asks_safety_of_drug(AGE_GROUP, text, found)


def asks_pregnancy_safety(text: str, found: Linked) -> bool:
    """Whether a question asks whether a drug it names is safe, or what it does, in pregnancy
    or breastfeeding ("Is metformin safe during pregnancy?", "Can I take ibuprofen while
    breastfeeding?"): no side effect list or indication answers that."""
    return _asks_safety_of_drug(PREGNANCY, text, found)


# what a question asks for when that is no drug ("What exercises help with knee
# osteoarthritis?", "What are the surgical options for ...", "Is surgery an option for ...",
# "What kind of doctor treats lupus?", "What is the best mattress for back pain?"): its
# first words, before any word of a drug, a treatment or another kind of answer
_SENTENCE_START = r"(?:^|[.!?;]\s+)\W*(?:(?:and|so|also|but|then|now|please)\W+)*"
# up to four words before the thing asked for, none of a drug, a treatment or another answer
_ASKED_WORDS = (
    r"(?:\s+(?!(?:drugs?|medic\w*|meds|pills?|tablets?|treat\w*|therap(?:y|ies)|remed\w*|"
    r"cures?|diseases?|disorders?|conditions?|symptoms?|signs?|genes?|side|effects?|causes?)\b)"
    r"\S+){0,4}?\s+"
)
_THING_ASKED = (
    r"(?:exercis\w*|stretch(?:es|ing)|surgery|surgeries|surgical|operations?|procedures?|"
    r"devices?|devises|gadgets?|equipment|techniques?|diets?|foods?|mattress(?:es)?|pillows?|"
    r"lifestyle|(?:home|natural|herbal) remed(?:y|ies)|physical therapy|physiotherapy|yoga|"
    r"massage|acupuncture|non[- ]?(?:drug|medic(?:al|ine|ation))\w*|drug[- ]free|"
    # what is done rather than taken ("What activities help people with Alzheimer's disease?"
    # would list its drugs)
    r"activit(?:y|ies)|games?|counsel(?:l)?ing|psychotherapy|(?:talk|behaviou?ral|cognitive) "
    r"therap(?:y|ies)|"
    # what is put on or worn ("Which type of dressings should be used?" after a skin cancer's
    # removal listed its chemotherapy)
    r"dressings?|bandages?|gauze|braces?|splints?|shoes|insoles|orthotics?|wheelchairs?|"
    r"crutch(?:es)?|hearing aids?|compression (?:stockings|socks|garments?)|catheters?|"
    # help of another kind ("What specific resources are available for an elderly male ...
    # has macular degeneration" listed xanthophyll at 0.57)
    r"resources?|services?|support groups?|visual aids?|low[- ]vision aids?|magnifiers?)"
)
# who, asked for ("What kind of doctor treats lupus?"; not "Do doctors still prescribe
# aspirin for ...?", a question of what aspirin treats)
_WHO_ASKED = r"(?:doctors?|specialists?|physicians?|surgeons?|hospitals?|clinics?)"
_NO_DRUG_ASKED = re.compile(
    rf"{_SENTENCE_START}(?:what|which|are there|is there|are|is|any|would|could|can|will|do|"
    rf"does)\b{_ASKED_WORDS}{_THING_ASKED}\b"
    rf"|{_SENTENCE_START}(?:what|which|are there|is there|any)\b{_ASKED_WORDS}{_WHO_ASKED}\b",
    re.I,
)
# asks how to use a thing ("How do I use a spacer with the symbicort inhaler?"), or what
# harm a procedure does ("What are the side effects of surgery for prostate cancer?" read as
# which drugs cause prostate cancer)
_HOW_TO_USE = re.compile(
    r"^\W*how (?:do|should|can|would) (?:i|we|you|one) use\b"
    r"|\b(?:side[- ]?effects?|adverse effects?|risks?|complications?|dangers?) (?:of|from|after) "
    r"(?:(?:the|a|an|my|his|her|this|that)\s+)?(?:surgery|surgeries|surgical|operations?|"
    r"procedures?|radiation|radiotherapy|transplant\w*|implants?|devices?|exercis\w*|diets?)\b",
    re.I,
)
# a question that turns drugs down, wherever it says so ("What is the best way to naturally
# treat ADHD? Without prescription medicine?", "Can I treat gout without drugs?", "natural
# remedies"): not "without a prescription" (over the counter drugs are drugs)
_NO_DRUG_WANTED = re.compile(
    r"\b(?:without|other than|instead of|rather than|besides|apart from|except)\s+(?:\w+\s+){0,2}?"
    r"(?:medic(?:ine|ines|ation|ations)|drugs?|meds|pills?|pharmaceuticals?)\b"
    r"|\bnatural(?:ly)?[\s/]+(?:\w+[\s/]+)?(?:treat\w*|cur(?:e|es|ed|ing)|remed\w*|ways?|"
    r"approach\w*|manag\w*|heal\w*|options?|alternatives?|therap\w*)\b"
    # "alternative therapies", "herbal remedies" (not "alternative treatments to finasteride",
    # "... instead of allopurinol": other drugs)
    r"|\b(?:alternative|herbal|holistic|homeopathic|ayurvedic)\s+(?:\w+\s+)?(?:treat\w*|"
    r"therap\w*|remed\w*|medicines?|cures?|options?|approach\w*)\b"
    r"(?!\s+(?:to|than|instead|in place|besides|other than|over)\b)"
    r"|\bnon[- ]?(?:drug|medic(?:al|ine|ation)|pharmac\w*)\w*\b|\b(?:drug|medic\w*)[- ]free\b"
    # "What can lower my blood pressure naturally?", "home remedies", "lifestyle changes"
    r"|\bnaturally\b|\bhome[- ]remed\w*|\blifestyle\b",
    re.I,
)
NO_DRUG_REASON = (
    "the question asks for something other than a drug (exercise, surgery or another "
    "procedure, a device, a diet, a way without drugs, a doctor, services or support); kgqa's "
    "graph lists the drugs that treat a disorder, not these, so the passages are what it found"
)


def asks_for_no_drug(text: str, found: Linked) -> bool:
    """Whether a question asks for something that is no drug, first thing ("What exercises
    help with knee osteoarthritis?", "Is surgery an option for scoliosis?", "How do I use an
    inhaler spacer?"): the graph's treatments are drugs, and a list of them answers none of
    these (an exercise question came back with knee drugs at 1.00). Words inside a linked name
    do not count ("exercise-induced asthma"); a drug word first keeps the drug reading
    ("What medication is given after surgery?", "non-surgical treatments"). So does a question
    that turns drugs down anywhere ("How can I treat ADHD naturally, without medicine?")."""
    bare = _bare(text, found)
    return any(p.search(bare) is not None for p in (_NO_DRUG_ASKED, _HOW_TO_USE, _NO_DRUG_WANTED))


# keeping a disorder away rather than treating it ("How can I lower my risk of breast cancer?"
# listed breast cancer's drugs at 1.00; "What should I do after a needlestick exposure to
# hepatitis C?", its treatments; "Is there a vaccine for shingles?", its antivirals); not
# keeping one's own disorder's attacks away ("What can I do to prevent gout attacks?": the
# drugs that treat gout answer)
_PREVENTION = re.compile(
    r"\b(?:(?:lower|reduc|decreas|cut|minimi[sz]|lessen)\w* (?:\w+ ){0,2}?(?:risks?|chances?|"
    r"odds|likelihood)\b|(?:risk|chances?|odds) of (?:getting|developing|catching|contracting)|"
    r"(?:prevent\w*|avoid\w*|keep\w*|stop\w*) (?:\w+ )?(?:from )?(?:getting|catching|developing|"
    r"contracting)\b|(?:after|following) (?:\w+ ){0,3}?exposures?\b|exposed to\b|"
    r"needle[- ]?stick|post[- ]?exposure|vaccin\w*|immuni[sz]ations?)",
    re.I,
)
PREVENTION_REASON = (
    "kgqa's graph lists the drugs that treat a disorder and, from drug labels, some given to "
    "prevent one; it names none for keeping this away, nor what to do after an exposure; the "
    "passages are what it found: ask a doctor"
)


def asks_prevention(text: str, found: Linked) -> bool:
    """Whether a question asks how to keep a disorder away, or what to do after an exposure
    to it, rather than how to treat it."""
    return _PREVENTION.search(_bare(text, found)) is not None


# a drug asked for to keep a disorder away ("What drugs prevent migraines?", "migraine
# prevention", "prophylaxis"), beside the ways of saying so above
_PREVENTING = re.compile(
    r"\bprevent(?:s|ed|ing|ion|ive|ative)?\b|\bprophyla\w*|\bward(?:s|ing)? off\b", re.I
)


_VACCINE = re.compile(r"\bvaccin\w*|\bimmuni[sz](?:e|ed|ation|ations)\b|\bshots?\b", re.I)


def names_vaccine(text: str) -> bool:
    """Whether a text names a vaccine or immunization ("Which vaccine prevents measles?")."""
    return _VACCINE.search(text) is not None


def asks_to_prevent(text: str, found: Linked) -> bool:
    """Whether a question asks for a drug that keeps a disorder away, in any words: those of
    :func:`asks_prevention` or "prevent", "prevention", "prophylaxis"; not a vaccine, which
    is asked for as such."""
    if names_vaccine(text):
        return False
    # (in the words as written: "migraine prevention" may be linked as one name)
    bare = _bare(text, found)
    return _PREVENTING.search(text) is not None or _PREVENTION.search(bare) is not None


# what may replace a drug ("What are alternatives to warfarin?", "What can I take instead of
# metformin?"): with no disorder named, no relation of the graph answers it (what warfarin
# treats came back); with one named, the drugs that treat it do ("instead of metformin for
# diabetes")
_INSTEAD = re.compile(
    r"\b(?:alternatives?(?: (?:treatments?|therap(?:y|ies)|medicines?|medications?|drugs?|"
    r"options?))? (?:to|for)|instead of|substitutes? (?:for|to)|replacements? for|"
    r"in place of|switch (?:from|off))\b",
    re.I,
)
# ... or what else besides ("Are there treatments for eczema other than steroid creams?")
_BESIDES = re.compile(r"\b(?:other than|besides|apart from|aside from|except(?: for)?)\b", re.I)


def _asks_else(text: str, found: Linked) -> bool:
    """Whether a question asks what may replace a thing it names, or what else there is
    besides it: a list to give, no yes or no to check of the two things it names."""
    bare = _bare(text, found)
    return _INSTEAD.search(bare) is not None or _BESIDES.search(bare) is not None


INSTEAD_REASON = (
    "kgqa's graph says what a drug treats and which class it is in, not what may replace it "
    "for you; the passages are what it found: ask a doctor or pharmacist"
)


def asks_instead(text: str, found: Linked) -> bool:
    """Whether a question asks what may replace something, naming no disorder it is for
    ("What are alternatives to warfarin?")."""
    return _INSTEAD.search(_bare(text, found)) is not None and not any(
        n.cls in _DISORDER_KINDS for _, n in found
    )


# what no relation of the graph answers, in order, each with what kgqa says instead: the
# question is answered with passages only
def asks_keeping_away(text: str, found: Linked) -> bool:
    """Whether a question asks how to keep a disorder away in any words, a vaccine included
    (:func:`asks_prevention` or :func:`asks_to_prevent`)."""
    return asks_prevention(text, found) or asks_to_prevent(text, found)


COMPARISON_REASON = (
    "kgqa's graph says what each drug or disease is related to, not which is better or how "
    "they differ; the passages are what it found"
)


def asks_comparison(text: str, found: Linked) -> bool:
    """Whether a question compares two things or asks which is better ("Which is better for
    headache, ibuprofen or acetaminophen?")."""
    return _COMPARES.search(text) is not None


RANGE_REASON = (
    "kgqa's graph holds no reference ranges of tests or levels; the passages are what it "
    "found: the range your laboratory reports with the result is the one to go by"
)
# what a test's or level's normal values are ("What is a normal cholesterol level?", read as
# what cholesterol is; "What are the normal ranges for urea?")
_NORMAL_RANGE = re.compile(
    r"\bnormal (?:[\w-]+ ){0,3}?(?:levels?|ranges?|values?|counts?|results?|readings?|numbers?)\b"
    r"|\b(?:levels?|ranges?|values?|counts?|readings?|numbers?) (?:[\w-]+ ){0,3}?(?:is|are|be) "
    r"normal\b|\breference (?:ranges?|values?|intervals?)\b",
    re.I,
)


# ... or what one's own result means ("My urea is showing 40. Is it dangerous?" was read as
# urea's side effects): a substance or a test said of "my", then a figure
_MY_RESULT = re.compile(
    r"\bmy ((?:[\w-]+ ){0,3}?[\w-]+) (?:(?:levels?|counts?|results?|readings?) )?(?:is|was|are|"
    r"were|shows?|showed|showing|came back|reads?|of)(?: (?:at|about|around|only|now|still|"
    r"just|over|under|below|above))? \d",
    re.I,
)


_NOT_A_RESULT = re.compile(
    rf"\b(?:{DRUG_WORD}|dos(?:e|es|age)|mg|mcg|tablets?|treat\w*|cures?|remed(?:y|ies))\b", re.I
)


def asks_normal_range(text: str, found: Linked) -> bool:
    """Whether a question asks what a test's or a level's normal values are, or what a result
    of the person's own is (a substance the graph knows, or a blood test's short form)."""
    if _NORMAL_RANGE.search(text) is not None:
        return True
    if _NOT_A_RESULT.search(text):
        return False  # a dose taken, or drugs asked for ("My cholesterol is 260. What medicine?")
    for m in _MY_RESULT.finditer(text):
        said = m.group(1)
        if said.split()[-1].upper() in LAB_SHORT_FORMS or any(
            n.cls == "Chemical" and x.text and x.text in said for x, n in found
        ):
            return True
    return False


# whether a drug is addictive ("Is it addictive?", "Is oxycodone habit forming?", "Can you get
# addicted to tramadol?"): no relation of the graph says so; a long message's learned reading
# had listed what gabapentin treats, from the sentence telling what it was prescribed for
# (not "become insulin dependent", a diabetes that needs insulin)
_ADDICTIVE = re.compile(
    r"\b(?:addictive|addicting|habit[- ]forming|(?:get|become|be|getting|becoming) (?:\w+ )?"
    r"(?:addicted|hooked)|(?:get|become|be|getting|becoming) (?:physically |psychologically )?"
    r"dependent on|addiction to|dependen(?:ce|cy) on)\b",
    re.I,
)


ADDICTION_REASON = (
    "kgqa's graph states what drugs treat and the side effects their labels list, not whether "
    "they are addictive or habit forming; the passages are what it found: ask a doctor or "
    "pharmacist"
)


def asks_if_addictive(text: str, found: Linked) -> bool:
    """Whether a question asks whether a drug is addictive or habit forming."""
    return _ADDICTIVE.search(text) is not None


PASSAGES_ONLY: tuple[tuple[Callable[[str, Linked], bool], str], ...] = (
    (asks_comparison, COMPARISON_REASON),
    (asks_if_addictive, ADDICTION_REASON),
    (asks_normal_range, RANGE_REASON),
    (asks_pregnancy_safety, PREGNANCY_REASON),
    (asks_age_safety, AGE_REASON),
    (asks_interaction, INTERACTION_REASON),
    (asks_what_harms, HARM_REASON),
    (asks_for_no_drug, NO_DRUG_REASON),
    (asks_instead, INSTEAD_REASON),
    (asks_keeping_away, PREVENTION_REASON),
)


# those read ``other`` whatever the classifier says (prevention overrules a treatment reading
# only: "Does aspirin lower the risk of a heart attack?" is a claim to check)
_OVERRULE = (
    asks_if_addictive,
    asks_pregnancy_safety,
    asks_age_safety,
    asks_interaction,
    asks_for_no_drug,
    asks_instead,
    asks_normal_range,
)


def asks_no_relation(text: str, found: Linked) -> bool:
    """Whether a question asks, in so many words, what no relation of the graph answers,
    whatever a classifier reads: a comparison, or one of :data:`_OVERRULE` (whether a drug is
    addictive, an interaction, safety in pregnancy, in children or older people, no drug, a
    replacement, a normal range)."""
    return _COMPARES.search(text) is not None or any(asks(text, found) for asks in _OVERRULE)


# a question for a class's members in words no intent's cue holds: "What blood thinners are
# there?", "What are some ...", "What are common antibiotics?", "What are the different types
# of antidepressants?" (not "Which blood thinner is safest?": a comparison)
_MEMBERS_ASKED = re.compile(
    r"^\s*(?:what|which)\b(?!.*\b(?:safest|best|strongest|most|least|better|worst|fewest|"
    r"cheapest|treat\w*|uses?|used|for(?!\s*[?.!]*\s*$)|caus\w*|side|effects?|works?|interact\w*|"
    r"diseases?|conditions?|dos(?:e|es|age)|risks?|cost)\b).*\b(?:are there|some|examples?|types?|"
    r"kinds?|different|common|available|names?|options?|choices?)\b",
    re.I,
)


def asks_class_members(text: str, found: Linked) -> bool:
    """Whether a question names a drug class and nothing else and asks, in words of listing,
    what is in it."""
    return (bool(found) and all(n.cls == "DrugClass" for _, n in found)
            and _MEMBERS_ASKED.search(_bare(text, found)) is not None)  # fmt: skip


def passages_only(text: str, found: Linked) -> str | None:
    """Why a question read ``other`` has no graph answer, when its words say (``PASSAGES_ONLY``);
    None otherwise."""
    return next((reason for asks, reason in PASSAGES_ONLY if asks(text, found)), None)


# an intent that, asked of another kind of thing, is another one with the same answers
_OF_ANOTHER_KIND = {"causes": "diseases_of_phenotype", "diseases_for_drug": "diseases_of_gene"}
# words asking what brings a disorder on ("Why do I get ...", "the causes of ...", "the origin")
_CAUSE_ASKED = re.compile(r"\b(?:caus\w*|why|reasons?|origins?|etiology|aetiology)\b", re.I)


def _cause_of_a_disease(text: str, found: Linked) -> bool:
    """Whether a question read as the diseases that show a disorder asks, in words of cause,
    of a disease only (no finding named, no kind of disease asked for): then its causes."""
    topic = topic_of("diseases_of_phenotype", found)
    bare = _bare(text, found)
    return (
        topic is not None
        and topic.cls == "Disease"
        and not any(n.cls == "Phenotype" for _, n in found)
        and _affirmed_topic("causes", found)
        and _CAUSE_ASKED.search(bare) is not None
        and _DISEASE_WORDS.search(bare) is None
        and CUES["diseases_of_phenotype"].search(text) is None
    )


def _bare(text: str, found: Linked) -> str:
    """The text with its linked mentions blanked: cue words inside a name are not cues
    ("neonatal onset multisystem inflammatory disease", 遗传性血色病)."""
    for m, _ in found:
        if m.text.strip():
            text = text.replace(m.text, " " * len(m.text))
    return text


def _zh_cued(text: str, found: Linked) -> str | None:
    """The first intent, in ``ZH_ORDER``, whose Chinese cue words the question holds and whose
    topic class it names (an intent kgqa refuses needs no topic), else None."""
    bare = _bare(text, found)
    for name, cue in ZH_CUES.items():
        if cue.search(bare) and (INTENTS[name].refusal or topic_of(name, found) is not None):
            return name
    return None


# where a second question joins the first ("What causes X, and what are the treatments for
# it?"): the cue words of the first one route the question
_JOINING_AND = (
    r"(?:[,;]\s*|\s)and\s+(?=(?:what|how|where|which|who|why|when|is|are|can|could|do|does|"
    r"should|will|would)\b)"
)
_FURTHER_QUESTION = re.compile(rf"{_JOINING_AND}|[?;]\s+(?=\S)", re.I)


# ... where the first ends in a question mark or the second is joined by "and" (a clause
# before a semicolon may be no question: "When I take metformin I get headache; ...")
_JOINED_QUESTION = re.compile(rf"{_JOINING_AND}|\?\s+(?=\S)", re.I)


def first_question(text: str) -> str:
    """The first of the questions a text joins, when it is one ("What causes X, and what
    treatments are available?": what causes X; one such whole, on low platelets, was read as
    its symptoms at 0.52); else the text.

    Example:
        >>> first_question("What causes gout, and how is it treated?")
        'What causes gout'
        >>> first_question("I have asthma; what can I take for a fever?")
        'I have asthma; what can I take for a fever?'
        >>> first_question("When I take metformin I get headache; is it the medication?")
        'When I take metformin I get headache; is it the medication?'
    """
    first = _JOINED_QUESTION.split(text, maxsplit=1)[0].strip()
    asks = _WH_QUESTION.match(first) or _YES_NO.match(first)
    return first if asks and first != text.strip() and len(first.split()) >= 3 else text


def organ_asked(text: str, found: Linked) -> tuple[str, frozenset[str]] | None:
    """The organ a question limits its answers to ("side effects of aspirin on the ears", "How
    does diabetes affect the eyes?"), outside the names it links ("liver cancer"), as its word
    and the CURIEs of the categories of its findings (:data:`ORGANS`); None when it names none.

    Example:
        >>> organ_asked("What side effects does atorvastatin have on the liver?", [])[0]
        'liver'
        >>> organ_asked("What are the symptoms of gout?", []) is None
        True
    """
    hit = ORGAN_ASKED.search(_bare(text, found))
    if hit is None:
        return None
    said = hit.group("a") or hit.group("b")
    for word, words, kinds in ORGANS:
        if re.fullmatch(words, said, re.I):
            return word, frozenset(kinds)
    return None


_INFORMATION_INCLUDING = re.compile(
    r"\b(?:information|info|resources?|literature|details)\b[^.?!]*?\bincluding\b", re.I
)


def cued(text: str, probs: dict[str, float], found: Linked) -> str | None:
    """The intent whose cue words the question holds and whose topic class it names (the
    classifier's likelier first, then registry order), else None. An intent kgqa refuses
    needs no topic and goes first, wherever its words stand: "Which drugs are
    contraindicated in asthma?" is no question about treatment, whatever the classifier made
    of it. Other cues count in the first question only, when the text joins several, and not
    in the list of what information it asks for ("information on X, including ...")."""
    bare = _bare(text, found)
    first = _FURTHER_QUESTION.split(bare, maxsplit=1)[0]
    # what information is asked for, listed ("Where can I find information on dystonia,
    # including prognosis?" asks for information, as the labelling guideline reads it); not
    # what kgqa refuses, which it refuses wherever it is said
    listed = _INFORMATION_INCLUDING.search(first)
    hits = []
    for name, cue in CUES.items():
        if INTENTS[name].refusal:
            if not cue.search(bare):
                continue
        elif not any(listed is None or m.start() < listed.end() for m in cue.finditer(first)):
            continue
        if INTENTS[name].refusal or topic_of(name, found) is not None:
            hits.append(name)
        elif name in _OF_ANOTHER_KIND and topic_of(_OF_ANOTHER_KIND[name], found) is not None:
            # the cause of a finding is the diseases that show it ("what reason vomit
            # bile?"), as route turns the classifier's reading
            hits.append(_OF_ANOTHER_KIND[name])
    hits = list(dict.fromkeys(hits))
    if not hits:
        return None
    refused = [name for name in hits if INTENTS[name].refusal]
    return refused[0] if refused else max(hits, key=lambda n: (probs.get(n, 0.0), -hits.index(n)))


_WH = re.compile(r"\b(?:what|which|where|who|whom|whose|when|why|how)\b", re.I)
# a subject line that names what is wanted for the disorder ("SUBJECT: Ear Infection Treatment",
# "New Hep C Virus Treatments")
_SUBJECT_TREATMENT = re.compile(
    r"\b(?:treatments?|cures?|remed(?:y|ies)|therap(?:y|ies)|medicines?|medications?)\b", re.I
)


def subject_cued(subject: str, question: str, probs: dict[str, float],
                 found: Linked) -> str | None:  # fmt: skip
    """The intent a message's subject line names in cue words, for a main question that
    names none and asks no wh-question of its own ("SUBJECT: CURE FOR PNEUMONIA ... I want to
    find out..."; not "SUBJECT: place for treatment of X ... Which is the most prestigious
    institution?"); a treatment named there asks for one, when a disorder is named."""
    if not subject.strip() or _WH.search(question):
        return None
    named = cued(subject, probs, found)
    if (named is None and _SUBJECT_TREATMENT.search(_bare(subject, found))
            and topic_of("drugs_for_disease", found) is not None):  # fmt: skip
        return "drugs_for_disease"
    return named


# a plea's words for what it wants done, and for what it wants instead of a treatment
_PLEA_TREATMENT = re.compile(
    r"\b(?:treat(?:ments?|ed|ing)?|cured?|cures|remed(?:y|ies)|therap(?:y|ies)|medicines?|"
    r"medications?|meds|drugs?|get rid of|relie(?:f|ve)|heal|fix(?:ed)?|medical care)\b"
    # ... or for something that stops or eases the disorder ("he cannot give me anything that
    # will stop my having to get up 4-6 times during the night")
    r"|\b(?:something|anything|nothing)\s+(?:that|which|to)\s+"
    r"(?:(?:will|would|can|could|might|may)\s+)?(?:stop|ease|relieve|reduce|control|cure|help)\b",
    re.I,
)
_DOCTOR = r"(?:doctors?|physicians?|specialists?|surgeons?|hospitals?|clinics?|cent(?:er|re)s?)"
_PLEA_ELSE = re.compile(
    r"\b(?:information|info|research\w*|stud(?:y|ies)|trials?|support groups?|buy|purchase|"
    r"costs?|insurance|prognosis|diagnos\w*|tests?|causes?)\b"
    # a doctor or a hospital wanted ("We look for a doctor in Ohio", "a specialist who"), not
    # one told of ("I have discussed this with my doctor", "I went to five doctors")
    r"|\b(?:find|finding|look(?:ing)? for|search(?:ing)? for|recommend|refer|suggest|need|want|"
    r"see|contact|name|names|list|best|good|which|what kind of|type of)\s+(?:(?:a|an|the|some|"
    rf"any|good|best|right)\s+){{0,2}}{_DOCTOR}\b"
    rf"|\b{_DOCTOR}\s+(?:who|that|in|near|specializ\w*|specialis\w*)\b",
    re.I,
)


# a request for help and nothing more ("Can you help??", "So please help me out.", "Any help?")
_BARE_HELP = re.compile(
    r"^\W*(?:(?:so|and|but|please|pls|plz|kindly|can|could|would|will|you|someone|anyone|any|"
    r"some)\s+)*help(?:\s+(?:me|us|him|her|out|please|on this|with this))*\W*$",
    re.I,
)


# what a sentence before a bare plea may say is wanted instead of a treatment
_HELP_ELSE = re.compile(
    r"\b(?:information|info|research\w*|stud(?:y|ies)|trials?|support groups?|resources?)\b"
    r"|\b(?:find|finding|look(?:ing)? for|search(?:ing)? for|recommend|refer|need|want|"
    rf"contact|name|names|list)\s+(?:(?:a|an|the|some|any|good|best|right)\s+){{0,2}}{_DOCTOR}\b",
    re.I,
)


def help_wanted_else(question: str, before: str | None) -> bool:
    """Whether a message's question only asks for help (:data:`_BARE_HELP`) after a sentence
    that says the help wanted is something other than a treatment: information, research, a
    doctor ("I cannot find any information on this illness. Can you help??"). A
    bare plea is otherwise read as one for what treats the disorder; a test or a diagnosis
    told of ("His uric acid test came back at 9. Please help") wants no other help."""
    return (
        bool(_BARE_HELP.match(question)) and before is not None and bool(_HELP_ELSE.search(before))
    )


def plea_for_treatment(message: str, found: Linked) -> bool:
    """Whether a message that only pleads for help, or asks nothing ("I am newly married. Now
    from few days i am suffering erection problem. Pls suggest me."), asks how to treat the
    disorder it names: it speaks of treatment or medicine, and of nothing else it could want
    (information, a doctor, a test, a cause)."""
    bare = _bare(message, found)
    return (bool(_PLEA_TREATMENT.search(bare)) and not _PLEA_ELSE.search(bare)
            and topic_of("drugs_for_disease", found) is not None)  # fmt: skip


# "both A and B", "in common", or a singular "which drug ... A and B": what holds for each
_BOTH = re.compile(
    r"\bboth\b|\bin common\b|\bshared by\b|\bshare\b|\bcommon to\b|\bat the same time\b"
    r"|\bsimultaneously\b"
    r"|^\s*(?:which|what) (?:single |one )?"
    r"(?:drug|medication|medicine|gene|protein|symptom|disease)\b",
    re.I,
)


def co_topics(text: str, intent: str, found: Linked, topic: Node) -> list[Node]:
    """Further topics of an intersection question ("Which gene is associated with both A and
    B?", "Which drug treats A and B?"): the other non-negated mentions of the topic's class,
    when the question asks for what holds of all of them. Empty otherwise ("What are the
    symptoms of A and B?" asks for each). Findings asked of together are one person's: "What
    causes headache and fever?" asks what shows both, "both" said or not."""
    together = intent == "diseases_of_phenotype" and topic.cls == "Phenotype"
    if " and " not in text.lower() or not (together or _BOTH.search(text)):
        return []
    return named_alongside(text, found, topic)


def named_alongside(text: str, found: Linked, topic: Node) -> list[Node]:
    """The other things of the topic's class the question names (not negated) beside it
    ("What are the symptoms of A and B?"): an answer about the topic alone says so."""
    if not re.search(r"\b(?:and|or)\b|[,/&]", text):
        return []
    out: list[Node] = []
    for m, _ in found:
        if m.negated or m.text not in text:
            continue
        node = close_candidate(m, lambda n: n.cls == topic.cls)
        if node is not None and node.iri != topic.iri and node not in out:
            out.append(node)
    return out
