"""Statements: who said what, as claims of their speakers.

Direct quotes in straight or curly quotes, with the cue after ("…,” X said", "…," said X,
"…,” he added") or before ("X said: “…”"), quotes running over several paragraphs, and
unattributed quote paragraphs that continue the last speaker. Reported speech: "X said (that)
…", "…, X said", "according to X, …", "X urged/called on … to …", "…, X reports, citing Y".
Pronouns and definite nouns ("he", "it", "the statement", "the ministry") are resolved to the
speaker meant. The statement's text is the speech, not the attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newskg.extract.countries import capital_of, country_code, country_name
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import ROLE_WORDS, SPEECH_VERBS
from newskg.extract.places import top_class
from newskg.extract.transcripts import transcript_statements
from newskg.models import COUNTRY, ORG_CLASSES, PERSON, PLACE_CLASSES

OPEN_Q = {"“", '"', "«"}
CLOSE_Q = {"”", '"', "»"}
SUBJECT_HEADS = frozenset("figures data statistics report reports".split())
EMPTY_OBJECTS = frozenset("this that so it".split())
# "As reported by X, …": participles that attribute like "according to".
AS_BY = frozenset("reported explained stated noted announced said informed".split())
# Plural nouns that stand for the bodies just quoted together ("the three organisations said").
PLURAL_BODIES = frozenset("organisations organizations groups agencies bodies ministries parties".split())
# Nouns for a person by what they do, beyond the titles of ROLE_WORDS ("said the politician").
ROLE_NOUNS = frozenset("politician candidate lawmaker legislator activist witness resident".split())


@dataclass
class Quote:
    start: int  # chars, inner text
    end: int
    chain: int


@dataclass
class Found:
    speakers: list[int]
    start: int
    end: int
    kind: str
    cue: int = -1  # token index of the speech verb
    mentions: list[int] = field(default_factory=list)


# Single curly quotes, the quotation marks of outlets in British style: ‘…,’ she said.
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


def _single_opens(text: str, i: int) -> bool:
    """‘ that opens a quotation: at a paragraph's or clause's start, before a capital letter
    (a scare-quoted word inside a sentence starts in lower case)."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([:—–-") and after.isupper()


def _single_closes(text: str, i: int) -> bool:
    """’ that closes a quotation, not an apostrophe: after the quote's own punctuation
    (‘…,’ ‘…?’) and before a space or the end of the paragraph."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return before in ",.?!…" and not after.isalnum()


def _uses_single(text: str) -> bool:
    """The outlet quotes with ‘…’: more quotations open with ‘ than with “ or "."""
    singles = sum(1 for i, ch in enumerate(text) if ch == SINGLE_OPEN and _single_opens(text, i))
    doubles = sum(1 for i, ch in enumerate(text) if ch == "“" or ch == '"' and _opens(text, i))
    return singles > doubles


def find_quotes(text: str) -> list[Quote]:
    """Quoted spans, one per paragraph; an unclosed quote runs on into the next paragraphs."""
    if _uses_single(text):
        return _find_quotes(text, {SINGLE_OPEN}, {SINGLE_CLOSE})
    return _find_quotes(text, OPEN_Q, CLOSE_Q)


def _find_quotes(text: str, opens: set[str], closes: set[str]) -> list[Quote]:
    single = SINGLE_OPEN in opens
    quotes: list[Quote] = []
    chain = 0
    open_at: int | None = None
    para_start = True
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at is not None and text[open_at:i].strip():
                quotes.append(Quote(open_at, i, chain))
                open_at = i + 1
            para_start = True
            i += 1
            continue
        if para_start and not ch.isspace():
            para_start = False
            if ch in opens and open_at is not None:
                open_at = i + 1  # a continuation mark
                i += 1
                continue
        if open_at is None and ch in opens and (ch != '"' or _opens(text, i)) and (not single or _single_opens(text, i)):
            chain += 1
            open_at = i + 1
        elif open_at is not None and ch in closes and (ch != '"' or not _opens(text, i) or i == n - 1) and (
                not single or _single_closes(text, i)):
            if text[open_at:i].strip():
                quotes.append(Quote(open_at, i, chain))
            open_at = None
        i += 1
    return [q for q in quotes if text[q.start:q.end].strip()]


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([:—–-") and not after.isspace()


class Speakers:
    """Resolves pronouns and definite nouns to the speaker meant."""

    def __init__(self, ctx: Ctx, quoted: set[int]):
        self.ctx = ctx
        self.quoted = quoted
        self.history: list[list[int]] = []

    def last_person(self, before: int) -> int | None:
        """The person "he"/"she" stands for: the last named before, passing over one named as
        the object of an identification ("identified the dead as X")."""
        doc = self.ctx.doc
        found = [c for c in self.ctx.cands
                 if c.start < before and not c.nominal and top_class(c) == PERSON and c.start not in self.quoted]
        found.sort(key=lambda c: c.start)
        for c in reversed(found):
            if not (c.start > 0 and doc[c.start - 1].lower_ == "as"):
                return c.id
        return found[-1].id if found else None

    def last_body(self) -> list[int]:
        for ids in reversed(self.history):
            if all(top_class(self.ctx.cands[i]) in ORG_CLASSES for i in ids):
                return ids
        for ids in reversed(self.history):
            if all(top_class(self.ctx.cands[i]) != PERSON for i in ids):
                return ids
        return []

    def by_role(self, tok: Token) -> list[int]:
        """"the minister said", "said the politician": the person last named with that role,
        else the last speaker when that speaker is a person."""
        low = tok.lower_
        phrases = [r for r in self.ctx.roles
                   if r.person is not None and r.start < tok.i and low in r.role.lower().replace("-", " ").split()]
        if phrases:
            return [max(phrases, key=lambda r: r.start).person]  # type: ignore[list-item]
        if self.history and len(self.history[-1]) == 1 and top_class(self.ctx.cands[self.history[-1][0]]) == PERSON:
            return list(self.history[-1])
        return []

    def resolve(self, tok: Token) -> list[int]:
        """Speakers a subject token stands for (a name, a pronoun, "the statement")."""
        ctx = self.ctx
        low = tok.lower_
        if low in {"he", "she", "him", "her"}:
            p = self.last_person(tok.i)
            return [p] if p is not None else []
        if low in {"it", "they"} or low in PLURAL_BODIES or (
                low in {"statement", "release", "communique"} and not _names_inside(ctx, tok)):
            return self.last_body()
        found = _names_inside(ctx, tok)
        if len(found) == 1 and ctx.cands[found[0]].nominal:
            return self.speaking_body(ctx.cands[found[0]]) or found
        if not found and tok.pos_ == "NOUN" and (low in ROLE_WORDS or low in ROLE_NOUNS):
            return self.by_role(tok)
        return found

    def speaking_body(self, nominal: Cand) -> list[int]:
        """"the ministry said" after a ministry has spoken: that ministry, not another one its
        statement named ("… the Interior Ministry reported …," the ministry said)."""
        head = fold(nominal.text).split()[-1:]
        for ids in reversed(self.history):
            for i in ids:
                c = self.ctx.cands[i]
                if not c.nominal and top_class(c) in ORG_CLASSES and head and head[0] in fold(c.canonical or c.text).split():
                    return [i]
        return []


def _names_inside(ctx: Ctx, head: Token) -> list[int]:
    """Mentions in a subject phrase; a person wins over the body they speak for, every body of a
    joint statement counts ("X, Y and Z said"), and a place speaks only as a country."""
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    cands = [c for c in ctx.covering(lo, hi) if top_class(c) not in {COUNTRY} or c.start == lo or c.start == head.i]
    if not cands:
        cands = ctx.covering(lo, hi)
    persons = [c.id for c in cands if top_class(c) == PERSON and not c.nominal]
    if persons:
        return persons[:1]
    joint = _joint_bodies(ctx, head)
    if len(joint) > 1:
        return joint
    named = [ctx.at(t.i) for t in head.children if t.dep_ == "appos"]  # "the UN mission, ACME, said"
    named_bodies = [c.id for c in named if c is not None and top_class(c) in ORG_CLASSES and not c.nominal]
    if named_bodies:
        return named_bodies[:1]
    heads = [c for c in cands if c.start <= head.i < c.end]
    if heads:
        return _as_speaker(ctx, heads[0])
    conj = [c.id for c in cands if any(t.dep_ in {"conj", "nsubj", "nsubjpass", "pobj", "compound", "poss"} for t in ctx.doc[c.start:c.end])]
    orgs = [i for i in conj if top_class(ctx.cands[i]) in ORG_CLASSES]
    if orgs:
        return orgs
    places = [i for i in conj if top_class(ctx.cands[i]) in PLACE_CLASSES]
    return _as_speaker(ctx, ctx.cands[places[0]]) if places else []


def _joint_bodies(ctx: Ctx, head: Token) -> list[int]:
    """The bodies of a coordinated subject: "the Water Agency, the Red Cross and ACME said"."""
    found: list[int] = []
    for tok in [head, *head.conjuncts]:
        c = ctx.at(tok.i)
        if c is not None and top_class(c) in ORG_CLASSES and c.id not in found:
            found.append(c.id)
    return found


def _as_speaker(ctx: Ctx, c: Cand) -> list[int]:
    """A mention as a speaker: a town or region does not speak, but a capital stands for its
    country's government ("Canberra said" -> Australia)."""
    if top_class(c) not in PLACE_CLASSES or top_class(c) == COUNTRY:
        return [c.id]
    code = capital_of(c.text)
    if code is None:
        return []
    country = next((x for x in ctx.cands if top_class(x) == COUNTRY and country_code(x.text) == code), None)
    if country is None:
        country = ctx.add(Cand(c.start, c.start, COUNTRY, 1.0, text=country_name(code)))
    return [country.id]


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _is_speech(tok: Token) -> bool:
    if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    if tok.lemma_.lower() == "call" and not any(c.lower_ in {"on", "for"} for c in tok.children):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    return True


DIRECTIVES = frozenset({"urge", "ask", "call", "appeal", "advise", "instruct", "encourage", "order", "demand", "direct"})


def _content(ctx: Ctx, verb: Token, sent) -> tuple[int, int] | None:
    """Token range of what was said, leaving out the attribution."""
    doc = ctx.doc
    subj = _subject(verb)
    if verb.lemma_.lower() in DIRECTIVES and any(c.dep_ in {"dobj", "xcomp", "ccomp"} and c.i > verb.i for c in verb.children):
        # "X urged families to leave": what was urged, with its verb ("urged families to leave …")
        return verb.i, _tail(verb, sent)
    attr_start = _attribution_start(ctx, verb, subj)
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.i != verb.i:
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            if hi - lo >= 3:
                if lo > verb.i:
                    hi = max(hi, _tail(verb, sent))
                elif hi < attr_start:
                    # the speech runs up to the attribution ("… killed and 6,000 injured, X said")
                    hi = attr_start
                    while hi > lo and doc[hi - 1].is_punct:
                        hi -= 1
                return lo, hi
    attr_lo = attr_start
    if attr_lo > sent.start + 3:
        hi = attr_lo
        while hi > sent.start and doc[hi - 1].is_punct:
            hi -= 1
        return (sent.start, hi) if hi - sent.start >= 3 else None
    objs = [c for c in verb.children if c.dep_ in {"dobj", "prep", "advcl", "dative", "attr"} and c.i > verb.i]
    if objs and objs[0].lower_ in EMPTY_OBJECTS:
        return None
    lo = verb.i + 1
    hi = sent.end
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    if verb.lemma_.lower() in {"say", "tell", "write", "add", "report", "comment", "post"} and not objs:
        return None
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
    return k if k < verb.i else min(verb.i, subj.left_edge.i)


def _tail(verb: Token, sent) -> int:
    return sent.end - (1 if sent[-1].is_punct else 0)


def find_statements(ctx: Ctx) -> list[Found]:
    doc = ctx.doc
    text = ctx.article.body
    quotes = find_quotes(text)
    quoted_tokens: set[int] = set()
    for q in quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            quoted_tokens.update(range(span.start, span.end))
    speakers = Speakers(ctx, quoted_tokens)
    found: list[Found] = []
    used_verbs: set[int] = set()
    chains: dict[int, list[Quote]] = {}
    for q in quotes:
        chains.setdefault(q.chain, []).append(q)
    chain_speakers: dict[int, list[int]] = {}
    events: list[tuple[int, str, object]] = []
    for chain, qs in chains.items():
        events.append((qs[0].start, "quote", chain))
    for sent in doc.sents:
        events.append((sent.start_char, "sent", sent))
    events.sort(key=lambda e: (e[0], e[1] == "quote"))
    for _, kind, obj in events:
        if kind == "sent":
            for f in _reported(ctx, obj, quoted_tokens, speakers, used_verbs):
                found.append(f)
                speakers.history.append(f.speakers)
            continue
        chain = obj  # type: ignore[assignment]
        qs = chains[chain]
        who, verb = _attribution(ctx, qs, speakers)
        if verb is not None:
            used_verbs.add(verb)
        if not who:
            if sum(len(text[q.start:q.end].split()) for q in qs) < 6:
                continue
            who = speakers.history[-1] if speakers.history else []
        if not who:
            continue
        chain_speakers[chain] = who
        for q in qs:
            if len(text[q.start:q.end].split()) < 3:
                continue
            found.append(Found(list(who), q.start, q.end, "direct", verb if verb is not None else -1))
        speakers.history.append(list(who))
    return _with_transcript(ctx, _drop_fragments(ctx, _dedupe(found)))


def _with_transcript(ctx: Ctx, found: list[Found]) -> list[Found]:
    """Paragraphs of a transcript's turns are statements of the turn's speaker; what was read
    inside them (a quote, "as the minister said") gives way to the turn."""
    turns = transcript_statements(ctx)
    if not turns:
        return found
    kept = [f for f in found if not any(s < f.end and f.start < e for _, s, e in turns)]
    kept += [Found(list(who), s, e, "direct") for who, s, e in turns]
    return sorted(kept, key=lambda f: (f.start, f.end))


def _attribution(ctx: Ctx, qs: list[Quote], speakers: Speakers) -> tuple[list[int], int | None]:
    """The speaker of a quote chain: the cue after its close, or before its opening."""
    doc = ctx.doc
    last = qs[-1]
    after = doc.char_span(last.end, min(len(doc.text), last.end + 1), alignment_mode="expand")
    if after is not None:
        start = after.end
        sent = doc[min(start, len(doc) - 1)].sent
        for tok in doc[start:min(sent.end, start + 25)]:
            if tok.text in {"“", '"', SINGLE_OPEN}:
                break
            if _is_speech(tok):
                subj = _subject(tok)
                if subj is not None and subj.i >= start - 1:
                    who = speakers.resolve(subj)
                    if who:
                        return who, tok.i
                who = _after_verb(ctx, tok, speakers)
                if who:
                    return who, tok.i
    first = qs[0]
    before = doc.char_span(max(0, first.start - 2), first.start, alignment_mode="expand")
    if before is not None:
        sent = doc[before.start].sent
        for tok in reversed(doc[sent.start:before.start]):
            if _is_speech(tok):
                subj = _subject(tok)
                if subj is not None:
                    who = speakers.resolve(subj)
                    if who:
                        return who, tok.i
    return [], None


def _after_verb(ctx: Ctx, verb: Token, speakers: Speakers) -> list[int]:
    """"…," said General X, commander of …": the name after an inverted verb."""
    doc = ctx.doc
    for tok in doc[verb.i + 1: min(len(doc), verb.i + 12)]:
        c = ctx.at(tok.i)
        if c is not None and top_class(c) == PERSON and not c.nominal:
            return [c.id]
        if tok.lower_ in {"he", "she", "it"}:
            return speakers.resolve(tok)
        if c is not None and top_class(c) in ORG_CLASSES:
            return [c.id]
        if tok.is_punct and tok.text in {".", ";"}:
            break
    return []


def _reported(ctx: Ctx, sent, quoted: set[int], speakers: Speakers, used: set[int]) -> list[Found]:
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
        subj = _subject(tok) if tok.lemma_ == "show" else None
        if not _is_speech(tok) and not (subj is not None and subj.lower_ in SUBJECT_HEADS):
            continue
        subj = _subject(tok)
        who: list[int] = []
        if subj is not None:
            who = speakers.resolve(subj)
        elif tok.tag_ == "VBG" and main_speakers:
            who = main_speakers  # "…, adding that …"
        elif tok.i in used:
            continue
        citing = _citing(ctx, tok, sent)
        if citing:
            who = citing
        if not who:
            continue
        main_speakers = who
        if tok.i in used:
            continue
        span = _content(ctx, tok, sent)
        if span is None:
            continue
        lo, hi = span
        while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        if hi - lo < 3 or all(i in quoted for i in range(lo, hi)):
            continue
        out.append(Found(list(who), doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), "reported", tok.i))
    return out


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


def _drop_fragments(ctx: Ctx, found: list[Found]) -> list[Found]:
    """Not speech: a reported "statement" with no verb in it ("commented on the incidents" ->
    "on the incidents"; "In a joint statement, …"), and a scare-quoted phrase inside reported
    speech ("turned the region into \"the most mined land\"")."""
    doc = ctx.doc
    out = []
    for f in found:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        has_verb = span is not None and any(t.pos_ in {"VERB", "AUX"} for t in span)
        if f.kind == "reported" and not has_verb and span is not None and span[0].pos_ == "ADP":
            continue  # a prepositional phrase, not what was said ("blamed the attack on X" stays)
        short = span is not None and sum(1 for t in span if t.is_alpha) < 8
        if f.kind == "direct" and (short or not has_verb) and any(
                o.kind == "reported" and o.start <= f.start and f.end <= o.end + 2 for o in found):
            continue
        out.append(f)
    return out


def _dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple[int, int]] = set()
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if (f.start, f.end) in seen:
            continue
        if any(o.start <= f.start and f.end <= o.end and o.kind == f.kind == "reported" for o in out):
            continue
        seen.add((f.start, f.end))
        out.append(f)
    return out
