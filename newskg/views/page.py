"""Views, pages: templates, the vendored scripts and data embedded safely in a page.

In: a template name and its values. Out: one self-contained HTML string (styles, scripts and
data inline), so a page works from ``file://`` and asks the network for nothing. Templates are
Jinja2 with autoescaping; data goes in as JSON inside ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no text from an article can end the
script element or open a comment.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

__all__ = ["render_page", "json_for_script", "asset"]

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(value: Any) -> Markup:
    """``value`` as JSON that is safe inside any ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: _UNSAFE[m.group()], text))


@cache
def asset(name: str) -> Markup:
    """A vendored asset or a page script, ready to inline (source-map comments dropped)."""
    base = resources.files("newskg.views")
    path = base / "assets" / name if (base / "assets" / name).is_file() else base / "templates" / name
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)
    if re.search(r"</script", text, re.I):
        raise ValueError(f"{name} cannot be inlined: it contains </script")
    return Markup(text)


@cache
def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("newskg.views", "templates"),
                      autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(asset=asset, json=json_for_script)
    return env


def render_page(template: str, **values: Any) -> str:
    """Fill ``template`` (a file in ``views/templates``) with ``values``."""
    return _env().get_template(template).render(**values)
