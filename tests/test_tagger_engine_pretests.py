"""The cheap tests of _apply_mod (the word before a date) and of _mark_ranges (the
connector between two dates) turn away only what their regexes would turn away."""

import random

from timeline.tagger import engine as E
from timeline.tagger.context import Hit
from timeline.tagger.timex import Timex


def _reference_mod(text: str, start: int) -> tuple[int, str | None]:
    """The prefix search of _apply_mod for a DATE, without the cheap tests."""
    m = E._MOD_PREFIX.search(text, max(0, start - 30), start)
    if not m or m.end() != start:
        return start, None
    key = (m.group("a") or m.group("b") or m.group("c") or "").lower()
    return m.start(), E._MODS.get(E._WS_RUN.sub(" ", key))


def test_mod_prefix_pretest() -> None:
    rnd = random.Random(17)
    pieces = ["early", "Early", "late", "LATE", "mid", "mid-", "the", "The", "end", "of", "Of", "start", "first half",
              "yearly", "x", "-", " ", "  ", "\n", ",", "_", "1", "\u00e9", "\u212a", "turn", "close", "deadly", "if"]
    for _ in range(20000):
        before = "".join(rnd.choice(pieces) + rnd.choice(["", " ", " ", "-"]) for _ in range(rnd.randint(0, 8)))
        text = before + "1990"
        start = len(before)
        got = E._apply_mod(text, start, Hit("DATE", "1990"))
        ps, mod = _reference_mod(text, start) if start > 1 else (start, None)
        assert (got[0], got[1].mod) == (ps, mod), text


def test_range_connector_pretest() -> None:
    rnd = random.Random(19)
    pieces = ["to", "TO", "through", "thru", "until", "Till", "and", "-", "or", "x", " ", "  ", "\n", "\u212a",
              "\u0131", "\u00e9"]
    for _ in range(5000):
        gap = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 3)))
        text = "between 1990" + gap + "1995"  # ("between": every connector then links)
        a = Timex(8, 12, "1990", "DATE", "1990")
        b = Timex(12 + len(gap), 16 + len(gap), "1995", "DATE", "1995")
        linked = E._mark_ranges(text, [a, b])[0].range_role == "start"
        assert linked == bool(E._RANGE_CONNECTOR.match(gap)), gap
