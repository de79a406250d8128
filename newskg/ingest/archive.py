"""Ingest: a web archive (WARC, as public news crawls are distributed) -> one ``Record`` per page.

In: a ``.warc`` or ``.warc.gz`` file, streamed with warcio. Out: a ``Record`` for every HTTP
``response`` (or ``resource``) record holding an HTML page with status 200, read as a saved page
(``html.read_page``) with the record's target URI as its URL; requests, metadata, redirects,
images and scripts are passed over. A damaged archive gives one error after the pages read so far.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from newskg.ingest.records import Record, RecordError

__all__ = ["read_warc"]


def read_warc(data: bytes) -> Iterator[Record | RecordError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from newskg.ingest.html import read_page

    seen = pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            seen += 1
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else record.rec_headers.get_header("Content-Type")) or ""
            status = http.get_statuscode() if http else "200"
            if "html" not in ctype.lower() or status != "200":
                continue
            pages += 1
            page = read_page(record.content_stream().read(), url=url, where=url or "record")
            if page is None:
                yield RecordError(f"{url}: no main text in the page")
            else:
                yield page
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield RecordError(f"not a readable WARC archive ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})")
        return
    if not seen:
        yield RecordError("not a readable WARC archive (no records)")
    elif not pages:
        yield RecordError("no HTML page with status 200 in the archive")
