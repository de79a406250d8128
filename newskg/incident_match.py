"""Incidents across outlets: which reports are of one event.

Stage: resolve, after entities (places must already be one node per place). In: every
incident report of the batch and of the store (kind, date, place entity, article, whether its
sentence says "overnight"), and which places lie in which. Out: one incident IRI per event,
the same whatever order the articles came in, and the stored incidents to rename.

Two reports are of one event when
- their kinds agree: the same family (attacks and explosions; accidents), or either is a plain
  "incident" (outlets word one event differently: "shelling", "strike", "attack");
- their dates agree: the same day, or adjacent days when either report says the event came at
  night ("overnight", "late on", "midnight", "before dawn"), where outlets in different time
  zones or writing after midnight give different days;
- their places agree: the same place (spelling is resolved before), or one lies in the other
  (a village in a district); a country alone is too wide to say so;
- they come from different articles (one article's separate incidents stay separate, and no
  chain of other reports joins two incidents of one article).
Figures may differ: each report keeps its own (``nkg:IncidentReport``).

An event's IRI is the smallest own key among its reports (``incident/<date>/<place>``), so a
batch build and any order of incremental builds give the same IRI.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

__all__ = ["Report", "group_reports", "kinds_agree", "NIGHT"]

NIGHT = re.compile(r"\b(?:overnight|late on|late at night|at night|midnight|before dawn|early hours|night of)\b", re.I)
_VIOLENCE = frozenset({
    "drone attack", "shelling", "cluster munition explosion", "IED explosion", "roadside bomb", "landmine explosion",
    "explosive remnant explosion", "explosion", "missile strike", "rocket attack", "air strike", "shooting", "attack",
    "bombing", "strike", "clashes"})
_ACCIDENT = frozenset({"road accident", "accident", "crash"})


@dataclass(frozen=True)
class Report:
    """One article's report of an incident, as the matcher sees it."""

    own: str  # the key the report would have alone ("incident/2024-05-02/velmora", "incident/a-3")
    article: str
    kind: str
    date: date | None
    place: str | None  # entity key
    night: bool = False


def _family(kind: str) -> str:
    if kind in _VIOLENCE:
        return "violence"
    if kind in _ACCIDENT:
        return "accident"
    return kind


def kinds_agree(a: str, b: str) -> bool:
    return a == b or "incident" in {a, b} or _family(a) == _family(b)


def _dates_agree(a: Report, b: Report) -> bool:
    if a.date is None or b.date is None:
        return False
    gap = abs((a.date - b.date).days)
    return gap == 0 or (gap == 1 and (a.night or b.night))


def _within(outer: dict[str, set[str]]):
    memo: dict[str, frozenset[str]] = {}

    def up(p: str) -> frozenset[str]:
        if p not in memo:
            seen: set[str] = set()
            todo = [p]
            while todo:
                for q in outer.get(todo.pop(), ()):
                    if q not in seen:
                        seen.add(q)
                        todo.append(q)
            memo[p] = frozenset(seen)
        return memo[p]

    return up


def group_reports(reports: list[Report], outer: dict[str, set[str]]) -> dict[str, str]:
    """Each report's own key -> its event's IRI key. ``outer`` maps a place key to the keys of
    the places it lies in (any article's word for it)."""
    up = _within(outer)

    def places_agree(a: Report, b: Report) -> bool:
        if a.place is None or b.place is None or a.place.startswith("country/") or b.place.startswith("country/"):
            return False
        return a.place == b.place or a.place in up(b.place) or b.place in up(a.place)

    reps = sorted(set(reports), key=lambda r: (r.own, r.article))
    parent = list(range(len(reps)))
    articles: list[set[str]] = [{r.article} for r in reps]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_day: dict[date, list[int]] = defaultdict(list)
    for i, r in enumerate(reps):
        if r.date is not None:
            by_day[r.date].append(i)
    for i, a in enumerate(reps):
        if a.date is None:
            continue
        near = [j for d in (a.date.fromordinal(a.date.toordinal() + k) for k in (0, 1)) for j in by_day.get(d, ())]
        for j in sorted(near):
            if j <= i and reps[j].date == a.date:
                continue
            b = reps[j]
            if not (kinds_agree(a.kind, b.kind) and _dates_agree(a, b) and places_agree(a, b)):
                continue
            ra, rb = find(i), find(j)
            if ra == rb or articles[ra] & articles[rb]:
                continue  # an article's separate incidents stay separate
            parent[max(ra, rb)] = min(ra, rb)
            articles[min(ra, rb)] |= articles[max(ra, rb)]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(reps)):
        groups[find(i)].append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        key = min(reps[i].own for i in members)
        for i in members:
            out[reps[i].own] = key
    return out


STORED = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?g ?inc ?rep ?kind ?date ?place ?sent WHERE { GRAPH ?g { ?inc nkg:report ?rep . ?rep nkg:kind ?kind .
  OPTIONAL { ?rep nkg:date ?date } OPTIONAL { ?rep nkg:place ?place } OPTIONAL { ?rep nkg:sentence ?sent } }
  FILTER(?g NOT IN (%s)) }"""


def own_keys(reading, res) -> dict[int, str]:
    """Each incident of a reading -> the key it would have alone (its date and the widest area
    below the country that the article puts its place in; else the article and its number)."""
    from newskg.build import _incident_key

    aid = reading.article.id
    outer_of = {li.inner: li.outer for li in reading.located_in}
    used: set[str] = set()
    out: dict[int, str] = {}
    for n, inc in enumerate(reading.incidents):
        key = _incident_key(inc, outer_of, res, aid) if inc.date and inc.place is not None else None
        if key is None or key in used:
            key = f"incident/{aid}-{n}"
        used.add(key)
        out[n] = key
    return out


def assign(readings, res, stored: list[dict] | None = None, contains: list[dict] | None = None,
           prefix: str = "") -> tuple[dict[tuple[str, int], str], dict[str, str]]:
    """The event key of every incident of ``readings`` ((article id, number) -> key) and the
    stored incidents whose key changes (old IRI -> new IRI), given the store's reports
    (rows of ``STORED``) and its ``locatedIn`` pairs (rows with ``a`` and ``b``)."""
    reports: list[Report] = []
    own_of: dict[tuple[str, int], str] = {}
    outer: dict[str, set[str]] = defaultdict(set)
    for row in contains or ():
        a, b = str(row["a"]), str(row["b"])
        if a.startswith(prefix) and b.startswith(prefix):
            outer[a[len(prefix):]].add(b[len(prefix):])
    for r in readings:
        aid = r.article.id
        for li in r.located_in:
            a, b = res.entity(aid, li.inner), res.entity(aid, li.outer)
            if a is not None and b is not None and a.key != b.key:
                outer[a.key].add(b.key)
        for n, own in own_keys(r, res).items():
            inc = r.incidents[n]
            own_of[(aid, n)] = own
            place = res.entity(aid, inc.place)
            text = r.article.text[inc.start:inc.end]
            reports.append(Report(own, aid, inc.kind, inc.date, place.key if place else None, bool(NIGHT.search(text))))
    current: dict[str, str] = {}  # a stored report's own key -> its incident's key now
    for row in stored or ():
        rep, inc, g = str(row["rep"]), str(row["inc"]), str(row["g"])
        aid = g.rsplit("/", 1)[-1]
        own = rep[len(prefix):].rsplit("/report/", 1)[0]
        current[own] = inc[len(prefix):]
        place = str(row["place"])[len(prefix):] if row.get("place") else None
        day = date.fromisoformat(str(row["date"])) if row.get("date") else None
        reports.append(Report(own, aid, str(row["kind"]), day, place, bool(NIGHT.search(str(row.get("sent") or "")))))
    group = group_reports(reports, outer)
    renames = {prefix + old: prefix + group[own] for own, old in current.items() if group.get(own, old) != old}
    return {k: group.get(own, own) for k, own in own_of.items()}, renames
