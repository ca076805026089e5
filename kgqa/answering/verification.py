"""Claim verification: link → parse the claim (relation and polarity) → graph statements of
that relation, and contradicting ones → passages → the verifier → supported / refuted /
unknown, with the evidence and the reason.
"""

from __future__ import annotations

from kgqa.answering.candidates import class_membership, members_needed
from kgqa.answering.ranking import evidence_text, passages_about, verify_pairs
from kgqa.answering.verbalize import CONTRADICTS, statement
from kgqa.errors import InputError
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Evidence, Mention, Node, Triple, Verdict
from kgqa.stages import Classifying, Linking, Retrieving
from kgqa.text import clean_text, fold_chinese
from kgqa.understanding.claims import CONTRAINDICATION, parse_claim
from kgqa.validation import MAX_CLAIM_CHARS

VERDICT_THRESHOLD = 0.6
# how sure a verdict is that a graph statement of the pair gives when the verifier reads the
# words otherwise (curated statements are right this often on the claims dev set: see docs)
GRAPH_STATEMENT_SCORE = 0.9
# Relations a passage alone never supports: a text that names a drug and a disease together
# is as often a contraindication, a warning, an indication or a side effect ("patients with
# hyperthyroidism must not take levothyroxine"). Only a graph statement supports these. The
# same holds for is-a: the graph holds the whole disease and phenotype hierarchies, and a
# passage about pneumonia that mentions cancer does not make pneumonia a cancer.
GRAPH_ONLY_SUPPORT = frozenset({"treats", "palliates", "hasSideEffect", "subClassOf"})
# the relations a drug class's claim is read through its members for ("statins cause myalgia")
CLASS_RELATIONS = frozenset({"treats", "palliates", "hasSideEffect"})


def _graph_verdict(s: Node, rel: str, o: Node, neg: bool,
                   triples: list[Triple]) -> tuple[str, str] | None:  # fmt: skip
    """The verdict a graph statement of exactly this pair gives, with its reason: the relation
    stated supports the claim (refutes it negated), a contradicting statement ("not indicated
    for") refutes it (supports it negated), both at once is "unknown". None when the graph
    states nothing of the pair itself (only of a broader disease, say)."""
    own = [t for t in triples if t.subject.iri == s.iri and t.object.iri == o.iri]
    holds = sorted({t.source for t in own if t.relation == rel})
    against = [t for t in own if t.relation == CONTRADICTS.get(rel)]
    if not holds and not against:
        return None
    others = ", ".join(sorted({t.source for t in against}))
    if holds and against:
        return "unknown", (f"the graph's sources disagree: {', '.join(holds)} state it, "
                           f"{others} the opposite")  # fmt: skip
    said = f"{', '.join(holds)} states it" if holds else f"{others} states the opposite"
    return ("supported" if bool(holds) != neg else "refuted"), f"the graph: {said}"


class ClaimVerifier:
    """Checks claims against the graph and passages with the fine-tuned verifier."""

    def __init__(self, kg: KnowledgeGraph, linker: Linking, verifier: Classifying,
                 retriever: Retrieving | None) -> None:  # fmt: skip
        self.kg = kg
        self.linker = linker
        self.verifier = verifier
        self.retriever = retriever

    def verify(self, claim: str, mentions: list[Mention] | None = None) -> Verdict:
        if not isinstance(claim, str):
            raise InputError(f"a claim must be text, not {type(claim).__name__}")
        if len(claim) > MAX_CLAIM_CHARS:
            raise InputError(f"claim of {len(claim)} characters; at most {MAX_CLAIM_CHARS}")
        text = fold_chinese(clean_text(claim)).strip()
        empty = Evidence()
        if not text:
            return Verdict(claim, "unknown", 0.0, (), None, None, None, False, empty,
                           "empty claim")  # fmt: skip
        mentions = mentions if mentions is not None else self.linker.link(text)
        parsed = parse_claim(text, mentions, self.kg)
        s, rel, o, neg = parsed.subject, parsed.relation, parsed.object, parsed.negated
        if rel == "id" and s is not None:
            return self._id_claim(claim, s, parsed.object_id or "", neg)
        if s is None or o is None or rel is None:
            return Verdict(claim, "unknown", 0.0, (), s, rel, o, neg, empty,
                           parsed.reason or "the claim could not be parsed")  # fmt: skip
        if rel == CONTRAINDICATION:
            return self._contraindication(claim, s, o, neg)
        if s.cls == "DrugClass" and rel in CLASS_RELATIONS:
            for finding in self._same_named(o) if rel == "hasSideEffect" else [o]:
                through = self._class_claim(claim, s, rel, finding, neg)
                if through is not None:
                    return through
        triples = self.statements(s, rel, o)
        if not triples and rel == "hasSideEffect":
            # SIDER states a side effect of one node of the name ("Myalgia" the HPO term, not
            # MeSH's disease heading; "lactic acidosis" the DO disease, not the HPO term)
            for other in self._same_named(o)[1:]:
                if found := self.statements(s, rel, other):
                    triples, o = found, other
                    break
        passages = [p for p in passages_about(self.retriever, text, [s, o], k=20)
                    if s.iri in p.nodes and o.iri in p.nodes][:3]  # fmt: skip
        if not triples and not passages:
            # the graph is not a closed world: no statement and no passage is not a "no"
            context = self.kg.neighbours(s, rel, direction="out")[:3]
            reason = f"neither the graph nor a passage relates {s.label} and {o.label}"
            if rel == "hasInheritance" and context:
                # what a user asking "Is X autosomal recessive?" wants to hear next
                modes = ", ".join(dict.fromkeys(t.object.label for t in context))
                reason += f"; the graph gives its inheritance as {modes}"
            return Verdict(claim, "unknown", 0.0, (), s, rel, o, neg,
                           Evidence(tuple(context), ()), reason)  # fmt: skip
        # graph statements, when there are any, are the evidence the verifier reads; passages
        # are read only when the graph says nothing about the pair
        evidence = evidence_text(triples, [] if triples else passages)
        probs = verify_pairs(self.verifier, [statement(s.label, rel, o.label, negated=neg)],
                             [evidence])[0]  # fmt: skip
        labels = self.verifier.labels
        best = int(probs.argmax())
        verdict = {"supported": "supported", "refuted": "refuted"}.get(labels[best], "unknown")
        if probs[best] < VERDICT_THRESHOLD:
            verdict = "unknown"
        reason = "" if verdict != "unknown" else "the evidence neither supports nor refutes it"
        score = float(probs[best])
        stated = _graph_verdict(s, rel, o, neg, triples)
        if stated is not None:
            # a graph statement of the pair itself (or its contradiction) decides, whatever
            # the verifier makes of the words: polarity is never left to the model
            agrees = labels[best] == stated[0] and score >= VERDICT_THRESHOLD
            verdict, reason = stated
            if verdict == "unknown":
                score = 0.0
            elif not agrees:
                score = GRAPH_STATEMENT_SCORE
                reason += "; the verifier read the words otherwise"
        # passages alone asserting such a relation: "supported", or a negated claim "refuted"
        asserts = (verdict == "supported") != neg and verdict != "unknown"
        if asserts and not triples and rel in GRAPH_ONLY_SUPPORT:
            verdict = "unknown"
            why = ("is-a holds only where the graph's hierarchy says so" if rel == "subClassOf"
                   else "passages that name a drug with a disease can be contraindications or "
                        "side effects")  # fmt: skip
            reason = f"no graph statement says {s.label} {rel} {o.label}; {why}"
        scores = tuple((lab, round(float(p), 4)) for lab, p in zip(labels, probs, strict=True))
        evidence_used = Evidence(tuple(triples), tuple(passages))
        return Verdict(claim, verdict, round(score, 4), scores,  # type: ignore[arg-type]
                       s, rel, o, neg, evidence_used, reason)  # fmt: skip

    def _same_named(self, node: Node) -> list[Node]:
        """The node, then the others of exactly its name (a disease and a phenotype often
        share one)."""
        key = normalize_name(node.label)
        out = [node]
        for m in self.kg.find(node.label, limit=10):
            if m.node.iri not in {n.iri for n in out} and normalize_name(m.node.label) == key:
                out.append(m.node)
        return out

    def _class_claim(self, claim: str, cls: Node, rel: str, o: Node, neg: bool
                     ) -> Verdict | None:  # fmt: skip
        """ "Statins cause myalgia", "ACE inhibitors treat hypertension": a drug class's claim
        read through its members, as its answers are. It holds when at least
        :func:`~kgqa.answering.candidates.members_needed` of the members with any statement of
        the relation state it of ``o``; fewer is "unknown", never "refuted" (the graph is not a
        closed world). None when no member states it: the claim is then checked as any other.
        The evidence is each holding member's membership and statement (three at most)."""
        membership = class_membership(self.kg, cls)
        stating, holding = 0, []
        for member in [t.subject for t in membership.values()]:
            said = self.kg.neighbours(member, rel, direction="out")
            stating += bool(said)
            own = [t for t in said if t.object.iri == o.iri]
            if own:
                holding.append((member, own[0]))
        if not holding:
            return None
        need = members_needed(stating)
        evidence = Evidence(tuple(t for _, t in holding[:3]),
                            path=tuple(membership[m.iri] for m, _ in holding[:3]))  # fmt: skip
        names = ", ".join(m.label for m, _ in holding[:3]) + (" ..." if len(holding) > 3 else "")
        share = f"{len(holding)} of its {stating} members with {rel} statements ({names})"
        if len(holding) < need:
            return Verdict(claim, "unknown", 0.0, (), cls, rel, o, neg, evidence,
                           f"only {share} state it of {o.label}: too few to say it of the "
                           "class")  # fmt: skip
        verdict = "refuted" if neg else "supported"
        return Verdict(claim, verdict, GRAPH_STATEMENT_SCORE, ((verdict, GRAPH_STATEMENT_SCORE),),
                       cls, rel, o, neg, evidence,
                       f"the graph, through the class's members: {share} state it")  # fmt: skip

    def _contraindication(self, claim: str, s: Node, o: Node, neg: bool) -> Verdict:
        """ "X is (not) contraindicated in Y": always unknown. None of the graph's sources lists
        contraindications; "not indicated" (PharmacotherapyDB) is not "contraindicated", and
        an indication does not rule out a contraindication in some patients. What the graph
        does say about the pair is given as context, and a passage is no ground either way."""
        said = self.statements(s, "treats", o)  # indications and "not indicated" statements
        reason = ("the graph has no contraindication data (none of its sources lists them), so "
                  f"it cannot check whether {s.label} is contraindicated in {o.label}")  # fmt: skip
        if said:
            kinds = sorted({"treats" if t.relation == "treats" else "is not indicated for"
                            for t in said})  # fmt: skip
            reason += f"; it says {s.label} {' and '.join(kinds)} {o.label}"
        return Verdict(claim, "unknown", 0.0, (), s, CONTRAINDICATION, o, neg,
                       Evidence(tuple(said)), reason)  # fmt: skip

    def _id_claim(self, claim: str, s: Node, want: str, neg: bool) -> Verdict:
        """ "The DOID of X is DOID:n": a lookup, not a judgement."""
        ids = {i.upper() for i in self.kg.ids(s)}
        want = want.upper()
        prefix = want.split(":", 1)[0]
        same_prefix = sorted(i for i in ids if i.startswith(prefix + ":"))
        if want not in ids and not same_prefix:
            return Verdict(claim, "unknown", 0.0, (), s, "id", None, neg, Evidence(),
                           f"{s.label} has no {prefix} id in the graph")  # fmt: skip
        verdict = "supported" if (want in ids) != neg else "refuted"
        reason = f"{s.label} has the ids {', '.join(same_prefix)}"
        return Verdict(claim, verdict, 1.0, ((verdict, 1.0),), s, "id", None, neg, Evidence(),
                       reason)  # fmt: skip

    def statements(self, s: Node, rel: str, o: Node) -> list[Triple]:
        """Graph statements of ``rel`` (or a contradicting relation) between s and o, also
        through o's or s's ancestors for inheritance-like relations."""
        out = []
        for r in (rel, CONTRADICTS.get(rel)):
            if r is None:
                continue
            out += [t for t in self.kg.neighbours(s, r, direction="out") if t.object.iri == o.iri]
        if rel == "subClassOf" and not out:
            ancestors = {n.iri for n in self.kg.ancestors(s)}
            if o.iri in ancestors:
                out += self.kg.neighbours(s, "subClassOf", direction="out")[:1]
        if rel == "hasInheritance" and not out:
            # "X is X-linked" holds when the graph says X-linked recessive (a kind of it)
            out += [t for t in self.kg.neighbours(s, rel, direction="out")
                    if o.iri in {a.iri for a in self.kg.ancestors(t.object)}]  # fmt: skip
        if rel == "treats" and not out:  # a drug for a broader disease
            for parent in self.kg.ancestors(o)[:4]:
                out += [t for t in self.kg.neighbours(s, "treats", direction="out")
                        if t.object.iri == parent.iri]  # fmt: skip
        return out
