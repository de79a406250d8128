"""Build: readings + resolution -> N-Quads, one named graph per article.

Pure (no I/O). IRIs are derived from class and canonical label for entities and from the
article id and position for statements, incidents and memberships, so the same input gives
the same graph. Every entity mention, statement, incident and membership carries the article
and the character offsets of its evidence.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, XSD

from newskg.aliases import subdivision_code, wikidata_of
from newskg.models import ADMIN_AREA, COUNTRY, Reading
from newskg.resolve import Resolution, area_levels
from newskg.vocab import ID, NKG

__all__ = ["build_nquads", "QuadSink", "article_iri", "entity_iri", "bind_prefixes", "derive_incidents", "DERIVED"]

WD = Namespace("http://www.wikidata.org/entity/")
DERIVED = ID["graph/incidents"]


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
            code = e.key.split("/", 1)[1]
            g.add((node, NKG.isoCode, Literal(code)))
            qid = wikidata_of(code)
            if qid:
                g.add((node, SKOS.exactMatch, WD[qid]))
        elif e.cls == ADMIN_AREA:
            iso = subdivision_code(e.label, area_levels([m for _, m in e.mentions]))
            if iso:
                g.add((node, NKG.isoCode, Literal(iso)))
        for note in e.merged_because:
            g.add((node, NKG.mergeNote, Literal(note)))
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
        report = ID[f"{key}/report/{aid}"]
        g.add((node, RDF.type, NKG.Incident))
        g.add((node, NKG.kind, Literal(inc.kind)))
        g.add((node, NKG.reportedIn, art))
        g.add((node, NKG.report, report))
        g.add((report, RDF.type, NKG.IncidentReport))
        g.add((report, NKG.reportedIn, art))
        for target in (node, report):
            if inc.date:
                g.add((target, NKG.date, Literal(inc.date.isoformat(), datatype=XSD.date)))
        if place is not None:
            g.add((report, NKG.place, place))
        for field, value in (("killed", inc.killed), ("injured", inc.injured)):
            if value is not None:
                g.add((report, NKG[field], Literal(str(value), datatype=XSD.integer)))
        for v in inc.victims:
            victim = ent(v)
            if victim is not None:
                g.add((node, NKG.victim, victim))
                g.add((report, NKG.victim, victim))
        g.add((report, NKG.sentence, Literal(article.text[inc.start:inc.end].strip())))
        _evidence(g, report, art, inc.start, inc.end)
    for li in reading.located_in:
        a, b = ent(li.inner), ent(li.outer)
        if a is not None and b is not None and a != b:
            g.add((a, NKG.locatedIn, b))


REPORTS = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?inc ?rep ?art ?pub ?src ?killed ?injured ?place WHERE {
  ?inc nkg:report ?rep . ?rep nkg:reportedIn ?art .
  OPTIONAL { ?art nkg:published ?pub } OPTIONAL { ?art nkg:source ?src }
  OPTIONAL { ?rep nkg:killed ?killed } OPTIONAL { ?rep nkg:injured ?injured } OPTIONAL { ?rep nkg:place ?place } }"""
CONTAINS = "PREFIX nkg: <https://w3id.org/newskg/ontology#> SELECT ?a ?b WHERE { ?a nkg:locatedIn ?b }"


def derive_incidents(reports: list[dict], contains: list[dict]) -> Graph:
    """An incident's own place and figures, from all its reports (rows of ``REPORTS``).

    Place: the most specific place any report gives (the one the others contain), then the one
    most reports give. Figures: those of the latest-published report that gives one; on a tie,
    the highest. Every report keeps its own figures; ``nkg:figureRule`` says which were taken.
    """
    outer: dict[str, set[str]] = {}
    for row in contains:
        outer.setdefault(str(row["a"]), set()).add(str(row["b"]))

    def depth(p: str) -> int:
        seen, todo = set(), [p]
        while todo:
            x = todo.pop()
            for y in outer.get(x, ()):
                if y not in seen:
                    seen.add(y)
                    todo.append(y)
        return len(seen)

    by_inc: dict[str, list[dict]] = {}
    for row in reports:
        by_inc.setdefault(str(row["inc"]), []).append(row)
    g = Graph()
    for inc, rows in sorted(by_inc.items()):
        node = URIRef(inc)
        rows = sorted(rows, key=lambda r: (str(r.get("pub") or ""), str(r["rep"])))
        places = [str(r["place"]) for r in rows if r.get("place")]
        if places:
            best = max(sorted(set(places)), key=lambda p: (depth(p), places.count(p)))
            g.add((node, NKG.place, URIRef(best)))
        notes = []
        for field in ("killed", "injured"):
            given = [(str(r.get("pub") or ""), int(str(r[field])), str(r.get("src") or r["art"])) for r in rows if r.get(field) is not None]
            if not given:
                continue
            latest = max(p for p, _, _ in given)
            value = max(v for p, v, _ in given if p == latest)
            g.add((node, NKG[field], Literal(str(value), datatype=XSD.integer)))
            if len({v for _, v, _ in given}) > 1 or len(given) > 1:
                each = "; ".join(f"{src}: {v}" for _, v, src in given)
                notes.append(f"{field} {value} from the latest report ({latest or 'undated'}); reports: {each}")
            else:
                notes.append(f"{field} {value} from its only report")
        if notes:
            g.add((node, NKG.figureRule, Literal(" | ".join(notes))))
    return g
