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
# not "id": its local names hold "/" and "#", which Turtle would have to escape
PREFIXES = frozenset({"nkg", "skos", "rdf", "rdfs", "xsd", "owl"})


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


def _nquads(ds: Dataset) -> str:
    data = ds.serialize(format="nquads")
    return data if isinstance(data, str) else data.decode()


def serialize(ds: Dataset | None, fmt: str, nquads: str | None = None) -> str:
    """``ds`` in ``fmt``; pass ``nquads`` when the dataset's N-Quads are already at hand.

    Turtle, TriG and N-Quads are written by Oxigraph (fast, in Rust), statements sorted so the
    same graph always gives the same bytes; JSON-LD by rdflib.
    """
    if fmt == "jsonld":
        if ds is None:
            ds = dataset_from_nquads(nquads or "")
        data = ds.serialize(format="json-ld", indent=2)
        return data if isinstance(data, str) else data.decode()
    import pyoxigraph as ox

    if nquads is None:
        assert ds is not None, "serialize needs a dataset or its N-Quads"
        nquads = _nquads(ds)
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    prefixes = _prefixes()
    items: list
    if fmt == "ttl":
        items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_order)
        out = ox.serialize(items, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    else:
        items = sorted(set(quads), key=lambda q: (str(q.graph_name), *_order(q)))
        fmt_ox = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        out = ox.serialize(items, format=fmt_ox, prefixes=prefixes) if fmt == "trig" else ox.serialize(items, format=fmt_ox)
    return out.decode() if out is not None else ""


def _prefixes() -> dict[str, str]:
    from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

    from newskg.vocab import NKG

    return {"rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS), "nkg": str(NKG._NS), "xsd": str(XSD), "owl": str(OWL)}


def _order(t) -> tuple[str, str, str]:
    return str(t.subject), str(t.predicate), str(t.object)


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
