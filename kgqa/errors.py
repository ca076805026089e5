"""The kgqa exception hierarchy: every error the library raises on purpose is a KgqaError."""

from __future__ import annotations


class KgqaError(Exception):
    """Base class of all errors raised by kgqa."""


class InputError(KgqaError, ValueError):
    """User input that cannot be processed (empty, too long, unknown option, ...)."""


class DataError(KgqaError):
    """A raw source file is missing or does not have the expected format."""


class ArtifactError(KgqaError):
    """A built artifact is missing, incomplete or does not match its manifest."""
