"""Sentence splitting keeps dates, numbers, abbreviations and quotes intact."""

from __future__ import annotations

import pytest

from claimtrack.extraction.sentences import split_sentences


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "de",
            "Am 2. Januar kamen mehr als 2.000 Menschen. Danach wurde es ruhig.",
            ["Am 2. Januar kamen mehr als 2.000 Menschen.", "Danach wurde es ruhig."],
        ),
        (
            "de",
            "Er wurde am 20.01.1990 geboren. Er lebt in Berlin.",
            ["Er wurde am 20.01.1990 geboren.", "Er lebt in Berlin."],
        ),
        (
            "de",
            "Dr. Müller nannte z. B. 14 Fälle. Prof. Meier widersprach.",
            ["Dr. Müller nannte z. B. 14 Fälle.", "Prof. Meier widersprach."],
        ),
        (
            "de",
            "Berger sagte: „Das ist illegal. Wir klagen.“ Dann ging sie.",
            ["Berger sagte: „Das ist illegal. Wir klagen.“", "Dann ging sie."],
        ),
        (
            "de",
            "Die Zahl stieg auf 2,7 Mio. Euro. Im 19. Jahrhundert war das anders.",
            ["Die Zahl stieg auf 2,7 Mio. Euro.", "Im 19. Jahrhundert war das anders."],
        ),
        (
            "en",
            'He said: "We sent 1,000 troops. It was a record." Then he left.',
            ['He said: "We sent 1,000 troops. It was a record."', "Then he left."],
        ),
        (
            "en",
            "About 3.5 million people live there. Gov. Smith disagrees.",
            ["About 3.5 million people live there.", "Gov. Smith disagrees."],
        ),
        ("de", "Wer? Niemand!", ["Wer?", "Niemand!"]),
        ("de", "", []),
    ],
)
def test_split_sentences(language: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text, language)] == expected


def test_offsets_point_into_the_text_even_for_repeated_sentences() -> None:
    text = "Das ist so. Das ist so.\nNeue Zeile hier."
    sentences = split_sentences(text, "de")
    assert [text[s.start : s.end] for s in sentences] == [s.text for s in sentences]
    assert [s.start for s in sentences] == [0, 12, 24]


def test_lines_are_hard_boundaries() -> None:
    text = "Überschrift ohne Punkt\nDer erste Satz folgt."
    assert [s.text for s in split_sentences(text, "de")] == [
        "Überschrift ohne Punkt",
        "Der erste Satz folgt.",
    ]
