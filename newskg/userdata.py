"""The user's own resolution tables: extra aliases and merges to undo, from files they name.

In: the paths given with ``--aliases`` / ``--distinct``, else those a ``newskg.toml`` beside the
store names (paths in it are relative to it). Out: the tables handed to ``aliases.use_user_tables``.
Nothing the user writes ever lives inside the installed package.

    # graph/newskg.toml, beside graph/store
    aliases = ["my-aliases.csv"]      # variant,canonical[,kind,source]
    distinct = "not-the-same.csv"     # name_a,name_b[,why]

A remote store (``--store http://…``) has no folder to sit beside: its endpoints come from the
``newskg.toml`` in the current folder (``remote_config``): ``layout`` (oxigraph, fuseki, graphdb),
``query_url``, ``update_url``, ``gsp_url``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["UserTables", "CONFIG_NAME", "user_tables", "apply", "remote_config"]

CONFIG_NAME = "newskg.toml"


@dataclass(frozen=True)
class UserTables:
    aliases: tuple[Path, ...] = ()
    distinct: Path | None = None


def _config(store: str | Path | None) -> tuple[Path, dict] | None:
    if store is None or str(store).startswith(("http://", "https://")):
        return None
    return _read(Path(store).parent / CONFIG_NAME)


def _read(path: Path) -> tuple[Path, dict] | None:
    if not path.is_file():
        return None
    try:
        return path, tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a valid TOML file ({exc})") from exc


def user_tables(store: str | Path | None = None, aliases: list[Path] | tuple[Path, ...] = (),
                distinct: Path | None = None) -> UserTables:
    """The tables named on the command line, else in the config beside ``store``; each must exist."""
    found = _config(store)
    if found is not None:
        cfg_path, cfg = found
        if not aliases and cfg.get("aliases"):
            named = cfg["aliases"]
            aliases = tuple(cfg_path.parent / p for p in ([named] if isinstance(named, str) else named))
        if distinct is None and cfg.get("distinct"):
            distinct = cfg_path.parent / str(cfg["distinct"])
    for p in (*aliases, *([distinct] if distinct else [])):
        if not Path(p).is_file():
            raise FileNotFoundError(f"{p}: no such table")
    return UserTables(tuple(Path(p) for p in aliases), Path(distinct) if distinct else None)


def apply(tables: UserTables) -> None:
    """Make resolution read these tables (and only these) beside the package's own."""
    from newskg.aliases import use_user_tables

    use_user_tables(tables.aliases, tables.distinct)


def remote_config() -> dict[str, str]:
    """The endpoint keys (``layout``, ``query_url``, ``update_url``, ``gsp_url``) of ./newskg.toml."""
    found = _read(Path(CONFIG_NAME))
    cfg = found[1] if found else {}
    return {k: str(cfg[k]) for k in ("layout", "query_url", "update_url", "gsp_url") if cfg.get(k)}
