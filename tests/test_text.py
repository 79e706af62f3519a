from timeline.text import edge_lines, normalize_for_matching, sentence_spans


def sents(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_respect_abbreviations():
    text = "Mr. Lavrov flew to Riyadh on Feb. 18. He met U.S. officials there! \u201cWas it useful?\u201d he asked."
    assert sents(text) == [
        "Mr. Lavrov flew to Riyadh on Feb. 18.",
        "He met U.S. officials there!",
        "\u201cWas it useful?\u201d he asked.",
    ]


def test_lines_are_sentences():
    text = "Headline Without Stop\n  \u2022 A bullet point\n\nBody one. Body two."
    assert sents(text) == ["Headline Without Stop", "\u2022 A bullet point", "Body one.", "Body two."]


def test_offsets_point_into_text():
    text = "  First one.   Second one?\nThird"
    for a, b in sentence_spans(text):
        assert text[a:b] == text[a:b].strip() and text[a:b]


def test_normalize_keeps_length():
    text = "\u201cNo\u201d\u00a0\u2014 it\u2019s over"
    out = normalize_for_matching(text)
    assert len(out) == len(text) and out == '"No" - it\'s over'


def test_sentences_of_one_line_by_its_bounds():
    text = "Top line.\r\nThe ferry left at dawn. It came back late.\nLast"
    a = text.index("The")
    b = text.index("\n", a)
    assert sentence_spans(text, a, b) == [(a, a + 23), (a + 24, b)]
    assert sentence_spans(text, a, a) == []
    # bounds that hold line breaks: each line on its own, as over the whole text
    assert [text[x:y] for x, y in sentence_spans(text, 0, len(text))] == sents(text)


def test_edge_lines():
    lines = [f"line {i}" for i in range(30)]
    text = "\n \n".join(lines) + "\n"
    got = [s for _, s in edge_lines(text, 12, 120)]
    assert got == lines[:12] + lines[-12:]
    assert all(text[a:a + len(s)] == s for a, s in edge_lines(text, 12, 120))
    # a short text has no tail; long lines are skipped but still counted
    assert [s for _, s in edge_lines("a\n\nb\n", 12, 120)] == ["a", "b"]
    text = "\n".join(["x" * 50, "short", "y" * 50, "end"])
    assert [s for _, s in edge_lines(text, 2, 10)] == ["short", "end"]
    assert edge_lines("\t\n  \n", 12, 120) == []
