"""Titles: the words news English writes before a name, and where the name itself begins.

Extract stage, used by ``names`` (to split "Fire Chief Jane Doe" into a title and a person) and
``roles`` (to read the title as a role). In: a spaCy ``Doc`` and token ranges. Out: token
indices and role strings. A title is a run of role words ("spokesperson", "minister"), ranks
and their abbreviations ("Supt", "Lt. Col."), honorifics ("Dr", "Hon."), qualifiers that
only make a title with a role word after them ("Police Major", "District Magistrate", "Ward
councillor") and the domain word of a minister ("Health Minister", "Biosecurity Minister").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newskg.extract.lexicon import (
    HONORIFICS,
    MINISTRY_OF,
    PLACE_KEYWORDS,
    RANK_ABBREVIATIONS,
    RANK_WORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TITLE_QUALIFIERS,
)

# Role words after which a capitalised word is the post's domain, not a body: "Health Minister".
DOMAIN_HEADS = frozenset({"minister", "secretary"})
# Words of a portfolio: after "Minister of|for" ("Minister of Economy and Planning Jane Doe",
# "Minister of State for Foreign Affairs Jane Doe") they are the post's domain, not a name.
PORTFOLIO = frozenset(
    "foreign affairs external internal interior home security defence defense economy economic planning "
    "finance trade industry industries commerce health education energy agriculture fisheries forestry "
    "forests environment justice labour labor employment transport transportation communication "
    "communications information culture tourism sport sports youth women family social development welfare "
    "housing urban rural water resources natural mines mining petroleum oil gas public works infrastructure "
    "science technology higher research digital state emergency situations disaster management relief "
    "religious endowments investment budget national local government administration territorial climate "
    "action innovation human rights land lands immigration migration refugees veterans maritime aviation "
    "civil primary cooperation integration regional humanitarian reconstruction revenue treasury "
    "solidarity telecommunications postal irrigation livestock food".split()
)


# Clerical titles written before a name and the post they stand for ("Father X" is a priest).
# Capitalised only: "his father X" names a parent.
CLERICAL_TITLES = {"father": "priest", "fr": "priest"}


def word(tok: Token) -> str:
    """The lower-case word without a trailing full stop ("Supt." -> "supt")."""
    return tok.lower_.rstrip(".")


def is_honorific(tok: Token) -> bool:
    return word(tok) in HONORIFICS


def is_rank(tok: Token) -> bool:
    return word(tok) in RANK_WORDS or word(tok) in RANK_ABBREVIATIONS


def is_title_word(tok: Token) -> bool:
    """A word that is a title by itself (a role word, a rank, an abbreviation, an honorific)."""
    low = word(tok)
    return (low in ROLE_WORDS or low in RANK_ABBREVIATIONS or low in HONORIFICS or low in RANK_WORDS
            or low in CLERICAL_TITLES and tok.text[:1].isupper())


def glued_hyphen(doc: Doc, k: int) -> bool:
    """A hyphen inside a word ("Tavakkoli-Nejad", "vice-president")."""
    tok = doc[k]
    return tok.text in {"-", "‐"} and k > 0 and k + 1 < len(doc) and not doc[k - 1].whitespace_ and not tok.whitespace_


def title_start(doc: Doc, lo: int, end: int, is_place=lambda text: False) -> int:
    """The first token of the title that ends at token ``end`` (exclusive), not before ``lo``.

    Returns ``end`` when no title ends there. ``is_place`` tells whether a capitalised word is a
    place (a place before "Minister" is the minister's country, not the domain)."""
    k = end
    seen_title = False
    while k > lo:
        tok = doc[k - 1]
        low = word(tok)
        if is_title_word(tok) or low in ROLE_MODIFIERS and seen_title:
            seen_title = seen_title or is_title_word(tok)
            k -= 1
        elif seen_title and low in TITLE_QUALIFIERS and low not in PLACE_KEYWORDS:
            k -= 1  # "Fire Chief"; but "Harbour City Mayor" is the city's mayor
        elif seen_title and glued_hyphen(doc, k - 1) and k - 2 >= lo and is_title_word(doc[k - 2]):
            k -= 1  # "vice-president" split by the tokenizer
        elif (seen_title and k < end and word(doc[k]) in DOMAIN_HEADS and tok.is_alpha
              and (low in MINISTRY_OF or (tok.text[:1].isupper() and not is_place(tok.text) and not _acronym(tok)
                                          and (k - 1 == lo or not doc[k - 2].text[:1].isupper())))):
            k -= 1  # "Health Minister", "Biosecurity Minister"
        elif seen_title and low in PORTFOLIO and tok.text[:1].isupper() and _portfolio_to_head(doc, k, end):
            k -= 1  # "Internal Security Minister": a portfolio of several words
        else:
            break
    return k if seen_title else end


def _acronym(tok: Token) -> bool:
    """An acronym ("NATO", "OPEC") names a body, never the domain of a post: "NATO Secretary X"."""
    return len(tok.text) > 1 and tok.text.isupper()


def _portfolio_to_head(doc: Doc, k: int, end: int) -> bool:
    """Tokens from ``k`` are capitalised portfolio words up to a minister's title word."""
    while k < end and word(doc[k]) in PORTFOLIO and doc[k].text[:1].isupper():
        k += 1
    return k < end and word(doc[k]) in DOMAIN_HEADS


def role_text(tokens) -> str:
    """A role as written, lower case, without honorifics; rank abbreviations spelt out."""
    words = []
    for t in tokens:
        low = word(t)
        if low in HONORIFICS:
            continue
        words.append(RANK_ABBREVIATIONS.get(low) or CLERICAL_TITLES.get(low) or t.lower_)
    return " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-").strip()


def title_end(doc: Doc, start: int, hi: int) -> int:
    """The end of the title that opens at token ``start`` (exclusive), not after ``hi``; ``start``
    when none does ("Medical Superintendent of …", "Police Brigadier General …")."""
    k = start
    seen_title = False
    while k < hi:
        tok = doc[k]
        low = word(tok)
        nxt = doc[k + 1] if k + 1 < hi else None
        if is_title_word(tok):
            seen_title = True
        elif low in ROLE_MODIFIERS or low in TITLE_QUALIFIERS:
            if nxt is None or not (is_title_word(nxt) or word(nxt) in ROLE_MODIFIERS or word(nxt) in TITLE_QUALIFIERS
                                   or glued_hyphen(doc, k + 1)):
                break
        elif glued_hyphen(doc, k) and seen_title:
            pass
        elif low in MINISTRY_OF and nxt is not None and word(nxt) in DOMAIN_HEADS:
            pass  # "Foreign Minister"
        else:
            break
        k += 1
    return k if seen_title else start


def portfolio_end(doc: Doc, k: int, end: int) -> int:
    """The end of the portfolio that opens at token ``k`` (after a minister's "of|for"), not after
    ``end``; ``k`` when none does ("Economy and Planning", "State for Foreign Affairs")."""
    j = last = k
    while j < end:
        low = doc[j].lower_
        if low in PORTFOLIO and doc[j].text[:1].isupper():
            j += 1
            last = j
        elif low in {"and", "&", ",", "of", "for", "the"} and last == j and j > k:
            j += 1
        else:
            break
    return last


def holder_after_portfolio(doc: Doc, start: int, end: int) -> int | None:
    """Where the holder's name begins in "Minister of <portfolio> <Name>" inside tokens
    ``start``..``end``; None when the chunk is not written so."""
    for k in range(start, end - 2):
        if word(doc[k]) in DOMAIN_HEADS and doc[k + 1].lower_ in {"of", "for"}:
            a = k + 2
            if a + 2 < end and doc[a].lower_ == "the" and doc[a + 1].lower_ in {"ministry", "department"} \
                    and doc[a + 2].lower_ in {"of", "for"}:
                a += 3  # "Secretary of the Ministry of Labour Jane Doe"
            p = portfolio_end(doc, a, end)
            while p < end - 1 and is_honorific(doc[p]):
                p += 1  # "Minister of Health Dr Jane Doe"
            if a < p < end and all(t.text[:1].isupper() and t.lower_ not in PORTFOLIO or glued_hyphen(doc, t.i)
                                       or t.lower_ in {"bin", "bint", "al", "el", "ibn", "abu"} for t in doc[p:end]):
                return p
    return None
