"""Ingest: the outlet (publisher) and author of an article, from the places news pages name them.

In: the article's text and the lines ingest recognised (head lines, dateline agency, footer).
Out: ``Outlet`` candidates with their spans and weights, and the one they vote for. Facts of
news writing that the rules state, one small function or table row each:

- a wire dateline names its agency: "CITY, date (Agency) —", "CITY. date. AGENCY –";
- a byline may name the outlet: "By Name | Outlet", "By Name, Outlet correspondent";
- a masthead opens the page: the first part of a short head line ("Outlet | Section | date");
- a footer closes it: "© 2024 Outlet. All rights reserved.", "Outlet is an independent newsroom…",
  "Follow Outlet on …", a sign-off line ("— Outlet") or an agency slug ("ABC/xy/1840");
- a press release names the body that issues it below "Issued by:" (its name on a line of its
  own, after the officer's name and post);
- the same name seen in two places (masthead and copyright, in any case or as a web address)
  is the outlet; an acronym is the outlet its expansion names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newskg.ingest.when import DATE_RX
from newskg.models import Span

__all__ = ["Outlet", "byline", "choose", "clean_name", "footer_candidates", "head_candidates", "issuer", "outlet_key"]


@dataclass(frozen=True)
class Outlet:
    name: str
    span: Span | None
    weight: float
    how: str


_EDITION = re.compile(r"\s*(?:[-–—:]\s*)?\b(?:(?:English|French|Arabic|International|Online|Web)\s+(?:edition|service)|edition)\b.*$|\s+English$", re.I)
# words that open a page's furniture, not an outlet's name
_NOT_NAME = re.compile(
    r"^(?:(?:our|us|the|this|news|home|menu|search|live|e-edition|tags?|share|print|sections?)$|"
    r"(?:skip|updated?|posted|published|breaking|press release|statement|original story|analysis|"
    r"opinion|briefing|photo|by)\b)", re.I)


def clean_name(name: str) -> str:
    """A name as a label: spaces folded, edition words ("English Service") and punctuation trimmed,
    an all-capitals name in title case (short vowel-less words such as "TV" or "KBN" kept)."""
    name = re.sub(r"\s+", " ", re.sub(r"\s*\([A-Z]{2,8}\)", "", name)).strip(" .,;:()—–-|·/")
    name = _EDITION.sub("", name).strip(" .,;:()—–-|·/") or name
    if name.isupper() and len(name) > 4 and " " in name:
        name = " ".join(w if (len(w) <= 4 and not re.search(r"[AEIOUY]", w)) or "." in w
                        else w.lower() if w.lower() in {"of", "and", "the", "for", "de", "du", "la"} and i else w.capitalize()
                        for i, w in enumerate(name.split()))
    return name


def outlet_key(name: str) -> str:
    """Names that are one outlet share a key: case, spaces, punctuation, a leading "the" and a web
    address's scheme and domain suffix folded ("OsuHeraldOnline.com" = "Osu Herald Online")."""
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().casefold())
    name = re.sub(r"\.(?:com|org|net|info|news|co|[a-z]{2})(?:\.[a-z]{2})?/?$", "", name)
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[\W_]+", "", name)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[0].isupper()).casefold()


def _plausible(name: str) -> bool:
    words = name.split()
    return (1 <= len(words) <= 6 and bool(re.match(r"[^\W\d_]", name)) and not _NOT_NAME.match(name)
            and not re.search(r"\d[:.]\d|[()\[\],;]", name) and not DATE_RX.search(name)
            and not name.endswith(("'s", "’s")) and any(w[:1].isupper() for w in words))


def _cand(name: str, start: int, weight: float, how: str) -> Outlet | None:
    label = clean_name(name)
    if not _plausible(label):
        return None
    raw = name.strip(" .,;:()—–-|·/")
    offset = start + name.find(raw)
    end = offset + len(label) if name.startswith(label, name.find(raw)) else offset + len(raw)
    return Outlet(label, Span(offset, end), weight, how)


# ---- head of the page --------------------------------------------------------

_SEPARATORS = re.compile(r"\s*(?:\||·|•|☰|»|›|\s[-–—]\s|\s{3,})\s*")
_BYLINE = re.compile(
    r"^[ \t]*(?:[—–-]+\s*)?(?:By|Reporting by|Written by|Posted by)\s+(?P<author>[^|,;\n]{3,60}?)"
    r"(?:\s*(?:\||,)\s*(?P<outlet>[^|,;\n]{2,60}?)(?P<role>\s+(?:correspondent|staff(?: writer)?|reporter)\b[^\n]*)?)?"
    r"(?:\s*\|[^\n]*)?[ \t]*$", re.M,
)
_PERSONLESS = re.compile(r"^(?:staff|newsroom|admin|editor|our )", re.I)


def byline(line: str, start: int) -> tuple[str | None, Outlet | None]:
    """The author and outlet a byline line names ("By Name | Outlet", "By Name, Outlet staff")."""
    m = _BYLINE.match(line)
    if not m:
        return None, None
    author = m["author"].strip()
    author = re.sub(r"\s+in\s+[A-Z][\w -]+$", "", author)  # "By Name in City"
    if _PERSONLESS.match(author) or len(author.split()) > 5:
        author = None
    # "By Name | Outlet" names the outlet; "By Name, Outlet correspondent" may name a beat instead
    weight = 1.5 if m["role"] else 3.0
    outlet = _cand(m["outlet"], start + m.start("outlet"), weight, "byline") if m["outlet"] else None
    if outlet is not None and m["role"] is None and "|" not in line:
        outlet = None  # "By Name, Title": a title, not an outlet
    return author, outlet


def head_candidates(text: str, lines: Iterable[tuple[int, int]]) -> list[Outlet]:
    """Mastheads: the first part of a short line at the head of the page."""
    out: list[Outlet] = []
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        if len(line.split()) > 16 or line.rstrip().endswith((".", "?", "!", "”", '"')):
            continue
        first = _SEPARATORS.split(line.strip(), maxsplit=1)[0]
        alone = first == line.strip()
        if alone and (len(first.split()) > 5 or not (first.isupper() or _titled(first))):
            continue  # a line of its own: opening the page, in capitals or a short name in title case
        c = _cand(first, start + line.find(first), 1.5 if n == 0 else 0.5 if alone else 1.0, "masthead")
        if c is not None:
            out.append(c)
    return out


def _titled(line: str) -> bool:
    words = line.split()
    small = {"of", "and", "the", "for", "de", "du", "la", "on"}
    return 2 <= len(words) <= 5 and all(w[:1].isupper() or w.isdigit() or (i and w in small) for i, w in enumerate(words))


# ---- foot of the page --------------------------------------------------------

_FOOTER_ROWS: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("copyright", 2.0, re.compile(
        r"^[ \t]*(?:Copyright\s*)?(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(?P<name>.+?)"
        r"(?:\s+\d{4})?(?:[.,]?\s+All rights reserved\b.*|[.,]?\s+Tous droits\b.*|\s*[.|·—–-].*)?[ \t]*$", re.I)),
    ("self-description", 2.0, re.compile(
        r"^[ \t]*(?P<name>[A-Z][^\n.]{1,60}?) is an? (?:[\w,-]+ ){0,4}(?:newsroom|news agency|newspaper|"
        r"broadcaster|news site|news service|radio station|news outlet)\b")),
    ("follow", 1.0, re.compile(
        r"^[ \t]*(?:Follow|Sign up for|Subscribe to) (?:the )?(?P<name>[A-Z][^\n]{1,60}?)"
        r"(?: on\b| live\b| newsletter\b| morning\b| evening\b| daily\b| for\b)")),
    ("web address", 1.0, re.compile(r"\b(?:www\.)?(?P<name>[A-Z][A-Za-z]+(?:[A-Z][a-z]+)+\.(?:com|org|net)(?:\.[a-z]{2})?)\b")),
)
_SIGNOFF = re.compile(r"^[ \t]*(?:[—–-]+\s*|\(|\([A-Z]{2,8}\)\s+)?(?P<name>[A-Z][\w.’'&-]*(?:\s+[\w.’'&-]+){0,5}?(?:\s+\([A-Z]{2,8}\)(?:\s+[\w-]+){0,2})?)\)?[ \t]*$")
_SLUG = re.compile(r"^[ \t]*/?(?P<name>[A-Z]{2,8})/(?:\s*(?P<long>[A-Z][\w’' -]{3,60}?)$|\s*[\w/ ]{0,20}$)")
_NOT_SIGNOFF = re.compile(r"^(?:[—–-]+\s*|\()?(?:Concludes|Ends?\b|More\b|Reporting|Editing|Compiled|Writing|Photo|Posted|Written|By)\b", re.I)


def footer_candidates(line: str, start: int) -> list[Outlet]:
    """Outlets a footer line names (copyright, self-description, follow/subscribe, web address)."""
    out = []
    for how, weight, rx in _FOOTER_ROWS:
        m = rx.search(line)
        if m:
            c = _cand(m["name"], start + m.start("name"), weight, how)
            if c is not None:
                out.append(c)
    return out


def signoff(line: str, start: int) -> list[Outlet]:
    """The last line of a story naming its outlet: "— Outlet", "Outlet", "ABC/xy/1840", "ABC/Long Name"."""
    if _NOT_SIGNOFF.match(line) or line.rstrip().endswith((".", ":", "!", "?", "”", '"')):
        return []
    m = _SLUG.match(line)
    if m:
        out = [c for c in (_cand(m["name"], start + m.start("name"), 2.0, "slug"),) if c]
        if m["long"]:
            out += [c for c in (_cand(m["long"], start + m.start("long"), 2.0, "slug"),) if c]
        return out
    m = _SIGNOFF.match(line)
    if m:
        c = _cand(m["name"], start + m.start("name"), 2.0, "sign-off")
        return [c] if c else []
    return []


_ISSUED = re.compile(r"^[ \t]*(?:Issued|Released|Distributed) by\b:?[ \t]*(?P<rest>[^\n]*)$", re.I | re.M)
# Words that make a line the name of a body, not of its officer or a post.
_BODY_WORDS = re.compile(r"\b(?:Ministry|Office|Department|Agency|Commission|Council|Embassy|Police|Service|Authority|"
                         r"Directorate|Secretariat|Bureau|Government|Administration|Committee|Corporation|Board|Institute|"
                         r"Centre|Center|Mission|Headquarters|Command|Press)\b")
_POST_WORDS = re.compile(r"\b(?:Head|Director|Spokesperson|Spokesman|Officer|Secretary|Minister|Chief|Manager|Unit)\b")


def issuer(text: str) -> Outlet | None:
    """The body a press release names below "Issued by:": the name given on the line itself, else the
    first line below it that names a body and no post ("Head of the Communication Unit" is a post)."""
    found = list(_ISSUED.finditer(text))
    if not found:
        return None
    m = found[-1]  # the last one: the release's own sign-off
    if m["rest"].strip():
        rest = re.sub(r"^the\s+", "", m["rest"].strip(), flags=re.I)
        return _cand(rest, m.start("rest") + m["rest"].find(rest), 3.0, "issued by") if _BODY_WORDS.search(rest) else None
    for line in re.finditer(r"[^\n]+", text[m.end():m.end() + 400]):
        name = line.group().strip()
        if _BODY_WORDS.search(name) and not _POST_WORDS.search(name) and not DATE_RX.search(name):
            return _cand(name, m.end() + line.start() + line.group().find(name), 3.0, "issued by")
    return None


def choose(cands: list[Outlet]) -> Outlet | None:
    """The outlet most places name (names compared by ``outlet_key``; an acronym counts for the
    name whose initials it is). The label: the first mixed-case spelling, else the first."""
    if not cands:
        return None
    groups: dict[str, list[Outlet]] = {}
    for c in cands:
        groups.setdefault(outlet_key(c.name), []).append(c)
    for key, members in list(groups.items()):
        acronym = members[0].name
        if acronym.isupper() and " " not in acronym and 2 <= len(acronym) <= 6:
            long = [k for k, ms in groups.items() if k != key and _initials(ms[0].name) == key]
            if len(long) == 1:
                groups[long[0]].extend(groups.pop(key))
    order = {id(c): i for i, c in enumerate(cands)}

    def score(item: tuple[str, list[Outlet]]) -> tuple[float, int]:
        key, ms = item
        return sum(c.weight for c in ms) + (1.0 if len({c.how for c in ms}) > 1 else 0.0), -min(order[id(c)] for c in ms)

    _, best = max(groups.items(), key=score)
    mixed = [c for c in best if not c.name.isupper() and " " in c.name and ".com" not in c.name]
    spaced = [c for c in best if " " in c.name and ".com" not in c.name]
    return (mixed or spaced or best)[0]
