"""Who did what, and did it happen: actors, status and a title for one date mention.

The pipeline finds a calendar date in a sentence; :func:`describe` reads the clause
that date belongs to and returns a :class:`Description`:

* ``actors`` – the people and organisations acting in that clause (its subject, the
  speaker of reported speech, partners introduced by "with"/"between"), each resolved
  to its fullest form in the document by a :class:`NameIndex`;
* ``status`` – ``reported`` (it happened), ``planned`` / ``expected`` (future),
  ``hypothetical`` (conditional, "could", "might") or ``negated`` ("did not", "never");
* ``title`` – a short headline built around the clause's verb and actor
  ("Trump announces Witkoff will likely visit Russia", "Peskov: the Kremlin doesn't
  see any particularly new elements here").

How the clause is found: the sentence is tokenised, verbs are recognised from a
lexicon (``verbs.json``: base forms, generated inflections, irregular forms) and word
order, and verbs with their auxiliaries, negation and adverbs form verb groups
("would likely visit", "did not meet", "is expected to make"). The sentence is cut
into segments at commas, semicolons, dashes, line breaks and before subordinators
("that", "when", "after" + clause, "if", "which"...). A date with a preposition
belongs to the verb group before it in its segment ("said on January 23"); an opening
adverbial ("On January 22, ...") belongs to the main clause that follows; a date
inside a noun phrase ("The January 22 post was ...") to the verb after it. The
clause's subject is walked back over appositions ("Putin's spokesman, Dmitry Peskov,
said"); a reporting verb before the clause ("announced that ...") governs it, which
turns "would" into a plan and names the speaker.

Everything is rule based (regular expressions and word lists in
``timeline/semantics_data/*.json``); no model is loaded. A sentence is analysed once
for all its mentions (the :class:`NameIndex` keeps the analyses of the last few
sentences), and dates in one clause share its actors and title, so several dates in a
sentence cost little more than one.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

__all__ = ["Description", "NameIndex", "describe", "STATUSES", "content_words", "actor_key"]

#: The values ``Description.status`` takes.
STATUSES = ("reported", "planned", "expected", "hypothetical", "negated")

_DATA_DIR: Final = Path(__file__).with_name("semantics_data")

#: Tests set this to re-raise errors that describe() otherwise turns into a plain title.
_STRICT = False


def _load(name: str) -> dict:
    with open(_DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


# ---------------------------------------------------------------------------
# Lexicon (built once at import)
# ---------------------------------------------------------------------------

_W: Final = _load("words.json")
_T: Final = _load("titles.json")
_O: Final = _load("orgs.json")
_V: Final = _load("verbs.json")
_C: Final = _load("cues.json")

_FUNCTION: Final = frozenset(_W["function_words"])
_MONTHS: Final = frozenset(_W["months"])
_WEEKDAYS: Final = frozenset(_W["weekdays"])
_DATEWORDS: Final = _MONTHS | _WEEKDAYS | frozenset(w for w in _W["time_words"] if " " not in w)
_DEMONYMS: Final = frozenset(_W["demonyms"])
_SOFT: Final = frozenset(_W["soft_capitals"])
_DETERMINERS: Final = frozenset(_W["determiners"])
_PREPOSITIONS: Final = frozenset(_W["prepositions"])
_DATE_PREPS: Final = frozenset(_W["date_prepositions"])
_SUBORD: Final = frozenset(_W["subordinators"])
_NAME_CONNECTORS: Final = frozenset(_W["connectors_in_names"]) - {"and"}
_ADVERBS: Final = frozenset(_W["adverbs"])
_PRONOUNS_PERSON: Final = frozenset({"he", "she"})
_PRONOUNS_SPEAKER: Final = frozenset({"i", "we"})
_SUBJ_PRONOUNS: Final = frozenset({"i", "we", "you", "they", "he", "she", "it", "who", "which", "that"})
_PRONOUN_IS: Final = frozenset(p + s for p in _SUBJ_PRONOUNS for s in ("'s", "’s"))  # "he's", "it’s"

_TITLES: Final = frozenset(_T["titles"])
_TITLE_FIRST: Final = frozenset(t.split()[0] for t in _TITLES)
_GROUP_NOUNS: Final = frozenset(_T["group_nouns"])

_ORG_KNOWN: Final[dict[str, str]] = {k.lower(): v for k, v in _O["known"].items()}
_ORG_SUFFIX: Final = frozenset(_O["suffixes"])
_ORG_GOVERNED: Final = frozenset(_O["governed_by"])
_SAME_SIDE: Final[dict[str, str]] = dict(_O["same_side"])

_AUX: Final = frozenset(_V["auxiliaries"])
_MODALS: Final = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must",
                     "'ll", "’ll", "'d", "’d", "ought", "cannot"})
_NEG_WORDS: Final = frozenset(_C["negation"])
_NEG_VERBS_TO: Final = frozenset(_C["negating_verbs_need_to"])
_HYPO_MODALS: Final = frozenset(_C["hypothetical_modals"])
_FUTURE_MODALS: Final = frozenset(_C["future_modals"])
_COND_MODALS: Final = frozenset(_C["conditional_modals"])
_PLAN_CAT: Final = frozenset(_C["planned_catenatives"])
_EXPECT_CAT: Final = frozenset(_C["expected_catenatives"])
_HEDGES: Final = frozenset(_C["hedges"])
_NEG_PHRASES_RE: Final = re.compile(" (?:" + "|".join(re.escape(p) for p in _C["negating_phrases"]) + ") ")
_PLANNED_NOUNS_RE: Final = re.compile(" (?:" + "|".join(re.escape(p) for p in _C["planned_nouns"]) + ") ")
_NEG_GOVERNORS: Final = frozenset(_C["negating_governors"])
# A phrase can only occur in a clause whose tokens include its longest word: the
# regular expressions above are run only when one of these words is there.
_NEG_PHRASE_KEYS: Final = frozenset(max(p.split(" "), key=len) for p in _C["negating_phrases"])
_PLANNED_NOUN_KEYS: Final = frozenset(max(p.split(" "), key=len) for p in _C["planned_nouns"])

_SPEECH: Final = frozenset(_V["speech"])
_REPORT: Final = frozenset(_V["report"])
_ANNOUNCE: Final = frozenset(_V["announce"])
_PREDICT: Final = frozenset(_V["predict"])

#: form -> (base, tags) where tags is a frozenset of {"base","3sg","past","pp","ing"}
_FORMS: Final[dict[str, tuple[str, frozenset[str]]]] = {}
#: base -> (3sg, past, pp, ing)
_INFLECT: Final[dict[str, tuple[str, str, str, str]]] = {}


def _regular(base: str) -> tuple[str, str, str, str]:
    """Regular inflections of an English verb: (3sg, past, past participle, -ing)."""
    vowels = "aeiou"
    if base.endswith(("s", "x", "z", "ch", "sh")):
        s3 = base + "es"
    elif base.endswith("y") and base[-2:-1] not in vowels:
        s3 = base[:-1] + "ies"
    else:
        s3 = base + "s"
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2:-1] not in vowels:
        past = base[:-1] + "ied"
    else:
        past = base + "ed"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ing = base[:-1] + "ing"
    else:
        ing = base + "ing"
    return s3, past, past, ing


def _build_forms() -> None:
    tmp: dict[str, tuple[str, set[str]]] = {}

    def add(form: str, base: str, tag: str) -> None:
        if form == "-":
            return
        if form in tmp and tmp[form][0] == base:
            tmp[form][1].add(tag)
        elif form not in tmp:
            tmp[form] = (base, {tag})

    irregular = {k: tuple(v) for k, v in _V["irregular"].items()}
    for base in list(_V["base"]) + list(irregular):
        forms = irregular.get(base) or _regular(base)
        _INFLECT[base] = forms  # type: ignore[assignment]
        add(base, base, "base")
        add(forms[0], base, "3sg")
        add(forms[1], base, "past")
        add(forms[2], base, "pp")
        add(forms[3], base, "ing")
    for form, (base, tags) in tmp.items():
        _FORMS[form] = (base, frozenset(tags))


_build_forms()

_VERB_WORDS: Final = frozenset(_FORMS) | _AUX  # every token the lexicon knows as a verb

# Verb forms that are more often plural nouns ("peace talks", "new plans").
_NOUNY: Final = frozenset({
    "talks", "plans", "reports", "claims", "attacks", "strikes", "calls", "visits", "comments",
    "deals", "sanctions", "cuts", "needs", "concerns", "demands", "offers", "hopes", "fears",
    "promises", "threats", "moves", "steps", "votes", "orders", "bans", "signals", "posts",
    "tweets", "measures", "attempts", "efforts", "forces", "leads", "points", "shows", "sets",
    "puts", "runs", "reads", "works", "uses", "changes", "limits", "supports", "pressures",
    "gains", "losses", "costs", "records", "states", "answers", "questions", "remarks", "notes",
    "cases", "results", "returns", "faces", "heads", "hits", "rules", "files", "fires", "marks",
    "names", "terms", "rises", "falls", "releases", "reviews", "protests", "arrests", "charges",
    "debates", "delays", "freezes", "issues", "links", "meetings", "pays", "plays", "stays",
    "targets", "turns", "waits", "watches", "wins", "works", "lays", "goes", "echoes",
    "imports", "exports", "supplies", "funds", "shares", "prices", "rates", "sales", "benefits",
    "talks", "deliveries", "transfers", "exchanges", "swaps", "trades", "loans", "payments",
    "guarantees", "commitments", "proposals", "agreements", "deals", "drones", "missiles",
})
_NOUNY_BASE: Final = frozenset({
    "talk", "plan", "report", "claim", "attack", "strike", "call", "visit", "comment", "deal",
    "cut", "need", "concern", "demand", "offer", "hope", "fear", "promise", "threat", "move",
    "step", "vote", "order", "ban", "signal", "post", "measure", "attempt", "force", "lead",
    "point", "show", "set", "run", "work", "use", "change", "limit", "support", "pressure",
    "record", "state", "answer", "question", "remark", "note", "return", "face", "head", "hit",
    "rule", "file", "fire", "mark", "name", "release", "review", "protest", "arrest", "charge",
    "debate", "delay", "freeze", "issue", "link", "pay", "play", "stay", "target", "turn",
    "wait", "watch", "win", "end", "start", "war", "aid", "back", "control", "bar", "echo",
    "host", "press", "sanction", "score", "stage", "tweet", "brief", "judge", "object", "pass",
    "pause", "lay", "form", "count", "care", "broker", "block", "bomb", "close",
})
_CATENATIVE_ADJ: Final = frozenset({
    "expected", "likely", "unlikely", "set", "due", "scheduled", "slated", "poised", "about",
    "going", "able", "unable", "ready", "willing", "unwilling", "bound", "sure", "certain",
    "planned", "supposed", "eager", "keen", "prepared", "determined", "reluctant", "set",
})
# verbs that take an adjective: "had grown concerned", "became worried"
_LINKING: Final = frozenset({"grown", "grew", "become", "became", "becomes", "seemed", "seems", "felt",
                      "feels", "remained", "remains", "got", "gets", "appeared", "appears",
                      "looked", "looks", "stayed", "stays", "been", "be", "is", "are", "was", "were"})
_CATENATIVE_BEFORE: Final = _AUX | {"be", "been", "not"} | _ADVERBS  # "is likely", "been set"
_PARTICLES: Final = frozenset({"out", "up", "down", "off", "back", "away", "over", "forward"})

_SPLIT_PUNCT: Final = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", "--", "…"})
_QUOTES: Final = frozenset({"“", "”", '"', "'", "‘", "’"})
# tokens that can end a segment or name its kind (every other token is skipped)
_SEGMENT_WORDS: Final = _SPLIT_PUNCT | _SUBORD | frozenset({"that", "and", "but", "or", "yet"})
_THAT_NOT_BOUNDARY_NEXT: Final = frozenset({
    "way", "time", "day", "week", "month", "year", "point", "moment", "end", "case", "kind",
    "sort", "much", "many", "far", "is", "was", "'s", "’s", "one", "idea", "issue", "matter",
    "sense", "stage", "period", "night", "morning", "evening", "afternoon",
})
_CONNECTOR_START: Final = frozenset({"that", "and", "but", "or", "so", "yet", "which", "who", "whom",
                              "when", "while", "after", "before", "because", "as", "then",
                              "also", "where", "whereas", "although", "though", "once", "since"})

# Words keep inner dots, apostrophes, hyphens and slashes ("U.S", "Putin's", "RFE/RL");
# any other non-space character is a token of its own. A word is a letter or digit, then
# letters, digits and that inner punctuation, ending on a letter or digit: the run is
# taken whole and given back one character at a time to the last letter or digit (a
# single-character repeat and a look-behind, the cheapest form for the regex engine;
# nothing backtracks further, no possessive quantifiers, which Python 3.10 lacks).
# Initials ("U.S.") keep their last dot. In one group: re.split gives [gap, token, gap,
# token, ..., gap], and the lengths of those pieces give every token's offsets.
_TOKEN_SPLIT_RE: Final = re.compile(r"([A-Z]\.(?:[A-Z]\.)+|[A-Za-z0-9][\w&+/.'’-]*(?<=\w)|--|[^\s\w])")
#: first characters of word tokens (ASCII letters and digits)
_ALNUM_FIRST: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_DGS: Final = frozenset("dgs")
_DIGITS: Final = frozenset("0123456789")
_CAND_ENDINGS: Final = ("ed", "ing", "'s", "’s")
_POSS_LAST: Final = frozenset({"s", "'", "’"})  # the last characters of possessive endings
_POSS_RE: Final = re.compile(r"['’]s?$")
_SPACE_RE: Final = re.compile(r"\s+")


# ---------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Description:
    """What one date mention's event is: a title, its actors and whether it happened."""

    title: str
    actors: list[str] = field(default_factory=list)
    status: str = "reported"

    # Written out (the generated one is Python code run by the interpreter even in the
    # compiled build, and sets each frozen field through object.__setattr__ anyway).
    def __init__(self, title: str, actors: list[str] | None = None, status: str = "reported") -> None:
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "actors", [] if actors is None else actors)
        object.__setattr__(self, "status", status)


# Two or more capitalised words in a row ("Vladimir V. Putin"). No look-behind:
# a match that starts inside a word is cut in from_text (that keeps the scan fast).
_RUN_RE: Final = re.compile(r"[A-Z][\w'’-]*(?:[ \u00a0](?:[A-Z]\.[ \u00a0])?[A-Z][\w'’-]*)+")
# The text's capitals and spaces, one byte per character (``text.encode("latin-1",
# "replace")`` gives "?" for a character beyond Latin-1), for bytes.translate: "A" for
# A-Z, " " for a space or no-break space (the two spaces _RUN_RE joins words with),
# "a" for any other character.
_CAPS_TABLE: Final = bytes(65 if 65 <= i <= 90 else 32 if i in (32, 160) else 97 for i in range(256))
# A capital, the characters up to a space, then a capital: where _RUN_RE can match,
# and more. Its literal first character lets the regex engine skip ahead fast.
_CAPS_CAND_RE: Final = re.compile(rb"A[^ ]* A")


# An ASCII text as _RUN_RE sees it, one byte per character: "A" for a capital, "a"
# for the other characters of a name word (letters, digits, "_", "'" and "-"), " "
# for a space, "." for a full stop, "x" for any other. _RUN_BYTES_RE is _RUN_RE over
# these bytes: it matches where _RUN_RE does in the text, and its literal first byte
# lets the regex engine skip ahead to the capitals
_RUN_TABLE: Final = bytes(65 if 65 <= i <= 90 else 97 if 97 <= i <= 122 or 48 <= i <= 57 or i in (95, 39, 45)
                          else 32 if i == 32 else 46 if i == 46 else 120 for i in range(256))
# (Its first two words are written out: the regex engine fails fast at a capital that
# starts no run, without entering the repeated group.)
_RUN_BYTES_RE: Final = re.compile(rb"A[Aa]* (?:A\. )?A[Aa]*(?: (?:A\. )?A[Aa]*)*")


def _name_runs(text: str) -> list[tuple[int, str]]:
    """(start, text) of every match of ``_RUN_RE`` in ``text``, as ``finditer`` gives them.

    ``finditer`` would test every character of the text for a capital (a pattern that
    starts with a class does not let the engine skip ahead) and try the pattern at
    each capital. An ASCII text is read as the bytes of ``_RUN_TABLE``, where the same
    matches start with a literal. In any other text a match starts where
    ``_CAPS_CAND_RE`` does in the text's capitals and spaces (its first word holds no
    space and is followed by a space and a capital), so the pattern is tried there
    only, in text order."""
    out: list[tuple[int, str]] = []
    if text.isascii():
        for r in _RUN_BYTES_RE.finditer(text.encode("ascii").translate(_RUN_TABLE)):
            a, b = r.span()
            out.append((a, text[a:b]))
        return out
    caps = text.encode("latin-1", "replace").translate(_CAPS_TABLE)
    pos = 0
    while True:
        c = _CAPS_CAND_RE.search(caps, pos)
        if c is None:
            return out
        p = c.start()
        m = _RUN_RE.match(text, p)
        if m is None:
            pos = p + 1
        else:
            out.append((p, m.group()))
            pos = m.end()


class NameIndex:
    """The names of one document: resolves a short name to its fullest form there.

    ``NameIndex.from_text(text)`` reads the document once; ``resolve("Peskov")`` then
    gives ``"Dmitry Peskov"`` when the text names him in full somewhere. The index
    also caches per-sentence analyses for :func:`describe`.
    """

    __slots__ = ("text", "persons", "_cache", "_pron", "_clauses")

    def __init__(self, text: str = "", persons: dict[str, str] | None = None) -> None:
        self.text = text
        #: last name (or single name) -> fullest person name in the document
        self.persons: dict[str, str] = persons or {}
        self._cache: dict[tuple[int, int], _Sentence] = {}
        self._pron: dict[int, str] = {}
        self._clauses: dict[tuple, tuple[tuple[str, ...], str]] = {}

    @classmethod
    def from_text(cls, text: str) -> "NameIndex":
        """Index the person names of a document (one regular-expression pass)."""
        counts: dict[str, dict[str, int]] = {}
        for b, run in _name_runs(text):
            words = run.split()
            if b and (text[b - 1].isalnum() or text[b - 1] in "'’-."):
                words = words[1:]  # "vLadimir Putin": the first word is not a name
                if len(words) < 2:
                    continue
            # A possessive ends a name: "Trump's Threats Push Putin" -> "Trump's".
            if "'" in run or "’" in run:
                for i, w in enumerate(words):
                    if w.endswith(("'s", "’s", "'", "’")):
                        words = words[: i + 1]
                        words[-1] = _strip_poss(w)
                        break
            name = _person_name(words)
            if name is None:
                continue
            last = name.rsplit(" ", 1)[-1]
            d = counts.setdefault(last, {})
            d[name] = d.get(name, 0) + 1
        persons: dict[str, str] = {}
        for last, forms in counts.items():
            # the most frequent form, then the longest, then the last in sort order
            best = ""
            best_n = best_len = -1
            for form, k in forms.items():
                if k > best_n or (k == best_n and (len(form) > best_len
                                                   or len(form) == best_len and form > best)):
                    best, best_n, best_len = form, k, len(form)
            persons[last] = best
            persons[best] = best
        return cls(text, persons)

    def resolve(self, name: str) -> str:
        """The fullest form of ``name`` in the document (``name`` itself if none)."""
        full = self.persons.get(name)
        if full is not None:
            return full
        last = name.rsplit(" ", 1)[-1]
        full = self.persons.get(last)
        if full is not None and full.endswith(name) and len(full) >= len(name):
            return full
        return name

    def is_person(self, name: str) -> bool:
        """True when ``name`` (or its last word) is a person named in full in the text."""
        return name in self.persons or name.rsplit(" ", 1)[-1] in self.persons

    def person_before(self, pos: int, window: int = 600) -> str | None:
        """Who "he"/"she" at offset ``pos`` most likely is.

        The first name-like word of the sentence before (its subject, usually) if
        there is one; else the last person named in full before ``pos``.
        """
        hit = self._pron.get(pos)
        if hit is not None:
            return hit or None
        found = self._person_before(pos, window)
        self._pron[pos] = found or ""
        return found

    def org_before(self, pos: int, window: int = 400) -> str | None:
        """The organisation named last before ``pos`` in the previous sentence or this
        one (for "it"/"they" as the subject of a reporting verb)."""
        chunk = self.text[max(0, pos - window): pos]
        ends = [m.end() for m in _SENT_END_RE.finditer(chunk)]
        if len(ends) >= 2:
            chunk = chunk[ends[-2]:]
        best = None
        for m in _ORG_RE.finditer(chunk):
            k = m.group().lower().replace("\u00a0", " ")
            if k.startswith("the "):
                k = k[4:]
            if k in _ORG_KNOWN:
                best = _ORG_KNOWN[k]
            elif k.rsplit(" ", 1)[-1] in _ORG_SUFFIX and " " in k:
                best = m.group()
        return best

    def _person_before(self, pos: int, window: int) -> str | None:
        chunk = self.text[max(0, pos - window): pos]
        ends = [m.end() for m in _SENT_END_RE.finditer(chunk)]
        if ends:
            prev_start = ends[-2] if len(ends) >= 2 else 0
            sent = chunk[prev_start: ends[-1]]
            for m in _CAPWORD_RE.finditer(sent):
                w = _strip_poss(m.group())
                lw = w.lower()
                if (lw in _FUNCTION or lw in _TITLES or lw in _DEMONYMS or lw in _DATEWORDS
                        or lw in _ORG_KNOWN or lw in _FORMS):
                    continue
                if w in self.persons:
                    return self.persons[w]
                nxt = sent[m.end(): m.end() + 1]
                if nxt == " " and sent[m.end() + 1: m.end() + 2].isupper():
                    continue  # part of a longer name: take its last word
                return w
        best = None
        for m in _CAPWORD_RE.finditer(chunk):
            w = _strip_poss(m.group())
            if w in self.persons:
                best = self.persons[w]
        return best


_NOT_NAME: Final = (_TITLES | _DEMONYMS | _FUNCTION | _DATEWORDS | frozenset(_FORMS) | frozenset(_ORG_KNOWN)
             | _ORG_SUFFIX)
_NOT_NAME_LAST: Final = _DATEWORDS | _ORG_SUFFIX | frozenset(_ORG_KNOWN) | _FUNCTION
# These patterns start with a character class, which lets the regex engine skip ahead to
# the characters that can start a match: "\b[A-Z]" is written "[A-Z](?<!\w[A-Z])", and
# the sentence end "[.!?][”"’]?(?=\s)|\n\s*\n" has its two first characters in one class.
_CAPWORD_RE: Final = re.compile(r"[A-Z](?<!\w[A-Z])[a-z][\w'’-]*")
_ORG_RE: Final = re.compile(r"[A-Z](?<!\w[A-Z])[\w/+-]*(?:[ \u00a0](?:of[ \u00a0])?[A-Z][\w/+-]*)*")
_SENT_END_RE: Final = re.compile(r"[.!?\n](?:(?<=[.!?])[”\"’]?(?=\s)|(?<=\n)\s*\n)")


def _person_name(words: list[str]) -> str | None:
    """The person name inside a run of capitalised words, or None.

    Leading titles, demonyms and function words are dropped ("Russian President
    Vladimir Putin" -> "Vladimir Putin"); what is left must be 2-4 name-like words
    that do not end in an organisation word.
    """
    start = 0
    n = len(words)
    for i in range(n):
        if words[i].lower() in _NOT_NAME:
            start = i + 1
            # "Secretary of State Marco Rubio": skip the office's complement.
            if i + 2 < n and words[i + 1] == "of":
                start = i + 3
    if not 2 <= n - start <= 4:
        return None
    rest = words[start:]
    for w in rest:
        if len(w) > 2 and w.isupper():
            return None
    if rest[-1].endswith(".") or rest[-1].lower() in _NOT_NAME_LAST:
        return None
    return " ".join(rest)


# ---------------------------------------------------------------------------
# Sentence analysis
# ---------------------------------------------------------------------------

# token kinds
_WORD: Final = False
_PUNCT: Final = True
# verb classes
_NOTV: Final = 0
_AUXV: Final = 1
_FIN: Final = 2
_NONFIN: Final = 3


def _tokenise(sl: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[bool, ...],
                                tuple[bool, ...]]:
    """The tokens of a sentence ``sl``, their start and end offsets in it, their kinds
    (False, ``_WORD``, for words: tokens that start with an ASCII letter or digit; True,
    ``_PUNCT``, for the others) and whether they start with a capital.

    No token holds a space, so the text is cut at white space first (``str.split``, no
    regular expression) and each piece is tokenised on its own: a piece of ASCII
    letters and digits is one word, one with a single punctuation mark after such a
    word is two tokens; the rare others go through ``_TOKEN_SPLIT_RE``. Same tokens as
    the pattern over the whole text (it never matches across a space). Offsets are
    relative to the sentence: small numbers, which Python does not allocate."""
    ascii_text = sl.isascii()
    pieces = sl.split()
    # When the pieces are one white-space character apart (none before the first, none
    # after the last), each starts one character after the previous one ends: no search.
    total = len(pieces) - 1
    for ch in pieces:
        total += len(ch)
    single = total == len(sl)
    toks: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[bool] = []
    caps: list[bool] = []
    pos = 0
    for ch in pieces:
        n = len(ch)
        if single:
            a = pos
            pos = a + n + 1
        else:
            a = sl.find(ch, pos)  # the first occurrence after the previous piece is this one
            pos = a + n
        e = a + n
        if ch.isalnum() and (ascii_text or ch.isascii()):
            c0 = ord(ch[0])
            toks.append(ch)
            starts.append(a)
            ends.append(e)
            kinds.append(False)
            caps.append(65 <= c0 <= 90)  # an ASCII letter or digit: upper case is A-Z
            continue
        if n > 1:
            last = ch[n - 1]
            if not (last.isalnum() or last == "_"):
                word = ch[:n - 1]
                if word.isalnum() and (ascii_text or word.isascii()):
                    # "said," "Inc.": the word, then the mark
                    c0 = ord(ch[0])
                    toks.append(word)
                    toks.append(last)
                    starts.append(a)
                    starts.append(e - 1)
                    ends.append(e - 1)
                    ends.append(e)
                    kinds.append(False)
                    kinds.append(True)
                    caps.append(65 <= c0 <= 90)
                    # (an ASCII character that is not a letter or digit is never upper case)
                    caps.append(False if ascii_text else last.isupper())
                    continue
        pieces2 = _TOKEN_SPLIT_RE.split(ch)
        for k in range(1, len(pieces2), 2):
            t = pieces2[k]
            a += len(pieces2[k - 1])
            toks.append(t)
            starts.append(a)
            b = a + len(t)
            ends.append(b)
            first = t[0]
            kinds.append(first not in _ALNUM_FIRST)
            caps.append(first.isupper())
            a = b
    return tuple(toks), tuple(starts), tuple(ends), tuple(kinds), tuple(caps)


def _tokens(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...],
                                                     tuple[bool, ...], tuple[bool, ...]]:
    """The tokens of text[start:end], their offsets in ``text``, kinds and capitals
    (:func:`_tokenise`)."""
    toks, starts, ends, kinds, caps = _tokenise(text[start:end])
    return toks, tuple([a + start for a in starts]), tuple([b + start for b in ends]), kinds, caps


def _lower(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Lower-case forms of tokens. Tokens hold no space, so they are lower-cased as one
    string (the same forms: the one context-dependent mapping, final sigma, stops at a
    space as at a string end)."""
    if not toks:
        return ()
    return tuple(" ".join(toks).lower().split(" "))


class _Sentence:
    """Tokens, verb classes, verb groups and segments of one sentence."""

    __slots__ = ("start", "toks", "starts", "ends", "low", "kinds", "caps", "vcls",
                 "groups", "group_of", "segs", "seg_of", "sl", "ents", "speaker", "dates",
                 "date_runs", "first_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        #: the sentence's text: token offsets (``starts``, ``ends``) are relative to it
        self.sl = sl = text[start:end]
        self.ents: list[_Run] | None = None  # capitalised runs, classified lazily
        self.speaker: tuple[str | None] | None = None
        self.dates: set[int] | None = None
        #: memo of _date_run for this sentence, by token range
        self.date_runs: dict[tuple[int, int], tuple[int, int]] = {}
        # The per-token sequences are tuples: they never change once built, and the
        # garbage collector stops tracking a tuple of strings, ints and bools (the
        # analysis stays cached on the NameIndex for the whole document).
        toks, self.starts, self.ends, self.kinds, self.caps = _tokenise(sl)
        self.toks = toks
        self.low = _lower(toks)
        # the first word (after any opening punctuation); len(toks) if none
        first = 0
        kinds = self.kinds
        while first < len(kinds) and kinds[first]:
            first += 1
        self.first_word = first
        vcls, cands = self._classify()
        self._group(vcls, cands)
        self.vcls = tuple(vcls)
        # (only _classify's candidates can be auxiliaries or finite verbs)
        self._segment([k for k in cands if vcls[k] == _AUXV or vcls[k] == _FIN])

    # -- verbs ---------------------------------------------------------------

    def _classify(self) -> tuple[list[int], list[int]]:
        """Verb class of each token, and the candidates (the only tokens that may have one)."""
        low, toks, kinds, caps = self.low, self.toks, self.kinds, self.caps
        n = len(toks)
        vcls = [_NOTV] * n
        AUX, FORMS = _AUX, _FORMS
        # candidates: words in the lexicon; words outside it only when they may be
        # "-ed"/"-ing" forms or "he's" (lower-case, or the sentence's first word)
        # (outside the lexicon only "-ed", "-ing" and "'s" can change a class below)
        # (punctuation is neither in the lexicon nor ends in a letter)
        cands = [i for i, w in enumerate(low)
                 if w in _VERB_WORDS or (w[-1] in _DGS and w.endswith(_CAND_ENDINGS)
                                         and not (caps[i] and i))]
        for i in cands:
            w = low[i]
            info = FORMS.get(w)
            p = low[i - 1] if i else ""
            if w in AUX:
                if self.caps[i] and w == "may" and (i == 0 or kinds[i - 1] != _WORD or True) and toks[i] == "May":
                    continue  # the month
                if w == "may" and p == "it" and i >= 2 and low[i - 2] == "as":
                    continue  # "be that as it may"
                if w in ("will", "can", "may", "might", "must") and p in _DETERMINERS:
                    continue  # "the will", "his might"
                vcls[i] = _AUXV
                continue
            if w in _PRONOUN_IS:
                vcls[i] = _AUXV  # he's, it's
                continue
            if caps[i] and i > 0:
                continue  # a name, not a verb
            if info is None:
                if len(w) > 4 and w.endswith("ed") and w.isalpha():
                    vcls[i] = _NONFIN if (p in _DETERMINERS or p in _AUX) else _FIN
                    if p in _AUX:
                        vcls[i] = _NONFIN
                elif len(w) > 5 and w.endswith("ing") and w.isalpha() and p in _AUX:
                    vcls[i] = _NONFIN
                continue
            _base, tags = info
            if ("past" in tags or "pp" in tags) and (i == 0 or (i == 1 and kinds[0])):
                vcls[i] = _NONFIN  # "Asked on Monday whether ..., Putin said": a participle
                continue
            if "past" in tags and i + 1 < n and low[i + 1] == "by" and p and not caps[i - 1] \
                    and p not in _AUX and p not in _SUBJ_PRONOUNS and kinds[i - 1] == _WORD:
                vcls[i] = _NONFIN  # "the deadline set by Trump expires": a participle
                continue
            if "past" in tags:
                if p in _QUANTIFIERS and i + 1 < n and (low[i + 1] in _DETERMINERS or kinds[i + 1]
                                                        or low[i + 1] in _SUBJ_PRONOUNS):
                    vcls[i] = _FIN  # "Many worried their efforts would fail"
                    continue
                if (p in _DETERMINERS and p not in _SUBJ_PRONOUNS) or (p in _PREPOSITIONS and p != "to"):
                    continue
                vcls[i] = _NONFIN if (p in _AUX or _after_aux(low, vcls, i)) else _FIN
            elif "3sg" in tags:
                if (p in _DETERMINERS or p in _PREPOSITIONS) and p not in _SUBJ_PRONOUNS:
                    continue
                if i > 0 and (vcls[i - 1] == _FIN or toks[i - 1].endswith(("'s", "’s"))):
                    continue  # "raised rates", "Monday's talks": nouns
                if w in _NOUNY:
                    prev_cap = i > 0 and self.caps[i - 1] and kinds[i - 1] == _WORD \
                        and p not in _DEMONYMS
                    nx = low[i + 1] if i + 1 < n else ""
                    nxi = _FORMS.get(nx)
                    if nx in _AUX or (nxi and "past" in nxi[1]):
                        continue  # "Russian forces launched", "talks were"
                    if not (prev_cap or p in _SUBJ_PRONOUNS or p.endswith("ly")
                            or p.endswith(("'s", "’s")) and False):
                        continue
                vcls[i] = _FIN
            elif "base" in tags:
                if p == "to" or p in _AUX or _after_aux(low, vcls, i):
                    vcls[i] = _NONFIN
                elif p in ("i", "we", "you", "they"):
                    vcls[i] = _FIN
                elif (p in _GROUP_NOUNS or (p.endswith("s") and not p.endswith("ss")
                                            and p not in _FORMS and p not in _FUNCTION
                                            and i > 0 and not self.caps[i - 1])) and (
                        w not in _NOUNY_BASE or (i + 2 < n and low[i + 1] == "to"
                                                 and low[i + 2] in _FORMS)):
                    vcls[i] = _FIN
            elif "pp" in tags:
                if p in _AUX or _after_aux(low, vcls, i):
                    vcls[i] = _NONFIN
            elif "ing" in tags:
                if p in _AUX or _after_aux(low, vcls, i):
                    vcls[i] = _NONFIN
        return vcls, cands

    def _group(self, vcls: list[int], cands: list[int]) -> None:
        """Verb groups: auxiliaries, adverbs, negation, "to" and verbs in a row (marks
        the verb after "to" in ``vcls``)."""
        low, kinds = self.low, self.kinds
        n = len(low)
        groups: list[tuple[int, int, int]] = []
        group_of = [-1] * n
        # a group starts at an auxiliary or finite verb (the loop below only turns verbs
        # into _NONFIN, so the candidates are checked again when reached)
        # (only _classify's candidates have a verb class)
        starts = [k for k in cands if vcls[k] == _AUXV or vcls[k] == _FIN]
        i = 0
        for i0 in starts:
            if i0 < i or vcls[i0] not in (_AUXV, _FIN):
                continue
            i = i0
            j = i + 1
            head = i
            while j < n and kinds[j] == _WORD:
                w = low[j]
                if vcls[j] in (_AUXV, _NONFIN) or (vcls[j] == _FIN and vcls[j - 1] == _AUXV) or (
                        vcls[j] == _FIN and j == head + 1 and low[head] in _LINKING and w.endswith("ed")):
                    head = j
                    j += 1
                elif w in _NEG_WORDS or w in _ADVERBS or (w.endswith("ly") and not self.caps[j]
                                                         and len(w) > 4):
                    j += 1
                elif w in _CATENATIVE_ADJ and low[j - 1] in _CATENATIVE_BEFORE:
                    head = j
                    j += 1
                elif w == "to" and j + 1 < n and (low[j + 1] in _FORMS or low[j + 1] in _ADVERBS) \
                        and (vcls[head] != _NOTV and (low[head] in _FORMS or low[head] in _CATENATIVE_ADJ
                                                      or low[head] in _AUX)):
                    base = _FORMS.get(low[j + 1])
                    if base is None and low[j + 1] not in _ADVERBS:
                        break
                    j += 1
                    # mark the verb after "to"
                    if j < n and low[j] in _FORMS:
                        vcls[j] = _NONFIN
                elif w in _PARTICLES and _FORMS.get(low[head]) is not None:
                    j += 1
                    break
                else:
                    break
            # trim trailing adverbs / "to"
            while j - 1 > head and (low[j - 1] in _ADVERBS or low[j - 1] == "to"
                                    or low[j - 1].endswith("ly")) and low[j - 1] not in _PARTICLES:
                j -= 1
            gi = len(groups)
            groups.append((i, j, head))
            for k in range(i, j):
                group_of[k] = gi
            i = j
        self.groups = tuple(groups)
        self.group_of = tuple(group_of)

    # -- segments ------------------------------------------------------------

    def _segment(self, verbs: list[int]) -> None:
        """Split into segments at clause punctuation and before subordinators (``verbs``:
        the auxiliaries and finite verbs, in order)."""
        low, kinds = self.low, self.kinds
        n = len(low)
        segs: list[tuple[int, int, str | None]] = []  # (start, end, kind)
        cur = 0
        kind: str | None = None
        # line breaks inside the "sentence" (headings, lists, datelines) are hard breaks
        breaks: set[int] = set()
        if n and self.sl.find("\n", self.starts[0], self.ends[-1]) >= 0:
            stext, starts, ends = self.sl, self.starts, self.ends
            breaks = {i for i in range(1, n) if "\n" in stext[ends[i - 1]:starts[i]]}
        special = _SEGMENT_WORDS
        # only these tokens can end a segment or name its kind
        marks = [i for i, w in enumerate(low) if w in special]
        if breaks:
            marks = sorted(set(marks) | breaks)
        for i in marks:
            w = low[i]
            if i in breaks and i > cur:
                segs.append((cur, i, kind))
                cur = i
                kind = "semi"
            if kinds[i] == _PUNCT and w in _SPLIT_PUNCT:
                if i > cur:
                    segs.append((cur, i, kind))
                cur = i + 1
                kind = "punct" if w in (",", "(", ")", "[", "]") else "semi"
                continue
            boundary = False
            if w == "that" and i > cur:
                nxt = low[i + 1] if i + 1 < n else ""
                p = low[i - 1]
                boundary = p not in _PREPOSITIONS and nxt not in _THAT_NOT_BOUNDARY_NEXT \
                    and not (i >= 1 and p == "be")
            elif w in _SUBORD and i > cur and self.group_of[i] < 0:
                nxt = low[i + 1] if i + 1 < n else ""
                if w in ("after", "before", "since", "until", "once"):
                    boundary = not (nxt[:1].isdigit() or nxt in _DATEWORDS
                                    or nxt in _DETERMINERS or nxt in _DATE_PREPS)
                    if not boundary and not (nxt[:1].isdigit() or nxt in _DATEWORDS):
                        # "after the Central Bank raised rates": a clause, not a phrase
                        for t in range(i + 1, min(n, i + 7)):
                            if kinds[t]:
                                break
                            if self.vcls[t] in (_AUXV, _FIN):
                                boundary = True
                                break
                elif w == "so":
                    boundary = nxt == "that"
                elif w in ("which", "who", "whom", "whose"):
                    boundary = True
                else:
                    boundary = True
            elif w == "but" and i > cur:
                boundary = True
            if boundary:
                segs.append((cur, i, kind))
                cur = i
                kind = None
            if i == cur and kinds[i] == _WORD:
                if w in _SUBORD or w in ("that", "and", "but", "or", "yet"):
                    kind = w
        if cur < n:
            segs.append((cur, n, kind))
        seg_of: list[int] = []
        out: list[tuple[int, int, str | None, bool]] = []
        vi = 0
        nv = len(verbs)
        for si, (s, e, k) in enumerate(segs):
            while vi < nv and verbs[vi] < s:
                vi += 1
            has_verb = vi < nv and verbs[vi] < e
            first = s
            while first < e and kinds[first] != _WORD:
                first += 1
            if has_verb and first < e and low[first] in _PREPOSITIONS and low[first] != "that" \
                    and low[first] not in _SUBORD:
                # "In an ultimatum issued in July": a participle, not a clause
                has_verb = any(self.vcls[t] == _AUXV or (
                    self.vcls[t] == _FIN and "past" not in _FORMS.get(low[t], ("", {"past"}))[1])
                    for t in range(s, e))
            out.append((s, e, k, has_verb))
            seg_of.extend([si] * (e - len(seg_of)))
        if len(seg_of) < n:
            seg_of.extend([max(len(out) - 1, 0)] * (n - len(seg_of)))  # trailing punctuation
        self.segs = tuple(out)
        self.seg_of = tuple(seg_of)

    def tok_index(self, pos: int) -> int:
        """Index of the token containing or following character offset ``pos`` (in the text)."""
        pos -= self.start
        return self._snap(bisect_right(self.starts, pos) - 1, pos)

    def tok_indexes(self, pos: int, pos2: int) -> tuple[int, int]:
        """``(tok_index(pos), tok_index(pos2))`` for ``pos2 >= pos``: one binary search, then
        a step forward over the few tokens between the two offsets."""
        pos -= self.start
        pos2 -= self.start
        starts = self.starts
        n = len(starts)
        i = bisect_right(starts, pos) - 1
        j = i
        while j + 1 < n and starts[j + 1] <= pos2:
            j += 1
        return self._snap(i, pos), self._snap(j, pos2)

    def _snap(self, i: int, pos: int) -> int:
        """The token holding or following the sentence offset ``pos``, for ``i`` the last
        token that starts at or before it (-1: none)."""
        if i < 0:
            return 0
        if self.ends[i] <= pos and i + 1 < len(self.starts):
            return i + 1
        return i


def _after_aux(low: tuple[str, ...], vcls: list[int], i: int) -> bool:
    """True when token i follows an auxiliary with only adverbs/negation between."""
    k = i - 1
    while k >= 0 and (low[k] in _ADVERBS or low[k] in _NEG_WORDS or low[k].endswith("ly")):
        k -= 1
    return k >= 0 and k != i - 1 and vcls[k] == _AUXV


def _analyse(text: str, sentence: tuple[int, int], names: NameIndex) -> _Sentence:
    key = (sentence[0], sentence[1])
    cache = names._cache
    an = cache.get(key)
    if an is None:
        an = _Sentence(text, sentence[0], sentence[1])
        if len(cache) >= _SENTENCES_KEPT:
            del cache[next(iter(cache))]  # the oldest: mentions come sentence by sentence
        cache[key] = an
    return an


#: How many analysed sentences a NameIndex keeps. The pipeline describes a document's
#: mentions in text order, so only the sentence at hand is asked for again; keeping a
#: few bounds the memory of an index (and the objects the garbage collector walks).
_SENTENCES_KEPT: Final = 4


# ---------------------------------------------------------------------------
# Clause of the mention
# ---------------------------------------------------------------------------


class _Clause:
    """The clause a mention belongs to (token offsets in its sentence)."""

    __slots__ = ("start", "end", "group", "governor", "kind")

    def __init__(self, start: int, end: int, group: int, governor: int, kind: str | None) -> None:
        self.start = start          # first token of the clause (subject side)
        self.end = end              # token after the clause
        self.group = group          # index of the event's verb group, -1 if none
        self.governor = governor    # verb group of a reporting verb governing this clause, -1 if none
        self.kind = kind            # subordinator that opens the clause


_DATE_MODS: Final = frozenset({"the", "this", "that", "last", "next", "early", "late", "mid", "a", "an",
                        "earlier", "later", "past", "coming", "same", "following", "previous"})
_DATE_PREP_ONLY: Final = frozenset({"on", "in", "at", "by", "since", "until", "till", "from", "during",
                             "through", "throughout", "before", "after", "for", "around", "about",
                             "over", "between", "within", "starting", "beginning", "as", "of",
                             "into", "until", "toward", "towards", "via"})
_DATE_JOIN: Final = frozenset({"or", "and", "to", "through", "-", "–", "until"})
_DATE_NOUNS: Final = frozenset({"week", "weekend", "month", "year", "morning", "evening", "night",
                         "afternoon", "day", "decade", "century", "quarter", "half"})


_DATE_OF_HEADS: Final = _DATE_MODS | {"end", "start", "beginning", "middle", "spring", "fall"}  # "the end of"
_DEGREE: Final = frozenset({"early", "soon", "late", "later", "earlier", "quickly", "long"})


def _is_dateword(w: str) -> bool:
    return w in _DATEWORDS or w[:1].isdigit() or w in ("th", "st", "nd", "rd")


def _date_run(an: _Sentence, ms: int, me: int) -> tuple[int, int]:
    """The tokens to drop from a title for the date mention [ms, me).

    Joined dates ("Wednesday or Thursday") are taken in; a preposition and its
    determiners ("on", "in the fall of") go with the date unless the date modifies a
    noun ("The January 22 post", "a January 23 report"), where only the date words go.
    """
    hit = an.date_runs.get((ms, me))
    if hit is None:
        hit = an.date_runs[(ms, me)] = _find_date_run(an, ms, me)
    return hit


def _find_date_run(an: _Sentence, ms: int, me: int) -> tuple[int, int]:
    """:func:`_date_run`, not memoised."""
    low = an.low
    n = len(low)
    s, e = ms, me
    while s >= 2 and low[s - 1] in _DATE_JOIN and _is_dateword(low[s - 2]):
        s -= 2
        while s > 0 and _is_dateword(low[s - 1]):
            s -= 1
    while e < n:
        w = low[e]
        if w in _DATE_JOIN and e + 1 < n and _is_dateword(low[e + 1]):
            e += 2
            continue
        if _is_dateword(w) or (w in _DATE_NOUNS and e > ms and low[e - 1] in _DATE_MODS):
            e += 1
            continue
        if w == "," and e + 1 < n and _is_year(low[e + 1]):
            e += 2  # "January 22, 2025"
            continue
        break
    nxt_word = e < n and an.kinds[e] == _WORD and an.vcls[e] == _NOTV \
        and low[e] not in _CONNECTOR_START and low[e] not in _PREPOSITIONS \
        and low[e] not in _FUNCTION and low[e] not in _SUBORD and not low[e].endswith("ly")
    if nxt_word:
        return s, e  # a modifier: "The January 22 post"
    k = s
    while k > 0 and low[k - 1] in _DATE_MODS:
        k -= 1
    if k > 1 and low[k - 1] == "of" and low[k - 2] in _DATE_OF_HEADS:
        k -= 2
        while k > 0 and low[k - 1] in _DATE_MODS:
            k -= 1
    if k > 0 and low[k - 1] in _DATE_PREP_ONLY:
        k -= 1
        if k > 0 and low[k - 1] == "as" and low[k] == "of":
            k -= 1
        # "as early as", "as soon as", "no later than"
        if k > 1 and low[k] in ("as", "than") and low[k - 1] in _DEGREE:
            k -= 2 if low[k - 2] in ("as", "no", "not") else 1
        elif k > 0 and low[k] in ("on", "in") and low[k - 1] in ("early", "late", "later", "earlier"):
            k -= 1  # "early on Sunday"
    return k, e


def _date_tokens(an: _Sentence) -> set[int]:
    """All tokens of the sentence's date phrases (found once per sentence)."""
    dates = an.dates
    if dates is None:
        dates = an.dates = _all_date_tokens(an, 0, len(an.toks))
    return dates


def _add_date_tokens(an: _Sentence, s: int, e: int, out: set[int]) -> None:
    """Add all tokens of date phrases in [s, e) to ``out`` (for titles)."""
    for t in _date_tokens(an):
        if s <= t < e:
            out.add(t)


def _is_year(w: str) -> bool:
    return (len(w) == 4 or len(w) == 5 and w[4] == "s") and w[:2] in ("18", "19", "20", "21") \
        and w[2:4].isdigit()


_DATE_TRIGGERS: Final = _MONTHS | _WEEKDAYS | _DATE_NOUNS | frozenset({"yesterday", "today", "tomorrow",
                                                              "tonight"})


def _all_date_tokens(an: _Sentence, s: int, e: int) -> set[int]:
    """Tokens of every date phrase in [s, e): month and weekday names, years, "today"..."""
    out: set[int] = set()
    low = an.low
    trig = _DATE_TRIGGERS
    i = s
    cands = [k for k, w in enumerate(low) if w in trig or w[0] in _DIGITS] if s == 0 and e == len(low) \
        else [k for k in range(s, e) if low[k] in trig or low[k][0] in _DIGITS]
    for c in cands:
        if c < i:
            continue
        i = c
        w = low[i]
        if (w in _MONTHS and an.caps[i] and (w != "may" or i + 1 < e and low[i + 1][:1].isdigit()
                                            or i > 0 and low[i - 1] in ("in", "of", "since", "until", "by")))\
                or (w in _WEEKDAYS and an.caps[i]) or _is_year(w) \
                or w in ("yesterday", "today", "tomorrow", "tonight") \
                or (w in _DATE_NOUNS and i > 0 and low[i - 1] in ("this", "last", "next", "that")):
            a, b = _date_run(an, i, i + 1)
            for t in range(a, b):
                out.add(t)
            i = max(b, i + 1)
        else:
            i += 1
    return out


def _find_clause(an: _Sentence, ms: int, me: int) -> _Clause:
    """The clause the mention [ms, me) belongs to. (Not memoised: the mentions of a
    sentence and the verb groups asked for by the other clauses are different ranges.)"""
    segs, groups = an.segs, an.groups
    si = an.seg_of[ms] if an.toks else 0
    if not segs:
        return _Clause(0, 0, -1, -1, None)
    s0, e0, kind0, has_verb0 = segs[si]
    target = si
    if not has_verb0:
        # the part of the sentence after the last hard break (";", ":", a dash, a line break)
        line = si
        while line > 0 and segs[line][2] != "semi":
            line -= 1
        first_verb_seg = next((k for k in range(line, len(segs)) if segs[k][3]), None)
        if first_verb_seg is None:
            return _Clause(segs[line][0], segs[-1][1], -1, -1, kind0)
        nxt_is_clause = si + 1 < len(segs) and segs[si + 1][3] and segs[si + 1][2] == "punct"
        if kind0 == "semi" and si > 0 and not nxt_is_clause:
            # after ";" / ":" / a dash a verbless phrase stands alone ("talks in Riyadh on ...")
            end = e0
            k = si + 1
            while k < len(segs) and not segs[k][3] and segs[k][2] == "punct":
                end = segs[k][1]
                k += 1
            return _Clause(s0, end, -1, -1, None)
        if si < first_verb_seg:
            # an opening adverbial ("On January 22, ..."): the main clause follows;
            # skip subordinate clauses ("two days after starting his term").
            target = next((k for k in range(si + 1, len(segs))
                           if segs[k][3] and segs[k][2] not in _SUBORD_KINDS), first_verb_seg)
        else:
            target = max(k for k in range(si + 1) if segs[k][3]) if any(
                segs[k][3] for k in range(si + 1)) else first_verb_seg
    s, e, kind, _ = segs[target]
    # the event's verb group: nearest to the mention inside the segment
    cands = [g for g in range(len(groups)) if s <= groups[g][0] < e]
    if target == si and cands:
        ds, _de = _date_run(an, ms, me)
        before = [g for g in cands if groups[g][1] <= ms]
        if ds < ms and before:
            # a date phrase with a preposition follows the verb it modifies
            gi = before[-1]
        else:
            # the nearest group: distance before the mention, or after it (a tie goes
            # to the group before, then to the first)
            gi = -1
            best_d = best_side = 0
            for g in cands:
                gs, ge, _h = groups[g]
                if ge <= ms:
                    d, side = ms - ge, 0
                else:
                    d, side = gs - me + 1, 1
                if gi < 0 or d < best_d or (d == best_d and side < best_side):
                    gi, best_d, best_side = g, d, side
    elif cands:
        gi = cands[0]
    else:
        gi = -1
    # The clause starts where its subject starts: walk back over verbless segments
    # (appositives: "Putin's spokesman, Dmitry Peskov, said ...") when the verb
    # opens its segment.
    start = s
    if gi >= 0:
        gs = groups[gi][0]
        # within the segment a previous verb group (e.g. "said") may govern this one
        prev_groups = [g for g in cands if groups[g][0] < gs]
        if prev_groups and an.low[gs - 1] in ("and", "or", "but") and gs - 1 > groups[prev_groups[-1]][1]:
            # a coordinated verb shares the subject of the previous one:
            # "it had corrected the problems and would start ..."
            pg = prev_groups[-1]
            start = _find_clause(an, groups[pg][0], groups[pg][1]).start
        elif prev_groups:
            pg = prev_groups[-1]
            start = groups[pg][1]
            # "cited five sources as saying Putin had grown concerned"
            for t in range(gs - 1, start - 1, -1):
                if an.low[t] in _SPEECH_ING:
                    start = t + 1 + (an.low[t + 1] == "that")
                    break
        elif kind in ("which", "who", "whom", "whose"):
            pass  # a relative clause: its antecedent is found by the title
        elif _opens_segment(an, s, gs, ms, me):
            k = target - 1
            while k >= 0 and (not segs[k][3] or segs[k][2] in _RELATIVE_KINDS):
                if segs[k][3]:
                    k -= 1  # a relative clause inside the subject: "X, which lasted hours, ended"
                    continue
                start = segs[k][0]
                if segs[k][2] in _SUBORD_KINDS or segs[k][2] in ("that", "semi"):
                    break
                k -= 1
    # the clause extends over following verbless segments (objects, appositions)
    end = e
    k = target + 1
    while k < len(segs) and not segs[k][3] and segs[k][2] not in _SUBORD_KINDS \
            and segs[k][2] not in ("that", "semi"):
        end = segs[k][1]
        k += 1
    # reporting verb governing the clause
    governor = -1
    if gi >= 0:
        gs = groups[gi][0]
        prev = [g for g in range(len(groups)) if groups[g][1] <= start or
                (groups[g][1] <= gs and groups[g][0] < start)]
        # the nearest reporting verb before the clause, across at most two coordinated
        # verbs: "Intel said it had corrected the problems and would start ... next week"
        for pg in reversed(prev[-3:]):
            if pg == gi:
                continue
            hb = _FORMS.get(an.low[groups[pg][2]])
            if hb and hb[0] in _GOVERNING:
                # governor only if nothing but the complementizer/appositives separate them
                if an.seg_of[groups[pg][2]] >= target - 3:
                    governor = pg
                break
            if pg != prev[-1] or an.low[groups[gi][0] - 1] not in ("and", "or", "but"):
                break
    clause_kind = segs[an.seg_of[start]][2] if start < len(an.seg_of) else kind
    if clause_kind in ("punct", "semi"):
        clause_kind = None
    return _Clause(start, end, gi, governor, clause_kind)


def _opens_segment(an: _Sentence, s: int, gs: int, ms: int, me: int) -> bool:
    """True when nothing but connectors, the mention or date words come before the
    verb group starting at ``gs`` in its segment starting at ``s``."""
    low, kinds = an.low, an.kinds
    in_mention = True
    datey = True
    for t in range(s, gs):
        if kinds[t] == _WORD and low[t] not in _CONNECTOR_START:
            if in_mention and not ms <= t < me:
                in_mention = False
            if datey and not (low[t] in _DATE_PREPS or low[t] in _DATEWORDS or low[t][:1].isdigit()):
                datey = False
            if not in_mention and not datey:
                return False
    return True


_GOVERNING: Final = _REPORT | _ANNOUNCE | _PREDICT  # verbs whose complement clause they govern
_RELATIVE_KINDS: Final = frozenset({"which", "who", "whom", "whose"})
_SPEECH_ING: Final = frozenset({"saying", "telling", "adding", "noting", "warning", "arguing", "claiming",
                         "stressing", "insisting", "writing", "announcing", "suggesting"})
_SUBORD_KINDS: Final = frozenset({"whether", "when", "whenever", "after", "before", "while", "because", "although",
                           "though", "if", "unless", "whereas", "which", "who", "whom", "whose",
                           "where", "once", "since", "until", "so"})


# ---------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------


_QUANTIFIERS: Final = frozenset({"many", "some", "most", "few", "several", "both", "all", "others", "none"})
_ASKING: Final = frozenset({"ask", "urge", "invite", "order", "allow", "want", "need", "encourage",
                     "instruct", "authorize", "authorise", "tell", "persuade", "pressure", "push"})
_BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "am", "'s", "’s"})
_IF_WORDS: Final = frozenset({"if", "unless"})
_EXPECT_WORDS: Final = frozenset({"expected", "likely", "poised"})
# The verb group's words are looked up once, for all their cue classes: bits of
# _STATUS_BITS[word] (0 for the other words).
_B_NEG: Final = 1
_B_HYPO: Final = 2
_B_HEDGE: Final = 4
_B_COND: Final = 8
_B_EXPECT: Final = 16
_B_FUTURE: Final = 32


def _status_bits() -> dict[str, int]:
    out: dict[str, int] = {}
    for words, bit in ((_NEG_WORDS, _B_NEG), (_HYPO_MODALS, _B_HYPO), (_HEDGES, _B_HEDGE),
                       (_COND_MODALS, _B_COND), (_EXPECT_WORDS, _B_EXPECT), (_FUTURE_MODALS, _B_FUTURE)):
        for w in words:
            out[w] = out.get(w, 0) | bit
    return out


_STATUS_BITS: Final = _status_bits()


def _status(an: _Sentence, cl: _Clause, ms: int, me: int) -> str:
    """reported / planned / expected / hypothetical / negated for the mention's clause."""
    low = an.low
    date_first = cl.group >= 0 and ms < an.groups[cl.group][0]
    if cl.group < 0:
        if _PLANNED_NOUN_KEYS.isdisjoint(low[cl.start:cl.end]):
            return "reported"
        text = " " + " ".join(low[cl.start:cl.end]) + " "
        if _PLANNED_NOUNS_RE.search(text):
            return "planned"
        return "reported"
    gs, ge, head = an.groups[cl.group]
    words = low[gs:ge]
    # the cue classes of the verb group's words
    bits = 0
    for w in words:
        bits |= _STATUS_BITS.get(w, 0)
    clause_words = low[cl.start:cl.end]
    kind = cl.kind
    # hypothetical: conditional clause, "were to", could/might/may
    if kind in ("if", "unless") or "whether" in clause_words[:3]:
        return "hypothetical"
    if not _IF_WORDS.isdisjoint(low[cl.start:gs]):
        return "hypothetical"
    # inverted conditional: "Had Kyiv agreed in March, ..."
    first = an.first_word
    if first < len(low) and low[first] in ("had", "were", "should") and an.caps[first] \
            and an.seg_of[first] == an.seg_of[min(gs, len(low) - 1)] and "," in low:
        return "hypothetical"
    neg = (bits & _B_NEG) != 0
    if not neg:
        pre_words = low[cl.start:max(ge, ms)]
        if not _NEG_PHRASE_KEYS.isdisjoint(pre_words):
            neg = _NEG_PHRASES_RE.search(" " + " ".join(pre_words) + " ") is not None
    bases = [(_FORMS.get(w) or ("", ()))[0] for w in words]
    if not neg:
        for k, b in enumerate(bases):
            if b in _NEG_VERBS_TO and k + 1 < len(words) and "to" in words[k:] \
                    and words[-1] not in ("comment", "elaborate", "confirm"):
                neg = True  # "refused to meet" (but "declined to comment" is a report)
    gov_base = ""
    if cl.governor >= 0:
        gov_base = (_FORMS.get(low[an.groups[cl.governor][2]]) or ("",))[0]
        if gov_base in _NEG_GOVERNORS and not neg:
            return "negated"  # "the Kremlin denied that Putin had met Witkoff on Tuesday"
    if neg:
        return "negated"
    if bits & _B_HYPO:
        return "hypothetical"
    hedged = (bits & _B_HEDGE) != 0 or not _HEDGES.isdisjoint(clause_words[:gs - cl.start])
    if bits & _B_COND:
        if cl.governor >= 0:
            if gov_base in _PREDICT:
                return "expected"
            if gov_base in _ANNOUNCE:
                return "planned"
            return "expected" if hedged else "planned"
        return "hypothetical"
    if bits & _B_EXPECT:
        return "expected"
    future = (bits & _B_FUTURE) != 0
    for k, w in enumerate(words):
        b = bases[k]
        if k + 1 < len(words) and words[k + 1] == "to" and (b in _PLAN_CAT or w in _PLAN_CAT):
            if (b in _EXPECT_CAT or w in _EXPECT_CAT) and w != "expects":
                return "expected"  # "is expected to", "is bound to" (but "Kyiv expects to" plans)
            # "On Monday Trump promised to ..." dates the promise, not what follows
            if not date_first or w in ("scheduled", "slated", "set", "due", "going", "about"):
                future = True
        if w in ("scheduled", "slated", "set", "due", "going", "about", "planned") and k > 0 \
                and words[k - 1] in _BE and (w not in ("about", "going", "set")
                                             or gs + k + 1 < len(low) and low[gs + k + 1] == "to"):
            future = True  # "is scheduled for", "is about to" (not "were about $3 million")
        if w in _BE and k + 1 < len(words) and words[k + 1] == "to":
            future = True  # "Zelensky is to address Congress"
    if not future and not date_first and ms > ge:
        # "Kyiv expects the first systems to arrive in August", "Trump asked Putin to meet
        # on Friday": the date belongs to the infinitive after the object
        span = low[ge:ms]
        if "to" in span:
            t = ge + span.index("to")
            if t + 1 < ms and (low[t + 1] in _FORMS or not an.kinds[t + 1] and not an.caps[t + 1]
                               and low[t + 1] not in _FUNCTION) and not any(
                    an.vcls[x] in (_AUXV, _FIN) for x in range(ge, t)):
                hb = bases[-1] if bases else ""
                if hb in _EXPECT_CAT or hb in _PREDICT and hb not in ("warn", "argue", "suggest"):
                    return "expected"
                if hb in _PLAN_CAT or hb in _ASKING:
                    future = True
    if future:
        if hedged or (gov_base in _PREDICT):
            return "expected"
        return "planned"
    if not _PLANNED_NOUN_KEYS.isdisjoint(clause_words) \
            and _PLANNED_NOUNS_RE.search(" " + " ".join(clause_words) + " "):
        return "planned"
    return "reported"


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------


def _entities(an: _Sentence, s: int, e: int, names: NameIndex) -> list[tuple[int, int, str, str]]:
    """Named entities inside tokens [s, e): (first token, end token, display form, kind).

    kind is "person", "org", "other" (places, unknown names) or "group". The runs of
    capitalised words are found once per sentence; a run is classified only when a
    range that touches it is asked for (and kept on the run: each run of a sentence is
    classified at most once).
    """
    runs = an.ents
    if runs is None:
        runs = an.ents = _capital_runs(an)
    out: list[tuple[int, int, str, str]] = []
    for run in runs:
        a0, a1 = run.start, run.end
        if a1 <= s:
            continue
        if a0 >= e:
            break
        ents = run.ents
        if ents is None:
            ents = run.ents = _classify_run(an, [t for t in range(a0, a1)], an.first_word, names)
        for x in ents:
            if s <= x[0] and x[1] <= e:
                out.append(x)
    return out


class _Run:
    """A run of capitalised words in a sentence: tokens [start, end), and its entities
    once classified."""

    __slots__ = ("start", "end", "ents")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.ents: list[tuple[int, int, str, str]] | None = None


def _capital_runs(an: _Sentence) -> list[_Run]:
    """Spans [a0, a1) of capitalised words (with "of", "de"... inside) in the sentence."""
    toks, low, caps, kinds = an.toks, an.low, an.caps, an.kinds
    n = len(toks)
    out: list[_Run] = []
    i = 0
    # (an upper-case first character is a letter: never punctuation)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        j = i
        last = -1
        while j < n and not kinds[j]:
            if caps[j]:
                last = j
                tj = toks[j]
                j += 1
                if tj[-1] in _POSS_LAST and _strip_poss(tj) is not tj:
                    break  # a possessive ends a name
            elif last >= 0 and j + 1 < n and caps[j + 1] and (
                    (low[j] in _NAME_CONNECTORS and low[j] != "the")
                    or (low[j] == "the" and low[j - 1] in ("of", "for"))):
                j += 1
            else:
                break
        if last >= 0:
            out.append(_Run(i, last + 1))
        i = max(j, i + 1)
    return out


def _strip_poss(tok: str) -> str:
    """``tok`` without a possessive ending ("'s", "’s", "'", "’"); ``tok`` itself (the same
    object) when it has none."""
    n = len(tok)
    if n == 0:
        return tok
    c = tok[n - 1]
    if c == "s":
        if n >= 2 and (tok[n - 2] == "'" or tok[n - 2] == "’"):
            return tok[:n - 2]
        return tok
    if c == "'" or c == "’":
        return tok[:n - 1]
    return tok


def _classify_run(an: _Sentence, span: list[int], sent_first: int,
                  names: NameIndex) -> list[tuple[int, int, str, str]]:
    toks, low = an.toks, an.low
    # drop leading function words, titles, demonyms, date words
    k = 0
    titled = False
    while k < len(span):
        t = span[k]
        w = _strip_poss(low[t])
        two = w + " " + low[span[k + 1]] if k + 1 < len(span) else ""
        if two in _ORG_KNOWN:
            break
        if w in _TITLES or w in _TITLE_FIRST and two in _TITLES:
            titled = True
            k += 1
            if k + 1 < len(span) and low[span[k]] == "of":
                k += 2  # "Secretary of State"
            continue
        if w in _SOFT and k + 1 < len(span):
            nw = _strip_poss(low[span[k + 1]])
            if not (nw in _TITLES or nw in _DEMONYMS or nw in _FUNCTION or nw in _TITLE_FIRST):
                break  # "New York", "United Nations": part of the name
        if w in _COUNTRY_ABBR and k + 1 < len(span):
            k += 1  # "U.S. President Donald Trump"
            continue
        if w in _FUNCTION or w in _DEMONYMS or w in _DATEWORDS or (
                t == sent_first and (w in _FORMS or w in _GROUP_NOUNS) and w not in _ORG_KNOWN):
            k += 1
            continue
        if w.isdigit():
            k += 1
            continue
        break
    span = span[k:]
    # cut trailing date words ("Trump Monday")
    while span and (low[span[-1]] in _DATEWORDS or low[span[-1]].isdigit()):
        span = span[:-1]
    if not span:
        return []
    if all(_strip_poss(low[t]) in _DEMONYMS or low[t] in _SOFT for t in span):
        return []  # "North Korean", "South African": adjectives, not names
    first, last = span[0], span[-1]
    words = [toks[t] for t in span]
    words[-1] = _strip_poss(words[-1])
    name = " ".join(words)
    lname = name.lower()
    # single sentence-initial word that is an ordinary word elsewhere -> not a name
    if len(span) == 1 and first == sent_first and lname not in _ORG_KNOWN and name not in names.persons:
        if (" " + lname + " ") in names.text or lname in _FORMS or lname.endswith(("ing", "ly", "ed")):
            return []
    if lname in _ORG_KNOWN:
        return [(first, last + 1, _ORG_KNOWN[lname], "org")]
    last_low = _strip_poss(low[last])
    nxt = last + 1
    if nxt < len(low) and low[nxt] in _ORG_GOVERNED and not toks[last].endswith(("'s", "’s")):
        return [(first, nxt + 1, f"the {name} {low[nxt]}", "org")]
    if last_low in _ORG_SUFFIX or any(w.lower() in _ORG_SUFFIX for w in words[1:]):
        return [(first, last + 1, name, "org")]
    if len(words) == 1 and name.isupper() and len(name) >= 2:
        return [(first, last + 1, name, "org")]
    resolved = names.resolve(name)
    if resolved in names.persons or titled or len(words) >= 2 and _person_name(words) == name:
        return [(first, last + 1, resolved, "person")]
    return [(first, last + 1, resolved, "other")]


_TITLE_ADJ: Final = frozenset({"special", "former", "top", "chief", "senior", "deputy", "new", "longtime",
                        "personal", "foreign", "national", "security", "defense", "defence",
                        "press", "presidential", "military", "economic", "main", "lead"})
_COUNTRY_ABBR: Final = frozenset({"u.s", "u.s.", "us", "u.k", "u.k.", "uk", "eu", "un", "nato"})


def _after_prep(an: _Sentence, t: int) -> bool:
    """True when token t is the object of a preposition ("envoy for the Middle East")."""
    k = t - 1
    while k >= 0 and an.low[k] in ("the", "a", "an"):
        k -= 1
    return k >= 0 and an.low[k] in _PREPOSITIONS and an.low[k] not in _SUBORD_PREPS \
        and an.low[k] != "between"


_PARTNER_PREPS: Final = frozenset({"between", "with", "by"})
_SUBORD_PREPS: Final = frozenset({"as", "like", "since", "after", "before", "until", "till", "once"})
_PARTNER_VERBS: Final = frozenset({"meet", "talk", "speak", "negotiate", "call", "discuss", "confer",
                            "agree", "sign", "hold", "clash", "fight", "trade", "cooperate",
                            "phone", "chat", "deal", "join", "visit", "host", "work"})


def _antecedent(an: _Sentence, rel: int) -> tuple[int, int]:
    """The noun phrase a relative pronoun at ``rel`` refers to: the words right before
    its segment, back to a verb or a preposition ("..., the Graham bill, which ...")."""
    si = an.seg_of[rel]
    if si == 0:
        return rel, rel
    ps, pe = an.segs[si - 1][0], an.segs[si - 1][1]
    k = pe
    while k > ps and not an.kinds[k - 1] and an.vcls[k - 1] == _NOTV \
            and an.low[k - 1] not in _PREPOSITIONS and an.low[k - 1] not in _CONNECTOR_START \
            and pe - k < 6:
        k -= 1
    return k, pe


def _first_group_from(an: _Sentence, start: int, gs: int) -> int:
    """Where the subject before ``gs`` ends: at an earlier verb group of a coordinated
    clause ("it had corrected ... and would start"), else ``gs``."""
    # only when the clause really is coordinated: "and"/"or"/"but" right before gs
    if gs < 1 or an.low[gs - 1] not in ("and", "or", "but"):
        return gs
    for t in range(start + 1, gs):
        if an.group_of[t] >= 0 and an.vcls[t] in (_AUXV, _FIN):
            return t
    return gs


def _speaker(an: _Sentence, names: NameIndex) -> str | None:
    """The sentence's quote speaker, found once per sentence when first needed."""
    if an.speaker is None:
        an.speaker = (_quote_speaker(an, names),)
    return an.speaker[0]


def _subject(an: _Sentence, start: int, gs: int, names: NameIndex, governor: int = -1,
             depth: int = 0) -> list[tuple[str, str]]:
    """The named subject of a clause whose verb group starts at ``gs``: [(display, kind)].

    Appositions keep the name ("Putin's spokesman, Dmitry Peskov" -> Dmitry Peskov);
    "he"/"she" is the subject of the governing reporting verb, or the last person of
    the previous sentence; "we"/"I" in a quotation is its speaker.
    """
    low = an.low
    gs = _first_group_from(an, start, gs)
    ents = [x for x in _entities(an, start, gs, names) if not _after_prep(an, x[0])]
    kept: list[tuple[str, str]] = []
    for (a, b, disp, kind) in ents:
        if b < len(low) and low[b] in _TITLES and not an.toks[b - 1].endswith(("'s", "’s")) \
                and any(_a > a for (_a, _b, _d, _k) in ents):
            continue  # "Kremlin spokesman Dmitry Peskov": the organisation qualifies the person
        nb = b
        while nb < len(low) - 1 and low[nb] in _TITLE_ADJ:
            nb += 1
        if an.toks[b - 1].endswith(("'s", "’s")) and nb < len(low) and (
                low[nb] in _TITLES or low[nb] in _GROUP_NOUNS or low[nb] in _DEMONYMS):
            # a possessor of a title is not the actor: "Putin's spokesman, Dmitry Peskov"
            if any(_a > a for (_a, _b, _d, _k) in ents):
                continue
            if low[nb] in _TITLES:
                kept.append((f"{disp}'s {' '.join(low[b:nb + 1])}", "person"))
                continue
        kept.append((disp, kind))
    if kept:
        return kept
    # "Russian forces", "Cuban exiles", "Ukrainian officials"
    for t in range(start, min(gs, len(low)) - 1):
        if an.caps[t] and _strip_poss(low[t]) in _DEMONYMS and low[t + 1] in _GROUP_NOUNS \
                and not _after_prep(an, t):
            a = t
            if a > start and an.caps[a - 1] and low[a - 1] in _SOFT:
                a -= 1  # "North Korean troops"
            while a - 2 >= start and low[a - 1] == "and" and an.caps[a - 2] \
                    and _strip_poss(low[a - 2]) in _DEMONYMS:
                a -= 2  # "Russian and American officials"
            if _after_prep(an, a):
                continue
            return [(" ".join(an.toks[a:t + 2]), "group")]
    lead = [t for t in range(start, gs) if an.kinds[t] == _WORD and low[t] not in _CONNECTOR_START]
    if not lead and depth == 0 and gs > start and low[start] in ("who", "which", "that"):
        a0, a1 = _antecedent(an, start)
        if a1 > a0:
            return _subject(an, a0, a1, names, depth=1)  # "Trump, who spoke with Putin ..."
    if not lead or len(lead) > 2:
        return []
    w = low[lead[-1]]
    if w in _PRONOUNS_PERSON:
        if governor >= 0 and depth == 0:
            g = an.groups[governor]
            gcl = _find_clause(an, g[0], g[1])
            sub = _subject(an, gcl.start, g[0], names, depth=1)
            if sub and sub[0][1] in ("person", "other"):
                return sub[:1]
        p = names.person_before(an.start + an.starts[lead[-1]])
        return [(p, "person")] if p else []
    if w in _PRONOUNS_SPEAKER:
        speaker = _speaker(an, names)
        if speaker:
            return [(speaker, "person")]
    if w in ("it", "they"):
        if governor >= 0 and depth == 0:
            g = an.groups[governor]
            gcl = _find_clause(an, g[0], g[1])
            sub = _subject(an, gcl.start, g[0], names, depth=1)
            if sub and sub[0][1] in ("org", "other", "group"):
                return sub[:1]
        if gs < len(low) and an.group_of[gs] >= 0:
            head = an.groups[an.group_of[gs]][2]
            hb = (_FORMS.get(low[head]) or ("",))[0]
            if hb in _REPORT:
                org = names.org_before(an.start + an.starts[lead[-1]])
                if org:
                    return [(org, "org")]  # "The Kremlin ... It said on Monday ..."
    return []


def _actors(an: _Sentence, cl: _Clause, names: NameIndex) -> list[str]:
    low = an.low
    acts: list[str] = []
    if cl.group >= 0:
        gs = an.groups[cl.group][0]
    else:
        # no verb found: only names that open the clause count as its subject
        gs = cl.start
        while gs < cl.end and (an.caps[gs] or an.kinds[gs] or low[gs] in _DETERMINERS
                               or low[gs] in _TITLES or low[gs] in ("and", "of")):
            gs += 1
    for disp, _k in _subject(an, cl.start, gs, names, cl.governor):
        if disp not in acts:
            acts.append(disp)
    # partners: "met with X", "talks between X and Y", passive "was seen by X"
    if cl.group >= 0:
        gs, ge, head = an.groups[cl.group]
        hb = (_FORMS.get(low[head]) or ("",))[0]
        passive = any(low[t] in ("was", "were", "been", "be", "is", "are", "being")
                      for t in range(gs, head)) and "pp" in (_FORMS.get(low[head]) or ("", ()))[1]
        k = ge
        if _PARTNER_PREPS.isdisjoint(low[ge:cl.end]):
            k = cl.end
        if hb in _PARTNER_VERBS and hb not in ("visit", "work", "join", "deal", "trade", "fight"):
            stop = ge
            while stop < cl.end and (an.caps[stop] or low[stop] in _TITLES or low[stop] in _DEMONYMS
                                     or low[stop] in ("the", "and")):
                stop += 1
            for (_a, _b, disp, kind) in _entities(an, ge, stop, names):
                if disp not in acts:
                    acts.append(disp)
        limit = min(cl.end, ge + 6)
        while k < limit:
            if an.kinds[k]:
                break  # partners come before any comma: "spoke with Zelensky, after ..."
            if low[k] in ("after", "before", "during", "following") and low[k] not in ("with",):
                break  # "after his call with Putin" is another event
            if (low[k] == "between" or low[k] == "with" and hb in _PARTNER_VERBS
                    or low[k] == "by" and passive) and k + 1 < cl.end:
                stop = k + 1
                while stop < cl.end and (an.caps[stop] or low[stop] in ("and", "of", "the", ",")
                                         or low[stop] in _TITLES or low[stop] in _DEMONYMS):
                    stop += 1
                for (_a, _b, disp, kind) in _entities(an, k + 1, stop, names):
                    if disp not in acts:
                        acts.append(disp)
                k = stop
            else:
                k += 1
    if not acts:
        speaker = _speaker(an, names)
        if speaker:
            acts.append(speaker)
    return acts


def _quote_speaker(an: _Sentence, names: NameIndex) -> str | None:
    """The speaker of a quotation in the sentence: '"...," Trump wrote.' / 'said X'."""
    low = an.low
    for gi, (gs, ge, head) in enumerate(an.groups):
        b = (_FORMS.get(low[head]) or ("",))[0]
        if b not in _SPEECH and b not in _REPORT:
            continue
        # subject before the verb (same segment)
        seg = an.segs[an.seg_of[gs]]
        ents = [x for x in _entities(an, seg[0], gs, names) if not _after_prep(an, x[0])]
        if ents:
            return ents[-1][2]
        ents = [x for x in _entities(an, ge, min(seg[1], ge + 8), names) if x[3] in ("person", "org")]
        if ents and low[gs] in ("said", "wrote", "says", "added", "told"):
            return ents[0][2]
    return None


# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------

_TITLE_MAX: Final = 80
_DROP_TAIL: Final = frozenset({"and", "or", "but", "of", "to", "the", "a", "an", "in", "on", "at", "by",
                        "for", "from", "with", "that", "which", "who", "as", "his", "her", "its",
                        "their", "while", "when", "after", "before", "is", "was", "were", "are",
                        "be", "been", "has", "have", "had", "will", "would", "this", "these",
                        "some", "any", "no", "not", "into", "about", "than", "so", "if", "said",
                        "“", "‘", "(", "-", "—", "–"})


def _join(tokens: list[str], an: _Sentence | None = None, idx: list[int] | None = None) -> str:
    """The text of tokens ``idx`` (increasing) as written (spacing kept, gaps joined by a space)."""
    if an is None or idx is None:
        return " ".join(tokens)
    if not idx:
        return ""
    text, starts, ends = an.sl, an.starts, an.ends
    if idx[-1] - idx[0] + 1 == len(idx):  # consecutive tokens (idx is increasing): one slice
        out = text[starts[idx[0]]:ends[idx[-1]]]
        if "  " in out or "\n" in out:
            out = _SPACE_RE.sub(" ", out)
        return out
    parts: list[str] = []
    a = prev = idx[0]
    for t in idx[1:]:
        if t != prev + 1:
            parts.append(text[starts[a]:ends[prev]])
            a = t
        prev = t
    parts.append(text[starts[a]:ends[prev]])
    out = " ".join(parts)
    if "  " in out or "\n" in out:
        out = _SPACE_RE.sub(" ", out)
    return out


def _short(disp: str, kind: str) -> str:
    """Headline form of an actor: surname for people, no article for organisations."""
    if kind == "person" and "'s " not in disp:
        words = disp.split()
        if len(words) >= 3 and words[-1].lower().rstrip(".") in ("jr", "sr", "ii", "iii", "iv"):
            return " ".join(words[-2:])  # "Trump Jr"
        return words[-1]
    if disp.startswith("the "):
        return disp[4:]
    return disp


def _present(word: str, plural: bool) -> str | None:
    """Headline present tense of a past-tense verb ("announced" -> "announces")."""
    lw = word.lower()
    info = _FORMS.get(lw)
    if info is None and len(lw) > 4 and lw.endswith("ed") and lw.isalpha():
        stem = lw[:-3] + "y" if lw.endswith("ied") else lw[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            stem = stem[:-1]
        elif stem.endswith(("at", "it", "iz", "is", "ut", "ov", "iv", "uc", "rg", "ag", "ur", "ang",
                            "ak", "ok", "ik", "as", "ud", "id", "us", "ar", "ir", "or", "ap", "ip",
                            "ib", "ob", "ug", "ar", "ul", "ol", "nc", "rs", "rc")) \
                and not stem.endswith(("it", "is")) or stem.endswith(("iz", "ov", "iv", "uc", "rg")):
            stem += "e"
        if plural:
            return stem
        if stem.endswith(("s", "x", "z", "ch", "sh")):
            return stem + "es"
        if stem.endswith("y") and stem[-2:-1] not in "aeiou":
            return stem[:-1] + "ies"
        return stem + "s"
    if info is None or "past" not in info[1]:
        return None
    base = info[0]
    if base == "be":
        return "are" if plural else "is"
    if base == "have":
        return "have" if plural else "has"
    return base if plural else _INFLECT[base][0]


_BARE_COMPLEMENT: Final = _SPEECH | _PREDICT | frozenset({
    "announce", "confirm", "report", "warn", "deny", "admit", "acknowledge", "indicate",
    "reveal", "suggest", "signal", "know", "tell", "inform", "assure", "remind", "show"})
_SUBJECT_FILLER: Final = _DETERMINERS | _TITLES | _TITLE_ADJ | _DEMONYMS | _PREPOSITIONS | frozenset(
    {"and", "both", "also", "then", "meanwhile"})
_PLURAL_WORDS: Final = frozenset({"they", "we", "i", "you", "them", "us", "many", "several", "both", "few",
                           "some", "all", "most", "two", "three", "four", "five"})
_TELL: Final = frozenset({"tell", "inform", "assure", "remind", "warn", "brief", "promise", "convince",
                   "notify", "advise", "reassure", "show"})
_REL_PRONOUNS: Final = frozenset({"which", "who", "that"})


def _title_subject(an: _Sentence, cl: _Clause, gs: int, drop: set[int],
                   names: NameIndex, keep_pronoun: bool = False) -> tuple[str, bool, bool, bool]:
    """Headline subject of a clause: (words, plural, is_pronoun, reduced_relative)."""
    low = an.low
    idx = [t for t in range(cl.start, _first_group_from(an, cl.start, gs)) if t not in drop]
    own = an.seg_of[gs] if gs < len(low) else -1
    if len(idx) > 2:
        kept = [t for t in idx if an.seg_of[t] == own
                or not (an.segs[an.seg_of[t]][2] in _RELATIVE_KINDS and an.segs[an.seg_of[t]][3])]
        if len(kept) < len(idx):
            kinds = an.kinds
            kept = [t for t in kept if not kinds[t]]  # no stray commas
        idx = kept
    prefix = ""
    while idx and (low[idx[0]] in _CONNECTOR_START or an.kinds[idx[0]] == _PUNCT):
        if low[idx[0]] in ("which", "who") and len(idx) == 1:
            break
        idx = idx[1:]
    if idx and low[idx[0]] in ("if", "unless"):
        prefix = an.toks[idx[0]].lower() + " "
        idx = idx[1:]
    # relative clause: "The package, which takes effect on ..." -> its antecedent
    if len(idx) == 1 and low[idx[0]] in _REL_PRONOUNS:
        a0, a1 = _antecedent(an, idx[0])
        if a1 > a0:
            idx = [t for t in range(a0, a1) if t not in drop and an.kinds[t] == _WORD]
    reduced = False
    if idx and low[idx[0]] in _PREPOSITIONS and cl.start > 0 and an.group_of[cl.start - 1] >= 0:
        reduced = True  # "... respond to the proposal sent on March 12"
        while idx and low[idx[0]] in _PREPOSITIONS:
            idx = idx[1:]
    ents = [x for x in _entities(an, idx[0], idx[-1] + 1, names) if not _after_prep(an, x[0])] \
        if idx else []
    kinds = an.kinds
    lead = [t for t in idx if not kinds[t]]  # the words (kinds: True for punctuation)
    if ents and not reduced and any(
            not an.kinds[t] and not an.caps[t] and low[t] not in _SUBJECT_FILLER
            for t in idx if t < ents[-1][0]):
        # a common noun heads the subject: "The meeting between Putin and Witkoff"
        return prefix + _join([], an, idx), False, False, False
    if ents and not reduced:
        last = ents[-1]
        if len(ents) >= 2 and "and" in (low[t] for t in idx):
            names_ = [_short(e[2], e[3]) for e in ents[:3]]
            return prefix + " and ".join(names_), True, False, False
        if an.toks[last[1] - 1].endswith(("'s", "’s")) and last[1] < gs and \
                low[last[1]] not in _TITLES:
            return prefix + _join([], an, idx), False, False, False  # "Trump's threats"
        main = [e for e in ents if e[3] == "person"] or ents
        p = main[-1]
        if an.toks[p[1] - 1].endswith(("'s", "’s")):
            return prefix + _join([], an, idx), False, False, False
        return prefix + _short(p[2], p[3]), False, False, False
    if len(lead) == 1 and low[lead[0]] in ("it", "they") and not keep_pronoun:
        sub = _subject(an, cl.start, gs, names, cl.governor)
        if sub and sub[0][1] in ("org", "other", "group"):
            return prefix + _short(sub[0][0], sub[0][1]), low[lead[0]] == "they", True, False
    if len(lead) == 1 and low[lead[0]] in _PRONOUNS_PERSON and not keep_pronoun:
        sub = _subject(an, cl.start, gs, names, cl.governor)
        if sub:
            return prefix + _short(sub[0][0], sub[0][1]), False, True, False
    words = _join([], an, idx)
    # the head noun: the last lower-case word before the first preposition
    head_words: list[int] = []
    for t in lead:
        if low[t] in _PREPOSITIONS and head_words:
            break
        head_words.append(t)
    nouns = [t for t in head_words if not an.caps[t] and low[t] not in _AUX]
    plural = bool(nouns) and low[nouns[-1]].endswith("s") and not low[nouns[-1]].endswith("ss") \
        or any(low[t] == "and" for t in head_words) \
        or any(low[t] in _PLURAL_WORDS for t in lead)
    pron = len(lead) == 1 and low[lead[0]] in _SUBJ_PRONOUNS
    if pron and words:
        words = words[0].lower() + words[1:] if low[lead[0]] != "i" else words
    return prefix + words, plural, pron, reduced


def _headline_verb(an: _Sentence, gs: int, ge: int, drop: set[int], plural: bool,
                   reported: bool, reduced: bool) -> str:
    """The verb group in headline tense: "announced" -> "announces", "would" -> "will"."""
    low, toks = an.low, an.toks
    grp = [t for t in range(gs, ge) if t not in drop]
    if not grp:
        return ""
    words = [toks[t] for t in grp]
    if reduced:
        return " ".join(words)
    first = low[grp[0]]
    if reported and first in ("would", "’d", "'d"):
        words[0] = "will"
    elif first in _MODALS:
        pass
    elif first == "was" and len(grp) >= 2:
        words[0] = "is"
    elif first == "were" and len(grp) >= 2 and plural:
        words[0] = "are"
    elif first == "had" and len(grp) >= 2:
        lastw = low[grp[-1]]
        info = _FORMS.get(lastw)
        mids = grp[1:-1]
        if any(low[t] in _NEG_WORDS for t in mids):
            words[0] = "have" if plural else "has"  # "had not signed" -> "has not signed"
        elif info and "pp" in info[1] and lastw != "been" and all(
                low[t] in _ADVERBS or low[t].endswith("ly") for t in mids):
            b = info[0]
            words = [toks[t] for t in mids] + [b if plural else _INFLECT[b][0]]
        elif lastw == "been" or low[grp[1]] == "been":
            pass
    elif first == "did" and len(grp) >= 2:
        words[0] = "do" if plural else "does"
    else:
        pres = _present(first, plural)
        if pres:
            words[0] = pres
    return " ".join(words)


def _clause_title(an: _Sentence, cl: _Clause, ms: int, me: int, names: NameIndex,
                  reported: bool = False, depth: int = 0) -> str:
    """Headline for a clause: subject + verb (present tense) + rest, date words removed.

    A reporting verb with a complement gives "Speaker: content" (say, write...) or
    "Speaker announces content" (announce, confirm, deny...).
    """
    low = an.low
    ds, de = _date_run(an, ms, me) if ms >= 0 else (-1, -1)
    drop = {t for t in range(ds, de)} if ds >= 0 else set()
    _add_date_tokens(an, cl.start, cl.end, drop)
    if cl.group < 0:
        idx = [t for t in range(cl.start, cl.end) if t not in drop]
        return _finish(an, idx)
    gs, ge, head = an.groups[cl.group]
    hb = (_FORMS.get(low[head]) or ("",))[0]
    subj, plural, _pron, reduced = _title_subject(an, cl, gs, drop, names, keep_pronoun=depth > 0)
    verb = _headline_verb(an, gs, ge, drop, plural, reported, reduced)
    if hb in _REPORT and depth == 0 and not reduced:
        comp = _complement(an, cl, names, drop)
        quote = False
        if comp is None and hb in _SPEECH:
            q = _leading_quote(an, gs) or _leading_statement(an, cl, drop)
            comp = (q, False) if q else None
            quote = True
        if comp is not None:
            text, comp_pron = comp
            if subj and hb in _SPEECH and not comp_pron:
                return _cap(f"{subj}: {text}" if quote else f"{subj}: {text}")
            v = verb
            if hb in _SPEECH and len(verb.split()) == 1:
                v = "say" if plural else "says"
            return _cap(f"{subj} {v} {text}")
    # the rest of the clause, up to the next finite verb that is not coordinated
    stop = cl.end
    prev_end = ge
    for g2 in range(cl.group + 1, len(an.groups)):
        g2s = an.groups[g2][0]
        if g2s >= cl.end:
            break
        qi = g2s - 1
        while qi > ge and an.toks[qi] in _QUOTES:
            qi -= 1
        pw = low[qi]
        if g2s == prev_end or qi + 1 == prev_end:  # "had grown worried", 'was "very disappointed"' 
            prev_end = an.groups[g2][1]
            continue
        if an.vcls[g2s] in (_AUXV, _FIN) and pw not in ("and", "or", "but", "to") \
                and pw not in _SUBJ_PRONOUNS and pw not in _ADVERBS and not pw.endswith("ly"):
            stop = g2s
            break
    rest_idx = [t for t in range(ge, stop) if t not in drop]
    rest = _join([], an, rest_idx)
    for t in rest_idx:
        # coordinated verbs in headline tense too: "meets Rubio and discusses air defence"
        if an.vcls[t] == _FIN and low[t - 1] == "and" and (p := _present(low[t], plural)):
            rest = rest.replace("and " + an.toks[t], "and " + p, 1)
    title = " ".join([x for x in (subj, verb, rest) if x])
    return _cap(title) if depth == 0 else _trim(title)


def _complement(an: _Sentence, cl: _Clause, names: NameIndex,
                drop: set[int]) -> tuple[str, bool] | None:
    """Headline of the clause a reporting verb governs: (text, subject_is_pronoun)."""
    low = an.low
    gs, ge, head = an.groups[cl.group]
    hb = (_FORMS.get(low[head]) or ("",))[0]
    k = ge
    n = len(low)
    while k < n and k in drop:
        k += 1
    if hb in ("cite", "quote"):
        # "Reuters cited five sources as saying Putin ..."
        for t in range(k, min(n - 1, k + 15)):
            if low[t] == "as" and low[t + 1] in _SPEECH_ING:
                k = t + 2
                break
        else:
            return None
    elif hb in _TELL and k < n and low[k] != "that":
        # skip the person told: "told reporters", "told the BBC", "told Donald Trump"
        if an.caps[k]:
            while k < n and an.caps[k]:
                k += 1
        elif low[k] in _DETERMINERS:
            k += 2
        elif low[k] not in _SUBJ_PRONOUNS or low[k] in ("them", "him", "her", "us", "me"):
            k += 1
        while k < n and k in drop:
            k += 1
    # "wrote on Truth Social that ...", "told reporters in Kyiv that ..."
    j = k
    while j < n and j < k + 8 and an.kinds[j] == _WORD and an.vcls[j] == _NOTV and low[j] != "that":
        j += 1
    if j < n and low[j] == "that" and j > k and low[k] in _PREPOSITIONS:
        k = j
    if k < n and low[k] == "that":
        k += 1
    elif k < n and an.kinds[k] == _PUNCT and low[k] not in _QUOTES:
        return None
    elif k < n and not (hb in _BARE_COMPLEMENT and (
            an.caps[k] or low[k] in _SUBJ_PRONOUNS or low[k] in _DETERMINERS)):
        return None  # "threatened high tariffs on anything Russia sells": an object
    for gi in range(cl.group + 1, len(an.groups)):
        g2s = an.groups[gi][0]
        if g2s < k:
            continue
        # nothing but a subject (maybe with appositions) between the start and the verb
        if g2s - k > 12 or (k < n and low[k] == "to") or any(
                low[t] in _SUBORD for t in range(k, g2s)):
            return None
        sub = _find_clause(an, g2s, an.groups[gi][1])
        if sub.group != gi:
            return None
        sub = _Clause(k, sub.end, gi, cl.group, None)
        _s, _pl, pron, _r = _title_subject(an, sub, g2s, drop, names, keep_pronoun=True)
        return _clause_title(an, sub, -1, -1, names, reported=True, depth=1), pron
    return None


def _leading_quote(an: _Sentence, before: int) -> str | None:
    """The quotation that opens the sentence, if the clause comes after it."""
    toks = an.toks
    k = 0
    while k < before and an.kinds[k] == _PUNCT and toks[k] not in ("“", '"', "‘"):
        k += 1
    if k >= before or toks[k] not in ("“", '"'):
        return None
    close = next((t for t in range(k + 1, before) if toks[t] in ("”", '"')), None)
    if close is None or close - k < 3:
        return None
    return _trim(_join([], an, [t for t in range(k + 1, close)]))


def _leading_statement(an: _Sentence, cl: _Clause, drop: set[int]) -> str | None:
    """What a sentence-final "..., an official said" reports: the clause before it."""
    k = cl.start - 1
    while k >= 0 and an.kinds[k] == _PUNCT:
        k -= 1
    if k < 1 or an.low[cl.start - 1] not in (",", "—", "–", "--") and an.toks[cl.start - 1] not in _QUOTES:
        return None
    idx = [t for t in range(0, k + 1) if t not in drop]
    while idx and (an.kinds[idx[0]] == _PUNCT or an.low[idx[0]] in _CONNECTOR_START):
        idx = idx[1:]
    if len(idx) < 3 or not any(an.vcls[t] in (_AUXV, _FIN) for t in idx):
        return None
    return _trim(_join([], an, idx))


def _cap(s: str) -> str:
    """Trimmed, first letter upper case."""
    s = _trim(s)
    return s[:1].upper() + s[1:] if s else s


_DOUBLE_QUOTES: Final = ("“", "”", '"', "‘", "`")
_APOS_RE: Final = re.compile(r"['’]")


def _drop_single_quotes(s: str) -> str:
    """Remove single quote marks but keep apostrophes inside words."""
    out = []
    last = 0
    n = len(s)
    for m in _APOS_RE.finditer(s):
        k = m.start()
        if 0 < k < n - 1 and s[k - 1].isalpha() and s[k + 1].isalpha():
            continue
        if k > 0 and s[k - 1] in "sS" and (k == n - 1 or not s[k + 1].isalnum()) and s[k - 2:k - 1].isalpha():
            continue  # plural possessive: "the allies' plan"
        out.append(s[last:k])
        last = k + 1
    if not out:
        return s
    out.append(s[last:])
    return "".join(out)


def _trim(s: str) -> str:
    if s.isascii():  # no no-break space, no curly quote: fewer marks to look for
        if "  " in s or "\n" in s or "\t" in s:
            s = _SPACE_RE.sub(" ", s)
        if '"' in s:
            s = s.replace('"', "")
        if "`" in s:
            s = s.replace("`", "")
        if "'" in s:
            s = _drop_single_quotes(s)  # quote marks, not apostrophes ("Russia's")
    else:
        if "  " in s or "\u00a0" in s or "\n" in s or "\t" in s:
            s = _SPACE_RE.sub(" ", s)
        for q in _DOUBLE_QUOTES:
            if q in s:
                s = s.replace(q, "")
        if "'" in s or "’" in s:
            s = _drop_single_quotes(s)  # quote marks, not apostrophes ("Russia's")
    s = s.strip(" ,;:-—–")
    if "  " in s or " ," in s or " ." in s:
        s = s.replace("  ", " ").replace(" ,", ",").replace(" .", ".")
    if len(s) > _TITLE_MAX:
        cut = s.rfind(" ", 0, _TITLE_MAX + 1)
        s = s[: cut if cut > 20 else _TITLE_MAX]
        comma = s.rfind(",")
        if comma > len(s) - 16 and comma > 30:
            s = s[:comma]  # drop a dangling ", writing"
        words = s.split(" ")
        while len(words) > 3 and (words[-1].lower().strip(",;:") in _DROP_TAIL or words[-1] in (",",)):
            words.pop()
        s = " ".join(words).rstrip(",;:—–- ")
    return s.rstrip(",;:—–- .")


def _finish(an: _Sentence, idx: list[int]) -> str:
    while idx and (an.low[idx[0]] in _CONNECTOR_START or an.kinds[idx[0]] == _PUNCT):
        idx = idx[1:]
    return _cap(_join([], an, idx))


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def describe(text: str, sentence: tuple[int, int], mention: tuple[int, int], *,
             names: NameIndex | None = None) -> Description:
    """Title, actors and status of the event a date mention belongs to.

    ``text`` is the whole document, ``sentence`` the (start, end) offsets of the sentence
    holding the mention and ``mention`` the (start, end) offsets of the date words.
    Pass the document's :class:`NameIndex` (``NameIndex.from_text(text)``) to resolve
    short names and to share the sentence analysis between mentions.
    """
    if names is None:
        names = NameIndex.from_text(text)
    s0, s1 = sentence
    m0, m1 = mention
    if not (0 <= s0 <= m0 <= m1 <= s1 <= len(text)):
        s0, s1 = min(s0, m0), max(s1, m1)
    an = _analyse(text, (s0, s1), names)
    if not an.toks:
        return Description(title=_fallback(text, s0, s1, m0, m1), actors=[], status="reported")
    try:
        t0, t1 = an.tok_indexes(m0, max(m0, m1 - 1))
        ms = min(t0, len(an.toks) - 1)
        me = min(max(ms + 1, t1 + 1), len(an.toks))
        cl = _find_clause(an, ms, me)
        status = _status(an, cl, ms, me)
        # several dates in one clause ("on Wednesday or Thursday") share actors and title
        dates = _date_tokens(an)
        dated = False  # the mention is one of the sentence's date phrases
        for t in range(ms, me):
            if t in dates:
                dated = True
                break
        key = (s0, s1, cl.start, cl.end, cl.group, cl.governor) if dated \
            else (s0, s1, cl.start, cl.end, cl.group, cl.governor, ms, me)
        hit = names._clauses.get(key)
        if hit is None:
            actors = _actors(an, cl, names)
            title = _clause_title(an, cl, ms, me, names, reported=cl.governor >= 0)
            names._clauses[key] = (tuple(actors), title)
        else:
            actors, title = list(hit[0]), hit[1]
    except (IndexError, KeyError, ValueError):
        # A heuristic tripped on odd input: never fail the pipeline for one mention.
        if _STRICT:
            raise
        status, actors, title = "reported", [], ""
    if len(title) < 8 or len(title.split(None, 1)) < 2:  # (fewer than two words)
        title = _fallback(text, s0, s1, m0, m1)
        if len(title.split(None, 1)) < 2:
            title = _cap(text[s0:s1]) or title  # "via January 26th 2025": keep the date words
    return Description(title=title, actors=actors, status=status)



def _fallback(text: str, s0: int, s1: int, m0: int, m1: int) -> str:
    """The sentence without the date words, trimmed."""
    s = (text[s0:m0] + " " + text[m1:s1]).strip()
    s = re.sub(r"^(?:on|in|at|by|since|as of|from|during)\s*[,]?\s*", "", s, flags=re.I)
    t = _cap(s)
    return t or _cap(text[s0:s1]) or text[m0:m1] or "Event"


# ---------------------------------------------------------------------------
# Helpers for comparing events (used by timeline.merge)
# ---------------------------------------------------------------------------

_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NOT_CONTENT: Final = _FUNCTION | _DATEWORDS | _AUX | _MODALS | _NEG_WORDS | frozenset({
    "say", "tell", "add", "report", "according", "week", "month", "year", "day", "time",
    "today", "yesterday", "tomorrow", "morning", "evening", "night", "s", "mr", "ms", "also",
    "would", "could", "get", "make", "take", "go", "come", "like", "well", "way", "thing",
})


def _stem(w: str) -> str:
    """Lemma-ish key of a lower-case word: verb base form, no plural, 6-letter prefix."""
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    info = _FORMS.get(w)
    if info is not None:
        w = info[0]
    elif len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:6]


def _load_synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in _load("synonyms.json")["groups"]:
        head = _stem(group[0])
        for w in group:
            if " " not in w:
                out.setdefault(_stem(w), head)
    return out


_SYNONYMS: Final = _load_synonyms()


def content_words(text: str) -> set[str]:
    """Lemma-ish content words of a text: lower case, verbs to their base form, plural
    and derivational endings folded by a 6-letter prefix ("threatened", "threats" and
    "threaten" all give "threat"), and words of one kind of happening to one key
    ("swap"/"exchange", "truce"/"ceasefire"; ``semantics_data/synonyms.json``).
    Function words, date words and reporting verbs are left out."""
    out: set[str] = set()
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if w in _NOT_CONTENT:
            continue
        k = _stem(w)
        if len(k) < 3 or k in _NOT_CONTENT:
            continue
        out.add(_SYNONYMS.get(k, k))
    return out


def actor_key(name: str) -> str:
    """A comparison key for an actor: people by surname ("Donald Trump" -> "trump"),
    organisations whole and without article ("the European Commission" -> "european
    commission"); a capital or government body that stands for its country in the news
    is the country ("Washington", "the White House" -> "united states")."""
    n = name.strip().lower()
    if n.startswith("the "):
        n = n[4:]
    side = _SAME_SIDE.get(n)
    if side is not None:
        return side
    if "'s " in n or "’s " in n:
        return n
    words = n.split()
    if not words:
        return n
    if n in _ORG_KNOWN or words[-1] in _ORG_SUFFIX or words[-1] in _ORG_GOVERNED or len(words) > 3:
        return n
    return _strip_poss(words[-1])
