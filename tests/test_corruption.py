"""Damaged artifacts: every file of every built artifact truncated, flipped or deleted, and
every manifest checked against its artifact. Each case must end in ``ArtifactError`` (with the
command that rebuilds it), never in a raw library exception or a silent wrong answer."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kgqa.artifacts import sha256_file
from kgqa.errors import ArtifactError

DAMAGES = ("truncate", "flip", "delete")


def damage(path: Path, how: str) -> bool:
    """Damage one file; False when there is nothing to damage that way (an empty file)."""
    data = path.read_bytes()
    if how == "delete":
        path.unlink()
    elif not data:
        return False
    elif how == "truncate":
        path.write_bytes(data[: len(data) // 2])
    else:
        flipped = bytearray(data)
        flipped[len(flipped) // 2] ^= 0xFF
        path.write_bytes(bytes(flipped))
    return True


def loaders(home: Path) -> dict[str, Callable[[Path], object]]:
    """Each artifact's loader plus a first use, over the copy under ``home``."""
    from kgqa.diagnosis.index import DiagnosisIndex
    from kgqa.graph import KnowledgeGraph
    from kgqa.linking.annotated import AnnotatedNames
    from kgqa.linking.dense import NameIndex
    from kgqa.retrieval.index import PassageRetriever

    def graph(d: Path) -> object:
        kg = KnowledgeGraph.load(d)
        kg.verify()  # what `kgqa graph verify` runs: digests of every file
        return kg.neighbours("DOID:13189")

    def passages(d: Path) -> object:
        r = PassageRetriever.load(d, KnowledgeGraph.load(home / "graph"))
        return r.retrieve("gout", about=["DOID:13189"])

    return {
        "graph": graph,
        "names": lambda d: NameIndex.load(d, KnowledgeGraph.load(home / "graph")),
        "annotated": lambda d: AnnotatedNames.load(d, KnowledgeGraph.load(home / "graph")),
        "diagnosis": DiagnosisIndex.load,
        "passages": passages,
    }


def files_of(home: Path) -> list[tuple[str, str]]:
    """(artifact, file relative to it) for every file kgqa wrote, store files included."""
    out = []
    for artifact in ("graph", "names", "annotated", "diagnosis", "passages"):
        d = home / artifact
        for p in sorted(d.rglob("*")):
            if p.is_file() and p.name != "LOCK" and not p.name.startswith("LOG"):
                out.append((artifact, str(p.relative_to(d))))
    return out


@pytest.fixture()
def fresh_home(fixture_home: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(fixture_home, home)
    return home


def test_every_file_of_every_artifact_is_covered(fixture_home: Path):
    found = files_of(fixture_home)
    artifacts = {a for a, _ in found}
    assert artifacts == {"graph", "names", "annotated", "diagnosis", "passages"}
    # the graph's RocksDB files are among them, not only what the manifests list
    assert any(f.endswith(".sst") for a, f in found if a == "graph")
    assert all(f == "manifest.json" or not f.endswith(".json") or "vocab" in f
               for _, f in found)  # fmt: skip


@pytest.mark.slow
def test_each_damage_to_each_file_ends_in_an_artifact_error(fixture_home: Path, tmp_path: Path):
    cases = caught = 0
    missed = []
    for artifact, rel in files_of(fixture_home):
        for how in DAMAGES:
            home = tmp_path / f"{artifact}-{rel.replace('/', '_')}-{how}"
            shutil.copytree(fixture_home, home)
            if not damage(home / artifact / rel, how):
                continue
            cases += 1
            try:
                loaders(home)[artifact](home / artifact)
            except ArtifactError as exc:
                caught += 1
                if "kgqa build" not in str(exc) and "kgqa train" not in str(exc):
                    missed.append(f"{artifact}/{rel} {how}: no remedy in {exc}")
            except Exception as exc:
                missed.append(f"{artifact}/{rel} {how}: {type(exc).__name__}: {exc}")
            else:
                missed.append(f"{artifact}/{rel} {how}: no error")
            shutil.rmtree(home)
    assert cases >= 60
    assert not missed, "\n".join(missed)
    assert caught == cases


@pytest.mark.parametrize("artifact,name", [("diagnosis", "index.npz"),
                                           ("passages", "passages.sqlite"),
                                           ("passages", "bm25.npz"),
                                           ("names", "names.faiss")])  # fmt: skip
def test_damage_behind_an_updated_checksum_is_still_an_artifact_error(fresh_home, artifact, name):
    # someone "repairs" the manifest after the file was damaged: the reader's own error
    # (BadZipFile, sqlite's DatabaseError, faiss's RuntimeError) must not leak out
    d = fresh_home / artifact
    path = d / name
    path.write_bytes(path.read_bytes()[:64] + b"\0" * 256)
    manifest = json.loads((d / "manifest.json").read_text())
    manifest["files"][name] = sha256_file(path)
    (d / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ArtifactError):
        loaders(fresh_home)[artifact](d)


@pytest.mark.parametrize("artifact", ["graph", "names", "annotated", "diagnosis", "passages"])
def test_a_damaged_manifest_is_an_artifact_error(fresh_home, artifact):
    path = fresh_home / artifact / "manifest.json"
    path.write_text(path.read_text()[:40])
    with pytest.raises(ArtifactError):
        loaders(fresh_home)[artifact](fresh_home / artifact)


def test_a_flipped_store_file_of_the_same_size_is_found_by_its_digest(fresh_home):
    from kgqa.artifacts import Manifest
    from kgqa.graph import KnowledgeGraph

    d = fresh_home / "graph"
    manifest = Manifest.read(d)
    assert manifest.info["store_files"], "the build records the store's files"
    sst = sorted((d / "store").glob("*.sst"))[-1]
    damage(sst, "flip")
    KnowledgeGraph._check_store_files(d, manifest, digests=False)  # the size still matches
    with pytest.raises(ArtifactError, match="does not match"):
        KnowledgeGraph._check_store_files(d, manifest, digests=True)
