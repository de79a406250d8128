"""Explain: every fact about an entity, each with the sentence it came from and its article."""

from __future__ import annotations

from pathlib import Path

from newskg.query import run_query

PRE = ("PREFIX nkg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
       "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")


def _find(store: str | Path, what: str) -> list[str]:
    if what.startswith("http"):
        return [what]
    rows = run_query(store, PRE + "SELECT DISTINCT ?e WHERE { ?e rdfs:label|skos:altLabel ?l . "
                     f"FILTER(LCASE(STR(?l)) = LCASE({_lit(what)})) }}")
    return sorted(r["e"] for r in rows)


def _lit(text: str) -> str:
    import json

    return json.dumps(text)


def explain(store: str | Path, what: str) -> list[str]:
    """Lines describing each fact about ``what`` (a label or IRI) with its evidence."""
    out: list[str] = []
    for e in _find(store, what):
        rows = run_query(store, PRE + f"SELECT ?l ?c WHERE {{ <{e}> rdfs:label ?l ; a ?c }}")
        if not rows:
            continue
        out.append(f"{rows[0]['l']} <{e}> ({', '.join(sorted({r['c'].split('#')[-1] for r in rows}))})")
        for r in run_query(store, PRE + f"SELECT ?s ?src ?st ?en WHERE {{ ?m nkg:mentionOf <{e}> ; nkg:surface ?s ; nkg:inArticle ?a ; nkg:startOffset ?st ; nkg:endOffset ?en . ?a nkg:source ?src }} ORDER BY ?src ?st"):
            out.append(f"  named {r['s']!r} in {r['src']} [{r['st']}:{r['en']}]")
        for r in run_query(store, PRE + f"SELECT DISTINCT ?role ?ol ?sent ?src ?d WHERE {{ ?m nkg:member <{e}> ; nkg:role ?role ; nkg:inArticle ?a . ?a nkg:source ?src OPTIONAL {{ ?m nkg:organization ?o . ?o rdfs:label ?ol }} OPTIONAL {{ ?m nkg:sentence ?sent }} OPTIONAL {{ ?m nkg:date ?d }} }} ORDER BY ?d ?src"):
            when = f" as of {r['d']}" if r["d"] else ""
            out.append(f"  role {r['role']}{' of ' + r['ol'] if r['ol'] else ''}{when} — {r['src']}: “{r['sent'] or ''}”")
        for r in run_query(store, PRE + f"SELECT ?t ?src ?st WHERE {{ ?s nkg:speaker <{e}> ; nkg:text ?t ; nkg:reportedIn ?a ; nkg:startOffset ?st . ?a nkg:source ?src }} ORDER BY ?src ?st"):
            out.append(f"  said — {r['src']} [{r['st']}]: “{r['t']}”")
        for r in run_query(store, PRE + f"SELECT DISTINCT ?i ?sent ?src ?k ?j WHERE {{ ?i nkg:report ?rep . ?rep nkg:victim|nkg:place <{e}> ; nkg:reportedIn ?a ; nkg:sentence ?sent . ?a nkg:source ?src OPTIONAL {{ ?rep nkg:killed ?k }} OPTIONAL {{ ?rep nkg:injured ?j }} }} ORDER BY ?i ?src"):
            figures = ", ".join(f"{n} {r[v]}" for n, v in (("killed", "k"), ("injured", "j")) if r[v] is not None)
            out.append(f"  in incident {r['i'].split('/incident/', 1)[-1]} — {r['src']}{' (' + figures + ')' if figures else ''}: “{r['sent']}”")
        for r in run_query(store, PRE + f"SELECT DISTINCT ?n WHERE {{ <{e}> nkg:mergeNote ?n }} ORDER BY ?n"):
            out.append(f"  merged: {r['n']}")
        for r in run_query(store, PRE + f"SELECT DISTINCT ?ol WHERE {{ <{e}> nkg:locatedIn ?o . ?o rdfs:label ?ol }}"):
            out.append(f"  located in {r['ol']}")
    return out
