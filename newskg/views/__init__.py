"""Views: the graph as pages people look at — a network, a timeline and a page per entity.

Stage: after the store. In: a store (folder, SPARQL endpoint URL or an open store) and filters.
Out: ``{relative path: HTML}`` — ``index.html`` (the network), ``timeline.html`` and
``entity/<slug>.html`` — each page self-contained (styles, scripts and data inline, vis-network
vendored in ``views/assets``), so the files work offline from ``file://`` and no page asks the
network for anything. ``newskg view`` writes them; ``newskg serve`` serves the same dict.

Example::

    from newskg.views import render
    pages = render("graph/store", focus="Jane Doe", hops=1)
    pages["index.html"]          # the network around Jane Doe
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newskg.views.data import ViewGraph, read_graph
from newskg.views.entity import entity_pages
from newskg.views.network import network_page
from newskg.views.select import DEFAULT_MAX_NODES, Filters, select
from newskg.views.timeline import timeline_page

__all__ = ["render", "render_within", "write_views", "Filters", "DEFAULT_MAX_NODES"]


def render(
    store: Any,
    *,
    classes: tuple[str, ...] | list[str] = (),
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    article: str | None = None,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int = DEFAULT_MAX_NODES,
    index: str = "index.html",
) -> dict[str, str]:
    """All pages of the views of ``store``: ``{relative path: HTML}``.

    Args:
        store: a store folder, a SPARQL endpoint URL, or an open store (anything with ``query``).
        classes: only these classes (``"Person"``, ``"Statement"`` …); empty keeps all.
        since, until: only what articles published in this range (ISO dates, inclusive) say.
        outlet: only what this outlet published (its label or IRI).
        article: only this article (its file name, label or IRI).
        focus: only the neighbourhood of this entity (its label, any case, or IRI) …
        hops: … up to this many links away.
        max_nodes: draw at most this many nodes, the most connected; 0 draws all. The network
            page says what was left out.
        index: the file name of the network page (the other pages link back to it).

    Returns:
        ``index`` (the network), ``timeline.html`` and ``entity/<slug>.html`` per entity,
        incident and article shown. Paths are relative and use ``/``; pages link to each other
        relatively, so the dict can be written to a folder or served under any prefix.

    Raises:
        ValueError: no store there, an unknown class, or a focus/outlet/article not found.
    """
    f = Filters(tuple(classes), since, until, outlet, article, focus, hops, max_nodes)
    return pages_of(select(read_graph(store), f), index=index)


def pages_of(g: ViewGraph, index: str = "index.html") -> dict[str, str]:
    """The pages of an already selected ``ViewGraph``."""
    pages = {index: network_page(g), "timeline.html": timeline_page(g, index=index)}
    pages.update(entity_pages(g, index=index))
    return pages


def render_within(store: str | Path, timeout: float, runner: Any = None, **filters: Any) -> dict[str, str]:
    """``render`` run in a worker process that is stopped past ``timeout`` seconds, as a query is
    (``runner.Runner``): raises ``runner.QueryTimeout`` (status 503) then; nothing is written."""
    from newskg.runner import Runner

    own = runner is None
    runner = runner or Runner(str(store), workers=1, timeout=timeout, start_method="fork")
    try:
        return runner.call("newskg.views:render", timeout=timeout, what="view", **filters)
    finally:
        if own:
            runner.close()


def write_views(store: Any, out: str | Path, timeout: float | None = None, **filters: Any) -> list[Path]:
    """Write the pages under ``out``: a folder, or an ``.html`` file for the network page with the
    timeline and entity pages beside it. Returns the paths written, the network page first.
    With ``timeout`` (a store folder or URL), rendering is stopped past that many seconds and
    nothing is written."""
    out = Path(out)
    if out.suffix.lower() in (".html", ".htm"):
        folder, index = out.parent, out.name
    else:
        folder, index = out, "index.html"
    if timeout is not None and isinstance(store, (str, Path)):
        pages = render_within(store, timeout, index=index, **filters)
    else:
        pages = render(store, index=index, **filters)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for rel, text in pages.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
