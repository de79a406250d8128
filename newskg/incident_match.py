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
  (a village in a district), or a town and the area named after it ("in X", "in the commune of
  X": resolution keeps the two apart, but an event in the town is in its area); a country alone
  is too wide to say so;
- or their kinds and dates agree and one report's own text names the other's place (the one
  event of that kind and date that it does: one outlet leads with the province, another with
  the village in it);
- or, for a report that gives no date ("the attack", "Tuesday's strike" left unresolved): its
  article came out on the day of the one dated event whose kind and place agree, or within the
  next ``LATE`` days (news of an event follows it), and no other dated event fits it;
- they come from different articles (one article's separate incidents stay separate, and no
  chain of other reports joins two incidents of one article).
Figures may differ: each report keeps its own (``nkg:IncidentReport``).

An event's IRI is the smallest own key among its reports (``incident/<date>/<place>``), so a
batch build and any order of incremental builds give the same IRI.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

__all__ = ["Report", "group_reports", "incident_notes", "join_note", "kinds_agree", "named_places", "NIGHT"]

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
    published: datetime.date | None = None  # the article's date: places an undated report in time
    named: frozenset[str] = frozenset()  # keys of the places (not countries) its own text names


_AREA_SUFFIX = re.compile(r"-(?:district|region|province|governorate|commune|municipality|township|zone|"
                          r"county|oblast|raion|rayon|state|department|prefecture)$")
LATE = 3  # days after an event in which outlets still report it as news
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
        return (a.place == b.place or a.place in up(b.place) or b.place in up(a.place)
                or _AREA_SUFFIX.sub("", a.place) == _AREA_SUFFIX.sub("", b.place))

    reps = sorted(set(reports), key=lambda r: (r.own, r.article))
    parent = list(range(len(reps)))
    articles: list[set[str]] = [{r.article} for r in reps]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_day = _by_day(reps)
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
    for i, j in _named_joins(reps, find, articles):
        ra, rb = find(i), find(j)
        if ra != rb and not articles[ra] & articles[rb]:
            parent[max(ra, rb)] = min(ra, rb)
            articles[min(ra, rb)] |= articles[max(ra, rb)]
    for i, j in _undated_joins(reps, find, places_agree, articles):
        ra, rb = find(i), find(j)
        if ra != rb and not articles[ra] & articles[rb]:
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


def _by_day(reps: list[Report]) -> dict[date, list[int]]:
    """The dated reports (their indices, ascending) by day."""
    out: dict[date, list[int]] = defaultdict(list)
    for i, r in enumerate(reps):
        if r.date is not None:
            out[r.date].append(i)
    return out


def _on_days(by_day: dict[date, list[int]], day: date, first: int, last: int) -> list[int]:
    """The reports dated from ``first`` to ``last`` days after ``day``, in ascending order (the
    order a scan of every report would meet them in)."""
    return sorted(j for k in range(first, last + 1) for j in by_day.get(day + datetime.timedelta(days=k), ()))


def _named_joins(reps: list[Report], find, articles: list[set[str]]) -> list[tuple[int, int]]:
    """Each dated report and the one event of its kind and date whose place its own text names
    (or that names its place): one outlet leads with the province ("in the south's X
    province"), another with the village, and each report names the other's place. Every
    choice is made on the groups as the exact-place pass left them; a report that fits two
    events joins neither, nor does an event another report fits alone."""
    chosen: dict[int, tuple[int, int]] = {}  # report -> (the event's group, a report of it)
    by_day = _by_day(reps)
    for i, a in enumerate(reps):
        if a.date is None or a.place is None:
            continue
        fits: dict[int, int] = {}
        for j in _on_days(by_day, a.date, -1, 1):  # dates agree only on the same or an adjacent day
            b = reps[j]
            if j == i or b.date is None or b.place is None or b.article == a.article or find(i) == find(j):
                continue
            if not (kinds_agree(a.kind, b.kind) and _dates_agree(a, b)) or a.article in articles[find(j)]:
                continue
            if b.place in a.named or a.place in b.named:
                fits.setdefault(find(j), j)
        if len(fits) == 1:
            chosen[i] = next(iter(fits.items()))
    # both sides must choose each other: a round-up naming two villages is news of neither alone
    return [(i, j) for i, (_, j) in sorted(chosen.items()) if chosen.get(j, (None,))[0] == find(i)]


def _undated_joins(reps: list[Report], find, places_agree, articles: list[set[str]]) -> list[tuple[int, int]]:
    """Each undated report and the one dated event (a report of it) that fits it: kinds and
    places agree, and its article came out on the event's day or up to ``LATE`` days after.
    Every choice is made on the groups as the dated pass left them (so the order of the reports
    does not matter); a report that fits two events joins neither."""
    out: list[tuple[int, int]] = []
    by_day = _by_day(reps)
    for i, u in enumerate(reps):
        if u.date is not None or u.published is None:
            continue
        fits: dict[int, int] = {}
        for j in _on_days(by_day, u.published, -LATE, 0):
            d = reps[j]
            if d.date is None or d.article == u.article or not kinds_agree(u.kind, d.kind):
                continue
            if 0 <= (u.published - d.date).days <= LATE and places_agree(u, d) and u.article not in articles[find(j)]:
                fits.setdefault(find(j), j)
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out


STORED = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?g ?inc ?rep ?kind ?date ?place ?sent ?pub ?named WHERE { GRAPH ?g { ?inc nkg:report ?rep . ?rep nkg:kind ?kind .
  OPTIONAL { ?rep nkg:date ?date } OPTIONAL { ?rep nkg:place ?place } OPTIONAL { ?rep nkg:sentence ?sent }
  OPTIONAL { ?g nkg:published ?pub } }
  OPTIONAL { { SELECT ?g ?rep (GROUP_CONCAT(DISTINCT STR(?p); separator=" ") AS ?named) WHERE { GRAPH ?g {
      ?rep nkg:startOffset ?s ; nkg:endOffset ?e . ?m nkg:mentionOf ?p ; nkg:startOffset ?ms ; nkg:endOffset ?me
      FILTER(?ms >= ?s && ?me <= ?e && CONTAINS(STR(?p), "/id/place/")) } } GROUP BY ?g ?rep } }
  FILTER(?g NOT IN (%s)) }"""


def named_places(row, prefix: str, renamed: dict[str, str] | None = None) -> frozenset[str]:
    """The keys of the places a stored report's text names (its row of ``STORED``)."""
    keys = (p[len(prefix):] for p in str(row.get("named") or "").split() if p.startswith(prefix))
    return frozenset((renamed or {}).get(k, k) for k in keys)


def _own(day, place: str | None, aid: str, n: int, used: set[str]) -> str:
    """The key a report would have alone: its date and place, else its article and number."""
    key = f"incident/{day.isoformat()}/{place.split('/', 1)[-1]}" if day and place else f"incident/{aid}-{n}"
    if key in used:
        key = f"incident/{aid}-{n}"
    used.add(key)
    return key


def assign(readings, res, stored: list[dict] | None = None, contains: list[dict] | None = None,
           prefix: str = "", renames_of: dict[str, str] | None = None) -> tuple[dict[tuple[str, int], str], dict[str, str]]:
    """The event key of every incident of ``readings`` ((article id, number) -> key) and the
    stored incidents whose key changes (old IRI -> new IRI), given the store's reports
    (rows of ``STORED``), its ``locatedIn`` pairs (rows with ``a`` and ``b``) and the entity
    keys this build renames (old -> new)."""
    reports: list[Report] = []
    own_of: dict[tuple[str, int], str] = {}
    outer: dict[str, set[str]] = defaultdict(set)
    renamed = dict(renames_of or {})
    for row in contains or ():
        a, b = str(row["a"]), str(row["b"])
        if a.startswith(prefix) and b.startswith(prefix):
            a, b = a[len(prefix):], b[len(prefix):]
            outer[renamed.get(a, a)].add(renamed.get(b, b))
    for r in readings:
        aid = r.article.id
        for li in r.located_in:
            a, b = res.entity(aid, li.inner), res.entity(aid, li.outer)
            if a is not None and b is not None and a.key != b.key:
                outer[a.key].add(b.key)
        used: set[str] = set()
        for n, inc in enumerate(r.incidents):
            place = res.entity(aid, inc.place)
            own = _own(inc.date, place.key if place else None, aid, n, used)
            own_of[(aid, n)] = own
            text = r.article.text[inc.start:inc.end]
            named = frozenset(e.key for m in r.mentions if inc.start <= m.start and m.end <= inc.end
                              and (e := res.entity(aid, m.id)) is not None and e.key.startswith("place/"))
            reports.append(Report(own, aid, inc.kind, inc.date, place.key if place else None, bool(NIGHT.search(text)),
                                  r.article.published, named))
    current: dict[str, str] = {}  # a stored report's own key -> its incident's key now
    used_in: dict[str, set[str]] = defaultdict(set)

    def number(row) -> int:
        tail = str(row["rep"]).rsplit("-", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    for row in sorted(stored or (), key=lambda r: (str(r["g"]), number(r))):
        inc, g = str(row["inc"]), str(row["g"])
        aid = g.rsplit("/", 1)[-1]
        place = str(row["place"])[len(prefix):] if row.get("place") else None
        place = renamed.get(place, place) if place else None
        day = date.fromisoformat(str(row["date"])) if row.get("date") else None
        own = _own(day, place, aid, number(row), used_in[aid])
        current[own] = inc[len(prefix):]
        pub = date.fromisoformat(str(row["pub"])[:10]) if row.get("pub") else None
        reports.append(Report(own, aid, str(row["kind"]), day, place, bool(NIGHT.search(str(row.get("sent") or ""))), pub,
                              named_places(row, prefix, renamed)))
    group = group_reports(reports, outer)
    renames = {prefix + old: prefix + group[own] for own, old in current.items() if group.get(own, old) != old}
    return {k: group.get(own, own) for k, own in own_of.items()}, renames


def _place_relation(a: Report, b: Report, up) -> str | None:
    """How the places of two reports agree (the exact-place rule), or None."""
    if a.place is None or b.place is None or "country/" in a.place or "country/" in b.place:
        return None
    name_a, name_b = a.place.rsplit("/", 1)[-1], b.place.rsplit("/", 1)[-1]
    if a.place == b.place:
        return f"same place ({name_a}, up to spelling)"
    if b.place in up(a.place):
        return f"{name_b} encloses {name_a}"
    if a.place in up(b.place):
        return f"{name_a} encloses {name_b}"
    if _AREA_SUFFIX.sub("", a.place) == _AREA_SUFFIX.sub("", b.place):
        return f"{name_a} and {name_b}: a town and the area named after it"
    return None


def join_note(a: Report, b: Report, up) -> str:
    """Why reports ``a`` and ``b`` (of different articles) are one incident: the evidence of
    each test of ``group_reports`` and the rule that decided. ``up`` maps a place to the places
    it lies in (``_within``)."""
    kinds = a.kind if a.kind == b.kind else f"{a.kind} / {b.kind}"
    parts = [f"kinds agree ({kinds})"]
    place = _place_relation(a, b, up)
    if a.date is not None and b.date is not None:
        first, last = sorted((a.date, b.date))
        gap = (last - first).days
        if gap == 0:
            parts.append(f"same day ({first.isoformat()})")
        else:
            night = " (a report says it came at night)" if a.night or b.night else ""
            parts.append(f"{'adjacent days' if gap == 1 else 'dates'} {first.isoformat()} and {last.isoformat()}{night}")
        rule = "kind, date and place agree" if place else "each report's text names the other's place"
    else:
        dated, undated = (a, b) if a.date is not None else (b, a)
        when = f"its article came out {(undated.published - dated.date).days} day(s) after {dated.date.isoformat()}" \
            if dated.date and undated.published else "no date"
        parts.append(f"one report undated ({when})")
        rule = "undated report, the one dated event that fits"
    parts.append(f"place: {place}" if place else "places differ")
    return f"joined {a.article} and {b.article}: {'; '.join(parts)}; rule: {rule}"


def incident_notes(reports: list[Report], outer: dict[str, set[str]]) -> list[str]:
    """The merge notes of one incident from its reports: for each report after the first (by
    key), why it joins an earlier one of another article (one whose kind, date and place agree
    when there is one). None for an incident of one article. Order-free: reports are sorted."""
    up = _within(outer)
    reps = sorted(set(reports), key=lambda r: (r.own, r.article))
    if len({r.article for r in reps}) < 2:
        return []
    notes = set()
    for i, b in enumerate(reps[1:], 1):
        others = [a for a in reps if a.article != b.article]
        direct = [a for a in others if a.date and b.date and _dates_agree(a, b) and _place_relation(a, b, up)]
        a = (direct or [a for a in reps[:i] if a.article != b.article] or others)[0]
        first, second = sorted((a, b), key=lambda r: (r.own, r.article))
        notes.add(join_note(first, second, up))
    return sorted(notes)
