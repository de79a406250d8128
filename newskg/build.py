"""Build: readings + resolution -> N-Quads, one named graph per article.

Pure (no I/O). An article's graph holds only what that article says: the article's metadata,
its mentions (with offsets), memberships, statements, incident reports and one entity report
per entity it names. What several articles support together (an entity's class and labels, an
incident's own figures) is derived from these graphs (derive.py), so every triple is stored
once. IRIs are derived from class and canonical label for entities and from the article id
and position for everything else, so the same input gives the same graph.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from newskg.derive import format_votes
from newskg.models import COUNTRY, Reading
from newskg.resolve import Resolution, area_levels
from newskg.vocab import ID, NKG

__all__ = ["build_nquads", "QuadSink", "article_iri", "entity_iri", "bind_prefixes"]


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


def _evidence(g: QuadSink, node: URIRef, art: URIRef, start: int, end: int) -> None:
    g.add((node, NKG.inArticle, art))
    g.add((node, NKG.startOffset, Literal(str(start), datatype=XSD.integer)))
    g.add((node, NKG.endOffset, Literal(str(end), datatype=XSD.integer)))


def _incident_key(inc, outer_of: dict[int, int], res: Resolution, aid: str) -> str | None:
    """Reports of one event share a key: its date and the widest area below the country that the
    article puts its place in ("X village of the Y district" and "in the Y district" meet at Y)."""
    mid = inc.place
    seen = set()
    anchor = res.entity(aid, mid)
    while mid in outer_of and mid not in seen:
        seen.add(mid)
        mid = outer_of[mid]
        e = res.entity(aid, mid)
        if e is None or e.cls == COUNTRY:
            break
        anchor = e
    if anchor is None or inc.date is None:
        return None
    return f"incident/{inc.date.isoformat()}/{anchor.key.split('/', 1)[-1]}"


class QuadSink:
    """Collects an article graph's triples as N-Quads lines: the fast path of ``build_nquads``
    (rdflib's in-memory store indexes every triple three ways, which a build does not need)."""

    def __init__(self, graph: URIRef, lines: list[str]):
        self.suffix = f" <{graph}> .\n"
        self.lines = lines

    def add(self, triple) -> None:
        s, p, o = triple
        self.lines.append(f"<{s}> <{p}> {_nt(o)}{self.suffix}")


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt(term) -> str:
    """One N-Triples term (IRIs and literals are all a build writes)."""
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPE)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != str(XSD.string):
            return f"{text}^^<{term.datatype}>"
        return text
    return f"<{term}>"


def build_nquads(readings: list[Reading], res: Resolution) -> dict[str, str]:
    """Each reading's named graph as N-Quads text, by graph IRI."""
    out: dict[str, str] = {}
    for reading in readings:
        lines: list[str] = []
        art = article_iri(reading.article.id)
        _add_reading(QuadSink(art, lines), reading, res)
        out[str(art)] = "".join(dict.fromkeys(lines))
    return out


def _add_reading(g: QuadSink, reading: Reading, res: Resolution) -> None:
    article = reading.article
    art = article_iri(article.id)
    g.add((art, RDF.type, NKG.Article))
    g.add((art, RDFS.label, Literal(article.source)))
    g.add((art, NKG.source, Literal(article.source)))
    if article.published:
        g.add((art, NKG.published, Literal(article.published.isoformat(), datatype=XSD.date)))
    _add_metadata(g, art, article)
    aid = article.id
    src = article.source_offset  # offsets are written into the text as read (the file, or nkg:articleBody)

    def ent(mid: int | None) -> URIRef | None:
        e = res.entity(aid, mid)
        return entity_iri(e.key) if e else None

    pub = ent(reading.publisher_mention)
    if pub is not None:
        g.add((art, NKG.publisher, pub))
    _add_entity_reports(g, reading, res, art)
    for m in reading.mentions:
        e = res.entity(aid, m.id)
        if e is None:
            continue
        if m.end > m.start:
            mention = URIRef(f"{art}#m{src(m.start)}-{src(m.end)}")
            g.add((mention, RDF.type, NKG.Mention))
            g.add((mention, NKG.mentionOf, entity_iri(e.key)))
            g.add((mention, NKG.surface, Literal(article.text[m.start:m.end])))
            _evidence(g, mention, art, src(m.start), src(m.end))
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
        _evidence(g, node, art, src(mem.start), src(mem.end))
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
        _evidence(g, node, art, src(st.start), src(st.end))
    outer_of = {(li.inner): li.outer for li in reading.located_in}
    used: set[str] = set()
    for n, inc in enumerate(reading.incidents):
        place = ent(inc.place)
        if place is None and inc.date is None:
            continue
        key = _incident_key(inc, outer_of, res, aid) if inc.date and inc.place is not None else None
        if key is None or key in used:
            key = f"incident/{aid}-{n}"
        used.add(key)
        node = ID[res.incident_of.get((aid, n), key)]  # one event across outlets (incident_match)
        report = ID[f"report/{aid}-{n}"]  # not the event's key, which a later report may change
        # the incident's own type, kind, date, victims, place and figures are derived (derive.py)
        g.add((node, NKG.reportedIn, art))
        g.add((node, NKG.report, report))
        g.add((report, RDF.type, NKG.IncidentReport))
        g.add((report, NKG.reportedIn, art))
        g.add((report, NKG.kind, Literal(inc.kind)))
        if inc.date:
            g.add((report, NKG.date, Literal(inc.date.isoformat(), datatype=XSD.date)))
        if place is not None:
            g.add((report, NKG.place, place))
        for field, value in (("killed", inc.killed), ("injured", inc.injured)):
            if value is not None:
                g.add((report, NKG[field], Literal(str(value), datatype=XSD.integer)))
        for v in inc.victims:
            victim = ent(v)
            if victim is not None:
                g.add((report, NKG.victim, victim))
        g.add((report, NKG.sentence, Literal(article.text[inc.start:inc.end].strip())))
        _evidence(g, report, art, src(inc.start), src(inc.end))


def _add_metadata(g: QuadSink, art: URIRef, article) -> None:
    """What the source said about the article: URL, headline, author, content hash and, for a text
    that is no plain file of its own (a page's main text, a record's), that text itself."""
    if article.url:
        g.add((art, NKG.url, Literal(article.url, datatype=XSD.anyURI)))
    for prop, value in ((NKG.headline, article.title), (NKG.author, article.author),
                        (NKG.contentHash, article.digest), (NKG.articleBody, article.original)):
        if value:
            g.add((art, prop, Literal(value)))


def _add_entity_reports(g: QuadSink, reading: Reading, res: Resolution, art: URIRef) -> None:
    """One ``nkg:EntityReport`` per entity the article names: its names there, the class its
    words vote for, the levels it gives an area and where it places it. The entity's own
    description is derived from these (derive.py), never written here."""
    aid = reading.article.id
    members: dict[str, list] = {}
    for m in reading.mentions:
        e = res.entity(aid, m.id)
        if e is not None:
            members.setdefault(e.key, []).append(m)
    placed: dict[str, set[str]] = {}
    for li in reading.located_in:
        a, b = res.entity(aid, li.inner), res.entity(aid, li.outer)
        if a is not None and b is not None and a.key != b.key:
            placed.setdefault(a.key, set()).add(b.key)
    for key, ms in sorted(members.items()):
        node = URIRef(f"{art}#e{min(m.id for m in ms)}")
        votes: dict[str, float] = {}
        for m in ms:
            for cls, w in m.votes or ((m.cls, m.weight),):
                votes[cls] = votes.get(cls, 0.0) + w
        names = res.names.get((aid, key)) or {res.entities[key].label}
        g.add((node, RDF.type, NKG.EntityReport))
        g.add((node, NKG.about, entity_iri(key)))
        g.add((node, NKG.inArticle, art))
        g.add((node, NKG.classVotes, Literal(format_votes(votes))))
        for name in sorted(names):
            g.add((node, NKG.name, Literal(name)))
        for alt in sorted(res.alt_names.get((aid, key), set()) - names):
            g.add((node, NKG.altName, Literal(alt)))
        for canon in sorted({m.canonical for m in ms if m.canonical}):
            g.add((node, NKG.canonicalName, Literal(canon)))
        for level in sorted(area_levels(ms)):
            g.add((node, NKG.areaLevel, Literal(level)))
        for outer in sorted(placed.get(key, ())):
            g.add((node, NKG.placedIn, entity_iri(outer)))
        for note in sorted(res.notes.get((aid, key), ())):
            g.add((node, NKG.mergeNote, Literal(note)))
