"""Build on the hand-written fixture sources: identity merging, provenance, classes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgqa.errors import DataError
from kgqa.graph import KnowledgeGraph
from kgqa.graph.build import SOURCES, build_graph
from kgqa.graph.build.builder import inputs_unchanged


def test_one_concept_is_one_node_reachable_from_every_id(kg: KnowledgeGraph) -> None:
    # DO xref 1:1 (OMIM, MeSH), Orphanet by identical name, UMLS as an alias id
    ids = ["DOID:14323", "OMIM:154700", "MIM:154700", "ORPHA:558", "MESH:D008382", "UMLS:C0024796"]
    nodes = {kg.node(i) for i in ids}
    assert len(nodes) == 1
    marfan = nodes.pop()
    assert marfan is not None and marfan.curie == "DOID:14323" and marfan.cls == "Disease"
    assert marfan.label == "Marfan syndrome"
    assert set(ids) - {"MIM:154700"} <= set(kg.ids(marfan))


def test_merged_node_shows_relations_from_all_sources_together(kg: KnowledgeGraph) -> None:
    edges = kg.neighbours("OMIM:154700")
    by_source = {(t.relation, t.source) for t in edges}
    assert ("hasPhenotype", "hpo") in by_source  # from the OMIM and ORPHA annotations
    assert ("associatedWithGene", "disease_gene") in by_source  # DOID-keyed source
    assert ("associatedWithGene", "hpo") in by_source
    assert ("hasInheritance", "doid") in by_source and ("hasInheritance", "hpo") in by_source
    assert ("subClassOf", "doid") in by_source
    genes = {t.object.label for t in edges if t.relation == "associatedWithGene"}
    assert genes == {"FBN1"}


def test_ambiguous_xrefs_stay_separate_nodes_under_the_do_class(kg: KnowledgeGraph) -> None:
    fmf = kg.node("DOID:2987")
    ar, ad = kg.node("OMIM:249100"), kg.node("OMIM:134610")
    assert fmf is not None and ar is not None and ad is not None
    assert len({fmf, ar, ad}) == 3
    children = {t.subject for t in kg.neighbours(fmf, "subClassOf", "in")}
    assert {ar, ad} <= children
    assert fmf in kg.ancestors(ar)
    assert ar in kg.descendants(fmf)


def test_symptoms_from_do_mesh_and_hpo_merge_into_one_phenotype(kg: KnowledgeGraph) -> None:
    fever = kg.node("HP:0001945")
    assert fever is not None and fever.cls == "Phenotype"
    assert kg.node("SYMP:0000613") == fever
    assert kg.node("MESH:D005334") == fever
    sources = {t.source for t in kg.neighbours(fever, "hasPhenotype", "in")}
    assert sources == {"hpo", "doid", "hsdn"}


def test_names_referenced_by_do_axioms_resolve_to_existing_nodes(kg: KnowledgeGraph) -> None:
    fmf = kg.node("DOID:2987")
    inheritance = {t.object.curie for t in kg.neighbours(fmf, "hasInheritance")}
    assert inheritance == {"HP:0000007"}
    located = kg.neighbours("DOID:13189", "locatedIn")
    assert [t.object.curie for t in located] == ["UBERON:0000982"]
    # a symptom no source defines becomes a minted phenotype node, not a dangling IRI
    minted = [
        t.object for t in kg.neighbours(fmf, "hasPhenotype") if t.object.curie.startswith("KGQA:")
    ]
    assert [n.label for n in minted] == ["abdominal pain"]


def test_every_triple_keeps_its_source_and_annotation_attributes(kg: KnowledgeGraph) -> None:
    edges = kg.neighbours("DOID:14323", "hasPhenotype", attributes=True)
    arachno = [t for t in edges if t.object.curie == "HP:0001166"]
    assert {t.source for t in arachno} == {"hpo"}
    statements = [dict((a.key, a.value) for a in st) for t in arachno for st in t.attributes]
    # one statement from the OMIM annotation, one from the Orphanet one
    assert len(statements) == 2
    omim = next(s for s in statements if s.get("evidence") == "PCS")
    assert omim["frequency"] == "HP:0040281" and omim["frequencyValue"] == pytest.approx(0.895)
    refs = {a.value for t in arachno for st in t.attributes for a in st if a.key == "reference"}
    assert {"PMID:1000001", "ORPHA:558"} <= refs

    lens = next(t for t in edges if t.object.curie == "HP:0001083")
    (st,) = lens.attributes
    assert dict((a.key, a.value) for a in st)["frequencyValue"] == pytest.approx(0.75)


def _one_query(kg: KnowledgeGraph, t):
    """The triple with its annotation statements' attributes by one SPARQL query of its own (how
    the store read them before the one scan)."""
    import pyoxigraph as ox

    from kgqa.graph.store import _py
    from kgqa.graph.vocabulary import RDF, SOURCE, VOCAB, predicate_iri
    from kgqa.records import Attribute, Triple

    query = f"""SELECT ?s ?p ?o ?g ?st ?k ?v WHERE {{ GRAPH ?g {{
        ?st <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o ; ?k ?v .
        FILTER(STRSTARTS(STR(?k), "{VOCAB}")) }} }}"""
    bound = {"s": t.subject.iri, "p": predicate_iri(t.relation), "o": t.object.iri,
             "g": SOURCE + t.source}  # fmt: skip
    rows = kg.store.query(query, substitutions={ox.Variable(k): ox.NamedNode(v)
                                                for k, v in bound.items()})  # fmt: skip
    statements: dict[str, list] = {}
    for row in rows:
        key = row["k"].value[len(VOCAB) :]
        statements.setdefault(row["st"].value, []).append(Attribute(key, _py(row["v"])))
    attrs = tuple(tuple(sorted(a, key=lambda x: (x.key, str(x.value))))
                  for a in statements.values())  # fmt: skip
    return Triple(t.subject, t.relation, t.object, t.source, attrs)


def test_a_nodes_triples_read_in_one_scan_carry_what_each_ones_query_gives(kg: KnowledgeGraph):
    # the attributes of a node's triples are read in one scan of its statements, both ways
    for ref, relation, direction in (("DOID:14323", "hasPhenotype", "out"),
                                     ("HP:0001166", "hasPhenotype", "in"),
                                     ("DOID:9352", "associatedWithGene", "both"),
                                     ("DOID:13189", None, "both")):  # fmt: skip
        bare = kg.neighbours(ref, relation, direction=direction)
        scanned = kg.neighbours(ref, relation, direction=direction, attributes=True)
        one_by_one = [_one_query(kg, t) for t in bare]
        assert [(t, sorted(map(str, t.attributes))) for t in scanned] == [
            (t, sorted(map(str, t.attributes))) for t in one_by_one
        ], (ref, direction)
        assert any(t.attributes for t in scanned) or relation is None


def test_not_annotations_are_their_own_relation(kg: KnowledgeGraph) -> None:
    lacks = kg.neighbours("DOID:14323", "lacksPhenotype")
    assert [t.object.curie for t in lacks] == ["HP:0001250"]
    assert "HP:0001250" not in {t.object.curie for t in kg.neighbours("DOID:14323", "hasPhenotype")}


def test_per_row_licence_and_weights_are_queryable(kg: KnowledgeGraph) -> None:
    t2d_genes = kg.neighbours("DOID:9352", "associatedWithGene", attributes=True)
    attrs = {a.key: a.value for t in t2d_genes for st in t.attributes for a in st}
    assert attrs["licence"] == "ODbL 1.0"
    fmf_genes = kg.neighbours(
        "DOID:2987", "associatedWithGene", sources=["disease_gene"], attributes=True
    )
    assert {
        a.value for t in fmf_genes for st in t.attributes for a in st if a.key == "licence"
    } == {"unspecified"}
    hsdn = kg.neighbours("DOID:2987", "hasPhenotype", sources=["hsdn"], attributes=True)
    weights = [a.value for t in hsdn for st in t.attributes for a in st if a.key == "weight"]
    assert weights == [pytest.approx(5.25)]


def test_drug_class_requires_a_treats_or_palliates_edge(kg: KnowledgeGraph) -> None:
    stats = kg.stats()
    # allopurinol, aspirin, metformin, colchicine; liraglutide by its DrugCentral indication
    assert stats.classes["Drug"] == 5
    assert stats.classes["Chemical"] > stats.classes["Drug"]  # hydrochlorothiazide has no edge
    hctz = kg.node("DRUGBANK:DB00999")
    assert hctz is not None and not kg.is_drug(hctz)
    assert kg.is_drug(kg.node("MESH:D008687"))  # MeSH metformin merged into the DrugBank node
    treats_gout = {
        t.subject.label for t in kg.neighbours("DOID:13189", "treats", "in", ["pharmacotherapydb"])
    }
    assert treats_gout == {"Allopurinol"}
    assert {t.subject.label for t in kg.neighbours("DOID:13189", "notIndicatedFor", "in")} == {
        "Metformin"
    }


def test_stats_counts_relations_and_sources(kg: KnowledgeGraph) -> None:
    stats = kg.stats()
    assert set(stats.sources) == set(SOURCES)
    assert stats.relations["lacksPhenotype"] == 1
    # PharmacotherapyDB 3; DrugCentral 5 (metformin and liraglutide for type 2 diabetes,
    # colchicine and allopurinol for gout, aspirin for fever); SIDER 1 (aspirin for fever)
    assert stats.relations["treats"] == 9 and stats.relations["palliates"] == 1
    assert "meta" not in stats.sources


def test_obsolete_and_orphan_terms_are_left_out(kg: KnowledgeGraph) -> None:
    assert kg.node("HP:0009999") is None
    assert kg.node("HP:0009998") is None  # a Chinese label for a term no source defines


def test_mesh_hierarchy_only_for_mesh_only_nodes(kg: KnowledgeGraph) -> None:
    gout = kg.node("MESH:D006073")
    assert gout is not None and gout.curie == "DOID:13189"
    parents = {t.object.curie for t in kg.neighbours(gout, "subClassOf")}
    assert parents == {"DOID:848"}  # DO's parent; MeSH's is-a edge of a merged node left out


def test_manifest_records_release_inputs_and_merges(kg: KnowledgeGraph) -> None:
    m = kg.manifest
    assert m is not None
    assert m.info["hpo_release"] == "2099-01-01"
    assert "hpo/hp.obo" in m.inputs and "mesh/terms.tsv" in m.inputs
    assert m.info["merges"]["DO xref 1:1 OMIM"] == 1


def test_rebuild_is_skipped_only_while_inputs_are_unchanged(
    fixture_data: Path, fixture_graph_dir: Path, tmp_path: Path
) -> None:
    assert inputs_unchanged(fixture_data, fixture_graph_dir)
    data = tmp_path / "data"
    shutil.copytree(fixture_data, data)
    assert inputs_unchanged(data, fixture_graph_dir)
    with open(data / "hsdn" / "symptoms-DO.tsv", "a", encoding="utf-8") as fh:
        fh.write("Fever\tGout\t1\t1.0\tD006073\tD005334\tDOID:13189\tgout\n")
    assert not inputs_unchanged(data, fixture_graph_dir)


def test_the_code_of_the_name_keys_is_an_input_too(fixture_data: Path, monkeypatch) -> None:
    # a change to how names are keyed leaves the stored keys stale (queries are keyed the new
    # way): it rebuilds the graph, as a change to a source reader does
    from kgqa.graph.build import builder

    before, _ = builder._input_checksums(fixture_data)
    read = Path.read_bytes
    for changed in ("names.py", "vocabulary.py", "format.py", "builder.py"):
        monkeypatch.setattr(
            Path,
            "read_bytes",
            lambda self, c=changed: read(self) + (b"#" if self.name == c else b""),
        )
        after, _ = builder._input_checksums(fixture_data)
        assert after["kgqa/graph/build"] != before["kgqa/graph/build"], changed
        monkeypatch.setattr(Path, "read_bytes", read)
    assert builder._input_checksums(fixture_data)[0] == before


def test_missing_source_file_is_a_clear_data_error(fixture_data: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(fixture_data, data)
    (data / "pharmacotherapydb" / "indications.tsv").unlink()
    with pytest.raises(DataError, match=r"indications\.tsv"):
        build_graph(data, tmp_path / "graph")
    assert not (tmp_path / "graph").exists()


def test_malformed_source_file_names_the_missing_columns(
    fixture_data: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(fixture_data, data)
    (data / "hsdn" / "symptoms-DO.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(DataError, match="lacks columns"):
        build_graph(data, tmp_path / "graph")


def test_a_mesh_id_shared_by_a_do_class_and_its_subclasses_goes_to_the_general_one():
    from kgqa.graph.build.doid import resolve_mesh_xrefs

    parents = {"DOID:2": ["DOID:1"], "DOID:3": ["DOID:2"], "DOID:9": ["DOID:8"]}
    pairs = [
        ("DOID:1", "MESH:D1"), ("DOID:2", "MESH:D1"), ("DOID:3", "MESH:D1"),  # one branch
        ("DOID:9", "MESH:D2"), ("DOID:7", "MESH:D2"),  # unrelated classes: left alone
        ("DOID:1", "MESH:C5"),  # a supplementary concept beside the descriptor: merged
        ("DOID:4", "MESH:D3"), ("DOID:4", "MESH:D4"), ("DOID:5", "MESH:D4"),
    ]  # fmt: skip
    merge, leave = resolve_mesh_xrefs(pairs, parents)
    assert ("DOID:1", "MESH:D1") in merge and ("DOID:1", "MESH:C5") in merge
    assert not any(x == "MESH:D2" for _, x in merge)
    # DOID:4 lists two descriptors: neither is merged
    assert not any(d == "DOID:4" for d, _ in merge)
    assert set(merge) | set(leave) == set(pairs) and not set(merge) & set(leave)


def test_the_build_id_is_a_digest_of_what_was_built(fixture_data: Path, tmp_path: Path) -> None:
    """The same inputs give the same graph and so the same id (the indexes made from it stay
    current across a rebuild); leaving a source out gives another."""
    ids = []
    for name, excluded in (("a", ()), ("b", ()), ("c", ("NC",))):
        build_graph(fixture_data, tmp_path / name, excluded)
        kg = KnowledgeGraph.load(tmp_path / name)
        ids.append(kg.build_id)
        kg.close()
    assert ids[0] == ids[1] != ids[2]


def _axioms(tmp_path: Path, rows: str):
    """What DO's anonymous-superclass reader makes of ``rows`` (ID, label, axioms)."""
    from kgqa.graph.build.common import Contribution
    from kgqa.graph.build.doid import _read_axioms

    path = tmp_path / "axioms.tsv"
    path.write_text("ID\tLabel\tSubClass Of [ANON]\n" + rows, encoding="utf-8")
    out = Contribution("doid")
    _read_axioms(path, out)
    return out


def test_a_taxon_rank_is_no_part_of_a_cause_name(tmp_path: Path) -> None:
    # DO writes NCBI Taxonomy's "Plasmodium <genus>"; users write "Plasmodium"
    out = _axioms(
        tmp_path,
        "DOID:12365\tmalaria\t'has material basis in' some 'Plasmodium <genus>'|"
        "'transmitted by' some 'Anopheles gambiae'\n",
    )
    assert [(e.relation, e.object) for e in out.edges] == [
        ("causedBy", "name:Cause:Plasmodium"), ("transmittedBy", "name:Cause:Anopheles gambiae"),
    ]  # fmt: skip


def test_a_cell_a_disease_arises_in_is_where_it_is_not_its_cause(tmp_path: Path) -> None:
    # "What causes sickle cell anemia?" began with *erythrocyte*: DO's "has material basis in"
    # names the cell type as well as the organism or the inheritance
    out = _axioms(
        tmp_path,
        "DOID:10923\tsickle cell anemia\t'has material basis in' some erythrocyte|"
        "'has material basis in' some 'autosomal recessive inheritance'\n"
        "DOID:0060058\tlymphoma\t'has material basis in' some 'lymphocyte of B lineage'\n"
        "DOID:1508\tcandidiasis\t'has material basis in' some Candida\n",
    )
    assert [(e.subject, e.relation, e.object) for e in out.edges] == [
        ("DOID:10923", "locatedIn", "name:Anatomy:erythrocyte"),
        ("DOID:10923", "hasInheritance", "name:Inheritance:autosomal recessive inheritance"),
        ("DOID:0060058", "locatedIn", "name:Anatomy:lymphocyte of B lineage"),
        ("DOID:1508", "causedBy", "name:Cause:Candida"),
    ]


def test_a_restriction_of_a_union_says_how_many_it_is_one_of(tmp_path: Path) -> None:
    # influenza is caused by one of three viruses: which one a kind of it has, the union does
    # not say (the claims read an edge of a supertype only when it is no such alternative)
    out = _axioms(
        tmp_path,
        "DOID:8469\tinfluenza\t('has material basis in' some 'Alphainfluenzavirus') or "
        "('has material basis in' some 'Betainfluenzavirus')\n"
        "DOID:399\ttuberculosis\t'has material basis in' some 'Mycobacterium tuberculosis'\n",
    )
    assert [(e.subject, e.object, e.attrs) for e in out.edges] == [
        ("DOID:8469", "name:Cause:Alphainfluenzavirus", (("alternatives", 2),)),
        ("DOID:8469", "name:Cause:Betainfluenzavirus", (("alternatives", 2),)),
        ("DOID:399", "name:Cause:Mycobacterium tuberculosis", ()),
    ]


def test_an_organism_of_the_lexicon_shows_its_first_name(tmp_path: Path, monkeypatch) -> None:
    # "Simplexvirus humanalpha1" is the name DO gives; people know "herpes simplex virus 1"
    from kgqa.graph.build import lexicon

    (tmp_path / "lexicon_zh.tsv").write_text("zh\tid\tkind\ten\n", encoding="utf-8")
    (tmp_path / "lexicon_en.tsv").write_text(
        "name\tid\tkind\tnote\n"
        "herpes simplex virus 1\tKGQA:Cause_Simplexvirus_humanalpha1\torganism\tSimplexvirus\n"
        "HSV-1\tKGQA:Cause_Simplexvirus_humanalpha1\torganism\tSimplexvirus\n"
        "Lipitor\tDRUGBANK:DB01076\tdrug\tAtorvastatin\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(lexicon, "graph_data_dir", lambda: tmp_path)
    views = {c.curie: c for c in lexicon.read(tmp_path).concepts}
    virus = views["KGQA:Cause_Simplexvirus_humanalpha1"]
    assert (virus.label, virus.synonyms) == ("herpes simplex virus 1", ("HSV-1",))
    assert views["DRUGBANK:DB01076"].label is None  # a brand name is only a name


def test_a_gene_without_a_symbol_is_named_by_its_id(tmp_path: Path) -> None:
    # HPO gives the beta-globin locus control region the symbol "-": an answer read "-"
    from kgqa.graph.build.common import Contribution
    from kgqa.graph.build.hpo import _read_genes

    path = tmp_path / "genes_to_phenotype.txt"
    path.write_text(
        "ncbi_gene_id\tgene_symbol\thpo_id\thpo_name\tfrequency\tdisease_id\n"
        "109580095\t-\tHP:0004840\tHypochromic microcytic anemia\t-\tOMIM:613985\n"
        "3043\tHBB\tHP:0004840\tHypochromic microcytic anemia\t-\tOMIM:613985\n",
        encoding="utf-8",
    )
    out = Contribution("hpo")
    _read_genes(path, out)
    assert sorted((c.curie, c.label) for c in out.concepts) == [
        ("NCBIGene:109580095", "NCBIGene:109580095"), ("NCBIGene:3043", "HBB"),
    ]  # fmt: skip


def test_an_id_and_a_name_that_agree_outrank_a_coarser_id():
    """DrugCentral files "Hereditary Angioedema" (C0019243) under angioedema's DOID: the CUI
    and the label's words naming one disease win; when they name two, the DOID stands."""
    from kgqa.graph.build.builder import _Resolver
    from kgqa.graph.build.common import Concept, Reference, agree_ref, find_ref
    from kgqa.graph.build.identity import Identities

    concepts = {
        "DOID:1558": [Concept("doid", "DOID:1558", "Disease", "angioedema")],
        "DOID:14735": [
            Concept(
                "doid",
                "DOID:14735",
                "Disease",
                "hereditary angioedema",
                alias_ids=("UMLS:C0019243",),
            )
        ],
        "DOID:11335": [
            Concept("doid", "DOID:11335", "Disease", "sarcoidosis", alias_ids=("UMLS:C0036202",))
        ],
    }
    ids = Identities()
    for curie, views in concepts.items():
        ids.add(curie, views[0].cls)

    def ref(cui: str, text: str) -> Reference:
        agree = agree_ref(f"UMLS:{cui}", find_ref("Disease", text))
        return Reference((agree, "DOID:1558", f"UMLS:{cui}"))

    refs = {
        ("drugcentral", "hae"): ref("C0019243", "Hereditary Angioedema"),
        # the name and the CUI disagree (the CUI is sarcoidosis'): the row's DOID stands
        ("drugcentral", "mixed"): ref("C0036202", "Hereditary Angioedema"),
        ("drugcentral", "plain"): ref("C0002994", "Angioedema"),  # a CUI of no node
    }
    r = _Resolver(concepts, ids, refs)
    assert r.node("ref:drugcentral:hae", "drugcentral") == "DOID:14735"
    assert r.node("ref:drugcentral:mixed", "drugcentral") == "DOID:1558"
    assert r.node("ref:drugcentral:plain", "drugcentral") == "DOID:1558"
