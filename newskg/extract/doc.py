"""The working state of one article's extraction: the spaCy Doc and the mentions found so far.

Only the extract package sees this; it hands plain ``newskg.models`` objects onward.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span

from newskg.models import Article


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A comparison key for a name: accents, case, quotes, a leading "the" and "'s" folded."""
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s/&-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass
class Cand:
    """A mention under construction."""

    start: int  # token index
    end: int  # token index, exclusive
    cls: str
    weight: float
    text: str = ""
    char_start: int = 0
    char_end: int = 0
    nominal: bool = False
    refers_to: int | None = None
    canonical: str | None = None
    keyword: str | None = None  # the place keyword seen with it ("district", "village")
    outer_country: str | None = None  # ISO code of the country "the country's X" points to
    evidence: dict[str, float] = field(default_factory=dict)
    id: int = -1

    def vote(self, cls: str, weight: float) -> None:
        self.evidence[cls] = self.evidence.get(cls, 0.0) + weight


@dataclass
class RolePhrase:
    """A title or job with its organisation, waiting to be attached to a person."""

    role: str
    org: int | None  # mention id
    start: int  # token range of the phrase
    end: int
    plural: bool = False
    person: int | None = None  # mention id, when the phrase is glued to a name


@dataclass
class Ctx:
    doc: Doc
    article: Article
    cands: list[Cand] = field(default_factory=list)
    roles: list[RolePhrase] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)
    home_country: str | None = None
    home_votes: dict[str, int] = field(default_factory=dict)
    home_ranking: list[str] = field(default_factory=list)  # countries by how much the article is theirs
    name_class: dict[str, str] = field(default_factory=dict)  # folded name -> its class over the article
    joined_places: list[tuple[int, int]] = field(default_factory=list)  # (inner, outer) cut from "X of Y"
    dateline_country: int | None = None  # the country a dateline names ("CITY, Country —"), blanked in the body

    @cached_property
    def text(self) -> str:
        """The Doc's text, joined once (spaCy's ``Doc.text`` joins every token's text on each use)."""
        return self.doc.text

    def add(self, cand: Cand) -> Cand:
        span = self.doc[cand.start:cand.end]
        cand.char_start, cand.char_end = span.start_char, span.end_char
        if not cand.text:
            cand.text = span.text
        cand.id = len(self.cands)
        cand.vote(cand.cls, cand.weight)
        self.cands.append(cand)
        for i in range(cand.start, cand.end):
            self.by_token.setdefault(i, cand.id)
        return cand

    def at(self, i: int) -> Cand | None:
        idx = self.by_token.get(i)
        return self.cands[idx] if idx is not None else None

    def covering(self, start: int, end: int) -> list[Cand]:
        seen: list[Cand] = []
        for i in range(start, end):
            c = self.at(i)
            if c is not None and c not in seen:
                seen.append(c)
        return seen

    def token_span(self, start: int, end: int) -> Span:
        return self.doc[start:end]

