"""View: an interactive, offline HTML network of the graph with pyvis.

People, bodies, places, incidents and statements' speakers as nodes (colour and shape per
class), memberships, containment, incident places and victims as edges; tooltips carry the
label, class, roles, quotes and sources. vis-network is inlined (no CDN). Every label and
tooltip is HTML-escaped, so article text can never inject markup or script.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

import networkx as nx

from newskg.query import run_query

__all__ = ["write_view", "STYLE"]

STYLE = {
    "Person": ("#e4572e", "dot"), "Organization": ("#17bebb", "box"), "GovernmentBody": ("#2e86ab", "box"),
    "MediaOutlet": ("#76b041", "box"), "ArmedForces": ("#5c415d", "box"), "InternationalOrganization": ("#ffc914", "box"),
    "Place": ("#8d6a9f", "triangle"), "Country": ("#33658a", "diamond"), "AdministrativeArea": ("#86bbd8", "triangle"),
    "Settlement": ("#f6ae2d", "triangle"), "Incident": ("#d7263d", "star"),
}
NKG = "https://w3id.org/newskg/ontology#"
PRE = f"PREFIX nkg: <{NKG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _graph(store: str | Path) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    rows = run_query(store, PRE + "SELECT ?e ?c ?l WHERE { ?e a ?c ; rdfs:label ?l . FILTER(STRSTARTS(STR(?c), STR(nkg:))) "
                     "FILTER(?c NOT IN (nkg:Article, nkg:Mention, nkg:Statement, nkg:Membership, nkg:Incident)) }")
    order = list(STYLE)
    for r in rows:
        cls = r["c"].split("#")[-1]
        prev = g.nodes[r["e"]].get("cls") if r["e"] in g else None
        if prev is None or order.index(cls) < order.index(prev):
            g.add_node(r["e"], label=r["l"], cls=cls)
    roles: dict[str, list[str]] = defaultdict(list)
    for r in run_query(store, PRE + "SELECT ?p ?role ?o ?ol WHERE { ?m a nkg:Membership ; nkg:member ?p ; nkg:role ?role . "
                       "OPTIONAL { ?m nkg:organization ?o . ?o rdfs:label ?ol } }"):
        roles[r["p"]].append(r["role"] + (f" ({r['ol']})" if r["ol"] else ""))
        if r["o"]:
            g.add_edge(r["p"], r["o"], label=r["role"])
    for r in run_query(store, PRE + "SELECT ?a ?b WHERE { ?a nkg:locatedIn ?b }"):
        g.add_edge(r["a"], r["b"], label="located in")
    quotes: dict[str, list[str]] = defaultdict(list)
    for r in run_query(store, PRE + "SELECT ?sp ?t ?src WHERE { ?s nkg:speaker ?sp ; nkg:text ?t ; nkg:reportedIn ?a . ?a nkg:source ?src }"):
        quotes[r["sp"]].append(f"“{r['t'][:200]}” ({r['src']})")
    for r in run_query(store, PRE + "SELECT ?i ?k ?d ?p ?kl ?j ?src WHERE { ?i a nkg:Incident ; nkg:reportedIn ?a . ?a nkg:source ?src . "
                       "OPTIONAL { ?i nkg:kind ?k } OPTIONAL { ?i nkg:date ?d } OPTIONAL { ?i nkg:place ?p } "
                       "OPTIONAL { ?i nkg:killed ?kl } OPTIONAL { ?i nkg:injured ?j } }"):
        label = f"{r['k'] or 'incident'} {r['d'] or ''}".strip()
        g.add_node(r["i"], label=label, cls="Incident", extra=f"killed {r['kl'] or '?'}, injured {r['j'] or '?'}; source {r['src']}")
        if r["p"]:
            g.add_edge(r["i"], r["p"], label="place")
    for r in run_query(store, PRE + "SELECT ?i ?v WHERE { ?i nkg:victim ?v }"):
        g.add_edge(r["i"], r["v"], label="victim")
    for node, data in g.nodes(data=True):
        data["roles"] = roles.get(node, [])
        data["quotes"] = quotes.get(node, [])
    return g


def _tooltip(data: dict) -> str:
    parts = [f"<b>{_esc(data.get('label'))}</b>", _esc(data.get("cls"))]
    if data.get("roles"):
        parts.append("roles: " + _esc("; ".join(data["roles"])))
    if data.get("extra"):
        parts.append(_esc(data["extra"]))
    for q in data.get("quotes", [])[:5]:
        parts.append(_esc(q))
    return "<br>".join(parts)


def write_view(store: str | Path, out: Path, focus: str | None = None, hops: int = 2) -> Path:
    """Write the HTML view of the store's graph to ``out``."""
    from pyvis.network import Network

    g = _graph(store)
    if focus:
        start = [n for n, d in g.nodes(data=True) if (d.get("label") or "").casefold() == focus.casefold()]
        if not start:
            raise ValueError(f"no entity labelled {focus!r}")
        keep = set(nx.single_source_shortest_path_length(g.to_undirected(as_view=True), start[0], cutoff=hops))
        g = g.subgraph(keep).copy()
    net = Network(height="820px", width="100%", directed=True, cdn_resources="in_line")
    for node, data in sorted(g.nodes(data=True)):
        if "cls" not in data:
            continue
        color, shape = STYLE.get(data["cls"], ("#999999", "dot"))
        net.add_node(node, label=_esc(data.get("label")), title=_tooltip(data), color=color, shape=shape, group=data["cls"])
    for a, b, data in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("label", ""))):
        if a in net.get_nodes() and b in net.get_nodes():
            net.add_edge(a, b, title=_esc(data.get("label")), label=_esc(data.get("label")))
    page = net.generate_html(notebook=False)
    legend = "".join(
        f'<span style="margin-right:12px"><span style="display:inline-block;width:12px;height:12px;background:{c}"></span> {_esc(k)} ({s})</span>'
        for k, (c, s) in STYLE.items()
    )
    page = page.replace("<body>", f'<body>\n<div id="newskg-legend" style="font:13px sans-serif;padding:6px">{legend}</div>', 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
