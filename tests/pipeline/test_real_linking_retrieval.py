"""Slow checks on the real data: quality floors well under the measured figures (README), so a
regression shows without the tests depending on exact numbers."""

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.data]


def test_ner_and_linking_on_ncbi_devel(real_linker, real_data_dir):
    from kgqa.datasets.pubtator import read_pubtator
    from kgqa.evaluation.linking import evaluate_pubtator

    docs = read_pubtator(real_data_dir / "corpora" / "ncbi_disease" / "devel.pubtator.txt")[:40]
    report = evaluate_pubtator(real_linker, docs)
    assert report["ner"]["DISEASE"]["f1"] >= 0.70
    assert report["linking"]["acc_at_1"] >= 0.40
    assert report["linking"]["gold_ids_in_graph"] >= 0.9


def test_questions_link_to_the_right_nodes(real_linker):
    cases = {
        "Which drugs treat gout?": "DOID:13189",
        "What are the symptoms of Marfan syndrome?": "DOID:14323",
        "Which diseases are associated with CFTR?": "NCBIGene:1080",
        "my kid has a runny nose": "HP:0031417",
    }
    for question, curie in cases.items():
        assert curie in [m.node.curie for m in real_linker.link(question) if m.node], question


@pytest.mark.parametrize(
    ("text", "surface", "curie"),
    [
        # numbered, lettered and roman subtypes, OMIM upper-case titles: the exact subtype,
        # else (no "2A" in the graph) the numbered one, never the bare disease
        ("Charcot-Marie-Tooth disease, type 2A", "Charcot-Marie-Tooth disease, type 2A",
         "DOID:0050539"),
        ("CHARCOT-MARIE-TOOTH DISEASE, TYPE 4C", "CHARCOT-MARIE-TOOTH DISEASE, TYPE 4C",
         "DOID:0110183"),
        ("Is mucopolysaccharidosis VI associated with ARSB?", "mucopolysaccharidosis VI",
         "DOID:12800"),
        ("which gene causes MPS VI", "MPS VI", "DOID:12800"),
        ("spinal muscular atrophy type 1 treatment", "spinal muscular atrophy type 1",
         "DOID:13137"),
        ("What is osteogenesis imperfecta type III?", "osteogenesis imperfecta type III",
         "DOID:0110339"),
        # a short form's subtype: the name it stands for, so designated
        ("What genes cause MODY 3?", "MODY 3", "DOID:0111102"),
        # a word the tagger calls a gene that begins a disorder's name
        ("Which organizations provide support for Tetralogy of Fallot in Peru?",
         "Tetralogy of Fallot", "DOID:6419"),
        # a lay word, a virus's type number, an adverb run into the name, a misspelt drug
        # before its dosage form
        ("What are the treatments for broken shoulder?", "broken shoulder", "HP:0041217"),
        ("Is it possible to cure HIV-1 infection completely?", "HIV-1 infection completely",
         "DOID:526"),
        ("How should Azithomycin Oral Suspension be stored?", "Azithomycin Oral Suspension",
         "DRUGBANK:DB00207"),
        # a finding said where it is, with a word for how it is that its name leaves out
        ("I have painful sores around my genitals", "painful sores around my genitals",
         "HP:0003249"),
        # a word of what is done about it, run into the name by the tagger, is no subtype
        ("How is osteogenesis imperfecta diagnosed and what are its symptoms?",
         "osteogenesis imperfecta", "DOID:12347"),
        # lay names and short forms
        ("Does HNPP cause weakness?", "HNPP", "DOID:0060843"),
        ("CVID symptoms", "CVID", "DOID:12177"),
        ("DVT treatment", "DVT", "HP:0002625"),
        ("giant cell vasculitis", "giant cell vasculitis", "DOID:13375"),
        ("what helps a heart attack", "heart attack", "DOID:5844"),
        # an organ's "problems" are its disease (not *Chest pain* by likeness)
        ("Can amiodarone cause heart problems?", "heart problems", "DOID:114"),
        ("kidney trouble after ibuprofen", "kidney trouble", "DOID:557"),
        ("treatment for UTI", "UTI", "DOID:0080784"),
        # a class named in the plural is the class, though one BC5CDR abstract coded
        # "statins" nine times as simvastatin
        ("What are the side effects of statins?", "statins", "MESH:D019161"),
        # one slip in a long word, whatever type the tagger guessed for a word it never saw
        ("breakthrough in Thalassamia major treatment", "Thalassamia", "DOID:10241"),
        ("I was diagnosed with tuberchlosis", "tuberchlosis", "DOID:399"),
        ("How can I find a dentist for toothaches?", "toothaches", "MESH:D014098"),
        # a tagged phrase that runs on gives way to the names inside it
        ("Where can I find information on Gastroparesis, tube feeding, and TPN?",
         "Gastroparesis", "DOID:11914"),
        ("Does TEZA manufacture  Diltiazem BVF 120MG?", "Diltiazem", "DRUGBANK:DB00343"),
        # a finding said with where it is: the ontology's term for it there, the side of the
        # part kept (*Low back pain*, not *Back pain*), a part's back read as the part
        ("I have pain in my lower back", "pain in my lower back", "HP:0003419"),
        ("pain in the back of my neck", "pain in the back of my neck", "HP:0030833"),
        # ... tagged unsure in a text that asks on (it had linked nothing)
        ("I have pain in my lower back. What can I take?", "pain in my lower back",
         "HP:0003419"),
        ("I have pain in my knee when I walk", "pain in my knee when I walk", "HP:0030839"),
        # brand names, in any case, anywhere in a message
        ("My question is what about Lipitor?", "Lipitor", "DRUGBANK:DB01076"),
        ("I have had migraines for years and I take imitrex when they start, but it makes "
         "me dizzy.", "imitrex", "DRUGBANK:DB00669"),
        ("Can I take COUMADIN with aspirin?", "COUMADIN", "DRUGBANK:DB00682"),
        # a short brand name is no short form: any case ("lasix", not only "Lasix")
        ("My father takes lasix and his feet still swell.", "lasix", "DRUGBANK:DB00695"),
        # an eponym in the possessive is its disease, with a question word after it or not
        ("What are the early signs of Parkinson's?", "Parkinson's", "DOID:14330"),
        ("Crohn's symptoms", "Crohn's", "DOID:8778"),
        ("How do you treat Graves'?", "Graves", "DOID:12361"),
        # ... typed on a phone (a typographic apostrophe had read *secondary Parkinson disease*)
        ("What drugs treat Parkinson’s?", "Parkinson’s", "DOID:14330"),
        # ... and a mode of inheritance after a name is no part of it
        ("Is Marfan syndrome autosomal dominant?", "Marfan syndrome", "DOID:14323"),
        # lay names (graph_data/lexicon_en.tsv)
        ("What is the treatment for strep throat?", "strep throat", "MESH:D013290"),
        ("Is German measles dangerous in pregnancy?", "German measles", "DOID:8781"),
        ("My daughter has head lice again", "head lice", "DOID:5501"),
        # ... not the opposite a likeness found ("fast heartbeat" was Bradycardia), nor a
        # numbered subtype ("insulin-dependent diabetes" was type 1 diabetes mellitus 2)
        ("I get a fast heartbeat at night", "fast heartbeat", "HP:0001649"),
        ("He has insulin-dependent diabetes", "insulin-dependent diabetes", "DOID:9744"),
        # a curated name holding what the tagger tagged replaces it
        ("My wife has painful menstrual periods. How can treat this.",
         "painful menstrual periods", "HP:0100607"),
        # a course or severity the graph has no node for gives way to the finding itself
        ("What are the treatments for chronic anal fissure?", "chronic anal fissure",
         "HP:0012390"),
        ("chronic anal fissure treatment", "chronic anal fissure", "HP:0012390"),
        # a misspelling too far for the fuzzy match, curated
        ("What is the treatment for excema?", "excema", "MESH:D004485"),
        # a misspelt name two nodes share goes to the one that numbers no subtype
        ("treatment for alzheimers desease", "alzheimers desease", "DOID:10652"),
        # an eponym in the possessive the tagger left untagged (it tagged "s: implants ...")
        ("What teeth replacements are better for sjogren's: implants or dentures?",
         "sjogren's", "DOID:12894"),
        # consumer names and brands of single-ingredient drugs
        ("What are the treatments for perforated eardrum?", "perforated eardrum",
         "MESH:D018058"),
        ("Is gluten in Adderall?", "Adderall", "DRUGBANK:DB00182"),
        ("What does Vyvanse do?", "Vyvanse", "DRUGBANK:DB01255"),
        # what is asked of a name is no part of it ("lung abscess curable" was read loosely
        # as lung abscess at 0.78, "BRCA1 mutations" as a BRCA1 disease of OMIM)
        ("Is lung abscess curable?", "lung abscess", "DOID:0060317"),
        ("Can BRCA1 mutations cause ovarian cancer?", "BRCA1", "NCBIGene:672"),
        # a subtype named by its number before one that names the head ("Type 1
        # interferonopathy" at 0.88 before)
        ("What is the difference between type 1 and type 2 diabetes?", "type 1", "DOID:9744"),
        ("Are type 1 and type 2 diabetes genetic?", "type 2 diabetes", "DOID:9352"),
        # a subtype in brackets after the name ("Gaucher disease" before)
        ("My mother has Gaucher disease (type 1), is it inherited?", "Gaucher disease (type 1)",
         "DOID:0110957"),
        # a drug class after is-a words, which the tagger leaves untagged
        # (MeSH's *Diuretics*: the lexicon's node for the word, which DrugCentral lists
        # furosemide under)
        ("Is furosemide a diuretic?", "diuretic", "MESH:D004232"),
        # whose it is is no part of its name ("my hernia" was DO's enterocele, by dense search)
        ("What medicine helps my hernia?", "hernia", "HP:0100790"),
        ("Omeprazole is a proton pump inhibitor.", "proton pump inhibitor",
         "NDFRT:N0000175525"),
        # a Chinese name two nodes share: the one it is the only Chinese name of
        ("哪些基因与软骨发育不全相关？", "软骨发育不全", "DOID:4480"),
        # what people say of their bodies: "burns" was a burn injury, the rest unlinked; a lay
        # name takes the place of tagged pieces that run out of it ("[pins] and [needles in
        # my hands]")
        ("It burns when I pee.", "burns when I pee", "HP:0100518"),
        ("I have pins and needles in my hands.", "pins and needles", "HP:0003401"),
        ("My heart is racing.", "heart is racing", "HP:0001962"),
        ("I passed out at work.", "passed out", "HP:0001279"),
        ("I found a lump in my breast.", "lump in my breast", "HP:0032408"),
        ("My ears are ringing all the time.", "ears are ringing", "HP:0000360"),
        # older and British lay names ("manic depression" was *Depression* at 0.81; "sclerosis
        # of the liver" MeSH's *Sclerosis*; "nappy rash" an exanthem at 0.70)
        ("Is manic depression hereditary?", "manic depression", "DOID:3312"),
        ("What is sclerosis of the liver?", "sclerosis of the liver", "DOID:5082"),
        ("How do I treat nappy rash?", "nappy rash", "MESH:D003963"),
        ("Can humans catch bird flu?", "bird flu", "DOID:4492"),
    ],
)  # fmt: skip
def test_subtypes_and_lay_names_link_to_their_own_node(real_linker, text, surface, curie):
    found = [(m.text, m.node.curie) for m in real_linker.link(text) if m.node]
    assert (surface, curie) in found, found


def test_no_before_what_a_lacking_finding_lacks_is_that_finding_present(real_linker):
    # "I have no appetite" was *Poor appetite* negated: absent, the opposite of what it says
    def read(text: str) -> list[tuple[str, bool]]:
        return [(m.node.curie, m.negated) for m in real_linker.link(text) if m.node]

    assert ("HP:0004396", False) in read("I have no appetite and feel sick.")
    # the lack said in words is negated by "no" as any finding is
    assert ("HP:0004396", True) in read("There is no loss of appetite.")
    assert ("HP:0001945", True) in read("no fever, no appetite")


def test_focus_linking_on_heldout_medquad(real_linker, real_data_dir):
    from kgqa.evaluation.focus import evaluate_focus

    report = evaluate_focus(real_linker, real_data_dir, split="dev", limit=150)
    assert report["acc_at_1"] >= 0.5


def test_retrieval_on_a_slice_of_the_real_corpus(real_graph, real_data_dir, tmp_path):
    from kgqa.retrieval.index import PassageRetriever, build_passage_index

    build_passage_index(real_data_dir, real_graph, tmp_path / "p", limit=1500)
    r = PassageRetriever.load(tmp_path / "p", real_graph)
    rows = r.db.execute(
        "SELECT source_id, title FROM passages WHERE source = 'medquad' AND qtype = 'symptoms' "
        "GROUP BY source_id LIMIT 30"
    ).fetchall()
    hits = 0
    for qid, focus in rows:
        got = r.retrieve(f"What are the symptoms of {focus}?", k=5)
        hits += any(p.source_id == qid for p in got)
    assert hits / len(rows) >= 0.5


def test_a_chinese_name_two_terms_share_links_the_one_more_diseases_show(real_linker) -> None:
    # CHPO calls both Telangiectasia of the skin (HHT's term) and Cutaneous telangiectasia
    # 皮肤毛细血管扩张
    (m,) = real_linker.link("皮肤毛细血管扩张")
    assert m.node.curie == "HP:0100585"


def test_chat_words_are_words_and_a_modified_head_is_no_name_of_its_own(real_linker) -> None:
    # "pls" is please, not primary lateral sclerosis (PLS, written so, still is); "get" is
    # no GET (generalized essential telangiectasia)
    assert [m.node for m in real_linker.link("How do I treat this pls.") if m.node] == []
    assert [m.node for m in real_linker.link("How long does it take to get over it?")
            if m.node] == []  # fmt: skip
    assert "lateral sclerosis" in {m.node.label for m in real_linker.link("I have PLS") if m.node}
    # "HIV-1 infection" does not fall back to the plain "infection" inside it
    found = {m.node.label for m in real_linker.link("Can HIV-1 infection be cured completely?")
             if m.node and m.candidates[0].score >= 0.75}  # fmt: skip
    assert "Infection" not in found
    # a gene symbol is spelt exactly: "THE HELL" in shouting is no HELLS
    assert [m.node for m in real_linker.link("What [NB: THE HELL] precisely are they?")
            if m.node and m.node.cls == "Gene"] == []  # fmt: skip
    assert "HELLS" in {m.node.label for m in real_linker.link("Is HELLS a gene?") if m.node}
    # a likeness that negates the mention, or names another subtype, is no link: insulin-
    # dependent diabetes is not non-insulin-dependent (type 2) diabetes
    for text in ("What causes insulin-dependent diabetes in children?", "I have type 1 diabetis"):
        labels = {c.node.label.lower() for m in real_linker.link(text) for c in m.candidates
                  if c.score >= 0.75}  # fmt: skip
        assert not any("type 2" in x or "type ii" in x for x in labels), (text, labels)


def test_a_subject_line_names_its_topic_and_lay_short_forms_link(real_linker) -> None:
    shouted = ("SUBJECT: CURE FOR PNEUMONIA MESSAGE: Dear DR, please i have a friend that has "
               "the above illness..I want to find out.")  # fmt: skip
    assert "pneumonia" in {m.node.label.lower() for m in real_linker.link(shouted) if m.node}
    headed = ("SUBJECT: rectal prolapse MESSAGE: my rectum is stretched out and I need "
              "information mailed to me about surgical options.")  # fmt: skip
    assert "rectal prolapse" in {m.node.label.lower() for m in real_linker.link(headed) if m.node}
    # the rule alone: the subject's disorder names, not a head word under a modifier the
    # graph does not know, nor a chemical
    for subject, want in [("rectal prolapse", ["rectal prolapse"]), ("gender dysphoria", []),
                          ("Lovaza capsules and gout", ["gout"]),
                          ("After Rectal Prolapse!", ["Rectal Prolapse"])]:  # fmt: skip
        text = f"SUBJECT: {subject} MESSAGE: Where can I find resources for my son?"
        found = [text[s:e] for s, e, *_ in real_linker._with_subject_names(text, [])]
        assert found == want, subject
    for text in ("I have Hep C", "SUBJECT: HEP C MESSAGE: IS THERE A DRUG TO TAKE"):
        assert "DOID:1883" in {m.node.curie for m in real_linker.link(text) if m.node}, text


def test_misspelt_disorder_names_link_and_words_spelt_right_stay_words(real_linker) -> None:
    def linked(text: str) -> dict[str, str]:
        return {m.text: m.node.curie for m in real_linker.link(text)
                if m.node is not None and m.candidates[0].score >= 0.75}  # fmt: skip

    # untagged, and one slip from "pressure": the name it misspells is found
    assert (
        linked("What is the treatment for high blood presure?").get("high blood presure")
        == "DOID:10763"
    )
    # tagged, and too short for the fuzzy match: spelt right, it is a name
    assert linked("I suffer from migranes and nausia").get("nausia") == "HP:0002018"
    # a lone misspelt word the tagger left in a short question
    assert linked("I suffer from migranes and nausia, what can I take?").get("nausia") == (
        "HP:0002018"
    )
    # a word spelt right is no misspelling of a name two slips away ("prognosis" is not
    # "proptosis"), nor is a company one slip from a short form ("Sandoz", SANDO)
    assert "prognosis" not in linked("What is the prognosis for polymicrogyria?")
    assert "Sandoz" not in linked("Sandoz is a new manufacturer for me")
    # a short form in capitals ending in S is no plural: CRPS is not CRP, the gene, but
    # complex regional pain syndrome (a lexicon row); "CRPs" still is the gene
    crps = linked("SUBJECT: CRPS MESSAGE: In stage 3 can ones bones break?").get("CRPS")
    assert crps == "DOID:3223"
    assert linked("my CRPs are high").get("CRPs") == "NCBIGene:1401"


def test_consumer_wording_reaches_the_finding_meant(real_linker) -> None:
    def linked(text: str) -> set[str]:
        return {m.node.curie for m in real_linker.link(text)
                if m.node is not None and m.candidates[0].score >= 0.75}  # fmt: skip

    # a misspelt word read as meant (a vowel for a vowel at its start too), and without the
    # words that say whose it is or when it comes
    assert linked("I have adema in my ankles.") & {"HP:0000969", "HP:0010741"}
    assert linked("I have errection problem") & {"DOID:1875", "HP:0000802", "HP:0100639"}
    assert "DOID:6050" in linked("ENT specialists & esophogeal disorders.")
    # ("... when working" tags at 0.7991 on one CPU, 0.80 on another: at the tagger's edge)
    assert "HP:0046505" in linked("my hands hurt sharply when typing")
    # a part said to be getting pain, in the plural, or to itch where no name says so
    assert "HP:0030834" in linked("My right shoulder is getting pain and my hand is stiff.")
    assert "HP:0030766" in linked("I get a lot of pain in my ears at night.")
    assert "HP:0025238" in linked("My feet hurt after walking.")
    got = linked("My ears itch.")
    assert "HP:0000989" in got and "MESH:D004433" not in got  # itching, not Earache
    # a lab value said low or high: not a name that only begins so (*Low cholesterol
    # esterification rate*) nor the encoder's nearest (vitamin B1 for B12, HbH for hemoglobin)
    assert "HP:0003146" in linked("I have low cholesterol.")
    got = linked("My doctor says I have low vitamin B12.")
    assert got & {"HP:0100502", "DOID:0050731"} and "HP:0100503" not in got  # not B1
    assert "HP:0001900" in linked("Why would I have high hemoglobin?")
    # lay names that reached nothing sure: clogged arteries, a swollen liver
    assert "DOID:1936" in linked("My doctor says I have clogged arteries.")
    assert "HP:0002240" in linked("Why would I have a swollen liver?")
    # a sprain is no fracture (*Fractured ankle* had come back at 1.0)
    got = linked("I have a sprained ankle from running.")
    assert "MESH:D013180" in got and "HP:0041153" not in got
    # the part's pain, not the encoder's muscle atrophy or genital sores
    assert "HP:0003326" in linked("I have achy muscles.")
    assert "HP:0030157" in linked("I have been getting sore sides and a sore stomach.")
    assert "HP:0030838" in linked("My hips are painful.")
    # what a defect is called, which a long message's tagging left out
    got = linked(
        "[NAME] has a complex hearth defect called Tetralogy of Fallot, she is about 7 "
        "months old and her family dont have resources."
    )
    assert "DOID:6419" in got and "HP:0001627" not in got  # the defect is the one called so
    generator = real_linker.generator
    assert generator.spelt_like("adema") == "edema"
    # a long word may hold two slips, never turning into its opposite
    assert generator.spelt_like("hemmorhage") == "hemorrhage"
    assert generator.spelt_like("hypernatraemia") == "hypernatremia"
    # (MeSH's Cerebral Hemorrhage or HPO's Cerebral hemorrhage, one name: the tagger types
    # the slip a finding, the name spelt right a disease)
    assert linked("The man had a cerebral hemmorhage last year.") & {"MESH:D002543", "HP:0001342"}
    assert linked("My father has Progressive Supernuclear Palsy.") & {"DOID:678", "MESH:D013494"}
    assert generator.dense_text("My teeth gum blood coming", "PHENOTYPE") == (
        "teeth gum blood coming"
    )
    assert generator.dense_text("My teeth", "CHEMICAL") == "My teeth"  # only disorders
    # lay names: a man's erection problems, not being able to pass water, jerks
    assert "DOID:1875" in linked("I have had erection problems for a year")
    assert "HP:0000016" in linked("My husband is unable to urinate since the catheter came out")
    assert "HP:0001336" in linked("uncontrollable jerking movements when I exercise")
    # each was another thing: Ear pain, Burns, the common cold, or nothing
    assert "HP:0100749" in linked("I have heart pain.")
    assert "HP:0100518" in linked("I have burning when I pee.")
    assert "DOID:10459" not in linked("I wake up with cold sweats.")
    assert "HP:0100785" in linked("I can't sleep at night.")


def test_names_written_as_they_sound_link(real_linker) -> None:
    def linked(text: str) -> dict[str, str]:
        return {m.text: m.node.curie for m in real_linker.link(text)
                if m.node is not None and m.candidates[0].score >= 0.75}  # fmt: skip

    generator = real_linker.generator
    # more than a slip from the word, or a slip at its first letter: by how it sounds (a word
    # of ten letters or more two vowels' slips from it)
    for heard, word in [("sirosis", "cirrhosis"), ("soriasis", "psoriasis"),
                        ("phlem", "phlegm"), ("diarea", "diarrhea"), ("nuemonia", "pneumonia"),
                        ("hemroid", "hemorrhoid"), ("rumatoid", "rheumatoid"),
                        ("stroak", "stroke"), ("vericoceal", "varicocele")]:  # fmt: skip
        assert generator.spelt_like(heard) == word, heard
    # a sound spelt alike wins over a letter's slip ("exema" is eczema, not edema) ...
    assert generator.spelt_like("exema") == "eczema"
    # ... but vowels are kept apart: no "sirosis" as psoriasis, and consonants keep their
    # place ("crohn" is no "cross")
    assert generator.spelt_like("crohn") is None and generator.spelt_like("chrohn") == "crohn"
    assert "DOID:5082" in linked("What are the treatments for sirosis?").values()
    assert "DOID:8893" in linked("can soriasis be cured").values()
    # drugs spelt as they sound, tagged as a drug or not, or as a disorder
    assert linked("What are the side effects of triptofan?").get("triptofan") == "DRUGBANK:DB00150"
    assert linked("Can Tilennol cause liver damage?").get("Tilennol") == "DRUGBANK:DB00316"
    assert linked("Can amvien cause memory loss?").get("amvien") == "DRUGBANK:DB00425"
    assert generator.misspelt_drug("kloramfenicol")[0].node.curie == "DRUGBANK:DB00446"
    # a word that opens with "pro" is no slip of one that opens with "pre" (the graph has
    # prebiotics, no probiotics: nothing, not another thing)
    assert "probiotics" not in linked("Are probiotics good for IBS?")
    # two slips, sounding as the drug does; a drug spelt alike below the threshold, sure when
    # it sounds so too; two names of one drug sound alike (cephaloglycin, cefaloglycin)
    assert linked("I take morfine for the pain").get("morfine") == "DRUGBANK:DB00295"
    assert linked("I take benmoksin").get("benmoksin") == "DRUGCENTRAL:3681"
    assert linked("I take Sephaloglysin").get("Sephaloglysin") == "DRUGBANK:DB00689"
    # a drug's own name is itself, no other drug that sounds alike
    assert {c.node.curie for c in generator.misspelt_drug("cefazolin")} == {"DRUGBANK:DB01327"}


def test_a_word_written_apart_and_a_word_of_a_lay_name_are_respelt(real_linker) -> None:
    def linked(text: str) -> dict[str, str]:
        return {m.text: m.node.curie for m in real_linker.link(text)
                if m.node is not None and m.candidates[0].score >= 0.75}  # fmt: skip

    # one word of the names written as two ("neuro fibromatosis" was HPO's Neurofibroma)
    assert linked("I have neuro fibromatosis").get("neuro fibromatosis") == "DOID:8712"
    assert linked("I have hemo chromatosis").get("hemo chromatosis") == "DOID:2352"
    assert real_linker.generator._joined(["breast", "cancer"]) == ["breast", "cancer"]
    # a word of a lay name the lexicon gives is a word people write, however few names hold
    # it ("shingles": "shingels" linked herpes zoster at 0.54, under the threshold)
    assert real_linker.generator.spelt_like("shingel") == "shingle"
    assert linked("I have shingels on my back").get("shingels") == "DOID:8536"


def test_consumer_wording_reaches_no_lookalike(real_linker) -> None:
    def linked(text: str) -> set[str]:
        return {m.node.curie for m in real_linker.link(text)
                if m.node is not None and m.candidates[0].score >= 0.75}  # fmt: skip

    # a word in lower case is no short form in capitals (SCAR1: an ataxia), nor are "has an"
    # (HAS: Hinman syndrome); lay names instead
    assert linked("As a result I have a scar there.") == {"HP:0100699"}
    # an OMIM title in capitals is a word, not a short form
    assert linked("What are the treatments for skin keloids?") & {"OMIM:148100", "MESH:D007627"}
    assert linked("My son has an undescended testicle.") == {"HP:0000028"}
    # a word in lower case a letter shorter than a short form is no short form ("dur ing":
    # DURS, Duane retraction syndrome); one as long or longer still is ("stds")
    assert linked("There were no issues dur ing my last two pregnancies.") == set()
    assert linked("what are stds") == {"MESH:D012749"}
    assert "HP:0003394" in linked("I get leg cramps at night.")
    # the name of a bracketed part is its own: "(Aran-Duchenne syndrome)" is no Duchenne
    # muscular dystrophy, and the name before it links alone
    found = linked("Where can someone be tested for Adult Progressive Spinal Muscular Atrophy "
                   "(Aran-Duchenne syndrome)?")  # fmt: skip
    assert "DOID:11723" not in found and found & {"DOID:12377", "HP:0009067"}
    # a disease's own label outranks the broader heading the corpora coded it with, that a
    # merge gave another node (DO's skin benign neoplasm)
    assert linked("I've got skin cancer, and I want this treatment") == {"DOID:4159"}
    # a prefix hyphenated, joined or apart is one word
    assert "DOID:13195" in linked("I am suffering from non-toxic goiter on the left side")


def test_a_place_or_what_a_disorder_came_from_is_no_part_of_it(real_linker) -> None:
    def linked(text: str) -> set[str]:
        return {m.node.curie for m in real_linker.link(text)
                if m.node is not None and m.candidates[0].score >= 0.75}  # fmt: skip

    # "the DC area" is Washington's, no dyskeratosis congenita
    found = linked("How can I find physicians in the DC area who specialize in esophageal "
                   "disorders?")  # fmt: skip
    assert "DOID:2729" not in found and "DOID:6050" in found
    # "pain after hemorrhoidectomy" is pain, not Postoperative Hemorrhage
    found = linked("What are the treatments for pain after hemorrhoidectomy?")
    assert "HP:0012531" in found and "MESH:D019106" not in found
    # lay names
    assert "DOID:0060320" in linked("Where can I find research on surgery for groin hernia?")
    assert "HP:0003249" in linked("What causes genital sores?")
    assert "HP:0001288" in linked("My father has trouble walking since his stroke.")
    # what brought a disorder on names no other disorder: "drug-induced asthma" (not in the
    # graph) is asthma, never drug allergy; a likeness of both cause and disorder stands
    found = linked("Where can I find information on drug-induced asthma?")
    assert found & {"DOID:2841", "HP:0002099"} and "DOID:0060500" not in found
    assert linked("alcohol-related liver disease") != linked("liver disease")
    # a part's fracture either way round, and the short names clinicians use
    assert "HP:0041249" in linked("What are delayed treatments for nose fracture?")
    assert "DOID:8536" in linked("Should I exercise with Zoster virus?")
    assert "HP:0000225" in linked("My. Teeth gum blood comeing what medicine I use")
    # wanting to lose weight is obesity; losing it is the finding
    assert linked("I want to lose weight, what should I do?") == {"DOID:9970"}
    assert linked("I keep losing weight and I don't know why") == {"HP:0001824"}
    assert linked("I want to lose my belly too, what do I do?") == {"HP:0012743"}


def test_the_meaning_people_mean_and_eponyms_in_either_order(real_linker) -> None:
    def top(text: str) -> str | None:
        found = [m for m in real_linker.link(text) if m.node is not None]
        return found[0].node.curie if found and found[0].candidates[0].score >= 0.75 else None

    # a short form or lay name the lexicon gives a node decides between nodes sharing it
    assert top("Is MSA disease hereditary?") == "DOID:4752"  # not MLASA
    assert top("What are the treatments for hernia?") == "HP:0100790"  # not enterocele
    # ... and the other node is too far below to stand in for it as a disease
    from kgqa.linking.candidates import close_candidate

    (hernia,) = [m for m in real_linker.link("What is the treatment for a hernia?") if m.node]
    assert close_candidate(hernia, lambda n: n.cls == "Disease") is None
    # an operation is no disorder of what it removes
    found = {m.node.curie for m in real_linker.link("What can I do for pain after my "
                                                     "hemorrhoidectomy?") if m.node}  # fmt: skip
    assert "DOID:9746" not in found
    # a subtype's synonym yields to the node whose own label the text is
    assert top("What are the treatments for ocular albinism?") == "HP:0001107"
    # two people's names in either order; never one of them alone (Silver syndrome: SPG17)
    assert top("Where can I find information on russell-silver syndrome?") == "DOID:14681"


def test_a_benign_growth_is_never_a_cancer(real_linker) -> None:
    def linked(text: str) -> set[str]:
        return {m.node.curie for m in real_linker.link(text)
                if m.node is not None and m.candidates[0].score >= 0.75}  # fmt: skip

    # the corpora coded "benign tumor" and "tumor" with MeSH's Neoplasms, which DO's *cancer*
    # carries: read so, a benign growth was a cancer
    for text in ("My doctor found a benign tumor.", "It is a non-cancerous tumor"):
        found = linked(text)
        assert "DOID:162" not in found and "DOID:0060072" in found, (text, found)
    # a likeness that keeps a negation but drops what it negates is no likeness either
    from kgqa.linking.candidates import same_sense

    assert not same_sense("noncancerous tumor", "nonhereditary cancer")
    # ... nor a prefix read as a negation before the name it opens
    assert "DOID:13195" in linked("My doctor says I have a non-toxic goiter.")


def test_findings_said_of_a_part_inverted_names_and_titled_names(real_linker) -> None:
    def found(text: str) -> set[str]:
        return {m.node.curie for m in real_linker.link(text) if m.node is not None}

    # a finding said of someone's body part, as names put it the other way round
    assert "HP:0010741" in found("I started taking amlodipine and now my ankles are swollen.")
    assert "HP:0010741" in found("Why are my feet swollen?")
    assert "HP:0033050" in found("My throat is sore")
    # a measure said high or low, with a degree word between ("so high": not "potassium so")
    assert "HP:0002153" in found("Why is my potassium so high?")
    assert "HP:0002902" in found("Why is my sodium too low?")
    # ... never of a thing an abstract describes; and "pale", an English word, is not the
    # short form PALE (posttransplant acute limbic encephalitis)
    described = real_linker.link("On examination the optic discs were pale and the reflexes brisk.")
    assert not any(" " in m.text for m in described if m.text.endswith("pale"))
    assert "ORPHA:163921" not in {c.node.curie for m in described for c in m.candidates}
    # a name written inverted, after a comma, inside a long message
    long = (
        "I have a family member who is suffering from Pemphigus, vulgaris. It has been going "
        "on for the last six months and she has been on steroids for it, so I am worried."
    )
    assert "DOID:0060851" in found(long)
    # ... but a comma before a list's next name joins nothing
    assert {"DOID:10763", "DOID:12930"} <= found(
        "Among them were hypertension, the dilated cardiomyopathy, and two deaths."
    )
    # a name written in capitals word by word, the tagger having taken its last words only
    assert "DOID:14320" in found(
        "I would like to obtain information over Generalized Anxiety Disorder for a newsletter."
    )
    # "my cough", which the tagger was unsure of, is the cough
    assert "HP:0012735" in found("Is my cough a side effect of lisinopril?")
    # common short forms people write
    assert "DOID:10871" in found("My father has AMD and lives alone.")
    assert "DOID:10763" in found("I was told I have HTN.")


def test_a_body_part_or_an_ordinary_word_alone_names_no_finding(real_linker) -> None:
    def linked(text: str) -> dict[str, str]:
        return {m.text: m.node.curie for m in real_linker.link(text) if m.node is not None}

    # the embedding's nearest finding of a body part said alone: ear hair, a long foot
    assert linked("My ear is blocked") == {}
    assert "feet" not in linked("My hands and feet are always cold")
    # "cold" before the nouns it qualifies, inside a phrase no name covers: no common cold
    assert "DOID:10459" not in linked("What causes cold hands and feet?").values()
    # a part with what is wrong with it still links
    assert linked("my knee hurts") == {"my knee hurts": "HP:0030839"}
    assert "HP:0001278" in linked("I get dizzy when I stand up").values()
    # a clot thrown is an embolism, not vomited blood
    assert "HP:0001907" in linked("Can she bleed out or throw blood clots?").values()


def test_a_subtype_designation_before_a_name_joins_it(real_linker) -> None:
    # in a long message the tagger took no span over "type 1 diabetes" and the lay names found
    # "diabetes" alone (the span as they gave it); the rule widens it to the graph's name
    from kgqa.linking.spans import Span

    text = "Thanks, it helped to read about type 1 diabetes but i want more advice."
    at = text.index("diabetes")
    (span,) = real_linker._extend_from_subtype_heads(text, [Span(at, at + 8, "DISEASE", 1.0)])
    assert text[span.start : span.end] == "type 1 diabetes"
    # no graph name so designated: the span stays as it was
    text = "She has stage IV breast cancer and pain."
    at = text.index("breast cancer")
    (span,) = real_linker._extend_from_subtype_heads(text, [Span(at, at + 13, "DISEASE", 1.0)])
    assert text[span.start : span.end] == "breast cancer"


def test_a_misspelt_disease_is_the_disease_its_right_spelling_names(real_linker) -> None:
    # spelt right, each word names the disease itself, not a phenotype whose synonym is
    # merely nearer in letters (HPO's Psoriasiform dermatitis lists "psoriasis"; HPO's
    # Neoplasm "cancer"; HPO's Breast carcinoma "breast cancer")
    for text, surface, curie in (("I have psoriasus", "psoriasus", "DOID:8893"),
                                 ("I have canncer", "canncer", "DOID:162"),
                                 ("I have breat cancer", "breat cancer", "DOID:1612")):  # fmt: skip
        got = [m.node.curie for m in real_linker.link(text) if m.text == surface and m.node]
        assert got == [curie], (text, got)


def test_misspelt_names_mostly_reach_their_node_and_seldom_another(real_linker) -> None:
    from kgqa.evaluation.roundtrip import evaluate_typos, typo_cases

    report = evaluate_typos(real_linker, real_linker.kg, typo_cases(real_linker.kg, 150))
    # measured on 500 per class: disease 0.82 same, 0.09 another node; drug 0.87, 0.03
    assert report["Disease"]["same"] >= 0.7 and report["Disease"]["wrong"] <= 0.15
    assert report["Chemical"]["same"] >= 0.75 and report["Chemical"]["wrong"] <= 0.08


def test_a_misspelt_drug_links_its_drug_or_nothing(real_linker) -> None:
    # "ciprofaxin" found cefalexin pivoxil by meaning; "neuroaid", a product the graph does not
    # have, Neurokinin A
    # a slip in the first letters, where the stem match cannot see it ("daizepam", a brand
    # "Amvien"); one slip from one drug outranks the likeness: "prednisplone" is prednisolone
    # (the likeness gave prednisone, 0.97), "prednisoen" prednisone
    for text, label in (("Does ciprofaxin work well?", "Ciprofloxacin"),
                        ("Can I take ibuprophen?", "Ibuprofen"),
                        ("Is naproxin safe?", "Naproxen"),
                        ("Is daizepam addictive?", "Diazepam"),
                        ("Can I take Amvien every night?", "Zolpidem"),
                        ("I take prednisplone daily", "Prednisolone"),
                        ("I take prednisoen daily", "Prednisone")):  # fmt: skip
        (m,) = real_linker.link(text)
        assert m.node is not None and m.node.label == label, (text, m.node)
    mentions = real_linker.link("Does neuroaid work after a stroke?")
    assert [m.node for m in mentions if m.text == "neuroaid"] == [None]


def test_a_symbol_said_again_is_the_deficiency_it_stood_for(real_linker) -> None:
    text = "G6PD. What can someone with G6PD eat? Any help?"
    found = [(m.text, m.node.label) for m in real_linker.link(text) if m.node is not None]
    assert found == [("G6PD", "glucosephosphate dehydrogenase deficiency")] * 2
