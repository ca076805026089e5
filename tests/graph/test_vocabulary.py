from __future__ import annotations

import rdflib

from kgqa.config import vocabulary_file
from kgqa.graph.vocabulary import CLASSES, RELATIONS, VOCAB, to_turtle


def test_committed_vocabulary_matches_the_code() -> None:
    assert vocabulary_file().read_text(encoding="utf-8") == to_turtle()


def test_vocabulary_parses_and_every_relation_has_domain_range_definition() -> None:
    g = rdflib.Graph().parse(data=to_turtle(), format="turtle")
    rdfs = rdflib.RDFS
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    for name, rel in RELATIONS.items():
        iri = rdflib.URIRef(VOCAB + name)
        assert g.value(iri, rdfs.domain) == rdflib.URIRef(VOCAB + rel.domain)
        assert g.value(iri, rdfs.range) == rdflib.URIRef(VOCAB + rel.range)
        assert g.value(iri, skos.definition)
        assert rel.domain in CLASSES and rel.range in CLASSES
