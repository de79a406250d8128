"""Views, network page: who said what, who holds which role, where things happened.

In: a selected ``ViewGraph``. Out: one HTML page (vis-network inlined, physics off, positions
from ``layout``). Entities, statements, incidents and articles are nodes with one colour and
shape per class (``style.CLASSES``, also the legend); statements link to their speakers and
the entities they name, incidents to their places and victims, both to their articles. The
page's script builds tooltips and panels with DOM text nodes only, and filters by class, date,
outlet, article and focus + hops; a search box finds any label.
"""

from __future__ import annotations

from collections import defaultdict

from newskg.views.data import ViewGraph
from newskg.views.entity import has_page, page_path
from newskg.views.layout import layout
from newskg.views.page import render_page
from newskg.views.style import CLASSES, class_labels

__all__ = ["network_page", "network_data"]

MAX_SOURCES = 6
LOD_ABOVE = 1500  # above this many nodes, the page labels only what is in view once zoomed in


def _info(g: ViewGraph, roles_of: dict, speakers: dict, targets: dict, spoken: dict, iri: str) -> list[list[str]]:
    n = g.nodes[iri]
    rows: list[list[str]] = []
    if n.other_names:
        rows.append(["also written", "; ".join(n.other_names[:5])])
    if n.cls == "Statement":
        rows.append(["said by", "; ".join(g.nodes[s].label for s in speakers.get(iri, [])) or "?"])
    if n.date:
        rows.append(["date", n.date])
    if n.kind:
        rows.append(["kind", n.kind])
    if n.cls == "Incident":
        for prop, name in (("place", "place"), ("victim", "victims")):
            if targets.get((iri, prop)):
                rows.append([name, "; ".join(g.nodes[t].label for t in targets[(iri, prop)])])
    rows += [[k, v] for k, v in n.facts if k != "how the figures were chosen"]
    for r in roles_of.get(iri, []):
        org = g.nodes[r.org].label if r.org in g.nodes else ""
        rows.append(["role", f"{r.role}{', ' + org if org else ''}{' (' + r.date + ')' if r.date else ''}"])
    said = len(spoken.get(iri, []))
    if said:
        rows.append(["said", f"{said} statement{'s' if said != 1 else ''}"])
    if n.mentions:
        rows.append(["mentions", str(n.mentions)])
    if n.cls != "Article" and n.articles:
        titles = [g.articles[a].title if a in g.articles else a for a in n.articles]
        more = f" … and {len(titles) - MAX_SOURCES} more" if len(titles) > MAX_SOURCES else ""
        rows.append(["sources", "; ".join(titles[:MAX_SOURCES]) + more])
    return rows


def network_data(g: ViewGraph, positions: dict[str, tuple[float, float]] | None = None) -> dict:
    """The page's data: classes, nodes (with positions and tooltip rows), edges, articles, notice."""
    ids = sorted(g.nodes)
    index = {iri: i for i, iri in enumerate(ids)}
    if positions is None:
        positions = layout(ids, [(e.source, e.target, 0.25 if e.prop == "mentions" else 1.0) for e in g.edges])
    speakers, targets, spoken = defaultdict(list), defaultdict(list), defaultdict(list)
    for e in g.edges:
        if e.prop == "speaker":
            speakers[e.source].append(e.target)
            spoken[e.target].append(e.source)
        targets[(e.source, e.prop)].append(e.target)
    roles_of = defaultdict(list)
    for r in g.roles:
        roles_of[r.person].append(r)
    arts = sorted(g.articles.values(), key=lambda a: (a.published or "", a.iri))
    art_index = {a.iri: i for i, a in enumerate(arts)}
    labels = class_labels()
    nodes = []
    for iri in ids:
        n = g.nodes[iri]
        page_of = iri if has_page(n) else next(iter(speakers.get(iri, [])), None)
        x, y = positions[iri]
        nodes.append({
            "id": index[iri], "iri": iri, "label": n.label, "cls": n.cls, "x": x, "y": y,
            "value": n.mentions if n.cls not in ("Statement", "Article") else 0,
            "date": n.date, "arts": [art_index[a] for a in n.articles if a in art_index],
            "page": page_path(page_of) if page_of and page_of in g.nodes else None,
            "info": _info(g, roles_of, speakers, targets, spoken, iri), "quote": n.text,
        })
    edges = [[index[e.source], index[e.target], e.prop, e.label] for e in g.edges]
    counts: dict[str, int] = defaultdict(int)
    for n in g.nodes.values():
        counts[n.cls] += 1
    return {
        "classes": [{"name": c.name, "label": labels[c.name], "color": c.color, "shape": c.shape,
                     "count": counts.get(c.name, 0)} for c in CLASSES],
        "nodes": nodes, "edges": edges, "lod": len(nodes) > LOD_ABOVE,
        "articles": [{"title": a.title, "date": a.published, "outlet": a.outlet_label or "", "file": a.source} for a in arts],
        "notice": {"shown": len(g.nodes), "total": g.total,
                   "left_out": [[labels.get(k, k), v] for k, v in g.left_out.items()]},
    }


def network_page(g: ViewGraph, title: str = "newskg network") -> str:
    """The network page of ``g`` as one self-contained HTML string."""
    return render_page("network.html", title=title, data=network_data(g))
