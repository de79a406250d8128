"""Plain data passed between stages.

Every stage speaks in these frozen dataclasses: ingest makes an ``Article``; extract reads it
into a ``Reading`` (mentions and facts with character offsets into the original file); resolve
turns readings into ``Entity`` clusters with stable keys; build writes them as RDF. No spaCy
object ever crosses a stage line, so resolve and build are testable without a model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PERSON = "Person"
ORGANIZATION = "Organization"
GOVERNMENT_BODY = "GovernmentBody"
MEDIA_OUTLET = "MediaOutlet"
ARMED_FORCES = "ArmedForces"
INTERNATIONAL_ORG = "InternationalOrganization"
PLACE = "Place"
COUNTRY = "Country"
ADMIN_AREA = "AdministrativeArea"
SETTLEMENT = "Settlement"

ORG_CLASSES = frozenset({ORGANIZATION, GOVERNMENT_BODY, MEDIA_OUTLET, ARMED_FORCES, INTERNATIONAL_ORG})
PLACE_CLASSES = frozenset({PLACE, COUNTRY, ADMIN_AREA, SETTLEMENT})
ENTITY_CLASSES = frozenset({PERSON}) | ORG_CLASSES | PLACE_CLASSES


def coarse(cls: str) -> str:
    """The coarse class of a fine entity class: Person, Organization or Place."""
    if cls in ORG_CLASSES:
        return ORGANIZATION
    if cls in PLACE_CLASSES:
        return PLACE
    return PERSON


def choose_class(votes: dict[str, float]) -> str:
    """The coarse class with the most evidence, then its most specific class with the most (ties
    broken by name, so the choice never depends on order)."""
    by_coarse: dict[str, float] = {}
    for cls, w in votes.items():
        by_coarse[coarse(cls)] = by_coarse.get(coarse(cls), 0.0) + w
    best = max(sorted(by_coarse), key=lambda c: by_coarse[c])
    fine = [c for c in votes if coarse(c) == best]
    return max(sorted(fine), key=lambda c: (votes[c], c != best))


@dataclass(frozen=True)
class Span:
    """A stretch of the original file, by character offsets (end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One ingested article: the original text and what was read from its header and footer."""

    id: str
    source: str
    text: str
    body: str  # same length as text; site junk blanked out with spaces
    published: date | None = None
    publisher: str | None = None
    publisher_span: Span | None = None
    dateline: Span | None = None  # the city a dateline names ("KHARKIV, Feb. 11 —")
    url: str | None = None
    title: str | None = None  # the headline, when the source gives it apart from the text
    author: str | None = None
    fmt: str = "text"  # the input format: text, html, jsonl, json, csv, feed, warc
    digest: str = ""  # SHA-256 of the text, whitespace folded: the same text under two names is one article
    # ``text`` is what analysis reads (composed, controls replaced); offsets written to the graph
    # point into ``original`` (the file's text, or the main text a page or record gave) through
    # ``shifts`` ((offset, add) pairs, see ``newskg.ingest.normal``)
    shifts: tuple[tuple[int, int], ...] = ()
    original: str | None = None  # kept only when it is not a plain-text file's own text
    warnings: tuple[str, ...] = ()

    def source_offset(self, offset: int) -> int:
        """The offset in the text as read (the file, or the stored original) of ``offset`` in ``text``."""
        from newskg.ingest.normal import to_source

        return to_source(self.shifts, offset)


@dataclass(frozen=True)
class Mention:
    """One surface form of a named (or definite) thing in an article.

    ``cls`` is the class the local evidence points to and ``weight`` how strong that evidence
    is; resolve decides one class per entity from all its mentions.
    """

    id: int
    text: str
    start: int
    end: int
    cls: str
    weight: float = 1.0
    key: str = ""  # a normalised name that mentions of one thing share
    nominal: bool = False  # "the ministry", "the agency": refers back to a named mention
    refers_to: int | None = None  # the mention a nominal/short form was linked to
    canonical: str | None = None  # a fuller name this mention implies ("Ministry of ... of X")
    keyword: str | None = None  # place keyword seen with it ("district", "village")
    votes: tuple[tuple[str, float], ...] = ()  # evidence for each class
    keyword_first: bool = False  # the keyword written before the name: "the province of X"


@dataclass(frozen=True)
class Membership:
    person: int  # mention id
    role: str
    organization: int | None
    start: int
    end: int


@dataclass(frozen=True)
class Statement:
    speakers: tuple[int, ...]  # mention ids
    text: str
    start: int
    end: int
    kind: str  # "direct" or "reported"
    date: date | None = None
    mentions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Incident:
    kind: str
    start: int
    end: int
    date: date | None = None
    place: int | None = None  # mention id
    killed: int | None = None
    injured: int | None = None
    victims: tuple[int, ...] = ()


@dataclass(frozen=True)
class LocatedIn:
    inner: int  # mention ids
    outer: int
    start: int
    end: int


@dataclass(frozen=True)
class Reading:
    """Everything extract read from one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    memberships: tuple[Membership, ...] = ()
    statements: tuple[Statement, ...] = ()
    incidents: tuple[Incident, ...] = ()
    located_in: tuple[LocatedIn, ...] = ()
    publisher_mention: int | None = None
    clusters: tuple[tuple[int, ...], ...] = ()  # mention ids of one thing, as extract grouped them


@dataclass
class Entity:
    """One real thing: a cluster of mentions with a canonical label and one class."""

    key: str
    cls: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    mentions: list[tuple[str, Mention]] = field(default_factory=list)  # (article id, mention)
    merged_because: list[str] = field(default_factory=list)
