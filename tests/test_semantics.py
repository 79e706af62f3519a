"""Tests of timeline.semantics: status, actors, titles and name resolution.

Every sentence here was written for these tests (news-like, about US–Russia diplomacy).
"""

from __future__ import annotations

import re

import pytest

from timeline.semantics import STATUSES, Description, NameIndex, describe


def _describe(text: str, mention: str, occurrence: int = 0) -> Description:
    """describe() for the sentence of ``text`` that holds ``mention``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    end = start + len(mention)
    # the sentence: from the previous sentence end to the next one
    s0 = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    s0 = 0 if s0 < 0 else s0 + 1
    while s0 < len(text) and text[s0] == " ":
        s0 += 1
    m = re.compile(r"[.!?](?:[”\"’]?)(?=\s|$)").search(text, end)
    s1 = m.end() if m else len(text)
    return describe(text, (s0, s1), (start, end), names=NameIndex.from_text(text))


# ---------------------------------------------------------------------------
# status
# ---------------------------------------------------------------------------

STATUS_CASES = [
    # reported
    ("On March 18, Trump and Putin spoke by phone for more than two hours.", "March 18", "reported"),
    ("The Kremlin said on Tuesday that the talks had been useful.", "Tuesday", "reported"),
    ("Zelensky met European leaders in London on March 2.", "March 2", "reported"),
    ("In a statement issued on February 12, the White House confirmed the call.", "February 12", "reported"),
    ("Russian forces launched a large drone attack on Kyiv overnight on July 9, officials said.", "July 9", "reported"),
    ("On January 20, Trump was sworn in as president for a second time.", "January 20", "reported"),
    ("Last week, the Senate passed a bill that would expand sanctions on Moscow.", "Last week", "reported"),
    ("On Monday, Trump promised to end the war quickly.", "Monday", "reported"),
    # planned
    ("Witkoff will travel to Moscow on Thursday, the White House said.", "Thursday", "planned"),
    ("The two leaders plan to meet in Alaska on August 15.", "August 15", "planned"),
    ("The summit is scheduled to take place on June 24 in The Hague.", "June 24", "planned"),
    ("Rubio is set to hold talks with Lavrov in Riyadh on February 18.", "February 18", "planned"),
    ("The White House announced on Monday that Trump would host Zelensky on Friday.", "Friday", "planned"),
    ("The White House announced on Monday that Trump would host Zelensky on Friday.", "Monday", "reported"),
    ("On August 4, Trump announced that his envoy would visit Moscow on Wednesday.", "Wednesday", "planned"),
    ("On August 4, Trump announced that his envoy would visit Moscow on Wednesday.", "August 4", "reported"),
    ("Putin and Trump agreed to hold another call in April.", "April", "planned"),
    # expected
    ("Putin is expected to respond to the proposal on Wednesday.", "Wednesday", "expected"),
    ("Analysts predicted that the Duma would approve the treaty in December.", "December", "expected"),
    ("Ukraine is likely to receive the first jets in July, a source said.", "July", "expected"),
    ("The envoy will probably arrive in Kyiv on Sunday.", "Sunday", "expected"),
    # hypothetical
    ("If Russia were to launch a new offensive in May, NATO could respond.", "May", "hypothetical"),
    ("Trump said sanctions could be imposed as early as next week.", "next week", "hypothetical"),
    ("Negotiators might meet again on Saturday if the ceasefire holds.", "Saturday", "hypothetical"),
    ("Unless Moscow agrees to a truce by Friday, Washington will impose new tariffs.", "Friday", "hypothetical"),
    # negated
    ("Putin did not attend the summit in Istanbul on May 15.", "May 15", "negated"),
    ("The delegations failed to reach an agreement on Thursday.", "Thursday", "negated"),
    ("Zelensky won't travel to Washington on Monday, his office said.", "Monday", "negated"),
    ("Russia refused to join the talks on Tuesday.", "Tuesday", "negated"),
    ("The two presidents have never met in person since 2019.", "2019", "negated"),
    # more mixed cases
    ("Trump told reporters on Friday that he would meet Putin next week.", "Friday", "reported"),
    ("Trump told reporters on Friday that he would meet Putin next week.", "next week", "planned"),
    ("Talks between the two delegations are due to resume on Monday.", "Monday", "planned"),
    ("Zelensky is to address Congress on Thursday.", "Thursday", "planned"),
    ("Moscow said it had no plans to attend the conference on Friday.", "Friday", "negated"),
    ("The ceasefire took effect on March 25 but was violated within hours.", "March 25", "reported"),
    ("Putin has yet to respond to the proposal sent on March 12.", "March 12", "reported"),
    ("Witkoff is expected in Moscow on Wednesday.", "Wednesday", "expected"),
    ("Ukraine and Russia are set to exchange prisoners on Friday, officials said.", "Friday", "planned"),
    ("A vote on the package could come as soon as Tuesday.", "Tuesday", "hypothetical"),
    ("The EU will not lift its sanctions before July, diplomats said.", "July", "negated"),
    ("Moscow denied on Tuesday that its troops had crossed the border.", "Tuesday", "reported"),
    ("The Kremlin denied that Putin had met Witkoff on Tuesday.", "Tuesday", "negated"),
    ("Kyiv said on Sunday that Russian drones had struck an energy facility overnight.", "Sunday", "reported"),
    ("Trump threatened on Monday to impose tariffs if Moscow did not agree to a truce.", "Monday", "reported"),
    ("In 2014, Russia annexed Crimea after a disputed referendum.", "2014", "reported"),
    ("The sanctions package, which takes effect on September 1, targets Russian banks.", "September 1", "reported"),
    ("The European Commission proposed on Wednesday to phase out Russian gas imports by 2027.", "2027", "planned"),
    ("The European Commission proposed on Wednesday to phase out Russian gas imports by 2027.", "Wednesday", "reported"),
    ("Intel said it had corrected the problems and would start producing new chips next week.", "next week", "planned"),
    ("Many worried that the talks would fail on Friday.", "Friday", "expected"),
    ("The shares, which were to be delisted on Monday, closed lower.", "Monday", "planned"),
    ("Police officials declined to comment on Saturday.", "Saturday", "reported"),
    ("The company's sales were about $3 million last year.", "last year", "reported"),
]


@pytest.mark.parametrize("sentence,mention,expected", STATUS_CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(STATUS_CASES)])
def test_status(sentence: str, mention: str, expected: str) -> None:
    d = _describe(sentence, mention)
    assert d.status in STATUSES
    assert d.status == expected, (sentence, d)


# ---------------------------------------------------------------------------
# actors
# ---------------------------------------------------------------------------

ACTOR_CASES = [
    ("Russian President Vladimir Putin spoke with Donald Trump on Tuesday. "
     "On Wednesday, Putin told reporters the call had been frank.", "Wednesday", ["Vladimir Putin"], []),
    ("Kremlin spokesman Dmitry Peskov rejected the plan. Peskov said on Friday that no summit was planned.",
     "Friday", ["Dmitry Peskov"], []),
    ("Putin's spokesman, Dmitry Peskov, said on Friday that Moscow saw no reason to hurry.",
     "Friday", ["Dmitry Peskov"], ["Putin", "Vladimir Putin", "Moscow"]),
    ("The Kremlin said on Monday that it had received the proposal.", "Monday", ["the Kremlin"], []),
    ("Reuters reported on March 3 that the talks had stalled.", "March 3", ["Reuters"], []),
    ("On June 5, NATO and the European Union agreed to coordinate their sanctions.", "June 5",
     ["NATO", "the European Union"], []),
    ("Secretary of State Marco Rubio met Sergei Lavrov in Riyadh on February 18.", "February 18",
     ["Marco Rubio", "Sergei Lavrov"], ["Riyadh"]),
    ("Zelensky arrived in Washington late on Thursday. He met Trump at the White House on Friday.",
     "Friday", ["Zelensky", "Trump"], []),
    ("President Donald Trump posted a long message about the war. Trump wrote on January 22 that "
     "Russia should make a deal.", "January 22", ["Donald Trump"], ["Russia"]),
    ("On August 4, Trump announced that his special envoy for Ukraine, Keith Kellogg, would visit "
     "Kyiv on Monday.", "Monday", ["Keith Kellogg"], ["Ukraine", "Kyiv"]),
    ("The Trump administration imposed new tariffs on Indian goods on August 6.", "August 6",
     ["the Trump administration"], []),
    ("On May 16, Russian and Ukrainian delegations held their first direct talks since 2022.", "May 16",
     [], ["May"]),
    ("President Donald Trump spoke to the press. Trump told reporters on Friday that he would meet "
     "Vladimir Putin next week.", "next week", ["Donald Trump", "Vladimir Putin"], []),
    ("Peskov told reporters that the Kremlin would respond to the letter on Monday.", "Monday",
     ["the Kremlin"], ["Peskov"]),
    ("Ukrainian Foreign Minister Andrii Sybiha said on Thursday that Kyiv was ready for talks.",
     "Thursday", ["Andrii Sybiha"], ["Kyiv"]),
    ("Moscow, meanwhile, announced on Monday that it would expel two diplomats.", "Monday", ["Moscow"], []),
    ("German Chancellor Friedrich Merz and French President Emmanuel Macron traveled to Kyiv on May 10.",
     "May 10", ["Friedrich Merz", "Emmanuel Macron"], ["Kyiv"]),
    ("Mounting losses forced the Kremlin to change tactics in June.", "June", [], ["Mounting"]),
    ("The proposal was rejected by the Kremlin on Tuesday.", "Tuesday", ["the Kremlin"], []),
    ("Russian forces shelled the city of Kherson on Sunday.", "Sunday", ["Russian forces"], ["Kherson"]),
    ("The New York Times reported on Monday that the envoy had left Moscow.", "Monday",
     ["The New York Times"], ["York Times", "Moscow"]),
    ("U.S. President Donald Trump signed the order on March 6.", "March 6", ["Donald Trump"], ["U.S.", "U.S"]),
]


@pytest.mark.parametrize("text,mention,must,must_not", ACTOR_CASES,
                         ids=[str(i) for i in range(len(ACTOR_CASES))])
def test_actors(text: str, mention: str, must: list[str], must_not: list[str]) -> None:
    d = _describe(text, mention)
    for a in must:
        assert a in d.actors, (text, d.actors)
    for a in must_not:
        assert a not in d.actors, (text, d.actors)


def test_name_index_resolves_short_names() -> None:
    text = ("Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow. "
            "Kremlin spokesman Dmitry Peskov called the talks useful. Later, Peskov said Putin "
            "and Witkoff would meet again. President Donald Trump said the talks went well.")
    ni = NameIndex.from_text(text)
    assert ni.resolve("Putin") == "Vladimir Putin"
    assert ni.resolve("Peskov") == "Dmitry Peskov"
    assert ni.resolve("Witkoff") == "Steve Witkoff"
    assert ni.resolve("Trump") == "Donald Trump"
    assert ni.resolve("Moscow") == "Moscow"
    # titles and function words are not part of names
    assert "President" not in ni.resolve("Trump")
    assert ni.resolve("Kremlin") == "Kremlin"


def test_name_index_does_not_cross_sentences() -> None:
    text = "Talks ended in Russia. Ukraine said nothing. Minister Andrii Sybiha spoke later."
    ni = NameIndex.from_text(text)
    assert ni.resolve("Ukraine") == "Ukraine"
    assert ni.resolve("Sybiha") == "Andrii Sybiha"


def test_speaker_of_quote_stands_for_we() -> None:
    text = "“We are ready to meet again on Friday,” Zelensky told reporters in Kyiv."
    d = _describe(text, "Friday")
    assert d.actors == ["Zelensky"]


# ---------------------------------------------------------------------------
# titles
# ---------------------------------------------------------------------------

_DATE_START = re.compile(r"^(?:On|In|At|By|Since|Last|This|Next|Early|Late)\b|^(?:January|February|March|"
                         r"April|May|June|July|August|September|October|November|December|Monday|"
                         r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")

TITLE_CASES = [
    ("On January 22, Trump threatened Russia with heavy sanctions in a post on Truth Social.",
     "January 22", ["Trump", "threatens", "sanctions"]),
    ("Peskov said on January 23 that the Kremlin saw nothing new in the threat.", "January 23",
     ["Peskov:", "Kremlin", "nothing new"]),
    ("On August 4, Trump announced that Witkoff would probably visit Moscow later in the week.",
     "August 4", ["Trump announces", "Witkoff will probably visit Moscow"]),
    ("In a January 23 report, Reuters said Putin had grown worried about the economy.", "January 23",
     ["Reuters:", "Putin"]),
    ("Russian troops captured the village of Pokrovka on Saturday after weeks of fighting, the "
     "Defense Ministry in Moscow said in a statement carried by state media.", "Saturday",
     ["troops capture", "Pokrovka"]),
    ("The January 22 post was the latest in a long series of warnings to Moscow.", "January 22",
     ["post", "latest"]),
    ("The sanctions package, which takes effect on September 1, targets Russian banks.", "September 1",
     ["sanctions package takes effect"]),
    ("Trump told reporters on Friday that he would meet Putin next week.", "Friday",
     ["Trump says he will meet Putin"]),
    ("If Russia were to launch a new offensive in May, NATO could respond.", "May",
     ["If Russia were to launch a new offensive"]),
    ("Trump threatened on Monday to impose tariffs if Moscow did not agree to a truce.", "Monday",
     ["Trump threatens to impose tariffs"]),
    ("“We will not give up our land,” Zelensky said on Sunday.", "Sunday",
     ["Zelensky: We will not give up our land"]),
    ("The talks in Riyadh ended without a joint statement, a Saudi official said on Tuesday.", "Tuesday",
     ["official: the talks in Riyadh ended without a joint statement"]),
]


@pytest.mark.parametrize("text,mention,parts", TITLE_CASES, ids=[str(i) for i in range(len(TITLE_CASES))])
def test_title(text: str, mention: str, parts: list[str]) -> None:
    d = _describe(text, mention)
    assert d.title
    assert not _DATE_START.match(d.title), d.title
    assert mention not in d.title, d.title
    assert len(d.title) <= 85, d.title
    assert d.title[0].isupper()
    low = d.title.lower()
    for p in parts:
        assert p.lower() in low, (d.title, p)


def test_title_is_trimmed_at_a_word_boundary() -> None:
    text = ("On March 11, Ukrainian and American delegations meeting in the Saudi city of Jeddah "
            "agreed on a proposal for a thirty-day ceasefire that Washington would then present to "
            "Moscow for its consideration.")
    d = _describe(text, "March 11")
    assert 20 <= len(d.title) <= 80
    assert text.replace("On March 11, ", "").startswith(d.title.rstrip(".")[:30])
    last = d.title.split()[-1]
    assert last.lower() not in {"the", "a", "of", "to", "for", "and"}


def test_title_never_empty() -> None:
    for text, mention in [("January 5.", "January 5"), ("via January 26th 2025", "January 26th 2025"),
                          ("— Friday —", "Friday")]:
        d = _describe(text, mention)
        assert d.title.strip()


def test_sentence_analysis_shared_between_mentions() -> None:
    text = "On August 4, Trump announced that his envoy would visit Moscow on Wednesday or Thursday."
    ni = NameIndex.from_text(text)
    a = describe(text, (0, len(text)), (3, 11), names=ni)
    w = text.index("Wednesday")
    b = describe(text, (0, len(text)), (w, w + 9), names=ni)
    t = text.index("Thursday")
    c = describe(text, (0, len(text)), (t, t + 8), names=ni)
    assert (a.status, b.status, c.status) == ("reported", "planned", "planned")
    assert "Thursday" not in b.title and "Wednesday" not in c.title
    assert len(ni._cache) == 1


def test_odd_offsets_do_not_raise() -> None:
    text = "Trump spoke on Monday.\u00a0It was brief."
    d = describe(text, (0, 22), (15, 21))
    assert isinstance(d, Description)
    d2 = describe(text, (0, 5), (15, 21))  # mention outside the sentence
    assert d2.title


STRUCTURE_CASES = [
    # (text, mention, title must start with, actors exactly)
    ("Key dates: Trump takes office on January 20; talks in Riyadh on February 18.", "February 18",
     "Talks in Riyadh", []),
    ("Asked on Monday whether he would meet Zelensky, Putin said such a meeting was possible only "
     "at the final stage.", "Monday", "Putin: such a meeting", ["Putin"]),
    ("The meeting between Putin and Witkoff, which lasted almost five hours, ended late on Thursday.",
     "Thursday", "The meeting between Putin and Witkoff ends", ["Putin", "Witkoff"]),
    ("Trump, who spoke with Putin for two hours on Tuesday, later told reporters the call went well.",
     "Tuesday", "Trump speaks with Putin", ["Trump", "Putin"]),
    ("Trump's special envoy Steve Witkoff arrived in Moscow on Wednesday morning.", "Wednesday",
     "Witkoff arrives in Moscow", ["Steve Witkoff"]),
    ("Putin could announce a new offensive as early as next month, according to Western intelligence.",
     "next month", "Putin could announce a new offensive", ["Putin"]),
    ("The ruble fell sharply after the Central Bank raised rates on Friday.", "Friday",
     "Central Bank raises rates", ["Central Bank"]),
    ("Before the talks resumed on Monday, Ukraine released a list of demands.", "Monday",
     "The talks resume", []),
    ("When Trump called Putin on March 18, the two leaders discussed a ceasefire.", "March 18",
     "Trump calls Putin", ["Trump", "Putin"]),
    ("Sybiha met Rubio in Washington on Tuesday and discussed air defence.", "Tuesday",
     "Sybiha meets Rubio in Washington and discusses air defence", ["Sybiha", "Rubio"]),
    ("Monday's talks in Geneva ended without agreement.", "Monday",
     "Talks in Geneva end without agreement", []),
    ("Reuters cited five sources as saying Putin had grown concerned about the economy on January 23.",
     "January 23", "Putin had grown concerned about the economy", ["Putin"]),
    ("Former President Joe Biden spoke with Zelensky on Tuesday.", "Tuesday",
     "Biden speaks with Zelensky", ["Joe Biden", "Zelensky"]),
    ("Germany's Chancellor Friedrich Merz visited Kyiv on May 10 with Macron, Starmer and Tusk.", "May 10",
     "Merz visits Kyiv with Macron, Starmer and Tusk", ["Friedrich Merz", "Macron", "Starmer", "Tusk"]),
    ("Donald Trump Jr. arrived in Moscow on Friday.", "Friday", "Trump Jr arrives in Moscow",
     ["Donald Trump Jr"]),
    ("Intel said it had corrected the problems and would start producing new chips next week.",
     "next week", "Intel will start producing new chips", ["Intel"]),
    ("Putin and Trump spoke by phone and agreed to meet in Budapest in October.", "October",
     "Putin and Trump agree to meet in Budapest", ["Putin", "Trump"]),
    ("Many worried that the talks would fail on Friday.", "Friday", "The talks will fail", []),
    ("Russian and American officials met in Istanbul on February 27 to discuss their embassies.",
     "February 27", "Russian and American officials meet in Istanbul", ["Russian and American officials"]),
    ("Congress has not yet voted on the Graham bill, which was introduced in April.", "April",
     "The Graham bill is introduced", []),
    ("The Kremlin confirmed on Tuesday that Putin and Trump would hold a phone call later that day.",
     "Tuesday", "Kremlin confirms Putin and Trump will hold a phone call", ["the Kremlin"]),
]


@pytest.mark.parametrize("text,mention,start,actors", STRUCTURE_CASES,
                         ids=[str(i) for i in range(len(STRUCTURE_CASES))])
def test_clause_structure(text: str, mention: str, start: str, actors: list[str]) -> None:
    m0 = text.index(mention)  # each text is one sentence
    d = describe(text, (0, len(text)), (m0, m0 + len(mention)), names=NameIndex.from_text(text))
    assert d.title.startswith(start), d.title
    assert d.actors == actors, d.actors


def test_random_offsets_never_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import timeline.semantics as sem

    monkeypatch.setattr(sem, "_STRICT", True)
    texts = [c[0] for c in STATUS_CASES] + [c[0] for c in ACTOR_CASES] + [
        "“Quote” — dash; semi: colon (paren) [bracket] … end,", "A", "", "   \n\n  ", "May may May.",
        "He said: “On Monday.” She did not.", "U.S.-Russia talks, Jan. 5, 2025, 10 a.m."]
    text = "\n".join(texts)
    names = NameIndex.from_text(text)
    rng = random.Random(7)
    for _ in range(3000):
        a = rng.randrange(len(text) + 1)
        b = min(len(text), a + rng.randrange(0, 200))
        c = rng.randrange(a, b + 1)
        d = min(b, c + rng.randrange(0, 15))
        out = describe(text, (a, b), (c, d), names=names)
        assert out.title and out.status in STATUSES


def test_line_breaks_are_hard_breaks() -> None:
    text = ("Putin Offers Limited Concessions\n\nOn March 18, Putin agreed to a pause in strikes "
            "during a call with Trump.")
    m0 = text.index("March 18")
    d = describe(text, (0, len(text)), (m0, m0 + 8), names=NameIndex.from_text(text))
    assert d.title.startswith("Putin agrees to a pause in strikes"), d.title
    assert "Concessions" not in d.title
    text = "Background:\n- On August 4, Trump announced that Witkoff would visit Moscow."
    m0 = text.index("August 4")
    d = describe(text, (0, len(text)), (m0, m0 + 8), names=NameIndex.from_text(text))
    assert d.title == "Trump announces Witkoff will visit Moscow", d.title


def test_it_after_an_organisation() -> None:
    text = "The Kremlin rejected the plan. It said on Monday that the proposal was unacceptable."
    m0 = text.index("Monday")
    d = describe(text, (text.index("It"), len(text)), (m0, m0 + 6), names=NameIndex.from_text(text))
    assert d.actors == ["the Kremlin"]
    assert d.title == "Kremlin: the proposal is unacceptable"


def test_title_of_a_bare_date_line_keeps_its_words() -> None:
    text = "via March 3rd 2025"
    d = describe(text, (0, len(text)), (4, len(text)), names=NameIndex.from_text(text))
    assert d.title == "Via March 3rd 2025"


def test_tokens_are_those_of_the_pattern_over_the_whole_text() -> None:
    """_tokens cuts at white space first and tokenises the pieces (most by a fast path):
    the tokens and offsets must be those of _TOKEN_SPLIT_RE over the whole slice, the
    kinds and capitals those of the tokens' first characters."""
    import random
    from itertools import accumulate

    from timeline import semantics

    def reference(text: str, start: int, end: int) -> tuple:
        pieces = semantics._TOKEN_SPLIT_RE.split(text[start:end])
        offsets = list(accumulate(map(len, pieces), initial=start))
        toks = pieces[1::2]
        kinds = tuple(not ("0" <= t[0] <= "9" or "A" <= t[0] <= "Z" or "a" <= t[0] <= "z") for t in toks)
        return tuple(toks), tuple(offsets[1:-1:2]), tuple(offsets[2::2]), kinds, tuple(t[0].isupper() for t in toks)

    parts = list("aB9Z_ .,'’-&+/\n\t\u00a0\u2009“”—–é日()$%\x1c\x85ÉⒶ") + [
        "U.S.", "Inc.", "--", "word", "A.", "Mr", "2025,", "(AP)", "_x", "x_"]
    rnd = random.Random(7)
    for _ in range(20000):
        text = "ab " + "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 20)))
        start = rnd.randint(0, 4)
        assert semantics._tokens(text, start, len(text)) == reference(text, start, len(text)), text
