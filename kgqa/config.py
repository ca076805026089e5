"""Paths and defaults.

``KGQA_HOME`` is where built artifacts live (graph store, indexes); ``KGQA_DATA`` is the raw data
directory the build reads. Both default to places next to a source checkout: ``<repo>/indexes``
and ``<repo>/../shared/data``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_DIR = _PACKAGE_DIR.parent


def _in_checkout() -> bool:
    return (_REPO_DIR / "pyproject.toml").is_file() and (_REPO_DIR / "graph_data").is_dir()


def kgqa_home() -> Path:
    """Built artifacts: ``$KGQA_HOME``, else ``<repo>/indexes``, else ``~/.cache/kgqa``."""
    env = os.environ.get("KGQA_HOME")
    if env:
        return Path(env).expanduser().resolve()
    if _in_checkout():
        return _REPO_DIR / "indexes"
    return Path.home() / ".cache" / "kgqa"


def sparql_url() -> str | None:
    """``$KGQA_SPARQL_URL``: a SPARQL 1.1 query endpoint that holds the graph (read over HTTP
    instead of the embedded store), or None."""
    return os.environ.get("KGQA_SPARQL_URL") or None


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Raw data directory: the argument, else ``$KGQA_DATA``, else ``<repo>/../shared/data``."""
    if explicit is not None:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("KGQA_DATA")
    if env:
        return Path(env).expanduser().resolve()
    base = _REPO_DIR if _in_checkout() else Path.cwd()
    return (base / ".." / "shared" / "data").resolve()


@dataclass(frozen=True)
class Home:
    """The layout of ``KGQA_HOME``: the one place where built artifacts' paths are defined.

    Example:
        >>> Home(Path("/tmp/k")).passages
        PosixPath('/tmp/k/passages')
    """

    root: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | Home | None = None) -> Home:
        """The given home (a path or a Home), else :func:`kgqa_home`."""
        if isinstance(home, Home):
            return home
        return cls(Path(home).expanduser().resolve() if home else kgqa_home())

    @property
    def graph(self) -> Path:
        """The graph: oxigraph store, names index (``kgqa build graph``)."""
        return self.root / "graph"

    @property
    def diagnosis(self) -> Path:
        """The diagnosis index: HPO annotations as arrays (``kgqa build diagnosis``)."""
        return self.root / "diagnosis"

    @property
    def names(self) -> Path:
        """The dense name index for linking (``kgqa build linking``)."""
        return self.root / "names"

    @property
    def annotated(self) -> Path:
        """Annotated mention names from the training corpora (``kgqa build linking``)."""
        return self.root / "annotated"

    @property
    def passages(self) -> Path:
        """Passages with their dense and BM25 indexes (``kgqa build passages``)."""
        return self.root / "passages"

    @property
    def devsets(self) -> Path:
        """Dev question sets written by ``scripts/make_dev_sets.py``."""
        return self.root / "devsets"


def models_dir() -> Path:
    """The committed fine-tuned models (small weights in git): ``kgqa/models/<name>/``."""
    return _PACKAGE_DIR / "models"


def graph_data_dir() -> Path:
    """The repository's curated graph inputs: vocabulary, source list, lexicons."""
    return _REPO_DIR / "graph_data"


def vocabulary_file() -> Path:
    """The committed Turtle vocabulary (classes and relations)."""
    return _REPO_DIR / "graph_data" / "vocabulary.ttl"
