"""Build: readings + resolution -> an rdflib ``Dataset``, one named graph per article.

Pure (no I/O). IRIs are derived from class and canonical label for entities and from the
article id and position for statements, incidents and memberships, so the same input gives
the same graph. Every entity mention, statement, incident and membership carries the article
and the character offsets of its evidence.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from newskg.models import COUNTRY, Reading
from newskg.resolve import Resolution
from newskg.vocab import ID, NKG

__all__ = ["build_graph", "article_iri", "entity_iri", "bind_prefixes"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def entity_iri(key: str) -> URIRef:
    return ID[key]


def bind_prefixes(g: Graph | Dataset) -> None:
    g.bind("nkg", NKG._NS)
    g.bind("id", ID)
    g.bind("skos", SKOS)


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(text.rfind("\n", 0, start), max(text.rfind(". ", 0, start) + 1, 0))
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return text[lo:hi].strip()


def _evidence(g: Graph, node: URIRef, art: URIRef, start: int, end: int) -> None:
    g.add((node, NKG.inArticle, art))
    g.add((node, NKG.startOffset, Literal(str(start), datatype=XSD.integer)))
    g.add((node, NKG.endOffset, Literal(str(end), datatype=XSD.integer)))


def build_graph(readings: list[Reading], res: Resolution, ds: Dataset | None = None) -> Dataset:
    """Add each reading as its own named graph to ``ds`` (a new ``Dataset`` by default)."""
    ds = ds if ds is not None else Dataset()
    bind_prefixes(ds)
    for reading in readings:
        _add_reading(ds, reading, res)
    return ds


def _add_reading(ds: Dataset, reading: Reading, res: Resolution) -> None:
    article = reading.article
    art = article_iri(article.id)
    g = ds.graph(art)
    g.add((art, RDF.type, NKG.Article))
    g.add((art, RDFS.label, Literal(article.source)))
    g.add((art, NKG.source, Literal(article.source)))
    if article.published:
        g.add((art, NKG.published, Literal(article.published.isoformat(), datatype=XSD.date)))
    aid = article.id

    def ent(mid: int | None) -> URIRef | None:
        e = res.entity(aid, mid)
        return entity_iri(e.key) if e else None

    pub = ent(reading.publisher_mention)
    if pub is not None:
        g.add((art, NKG.publisher, pub))
    # entities and their mentions
    for m in reading.mentions:
        e = res.entity(aid, m.id)
        if e is None:
            continue
        node = entity_iri(e.key)
        g.add((node, RDF.type, NKG[e.cls]))
        g.add((node, RDFS.label, Literal(e.label)))
        for alt in sorted(e.alt_labels):
            g.add((node, SKOS.altLabel, Literal(alt)))
        if e.cls == COUNTRY and e.key.startswith("country/"):
            g.add((node, NKG.isoCode, Literal(e.key.split("/", 1)[1])))
        if m.end > m.start:
            mention = URIRef(f"{art}#m{m.start}-{m.end}")
            g.add((mention, RDF.type, NKG.Mention))
            g.add((mention, NKG.mentionOf, node))
            g.add((mention, NKG.surface, Literal(article.text[m.start:m.end])))
            _evidence(g, mention, art, m.start, m.end)
    for n, mem in enumerate(reading.memberships):
        person = ent(mem.person)
        if person is None:
            continue
        node = ID[f"membership/{aid}-{n}"]
        g.add((node, RDF.type, NKG.Membership))
        g.add((node, NKG.member, person))
        g.add((node, NKG.role, Literal(mem.role)))
        org = ent(mem.organization)
        if org is not None:
            g.add((node, NKG.organization, org))
        if article.published:
            g.add((node, NKG.date, Literal(article.published.isoformat(), datatype=XSD.date)))
        g.add((node, NKG.sentence, Literal(_sentence(article.text, mem.start, mem.end))))
        _evidence(g, node, art, mem.start, mem.end)
    for n, st in enumerate(reading.statements):
        speakers = [s for s in (ent(x) for x in st.speakers) if s is not None]
        if not speakers:
            continue
        node = ID[f"statement/{aid}-{n}"]
        g.add((node, RDF.type, NKG.Statement))
        for s in speakers:
            g.add((node, NKG.speaker, s))
        g.add((node, NKG.text, Literal(st.text)))
        g.add((node, NKG.kind, Literal(st.kind)))
        g.add((node, NKG.reportedIn, art))
        if st.date:
            g.add((node, NKG.date, Literal(st.date.isoformat(), datatype=XSD.date)))
        for mid in st.mentions:
            target = ent(mid)
            if target is not None:
                g.add((node, NKG.mentions, target))
        _evidence(g, node, art, st.start, st.end)
    for n, inc in enumerate(reading.incidents):
        node = ID[f"incident/{aid}-{n}"]
        place = ent(inc.place)
        if place is None and inc.date is None:
            continue
        g.add((node, RDF.type, NKG.Incident))
        g.add((node, NKG.kind, Literal(inc.kind)))
        g.add((node, NKG.reportedIn, art))
        if inc.date:
            g.add((node, NKG.date, Literal(inc.date.isoformat(), datatype=XSD.date)))
        if place is not None:
            g.add((node, NKG.place, place))
        for field, value in (("killed", inc.killed), ("injured", inc.injured)):
            if value is not None:
                g.add((node, NKG[field], Literal(str(value), datatype=XSD.integer)))
        for v in inc.victims:
            victim = ent(v)
            if victim is not None:
                g.add((node, NKG.victim, victim))
        g.add((node, NKG.sentence, Literal(article.text[inc.start:inc.end].strip())))
        _evidence(g, node, art, inc.start, inc.end)
    for li in reading.located_in:
        a, b = ent(li.inner), ent(li.outer)
        if a is not None and b is not None and a != b:
            g.add((a, NKG.locatedIn, b))
