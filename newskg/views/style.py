"""Views, look: one colour and one shape per class, and the ontology's labels for classes and links.

In: the ontology (``newskg.ttl``). Out: ``CLASSES`` (the table every page draws from, so the
legend and the canvas cannot disagree), ``class_labels()`` and ``property_labels()``
(rdfs:label of each ``nkg:`` term, used as legend entries and edge labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

__all__ = ["ClassStyle", "CLASSES", "CLASS_ORDER", "class_labels", "property_labels"]

NKG = "https://w3id.org/newskg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@dataclass(frozen=True)
class ClassStyle:
    name: str
    color: str
    shape: str  # a vis-network shape whose label sits outside, so size follows the value


# Most specific first: an entity typed with two classes takes the first one listed here.
CLASSES: tuple[ClassStyle, ...] = (
    ClassStyle("Person", "#d1495b", "dot"),
    ClassStyle("GovernmentBody", "#2e86ab", "square"),
    ClassStyle("MediaOutlet", "#66a61e", "square"),
    ClassStyle("ArmedForces", "#6a4c93", "square"),
    ClassStyle("InternationalOrganization", "#e6a800", "square"),
    ClassStyle("Organization", "#1b9e9e", "square"),
    ClassStyle("Country", "#1f3f8f", "triangle"),
    ClassStyle("AdministrativeArea", "#5aa9e6", "triangle"),
    ClassStyle("Settlement", "#e07a1f", "triangle"),
    ClassStyle("Place", "#9c6b4e", "triangle"),
    ClassStyle("Incident", "#b00020", "star"),
    ClassStyle("Statement", "#7a7a7a", "diamond"),
    ClassStyle("Article", "#3d3d3d", "hexagon"),
)
CLASS_ORDER = [c.name for c in CLASSES]


@cache
def _ontology_labels() -> dict[str, str]:
    import pyoxigraph

    from newskg.paths import ONTOLOGY

    out: dict[str, str] = {}
    for q in pyoxigraph.parse(ONTOLOGY.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE):
        s, p, o = q.subject, q.predicate, q.object
        if p.value == RDFS_LABEL and isinstance(s, pyoxigraph.NamedNode) and s.value.startswith(NKG):
            out[s.value.removeprefix(NKG)] = o.value
    return out


def class_labels() -> dict[str, str]:
    """Class name → its rdfs:label in the ontology ("GovernmentBody" → "Government body")."""
    labels = _ontology_labels()
    return {c.name: labels.get(c.name, c.name) for c in CLASSES}


def property_labels() -> dict[str, str]:
    """Property local name → its rdfs:label ("reportedIn" → "reported in")."""
    return {k: v for k, v in _ontology_labels().items() if k[:1].islower()}
