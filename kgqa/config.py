"""Paths and defaults.

``KGQA_HOME`` is where built artifacts live (graph store, indexes); ``KGQA_DATA`` is the raw data
directory the build reads. Both default to places next to a source checkout: ``<repo>/indexes``
and ``<repo>/../shared/data``.
"""

from __future__ import annotations

import os
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


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Raw data directory: the argument, else ``$KGQA_DATA``, else ``<repo>/../shared/data``."""
    if explicit is not None:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("KGQA_DATA")
    if env:
        return Path(env).expanduser().resolve()
    base = _REPO_DIR if _in_checkout() else Path.cwd()
    return (base / ".." / "shared" / "data").resolve()


def graph_dir(home: Path | None = None) -> Path:
    """Directory of the built graph artifact."""
    return (home or kgqa_home()) / "graph"


def graph_data_dir() -> Path:
    """The repository's curated graph inputs: vocabulary, source list, lexicons."""
    return _REPO_DIR / "graph_data"


def vocabulary_file() -> Path:
    """The committed Turtle vocabulary (classes and relations)."""
    return _REPO_DIR / "graph_data" / "vocabulary.ttl"
