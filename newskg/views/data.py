"""Views, reading: the store's graph as plain view records.

In: a store (folder, endpoint URL or an open ``Store``). Out: a frozen ``ViewGraph`` — entities,
statements, incidents and articles as ``Node``s, the links between them as ``Edge``s, roles and
incident reports as their own records — read with the SPARQL texts in ``views/queries/``. No
HTML here: pages are made from these records by ``network``, ``timeline`` and ``entity``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newskg.views.style import CLASS_ORDER, property_labels

__all__ = ["Node", "Edge", "Role", "Report", "Article", "ViewGraph", "read_graph"]

NKG = "https://w3id.org/newskg/ontology#"


@dataclass(frozen=True)
class Article:
    iri: str
    label: str
    source: str
    published: str | None
    outlet: str | None
    outlet_label: str | None

    @property
    def title(self) -> str:
        """How a reader names the article: outlet and date, else the file it came from."""
        parts = [p for p in (self.outlet_label, self.published) if p]
        return ", ".join(parts) if parts else (self.source or self.label)


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    cls: str
    mentions: int = 0
    articles: tuple[str, ...] = ()
    date: str | None = None
    text: str = ""
    kind: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    prop: str
    label: str


@dataclass(frozen=True)
class Role:
    person: str
    role: str
    org: str | None
    date: str | None
    article: str | None
    sentence: str


@dataclass(frozen=True)
class Report:
    incident: str
    article: str
    sentence: str
    killed: str | None
    injured: str | None


@dataclass(frozen=True)
class ViewGraph:
    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    articles: dict[str, Article]
    roles: tuple[Role, ...] = ()
    reports: tuple[Report, ...] = ()
    left_out: dict[str, int] = field(default_factory=dict)
    total: int = 0


def _query_text(name: str) -> str:
    return (resources.files("newskg.views") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


class _Reader:
    """Runs the view's saved queries on one open store."""

    def __init__(self, store: Any):
        self.store = store

    def rows(self, name: str) -> list[dict[str, str | None]]:
        result = self.store.query(_query_text(name))
        if not isinstance(result, list):
            raise ValueError(f"view query {name!r} gave no rows")
        return result


def _open(store: Any) -> tuple[Any, bool]:
    if hasattr(store, "query"):
        return store, False
    from newskg.store import open_store

    if not str(store).startswith(("http://", "https://")) and not Path(str(store)).exists():
        raise ValueError(f"{store}: no store here; run 'newskg build' first")
    return open_store(store, read_only=True), True


def _short_quote(text: str, width: int = 36) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= width else f"“{text[:width].rsplit(' ', 1)[0]}…”"


def _entities(r: _Reader) -> dict[str, Node]:
    classes: dict[str, tuple[str, str]] = {}
    for row in r.rows("entities"):
        iri, cls, label = str(row["e"]), str(row["c"]).removeprefix(NKG), str(row["l"] or "")
        if cls not in CLASS_ORDER:
            continue
        prev = classes.get(iri)
        if prev is None or CLASS_ORDER.index(cls) < CLASS_ORDER.index(prev[0]) or (cls == prev[0] and label < prev[1]):
            classes[iri] = (cls, label)
    extras: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in r.rows("entity-extras"):
        extras[str(row["e"])][str(row["p"])].append(str(row["v"]))
    counts: dict[str, int] = defaultdict(int)
    arts: dict[str, set[str]] = defaultdict(set)
    for row in r.rows("mentions"):
        counts[str(row["e"])] += int(row["n"] or 0)
        arts[str(row["e"])].add(str(row["a"]))
    nodes = {}
    for iri, (cls, label) in classes.items():
        ex = extras.get(iri, {})
        facts = tuple(("ISO 3166 code", v) for v in sorted(ex.get("iso", ())))
        facts += tuple(("same as", v) for v in sorted(ex.get("same", ())))
        nodes[iri] = Node(iri, label, cls, counts.get(iri, 0), tuple(sorted(arts.get(iri, ()))),
                          facts=facts, other_names=tuple(sorted(set(ex.get("alt", ())) - {label})))
    return nodes


def _articles(r: _Reader) -> dict[str, Article]:
    out = {}
    for row in r.rows("articles"):
        iri = str(row["a"])
        src = str(row["src"] or row["label"] or iri.rsplit("/", 1)[-1])
        out[iri] = Article(iri, str(row["label"] or src), src, row["pub"], row["outlet"], row["outletLabel"])
    return out


def _statements(r: _Reader) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for row in r.rows("statements"):
        iri, text = str(row["s"]), str(row["text"] or "")
        arts: tuple[str, ...] = (str(row["a"]),) if row["a"] else ()
        prev = out.get(iri)
        if prev is not None:
            arts = tuple(sorted(set(prev.articles) | set(arts)))
        out[iri] = Node(iri, _short_quote(text), "Statement", 0, arts, row["date"], text, str(row["kind"] or ""))
    return out


def _incidents(r: _Reader, nodes: dict[str, Node], arts_of: dict[str, set[str]]) -> dict[str, Node]:
    out = {}
    for row in r.rows("incidents"):
        iri = str(row["i"])
        place = nodes.get(str(row["place"])) if row["place"] else None
        kind = str(row["kind"] or "incident")
        label = " ".join(p for p in (kind, "in " + place.label if place else "", row["date"] or "") if p)
        facts = tuple((k, str(row[k])) for k in ("killed", "injured") if row[k] is not None)
        if row["rule"]:
            facts += (("how the figures were chosen", str(row["rule"])),)
        out[iri] = Node(iri, label, "Incident", 0, tuple(sorted(arts_of.get(iri, ()))), row["date"], "", kind, facts)
    return out


def read_graph(store: Any) -> ViewGraph:
    """Read everything the views draw from ``store`` (a folder, an endpoint URL or an open store)."""
    st, owned = _open(store)
    try:
        r = _Reader(st)
        nodes = _entities(r)
        articles = _articles(r)
        links = [(str(x["s"]), str(x["p"]).removeprefix(NKG), str(x["o"])) for x in r.rows("links")]
        arts_of: dict[str, set[str]] = defaultdict(set)
        for s, p, o in links:
            if p == "reportedIn":
                arts_of[s].add(o)
        nodes.update(_statements(r))
        nodes.update(_incidents(r, nodes, arts_of))
        roles = tuple(sorted(
            (Role(str(x["p"]), str(x["role"] or "member"), x["o"], x["date"], x["a"], str(x["sentence"] or ""))
             for x in r.rows("memberships")),
            key=lambda ro: (ro.person, ro.date or "", ro.role, ro.org or ""),
        ))
        reports = tuple(sorted(
            (Report(str(x["i"]), str(x["a"]), str(x["sentence"] or ""), x["killed"], x["injured"])
             for x in r.rows("reports")),
            key=lambda rep: (rep.incident, rep.article),
        ))
    finally:
        if owned:
            st.close()
    for iri, art in articles.items():
        nodes[iri] = Node(iri, art.title, "Article", 0, (iri,), art.published, facts=(("file", art.source),))
    labels = property_labels()
    edges: set[Edge] = set()
    for s, p, o in links:
        if s in nodes and o in nodes:
            edges.add(Edge(s, o, p, labels.get(p, p)))
    for ro in roles:
        if ro.org and ro.person in nodes and ro.org in nodes:
            edges.add(Edge(ro.person, ro.org, "member", ro.role))
    return ViewGraph(nodes, tuple(sorted(edges, key=lambda e: (e.source, e.target, e.prop, e.label))),
                     articles, roles, reports, {}, len(nodes))
