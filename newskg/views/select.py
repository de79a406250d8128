"""Views, selection: which part of the graph a page shows.

In: a ``ViewGraph`` and the user's filters (classes, date range, outlet, article, focus + hops,
a cap on the number of nodes). Out: a smaller ``ViewGraph`` whose ``left_out`` counts, per
class, what the cap dropped, so a page can say so. Pure functions, no I/O.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newskg.views.data import ViewGraph

__all__ = ["Filters", "select", "DEFAULT_MAX_NODES"]

DEFAULT_MAX_NODES = 2000


@dataclass(frozen=True)
class Filters:
    """What to show. Empty fields filter nothing; ``max_nodes=0`` draws every node."""

    classes: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    article: str | None = None
    focus: str | None = None
    hops: int = 2
    max_nodes: int = DEFAULT_MAX_NODES


def _matches(value: str, *names: str | None) -> bool:
    value = value.casefold()
    return any(n is not None and n.casefold() == value for n in names)


def _allowed_articles(g: ViewGraph, f: Filters) -> set[str] | None:
    if not (f.since or f.until or f.outlet or f.article):
        return None
    keep = set()
    for a in g.articles.values():
        if f.since and (a.published or "") < f.since:
            continue
        if f.until and (a.published or "9999") > f.until:
            continue
        if f.outlet and not _matches(f.outlet, a.outlet, a.outlet_label):
            continue
        if f.article and not _matches(f.article, a.iri, a.source, a.label):
            continue
        keep.add(a.iri)
    if f.outlet and not any(_matches(f.outlet, a.outlet, a.outlet_label) for a in g.articles.values()):
        raise ValueError(f"no article was published by {f.outlet!r}")
    if f.article and not keep and not any(_matches(f.article, a.iri, a.source, a.label) for a in g.articles.values()):
        raise ValueError(f"no article {f.article!r} in the store")
    return keep


def _neighbours(edges: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = {}
    for a, b in edges:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    return adj


def find_node(g: ViewGraph, what: str) -> str:
    """The node whose IRI or label (any case) is ``what``; raises ValueError when none is."""
    if what in g.nodes:
        return what
    hits = sorted(iri for iri, n in g.nodes.items() if _matches(what, n.label, *n.other_names))
    if not hits:
        raise ValueError(f"no entity labelled {what!r}")
    return hits[0]


def select(g: ViewGraph, f: Filters) -> ViewGraph:
    """The part of ``g`` that ``f`` asks for, capped to ``f.max_nodes`` most connected nodes."""
    unknown = set(f.classes) - {n.cls for n in g.nodes.values()} - _known_classes()
    if unknown:
        raise ValueError(f"unknown class {sorted(unknown)[0]!r}")
    allowed = _allowed_articles(g, f)
    keep = set()
    for iri, n in g.nodes.items():
        if f.classes and n.cls not in f.classes:
            continue
        if allowed is not None and not (set(n.articles) & allowed):
            continue
        keep.add(iri)
    if allowed is not None:  # the outlets of the articles shown stay with them
        keep |= {o for a in allowed if (o := g.articles[a].outlet) is not None and o in g.nodes}
    pairs = [(e.source, e.target) for e in g.edges if e.source in keep and e.target in keep]
    if f.focus:
        start = find_node(g, f.focus)
        if start not in keep:
            raise ValueError(f"{f.focus!r} is hidden by the other filters")
        adj, seen, todo = _neighbours(pairs), {start: 0}, deque([start])
        while todo:
            cur = todo.popleft()
            if seen[cur] < f.hops:
                for nxt in sorted(adj.get(cur, ())):
                    if nxt not in seen:
                        seen[nxt] = seen[cur] + 1
                        todo.append(nxt)
        keep = set(seen)
    left_out: Counter[str] = Counter()
    if f.max_nodes and len(keep) > f.max_nodes:
        degree: Counter[str] = Counter()
        for a, b in pairs:
            if a in keep and b in keep:
                degree[a] += 1
                degree[b] += 1
        ranked = sorted(keep, key=lambda iri: (-degree[iri], iri))
        keep = set(ranked[: f.max_nodes])
        left_out = Counter(g.nodes[iri].cls for iri in ranked[f.max_nodes :])
    nodes = {iri: n for iri, n in g.nodes.items() if iri in keep}
    edges = tuple(e for e in g.edges if e.source in keep and e.target in keep)
    return replace(g, nodes=nodes, edges=edges, left_out=dict(sorted(left_out.items())), total=len(g.nodes))


def _known_classes() -> set[str]:
    from newskg.views.style import CLASS_ORDER

    return set(CLASS_ORDER)
