"""Views, timeline page: incidents and statements along a date axis.

In: a selected ``ViewGraph``. Out: one HTML page: time across, and one row per outlet, place
(an incident's place, the places a statement names) or speaker (the reader picks), each incident and statement a mark in its class's colour; the
sentence shows on hover (as text), a click opens the entity page. Undated items are counted,
not drawn.
"""

from __future__ import annotations

from collections import defaultdict

from newskg.views.data import ViewGraph
from newskg.views.entity import page_path
from newskg.views.page import render_page
from newskg.views.style import CLASSES, class_labels

__all__ = ["timeline_page", "timeline_data"]

PLACES = {"Place", "Country", "AdministrativeArea", "Settlement"}


def timeline_data(g: ViewGraph) -> dict:
    """Items (date, kind, rows they belong to, the words to show) and the colours of the two kinds."""
    speakers, places, victims = defaultdict(list), defaultdict(list), defaultdict(list)
    for e in g.edges:
        if e.prop == "speaker":
            speakers[e.source].append(e.target)
        elif e.prop == "place" or (e.prop == "mentions" and g.nodes[e.target].cls in PLACES):
            places[e.source].append(e.target)  # an incident's place; the places a statement names
        elif e.prop == "victim":
            victims[e.source].append(e.target)
    sentences = defaultdict(list)
    for rep in g.reports:
        if rep.sentence:
            sentences[rep.incident].append(rep.sentence)
    items, undated = [], 0
    for iri, n in sorted(g.nodes.items(), key=lambda kv: (kv[1].date or "", kv[0])):
        if n.cls not in ("Incident", "Statement"):
            continue
        if not n.date:
            undated += 1
            continue
        arts = [g.articles[a] for a in n.articles if a in g.articles]
        who = [g.nodes[s].label for s in speakers.get(iri, []) if s in g.nodes]
        where = [g.nodes[p].label for p in places.get(iri, []) if p in g.nodes]
        page_of = iri if n.cls == "Incident" else next(iter(speakers.get(iri, [])), None)
        items.append({
            "kind": n.cls, "date": n.date, "label": n.label if n.cls == "Incident" else "; ".join(who) or "?",
            "text": n.text if n.cls == "Statement" else " ".join(sentences.get(iri, [])) or n.label,
            "outlet": sorted({a.outlet_label or "(no outlet)" for a in arts}) or ["(no outlet)"],
            "place": where or ["(no place)"], "speaker": who or ["(nobody named)"],
            "victims": [g.nodes[v].label for v in victims.get(iri, []) if v in g.nodes],
            "facts": [f"{k} {v}" for k, v in n.facts if k in ("killed", "injured")],
            "sources": [a.title for a in arts],
            "page": page_path(page_of) if page_of and page_of in g.nodes else None,
        })
    labels, colors = class_labels(), {c.name: c.color for c in CLASSES}
    return {"items": items, "undated": undated,
            "kinds": [{"name": k, "label": labels[k], "color": colors[k]} for k in ("Incident", "Statement")]}


def timeline_page(g: ViewGraph, index: str = "index.html") -> str:
    """The timeline page of ``g`` as one self-contained HTML string."""
    return render_page("timeline.html", data=timeline_data(g), index=index)
