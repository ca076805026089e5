"""Artifact directories: ``manifest.json`` beside open-format files, written atomically.

Every built or trained artifact is a directory holding a ``manifest.json`` with its format
version, the kgqa version, what it was built from (input checksums) and per-file checksums.
Loading checks the manifest and fails with :class:`~kgqa.errors.ArtifactError` on a mismatch.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from kgqa.errors import ArtifactError, KgqaError

F = TypeVar("F", bound=Callable[..., Any])

logger = logging.getLogger(__name__)

MANIFEST = "manifest.json"


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What an artifact is, what it was made from, and the checksums of its files."""

    kind: str
    format_version: int
    kgqa_version: str
    inputs: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": self.kind,
                "format_version": self.format_version,
                "kgqa_version": self.kgqa_version,
                "inputs": self.inputs,
                "files": self.files,
                "info": self.info,
            },
            indent=2,
            sort_keys=True,
            ensure_ascii=False,
        )

    @classmethod
    def read(cls, directory: Path, remedy: str = "run `kgqa build`") -> Manifest:
        """The manifest in ``directory``; a missing one raises ArtifactError naming ``remedy``."""
        path = directory / MANIFEST
        if not path.is_file():
            raise ArtifactError(
                f"no {MANIFEST} in {directory}: the artifact is missing or was not built "
                f"completely; {remedy}"
            )
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                kind=str(raw["kind"]),
                format_version=int(raw["format_version"]),
                kgqa_version=str(raw["kgqa_version"]),
                inputs=dict(raw.get("inputs", {})),
                files=dict(raw.get("files", {})),
                info=dict(raw.get("info", {})),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ArtifactError(f"{path} is not a valid manifest ({exc}); {remedy}") from exc

    @classmethod
    def is_current(
        cls,
        directory: Path,
        format_version: int,
        inputs: Mapping[str, str],
        info: Mapping[str, Any] | None = None,
        exact: bool = True,
    ) -> bool:
        """Whether ``directory`` holds an artifact of ``format_version`` built from ``inputs``
        (all of them and no others; with ``exact=False`` these at least) whose manifest info
        has the given values: the one freshness check every artifact uses."""
        try:
            manifest = cls.read(directory)
        except ArtifactError:
            return False
        if manifest.format_version != format_version:
            return False
        if exact and manifest.inputs != dict(inputs):
            return False
        if any(manifest.inputs.get(k) != v for k, v in inputs.items()):
            return False
        return all(manifest.info.get(k) == v for k, v in (info or {}).items())

    def write(self, directory: Path) -> None:
        (directory / MANIFEST).write_text(self.to_json(), encoding="utf-8")

    def check(self, directory: Path, kind: str, format_version: int) -> None:
        """Raise ArtifactError unless this manifest describes ``kind`` at ``format_version``
        and every listed file exists with its recorded checksum."""
        if self.kind != kind:
            raise ArtifactError(f"{directory} holds a {self.kind!r} artifact, expected {kind!r}; "
                                "rebuild it with `kgqa build --force`")  # fmt: skip
        if self.format_version != format_version:
            raise ArtifactError(
                f"{directory} has format version {self.format_version}, this kgqa reads "
                f"{format_version}; rebuild it with `kgqa build`"
            )
        for name, digest in self.files.items():
            path = directory / name
            if not path.is_file():
                raise ArtifactError(f"{path} is listed in the manifest but missing; rebuild it "
                                    "with `kgqa build --force`")  # fmt: skip
            if sha256_file(path) != digest:
                raise ArtifactError(f"{path} does not match its manifest checksum; rebuild it "
                                    "with `kgqa build --force`")  # fmt: skip


@contextlib.contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Yield a temporary directory beside ``target``; on success it replaces ``target``.

    A failed or interrupted build leaves the previous artifact untouched.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)
    logger.info("wrote %s", target)


# ----------------------------------------------------------------------------- linear models
LINEAR_WEIGHTS = "model.safetensors"


def save_linear(out: Path, weights: Any, kind: str, format_version: int,
                features: tuple[str, ...], inputs: Mapping[str, str],
                info: Mapping[str, Any]) -> Manifest:  # fmt: skip
    """Write a small linear model (one weight per named feature) as safetensors with its
    manifest (the features, the weights readable, and ``info``)."""
    import numpy as np
    from safetensors.numpy import save_file

    from kgqa.version import __version__

    w = np.asarray(weights, dtype=np.float64)
    out.mkdir(parents=True, exist_ok=True)
    save_file({"weights": w}, str(out / LINEAR_WEIGHTS))
    manifest = Manifest(
        kind=kind, format_version=format_version, kgqa_version=__version__, inputs=dict(inputs),
        files={LINEAR_WEIGHTS: sha256_file(out / LINEAR_WEIGHTS)},
        info={"features": list(features),
              "weights": {f: round(float(v), 4) for f, v in zip(features, w, strict=True)},
              **info},
    )  # fmt: skip
    manifest.write(out)
    return manifest


@contextlib.contextmanager
def damaged(directory: Path | str, remedy: str = "run `kgqa build --force`") -> Iterator[None]:
    """Whatever a damaged file makes its reader raise (``BadZipFile``, sqlite's
    ``DatabaseError``, faiss's ``RuntimeError``, a safetensors or JSON error, a missing file)
    surfaces as :class:`ArtifactError` naming the artifact and the remedy. kgqa's own errors
    pass through; so do ``MemoryError`` and interrupts."""
    try:
        yield
    except (KgqaError, MemoryError):
        raise
    except Exception as exc:
        raise ArtifactError(f"{directory} is damaged or unreadable ({type(exc).__name__}: "
                            f"{exc}); {remedy}") from exc  # fmt: skip


def guarded(remedy: str = "run `kgqa build --force`") -> Callable[[F], F]:
    """Decorate an artifact's ``load(cls, directory, ...)`` so that damage surfaces as
    :class:`ArtifactError` (see :func:`damaged`)."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def load(cls: Any, directory: Any = None, *args: Any, **kwargs: Any) -> Any:
            with damaged(directory if directory is not None else cls.__name__, remedy):
                return fn(cls, directory, *args, **kwargs)

        return load  # type: ignore[return-value]

    return wrap


class LinearModel:
    """A committed linear model over named features (written by :func:`save_linear`): a
    subclass names its ``KIND``, ``FORMAT_VERSION``, ``FEATURES`` and the folder under the
    package's models (``DIRECTORY``) and the command that trains it (``TRAIN``)."""

    KIND: str
    FORMAT_VERSION: int
    FEATURES: tuple[str, ...]
    DIRECTORY: str
    TRAIN: str

    def __init__(self, weights: Any) -> None:
        import numpy as np

        self.weights = np.asarray(weights, dtype=np.float64)

    @classmethod
    def load(cls: type[_L], directory: Path | None = None) -> _L:
        from kgqa.config import models_dir

        where = directory or models_dir() / cls.DIRECTORY
        return cls(load_linear(where, cls.KIND, cls.FORMAT_VERSION, cls.FEATURES,
                               f"run `{cls.TRAIN}`"))  # fmt: skip


_L = TypeVar("_L", bound=LinearModel)


def load_linear(directory: Path, kind: str, format_version: int, features: tuple[str, ...],
                remedy: str) -> Any:  # fmt: skip
    """The weight vector of a linear model written by :func:`save_linear`, checked against its
    manifest and against the features this code computes."""
    from safetensors.numpy import load_file

    manifest = Manifest.read(directory, remedy=remedy)
    manifest.check(directory, kind, format_version)
    if tuple(manifest.info.get("features", ())) != tuple(features):
        raise ArtifactError(
            f"{directory} was trained on features {manifest.info.get('features')}, this kgqa "
            f"computes {list(features)}; {remedy}"
        )
    with damaged(directory, remedy):
        return load_file(str(directory / LINEAR_WEIGHTS))["weights"]
