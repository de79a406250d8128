"""Export: a dataset or the store's contents to Turtle, TriG, N-Quads or JSON-LD files.

Turtle gets the union of all graphs; TriG, N-Quads and JSON-LD keep one named graph per article
(and the derived graphs). JSON-LD is compacted with a small ``@context`` made from the ontology
(one term per class and property, object properties as ``@id``) and written in a canonical order,
so the same store gives the same bytes. Files are written to a temporary name (created with the
user's umask) and renamed, so a failed export leaves the old file.
"""

from __future__ import annotations

import json
import os
import secrets
from functools import lru_cache
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
        return jsonld(ds)
    import pyoxigraph as ox

    if nquads is None:
        assert ds is not None, "serialize needs a dataset or its N-Quads"
        nquads = _nquads(ds)
    quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)  # read as they stream by, never all held
    prefixes = _prefixes()
    items: list
    if fmt == "ttl":
        by_text = {str(t): t for t in (q.triple for q in quads)}  # one entry per triple
        items = [by_text[k] for k in sorted(by_text)]  # in N-Triples order
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


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, object]:
    """The compact ``@context``: prefixes, then a term per ontology class and property (object
    properties coerced to ``@id``, dates and counts to their datatypes as stored)."""
    from rdflib import OWL, RDF, RDFS, Graph, URIRef
    from rdflib.namespace import SKOS, XSD

    from newskg.paths import ONTOLOGY, resource_text
    from newskg.vocab import ID, NKG

    ctx: dict[str, object] = {"nkg": str(NKG._NS), "id": str(ID), "rdfs": str(RDFS), "skos": str(SKOS),
                              "xsd": str(XSD), "label": "rdfs:label", "altLabel": "skos:altLabel",
                              "exactMatch": {"@id": "skos:exactMatch", "@type": "@id"}}
    onto = Graph().parse(data=resource_text(ONTOLOGY), format="turtle")
    typed = {XSD.date: "xsd:date", XSD.nonNegativeInteger: "xsd:integer", XSD.integer: "xsd:integer"}
    for term in sorted({str(t) for t in onto.subjects(RDF.type, None)}):
        if not term.startswith(str(NKG._NS)):
            continue
        name = term[len(str(NKG._NS)):]
        kinds = set(onto.objects(URIRef(term), RDF.type))
        rng = onto.value(URIRef(term), RDFS.range)
        if OWL.ObjectProperty in kinds:
            ctx[name] = {"@id": f"nkg:{name}", "@type": "@id"}
        elif OWL.DatatypeProperty in kinds and isinstance(rng, URIRef) and rng in typed:
            ctx[name] = {"@id": f"nkg:{name}", "@type": typed[rng]}
        else:
            ctx[name] = f"nkg:{name}"
    return ctx


def _canonical(value):
    """JSON with every list in one order (JSON-LD sets have none), so equal graphs give equal bytes."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def jsonld(ds: Dataset) -> str:
    """``ds`` as compacted JSON-LD, byte-identical for the same graphs."""
    ctx = jsonld_context()
    data = ds.serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = _canonical(json.loads(data if isinstance(data, str) else data.decode()))
    if isinstance(doc, dict):
        doc["@context"] = ctx
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed over it. The file is created
    with mode 0666 less the user's umask, as any ordinary file they make."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
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
    st = open_store(store, read_only=True)
    try:
        return dataset_from_nquads(st.dump_nquads())
    finally:
        st.close()


def export_store(store: str | Path, path: Path, fmt: str | None = None) -> Path:
    """Write everything the store holds to ``path`` in ``fmt`` (default from the suffix)."""
    key = format_for(path, fmt)
    write_atomic(path, serialize(load_store(store), key))
    return path
