"""The language of a story's sentence: the story's, unless the sentence is confidently in the
other language (a quote); the guess used to check a person's language label."""

from __future__ import annotations

import pytest

from claimtrack.extraction import extract_candidates
from claimtrack.extraction.language import CONFIDENT, language_confidence, sentence_language


def test_an_english_quote_in_a_german_story_is_an_english_candidate() -> None:
    body = (
        "Die Premierministerin sprach am Montag vor dem Bundestag.\n"
        '"We will double our support to 3 billion pounds this year," she said.\n'
        "Die Opposition kritisierte, dass 1.500 Soldaten zu wenig seien."
    )
    found = {c.text: c for c in extract_candidates(body, "", "de", min_score=0.0)}
    quote = next(c for t, c in found.items() if "double our support" in t)
    german = next(c for t, c in found.items() if "Opposition" in t)
    assert (quote.language, german.language) == ("en", "de")
    assert [f.value for f in german.figures] == [1500]


def test_a_german_quote_in_an_english_story_is_a_german_candidate() -> None:
    body = (
        "The German finance minister spoke in Frankfurt on Tuesday.\n"
        "„Wir werden die Schuldenbremse in diesem Jahr nicht aussetzen“, sagte er.\n"
        "Analysts said the economy would grow by 0.3 percent."
    )
    found = extract_candidates(body, "", "en", min_score=0.0)
    quote = next(c for c in found if "Schuldenbremse" in c.text)
    assert quote.language == "de"
    assert all(c.language == "en" for c in found if c is not quote)


@pytest.mark.parametrize(
    ("sentence", "story"),
    [
        ("Elon Musk kauft Twitter für 44 Milliarden Dollar.", "de"),
        ("Deutsche Bank fined 186 million dollars over Russia sanctions.", "en"),
        ("Bayern Munich beat Real Madrid 3-1 in the Champions League.", "en"),
        ("Der Chef von Manchester United sprach von einem Fehler.", "de"),
    ],
)
def test_sentences_full_of_foreign_names_keep_the_story_language(sentence: str, story: str) -> None:
    assert sentence_language(sentence, story) == story


def test_names_make_the_guess_unsure_and_plain_text_makes_it_sure() -> None:
    assert language_confidence("Olaf Scholz meets Joe Biden in Washington.")[1] < CONFIDENT
    guessed, confidence = language_confidence(
        "Die Zahl der Arbeitslosen ist im November um 40.000 gestiegen."
    )
    assert guessed == "de" and confidence >= CONFIDENT
