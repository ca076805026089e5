"""The graph artifact's on-disk format, written by the builder and read by the store: one
definition of the layout, the names index's schema and the meta graph.

``$KGQA_HOME/graph/``:
    store/          oxigraph (RocksDB) dataset: one named graph per source, plus ``src:meta``
    names.sqlite    names and ids index (normalised keys -> node IRIs), schema below
    merges_refused.tsv   identity merges the build refused, with the reason
    manifest.json   inputs and their checksums, HPO release, counts, merge statistics
"""

from __future__ import annotations

from kgqa.graph.vocabulary import SOURCE, VOCAB

KIND = "graph"
FORMAT_VERSION = 4  # 3: "-aches" keys singular as "-ache" (names.normalize_name); 4: genes' names
STORE_DIR = "store"
NAMES_FILE = "names.sqlite"
REFUSALS_FILE = "merges_refused.tsv"
META_GRAPH = SOURCE + "meta"
BUILD_ID = VOCAB + "buildId"

# names.sqlite: ``meta`` holds the build id (equal to the store's and the manifest's);
# ``nodes`` one row per node; ``ids`` every id of a node (``id_key`` upper-cased);
# ``names`` every name, under each of its normalised keys (English) or as written (Chinese)
NAMES_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE nodes(iri TEXT PRIMARY KEY, curie TEXT, label TEXT, cls TEXT);
CREATE TABLE ids(id TEXT, id_key TEXT, iri TEXT);
CREATE TABLE names(key TEXT, iri TEXT, name TEXT, lang TEXT, kind TEXT, source TEXT);
"""
NAMES_INDEXES = """
CREATE INDEX ids_key ON ids(id_key);
CREATE INDEX ids_iri ON ids(iri);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_iri ON names(iri);
"""
