"""Chinese names composed from a modifier and a base term (no data needed)."""

from __future__ import annotations

from kgqa.graph.build.composed_zh import composed_names


def nodes(*rows):
    return [(n, cls, en, zh) for n, cls, en, zh in rows]


def test_a_modifier_and_a_named_base_term_compose_a_chinese_name():
    got = composed_names(nodes(
        ("HP:1", "Phenotype", ["Fever"], ["发热"]),
        ("HP:2", "Phenotype", ["Episodic fever", "Recurrent fever"], ["阵发性发热"]),
        ("HP:3", "Phenotype", ["Microcephaly"], ["小头畸形"]),
        ("HP:4", "Phenotype", ["Secondary microcephaly", "Acquired microcephaly"],
         ["继发性小头畸形"]),
    ))  # fmt: skip
    assert "反复发热" in got["HP:2"] and "发作性发热" in got["HP:2"]
    assert "获得性小头畸形" in got["HP:4"]
    # a name the node has already is not composed again; the base term gains nothing
    assert "继发性小头畸形" not in got["HP:4"] and "HP:1" not in got and "HP:3" not in got


def test_a_composed_name_never_takes_a_name_or_adds_an_ambiguity():
    got = composed_names(nodes(
        ("HP:1", "Phenotype", ["Cough"], ["咳嗽"]),
        ("HP:2", "Phenotype", ["Chronic cough"], []),
        ("HP:3", "Phenotype", ["Chronic coughing"], ["慢性咳嗽"]),  # has the name already
        ("HP:5", "Phenotype", ["Pyrexia", "Fever"], ["发热"]),
        ("HP:6", "Phenotype", ["Chronic fever"], []),
        ("HP:7", "Phenotype", ["Chronic pyrexia"], []),  # a second node it would name
        ("DOID:8", "Disease", ["Recurrent UTI", "urinary tract infection"], ["复发性尿路感染"]),
        ("CHEBI:9", "Chemical", ["Acute aspirin"], []),
    ))  # fmt: skip
    assert "HP:2" not in got  # 慢性咳嗽 is HP:3's
    assert "HP:6" not in got and "HP:7" not in got  # 慢性发热 would name both
    # its own synonym is no base term, and a drug is never named this way
    assert "DOID:8" not in got and "CHEBI:9" not in got


def test_only_plain_chinese_names_are_bases():
    got = composed_names(nodes(
        ("HP:1", "Phenotype", ["Seizure"], ["癫痫发作(儿童)", "抽搐"]),
        ("HP:2", "Phenotype", ["Focal seizure"], []),
    ))  # fmt: skip
    assert got["HP:2"] == ("局灶性抽搐",)
