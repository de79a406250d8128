"""Where the project's own files are: the ontology, the shapes, the data tables and the saved queries.

They are package data, read with ``importlib.resources`` (in a wheel they sit inside the package;
in a checkout ``newskg/ontology`` is a link to the top-level ``ontology/`` folder that readers
open). Nothing here is the user's: their tables come from files they name (see ``userdata.py``).
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = ["ONTOLOGY", "SHAPES", "QUERIES", "DATA", "resource_text"]

_PACKAGE = files("newskg")
ONTOLOGY: Traversable = _PACKAGE / "ontology" / "newskg.ttl"
SHAPES: Traversable = _PACKAGE / "ontology" / "shapes.ttl"
DATA: Traversable = _PACKAGE / "ontology" / "data"
QUERIES: Traversable = _PACKAGE / "queries"


def resource_text(item: Traversable) -> str:
    """The text of a packaged file (UTF-8)."""
    return item.read_text(encoding="utf-8")
