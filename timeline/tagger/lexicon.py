"""The tagger's vocabulary: loads ``resources/*.json`` once and builds regex fragments.

Everything language-specific (month names, numerals, units, holidays, signal words) is
data in ``resources/``; this module turns it into lookup dicts and alternation strings
that :mod:`timeline.tagger.rules` assembles into compiled patterns.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Lexicon", "lexicon", "alt"]

_RES = Path(__file__).with_name("resources")


def _load(name: str) -> dict[str, Any]:
    with open(_RES / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


def _trie_re(words: list[str]) -> str:
    """``words`` as a prefix tree regex: ``(?:a(?:go|pril)|may)``. Equivalent to the
    longest-first alternation, but the regex engine tests one branch per character
    instead of every word at every position (much faster on long lists)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + render(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # the longer words first (greedy), then the word that ends here
            return ("(?:" + "|".join(branches) + ")?") if len(branches) > 1 or len(branches[0]) > 1 \
                else branches[0] + "?"
        return body

    return "(?:" + render(trie) + ")"


def alt(words: list[str] | set[str] | dict, *, escape: bool = True) -> str:
    """A non-capturing alternation of ``words``, longest first, spaces matching any run of
    whitespace (a prefix tree regex when the words are literal)."""
    if escape:
        ws = [w for w in set(words) if w]
        if ws:
            return _trie_re(ws)
    items = sorted(set(words), key=lambda w: (-len(w), w))
    parts = []
    for w in items:
        p = re.escape(w) if escape else w
        p = p.replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def _cap_variants(words: list[str]) -> list[str]:
    """``may`` -> ``May``, ``MAY`` (names must be capitalised to count)."""
    out = []
    for w in words:
        out.append(w[:1].upper() + w[1:])
        out.append(w.upper())
    return out


class Lexicon:
    """Lookup tables and regex fragments built from the JSON resources."""

    def __init__(self) -> None:
        months = _load("months")
        weekdays = _load("weekdays")
        numerals = _load("numerals")
        units = _load("units")
        seasons = _load("seasons")
        pod = _load("parts_of_day")
        holidays = _load("holidays")
        signals = _load("signals")

        # months
        self.month_num: dict[str, int] = {**months["names"], **months["abbreviations"]}
        self.month_ambiguous: set[str] = set(months["ambiguous"])
        self.month_full_re = "(?-i:" + alt(_cap_variants(list(months["names"]))) + ")"
        abbr = _cap_variants(list(months["abbreviations"]))
        self.month_any_re = (
            "(?-i:" + alt(_cap_variants(list(months["names"]))) + "|" + alt(abbr) + r"\.?)"
        )
        # weekdays
        self.weekday_num: dict[str, int] = {**weekdays["names"], **weekdays["abbreviations"]}
        self.weekday_re = "(?-i:" + alt(_cap_variants(list(weekdays["names"]))) + ")"
        self.weekday_abbr_re = "(?-i:" + alt(_cap_variants(list(weekdays["abbreviations"]))) + r"\.?)"
        # numerals
        self.units_num: dict[str, int] = numerals["units"]
        self.tens_num: dict[str, int] = numerals["tens"]
        self.scales: dict[str, int] = numerals["scales"]
        self.articles: dict[str, int] = numerals["articles"]
        self.quantities: dict[str, float] = numerals["quantities"]
        self.vague_qty: set[str] = set(numerals["vague"])
        self.ordinal_num: dict[str, int] = numerals["ordinals"]
        self.count_nouns_re = re.compile(r"\s*" + alt(numerals["count_nouns"]) + r"\b", re.I)
        word = (
            "(?:" + alt(list(self.tens_num)) + r"(?:[-\s]" + alt([k for k, v in self.units_num.items() if 0 < v < 10])
            + ")?|" + alt(list(self.units_num)) + ")"
        )
        self.number_word_re = word + r"(?:[-\s]hundred(?:\s+and\s+" + word + ")?)?"
        digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
        self.qty_re = (
            "(?:" + digits + "|" + alt(list(self.quantities)) + "|" + alt(list(self.vague_qty)) + "|"
            + alt(list(self.articles)) + r"(?:\s+hundred)?|" + self.number_word_re + ")"
        )
        # numeric quantities only (no vague words, no articles)
        self.num_re = "(?:" + digits + "|" + self.number_word_re + ")"
        self.ordinal_re = alt(list(self.ordinal_num))
        # units
        self.unit_info: dict[str, dict] = {}
        for name, info in units["units"].items():
            self.unit_info[name] = {**info, "name": name}
            self.unit_info[info["plural"]] = {**info, "name": name}
        self.unit_re = alt(list(self.unit_info))
        self.freq_adverbs: dict[str, str] = units["frequency_adverbs"]
        # seasons
        self.season_code: dict[str, str] = seasons["names"]
        self.season_ambiguous: set[str] = set(seasons["ambiguous"])
        self.season_re = alt(list(self.season_code))
        # parts of day
        self.pod_code: dict[str, str] = pod["names"]
        self.pod_re = alt(list(self.pod_code))
        self.clock_words: dict[str, str] = pod["clock_words"]
        self.day_words: dict[str, int] = pod["day_words"]
        # holidays
        self.holidays: dict[str, tuple[str, Any]] = {}
        for kind in ("fixed", "nth_weekday", "easter"):
            for name, spec in holidays[kind].items():
                self.holidays[name] = (kind, spec)
        self.holiday_re = alt([h.replace("'", "\u0027") for h in self.holidays])
        # signals
        self.future_re = re.compile(
            r"(?<![\w'])(?:" + alt(signals["future"]) + "|(?-i:" + alt(signals.get("future_case_sensitive", []))
            + r"))(?!\w)", re.I)
        self.past_re = re.compile(r"(?<![\w'])" + alt(signals["past"]) + r"(?!\w)", re.I)
        self.not_past: set[str] = set(signals.get("not_past", []))
        self.reporting: set[str] = set(signals.get("reporting", []))
        self.reporting_re = re.compile(r"(?<![\w'])" + alt(signals["reporting"]) + r"(?!\w)", re.I)
        # one case-sensitive scan of the lowercased text finds every tense marker (fast)
        self.future_cs: set[str] = set(signals.get("future_case_sensitive", []))
        self.weak_future: set[str] = set(signals.get("weak_future", []))
        self.marker_kind: dict[str, str] = {}
        for w in signals["past"]:
            self.marker_kind[w] = "past"
        for w in signals["reporting"]:
            self.marker_kind[w] = "reporting"
        for w in list(signals["future"]) + list(self.future_cs):
            self.marker_kind[w] = "future"
        self.marker_lc_re = re.compile(
            r"(?<![\w'])(?:" + alt(list(self.marker_kind)) + r"|\w{3,}ed)(?!\w)")
        self.vague: dict[str, str] = {k: v for k, v in signals["vague"].items() if v}
        self.vague_re = alt(list(self.vague))
        self.modifiers: dict[str, str] = signals["modifiers"]
        self.approx: dict[str, str] = signals["approx"]
        #: "today's youth": nouns that make "today's" mean "these days"
        self.generic_today_re = re.compile(
            r"'s\s+(?:[a-z]+\s+)?(?:" + alt(signals.get("generic_today_nouns", [])) + r")(?!\w)", re.I)
        self.approx_re = alt(list(self.approx))

    # -- numbers ---------------------------------------------------------------------
    def number(self, s: str) -> float | None:
        """The value of a quantity phrase: ``"twenty-five"`` -> 25, ``"a"`` -> 1,
        ``"several"`` -> None (vague), ``"1,000"`` -> 1000."""
        s = re.sub(r"\s+", " ", s.strip().lower())
        if not s:
            return None
        if s[0].isdigit():
            try:
                return float(s.replace(",", ""))
            except ValueError:
                return None
        if s in self.articles:
            return float(self.articles[s])
        if s in self.quantities:
            return float(self.quantities[s])
        if s in self.vague_qty:
            return None
        total = 0.0
        cur = 0.0
        for w in re.split(r"[-\s]+", s):
            if w in ("and",):
                continue
            if w in self.units_num:
                cur += self.units_num[w]
            elif w in self.tens_num:
                cur += self.tens_num[w]
            elif w in self.articles:
                cur += 1.0
            elif w in self.scales:
                cur = max(cur, 1.0) * self.scales[w]
                if self.scales[w] >= 1000:
                    total += cur
                    cur = 0.0
            else:
                return None
        return total + cur


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared, lazily built :class:`Lexicon`."""
    return Lexicon()
