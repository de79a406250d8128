"""Ingest: files -> ``Article`` (see the modules: text, outlet, when)."""

from newskg.ingest.files import IngestError, article_id, iter_paths, read_article, read_articles

__all__ = ["IngestError", "iter_paths", "read_article", "read_articles", "article_id"]
