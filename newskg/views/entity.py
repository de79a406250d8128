"""Views, entity pages: everything known about one node, with the articles that say it.

In: a selected ``ViewGraph``. Out: ``{relative path: HTML}``, one static page per entity,
incident and article (statements are shown on their speakers' pages). The pages are plain
HTML made by an autoescaping template: no script, so nothing in them can run.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from newskg.views.data import Edge, Node, Report, Role, ViewGraph
from newskg.views.page import render_page
from newskg.views.style import CLASSES, class_labels

__all__ = ["page_path", "entity_pages", "has_page"]


def has_page(node: Node) -> bool:
    return node.cls != "Statement"


def page_path(iri: str) -> str:
    """The page of ``iri`` relative to the network page: ``entity/<readable slug>.html``."""
    tail = iri.split("/id/", 1)[-1] if "/id/" in iri else iri
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", tail.replace("/", "_")).strip("-")[:80] or "entity"
    if slug != tail.replace("/", "_"):  # lossy: keep pages of different IRIs apart
        slug += "-" + hashlib.sha1(iri.encode()).hexdigest()[:8]
    return f"entity/{slug}.html"


def _link(g: ViewGraph, iri: str | None) -> dict | None:
    if not iri:
        return None
    n = g.nodes.get(iri)
    if n is None:
        return {"label": iri.rsplit("/", 1)[-1], "href": None}
    return {"label": n.label, "href": "../" + page_path(iri) if has_page(n) else None}


def _source(g: ViewGraph, art: str | None) -> dict | None:
    if not art:
        return None
    a = g.articles.get(art)
    if a is None:
        return {"label": art.rsplit("/", 1)[-1], "href": None, "file": ""}
    return {"label": a.title, "href": "../" + page_path(art) if art in g.nodes else None, "file": a.source}


class _Index:
    """Edges, roles and reports by node, built once for all pages."""

    def __init__(self, g: ViewGraph):
        self.out: dict[str, dict[str, list[Edge]]] = defaultdict(lambda: defaultdict(list))
        self.into: dict[str, dict[str, list[Edge]]] = defaultdict(lambda: defaultdict(list))
        for e in g.edges:
            self.out[e.source][e.prop].append(e)
            self.into[e.target][e.prop].append(e)
        self.roles_of: dict[str, list[Role]] = defaultdict(list)
        self.members_of: dict[str, list[Role]] = defaultdict(list)
        for r in g.roles:
            self.roles_of[r.person].append(r)
            if r.org:
                self.members_of[r.org].append(r)
        self.reports: dict[str, list[Report]] = defaultdict(list)
        for rep in g.reports:
            self.reports[rep.incident].append(rep)


def _context(g: ViewGraph, ix: _Index, node: Node, index: str) -> dict:
    out_edges, in_edges = ix.out.get(node.iri, {}), ix.into.get(node.iri, {})
    statements = [g.nodes[e.source] for e in in_edges.get("speaker", [])]
    mentioned_in = [g.nodes[e.source] for e in in_edges.get("mentions", [])]
    speakers_of = {s.iri: [_link(g, e.target) for e in ix.out[s.iri].get("speaker", [])]
                   for s in statements + mentioned_in}

    def said(s: Node) -> dict:
        return {"text": s.text, "date": s.date, "kind": s.kind, "speakers": speakers_of.get(s.iri, []),
                "sources": [_source(g, a) for a in s.articles]}

    roles = [{"role": r.role, "org": _link(g, r.org), "date": r.date, "source": _source(g, r.article),
              "sentence": r.sentence} for r in ix.roles_of.get(node.iri, [])]
    members = [{"role": r.role, "person": _link(g, r.person), "date": r.date, "source": _source(g, r.article)}
               for r in ix.members_of.get(node.iri, [])]
    incidents = [g.nodes[e.source] for p in ("place", "victim") for e in in_edges.get(p, [])]
    reports = [{"source": _source(g, r.article), "sentence": r.sentence, "killed": r.killed, "injured": r.injured}
               for r in ix.reports.get(node.iri, [])]
    links = []
    for prop, edges in sorted(out_edges.items()):
        if prop not in ("speaker", "mentions") or node.cls != "Statement":
            links += [{"label": e.label, "target": _link(g, e.target), "dir": "out"} for e in edges]
    for prop, edges in sorted(in_edges.items()):
        if prop not in ("speaker", "mentions"):
            links += [{"label": e.label, "target": _link(g, e.source), "dir": "in"} for e in edges]
    style = {c.name: c for c in CLASSES}[node.cls]
    return {
        "node": node, "cls_label": class_labels()[node.cls], "color": style.color, "index": "../" + index,
        "roles": roles, "members": members, "links": links, "reports": reports,
        "said": [said(s) for s in sorted(statements, key=lambda s: (s.date or "", s.iri))],
        "mentioned": [said(s) for s in sorted(mentioned_in, key=lambda s: (s.date or "", s.iri))],
        "incidents": [{**(_link(g, i.iri) or {}), "date": i.date}
                      for i in sorted(incidents, key=lambda i: (i.date or "", i.iri))],
        "sources": [_source(g, a) for a in node.articles],
    }


def entity_pages(g: ViewGraph, index: str = "index.html") -> dict[str, str]:
    """One page per entity, incident and article of ``g``."""
    ix = _Index(g)
    return {page_path(iri): render_page("entity.html", **_context(g, ix, n, index))
            for iri, n in sorted(g.nodes.items()) if has_page(n)}
