"""A test corpus of every input format, written by the tests from one article made up here.

``write_corpus(folder)`` writes the same article as plain text, a saved web page with the
furniture real pages carry (navigation, cookie banner, related links, footer, a script), a
JSON Lines and a JSON export, a CSV export, an RSS 2.0 and an Atom feed with full content, and a
WARC archive (written with warcio) holding the page's HTTP response beside a request, an image
and a redirect. Every format gives the URL, headline, author, outlet and date as metadata.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.sax.saxutils import escape

URL = "https://tidewater.example/news/2023/04/ferry-sinks-off-portvale"
TITLE = "Ferry sinks off Portvale, three dead"
AUTHOR = "Ama Quarshie"
OUTLET = "Tidewater Gazette"
DATE = "2023-04-09"
PARAGRAPHS = [
    "PORTVALE, Norland — Three passengers were killed and 12 injured when a ferry sank off Portvale "
    "on Sunday, the Norland Coast Guard said.",
    "\"The vessel was overloaded,\" coast guard spokesperson Kofi Mensah told reporters.",
    "Norland's Transport Minister Efua Adjei said an inquiry into the sinking would begin on Monday.",
    "The ferry was carrying 80 people from Portvale to the island of Saltbay when it capsized.",
]
BODY = "\n\n".join(PARAGRAPHS)
PLAIN = f" date {DATE}\n\n{BODY}\n\n— {OUTLET}\n"


def page() -> str:
    paras = "\n".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(TITLE)} | {OUTLET}</title>
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:title" content="{escape(TITLE)}">
<meta property="og:url" content="{URL}">
<meta property="article:published_time" content="{DATE}T10:15:00Z">
<meta name="author" content="{AUTHOR}">
<link rel="canonical" href="{URL}">
<script>window.dataLayer = ["<p>Not the story</p>"];</script>
<style>p {{ margin: 0 }}</style>
</head><body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav>
<div class="cookie-banner">We use cookies to improve your experience on our site. <button>Accept all</button></div></header>
<main><article>
<h1>{escape(TITLE)}</h1>
<p class="byline">By {AUTHOR}, {DATE}</p>
{paras}
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Harbour fees to rise in May</a></li>
<li><a href="/b">Storm warning for the northern coast</a></li></ul></aside>
</main>
<footer><p>© 2023 {OUTLET}. All rights reserved.</p><p>Follow us on Facebook and X</p>
<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body></html>
"""


def record() -> dict[str, str]:
    return {"url": URL, "title": TITLE, "author": AUTHOR, "published": f"{DATE}T10:15:00Z",
            "publisher": OUTLET, "text": BODY}


def rss() -> str:
    html = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>{OUTLET} - Coast</title><link>https://tidewater.example/</link><description>News</description>
<item><title>{escape(TITLE)}</title><link>{URL}</link><dc:creator>{AUTHOR}</dc:creator>
<pubDate>Sun, 09 Apr 2023 10:15:00 GMT</pubDate><description>Three passengers were killed.</description>
<content:encoded><![CDATA[{html}]]></content:encoded></item>
</channel></rss>
"""


def atom() -> str:
    html = escape("".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{OUTLET}</title><id>urn:x-feed:tidewater</id>
<updated>2023-04-09T10:15:00Z</updated>
<entry><title>{escape(TITLE)}</title><link href="{URL}"/><id>{URL}</id>
<author><name>{AUTHOR}</name></author><published>2023-04-09T10:15:00Z</published><updated>2023-04-09T11:00:00Z</updated>
<summary>Three passengers were killed.</summary><content type="html">{html}</content></entry>
</feed>
"""


def warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    req = StatusAndHeaders("GET /news/2023/04/ferry-sinks-off-portvale HTTP/1.1", [("Host", "tidewater.example")],
                           is_http_request=True)
    writer.write_record(writer.create_warc_record(URL, "request", http_headers=req))
    body = page().encode("utf-8")
    for url, status, ctype, payload in (
        (URL, "200 OK", "text/html; charset=utf-8", body),
        ("https://tidewater.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://tidewater.example/old", "301 Moved Permanently", "text/html", b"<a href='/new'>moved</a>"),
    ):
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(payload)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
    return out.getvalue()


def write_corpus(folder: Path) -> dict[str, Path]:
    """Each format in its own sub-folder (so each can be built alone); returns format -> file."""
    rec = record()
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rec))
    w.writeheader()
    w.writerow(rec)
    files: dict[str, tuple[str, str | bytes]] = {
        "text": ("story.txt", PLAIN),
        "html": ("story.html", page()),
        "jsonl": ("export.jsonl", json.dumps(rec) + "\n"),
        "json": ("export.json", json.dumps({"articles": [rec]}, indent=1)),
        "csv": ("export.csv", buf.getvalue()),
        "rss": ("coast.rss", rss()),
        "atom": ("coast.atom", atom()),
        "warc": ("crawl.warc.gz", warc()),
    }
    out = {}
    for fmt, (name, content) in files.items():
        path = folder / fmt / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        out[fmt] = path
    return out
