"""Reading like an editor: quotes over sentences and paragraphs, names apart from roles,
reported speech, short inputs and the size refusal (speed is in benchmarks/)."""

from __future__ import annotations

import pytest

from claimtrack.extraction import (
    MAX_ARTICLE_CHARS,
    InputError,
    extract_candidates,
    prepare_article,
)
from claimtrack.extraction.attribution import attribute_sentences
from claimtrack.extraction.sentences import split_sentences


def _claimants(body: str, language: str) -> dict[str, str | None]:
    sentences = split_sentences(body, language)
    paragraphs = [body.count("\n", 0, s.start) for s in sentences]
    found, _ = attribute_sentences([s.text for s in sentences], language, "Blatt", paragraphs)
    return {s.text: a.claimant for s, a in zip(sentences, found, strict=True)}


def test_a_two_sentence_quote_belongs_to_the_speaker_named_after_it() -> None:
    body = (
        "Der ehemalige US-Botschafter in Aserbaidschan, Robert Cekuta, ist der Ansicht, dass "
        "Moskau den Einsatz vorbereitet habe.\n"
        "„Was wir jetzt sehen, ist illegal. Wie würde die Gemeinschaft reagieren?“, sagte "
        "Experte Peter Theis.\n"
        "Cekuta fügte hinzu, der Kreml nutze die Lage."
    )
    got = _claimants(body, "de")
    assert got["„Was wir jetzt sehen, ist illegal."] == "Peter Theis"  # not Cekuta, no role
    assert (
        got["Wie würde die Gemeinschaft reagieren?“, sagte Experte Peter Theis."] == "Peter Theis"
    )
    assert got["Cekuta fügte hinzu, der Kreml nutze die Lage."] == "Robert Cekuta"
    assert got[body.split("\n")[0]] == "Robert Cekuta"


def test_a_quote_over_two_paragraphs_and_the_subjunctive_continue_the_speaker() -> None:
    body = (
        "Richard E. Hoagland, ehemaliger Co-Vorsitzender der Minsk-Gruppe der OSZE, teilte mit, "
        "es sei überraschend. Die Charta lasse keine Einmischung zu.\n"
        "„Elf der zwölf Monate waren zu warm.\n"
        "Nur der April lag unter dem Mittel“, sagte Becker."
    )
    got = _claimants(body, "de")
    assert got["Die Charta lasse keine Einmischung zu."] == "Richard E. Hoagland"
    assert got["„Elf der zwölf Monate waren zu warm."] == "Becker"


def test_english_quote_reopened_in_each_paragraph() -> None:
    body = (
        '"What we are seeing is not a blip. It is a pattern.\n'
        '"The ocean has absorbed heat," said Dr Caroline Holmes, a scientist at the survey.\n'
        "Professor Ted Maksym of the Woods Hole Oceanographic Institution said variability could "
        "explain part of it."
    )
    got = _claimants(body, "en")
    assert got['"What we are seeing is not a blip.'] == "Caroline Holmes"
    assert got["It is a pattern."] == "Caroline Holmes"
    assert got[body.split("\n")[2]] == "Ted Maksym"


@pytest.mark.parametrize(
    ("language", "body", "sentence", "claimant"),
    [
        ("de", "Energie war nach Angaben der Statistiker 3,2 Prozent billiger.", None, "Statistiker"),
        ("de", "Nach Schätzungen des Bundesverbands Wärmepumpe wurden 236.000 Geräte verkauft.",
         None, "Bundesverband Wärmepumpe"),
        ("de", "Nach AIU-Angaben sind 81 Athleten gesperrt.", None, "AIU"),
        ("de", "Wie die Verkehrsbetriebe am Freitag mitteilten, steigen die Kosten.", None,
         "Verkehrsbetriebe"),
        ("en", "Waiting lists grew to 84,000, according to figures from NHS England.", None,
         "NHS England"),
        ("en", "Myrtle Grant, a tax partner at Grant Lyle, said many were pensioners.", None,
         "Myrtle Grant"),
        ("en", 'President Kassym-Jomart Tokayev, who blamed "terrorists", said order was restored.',
         None, "Kassym-Jomart Tokayev"),
        ("en", "Jet2 has cancelled all flights until Tuesday, the company said.", None, "Jet2"),
        ("en", "Transport minister Helen Crabtree said trains between Lancaster and Carlisle would "
         "stop.", None, "Helen Crabtree"),
    ],
)  # fmt: skip
def test_sources_and_names(language: str, body: str, sentence: str | None, claimant: str) -> None:
    assert _claimants(body, language)[sentence or body] == claimant


def test_interview_answers_belong_to_the_interviewee() -> None:
    body = (
        "Der Präsident des Mieterbundes, Lukas Siebenkotten, über Wohnungsnot.\n"
        "Wie sieht die Bilanz aus?\n"
        "Siebenkotten: Ernüchternd. 2022 wurden 295.000 Wohnungen fertiggestellt."
    )
    got = _claimants(body, "de")
    assert got["2022 wurden 295.000 Wohnungen fertiggestellt."] == "Lukas Siebenkotten"
    assert got["Wie sieht die Bilanz aus?"] == "Blatt"
    assert _claimants("Korrektur: Der Brand brach am Montag aus.", "de") == {
        "Korrektur: Der Brand brach am Montag aus.": "Blatt"
    }
    assert _claimants("Die Polizei: 300 Menschen wurden festgenommen.", "de") == {
        "Die Polizei: 300 Menschen wurden festgenommen.": "Polizei"
    }


def test_role_reference_resolves_to_the_person_named_with_that_role() -> None:
    body = (
        "Bauministerin Klara Geywitz verteidigte den Entwurf. Ab 2024 müsse jede Heizung zu 65 "
        "Prozent erneuerbar sein, sagte die SPD-Politikerin."
    )
    got = _claimants(body, "de")
    assert got[split_sentences(body, "de")[1].text] == "Klara Geywitz"


def test_rhetorical_question_inside_a_quote_ranks_below_the_claim() -> None:
    body = (
        "„Was wir jetzt in Kasachstan sehen, ist illegal. Wie würde die demokratische "
        "Gemeinschaft reagieren?“, sagte Experte Peter Theis."
    )
    ranked = extract_candidates(body, "", "de", min_score=0)
    assert ranked[0].text.startswith("„Was wir")
    assert "question" in [r.code for r in ranked[-1].reasons]


@pytest.mark.parametrize(
    "text",
    [
        "Mehr als 2.000 Menschen in Almaty festgenommen",
        "Die Polizei hat 2.000 Menschen in Almaty festgenommen.",
        "BREAKING: 5,800 detained in Kazakhstan, interior ministry says #Almaty",
    ],
)
def test_a_headline_sentence_or_post_is_a_story_of_one_claim(text: str) -> None:
    for title in (None, text):  # also when the headline is given as the title too
        article = prepare_article(text, title=title)
        assert article.body == text
        found = extract_candidates(article.body, article.title, None)
        assert [c.text for c in found] == [text]
        assert found[0].start == 0 and found[0].figures


def test_too_long_or_empty_input_is_refused_with_a_message() -> None:
    with pytest.raises(InputError, match="article text is 143,999 characters"):
        prepare_article("Die Polizei nahm 2.000 Menschen in Almaty fest. " * 3_000)
    with pytest.raises(InputError, match="pasted text has 2,400,000 characters in 1 lines"):
        prepare_article("Die Polizei nahm 2.000 Menschen in Almaty fest. " * 50_000)
    with pytest.raises(InputError, match="in 25,000 lines"):
        prepare_article("a\n" * 24_999 + "a")
    with pytest.raises(InputError, match="no article text"):
        prepare_article("12 34 -- ##")
    assert MAX_ARTICLE_CHARS >= 100_000
