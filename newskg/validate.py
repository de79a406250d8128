"""Validate: the store's graph against ``ontology/shapes.ttl`` with pyshacl."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from newskg.export import load_store, union_graph
from newskg.paths import ONTOLOGY, SHAPES, resource_text

__all__ = ["validate_graph", "validate_store"]


def validate_graph(data: Graph) -> tuple[bool, str]:
    """(conforms, report text). RDFS inference with the ontology lets subclasses meet sh:class."""
    import pyshacl

    shapes = Graph().parse(data=resource_text(SHAPES), format="turtle")
    ont = Graph().parse(data=resource_text(ONTOLOGY), format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="rdfs",
                                         advanced=True, allow_warnings=True)
    return bool(conforms), str(text)


def validate_store(store: str | Path) -> tuple[bool, str]:
    return validate_graph(union_graph(load_store(store)))
