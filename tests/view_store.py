"""A small made-up graph in a real on-disk store, for the view tests.

Names are invented; some labels are hostile on purpose (markup, ``</script>``, ``<!--``,
U+2028) and some carry characters that escaping tends to mangle (``AT&T``, ``O'Neil``).
"""

from __future__ import annotations

from pathlib import Path

NKG = "https://w3id.org/newskg/ontology#"
ID = "https://w3id.org/newskg/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "</script><script>window.__pwned=2</script>"
QUOTE = "We will reopen the <!-- ferry --> line by May\u2028and not before, & that's final"

ATT = ID + "organization/at-t"
ONEIL = ID + "person/dara-o-neil"
EVIL_PERSON = ID + "person/evil-img"
EVIL_ORG = ID + "organization/evil-script"
TOWN = ID + "place/lowmere"
AREA = ID + "place/fenwick"
GAZETTE = ID + "organization/harbour-gazette"
WIRE = ID + "organization/valley-wire"
A1, A2 = ID + "article/a1", ID + "article/a2"
S1, S2, S3 = ID + "statement/a1-0", ID + "statement/a2-0", ID + "statement/a2-1"
INCIDENT = ID + "incident/2024-02-28/fenwick"
LABELS = {ATT: "AT&T", ONEIL: "Dara O'Neil", EVIL_PERSON: IMG, EVIL_ORG: SCRIPT, TOWN: "Lowmere",
          AREA: "Fenwick District", GAZETTE: "Harbour Gazette", WIRE: "Valley Wire"}
CLASSES = {ATT: "Organization", ONEIL: "Person", EVIL_PERSON: "Person", EVIL_ORG: "GovernmentBody",
           TOWN: "Settlement", AREA: "AdministrativeArea", GAZETTE: "MediaOutlet", WIRE: "MediaOutlet"}


def _article_graph(art: str, published: str, outlet: str, facts: list[tuple]) -> list:
    import pyoxigraph as ox

    g = ox.NamedNode(art)

    def term(v):
        if isinstance(v, tuple):
            return ox.Literal(v[0], datatype=ox.NamedNode(XSD + v[1]))
        if isinstance(v, str) and v.startswith(("http://", "https://")):
            return ox.NamedNode(v)
        return ox.Literal(str(v)) if not isinstance(v, int) else ox.Literal(str(v), datatype=ox.NamedNode(XSD + "integer"))

    rows = [(art, "type", NKG + "Article"), (art, RDFS + "label", art.rsplit("/", 1)[-1] + ".txt"),
            (art, NKG + "source", art.rsplit("/", 1)[-1] + ".txt"), (art, NKG + "published", (published, "date")),
            (art, NKG + "publisher", outlet), *facts]
    quads = []
    for s, p, o in rows:
        pred = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" if p == "type" else p
        obj = ox.NamedNode(NKG + o) if p == "type" and not o.startswith("http") else term(o)
        quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(pred), obj, g))
    return quads


def _entity(iri: str, art: str, n_mentions: int) -> list[tuple]:
    cls = CLASSES[iri]
    out = [(iri, "type", NKG + cls), (iri, RDFS + "label", LABELS[iri])]
    for k in range(n_mentions):
        m = f"{art}#m{abs(hash((iri, k))) % 10**6}-{k}"
        out += [(m, "type", NKG + "Mention"), (m, NKG + "mentionOf", iri), (m, NKG + "inArticle", art)]
    return out


def make_store(path: Path) -> Path:
    """Write the made-up graph into an Oxigraph store at ``path`` (two articles, two outlets)."""
    import pyoxigraph as ox

    a1 = [*_entity(ONEIL, A1, 3), *_entity(ATT, A1, 2), *_entity(TOWN, A1, 1), *_entity(AREA, A1, 1),
          *_entity(GAZETTE, A1, 1), (TOWN, NKG + "locatedIn", AREA),
          (ID + "membership/a1-0", "type", NKG + "Membership"), (ID + "membership/a1-0", NKG + "member", ONEIL),
          (ID + "membership/a1-0", NKG + "organization", ATT), (ID + "membership/a1-0", NKG + "role", "spokesperson"),
          (ID + "membership/a1-0", NKG + "date", ("2024-03-01", "date")), (ID + "membership/a1-0", NKG + "inArticle", A1),
          (S1, "type", NKG + "Statement"), (S1, NKG + "speaker", ONEIL), (S1, NKG + "text", QUOTE),
          (S1, NKG + "date", ("2024-03-01", "date")), (S1, NKG + "reportedIn", A1), (S1, NKG + "kind", "direct"),
          (S1, NKG + "mentions", TOWN),
          (INCIDENT, "type", NKG + "Incident"), (INCIDENT, NKG + "date", ("2024-02-28", "date")),
          (INCIDENT, NKG + "kind", "flood"), (INCIDENT, NKG + "place", TOWN), (INCIDENT, NKG + "killed", 2),
          (INCIDENT, NKG + "victim", ONEIL), (INCIDENT, NKG + "reportedIn", A1)]
    a2 = [(ATT, "http://www.w3.org/2004/02/skos/core#altLabel", "Ampersand Telephone"), *_entity(EVIL_PERSON, A2, 2), *_entity(EVIL_ORG, A2, 1), *_entity(ATT, A2, 1), *_entity(WIRE, A2, 1),
          (S2, "type", NKG + "Statement"), (S2, NKG + "speaker", EVIL_PERSON), (S2, NKG + "text", SCRIPT + " " + IMG),
          (S2, NKG + "date", ("2024-05-10", "date")), (S2, NKG + "reportedIn", A2), (S2, NKG + "mentions", EVIL_ORG),
          (S3, "type", NKG + "Statement"), (S3, NKG + "speaker", ATT), (S3, NKG + "text", "Service is back in Lowmere"),
          (S3, NKG + "date", ("2024-05-10", "date")), (S3, NKG + "reportedIn", A2), (S3, NKG + "mentions", TOWN)]
    path.mkdir(parents=True, exist_ok=True)
    st = ox.Store(str(path))
    for art, pub, outlet, facts in ((A1, "2024-03-01", GAZETTE, a1), (A2, "2024-05-10", WIRE, a2)):
        st.extend(_article_graph(art, pub, outlet, facts))
    st.flush()
    del st
    return path
