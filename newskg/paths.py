"""Where the project's own files are: the ontology, the shapes and the saved queries."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ONTOLOGY_DIR = PACKAGE.parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "newskg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
QUERIES = PACKAGE / "queries"
