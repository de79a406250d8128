"""Export: a dataset or the store's contents to Turtle, TriG, N-Quads or JSON-LD files.

Turtle gets the union of all article graphs; TriG and N-Quads keep one named graph per article.
Files are written to a temporary name and renamed, so a failed export leaves the old file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from newskg.build import bind_prefixes

__all__ = ["FORMATS", "format_for", "serialize", "write_atomic", "dataset_from_nquads", "union_graph"]

FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


def format_for(path: Path, fmt: str | None = None) -> str:
    key = (fmt or path.suffix.lstrip(".")).lower()
    if key not in FORMATS:
        raise ValueError(f"unknown format {key!r}: use one of {', '.join(FORMATS)}")
    return key


def union_graph(ds: Dataset) -> Graph:
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def serialize(ds: Dataset, fmt: str) -> str:
    if fmt == "ttl":
        data = union_graph(ds).serialize(format="turtle")
    elif fmt == "jsonld":
        data = ds.serialize(format="json-ld", indent=2)
    else:
        data = ds.serialize(format=FORMATS[fmt])
    return data if isinstance(data, str) else data.decode()


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dataset_from_nquads(nquads: str) -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    if nquads.strip():
        ds.parse(data=nquads, format="nquads")
    return ds


def load_store(store: str | Path) -> Dataset:
    """Everything a store holds, as an rdflib ``Dataset``."""
    from newskg.store import open_store

    if not Path(str(store)).exists() and not str(store).startswith("http"):
        raise ValueError(f"{store}: no store here; run 'newskg build' first")
    st = open_store(store)
    try:
        return dataset_from_nquads(st.dump_nquads())
    finally:
        st.close()


def export_store(store: str | Path, path: Path, fmt: str | None = None) -> Path:
    """Write everything the store holds to ``path`` in ``fmt`` (default from the suffix)."""
    key = format_for(path, fmt)
    write_atomic(path, serialize(load_store(store), key))
    return path
