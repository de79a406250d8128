"""Resolve, across articles: join candidates spelled differently, on the evidence around them.

Stage: resolve (second half). In: candidates (``Candidate``), the partition the exact-spelling
pass made, and what the store says around its entities. Out: joins with their reasons
(``crossmatch``'s rule and scores, kept for ``nkg:mergeNote``). Every decision of a round is taken
on the evidence as it stood before the round, so the result does not depend on the order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from newskg.aliases import kept_apart
from newskg.candidates import Candidate, is_acronym
from newskg.cluster import Partition, fold, place_key
from newskg.crossmatch import Evidence, same_body, same_person, same_place, short_form_of
from newskg.extract.countries import country_of
from newskg.matching import body_words, person_tokens, place_core, place_letters, sound_key
from newskg.models import ADMIN_AREA, COUNTRY, PLACE, SETTLEMENT, coarse

if TYPE_CHECKING:
    from newskg.resolve import Resolution

__all__ = ["evidence_of", "link_round"]


def names_of(loc: Candidate) -> tuple[str, ...]:
    """A candidate's names across articles: its label first, then its other forms."""
    if coarse(loc.cls) == "Organization":
        # a body's short forms ("the Foreign Ministry") are not its name across articles
        return (loc.label,)
    if loc.known is not None:
        return (loc.label, *sorted(loc.known.alt_labels))
    return (loc.label, *sorted({m.text for m in loc.members if m.text and not m.nominal} - {loc.label}))


def evidence_of(locs: list[Candidate], u: Partition, known: Resolution | None) -> list[Evidence]:
    """What the articles say around each cluster, in groups of the exact-spelling pass."""
    from newskg.crossmatch import Evidence

    at: dict[tuple[str, int], int] = {}
    by_article: dict[str, set[int]] = defaultdict(set)
    by_key: dict[str, int] = {}
    for i, loc in enumerate(locs):
        if loc.known is not None:
            by_key[loc.known.key] = i
            for aid in (known.articles_of.get(loc.known.key, ()) if known else ()):
                by_article[aid].add(i)
        else:
            by_article[loc.aid].add(i)
            for m in loc.members:
                at[(loc.aid, m.id)] = i
    out = []
    for i, loc in enumerate(locs):
        if loc.known is not None:
            arts = known.articles_of.get(loc.known.key, set()) if known else set()
            employers = {by_key[k] for k in (known.employers_of.get(loc.known.key, ()) if known else ()) if k in by_key}
            outer = {by_key[k] for k in (known.outer_of.get(loc.known.key, ()) if known else ()) if k in by_key}
        else:
            arts = {loc.aid}
            employers = {at[(loc.aid, m)] for m in loc.org_mids if (loc.aid, m) in at}
            outer = {at[(loc.aid, m)] for m in loc.outer_mids if (loc.aid, m) in at}
        names = names_of(loc)
        around = {j for a in arts for j in by_article.get(a, ())} - {i}
        countries = frozenset(u.find(j) for j in around if locs[j].cls == COUNTRY)
        level = next((place_key(m).split("#")[1] for m in loc.members if "#" in place_key(m)), "")
        strong = loc.cls == SETTLEMENT and any(dict(m.votes).get(SETTLEMENT, 0) >= 3 for m in loc.members)

        bags = tuple(sorted({body_words(locs[j].label, country_of) for j in employers}, key=sorted))
        out.append(Evidence(
            cls=loc.cls, names=names, countries=countries, level=level, strong_settlement=strong,
            employer_words=tuple(b for b in bags if b),
            around=frozenset(u.find(j) for j in around if locs[j].cls != COUNTRY),
            employers=frozenset(u.find(j) for j in employers), outer=frozenset(u.find(j) for j in outer)))
    return out


def block_keys(loc: Candidate, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """The blocks ``link_round`` puts a candidate in, by its names (``Evidence.names``): only
    candidates of one block are compared (and ``linkkeys`` keeps every block's articles together)."""
    from newskg.extract.countries import country_of

    group, out = coarse(loc.cls), []
    for name in names:
        if group == "Person":
            words = person_tokens(name)
            if len(words) >= 2:
                out.append(("Person", sound_key(words[-1])))
                out.append(("Person", sound_key("".join(words))))  # "Abd El-Karim" / "Abdelkarim"
        elif group == "Place" and loc.cls != COUNTRY:
            out.append(("Place", place_core(name)))
            out.append(("Place~", place_letters(name)[:4]))  # near spellings (crossmatch.same_place)
        elif group == "Organization":
            out.append(("Org", " ".join(sorted(body_words(name, country_of)))))
            out.append(("Org~", sound_key(name)))
    return out


def link_round(locs: list[Candidate], u: Partition, why: dict[int, list[str]], known: Resolution | None,
                groups: set[str]) -> None:
    """Join clusters of ``groups`` spelled differently across articles when ``crossmatch`` finds
    them one thing. Every decision is taken on the evidence as it stood before the round, so
    the result does not depend on the order of the pairs."""
    from newskg.extract.countries import country_of

    ev = evidence_of(locs, u, known)
    blocks: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, loc in enumerate(locs):
        if coarse(loc.cls) in groups:
            for block in block_keys(loc, ev[i].names):
                blocks[block].add(i)
    roots = {i: u.find(i) for i in range(len(locs))}
    joins: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int]] = set()
    for (group, _), ids in sorted(blocks.items()):
        ordered = sorted(ids)
        for x, i in enumerate(ordered):
            for j in ordered[x + 1:]:
                ga, gb = roots[i], roots[j]
                same_article = bool(locs[i].aid) and locs[i].aid == locs[j].aid
                if ga == gb or (ga, gb) in seen or (same_article and group != "Org"):
                    continue
                if kept_apart(locs[i].label, locs[j].label):
                    continue
                if group == "Person":
                    reason = same_person(ev[i], ev[j], ga, gb)
                elif group.startswith("Place"):
                    reason = same_place(ev[i], ev[j], ga, gb)
                else:
                    reason = same_body(ev[i], ev[j], ga, gb, country_of)
                    if same_article and reason and "country's name" not in reason:
                        reason = None  # in one article, only "of the Republic of X" / "of X" twice
                if reason:
                    seen.add((ga, gb))
                    joins.append((i, j, reason))
    _apply(joins, u, why)
    if "Organization" in groups:
        # a short name against the bodies as this round left them ("UN Security Council" and
        # "United Nations Security Council" one body first, then "the Security Council")
        _apply(_short_forms(locs, ev, {i: u.find(i) for i in range(len(locs))}, country_of), u, why)


def _apply(joins: list[tuple[int, int, str]], u: Partition, why: dict[int, list[str]]) -> None:
    for i, j, reason in joins:
        if not u.join(i, j):
            continue  # a town and the area of its name (``Partition``)
        for k in (i, j):
            if reason not in why[k]:
                why[k].append(reason)


_OWNERS = frozenset({"InternationalOrganization", ADMIN_AREA, PLACE})  # what a body's first words may name


def short_form_keys(loc: Candidate) -> set[str]:
    """The keys under which ``_short_forms`` compares a candidate: a body's name and each tail of
    it (a short name ends the full one) with the words before that tail (what the body belongs
    to), and every name of a place or international body that may be those words."""
    out: set[str] = set()
    if coarse(loc.cls) == "Organization" and not is_acronym(loc.label):
        words = loc.label.split()
        if len(body_words(loc.label, country_of)) >= 2:
            out.add("short:" + " ".join(w.lower() for w in words))
        for k in range(1, len(words)):
            out.add("tail:" + " ".join(w.lower() for w in words[k:]))
            out.add("head:" + fold(" ".join(words[:k])))
    if loc.cls in _OWNERS:
        for n in (loc.label, *((loc.known.alt_labels if loc.known else set()) | {m.text for m in loc.members})):
            out.add("owner:" + fold(n))
    return out


def _short_forms(locs: list[Candidate], ev: list[Evidence], roots: dict[int, int], country_of) -> list[tuple[int, int, str]]:
    """A body's short name and the one longer name that holds all its words."""

    words: dict[int, frozenset[str]] = {}
    having: dict[str, set[int]] = defaultdict(set)
    for i, loc in enumerate(locs):
        if coarse(loc.cls) == "Organization" and len(loc.label.split()) >= 1 and not is_acronym(loc.label):
            words[i] = body_words(loc.label, country_of)
            for w in words[i]:
                having[w].add(i)
    owners = {fold(n) for i, loc in enumerate(locs) if loc.cls in _OWNERS
              for n in (loc.label, *((loc.known.alt_labels if loc.known else set()) | {m.text for m in loc.members}))}

    def qualifies(words: str) -> bool:
        w = fold(words)
        return bool(w) and " and " not in f" {w} " and (w in owners or re.sub(r"\W", "", w) in {"un", "unitednations"})

    out = []
    for i, ws in sorted(words.items()):
        if len(ws) < 2:
            continue
        fuller = set.intersection(*(having[w] for w in ws))
        short = [w.lower() for w in locs[i].label.split()]

        def ends_it(j: int, short: list[str] = short) -> bool:
            full = locs[j].label.split()
            return [w.lower() for w in full[len(full) - len(short):]] == short and qualifies(" ".join(full[:len(full) - len(short)]))

        fuller = {j for j in fuller if words[j] > ws and roots[j] != roots[i] and ends_it(j)}
        if len({roots[j] for j in fuller}) != 1:
            continue
        j = min(fuller)
        # what the full name's group says around it, over every article that names it
        group = [k for k in words if roots[k] == roots[j]]
        full = replace(ev[j], around=frozenset().union(*(ev[k].around for k in group)),
                       outer=frozenset().union(*(ev[k].outer for k in group)))
        reason = short_form_of(ev[i], full, roots[i], roots[j], country_of, qualifies)
        if reason and not kept_apart(locs[i].label, locs[j].label):
            out.append((i, j, reason))
    return out

