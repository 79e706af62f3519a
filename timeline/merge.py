"""Merge mentions of the same event, within a document and across documents.

Two rows of the event table are the same event when

* their dates are compatible: the same TIMEX3 value, or one period contains the other
  (``2025-01`` contains ``2025-01-22``; the merged event keeps the finer date), and
* they tell the same happening: a similarity of their content words (title and
  sentence, lemma-ish, weighted by rarity in the table) and of their actors reaches
  a threshold.

Rows are grouped greedily, best pairs first; two groups join only when every pair of
their dates is compatible and their average similarity stays above the threshold,
so a chain of loosely similar rows does not snowball into one event.

The result has one row per event: every column of :mod:`timeline.schema` (taken
from the member with the finest date, the best title) plus ``event_id``,
``sources``, ``n_sources`` and ``mentions``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from .schema import ensure_schema
from .semantics import actor_key, content_words

__all__ = ["merge_events", "MERGE_COLUMNS"]

#: Columns merge_events adds to the event table.
MERGE_COLUMNS = ("event_id", "sources", "n_sources", "mentions")

#: How sure a status is, for breaking ties between members (most certain first).
_CERTAINTY = {"reported": 0, "negated": 1, "planned": 2, "expected": 3, "hypothetical": 4}

_DEFAULT_THRESHOLD = 0.22
# weights of the similarity: content words of title+sentence, title words, actors
_W_TEXT, _W_TITLE, _W_ACTORS = 0.65, 0.10, 0.25
# A coarser date containing a finer one needs a little more evidence.
_CONTAINMENT_EXTRA = 0.08


# "The January 22 post", "Trump's January 22 post": a date used as a modifier of a
# definite noun phrase refers back to an event the document has already told.
_ANAPHOR_BEFORE = re.compile(r"(?:\b(?:the|this|that|its|his|her|their)|['’]s)\s*$", re.I)
_ANAPHOR_AFTER = re.compile(r"^\s+[a-z]")
#: similarity added to two mentions of the same date in one document when one refers back
_ANAPHOR_BONUS = 0.36


@dataclass
class _Row:
    i: int
    doc: str
    value: str
    start: int | None          # nanoseconds since the epoch
    end: int | None
    title_words: set[str]
    words: set[str]
    actors: set[str]
    status: str
    anaphoric: bool = False
    norm: float = 0.0          # weighted norms of words / title_words (set by merge_events)
    title_norm: float = 0.0


def _s(v: object) -> str:
    """A cell as text: "" for missing values (None, NaN, pd.NA)."""
    if v is None:
        return ""
    try:
        if pd.isna(v):
            return ""
    except (TypeError, ValueError):
        pass
    return str(v)


def _i(v: object) -> int:
    """A cell as int: -1 for missing values."""
    try:
        return -1 if v is None or pd.isna(v) else int(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return -1


def _period(row: dict) -> tuple[int | None, int | None]:
    s, e = row.get("start"), row.get("end")
    s = None if s is None or pd.isna(s) else pd.Timestamp(s).value
    e = None if e is None or pd.isna(e) else pd.Timestamp(e).value
    return s, e


def _compatible(a: _Row, b: _Row) -> int:
    """0: incompatible dates; 1: same value/period; 2: one period contains the other."""
    if a.value and a.value == b.value:
        return 1
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return 0
    if a.start == b.start and a.end == b.end:
        return 1
    if (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end):
        return 2
    return 0


def _norm(words: set[str], idf2: dict[str, float]) -> float:
    return math.sqrt(sum(idf2.get(w, 1.0) for w in words))


def _cosine(a: set[str], b: set[str], na: float, nb: float, idf2: dict[str, float]) -> float:
    """Cosine of two word sets weighted by idf (idf2 holds squared weights)."""
    if not na or not nb:
        return 0.0
    common = a & b
    if not common:
        return 0.0
    return sum(idf2.get(w, 1.0) for w in common) / (na * nb)


def _similarity(a: _Row, b: _Row, idf2: dict[str, float]) -> float:
    """How likely two rows tell the same happening, 0..1 (dates are not considered).

    Content words of title+sentence (weighted cosine) count 0.65, titles alone 0.1
    and actors (Jaccard of surnames/organisation keys) 0.25; when either row has no
    actor the text carries the whole weight. Actors on both sides with nothing in
    common lower the score.
    """
    text = _cosine(a.words, b.words, a.norm, b.norm, idf2)
    title = _cosine(a.title_words, b.title_words, a.title_norm, b.title_norm, idf2) if text else 0.0
    wt, wti, wa = _W_TEXT, _W_TITLE, _W_ACTORS
    if a.actors and b.actors:
        inter = len(a.actors & b.actors)
        act = inter / len(a.actors | b.actors)
        score = wt * text + wti * title + wa * act
        if inter == 0:
            score *= 0.7
        elif a.actors - b.actors and b.actors - a.actors:
            score *= 0.8  # each has someone the other lacks: Trump-Putin vs Trump-Zelensky
    else:
        score = (wt * text + wti * title) / (wt + wti)
    if a.doc == b.doc and a.value == b.value and (a.anaphoric or b.anaphoric):
        score += _ANAPHOR_BONUS
    return min(score, 1.0)


def _is_anaphoric(sentence: str, mention: str) -> bool:
    """True when the date modifies a definite noun phrase ("The January 22 post")."""
    if not mention:
        return False
    k = sentence.find(mention)
    while k >= 0:
        if _ANAPHOR_BEFORE.search(sentence[max(0, k - 12):k]) and \
                _ANAPHOR_AFTER.match(sentence[k + len(mention):k + len(mention) + 3]):
            return True
        k = sentence.find(mention, k + 1)
    return False


def _informativeness(row: dict) -> tuple:
    """Sort key for the best title: content words, actor named in it, length."""
    title = _s(row.get("title"))
    words = content_words(title)
    actors = row.get("actors") or []
    named = any(actor_key(a).split()[-1] in title.lower() for a in actors if a)
    status_rank = -_CERTAINTY.get(_s(row.get("status")), 5)
    return (min(len(words), 10) + (3 if named else 0), status_rank, -abs(len(title) - 60))


def _union_actors(rows: list[dict]) -> list[str]:
    """Actors of all members, most frequent first, each under its longest form."""
    best: dict[str, str] = {}
    count: Counter[str] = Counter()
    first: dict[str, int] = {}
    for r in rows:
        for a in r.get("actors") or []:
            if not a:
                continue
            k = actor_key(a)
            count[k] += 1
            first.setdefault(k, len(first))
            if k not in best or len(a) > len(best[k]):
                best[k] = a
    return [best[k] for k in sorted(count, key=lambda k: (-count[k], first[k]))]


def _status(rows: list[dict]) -> str:
    """Majority status; ties go to the most certain."""
    c = Counter((_s(r.get("status")) or "reported") for r in rows)
    return min(c, key=lambda s: (-c[s], _CERTAINTY.get(s, 5)))


def _event_id(value: str, members: list[dict]) -> str:
    key = "|".join(sorted(f"{m['doc']}:{m['char_start']}:{m['char_end']}" for m in members))
    return f"{value or 'event'}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def merge_events(events: pd.DataFrame, *, threshold: float = _DEFAULT_THRESHOLD) -> pd.DataFrame:
    """One row per event: the same happening told in several mentions or documents.

    ``events`` is an event table (:func:`timeline.schema.ensure_schema` columns). The
    result keeps every schema column (from the member with the finest date and, among
    those, the most informative title; ``actors`` is the union and ``status`` the
    majority, ties to the most certain) and adds ``event_id`` (stable for the same
    input), ``sources`` (sorted document names), ``n_sources`` and ``mentions`` (one
    dict per member: doc, mention, sentence, char_start, char_end). Rows are ordered by
    start, then title.
    """
    df = ensure_schema(events)
    if df.empty:
        out = df.copy()
        for c in MERGE_COLUMNS:
            out[c] = pd.Series(dtype="int64" if c == "n_sources" else object)
        return out
    records = df.to_dict("records")
    rows: list[_Row] = []
    for i, r in enumerate(records):
        s, e = _period(r)
        title = _s(r.get("title"))
        sent = _s(r.get("sentence"))
        tw = content_words(title)
        rows.append(_Row(
            i=i, doc=_s(r.get("doc")), value=_s(r.get("value")),
            start=s, end=e, title_words=tw, words=tw | content_words(sent),
            actors={actor_key(a) for a in (r.get("actors") or []) if a},
            status=_s(r.get("status")),
            anaphoric=_is_anaphoric(sent, _s(r.get("mention"))),
        ))
    n = len(rows)
    dfreq: Counter[str] = Counter()
    for r in rows:
        dfreq.update(r.words)
    idf2 = {w: math.log(1.0 + n / c) ** 2 for w, c in dfreq.items()}
    for r in rows:
        r.norm = _norm(r.words, idf2)
        r.title_norm = _norm(r.title_words, idf2)

    # Candidate pairs: rows that share a content word or an actor, or two mentions of
    # the same value in one document (anaphora); then only compatible dates count.
    # Pairs absent from ``sim`` have similarity 0 (or only the anaphora bonus).
    postings: dict[str, list[int]] = {}
    for r in rows:
        for w in r.words:
            postings.setdefault(w, []).append(r.i)
        for a in r.actors:
            postings.setdefault("\x00" + a, []).append(r.i)
    same_doc_value: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        same_doc_value.setdefault((r.doc, r.value), []).append(r.i)
    pairs: list[tuple[float, int, int]] = []
    sim: dict[tuple[int, int], float] = {}
    for a in rows:
        i = a.i
        cand: set[int] = set()
        for w in a.words:
            cand.update(postings[w])
        for act in a.actors:
            cand.update(postings["\x00" + act])
        if a.anaphoric or len(same_doc_value[(a.doc, a.value)]) > 1:
            cand.update(same_doc_value[(a.doc, a.value)])
        for j in cand:
            if j <= i:
                continue
            b = rows[j]
            comp = _compatible(a, b)
            if not comp:
                continue
            score = _similarity(a, b, idf2)
            sim[(i, j)] = score
            need = threshold + (_CONTAINMENT_EXTRA if comp == 2 else 0.0)
            if score >= need:
                pairs.append((score, i, j))

    # greedy average-link grouping
    group = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for score, i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        A, B = members[gi], members[gj]
        ok = True
        total = 0.0
        for x in A:
            for y in B:
                if not _compatible(rows[x], rows[y]):
                    ok = False
                    break
                key = (min(x, y), max(x, y))
                s = sim.get(key)
                if s is None:
                    s = sim[key] = _similarity(rows[x], rows[y], idf2)
                total += s
            if not ok:
                break
        if not ok or total / (len(A) * len(B)) < threshold * 0.85:
            continue
        keep, drop = (gi, gj) if len(A) >= len(B) else (gj, gi)
        members[keep].extend(members[drop])
        for x in members[drop]:
            group[x] = keep
        del members[drop]

    out_rows: list[dict] = []
    for idxs in members.values():
        mem = [records[i] for i in sorted(idxs, key=lambda i: (rows[i].doc, _i(records[i].get("char_start")), i))]

        def width(r: dict) -> float:
            s, e = _period(r)
            return float(e - s) if s is not None and e is not None else float("inf")

        finest = min(width(r) for r in mem)
        fine = [r for r in mem if width(r) == finest]
        base = dict(max(fine, key=lambda r: (_informativeness(r), -len(_s(r.get("doc"))))))
        best_title = max(mem, key=_informativeness).get("title")
        base["title"] = best_title
        base["actors"] = _union_actors(mem)
        base["status"] = _status(mem)
        mentions: list[dict] = []
        for r in mem:
            prior = r.get("mentions")
            if isinstance(prior, list) and prior:
                mentions.extend(prior)  # a row of an already merged table
            else:
                mentions.append({"doc": _s(r.get("doc")), "mention": _s(r.get("mention")),
                                 "sentence": _s(r.get("sentence")),
                                 "char_start": _i(r.get("char_start")),
                                 "char_end": _i(r.get("char_end"))})
        mentions.sort(key=lambda m: (m["doc"], m["char_start"], m["char_end"]))
        sources = sorted({m["doc"] for m in mentions})
        base["event_id"] = _event_id(_s(base.get("value")), mentions)
        base["sources"] = sources
        base["n_sources"] = len(sources)
        base["mentions"] = mentions
        out_rows.append(base)
    out = ensure_schema(pd.DataFrame.from_records(out_rows))
    out["n_sources"] = out["n_sources"].astype("int64")
    out = out.sort_values(["start", "title", "event_id"], kind="mergesort", na_position="last")
    return out.reset_index(drop=True)
