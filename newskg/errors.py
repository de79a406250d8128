"""Which exceptions are the user's to fix, and the one line that says so."""

from __future__ import annotations


def user_error(exc: BaseException) -> str | None:
    from newskg.extract.model import ModelMissing
    from newskg.ingest import IngestError
    from newskg.store import StoreError

    if isinstance(exc, (IngestError, StoreError, ModelMissing, FileNotFoundError, ValueError)):
        return str(exc)
    name = type(exc).__name__
    if name in {"SyntaxError", "QueryEvaluationError"} or "Sparql" in name or "sparql" in str(type(exc)):
        return f"bad query: {str(exc).splitlines()[0] if str(exc) else name}"
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: {exc.strerror or exc}".strip(": ")
    return None
