"""Claimants in agency copy of a disaster story (German and English): sources named in the
genitive or inside a compound, estimating verbs, name particles and separable verbs."""

from __future__ import annotations

import pytest

from claimtrack.extraction.attribution import attribute_sentences
from claimtrack.extraction.speakers import tokenize


def _last(language: str, sentences: list[str]) -> tuple[str | None, str]:
    found, _ = attribute_sentences(sentences, language, "dpa")
    return found[-1].claimant, found[-1].kind


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nach Angaben des Zivilschutzes mussten mehr als 8000 Menschen ihre Häuser verlassen.",
            ("Zivilschutz", "organisation"),
        ),
        (
            "Nach Schätzungen eines Versicherungsverbandes sind die Schäden höher.",
            ("Versicherungsverband", "organisation"),
        ),
        (
            "Bei den Unwettern kamen nach Regierungsangaben mindestens sechs Menschen ums Leben.",
            ("Regierung", "organisation"),
        ),
        ("Nach Polizeiangaben wurden 40 Menschen verletzt.", ("Polizei", "organisation")),
        (
            "Nach Angaben der Sachsenenergie ist die Fernwärmeversorgung ausgefallen.",
            ("Sachsenenergie", "organisation"),
        ),
        (
            "Nach Angaben einer Reederei sind 20 Container über Bord gegangen.",
            ("Reederei", "organisation"),
        ),
        (
            "Nach Angaben der Ministerin Anna Berg sind 20 Schulen geschlossen.",
            ("Anna Berg", "person"),
        ),
        ("Nach Expertenschätzungen sind die Schäden höher.", ("Experten", "unnamed")),
    ],
)
def test_a_source_in_the_genitive_or_a_compound_is_an_organisation(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert _last("de", [sentence]) == expected


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        (
            "de",
            [
                "Am Montag hat Ministerpräsident Robert Golob die Schäden auf mindestens "
                "500 Millionen Euro geschätzt."
            ],
            ("Robert Golob", "person"),
        ),
        (
            "de",
            [
                "Ministerpräsident Robert Golob besuchte die Region.",
                "Die Schäden bezifferte er auf mehr als 500 Millionen Euro.",
            ],
            ("Robert Golob", "person"),
        ),
        (
            "de",
            ["Die Regierung hat die Schäden auf 500 Millionen Euro beziffert."],
            ("Regierung", "organisation"),
        ),
        (
            "de",
            ["Der Versicherungsverband GDV beziffert die Schäden auf 200 Millionen Euro."],
            ("GDV", "organisation"),
        ),
        ("de", ["Die Schäden wurden auf 500 Millionen Euro geschätzt."], ("dpa", "outlet")),
        (
            "en",
            ["Greenpeace estimated the damage at 500 million euros."],
            ("Greenpeace", "organisation"),
        ),
        ("en", ["An estimated 8,000 people had to leave their homes."], ("dpa", "outlet")),
    ],
)
def test_an_estimate_is_a_claim_by_its_subject(
    language: str, sentences: list[str], expected: tuple[str, str]
) -> None:
    assert _last(language, sentences) == expected


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        (
            "de",
            ["Kommissionspräsidentin Ursula von der Leyen kündigte an, die EU werde helfen."],
            ("Ursula von der Leyen", "person"),
        ),
        (
            "en",
            [
                "European Commission President Ursula von der Leyen pledged 400 million euros "
                "in aid."
            ],
            ("Ursula von der Leyen", "person"),
        ),
        ("en", ["French President Charles de Gaulle said no."], ("Charles de Gaulle", "person")),
        (
            "de",
            [
                "Die Hilfe koordiniert Kommissionspräsidentin Ursula von der Leyen.",
                "Die EU werde 400 Millionen Euro geben, sagte Leyen.",
            ],
            ("Ursula von der Leyen", "person"),
        ),
    ],
)
def test_name_particles_belong_to_the_name(
    language: str, sentences: list[str], expected: tuple[str, str]
) -> None:
    assert _last(language, sentences) == expected


def test_particles_join_a_name_only_after_a_role_or_title() -> None:
    assert tokenize("Präsident Ursula von der Leyen")[1] == "Ursula von der Leyen"
    assert tokenize("Hunderte von Menschen") == ["Hunderte", "von", "Menschen"]
    assert tokenize("Ministerin Anna Berg von der CDU")[-3:] == ["von", "der", "CDU"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Die EU-Kommission sagte Slowenien Hilfe zu.", ("EU-Kommission", "organisation")),
        ("Die EU-Kommission sagte der Ukraine Hilfe zu.", ("EU-Kommission", "organisation")),
        (
            "Die Regierung kündigte Slowenien Wiederaufbau an, es sei dringend.",
            ("Regierung", "organisation"),
        ),
        ("Am Freitag teilte die Polizei mit, es gebe Verletzte.", ("Polizei", "organisation")),
        ("Den Einsatz kündigte die Polizei an.", ("Polizei", "organisation")),
    ],
)
def test_a_separable_verb_has_its_subject_before_it(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert _last("de", [sentence]) == expected
