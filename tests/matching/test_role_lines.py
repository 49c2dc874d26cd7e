"""A role reversal as the desk reads it, in the page's language (``web.match_reasons``)."""

from __future__ import annotations

from flask import Flask, g
from flask_babel import force_locale

from claimtrack.matching.prepare import prepare
from claimtrack.matching.reasons import conflicts
from claimtrack.web.match_reasons import conflict_lines


def _reversal() -> list[dict]:
    a = prepare("Putin hat Medwedew als Regierungschef abgelöst.", "de")
    b = prepare("Medvedev replaced Putin as head of government.", "en")
    return [r for _, rs in conflicts(a, b) for r in rs]


def test_a_reversed_role_reads_as_who_did_what_to_whom(app: Flask):
    reasons = _reversal()
    for lang, label, text in [
        ("en", "Who did what to whom", "Medvedev replaced Putin vs Putin replaced Medvedev"),
        ("de", "Wer tat wem was", "Medvedev löste Putin ab gegenüber Putin löste Medvedev ab"),
    ]:
        with app.test_request_context("/desk/"), force_locale(lang):
            g.locale = lang
            (line,) = conflict_lines(reasons)
            assert (line.label, line.text, line.lang) == (label, text, None)


def test_another_weekday_reads_in_the_pages_language(app: Flask):
    a = prepare("Das Parlament stimmte am Montag über das Gesetz ab.", "de")
    b = prepare("The parliament voted on the law on Wednesday.", "en")
    reasons = [r for _, rs in conflicts(a, b) for r in rs]
    for lang, day_a, day_b in [("en", "Monday", "Wednesday"), ("de", "Montag", "Mittwoch")]:
        with app.test_request_context("/desk/"), force_locale(lang):
            g.locale = lang
            (line,) = conflict_lines(reasons)
            assert day_a in line.text and day_b in line.text


def test_another_name_and_another_rank_read_in_the_pages_language(app: Flask):
    a = prepare(
        "Die Kartellbehörde hat gegen Siemens eine Strafe von 5 Millionen Euro verhängt.", "de"
    )
    b = prepare("The competition authority fined Philips 5 million euros over price fixing.", "en")
    c = prepare("Die Grünen sind in Bremen zweitstärkste Kraft geworden.", "de")
    d = prepare("Die Grünen sind in Bremen stärkste Kraft geworden.", "de")
    reasons = [r for x, y in ((a, b), (c, d)) for _, rs in conflicts(x, y) for r in rs]
    for lang, name, rank in [("en", "Name", "Rank"), ("de", "Name", "Rang")]:
        with app.test_request_context("/desk/"), force_locale(lang):
            g.locale = lang
            lines = {line.label: line for line in conflict_lines(reasons)}
            assert "Siemens" in lines[name].text and "Philips" in lines[name].text
            assert "1" in lines[rank].text and "2" in lines[rank].text
            assert lines[name].lang is None and lines[rank].lang is None


def test_a_reversed_stake_reads_in_the_pages_language(app: Flask):
    a = prepare("Nordbank has raised its stake in Quandix to 30 percent, the lender said.", "en")
    b = prepare("Quandix has raised its stake in Nordbank to 30 percent, the lender said.", "en")
    reasons = [r for _, rs in conflicts(a, b) for r in rs]
    for lang, wording in [("en", "Nordbank holds a stake in Quandix"),
                          ("de", "Nordbank ist an Quandix beteiligt")]:  # fmt: skip
        with app.test_request_context("/desk/"), force_locale(lang):
            g.locale = lang
            (line,) = conflict_lines(reasons)
            assert wording in line.text and line.lang is None


def test_a_takeover_and_a_transfer_reversed_read_in_the_pages_language(app: Flask):
    pairs = [
        ("BASF will Lanxess übernehmen.", "Lanxess will BASF übernehmen."),
        (
            "Jude Bellingham wechselt von Dortmund zu Real Madrid.",
            "Jude Bellingham wechselt von Real Madrid zu Dortmund.",
        ),
    ]
    reasons = [
        r for a, b in pairs for _, rs in conflicts(prepare(a, "de"), prepare(b, "de")) for r in rs
    ]
    for lang, takeover, move in [
        (
            "en",
            "BASF took over Lanxess vs Lanxess took over BASF",
            ("a move from Dortmund to Real", "a move from Real to Dortmund"),
        ),
        (
            "de",
            "BASF übernahm Lanxess gegenüber Lanxess übernahm BASF",
            ("ein Wechsel von Dortmund zu Real", "ein Wechsel von Real zu Dortmund"),
        ),
    ]:
        with app.test_request_context("/desk/"), force_locale(lang):
            g.locale = lang
            first, second = conflict_lines(reasons)
            assert first.text == takeover and first.lang is None
            assert all(m in second.text for m in move) and second.lang is None


def test_names_keep_their_capitals_in_the_reasons(app: Flask):
    a = prepare("Der Bundestag hat das Gesetz am Freitag beschlossen.", "de")
    b = prepare("Der Bundesrat hat das Gesetz am Freitag beschlossen.", "de")
    c = prepare("Die CDU fordert ein Tempolimit.", "de")
    d = prepare("Die SPD fordert ein Tempolimit.", "de")
    e = prepare("Russia has closed its border crossings with Finland.", "en")
    f = prepare("Finland has closed its border crossings with Russia.", "en")
    reasons = [r for x, y in ((a, b), (c, d), (e, f)) for _, rs in conflicts(x, y) for r in rs]
    with app.test_request_context("/desk/"), force_locale("de"):
        g.locale = "de"
        chambers, parties, border = conflict_lines(reasons)
        assert chambers.text == "Bundesrat gegenüber Bundestag"
        assert parties.text == "CDU gegenüber SPD"
        assert "Finland schloss oder öffnete die Grenze zu Russia" in border.text
