"""Explain: every fact about an entity, each with the sentence it came from and its article."""

from __future__ import annotations

from pathlib import Path

from newskg.query import run_query


def _find(store: str | Path, what: str) -> list:
    """The entities called ``what`` (a label, any case) or named by it (an IRI)."""
    import pyoxigraph as ox

    if what.startswith(("http://", "https://")):
        try:
            return [ox.NamedNode(what)]
        except ValueError:
            raise ValueError(f"not an IRI: {what!r}") from None
    rows = run_query(store, "SELECT DISTINCT ?e WHERE { ?e rdfs:label|skos:altLabel ?l . "
                     "FILTER(LCASE(STR(?l)) = LCASE(?name)) }", {"name": what})
    return [ox.NamedNode(r["e"]) for r in sorted(rows, key=lambda r: r["e"])]


def explain(store: str | Path, what: str) -> list[str]:
    """Lines describing each fact about ``what`` (a label or IRI) with its evidence."""
    out: list[str] = []
    for node in _find(store, what):
        e, b = node.value, {"e": node}
        rows = run_query(store, "SELECT ?l ?c WHERE { ?e rdfs:label ?l ; a ?c }", b)
        if not rows:
            out += _incident(store, e, b)
            continue
        out.append(f"{rows[0]['l']} <{e}> ({', '.join(sorted({r['c'].split('#')[-1] for r in rows}))})")
        for r in run_query(store, "SELECT ?s ?src ?st ?en WHERE { ?m nkg:mentionOf ?e ; nkg:surface ?s ; nkg:inArticle ?a ; nkg:startOffset ?st ; nkg:endOffset ?en . ?a nkg:source ?src } ORDER BY ?src ?st", b):
            out.append(f"  named {r['s']!r} in {r['src']} [{r['st']}:{r['en']}]")
        for r in run_query(store, "SELECT DISTINCT ?role ?ol ?sent ?src ?d WHERE { ?m nkg:member ?e ; nkg:role ?role ; nkg:inArticle ?a . ?a nkg:source ?src OPTIONAL { ?m nkg:organization ?o . ?o rdfs:label ?ol } OPTIONAL { ?m nkg:sentence ?sent } OPTIONAL { ?m nkg:date ?d } } ORDER BY ?d ?src", b):
            when = f" as of {r['d']}" if r["d"] else ""
            out.append(f"  role {r['role']}{' of ' + r['ol'] if r['ol'] else ''}{when} — {r['src']}: “{r['sent'] or ''}”")
        for r in run_query(store, "SELECT ?t ?src ?st WHERE { ?s nkg:speaker ?e ; nkg:text ?t ; nkg:reportedIn ?a ; nkg:startOffset ?st . ?a nkg:source ?src } ORDER BY ?src ?st", b):
            out.append(f"  said — {r['src']} [{r['st']}]: “{r['t']}”")
        for r in run_query(store, "SELECT DISTINCT ?i ?sent ?src ?k ?j WHERE { ?i nkg:report ?rep . ?rep nkg:victim|nkg:place ?e ; nkg:reportedIn ?a ; nkg:sentence ?sent . ?a nkg:source ?src OPTIONAL { ?rep nkg:killed ?k } OPTIONAL { ?rep nkg:injured ?j } } ORDER BY ?i ?src", b):
            figures = ", ".join(f"{n} {r[v]}" for n, v in (("killed", "k"), ("injured", "j")) if r[v] is not None)
            out.append(f"  in incident {r['i'].split('/incident/', 1)[-1]} — {r['src']}{' (' + figures + ')' if figures else ''}: “{r['sent']}”")
        for r in run_query(store, "SELECT DISTINCT ?n WHERE { ?e nkg:mergeNote ?n } ORDER BY ?n", b):
            out.append(f"  merged: {r['n']}")
        for r in run_query(store, "SELECT DISTINCT ?ol WHERE { ?e nkg:locatedIn ?o . ?o rdfs:label ?ol }", b):
            out.append(f"  located in {r['ol']}")
    return out


def _incident(store: str | Path, e: str, b: dict) -> list[str]:
    """An incident (it has no label): its kind and date, each report and why they were joined."""
    rows = run_query(store, "SELECT ?k ?d WHERE { ?e a nkg:Incident OPTIONAL { ?e nkg:kind ?k } OPTIONAL { ?e nkg:date ?d } }", b)
    if not rows:
        return []
    out = [f"{rows[0]['k'] or 'incident'} on {rows[0]['d'] or 'an unknown date'} <{e}> (Incident)"]
    for r in run_query(store, "SELECT DISTINCT ?src ?sent WHERE { ?e nkg:report ?rep . ?rep nkg:reportedIn ?a ; nkg:sentence ?sent . ?a nkg:source ?src } ORDER BY ?src ?sent", b):
        sent = " ".join(str(r["sent"]).split())
        out.append(f"  reported — {r['src']}: “{sent[:200]}{'…' if len(sent) > 200 else ''}”")
    for r in run_query(store, "SELECT DISTINCT ?n WHERE { ?e nkg:figureRule|nkg:mergeNote ?n } ORDER BY ?n", b):
        out.append(f"  {'merged' if r['n'].startswith('joined ') else 'figures'}: {r['n']}")
    return out
