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


def _evidence(g: QuadSink, node: str, art: str, start: int, end: int) -> None:
    g.put(node, T.inArticle, art)
    g.put(node, T.startOffset, _integer(start))
    g.put(node, T.endOffset, _integer(end))


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

    def put(self, s: str, p: str, o: str) -> None:
        """A triple of terms already written as N-Triples (``T``, ``_iri``, ``_lit``): a build
        writes hundreds of thousands, and making rdflib terms for each costs more than the rest."""
        self.lines.append(f"{s} {p} {o}{self.suffix}")


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


def _iri(iri: str) -> str:
    return f"<{iri}>"


def _lit(text: str) -> str:
    """A plain literal as ``_nt(Literal(text))`` writes it."""
    return f'"{text.translate(_ESCAPE)}"'


def _typed(text: str, datatype: str) -> str:
    return f'"{text.translate(_ESCAPE)}"^^<{datatype}>'


def _integer(n: int) -> str:
    return f'"{n}"^^<{XSD.integer}>'


def _date(d) -> str:
    return f'"{d.isoformat()}"^^<{XSD.date}>'


class _Terms:
    """The ontology's terms as N-Triples IRIs (``T.inArticle`` is ``"<…#inArticle>"``), each
    looked up in ``NKG`` once."""

    type = _iri(str(RDF.type))
    label = _iri(str(RDFS.label))

    def __getattr__(self, name: str) -> str:
        term = _iri(str(getattr(NKG, name)))
        setattr(self, name, term)
        return term


T = _Terms()


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
    art_iri = str(article_iri(article.id))
    art = _iri(art_iri)
    ids = str(ID)
    g.put(art, T.type, T.Article)
    g.put(art, T.label, _lit(article.source))
    g.put(art, T.source, _lit(article.source))
    published = _date(article.published) if article.published else None
    if published:
        g.put(art, T.published, published)
    _add_metadata(g, art, article)
    aid = article.id
    src = article.source_offset  # offsets are written into the text as read (the file, or nkg:articleBody)

    def ent(mid: int | None) -> str | None:
        e = res.entity(aid, mid)
        return f"<{ids}{e.key}>" if e else None

    pub = ent(reading.publisher_mention)
    if pub is not None:
        g.put(art, T.publisher, pub)
    _add_entity_reports(g, reading, res, art_iri)
    for m in reading.mentions:
        e = res.entity(aid, m.id)
        if e is None:
            continue
        if m.end > m.start:
            mention = f"<{art_iri}#m{src(m.start)}-{src(m.end)}>"
            g.put(mention, T.type, T.Mention)
            g.put(mention, T.mentionOf, f"<{ids}{e.key}>")
            g.put(mention, T.surface, _lit(article.text[m.start:m.end]))
            _evidence(g, mention, art, src(m.start), src(m.end))
    for n, mem in enumerate(reading.memberships):
        person = ent(mem.person)
        if person is None:
            continue
        node = f"<{ids}membership/{aid}-{n}>"
        g.put(node, T.type, T.Membership)
        g.put(node, T.member, person)
        g.put(node, T.role, _lit(mem.role))
        org = ent(mem.organization)
        if org is not None:
            g.put(node, T.organization, org)
        if published:
            g.put(node, T.date, published)
        g.put(node, T.sentence, _lit(_sentence(article.text, mem.start, mem.end)))
        _evidence(g, node, art, src(mem.start), src(mem.end))
    for n, st in enumerate(reading.statements):
        speakers = [s for s in (ent(x) for x in st.speakers) if s is not None]
        if not speakers:
            continue
        node = f"<{ids}statement/{aid}-{n}>"
        g.put(node, T.type, T.Statement)
        for s in speakers:
            g.put(node, T.speaker, s)
        g.put(node, T.text, _lit(st.text))
        g.put(node, T.kind, _lit(st.kind))
        g.put(node, T.reportedIn, art)
        if st.date:
            g.put(node, T.date, _date(st.date))
        for mid in st.mentions:
            target = ent(mid)
            if target is not None:
                g.put(node, T.mentions, target)
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
        node = f"<{ids}{res.incident_of.get((aid, n), key)}>"  # one event across outlets (incident_match)
        report = f"<{ids}report/{aid}-{n}>"  # not the event's key, which a later report may change
        # the incident's own type, kind, date, victims, place and figures are derived (derive.py)
        g.put(node, T.reportedIn, art)
        g.put(node, T.report, report)
        g.put(report, T.type, T.IncidentReport)
        g.put(report, T.reportedIn, art)
        g.put(report, T.kind, _lit(inc.kind))
        if inc.date:
            g.put(report, T.date, _date(inc.date))
        if place is not None:
            g.put(report, T.place, place)
        for field, value in (("killed", inc.killed), ("injured", inc.injured)):
            if value is not None:
                g.put(report, getattr(T, field), _integer(value))
        for v in inc.victims:
            victim = ent(v)
            if victim is not None:
                g.put(report, T.victim, victim)
        g.put(report, T.sentence, _lit(article.text[inc.start:inc.end].strip()))
        _evidence(g, report, art, src(inc.start), src(inc.end))


def _add_metadata(g: QuadSink, art: str, article) -> None:
    """What the source said about the article: URL, headline, author, content hash and, for a text
    that is no plain file of its own (a page's main text, a record's), that text itself."""
    if article.url:
        g.put(art, T.url, _typed(article.url, str(XSD.anyURI)))
    for prop, value in ((T.headline, article.title), (T.author, article.author),
                        (T.contentHash, article.digest), (T.articleBody, article.original)):
        if value:
            g.put(art, prop, _lit(value))


def _add_entity_reports(g: QuadSink, reading: Reading, res: Resolution, art_iri: str) -> None:
    """One ``nkg:EntityReport`` per entity the article names: its names there, the class its
    words vote for, the levels it gives an area and where it places it. The entity's own
    description is derived from these (derive.py), never written here."""
    aid = reading.article.id
    art, ids = _iri(art_iri), str(ID)
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
        node = f"<{art_iri}#e{min(m.id for m in ms)}>"
        votes: dict[str, float] = {}
        for m in ms:
            for cls, w in m.votes or ((m.cls, m.weight),):
                votes[cls] = votes.get(cls, 0.0) + w
        names = res.names.get((aid, key)) or {res.entities[key].label}
        g.put(node, T.type, T.EntityReport)
        g.put(node, T.about, f"<{ids}{key}>")
        g.put(node, T.inArticle, art)
        g.put(node, T.classVotes, _lit(format_votes(votes)))
        for name in sorted(names):
            g.put(node, T.name, _lit(name))
        for alt in sorted(res.alt_names.get((aid, key), set()) - names):
            g.put(node, T.altName, _lit(alt))
        for canon in sorted({m.canonical for m in ms if m.canonical}):
            g.put(node, T.canonicalName, _lit(canon))
        for level in sorted(area_levels(ms)):
            g.put(node, T.areaLevel, _lit(level))
        for outer in sorted(placed.get(key, ())):
            g.put(node, T.placedIn, f"<{ids}{outer}>")
        for note in sorted(res.notes.get((aid, key), ())):
            g.put(node, T.mergeNote, _lit(note))
