"""Reported speech: "X said (that) …", "…, X said", "according to X, …", "X urged … to …".

Extract stage, used by ``statements``. In: one sentence of the article's ``Doc`` with the
tokens already inside quotation marks, and the ``Speakers`` heard so far. Out: ``Found``
statements (speakers and the character span of what was said, without the attribution).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newskg.extract.doc import Ctx
from newskg.extract.lexicon import ROLE_WORDS, SPEECH_NOUNS
from newskg.extract.places import top_class
from newskg.extract.speakers import Speakers, is_speech, subject_of
from newskg.models import ORG_CLASSES, PERSON

# Subjects that report like a speaker ("figures show that …").
SUBJECT_HEADS = frozenset("figures data statistics report reports".split())
# Objects that leave nothing said ("he said so").
EMPTY_OBJECTS = frozenset("this that so it".split())
# "As reported by X, …": participles that attribute like "according to".
AS_BY = frozenset("reported explained stated noted announced said informed".split())
# Documents that carry their sender's words: "sent a letter asking …", "issued a directive urging …".
DOCUMENTS = frozenset("letter dispatch directive circular note message statement order decree notice".split())
# Verbs whose speech is what was asked of someone ("urged residents to …").
DIRECTIVES = frozenset({"urge", "ask", "call", "appeal", "advise", "instruct", "encourage", "order", "demand", "direct"})


@dataclass
class Found:
    """A statement under construction: speaker mention ids and the character span said."""

    speakers: list[int]
    start: int
    end: int
    kind: str
    cue: int = -1  # token index of the speech verb
    mentions: list[int] = field(default_factory=list)


def _content(ctx: Ctx, verb: Token, sent, attr: int | None = None) -> tuple[int, int] | None:
    """Token range of what was said, leaving out the attribution; it ends where a coordinated
    clause gives the word to another speaker ("X said …, and Y said …", "…, while Y said …")."""
    span = _said_range(ctx, verb, sent, attr)
    if span is None:
        return None
    lo, hi = span
    return lo, _next_speaker(ctx, verb, lo, hi)


# Words that join a clause with a speaker of its own to the one before ("…, and Y said …").
CLAUSE_JOINS = frozenset({",", ";", "and", "while", "but", "whereas"})


def _next_speaker(ctx: Ctx, verb: Token, lo: int, hi: int) -> int:
    """Where another speaker's clause begins inside ``lo..hi``: at the named subject of a later
    speech verb that follows a comma or a conjunction; ``hi`` when none does ("…, but he warned
    that …" goes on with the same speaker)."""
    doc = ctx.doc
    for tok in doc[max(lo, verb.i + 1):hi]:
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or not is_speech(tok) or subj.i > tok.i or subj.pos_ == "PRON":
            continue
        start = subj.left_edge.i
        if start - 1 <= lo or doc[start - 1].lower_ not in CLAUSE_JOINS:
            continue
        end = start
        while end > lo and (doc[end - 1].lower_ in CLAUSE_JOINS or doc[end - 1].is_punct):
            end -= 1
        if end - lo >= 3:
            return end
    return hi


def _another_speaker(doc, lo: int, hi: int) -> bool:
    """The words before a speech verb hold another speaker's attribution ("X argued that …, but
    Y rejected the request"): they are X's statement, not Y's."""
    for tok in doc[lo:hi]:
        # a passive verb's subject is what the verb befell, not a speaker ("passengers are still
        # admitted in hospital", "the plan was announced")
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is not None and subj.pos_ != "PRON" and subj.left_edge.i >= lo and is_speech(tok):
            return True
    return False


def _said_range(ctx: Ctx, verb: Token, sent, attr: int | None) -> tuple[int, int] | None:
    doc = ctx.doc
    subj = subject_of(verb)
    if verb.lemma_.lower() in DIRECTIVES | {"identify"} and any(c.dep_ in {"dobj", "xcomp", "ccomp"} and c.i > verb.i for c in verb.children):
        # "X urged families to leave": what was urged, with its verb ("urged families to leave …");
        # "identified the dead as X" with its verb too
        return verb.i, _tail(verb, sent)
    attr_start = _attribution_start(ctx, verb, subj) if attr is None else attr
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.i != verb.i:
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            if hi - lo >= 3:
                if lo > verb.i:
                    hi = max(hi, _tail(verb, sent))
                    # "said to the Ridgeway Courier that …": the speech starts at its "that"
                    lo = next((t.i for t in doc[verb.i + 1:lo] if t.lower_ == "that" and t.pos_ == "SCONJ"), lo)
                else:
                    if hi < attr_start or attr is not None:
                        # the speech runs up to the attribution ("… killed and 6,000 injured, X said")
                        hi = attr_start
                        while hi > lo and doc[hi - 1].is_punct:
                            hi -= 1
                    if _another_speaker(doc, lo, hi):
                        return None
                return lo, hi
    attr_lo = attr_start
    # "…, X said"; not "X, who said …", nor an opening phrase ("In a statement, X condemned …")
    if (attr_lo > sent.start + 3 and verb.dep_ != "relcl" and doc[attr_lo - 1].is_punct
            and any(t.pos_ in {"VERB", "AUX"} for t in doc[sent.start:attr_lo])
            and not any(c.dep_ in {"ccomp", "xcomp"} or c.dep_ == "dobj" and verb.lemma_ != "tell"
                        for c in verb.children if c.i > verb.i)):  # "told state radio" is a listener
        hi = attr_lo
        while hi > sent.start and doc[hi - 1].is_punct:
            hi -= 1
        return (sent.start, hi) if hi - sent.start >= 3 and not _another_speaker(doc, sent.start, hi) else None
    objs = [c for c in verb.children if c.dep_ in {"dobj", "prep", "advcl", "dative", "attr"} and c.i > verb.i]
    if objs and objs[0].lower_ in EMPTY_OBJECTS and objs[0].pos_ != "SCONJ":
        return None  # "he said so"; not "informed that …" misparsed with "that" as the object
    lo = verb.i + 1
    hi = sent.end
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    if verb.lemma_.lower() in {"say", "tell", "write", "add", "report", "comment", "post"} and not objs:
        return None
    if verb.lemma_.lower() == "tell" and all(o.dep_ in {"dobj", "dative"} for o in objs) and hi - lo <= 3:
        return None  # "…, X told the Ridgeway Courier.": the listener is not what was said
    return (lo, hi) if hi - lo >= 3 else None


def _attribution_start(ctx: Ctx, verb: Token, subj: Token | None) -> int:
    """Where "the X said" begins. The parse's subject usually tells; when its subject is no name
    (a misparse: "… and more than 6,000 injured, the Office said"), the names just before the verb do."""
    doc = ctx.doc
    if subj is None:
        return verb.i
    c = ctx.at(subj.i)
    if c is not None or subj.pos_ in {"PRON", "PROPN"} or subj.lower_ in SUBJECT_HEADS:
        return min(verb.i, subj.left_edge.i)
    k = verb.i
    while k - 1 > 0 and (ctx.at(k - 1) is not None or doc[k - 1].lower_ in {"the", "'s", "’s", "also", "later"}):
        k -= 1
    return k if k < verb.i and doc[k - 1].text == "," else min(verb.i, subj.left_edge.i)


def _tail(verb: Token, sent) -> int:
    return sent.end - (1 if sent[-1].is_punct else 0)


def reported_in(ctx: Ctx, sent, quoted: set[int], speakers: Speakers, used: set[int]) -> list[Found]:
    doc = ctx.doc
    out: list[Found] = []
    inside = sum(1 for t in sent if t.i in quoted)
    if inside > len(sent) * 0.5:
        return out
    main_speakers: list[int] = []
    for tok in sent:
        if tok.i in quoted:
            continue
        as_by = (tok.lower_ == "as" and tok.i + 2 < sent.end and doc[tok.i + 1].lower_ in AS_BY
                 and doc[tok.i + 2].lower_ == "by")  # "As reported by X, …"
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to" or as_by:
            f = _according(ctx, tok, sent, speakers)
            if f:
                out.append(f)
            continue
        subj = subject_of(tok) if tok.lemma_ == "show" else None
        if not is_speech(tok) and not (subj is not None and subj.lower_ in SUBJECT_HEADS):
            continue
        if _occasion(tok):
            continue
        subj = subject_of(tok)
        who, attr = _tail_speaker(ctx, tok, speakers)
        own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        inverted = [] if who or own else _inverted_speaker(ctx, tok, sent, speakers)
        if inverted:
            # "…, informed Dr. Jane Doe, press officer of X": the speech is the clause before the verb
            hi = tok.i
            while hi > sent.start and doc[hi - 1].is_punct:
                hi -= 1
            lo = sent.start
            while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
                lo += 1
            if hi - lo >= 3 and not _another_speaker(doc, lo, hi):
                out.append(Found(list(inverted), doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), "reported", tok.i))
                main_speakers = inverted
            continue
        if who:
            pass
        elif tok.tag_ == "VBG" and not own and tok.i > sent.root.i and (
                doc[tok.i - 1].text == "," or tok.dep_ == "acl" and tok.head.lemma_.lower() in DOCUMENTS):
            # "…, adding that …", "X gave a toll, saying …", "X sent a letter asking …": the main
            # clause's speaker
            root_subj = subject_of(sent.root)
            named = root_subj is not None and (ctx.at(root_subj.i) is not None or root_subj.lower_ in {"he", "she", "they"})
            who = main_speakers or (speakers.resolve(root_subj) if named else [])  # type: ignore[arg-type]
        elif subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == tok.i:
            # "X was declared defeated", "it is noted that …": the subject of a passive is no speaker;
            # the agent is ("it was announced by the ministry")
            agent = next((g for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            if agent is None and subj.lower_ == "it":
                # "In the statement made by the ministry, it was announced that …": the statement's
                agent = next((t for t in doc[sent.start:tok.i] if t.lemma_.lower() in SPEECH_NOUNS and t.dep_ == "pobj"), None)
            who = speakers.resolve(agent) if agent is not None else []
            if not who:
                continue
        elif subj is not None and subj.lower_ in {"he", "she"} and subj.i > sent.start + 3 and tok.i > sent.start + 3 \
                and any(c.dep_ == "ccomp" and c.i < subj.i for c in tok.children):
            who = speakers.pronoun(subj, sent.start)  # "…, he said": not a person named in what he said
        elif subj is not None:
            who = speakers.resolve(subj)
        elif tok.i in used:
            continue
        citing = _citing(ctx, tok, sent)
        if citing:
            who = citing
        if not who:
            if subj is not None:
                speakers.heard_unnamed(subj)
            continue
        main_speakers = who
        if tok.i in used:
            continue
        span = _content(ctx, tok, sent, attr if attr < tok.i else None)
        if span is None:
            continue
        lo, hi = span
        while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        if hi - lo < 3 or all(i in quoted for i in range(lo, hi)):
            continue
        out.append(Found(list(who), doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), "reported", tok.i))
    return out


# Verbs that news English puts before their speaker at a sentence's end ("…, said X", "…, added
# X", "…, informed X"); the parse may take the speaker for the object.
INVERTING = frozenset("say add inform explain note state confirm report announce write".split())


def _inverted_speaker(ctx: Ctx, verb: Token, sent, speakers: Speakers) -> list[int]:
    """"…, informed Dr. Jane Doe, press officer of X.": a verb of saying after a comma, with no
    subject of its own, followed by a name that ends the sentence or a comma: that name spoke."""
    doc = ctx.doc
    if verb.lemma_.lower() not in INVERTING or verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return []
    k = verb.i + 1
    while k < sent.end and (doc[k].lower_ == "the" or doc[k].text.endswith(".") and doc[k].text[:1].isupper()
                            and ctx.at(k) is None):
        k += 1  # "the", a title cut short ("Dr.", "Cpl.")
    c = ctx.at(k) if k < sent.end else None
    if c is None or c.start != k:
        return []
    after = doc[c.end] if c.end < sent.end else None
    if after is not None and not (after.is_punct and after.text in {",", ".", ";"}):
        return []
    if top_class(c) == PERSON and not c.nominal:
        return [speakers.fullest(c.id)]
    return speakers.of_mention(c) if top_class(c) in ORG_CLASSES else []


def _occasion(verb: Token) -> bool:
    """"Announcing the results on Thursday, X said …": a participle before the speech verb tells
    the occasion; what was said is the main verb's."""
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.i > verb.i and is_speech(head)


def _tail_speaker(ctx: Ctx, verb: Token, speakers: Speakers) -> tuple[list[int], int]:
    """"…, the City Council said": the name between a comma and the verb is the speaker, whatever
    the parse makes the subject (a name inside the speech, "her neighbour X", is not). The name
    may carry its initials in brackets ("…, the Flood Relief Centre (FRC) said") or be the body of
    the office that speaks for it ("…, the press service of the Y Ministry reports")."""
    doc = ctx.doc
    j = verb.i
    if j > 2 and doc[j - 1].text == ")" and doc[j - 3].text == "(":
        j -= 3  # "(MAC)"
    if j > 1 and doc[j - 1].text == ",":
        j = _before_description(ctx, j - 1)  # "…, Jane Doe, media officer of the Coast Guard, said"
    c = ctx.at(j - 1) if j > 0 else None
    if c is None or c.end != j:
        return [], verb.i
    k = c.start
    while k > 0 and (doc[k - 1].lower_ in {"the", "a"} or doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_lower):
        k -= 1  # "the provincial Steering Committee"
    if top_class(c) == PERSON:
        k = _title_before(doc, k)  # "Lieutenant Commander Jane Doe", "Governor of the X Region Jane Doe"
    if k > 0 and doc[k - 1].lower_ in {"of", "for"}:
        # "the press service of", "a spokesman for": the office before the body's name
        m = k - 1
        while m > 0 and k - m <= 5 and doc[m - 1].pos_ in {"NOUN", "ADJ", "DET"} and doc[m - 1].text.islower():
            m -= 1
        if m < k - 2:
            k = m
    if k == 0 or doc[k - 1].text != ",":
        return [], verb.i
    return speakers.of_mention(c), k


# Words inside a title before a name: "Governor of the X Region", "regional governor", "the state's".
TITLE_GLUE = frozenset({"of", "the", "for", "and", "'s", "’s", "-"})


def _title_before(doc, k: int) -> int:
    """The start of the title before a name at ``k`` when a comma comes before the title ("…,
    regional governor Jane Doe said"): capitalised words, role words and the words that join them."""
    m = k
    while m > 0 and k - m < 8 and (doc[m - 1].pos_ == "PROPN" or doc[m - 1].lower_ in ROLE_WORDS
                                    or doc[m - 1].lower_ in TITLE_GLUE or doc[m - 1].pos_ == "ADJ" and doc[m - 1].is_lower):
        m -= 1
    return m if m < k and m > 0 and doc[m - 1].text == "," else k


def _before_description(ctx: Ctx, comma: int) -> int:
    """"…, Jane Doe, media officer of the Coast Guard, said": the end of the person's name before
    a description set off by commas (it opens in lower case or with an article); ``comma + 1``
    when there is none."""
    doc = ctx.doc
    k = comma - 1
    while k > 0 and comma - k <= 20 and doc[k].text != ",":
        k -= 1
    if k <= 0 or doc[k].text != "," or k + 1 >= comma:
        return comma + 1
    first = doc[k + 1]
    c = ctx.at(k - 1)
    if not (first.is_lower or first.lower_ in {"the", "a", "an"}) or c is None or c.end != k or top_class(c) != PERSON:
        return comma + 1
    return k


def _citing(ctx: Ctx, verb: Token, sent) -> list[int]:
    doc = ctx.doc
    for tok in doc[verb.i + 1: min(sent.end, verb.i + 4)]:
        if tok.lower_ == "citing":
            for t in doc[tok.i + 1: sent.end]:
                c = ctx.at(t.i)
                if c is not None and top_class(c) == PERSON and not c.nominal:
                    return [c.id]
    return []


def _according(ctx: Ctx, tok: Token, sent, speakers: Speakers) -> Found | None:
    """"according to X, …", "…, according to X", "As reported by X, …"."""
    doc = ctx.doc
    to = doc[tok.i + 1] if tok.lower_ == "according" else doc[tok.i + 2]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    who = speakers.resolve(pobj)
    if not who:
        return None
    end_phrase = pobj.right_edge.i + 1
    if tok.i <= sent.start + 1:
        # "According to the X Corp., the price …": the phrase ends at its comma, however parsed
        comma = next((t.i for t in doc[pobj.i:end_phrase] if t.text == "," and ctx.at(t.i) is None), None)
        if comma is not None and comma > pobj.i:
            end_phrase = comma
        lo = end_phrase + (1 if end_phrase < sent.end and doc[end_phrase].text == "," else 0)
        hi = sent.end - (1 if sent[-1].is_punct else 0)
    else:
        lo, hi = sent.start, tok.i
        while hi > lo and doc[hi - 1].is_punct:
            hi -= 1
    while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
        lo += 1
    if hi - lo < 3:
        return None
    return Found(list(who), doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), "reported", tok.i)


