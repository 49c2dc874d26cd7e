"""Fixture pages: the body is the article alone and the metadata is right."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.extraction import (
    InputError,
    clean_pasted_text,
    decode_bytes,
    detect_language,
    extract_html,
    looks_like_html,
)

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"

DE_PASTED_BODY = [
    "Bei den Protesten am 4. Januar hat die Polizei in Almaty nach eigenen Angaben mehr als 2.000 "
    "Menschen festgenommen. Das teilte ein Sprecher des Innenministeriums am Mittwoch mit.",
    "Innenministerin Maria Berger sagte, die Demonstrationen seien illegal gewesen. „Wer Polizisten "
    "angreift, verstößt gegen das Gesetz“, sagte sie.",
    "Was sagen die Veranstalter?",
    "Nach Angaben der Veranstalter nahmen rund 15.000 Menschen an den Kundgebungen teil. Experten "
    "halten die Zahl der Festnahmen für zu hoch.",
    "Die Proteste hatten sich an einer Verdopplung der Gaspreise entzündet, die zu Unruhen in "
    "mehreren Städten führte. Ob die Regierung die Preise wieder senken wird, ist unklar.",
]
EN_PASTED_BODY = [
    "More than 1,200 people were arrested on Tuesday after protests near the border crossing, "
    "police said in a statement.",
    '"The protests were unlawful and violated the emergency order," said Interior Minister Tom '
    "Baker. He added that 45 officers had been injured.",
    "According to the organisers, about 8,000 people took part, twice as many as last year.",
    "Critics say the new emergency law led to the escalation. Observers expect further "
    "demonstrations next week?",
]


def test_german_pasted_page() -> None:
    page = clean_pasted_text((PAGES / "de_pasted_tagesblatt.txt").read_text("utf-8"))
    assert page.title == "Polizei: Mehr als 2.000 Festnahmen bei Protesten in Almaty"
    assert page.body.split("\n") == DE_PASTED_BODY
    assert page.byline == "Anna Schmidt"
    assert page.dateline == "Stand: 05.01.2022 10:14 Uhr"
    assert page.published == "2022-01-05"
    assert page.outlet == "Tagesblatt"  # from "© 2022 Tagesblatt Verlag GmbH"


def test_english_pasted_page() -> None:
    page = clean_pasted_text((PAGES / "en_pasted_daily.txt").read_text("utf-8"))
    assert page.title == "Police say 1,200 arrested after border protests"
    assert page.body.split("\n") == EN_PASTED_BODY
    assert page.byline == "Jane Miller, Chief Correspondent"
    assert page.published == "2022-01-12"
    assert page.outlet == "The Daily Example"


@pytest.mark.parametrize(
    ("name", "title", "published", "first", "last", "lines"),
    [
        (
            "de_pasted_wochenblatt.txt",
            "Präsident Tokajew: Mehr als 160 Tote bei Protesten",
            "2022-01-09",
            "Kasachstans Präsident spricht von einem Putschversuch.",
            "Zuvor hatte das Innenministerium 5.800 Festnahmen gemeldet.",
            4,
        ),
        (
            "en_pasted_broadcaster.txt",
            "Kazakhstan unrest: Dozens of protesters killed, police say",
            "2022-01-06",
            "Dozens of anti-government protesters have been killed",
            '"This is an attack on our state," Mr Tokayev said in a televised address.',
            4,
        ),
    ],
)
def test_pasted_pages_with_captions_paywall_notes_and_topic_lists(
    name: str, title: str, published: str, first: str, last: str, lines: int
) -> None:
    page = clean_pasted_text((PAGES / name).read_text("utf-8"))
    body = page.body.split("\n")
    assert (page.title, page.published, len(body)) == (title, published, lines)
    assert body[0].startswith(first) and body[-1] == last
    for furniture in (
        "Foto:",
        "Image caption",
        "Sicherheitskräfte in Almaty",
        "stormed",
        "Abonnement",
    ):
        assert furniture not in page.body


def test_reader_comments_are_not_article_text() -> None:
    text = "\n".join(
        [
            "Titel der Meldung über Gaspreise",
            "Die Gaspreise sind im Februar um 40 Prozent gestiegen, teilte das Amt mit.",
            "Kommentare (2)",
            "Leser123: Das glaube ich nicht, die Preise sind doch viel stärker gestiegen.",
            "Anna_K: Die Regierung hätte viel früher handeln müssen, das ist ein Skandal.",
        ]
    )
    assert clean_pasted_text(text).body == (
        "Die Gaspreise sind im Februar um 40 Prozent gestiegen, teilte das Amt mit."
    )


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("© 2022 Tagesblatt Verlag GmbH & Co. KG", "Tagesblatt"),
        ("Copyright (c) 2021-2023 Nordkurier Mediengruppe", "Nordkurier"),
        ("Copyright © 2022 The Daily Example, all rights reserved", "The Daily Example"),
        ("© Reuters 2022", "Reuters"),
        ("Foto: © dpa", ""),  # an undated credit is a photo's, not the outlet's
        ("Alle Rechte vorbehalten", ""),
    ],
)
def test_outlet_from_the_copyright_footer(footer: str, outlet: str) -> None:
    text = f"Ein Titel für die Meldung\nDie Polizei nahm am Montag 20 Menschen fest.\n{footer}"
    assert clean_pasted_text(text).outlet == outlet


def test_given_title_is_used_and_removed_from_body() -> None:
    text = "Menü\nMein Titel hier\nDer Artikel beginnt mit einem langen Satz über die Lage.\n"
    page = clean_pasted_text(text, title="Mein Titel hier")
    assert (page.title, page.body) == (
        "Mein Titel hier",
        "Der Artikel beginnt mit einem langen Satz über die Lage.",
    )


def test_teaser_list_with_sentences_is_dropped_but_article_resumes() -> None:
    text = "\n".join(
        [
            "Titel der Geschichte über Preise",
            "Die Preise sind im Januar um fünf Prozent gestiegen, teilte das Amt mit.",
            "Lesen Sie auch",
            "Wie Sie beim Heizen sparen",
            "Ein Überblick über die besten Tipps.",
            "Das Statistikamt rechnet für Februar mit einem weiteren Anstieg der Preise.",
            "Vor allem Energie wurde teurer, sagte eine Sprecherin des Amtes am Montag.",
            "Mehr zum Thema",
            "Strompreise: Was jetzt gilt",
            "Ein Überblick für Verbraucher.",
            "Heizkosten steigen weiter",
            "Eine Analyse der Lage.",
        ]
    )
    body = clean_pasted_text(text).body.split("\n")
    assert body == [
        "Die Preise sind im Januar um fünf Prozent gestiegen, teilte das Amt mit.",
        "Das Statistikamt rechnet für Februar mit einem weiteren Anstieg der Preise.",
        "Vor allem Energie wurde teurer, sagte eine Sprecherin des Amtes am Montag.",
    ]


@pytest.mark.parametrize(
    ("lines", "article"),
    [
        (
            [
                "Hochwasser: Regierung beziffert Schäden",
                "Die Regierung in Ljubljana hat die Schäden durch das Hochwasser auf mindestens "
                "500 Millionen Euro geschätzt.",
                "Mehr zum Thema",
                "Unwetter in Österreich: Pegel steigen weiter",
                "Kroatien meldet Erdrutsche an der Küste",
                "Nach Angaben des Zivilschutzes mussten rund 8.000 Menschen ihre Häuser verlassen.",
                "Lesen Sie auch",
                "Klimaforscher warnen vor häufigeren Starkregen",
                "Die Regierung will Hilfen beantragen. Ein Sprecher kündigte einen Antrag an.",
                "Impressum | Datenschutz",
            ],
            [1, 5, 8],
        ),
        (
            [
                "Floods: thousands leave their homes",
                "More than 3,000 people have left their homes in Cumbria after two days of rain.",
                "Related stories",
                "Storm season: what you need to know",
                "Insurers brace for record claims",
                "Cumbria County Council said 40 bridges had been closed.",
                "More on this story",
                "Why are floods getting worse?",
                "Network Rail said services through Cumbria would stay suspended until Friday.",
            ],
            [1, 5, 8],
        ),
    ],
)
def test_paragraph_between_two_link_lists_is_article_text(
    lines: list[str], article: list[int]
) -> None:
    """A paragraph pasted between two lists of other stories' headlines is the article's when
    it reads like article prose (a reporting cue, a second sentence, a name the story used,
    under a list of bare headlines); the headlines themselves stay out."""
    body = clean_pasted_text("\n".join(lines)).body.split("\n")
    assert body == [lines[i] for i in article]


def test_teaser_blurbs_under_a_kicker_and_headline_stay_out() -> None:
    text = "\n".join(
        [
            "Titel der Geschichte über Preise",
            "Die Preise sind im Januar um fünf Prozent gestiegen, teilte das Amt mit.",
            "Mehr zum Thema",
            "Energie",
            "Strompreise: Was jetzt gilt",
            "Ein Überblick für Verbraucher mit allen wichtigen Fragen und Antworten.",
            "Heizen",
            "So sparen Sie beim Heizen",
            "Die besten Tipps für den Winter.",
        ]
    )
    assert clean_pasted_text(text).body.split("\n") == [
        "Die Preise sind im Januar um fünf Prozent gestiegen, teilte das Amt mit."
    ]


@pytest.mark.parametrize(
    ("name", "title", "outlet", "byline", "published", "url", "first", "last"),
    [
        (
            "de_saved_nordkurier.html",
            "Gaspreise: Regierung bestätigt Anstieg um 40 Prozent",
            "Nordkurier Beispiel",
            "Jonas Weber",
            "2022-03-10",
            "https://www.nordkurier.example/wirtschaft/gaspreise-anstieg-101.html",
            "Die Preise für Gas sind im Februar so stark gestiegen wie noch nie seit Beginn der "
            "Erhebung.",
            "Verbraucherschützer halten die Entlastungen der Regierung für unzureichend. Vielleicht "
            "sinken die Preise im Sommer wieder.",
        ),
        (
            "en_saved_daily.html",
            "Government says 3,000 troops sent to flood areas",
            "The Daily Example",
            "Sarah Collins",
            "2023-11-14",
            "https://www.dailyexample.example/news/uk-floods-troops",
            "The government has sent 3,000 troops to areas hit by flooding in Yorkshire, the "
            "defence ministry said on Monday.",
            "Forecasters expect more rain next week.",
        ),
    ],
)
def test_saved_html_pages(
    name: str,
    title: str,
    outlet: str,
    byline: str,
    published: str,
    url: str,
    first: str,
    last: str,
) -> None:
    html = decode_bytes((PAGES / name).read_bytes())
    assert looks_like_html(html)
    page = extract_html(html)
    assert (page.title, page.outlet, page.byline, page.published, page.url) == (
        title,
        outlet,
        byline,
        published,
        url,
    )
    lines = page.body.split("\n")
    assert (lines[0], lines[-1], len(lines)) == (first, last, 4)
    for furniture in ("Mehr zum Thema", "Latest news", "Impressum", "Privacy", "Startseite", "©"):
        assert furniture not in page.body


def test_windows_1252_page_is_decoded_by_its_meta_charset() -> None:
    html = decode_bytes((PAGES / "de_saved_nordkurier.html").read_bytes())
    assert "„Mehr als 1,5 Mio. Haushalte heizen mit Gas“" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"%PDF-1.7 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"abc\x00def" * 10, "binary"),
        ('<meta charset="utf-8"><p>Gr\xfc\xdfe</p>'.encode("latin-1"), "cannot be decoded"),
    ],
)
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_html_without_article_text() -> None:
    with pytest.raises(InputError, match="no article text"):
        extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polizei: Mehr als 2.000 Festnahmen", "de"),
        ("More than 2,000 arrests after protests", "en"),
        ("Die Regierung hat die Steuern erhöht.", "de"),
        ("", "de"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


_P1 = (
    "Die Polizei hat am Montag in Almaty mehr als 2.000 Menschen festgenommen, sagte ein Sprecher."
)
_P2 = "Die Proteste hatten sich an den Gaspreisen entzündet, teilte die Regierung am Dienstag mit."


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Festnahmen in Almaty", "Von Anna Schmidt, dpa", _P1, _P2], "dpa"),
        (["Festnahmen in Almaty", _P1, _P2, "© dpa-infocom, dpa:230807-99-123456/3"], "dpa"),
        (["Festnahmen in Almaty", _P1, _P2, "(dpa/AFP)", "Mehr Nachrichten"], "dpa/AFP"),
        (["Festnahmen in Almaty", f"Almaty (dpa/lhe) - {_P1}", _P2], "dpa"),
        (
            [
                "Floods close roads",
                "LONDON (Reuters) - More than 3,000 people left their homes, officials said.",
                "The Environment Agency said 40 flood warnings were in force on Tuesday.",
                "(c) Reuters",
            ],
            "Reuters",
        ),
        (["Floods close roads", "By Jane Doe, Associated Press", _P1], "AP"),
        (
            [
                "Senate approves aid",
                _P1,
                "Copyright 2024 The Associated Press. All rights reserved.",
            ],
            "AP",
        ),
        (["Kirchenaustritte", f"Bonn (KNA) {_P1}", _P2], "KNA"),
        # the notice closes the article even when teaser lists sit between
        (
            [
                "Festnahmen in Almaty",
                _P1,
                _P2,
                "Mehr zum Thema",
                "Gaspreise: Was Sie jetzt wissen müssen",
                "Regierung tritt nach Protesten zurück",
                "© dpa-infocom, dpa:260314-99-123456/3",
                "Impressum Datenschutz Kontakt",
            ],
            "dpa",
        ),
        (
            [
                "Blast at chemical park",
                "By Maria Martinez",
                "BERLIN, March 14 (Reuters) - An explosion killed two people, the fire brigade said.",
                "Reporting by Maria Martinez; Editing by Tom Hogue",
                "Our Standards: The Thomson Reuters Trust Principles.",
            ],
            "Reuters",
        ),
        # the page's own dated notice names where the story appeared
        (
            ["Festnahmen in Almaty", "Von Anna Schmidt, dpa", _P1, "© 2022 Tagesblatt Verlag GmbH"],
            "Tagesblatt",
        ),
        # a photo credit under a caption, before or inside the article, is no outlet
        (["Festnahmen in Almaty", "Demonstranten in Almaty am 4. Januar.", "© dpa", _P1, _P2], ""),
        (["Festnahmen in Almaty", _P1, "Demonstranten in Almaty am 4. Januar.", "© dpa", _P2], ""),
        (["Floods close roads", "By Tom Avery, Court Reporter", _P1, _P2], ""),
    ],
)
def test_outlet_from_an_agency_byline_credit_or_notice(lines: list[str], outlet: str) -> None:
    """Agency copy names its agency in the byline, the dateline, a credit line or an undated
    notice; with no dated notice of the page's own, that agency is the outlet."""
    assert clean_pasted_text("\n".join(lines)).outlet == outlet


def test_an_agency_dateline_is_cut_from_the_first_paragraph() -> None:
    """ "BERLIN, March 14 (Reuters) - " says where, when and who: it is the dateline, and the
    first claim starts after it."""
    page = clean_pasted_text(
        "\n".join(
            [
                "Blast at chemical park kills two",
                "By Maria Martinez",
                "BERLIN, March 14 (Reuters) - An explosion at a chemical park killed two people "
                "on Tuesday, the fire brigade said.",
                "The operator said the cause of the blast was not yet known.",
            ]
        )
    )
    assert page.body.split("\n")[0].startswith("An explosion at a chemical park")
    assert (page.dateline, page.outlet, page.byline) == (
        "BERLIN, March 14 (Reuters)",
        "Reuters",
        "Maria Martinez",
    )
    german = clean_pasted_text(f"Festnahmen in Almaty\nAlmaty (dpa) - {_P1}\n{_P2}")
    assert german.body.split("\n")[0] == _P1
    # a place in brackets that is no agency stays text
    other = (
        "Leverkusen (NRW) - Die Feuerwehr hat am Dienstag 17 Verletzte gezählt, sagte ein Sprecher."
    )
    assert clean_pasted_text(f"Explosion\n{other}\n{_P2}").body.split("\n")[0] == other


def test_headline_with_a_year_is_no_dateline_and_an_article_by_line_is_a_byline() -> None:
    """A year alone ("bis 2029") makes no dateline, so the headline under a kicker line is the
    title and the real dateline below gives the date; "Ein Artikel von …" is a byline."""
    page = clean_pasted_text(
        "\n".join(
            [
                "Politik",
                "Bundeswehr",
                "Pistorius will 20.000 zusätzliche Soldaten bis 2029",
                "Der Verteidigungsminister plant eine Aufstockung. Die Union hält das für zu wenig.",
                "26.11.2026, 18.12 Uhr",
                "Ein Artikel von Markus Becker und Anna Weber",
                "Verteidigungsminister Boris Pistorius will die Bundeswehr bis 2029 um 20.000 "
                "Soldatinnen und Soldaten vergrößern, sagte er am Mittwoch in Berlin.",
            ]
        )
    )
    assert (page.title, page.published, page.byline) == (
        "Pistorius will 20.000 zusätzliche Soldaten bis 2029",
        "2026-11-26",
        "Markus Becker und Anna Weber",
    )


def test_a_question_under_a_list_heading_is_a_teaser_headline() -> None:
    """Teasers are often questions ("Why is the NHS waiting list so long?"): under a list
    heading a question is a headline, and the paragraph after it is judged as any other."""
    lines = [
        "NHS waiting list falls",
        "The waiting list in England has fallen for the third month in a row, NHS England said.",
        "More on this story",
        "Why is the NHS waiting list so long?",
        "The Nuffield Trust said agency spending had risen by 40%. The charity warned it would rise.",
    ]
    assert clean_pasted_text("\n".join(lines)).body.split("\n") == [lines[1], lines[4]]


def test_a_byline_without_by_a_standfirst_and_an_inline_photo_credit_are_no_headline() -> None:
    page = clean_pasted_text(
        "\n".join(
            [
                "Skip to main content",
                "UK politics",
                "Rachel Reeves confirms £40bn tax rise in first budget",
                "Chancellor says employers' national insurance contributions will rise to 15% as "
                "she pledges to 'invest, invest, invest'",
                "Rachel Reeves delivering her budget on Wednesday. Photograph: PA",
                "Pippa Crerar Political editor",
                "Wed 30 Oct 2024 15.22 GMT",
                "Rachel Reeves has announced £40bn of tax rises in the first Labour budget for 14 "
                "years, the largest increase since 1993.",
                "The chancellor told MPs that employers' national insurance contributions would rise "
                "from 13.8% to 15% from April.",
            ]
        )
    )
    assert page.title == "Rachel Reeves confirms £40bn tax rise in first budget"
    assert page.byline == "Pippa Crerar Political editor"
    assert page.published == "2024-10-30"


def test_a_dateline_with_its_agency_source_dates_the_story_and_names_the_outlet() -> None:
    page = clean_pasted_text(
        "\n".join(
            [
                "ZF streicht bis zu 14.000 Stellen in Deutschland",
                "Der Friedrichshafener Konzern will bis Ende 2028 jede vierte Stelle im Inland "
                "abbauen. Die IG Metall kündigt Widerstand an.",
                "26. Juli 2024, 11:02 Uhr | Quelle: dpa, Reuters",
                "Der Autozulieferer ZF Friedrichshafen will in Deutschland bis Ende 2028 zwischen "
                "11.000 und 14.000 Stellen streichen. Das teilte das Unternehmen am Freitag mit.",
            ]
        )
    )
    assert (page.published, page.outlet) == ("2024-07-26", "dpa/Reuters")
    assert "Quelle" not in page.body


def test_a_byline_with_the_writers_place_is_no_headline() -> None:
    page = clean_pasted_text(
        "US news\nFormer Uvalde school police chief pleads not guilty over massacre response\n"
        "By Jane Doe in Austin\nFri 28 Jun 2024 19.04 EDT\n"
        "Pete Arredondo, the former police chief of the Uvalde school district, pleaded not "
        "guilty on Thursday to 10 counts of child abandonment and endangerment, his lawyer said."
    )
    assert (
        page.title == "Former Uvalde school police chief pleads not guilty over massacre response"
    )
    assert page.published == "2024-06-28"


@pytest.mark.parametrize(
    "line",
    [
        "Associated Press writers Stefanie Dazio and Jaimie Ding contributed to this report.",
        "Mitarbeit: Anna Schmidt",
    ],
)
def test_contributor_notes_are_no_article_text(line: str) -> None:
    page = clean_pasted_text(
        "Wildfires rage across Los Angeles\n"
        "Wind-whipped wildfires tore through the Los Angeles area on Wednesday, killing at least "
        "five people, officials said.\n" + line
    )
    assert line not in page.body


def test_a_police_press_release_names_its_author_and_its_dateline_is_no_headline() -> None:
    page = clean_pasted_text(
        "\n".join(
            [
                "Startseite  Blaulicht  Polizeipräsidium Mittelhessen",
                "POL-GI: Schwerer Unfall auf der A5 - drei Verletzte, 150.000 Euro Schaden",
                "Gießen (ots) -",
                "Am Dienstagabend kam es auf der Autobahn 5 zwischen Gießen-Nord und Fernwald zu "
                "einem schweren Verkehrsunfall. Dabei wurden drei Menschen verletzt.",
                "Rückfragen bitte an:",
                "Polizeipräsidium Mittelhessen",
                "Original-Content von: Polizeipräsidium Mittelhessen - Pressestelle Gießen, "
                "übermittelt durch news aktuell",
            ]
        )
    )
    assert page.title.startswith("POL-GI: Schwerer Unfall auf der A5")
    assert page.outlet == "Polizeipräsidium Mittelhessen"
