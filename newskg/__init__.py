"""newskg: offline, deterministic knowledge graphs from news articles.

Stages (one module each): ingest -> extract -> resolve -> build -> derive -> store -> query /
view / export. The command line (``newskg``) is a thin layer over ``newskg.pipeline``.
"""
