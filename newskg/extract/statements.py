"""Statements: who said what, as claims of their speakers.

Extract stage. In: the article's ``Ctx`` (its Doc, mentions and role phrases). Out: ``Found``
statements (speaker mention ids, character span, kind), turned into ``Statement`` models by the
package. The quotation marks are read by ``quotes``, the speaker a subject stands for by
``speakers``, reported speech by ``reported`` and labelled turns by ``transcripts``; this
module puts them together in the article's order.

Direct quotes in straight or curly quotes, with the cue after ("…,” X said", "…," said X,
"…,” he added") or before ("X said: “…”"), quotes running over several paragraphs, and
unattributed quote paragraphs that continue the last speaker. Reported speech: "X said (that)
…", "…, X said", "according to X, …", "X urged/called on … to …", "…, X reports, citing Y".
Pronouns and definite nouns ("he", "it", "the statement", "the ministry") are resolved to the
speaker meant. The statement's text is the speech, not the attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from newskg.extract.doc import Ctx
from newskg.extract.places import top_class
from newskg.extract.quotes import SINGLE_OPEN, Quote, find_quotes
from newskg.extract.reported import Found, reported_in
from newskg.extract.speakers import Speakers, is_speech, subject_of
from newskg.extract.transcripts import transcript_statements
from newskg.models import ORG_CLASSES, PERSON

__all__ = ["Found", "find_statements"]


def find_statements(ctx: Ctx, titles: Iterable[tuple[int, str, int, int | None]] = ()) -> list[Found]:
    """Every statement of the article, quotes and reported speech, in the text's order.
    ``titles`` are the memberships read, (person, role, character offset, body): "the minister
    said" is the person last named as a minister, "the ministry said" may be the ministry the last
    speaker spoke for."""
    doc = ctx.doc
    text = ctx.article.body
    quotes = find_quotes(text)
    quoted_tokens: set[int] = set()
    for q in quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            quoted_tokens.update(range(span.start, span.end))
    speakers = Speakers(ctx, quoted_tokens, titles)
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
            for f in reported_in(ctx, obj, quoted_tokens, speakers, used_verbs):
                found.append(f)
                speakers.history.append(f.speakers)
            continue
        chain = obj  # type: ignore[assignment]
        qs = chains[chain]
        if all(len(text[q.start:q.end].split()) < 3 for q in qs):
            continue  # a nickname or a scare-quoted word ("Mayor Jo \"Jojo\" Doe said") uses no verb
        who, verb = _attribution(ctx, qs, speakers)
        if verb is not None:
            used_verbs.add(verb)
            if not who:
                continue
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
    after = doc.char_span(last.end, min(len(ctx.text), last.end + 1), alignment_mode="expand")
    if after is not None:
        start = after.end
        sent = doc[min(start, len(doc) - 1)].sent
        for tok in doc[start:min(sent.end, start + 25)]:
            if tok.text in {"“", '"', SINGLE_OPEN}:
                break
            if is_speech(tok):
                if _says_something_else(ctx, last, tok):
                    break
                subj = subject_of(tok)
                if subj is not None and subj.i >= start - 1:
                    who = speakers.resolve(subj)
                    if who:
                        return who, tok.i
                    if subj.lower_ in {"he", "she"}:
                        return [], tok.i  # someone not named said it: nobody's statement here
                who = _after_verb(ctx, tok, speakers)
                if who:
                    return who, tok.i
    first = qs[0]
    before = doc.char_span(max(0, first.start - 2), first.start, alignment_mode="expand")
    if before is not None:
        sent = doc[before.start].sent
        for tok in reversed(doc[sent.start:before.start]):
            if is_speech(tok):
                subj = subject_of(tok)
                if subj is not None:
                    who = speakers.resolve(subj)
                    if who:
                        return who, tok.i
        if ctx.article.body[:first.start - 1].rstrip().endswith(":"):
            # "X shared on social media: “…”": a colon hands the word to the sentence's subject
            root = sent.root
            subj = subject_of(root) if root.i < before.start else None
            if subj is not None and root.pos_ in {"VERB", "AUX"}:
                who = speakers.resolve(subj)
                if who:
                    return who, None
    return [], None


def _says_something_else(ctx: Ctx, quote: Quote, verb: Token) -> bool:
    """A quote that ends its sentence ("….\" He said three were children.") is not attributed by
    the next sentence's verb when that verb reports speech of its own ("He identified the dead as
    X": what was identified; not the one told, "She told reporters.")."""
    ends = ctx.article.body[quote.start:quote.end].rstrip().endswith((".", "!", "?"))
    own = {"ccomp"} if verb.lemma_.lower() == "tell" else {"ccomp", "dobj"}
    return ends and any(c.dep_ in own and c.i > verb.i for c in verb.children)


def _after_verb(ctx: Ctx, verb: Token, speakers: Speakers) -> list[int]:
    """"…," said General X, commander of …": the name after an inverted verb. A person named in
    the phrase wins over the body named before them ("said the head of the Y Agency, X"); the
    one told is the listener, not the speaker ("…," X told the Y Post)."""
    doc = ctx.doc
    listeners = {t.i for c in verb.children if c.dep_ in {"dobj", "dative"} for t in c.subtree}
    body: list[int] = []
    for tok in doc[verb.i + 1: min(len(doc), verb.i + 20)]:
        if tok.is_punct and tok.text in {".", ";"} or "\n" in tok.text:
            break
        if tok.i in listeners and verb.lemma_.lower() == "tell":
            continue
        c = ctx.at(tok.i)
        if c is not None and top_class(c) == PERSON and not c.nominal:
            return [speakers.fullest(c.id)]
        if tok.lower_ in {"he", "she", "it"} and not body:
            return speakers.resolve(tok)
        if c is not None and top_class(c) in ORG_CLASSES and not body:
            body = [c.id]
    return body


# A line that links to another story: "Also read: …", "RELATED: …", "READ MORE …".
_LINK_LINE = re.compile(r"[ \t]*(?:(?i:also read|read also|read more|see also|related)[ \t]*[:|—–]"
                        r"|(?:ALSO READ|READ ALSO|READ MORE|SEE ALSO|RELATED)\b)")


def _drop_fragments(ctx: Ctx, found: list[Found]) -> list[Found]:
    """Not speech: a reported "statement" with no verb in it ("commented on the incidents" ->
    "on the incidents"; "In a joint statement, …"), and a scare-quoted phrase inside reported
    speech ("turned the region into \"the most mined land\"")."""
    doc = ctx.doc
    text, body = ctx.article.text, ctx.article.body
    out = []
    for f in found:
        at = f.end - len(text[f.start:f.end].lstrip())
        if _LINK_LINE.match(text, text.rfind("\n", 0, at) + 1):
            continue  # "Read more: …", a link to another story, not what anyone said
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        has_verb = span is not None and any(t.pos_ in {"VERB", "AUX"} for t in span)
        if f.kind == "reported" and not has_verb and span is not None and span[0].pos_ == "ADP":
            continue  # a prepositional phrase, not what was said ("blamed the attack on X" stays)
        short = span is not None and sum(1 for t in span if t.is_alpha) < 8
        if f.kind == "direct" and (short or not has_verb) and any(
                o.kind == "reported" and o.start <= f.start and f.end <= o.end + 2 for o in found):
            continue
        if f.kind == "direct" and any(o.kind == "reported" and set(o.speakers) == set(f.speakers)
                                      and o.start <= f.start and f.end <= o.end + 2 for o in found):
            continue  # a quote inside the same speaker's reported sentence is part of that statement
        if f.kind == "direct" and short and not has_verb:
            continue  # a title or a scare-quoted phrase: "told the \"Valley Times\"", "\"use of force\""
        if f.kind == "reported" and (_introduces_a_list(body, f) or _headline(body, f)):
            continue
        out.append(f)
    return out


def _introduces_a_list(text: str, f: Found) -> bool:
    """"The ministry reminds the public to:" introduces what follows; it says nothing itself."""
    return text[f.start:f.end].rstrip().endswith(":")


def _headline(text: str, f: Found) -> bool:
    """A headline, a caption or a menu line: no sentence ends on its line ("Minister condemns
    attack, one dead"). Reported speech is read from sentences."""
    said = text[f.start:f.end].strip()
    start = f.start + text[f.start:f.end].find(said[:1]) if said else f.start
    end = text.find("\n", start + len(said))
    line = text[text.rfind("\n", 0, start) + 1: len(text) if end < 0 else end].rstrip()
    return _SENTENCE_END.search(line) is None


_SENTENCE_END = re.compile(r"[.!?…:;][\"”’')]*(?:\s|$)")


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
