"""Credits and page chrome: who wrote, edited or photographed an article, and which lines of a
web page are menus rather than news.

Extract stage, run by ``names`` before name chunks are read. In: the article's analysed text and
its spaCy ``Doc``. Out: token ranges of the people credited, with their role ("By Jane Doe,
Europe correspondent" -> correspondent; "(Reporting by A; Editing by B)" -> reporter, editor;
"Picture: A/Outlet" -> photographer), and the character ranges of chrome lines (menus such as
"NEWS | SPORT | BUSINESS", cookie banners, "Posted by", "Share:"), where no name is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Reporting by", "Additional reporting by", "Editing by", "Photo by": the credit's verb -> role
CREDIT_VERBS = {
    "reporting": "reporter", "additional reporting": "reporter", "writing": "writer", "editing": "editor",
    "compiled": "reporter", "photo": "photographer", "photos": "photographer", "photograph": "photographer",
    "photographs": "photographer", "picture": "photographer", "pictures": "photographer",
}
# The job in a byline's apposition ("By Jane Doe, Europe editor").
BYLINE_ROLES = ("correspondent", "editor", "reporter", "writer", "photographer", "columnist", "contributor")
NAME_PARTICLES = frozenset("de del della da do dos das di du van von der den bin ibn al el la le".split())
# Menu separators: pipes, middle dots, bullets, or runs of spaces between short items.
_MENU_SPLIT = re.compile(r"\s*[|·•]\s*|\s{3,}")
_CREDIT = re.compile(r"\b(?P<verb>(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Photos?|Photographs?|"
                     r"Pictures?)(?: by|:)\s+", re.I)
_BYLINE = re.compile(r"^[ \t]*(?:[—–-]+\s*)?By\s+", re.M)
_CHROME_START = re.compile(r"^\s*(?:share\b|posted by\b|leave a (?:comment|reply)\b|name\*|listen to this\b|"
                           r"related (?:news|stories|articles)\b|☰|menu\b|log in\b|sign in\b)", re.I)


@dataclass(frozen=True)
class Credit:
    start: int  # character offsets of the name
    end: int
    role: str
    outlet: tuple[int, int] | None = None  # character offsets of an outlet named with it


def _name_at(text: str, pos: int) -> tuple[int, int] | None:
    """The capitalised name that starts at ``pos``: capitalised words and initials, with a
    particle between two ("Anna de Vries"); it ends at punctuation or a lower-case word."""
    end = None
    last = pos  # the end of the last word taken, name word or particle
    taken = 0
    for m in re.finditer(r"[^\s,;()|/]+", text[pos:]):
        a = pos + m.start()
        if a != last and not (text[last:a].isspace() and "\n" not in text[last:a]):
            break
        word = m.group().rstrip(":")
        if word[:1].isupper() and (not word.isupper() or len(word.rstrip(".")) <= 2):
            end = last = a + len(word)
            taken += 1
        elif word.lower() in NAME_PARTICLES and taken:
            last = a + len(word)
        else:
            break
        if taken >= 6 or len(word) < len(m.group()):
            break
    return (pos, end) if end is not None else None


def _names_list(text: str, pos: int, stop: int) -> list[tuple[int, int]]:
    """Names separated by commas or "and" from ``pos`` up to ``stop`` ("A in X and B in Y")."""
    out = []
    k = pos
    while k < stop:
        span = _name_at(text, k)
        if span is None or span[1] > stop:
            break
        if re.match(r"\s+(?!in\b|and\b)[a-z]", text[span[1]:stop]):
            break  # "Jane Doe, River Post staff": an outlet and its staff, not a second name
        out.append(span)
        rest = text[span[1]:stop]
        m = re.match(r"(?:\s+in\s+[^\s,;]+(?:\s+[A-Z][^\s,;]*)*)?\s*(?:,\s*|\s+and\s+)", rest)
        if not m or re.match(r"[a-z]", rest[m.end():m.end() + 1] or "a"):
            break
        k = span[1] + m.end()
    return out


def find_credits(text: str) -> list[Credit]:
    """Bylines ("By A, Europe editor", "By A | Outlet"), sign-offs ("(Reporting by A; Editing by
    B)", "Reporting by A, Outlet staff") and photo credits ("Picture: A/Outlet")."""
    out: list[Credit] = []
    for m in _BYLINE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        span = _name_at(text, m.end())
        if span is None or len(text[span[0]:span[1]].split()) < 2:
            continue
        tail = text[span[1]:line_end]
        role = "reporter"
        am = re.match(r"\s*,\s*([^|\n]{0,60})", tail)
        if am:
            found = [r for r in BYLINE_ROLES if re.search(rf"\b{r}\b", am.group(1), re.I)]
            role = found[0] if found else role
        out.append(Credit(span[0], span[1], role))
    for m in _CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()].strip(" \t(—–-;")
        if before and not before.endswith((":", ";")) and _CREDIT.search(before) is None and len(before.split()) > 12:
            continue  # a credit is a line of its own (or the tail of a caption), not a sentence
        stop = min(x for x in (text.find(c, m.end()) for c in (";", ")", "\n")) if x >= 0) if any(
            text.find(c, m.end()) >= 0 for c in (";", ")", "\n")) else len(text)
        role = CREDIT_VERBS.get(m["verb"].lower(), "reporter")
        names = _names_list(text, m.end(), stop)
        if m.group().rstrip().endswith(":") and names and not re.match(r"\s*(?:/|\)|$)", text[names[0][1]:stop + 1]):
            continue  # "Photo: Officers at the scene …" is a caption, not a credit
        for a, b in names:
            outlet = None
            slash = re.match(r"\s*/\s*([^\n;)]+)", text[b:stop])
            if slash:
                outlet = (b + slash.start(1), b + slash.end(1))
            out.append(Credit(a, b, role, outlet))
    return out


def chrome_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture: menus, cookie banners, share bars."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        items = [i for i in _MENU_SPLIT.split(line.strip()) if i]
        menu = len(items) >= 3 and all(len(i.split()) <= 3 for i in items)
        banner = re.search(r"\bcookies?\b|privacy policy", line, re.I) is not None and len(line.split()) <= 40
        section = len(line.split()) == 1 and line.strip().isupper() and line.strip().isalpha()
        if menu or banner or section or _CHROME_START.match(line):
            out.append((m.start(), m.end()))
    return out
