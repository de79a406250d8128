"""Ingest: an HTML page or fragment -> its main text and what the page says about itself.

In: a saved web page's bytes (or an HTML fragment from a feed or a record). Out: a ``Record``:
the main text read by trafilatura (navigation, cookie banners, related links, comments and
footers left out; paragraphs separated by blank lines; the headline line, which is metadata,
left out), and the page's title, author, publication date, site name and URL (its
``<meta>``/JSON-LD/canonical link). Nothing is fetched: trafilatura parses the bytes given, with
lxml's HTML parser, which loads no DTD and resolves no external entity.
"""

from __future__ import annotations

import re

from newskg.ingest.records import Record

__all__ = ["read_page", "fragment_text", "looks_like_html"]

MIN_WORDS = 12  # a main text shorter than this is no article
_TAG = re.compile(r"<(?:p|div|br|span|a|em|strong|b|i|h[1-6]|ul|li|blockquote|figure|img)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Does a record's text field hold HTML markup rather than plain text?"""
    return len(_TAG.findall(text[:5000])) >= 2


def _paragraphs(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def read_page(data: bytes | str, url: str | None = None, where: str = "") -> Record | None:
    """The main text and metadata of a whole page; ``None`` when it has no main text."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    if doc is None:
        return None
    got = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = _paragraphs(got.get("text") or "")
    title = (got.get("title") or "").strip() or None
    if title and text.startswith(title + "\n"):
        text = text[len(title):].lstrip("\n")
    if len(text.split()) < MIN_WORDS:
        return None  # what is left of a page without a story: a menu, a button
    return Record(text=text, where=where, url=got.get("url") or url, title=title, author=got.get("author") or None,
                  published=got.get("date") or None, publisher=got.get("sitename") or None)


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content): one paragraph per block element."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises a family of parser errors; the fragment is then text
        return fragment
    for bad in root.xpath("//script|//style|//noscript|//iframe|//form"):
        bad.drop_tree()
    for br in root.xpath("//br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.xpath("//p|//div|//li|//h1|//h2|//h3|//h4|//h5|//h6|//blockquote|//tr|//figcaption"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    return "\n\n".join(re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n", text) if p.strip())
