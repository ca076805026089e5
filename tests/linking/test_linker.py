import re
from pathlib import Path

import pytest

from kgqa.errors import InputError
from kgqa.linking import EntityLinker, define_abbreviations
from kgqa.linking.abbreviations import propagate_mentions
from kgqa.linking.candidates import NIL_THRESHOLD, CandidateGenerator
from kgqa.linking.consistency import REPEAT_MIN_SCORE, document_mentions, repeat_mentions
from kgqa.records import Candidate


@pytest.fixture(scope="module")
def dict_linker(fixture_home: Path):
    return EntityLinker.load(fixture_home, mode="dictionary")


def top(m):
    return m.node.curie if m.node else None


def test_exact_and_normalised_names(dict_linker):
    gen = CandidateGenerator(dict_linker.kg, dict_linker.generator.dense)  # names only
    (c,) = gen.rank("gout", "DISEASE")[:1]
    assert c.node.curie == "DOID:13189" and c.match == "exact" and c.score > 0.99
    c = gen.rank("Marfan's syndromes", "DISEASE")[0]
    assert c.node.curie == "DOID:14323" and c.match == "normalized"


def test_fuzzy_match_for_a_misspelling(dict_linker):
    c = dict_linker.generator.rank("marfan syndrom", "DISEASE")[0]
    assert c.node.curie == "DOID:14323"
    assert c.match in ("fuzzy", "dense")
    assert c.score < 0.95  # never as sure as an exact name


def test_a_misspelt_drug_is_its_letters_drug_or_none(dict_linker):
    # the dense search found cefalexin pivoxil for "ciprofaxin": a drug name is letters
    gen = dict_linker.generator
    metformin = dict_linker.kg.node("DRUGBANK:DB00331")
    (c,) = gen.respelt_drug("metforminn", ())
    assert c.node == metformin and c.match == "fuzzy" and c.score < 0.95
    guess = (Candidate(metformin, 0.6, "dense", "metformin"),)
    # another drug's stem: not metformin, however near its meaning
    assert gen.respelt_drug("metoprolol", guess) == ()
    # a name spelt alike keeps the dense candidate; a short name is left as found
    assert gen.respelt_drug("metformn", guess)[0].node == metformin
    assert gen.respelt_drug("metf", guess) == guess


def test_a_drug_one_slip_from_a_word_anywhere_after_its_first_letter_is_meant(dict_linker):
    gen = dict_linker.generator
    metformin = dict_linker.kg.node("DRUGBANK:DB00331")
    # a slip inside the first letters, where the stem match cannot see it
    for word in ("mtformin", "mefformin", "metfromin"):
        got = gen.misspelt_drug(word)
        assert {c.node for c in got} == {metformin} and all(c.score < 0.95 for c in got), word
    assert (
        gen.respelt_drug("mtformin", ()) and gen.respelt_drug("mtformin", ())[0].node == metformin
    )
    # two slips, another first letter, or a short word: none
    assert gen.misspelt_drug("mtfromin") == ()
    assert gen.misspelt_drug("netformin") == ()
    assert gen.misspelt_drug("metfo") == ()


def test_type_decides_between_same_named_nodes(dict_linker):
    gen = dict_linker.generator
    as_drug = gen.rank("metformin", "CHEMICAL")[0]
    assert as_drug.node.cls == "Chemical"
    wrong = gen.rank("metformin", "GENE")[0]
    assert wrong.score < as_drug.score


def test_a_chemical_mention_may_name_a_drug_class(dict_linker):
    # "xanthine oxidase inhibitors": a class, named as chemicals are; read, not left NIL
    best = dict_linker.generator.rank("xanthine oxidase inhibitors", "CHEMICAL")[0]
    assert best.node.cls == "DrugClass" and best.score >= NIL_THRESHOLD
    # a drug of the same name still wins over a class
    assert dict_linker.generator.rank("metformin", "CHEMICAL")[0].node.cls == "Chemical"


def test_unknown_entity_is_nil(dict_linker):
    mentions = dict_linker.link_spans(["zorblax quuxitis"], [[(0, 16, "DISEASE", 1.0)]])[0]
    assert mentions[0].node is None or mentions[0].candidates[0].score < NIL_THRESHOLD


def test_abbreviation_defined_in_text():
    text = "Marfan syndrome (MFS) is rare; MFS affects FBN1."
    assert define_abbreviations(text) == {"MFS": (0, 15)}
    assert define_abbreviations("a value (p < 0.05)") == {}


def test_abbreviation_with_initials_in_another_order():
    text = "Patients with myotonic dystrophy (DM) and their DM relatives"
    s, e = define_abbreviations(text)["DM"]
    assert text[s:e] == "myotonic dystrophy"


def test_short_forms_follow_their_long_form_through_the_text():
    text = "Marfan syndrome (MFS) is rare. MFS affects the aorta. Fibrillin (FBN) binds; FBN is"
    row = [(0, 15, "DISEASE", 0.9), (text.rindex("FBN"), text.rindex("FBN") + 3, "GENE", 0.5)]
    spans = propagate_mentions(text, row)
    assert [text[s:e] for s, e, *_ in spans] == ["Marfan syndrome", "MFS", "MFS"]
    assert {k for *_, k, _ in spans} == {"DISEASE"}
    # a short form the tagger typed on its own takes the type of its long form's head
    text = "ribavirin-induced hemolytic anemia (RIHA). RIHA was mild."
    at = text.rindex("RIHA")
    row = [(0, 9, "CHEMICAL", 0.9), (18, 34, "DISEASE", 0.9), (at, at + 4, "CHEMICAL", 0.6)]
    assert propagate_mentions(text, row)[-2:] == [
        (36, 40, "DISEASE", 0.9),
        (at, at + 4, "DISEASE", 0.9),
    ]
    assert propagate_mentions("no short forms here", [(0, 2, "DISEASE", 1.0)]) == [
        (0, 2, "DISEASE", 1.0)
    ]


def test_a_sure_name_is_a_mention_wherever_it_recurs():
    text = "Iron overload harms the SN. Serum iron rose; iron chelation and Iron helped."
    first = text.index("iron")
    sure = [(first, first + 4, "CHEMICAL", REPEAT_MIN_SCORE)]
    spans = repeat_mentions(text, sure)
    # every lower-case whole-word "iron"; "Iron" (other case) is not this surface
    assert [(s, text[s:e], k) for s, e, k, _ in spans] == [
        (first, "iron", "CHEMICAL"),
        (text.index("iron chelation"), "iron", "CHEMICAL"),
    ]
    # an unsure span does not spread, and a covered recurrence keeps its own span
    assert repeat_mentions(text, [(first, first + 4, "CHEMICAL", 0.9)]) == [
        (first, first + 4, "CHEMICAL", 0.9)
    ]
    chelation = text.index("iron chelation")
    covering = (chelation, chelation + 14, "CHEMICAL", 0.99)
    assert repeat_mentions(text, [*sure, covering]) == [*sure, covering]
    # the recurrence takes the type most of the sure spans carry
    text = "gout and gout; then gout."
    row = [(0, 4, "DISEASE", 0.99), (9, 13, "DISEASE", 0.99)]
    assert repeat_mentions(text, [*row, (20, 24, "PHENOTYPE", 0.5)])[-1][2] == "PHENOTYPE"
    assert repeat_mentions(text, row)[-1] == (20, 24, "DISEASE", 0.99)


def test_document_mentions_carry_short_forms_then_repeat_names():
    text = "Marfan syndrome (MFS) is rare. In Marfan syndrome, MFS affects the aorta."
    spans = document_mentions(text, [(0, 15, "DISEASE", 0.99)])
    assert [text[s:e] for s, e, *_ in spans] == ["Marfan syndrome", "MFS", "Marfan syndrome", "MFS"]


def test_abbreviation_links_through_its_long_form(dict_linker):
    text = "Marfan syndrome (MFS) is rare; MFS affects the aorta."
    s = text.rindex("MFS")
    (m,) = dict_linker.link_spans([text], [[(s, s + 3, "DISEASE", 1.0)]])[0]
    assert m.node.curie == "DOID:14323" and m.candidates[0].match == "abbreviation"


def test_dictionary_linking_with_negation(dict_linker):
    ms = dict_linker.link("Gout with fever, no headache")
    assert [(m.text, top(m), m.negated) for m in ms] == [
        ("Gout", "DOID:13189", False),
        ("fever", "HP:0001945", False),
        ("headache", "HP:0002315", True),
    ]


def test_gene_symbols_only_in_their_case(dict_linker):
    assert [m.type for m in dict_linker.link("FBN1 and Marfan syndrome")] == ["GENE", "DISEASE"]
    assert all(m.type != "GENE" for m in dict_linker.link("fbn1 and marfan syndrome"))


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x02", "¿Qué medicamentos tratan?"])
def test_odd_input_gives_an_honest_empty_answer(dict_linker, linker, text):
    assert dict_linker.link(text) == []
    # the tagger may see a span in foreign text, but nothing links: NIL, never a guess
    assert all(m.node is None for m in linker.link(text))


def test_huge_or_non_text_input_is_rejected(linker):
    with pytest.raises(InputError):
        linker.link("gout " * 10_000)
    with pytest.raises(InputError):
        linker.link(None)  # type: ignore[arg-type]


def test_control_characters_do_not_shift_offsets(linker):
    text = "gout\x07 and fever"
    for m in linker.link(text):
        assert text[m.start : m.end] == m.text


def test_typographic_quotes_and_dashes_read_as_the_ascii_names_are_spelt_with(linker):
    from kgqa.graph.names import normalize_name

    # a phone's apostrophe, a word processor's dashes: the same mention, at the same offsets
    for text in ("Does Marfan’s syndrome cause tall stature?",
                 "Does Marfan\u2010syndrome \u2014 or gout \u2013 cause fever?"):  # fmt: skip
        ascii_text = text.replace("’", "'").replace("\u2010", "-").replace("\u2013", "-")
        got = [(m.start, m.end, top(m)) for m in linker.link(text)]
        assert got and got == [(m.start, m.end, top(m)) for m in
                               linker.link(ascii_text.replace("\u2014", " "))]  # fmt: skip
        for m in linker.link(text):
            assert text[m.start : m.end] == m.text
    # a name spelt with an en dash is keyed as one with a hyphen ("receptor–associated" had been
    # "receptorassociated")
    assert normalize_name("TNF receptor\u2013associated periodic syndrome") == normalize_name(
        "TNF receptor-associated periodic syndrome"
    )


def test_a_de_identification_mark_is_no_mention(linker):
    # messages reach us with what named a person, a place or an id taken out and marked; the
    # tagger had read "[ID]" as a gene, and kgqa answered "not in the graph: ID"
    text = "I am in a science class called [ID] and my teacher [NAME] in [LOCATION] has gout."
    got = linker.link(text)
    assert [text[m.start : m.end] for m in got] == ["gout"]
    assert linker.link("[ID]") == [] and linker.link("[NAME] [AGE]") == []
    # brackets around a name in lower or mixed case are no mark
    assert next(top(m) for m in linker.link("Does [gout] cause fever?")) is not None


def test_ner_linking_of_a_question(linker):
    ms = linker.link("Which drugs treat gout?")
    assert [(m.text.lower(), m.type, top(m)) for m in ms] == [("gout", "DISEASE", "DOID:13189")]


def test_ner_linking_of_findings_with_negation(linker):
    ms = linker.link("Patient with fever and headache, denies joint pain")
    got = {m.text.lower(): (m.type, m.negated) for m in ms}
    assert got["fever"] == ("PHENOTYPE", False)
    assert got["headache"] == ("PHENOTYPE", False)
    assert got.get("joint pain", ("PHENOTYPE", True))[1] is True


def test_ner_linking_of_a_claim_with_drug_and_disease(linker):
    ms = linker.link("Metformin treats type 2 diabetes mellitus")
    assert [m.type for m in ms] == ["CHEMICAL", "DISEASE"]
    assert top(ms[1]) == "DOID:9352"


def test_link_many_matches_link(linker):
    texts = ["Which drugs treat gout?", "", "Metformin treats type 2 diabetes mellitus"]
    assert linker.link_many(texts) == [linker.link(t) for t in texts]


def test_candidates_without_dense_index(kg):
    gen = CandidateGenerator(kg, dense=None)
    assert gen.rank("gout", "DISEASE")[0].node.curie == "DOID:13189"
    assert gen.dense_hits(__import__("numpy").zeros((2, 384), dtype="float32")) == [[], []]


def test_a_name_one_word_short_reaches_the_longer_name(dict_linker):
    c = dict_linker.generator.rank("type 2 diabetes", "DISEASE")[0]
    assert c.node.curie == "DOID:9352" and c.score < 0.95


def test_coordinated_findings_are_split_and_all_negated(linker):
    ms = linker.link("Patient denies fever or headache")
    assert [(m.text, m.negated) for m in ms] == [("fever", True), ("headache", True)]


def test_a_gene_symbol_keeps_its_node_whatever_the_tagger_says(linker):
    (m,) = [m for m in linker.link("Is FBN1 involved?") if m.text == "FBN1"]
    assert m.node.curie == "NCBIGene:2200" and m.type == "GENE"


def test_a_heading_like_span_gives_way_to_the_names_inside(linker):
    ms = linker.link("What is (are) Gout - resources ?")
    assert [top(m) for m in ms if m.node] == ["DOID:13189"]


def test_loading_the_models_leaves_autograd_alone(linker):
    import torch

    linker.link("gout")
    assert torch.is_grad_enabled()


def test_precision_setting(monkeypatch):
    import torch

    from kgqa.encoder import inference_dtype

    monkeypatch.setenv("KGQA_PRECISION", "fp32")
    assert inference_dtype() == torch.float32
    monkeypatch.setenv("KGQA_PRECISION", "bf16")
    assert inference_dtype() == torch.bfloat16
    monkeypatch.setenv("KGQA_PRECISION", "fp64")
    with pytest.raises(InputError, match="KGQA_PRECISION"):
        inference_dtype()


def test_bf16_tagging_agrees_with_fp32(monkeypatch):
    from kgqa.linking.ner import NerTagger

    text = ["Patients with gout received allopurinol; no fever, denies chest pain."]
    spans = {}
    for p in ("fp32", "bf16"):
        monkeypatch.setenv("KGQA_PRECISION", p)
        spans[p] = [(s.start, s.end, s.type) for s in NerTagger.load().tag(text)[0]]
    assert spans["fp32"] and spans["fp32"] == spans["bf16"]


def test_the_linked_node_settles_disease_versus_phenotype(dict_linker):
    # the tagger may call a disease name a phenotype; a confident disease node decides
    text = "history of marfan syndrome"  # lower case: not the exact-case rule
    s = text.index("marfan")
    (m,) = dict_linker.link_spans([text], [[(s, len(text), "PHENOTYPE", 0.6)]])[0]
    assert m.node.curie == "DOID:14323" and m.type == "DISEASE"


def test_a_topic_phrase_gives_way_to_the_names_inside_but_an_ellipsis_stays_whole(dict_linker):
    text = "Living with gout and arthritis"
    narrowed = dict_linker._narrow_long_spans(text, [(0, 30, "DISEASE", 0.9)])
    assert [text[s:e] for s, e, *_ in narrowed] == ["gout", "arthritis"]
    # "familial Mediterranean" shares the head of "rheumatic fever": a named disease
    text = "What is familial Mediterranean and rheumatic fever?"
    row = [(8, 50, "DISEASE", 0.9)]
    assert text[8:50] == "familial Mediterranean and rheumatic fever"
    assert dict_linker._narrow_long_spans(text, row) == row


def test_a_dictionary_match_never_ends_on_a_function_word(dict_linker):
    text = "Gout of the big toe"
    spans = [text[s:e] for s, e, *_ in dict_linker.dictionary_spans(text)]
    assert spans == ["Gout"]


def test_a_name_corrects_the_tagger_between_chemical_and_disorder(dict_linker):
    text = "Does metformin cause gout? See CP. Not fbn1."
    row = [(5, 14, "DISEASE", 0.99), (21, 25, "CHEMICAL", 0.9), (31, 33, "DISEASE", 0.9)]
    row.append((39, 43, "DISEASE", 0.9))
    assert [text[s:e] for s, e, *_ in row] == ["metformin", "gout", "CP", "fbn1"]
    kinds = [k for *_, k, _ in dict_linker._retype_by_name(text, row)]
    # a short form and a gene name keep the tagger's type: only context tells what they are
    assert kinds == ["CHEMICAL", "DISEASE", "DISEASE", "DISEASE"]


def test_a_drug_asked_about_as_a_cause_is_a_chemical(linker):
    # questions worded "Does <disease> cause ...?" taught the tagger to call the subject a disease
    (m, *_) = linker.link("Does metformin cause lactic acidosis?")
    assert (m.text, m.type, m.node.cls if m.node else None) == ("metformin", "CHEMICAL", "Chemical")


def test_a_disorder_span_grows_to_the_right_into_a_graph_name(dict_linker):
    text = "A history of Marfan syndrome; Marfan, syndrome and Marfan syndrome again."
    first, second, third = (i for i in range(len(text)) if text.startswith("Marfan", i))
    row = [(first, first + 6, "DISEASE", 0.9), (second, second + 6, "PHENOTYPE", 0.9)]
    row.append((third, third + 6, "CHEMICAL", 0.9))
    grown = dict_linker._extend_to_names(text, row)
    # the first grows; not across a comma; a chemical span keeps its words
    assert [text[s:e] for s, e, *_ in grown] == ["Marfan syndrome", "Marfan", "Marfan"]
    # nor into another span
    text = "Familial Mediterranean fever"
    row = [(0, 22, "DISEASE", 0.9), (23, 28, "PHENOTYPE", 0.9)]
    assert dict_linker._extend_to_names(text, row) == row
    assert dict_linker._extend_to_names(text, row[:1]) == [(0, 28, "DISEASE", 0.9)]


def test_an_unsure_graph_name_stays_in_a_short_sentence_of_a_long_text(linker, monkeypatch):
    from kgqa.linking.spans import Span

    long = "Gout was " + " ".join(["rarely"] * 20) + " seen with gout."
    text = "Gout. " + long
    at = [0, 6, text.rindex("gout")]
    unsure = [[Span(a, a + 4, "DISEASE", 0.5) for a in at]]
    monkeypatch.setattr(linker.tagger, "tag", lambda texts, **kw: unsure)
    # the title-like first sentence keeps its unsure name; the long sentence drops both
    assert [s for s, *_ in linker.spans([text])[0]] == [0]


def test_a_text_of_several_sentences_is_read_whole_and_by_sentence(linker):
    from kgqa.text import sentence_bounds

    tagger = linker.tagger
    text = "Gout is painful. Colchicine helps."
    bounds = sentence_bounds(text)
    assert [text[a:b] for a, b in bounds] == ["Gout is painful.", "Colchicine helps."]
    (mean,) = tagger.distributions([text])
    whole, *alone = tagger.read([text] + [text[a:b] for a, b in bounds])
    assert set(mean) == set(whole)
    apart = 0.0
    for (a, _), part in zip(bounds, alone, strict=True):
        for (x, y), d in part.items():
            w = whole[(a + x, a + y)]
            apart = max(apart, *(abs(u - v) for u, v in zip(w, d, strict=True)))
            expected = [(u + v) / 2 for u, v in zip(w, d, strict=True)]
            assert mean[(a + x, a + y)] == pytest.approx(expected, abs=0.01)
    assert apart > 0.1  # the readings differ here ("Gout" read alone or before "Colchicine")
    # a single sentence is read once
    (one,) = tagger.distributions([text[bounds[1][0] :]])
    assert one.keys() == alone[1].keys()
    assert all(one[k] == pytest.approx(alone[1][k], abs=0.01) for k in one)


def test_fuzzy_matching_compares_only_names_of_a_near_length_and_loses_none(dict_linker):
    from rapidfuzz import fuzz

    from kgqa.graph.names import normalize_name
    from kgqa.linking.candidates import FUZZY_CUTOFF

    gen = dict_linker.generator
    gen._load_fuzzy()
    for text, kind in [("Marfan syndrom", "DISEASE"), ("familial mediteranean fever", "DISEASE"),
                       ("alopurinol", "CHEMICAL"), ("metformine", "CHEMICAL")]:  # fmt: skip
        key = normalize_name(text)
        keys, order = gen._fuzzy_keys[kind], gen._fuzzy_order[kind]
        assert [len(k) for k in keys] == sorted(len(k) for k in keys)
        every = [(-fuzz.ratio(key, k), order[i], k) for i, k in enumerate(keys)]
        best = sorted(x for x in every if -x[0] >= FUZZY_CUTOFF)[:5]
        expected = [(k, round(-0.9 * r / 100, 4)) for r, _, k in best]
        # one row per node of a name: the names in order
        found = [(name, round(score, 4)) for _, score, _, name in gen._fuzzy(text, kind)]
        assert list(dict.fromkeys(found)) == expected
        assert kind != "DISEASE" or found  # each disease misspelling finds its name


def test_a_word_taken_for_a_gene_that_names_a_disorder_or_drug_takes_its_type(dict_linker):
    text = "History: gout, on metformin; fbn1 and FBN1 checked."
    words = ["gout", "metformin", "fbn1", "FBN1"]
    row = [(text.index(w), text.index(w) + len(w), "GENE", 0.9) for w in words]
    kinds = [k for *_, k, _ in dict_linker._retype_by_name(text, row)]
    # a gene name, in any case, stays a gene
    assert kinds == ["DISEASE", "CHEMICAL", "GENE", "GENE"]


@pytest.mark.parametrize("mode", ["dictionary", "ner"])
def test_chinese_names_are_found_by_longest_match(dict_linker, linker, mode):
    chosen = dict_linker if mode == "dictionary" else linker
    # 痛风: the curated lexicon (a disease, though HPO's phenotype Gout is also 痛风);
    # 马凡综合征: the rare-disease names; 癫痫发作: HPO's official translation
    ms = chosen.link("马凡综合征和痛风的患者有癫痫发作吗")
    assert [(m.text, m.type, top(m)) for m in ms] == [
        ("马凡综合征", "DISEASE", "DOID:14323"),
        ("痛风", "DISEASE", "DOID:13189"),
        ("癫痫发作", "PHENOTYPE", "HP:0001250"),
    ]
    assert all(m.text == "马凡综合征和痛风的患者有癫痫发作吗"[m.start : m.end] for m in ms)
    # mixed text keeps the tagger's English spans
    mixed = [(m.text.lower(), top(m)) for m in chosen.link("Which drugs treat 痛风 and gout?")]
    assert ("痛风", "DOID:13189") in mixed and ("gout", "DOID:13189") in mixed


def test_the_curated_lay_names_are_found_where_the_tagger_leaves_them(linker):
    def spans(text):
        return [(text[s.start : s.end], s.type) for s in linker.spans([text])[0]]

    # the tagger, trained on abstracts, does not tag these; the lexicon names them
    assert ("nosebleeds", "PHENOTYPE") in spans("Are nosebleeds a side effect of metformin?")
    assert ("low sodium", "PHENOTYPE") in spans("vomiting, low sodium and lethargy")
    # a drug class, tagged or not, is a chemical in a question; not in an abstract's sentence
    assert ("beta blockers", "CHEMICAL") in spans("Do beta blockers cause fatigue?")
    long = ("We studied 40 patients on long-term therapy in three centres over two years, "
            "and antibiotics were given to half of them at random.")  # fmt: skip
    assert "antibiotics" not in {t for t, _ in spans(long)}
    # a short form in capitals is a name only in capitals
    assert ("POTS", "DISEASE") in spans("My daughter was told she has POTS.")
    assert not [t for t, _ in spans("He pots plants in the garden.") if t.lower() == "pots"]
    # a name that is an ordinary word too is one only as a noun
    assert ("cold", "DISEASE") in spans("What can I take for a cold?")
    assert ("cold", "DISEASE") in spans("I caught a bad cold last week.")
    for plain in ("My hands are always cold.", "Put a cold compress on it.", "cold weather"):
        assert "cold" not in {t.lower() for t, _ in spans(plain)}, plain


def test_a_lay_name_takes_the_place_of_tagged_pieces_that_run_out_of_it(linker):
    from kgqa.linking.spans import Span

    text = "I have pins and needles in my hands."
    name = re.search(r"pins and needles", text)
    a, b = text.index("needles in my hands"), text.index("needles in my hands") + 19
    # a piece that begins inside the name and names nothing yields
    assert linker._runs_out_unnamed(text, _named(name), [Span(a, b, "PHENOTYPE", 0.99)])
    # one that begins before the name, or with it, stands, as does a lone word's name
    early = Span(text.index("have"), b, "PHENOTYPE", 0.99)
    assert not linker._runs_out_unnamed(text, _named(name), [early])
    longer = Span(name.start(), b, "PHENOTYPE", 0.99)
    assert not linker._runs_out_unnamed(text, _named(name), [longer])
    word = re.search(r"pins", text)
    assert not linker._runs_out_unnamed(text, _named(word), [Span(7, 15, "PHENOTYPE", 0.9)])


def _named(m: re.Match[str]) -> re.Match[str]:
    """The lexicon pattern's match of the same stretch (its group is ``name``)."""
    return re.compile(rf"(?P<name>{re.escape(m.group(0))})").search(m.string, m.start())


def test_no_before_a_mention_is_the_lack_its_node_names():
    from kgqa.linking.linker import _lack_said_by_no
    from kgqa.records import Candidate, Node

    poor = (Candidate(Node("urn:pa", "HP:0004396", "Poor appetite", "Phenotype"), 0.8, "dense",
                      "poor appetite"),)  # fmt: skip
    fever = (Candidate(Node("urn:f", "HP:0001945", "Fever", "Phenotype"), 1.0, "exact", "fever"),)
    text = "I have no appetite"
    assert _lack_said_by_no(text, text.index("appetite"), "appetite", poor)
    # a finding named plainly is negated by "no"; so is a lack said in words
    assert not _lack_said_by_no("I have no fever", 10, "fever", fever)
    text = "no loss of appetite"
    assert not _lack_said_by_no(text, 3, "loss of appetite", poor)
    # nor is a "no" further back the lack
    text = "no, my appetite is fine"
    assert not _lack_said_by_no(text, text.index("appetite"), "appetite", poor)


def test_a_name_only_a_side_effect_term_holds_still_looks_for_disease_names(linker, kg):
    # SIDER's unmapped terms are nodes no question is about: their names alone must not stop
    # the search for the disease and phenotype names near them
    held_by = {m.node.cls for m in kg.find("Lactic acidosis")}
    assert held_by == {"SideEffect"}
    assert linker.generator.needs_dense("Lactic acidosis")
    assert not linker.generator.needs_dense("gout")


def test_a_span_inside_a_longer_disease_name_widens_to_it_only_with_words_on_both_sides(linker):
    text = "My father had familial Mediterranean fever as a child."
    s = text.index("Mediterranean")
    widened = linker._inside_a_disease_name(text, s, s + len("Mediterranean"), [])
    assert text[slice(*widened)] == "familial Mediterranean fever"
    # a left modifier alone is no reason ("complete heart block" against a corpus's
    # "heart block"): "Mediterranean fever" is left as it is
    s = text.index("Mediterranean fever")
    same = linker._inside_a_disease_name(text, s, s + len("Mediterranean fever"), [])
    assert same == (s, s + len("Mediterranean fever"))


def test_a_short_text_reads_a_name_whole_where_the_tagger_left_its_modifier_out(linker):
    from kgqa.linking.spans import Span

    text = "Is familial Mediterranean fever associated with MEFV?"
    s = text.index("Mediterranean")
    gene = Span(text.index("MEFV"), text.index("MEFV") + 4, "GENE", 0.99)
    row = [Span(s, s + len("Mediterranean fever"), "DISEASE", 0.98), gene]
    whole = linker._into_longer_names(text, row)
    assert [text[x.start : x.end] for x in whole] == ["familial Mediterranean fever", "MEFV"]
    assert whole[0].type == "DISEASE" and whole[1] == gene
    # a span that runs out of the name keeps it apart
    over = [Span(s, text.index("MEFV") + 4, "DISEASE", 0.9)]
    assert linker._into_longer_names(text, over) == over
    # running text keeps the tagger's spans (a corpus mention often leaves a modifier out)
    long = text + " My aunt had it, and so did her two sons, and their doctors never told us why."
    assert linker._into_longer_names(long, row) == row


def test_a_name_the_tagger_was_unsure_of_in_a_long_sentence_is_kept_when_the_text_holds_it(linker):
    from kgqa.linking.spans import Span

    text = "Her doctors think that it might be familial Mediterranean fever after all these years."
    s = text.index("Mediterranean")
    unsure = Span(s, s + len("Mediterranean"), "DISEASE", 0.5)
    got = linker._named_where_unsure(text, [unsure], [])
    assert [text[x.start : x.end] for x in got] == ["familial Mediterranean fever"]
    # where the tagger saw nothing, the dictionary adds nothing
    assert linker._named_where_unsure(text, [], []) == []


def test_a_long_run_without_spaces_is_not_read_as_a_short_title(linker, monkeypatch):
    # fuzzing found "HP:0001250" repeated 300 times taking seconds: every stretch between two
    # spans was looked up as a possible name, as in a title ("Sleep Apnea, Obstructive")
    from kgqa.linking.linker import SHORT_CHARS, Span

    text = "HP:0001250" * 40
    assert len(text) > SHORT_CHARS and len(text.split()) == 1
    row = [Span(0, 10, "PHENOTYPE", 0.9), Span(10, 20, "PHENOTYPE", 0.9)]
    asked = []
    monkeypatch.setattr(linker.kg, "find", lambda *a, **k: asked.append(a) or [])
    assert linker._join_to_names(text, row) == row and not asked
    # a short title is still joined up
    title = "Sleep Apnea, Obstructive"
    linker._join_to_names(title, [Span(0, 11, "DISEASE", 0.9), Span(13, 24, "DISEASE", 0.9)])
    assert asked


def test_names_that_spell_alike_but_negate_or_number_differently_are_not_the_same():
    from kgqa.linking.candidates import same_sense

    assert same_sense("marfan syndrom", "marfan syndrome")
    assert not same_sense("insulin dependent diabetes", "non insulin dependent diabetes")
    assert not same_sense("insulin dependent diabetes", "noninsulin dependent diabetes")
    assert not same_sense("type 1 diabetes", "type 2 diabetes")
    assert not same_sense("mucopolysaccharidosis vi", "mucopolysaccharidosis vii")
    assert same_sense("diabetes", "type 2 diabetes")  # a subtype is the candidates' business


def test_a_drug_the_question_leaves_out_is_split_off_and_negated(linker):
    # the tagger runs "gout other than allopurinol" together; read whole, allopurinol was lost
    ms = linker.link("What can treat gout other than allopurinol?")
    assert [(top(m), m.negated) for m in ms if m.node] == [
        ("DOID:13189", False),
        ("DRUGBANK:DB00437", True),
    ]
    # the words of the phrase are no mention ("allergic" of "allergic to aspirin")
    ms = linker.link("What treats gout if I am allergic to allopurinol?")
    assert [(m.text, m.negated) for m in ms] == [("gout", False), ("allopurinol", True)]


def test_a_short_form_opening_a_phrase_names_the_kind_of_its_head(dict_linker):
    # "CMT periphical neuropathy" linked neuropathy: CMT, a kind of it, is what was meant
    gen = dict_linker.generator
    assert gen.rank("T2DM brittle diabetes mellitus", "DISEASE")[0].node.curie == "DOID:9352"
    # a short form of something that is no kind of the head says nothing of it
    assert gen.rank("WBS brittle diabetes mellitus", "DISEASE")[0].node.curie == "DOID:9351"


def test_qualifiers_are_dropped_one_at_a_time():
    # "Adult Progressive Spinal Muscular Atrophy" linked spinal muscular atrophy, not the
    # progressive kind named there
    from kgqa.linking.candidates import reduced_forms

    assert reduced_forms("adult progressive spinal muscular atrophy")[:2] == [
        "progressive spinal muscular atrophy", "spinal muscular atrophy",
    ]  # fmt: skip


def test_a_word_tagged_a_gene_grows_into_a_disorder_name(dict_linker):
    # "support for Tetralogy of Fallot in Peru": the tagger gave "Tetralogy" alone, a gene
    text = "support for Marfan syndrome in Peru"
    row = [(12, 18, "GENE", 0.84)]
    assert dict_linker._extend_to_names(text, row) == [(12, 27, "DISEASE", 0.84)]
    # a word that names no disorder with the next ones stays as tagged
    text = "support for Marfan in Peru"
    assert dict_linker._extend_to_names(text, [(12, 18, "GENE", 0.84)]) == [(12, 18, "GENE", 0.84)]


def test_a_lay_word_and_a_virus_type_number_are_tried_as_names_say_them():
    from kgqa.linking.candidates import reduced_forms

    assert "fractured shoulder" in reduced_forms("broken shoulder")
    assert "HIV infection" in reduced_forms("HIV-1 infection")
    assert "hsv infection" in reduced_forms("hsv2 infection")
    assert reduced_forms("shoulder pain") == []


def test_a_finding_said_where_it_is_drops_how_it_is_too():
    from kgqa.linking.candidates import located_names

    assert located_names("painful sores around my genitals") == [
        "genitals painful sores", "genitals sores",
    ]  # fmt: skip
    # a word that is part of what the finding is stays ("night sweats" is no "sweats")
    assert located_names("night pain in my knee") == ["knee night pain"]


def test_a_part_said_to_hurt_bleed_or_itch_is_named_as_its_finding():
    from kgqa.linking.candidates import part_does, reduced_forms

    assert part_does("hands hurt sharply when working") == ["hands pain", "hand pain"]
    assert part_does("my lower back has been aching") == ["back pain"]
    assert part_does("my gums are bleeding") == ["bleeding gums", "bleeding gum"]
    assert part_does("my scalp itches") == ["itchy scalp"]
    assert "knee pain" in reduced_forms("My knee hurts when I walk")
    # someone who hurt a part says no part hurts; a sentence of no part says nothing
    assert part_does("I hurt my knee") == [] and part_does("the patient was treated") == []
    # pain said as what the part is getting or in; a part of irregular plural
    assert part_does("My right shoulder is getting pain") == ["shoulder pain"]
    assert part_does("my back is in so much pain") == ["back pain"]
    assert part_does("my feet hurt") == ["feet pain", "foot pain"]
    assert part_does("I am getting pain") == []


def test_a_part_said_to_do_a_finding_no_name_places_there_is_that_finding_anywhere():
    from kgqa.linking.candidates import part_does_anywhere, singular_site

    assert part_does_anywhere("My ears itch") == "itching"
    # pain and bleeding are left to the encoder, which finds Toothache, Epistaxis
    assert part_does_anywhere("my toes hurt") is None
    assert part_does_anywhere("my gums are bleeding") is None
    assert part_does_anywhere("I hurt my knee") is None
    # a located name's site in the singular, as names say it
    assert singular_site("ears pain") == "ear pain"
    assert singular_site("lower legs pain") == "lower leg pain"
    assert singular_site("hips pain") == "hip pain" and singular_site("pain") == "pain"


def test_a_part_said_to_hurt_with_the_word_first_is_named_as_its_pain():
    from kgqa.linking.candidates import hurting_part, reduced_forms, said_of_part

    assert hurting_part("achy muscles") == ["muscles pain", "muscle pain"]
    assert hurting_part("sore sides") == ["sides pain", "flank pain"]
    assert hurting_part("painful urination") == ["urination pain"]
    assert hurting_part("gout") == [] and hurting_part("very sore") == []
    assert "hip pain" in said_of_part("my hips are painful")
    assert "muscle pain" in reduced_forms("achy muscles")


def test_a_drug_class_counts_in_a_question_asked_without_its_mark_and_in_a_subject_line() -> None:
    # "SUBJECT: allopurinol and diuretics ... How dangerous is it to take a diuretic." linked
    # neither class name: a class counts only in brief questions (abstracts use them as words)
    from kgqa.linking.linker import _brief_questions

    text = ("SUBJECT: allopurinol and diuretics MESSAGE: I am presently taking 200mg "
            "Allopurinol daily for the treatment of Gout, and I have done so for many years "
            "now. My feet swell. How dangerous is it to take a diuretic.")  # fmt: skip
    spans = [text[a:b] for a, b in _brief_questions(text)]
    assert "allopurinol and diuretics" in spans
    assert "How dangerous is it to take a diuretic." in spans
    assert not any("My feet swell" in s for s in spans)
    abstract = (
        "Diuretics were given to 40 patients with heart failure over twelve weeks in "
        "the trial. Serum potassium fell in most of them, and two had arrhythmias."
    )
    assert _brief_questions(abstract) == []
