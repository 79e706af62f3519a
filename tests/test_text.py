from timeline.text import normalize_for_matching, sentence_spans


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
