"""Demo content: the unrest in Kazakhstan in January 2022, summarised by the claimtrack team.

Outlets and story texts are invented for the demo (on .example domains) and summarise widely reported
facts; no article is copied. Claims are what people said; the verdicts state what the official record
showed at the time, and one of them was corrected when the official figure changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DemoStory:
    key: str
    url: str
    outlet: str
    title: str
    language: str
    published: str  # ISO date and time, UTC
    body: str


@dataclass(frozen=True)
class DemoSource:
    url: str
    title: str
    publisher: str
    kind: str
    accessed_on: date
    archive_url: str | None = None
    note: str = ""


@dataclass(frozen=True)
class DemoVerdict:
    rating: str
    headline: str
    summary: str
    reasoning: str
    valid_as_of: date | None = None
    # (rating, headline, summary, note) of a later public correction
    correction: tuple[str, str, str, str] | None = None


@dataclass(frozen=True)
class DemoClaim:
    key: str
    text: str
    language: str
    claimant: str
    claimant_kind: str
    claim_date: date
    appearances: list[tuple[str, str]]  # (story key, quote)
    tags: list[str] = field(default_factory=list)
    status: str = "new"
    sources: list[DemoSource] = field(default_factory=list)
    verdict: DemoVerdict | None = None


STORIES = [
    DemoStory(
        "de-truppen",
        "https://tagesbericht.example/ausland/kasachstan-ovks-truppen",
        "Tagesbericht (Demo)",
        "OVKS schickt Truppen nach Kasachstan",
        "de",
        "2022-01-06T09:30:00",
        "Almaty. Nach tagelangen Protesten in Kasachstan hat das von Russland geführte Militärbündnis OVKS "
        "die Entsendung von Truppen beschlossen. Präsident Kassym-Schomart Tokajew hatte das Bündnis in der "
        "Nacht um Hilfe gebeten und die Demonstranten als „terroristische Banden“ bezeichnet. "
        "Die Proteste hatten am 2. Januar in der Ölstadt Schanaosen begonnen, nachdem sich der Preis für "
        "Flüssiggas verdoppelt hatte. Die Regierung trat am 5. Januar zurück. "
        "Ein Oppositionspolitiker sagte, die Entsendung ausländischer Truppen sei illegal, weil der "
        "Bündnisfall nur bei einem Angriff von außen gelte. "
        "Lokale Medien berichteten, in Almaty seien mehr als 2.000 Menschen festgenommen worden.",
    ),
    DemoStory(
        "en-troops",
        "https://steppe-times.example/news/csto-troops-arrive",
        "Steppe Times (demo)",
        "CSTO troops arrive in Kazakhstan as unrest spreads",
        "en",
        "2022-01-06T14:00:00",
        "ALMATY — The first troops of the Russia-led Collective Security Treaty Organization (CSTO) landed in "
        "Kazakhstan on Thursday after President Kassym-Jomart Tokayev asked the alliance for help. "
        "Protests began in Zhanaozen on January 2 after the price of liquefied gas doubled. "
        "Critics said the deployment of foreign troops was illegal because the alliance treaty covers "
        "aggression from outside, not domestic protests. "
        "More than 2,000 people were detained in Almaty, local media reported.",
    ),
    DemoStory(
        "en-shoot",
        "https://steppe-times.example/news/tokayev-shoot-without-warning",
        "Steppe Times (demo)",
        "Tokayev authorises lethal force against protesters",
        "en",
        "2022-01-07T11:00:00",
        "NUR-SULTAN — In a televised address on Friday, President Tokayev said he had ordered law enforcement "
        "and the army to open fire without warning. He rejected calls for talks with the protesters. "
        "Local media said more than 2,700 people were now in custody in Almaty.",
    ),
    DemoStory(
        "de-tote-164",
        "https://rundschau.example/politik/kasachstan-164-tote",
        "Rundschau am Abend (Demo)",
        "Kasachstan: Staatsfernsehen meldet 164 Tote",
        "de",
        "2022-01-09T18:00:00",
        "Bei den Unruhen in Kasachstan sind nach einer Meldung des Staatsfernsehens 164 Menschen getötet "
        "worden. Die Zahl wurde dem Gesundheitsministerium zugeschrieben; Behörden rückten später davon ab. "
        "Nach Angaben des Innenministeriums wurden landesweit fast 8.000 Menschen festgenommen.",
    ),
    DemoStory(
        "de-225",
        "https://tagesbericht.example/ausland/kasachstan-225-tote",
        "Tagesbericht (Demo)",
        "Generalstaatsanwaltschaft: 225 Tote bei Unruhen",
        "de",
        "2022-01-15T10:00:00",
        "Bei den Unruhen in Kasachstan sind nach Angaben der Generalstaatsanwaltschaft 225 Menschen ums Leben "
        "gekommen, darunter 19 Angehörige der Sicherheitskräfte. Die Truppen der OVKS haben mit dem Abzug "
        "begonnen; er soll bis zum 19. Januar abgeschlossen sein.",
    ),
    DemoStory(
        "en-225",
        "https://central-asia-monitor.example/2022/01/15/death-toll-225",
        "Central Asia Monitor (demo)",
        "Kazakhstan says 225 people died in January unrest",
        "en",
        "2022-01-15T12:30:00",
        "Kazakhstan's prosecutor general's office said on Saturday that 225 people died in the unrest, "
        "including 19 members of the security forces. CSTO troops began leaving the country on January 13.",
    ),
    DemoStory(
        "en-withdrawal",
        "https://central-asia-monitor.example/2022/01/19/csto-withdrawal-complete",
        "Central Asia Monitor (demo)",
        "CSTO completes withdrawal from Kazakhstan",
        "en",
        "2022-01-19T16:00:00",
        "The CSTO said on Wednesday that the last of its troops had left Kazakhstan, completing a withdrawal "
        "that began on January 13. The alliance had sent about 2,000 troops, most of them Russian.",
    ),
]

_PROSECUTOR = DemoSource(
    "https://www.gov.kz/memleket/entities/prokuror",
    "Statement on the number of deaths in the January events",
    "Generalstaatsanwaltschaft Kasachstan",
    "official_statement",
    date(2022, 1, 15),
    "https://web.archive.org/web/2022/https://www.gov.kz/memleket/entities/prokuror",
)
_CSTO = DemoSource(
    "https://en.odkb-csto.org/",
    "CSTO statements on the collective peacekeeping forces in Kazakhstan",
    "CSTO",
    "official_statement",
    date(2022, 1, 20),
    "https://web.archive.org/web/2022/https://en.odkb-csto.org/",
)
_TREATY = DemoSource(
    "https://en.odkb-csto.org/documents/",
    "Collective Security Treaty of 15 May 1992, Article 4",
    "CSTO",
    "primary_document",
    date(2022, 1, 10),
    note="Article 4: collective assistance in case of aggression against a member state.",
)
_AKORDA = DemoSource(
    "https://www.akorda.kz/en",
    "Televised address of the President of Kazakhstan, 7 January 2022",
    "Akorda (Presidential administration)",
    "primary_document",
    date(2022, 1, 7),
    "https://web.archive.org/web/2022/https://www.akorda.kz/en",
)

CLAIMS = [
    DemoClaim(
        "de-225",
        "Bei den Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen.",
        "de",
        "Generalstaatsanwaltschaft Kasachstan",
        "organisation",
        date(2022, 1, 15),
        [
            (
                "de-225",
                "Bei den Unruhen in Kasachstan sind nach Angaben der Generalstaatsanwaltschaft 225 Menschen ums Leben gekommen",
            )
        ],
        ["todesopfer", "kasachstan-2022"],
        "in_research",
        [_PROSECUTOR],
        DemoVerdict(
            "richtig",
            "Ja, die Behörden nannten 225 Tote",
            "Die Generalstaatsanwaltschaft Kasachstans gab am 15. Januar 2022 225 Tote an, darunter 19 Sicherheitskräfte.",
            "Die Zahl stammt aus einer Erklärung der **Generalstaatsanwaltschaft** vom 15. Januar 2022. "
            "Eine frühere Meldung über 164 Tote war dem Gesundheitsministerium zugeschrieben worden; "
            "die Behörden rückten später davon ab.\n\n"
            "Unabhängig überprüfen lässt sich die Zahl nicht; Menschenrechtsorganisationen forderten eine Untersuchung.",
            valid_as_of=date(2022, 1, 15),
            correction=(
                "groesstenteils-richtig",
                "Die Zahl der Toten wurde später erhöht",
                "Im Januar 2022 nannten die Behörden 225 Tote; später erhöhte die Generalstaatsanwaltschaft die Zahl auf 238.",
                "Die offizielle Zahl der Todesopfer wurde nach unserer Veröffentlichung auf 238 erhöht; Bewertung und Text angepasst.",
            ),
        ),
    ),
    DemoClaim(
        "en-225",
        "225 people died in the unrest in Kazakhstan, including 19 members of the security forces.",
        "en",
        "Prosecutor General of Kazakhstan",
        "organisation",
        date(2022, 1, 15),
        [("en-225", "225 people died in the unrest, including 19 members of the security forces")],
        ["death toll"],
        "triaged",
    ),
    DemoClaim(
        "de-164",
        "Bei den Unruhen in Kasachstan sind 164 Menschen getötet worden.",
        "de",
        "Staatsfernsehen Kasachstan",
        "organisation",
        date(2022, 1, 9),
        [
            (
                "de-tote-164",
                "Bei den Unruhen in Kasachstan sind nach einer Meldung des Staatsfernsehens 164 Menschen getötet worden.",
            )
        ],
        ["todesopfer"],
        "in_research",
        [_PROSECUTOR],
        DemoVerdict(
            "fehlender-kontext",
            "Die Zahl 164 war vorläufig und wurde zurückgezogen",
            "Die Meldung über 164 Tote wurde dem Gesundheitsministerium zugeschrieben; die Behörden rückten davon ab und nannten später 225 Tote.",
            "Die Zahl verbreitete sich am 9. Januar 2022 über das Staatsfernsehen. Sie war vorläufig; "
            "die Generalstaatsanwaltschaft nannte am 15. Januar 225 Todesopfer.",
            valid_as_of=date(2022, 1, 15),
        ),
    ),
    DemoClaim(
        "de-illegal",
        "Die Entsendung der OVKS-Truppen nach Kasachstan war illegal, weil der Bündnisfall nur bei einem Angriff von außen gilt.",
        "de",
        "Oppositionspolitiker",
        "person",
        date(2022, 1, 6),
        [
            (
                "de-truppen",
                "die Entsendung ausländischer Truppen sei illegal, weil der Bündnisfall nur bei einem Angriff von außen gelte",
            )
        ],
        ["ovks", "völkerrecht"],
        "in_research",
        [_TREATY, _CSTO],
        DemoVerdict(
            "fehlender-kontext",
            "Ob der Einsatz rechtmäßig war, ist umstritten",
            "Der OVKS-Vertrag sieht Beistand bei einer Aggression gegen ein Mitglied vor. Kasachstans Regierung bat selbst um Hilfe und sprach von Angriffen aus dem Ausland, legte dafür aber keine Belege vor.",
            "Artikel 4 des Vertrags über kollektive Sicherheit regelt den Beistand bei einer Aggression. "
            "Präsident Tokajew begründete seine Bitte mit „terroristischen Banden“, die im Ausland ausgebildet "
            "worden seien. Völkerrechtler sind uneins, ob innere Unruhen darunter fallen; die Behauptung "
            "„illegal“ lässt diesen Streit weg.",
        ),
    ),
    DemoClaim(
        "en-illegal",
        "The deployment of foreign troops in Kazakhstan was illegal because the alliance treaty covers only aggression from outside.",
        "en",
        "Critics of the deployment",
        "unknown",
        date(2022, 1, 6),
        [
            (
                "en-troops",
                "the deployment of foreign troops was illegal because the alliance treaty covers aggression from outside",
            )
        ],
        ["csto"],
    ),
    DemoClaim(
        "de-almaty-2000",
        "In Almaty wurden mehr als 2.000 Menschen festgenommen.",
        "de",
        "Lokale Medien",
        "organisation",
        date(2022, 1, 6),
        [("de-truppen", "in Almaty seien mehr als 2.000 Menschen festgenommen worden")],
        ["festnahmen"],
    ),
    DemoClaim(
        "en-almaty-2000",
        "More than 2,000 people were detained in Almaty.",
        "en",
        "Local media",
        "organisation",
        date(2022, 1, 6),
        [("en-troops", "More than 2,000 people were detained in Almaty, local media reported.")],
        ["arrests"],
    ),
    DemoClaim(
        "en-almaty-2700",
        "More than 2,700 people are now in custody in Almaty.",
        "en",
        "Local media",
        "organisation",
        date(2022, 1, 7),
        [("en-shoot", "more than 2,700 people were now in custody in Almaty")],
        ["arrests"],
    ),
    DemoClaim(
        "de-8000",
        "In Kasachstan wurden landesweit fast 8.000 Menschen festgenommen.",
        "de",
        "Innenministerium Kasachstan",
        "organisation",
        date(2022, 1, 10),
        [
            (
                "de-tote-164",
                "Nach Angaben des Innenministeriums wurden landesweit fast 8.000 Menschen festgenommen.",
            )
        ],
        ["festnahmen"],
    ),
    DemoClaim(
        "en-shoot",
        "President Tokayev ordered law enforcement and the army to open fire without warning.",
        "en",
        "Kassym-Jomart Tokayev",
        "person",
        date(2022, 1, 7),
        [("en-shoot", "he had ordered law enforcement and the army to open fire without warning")],
        ["tokayev"],
        "in_research",
        [_AKORDA],
        DemoVerdict(
            "richtig",
            "Yes, Tokayev said so in a televised address",
            "In his address of 7 January 2022 President Tokayev said he had given the order to open fire without warning.",
            "The statement is part of the televised address published by the presidential administration "
            "on 7 January 2022.",
        ),
    ),
    DemoClaim(
        "en-withdrawal",
        "CSTO troops completed their withdrawal from Kazakhstan on January 19, 2022.",
        "en",
        "CSTO",
        "organisation",
        date(2022, 1, 19),
        [
            (
                "en-withdrawal",
                "the last of its troops had left Kazakhstan, completing a withdrawal that began on January 13",
            )
        ],
        ["csto"],
        "in_research",
        [_CSTO],
        DemoVerdict(
            "richtig",
            "Yes, the withdrawal ended on 19 January",
            "The CSTO announced on 19 January 2022 that its troops had left Kazakhstan; the withdrawal began on 13 January.",
            "The alliance's own statements date the start of the withdrawal to 13 January and its end to 19 January 2022.",
        ),
    ),
    DemoClaim(
        "de-abzug",
        "Die OVKS-Truppen sollen Kasachstan bis zum 19. Januar vollständig verlassen.",
        "de",
        "OVKS",
        "organisation",
        date(2022, 1, 15),
        [
            (
                "de-225",
                "Die Truppen der OVKS haben mit dem Abzug begonnen; er soll bis zum 19. Januar abgeschlossen sein.",
            )
        ],
        ["ovks"],
    ),
    DemoClaim(
        "de-schanaosen",
        "Die Proteste begannen am 2. Januar in Schanaosen, nachdem sich der Preis für Flüssiggas verdoppelt hatte.",
        "de",
        "Tagesbericht (Demo)",
        "organisation",
        date(2022, 1, 6),
        [
            (
                "de-truppen",
                "Die Proteste hatten am 2. Januar in der Ölstadt Schanaosen begonnen, nachdem sich der Preis für Flüssiggas verdoppelt hatte.",
            )
        ],
        ["proteste"],
    ),
    DemoClaim(
        "en-zhanaozen",
        "Protests began in Zhanaozen on January 2 after the price of liquefied gas doubled.",
        "en",
        "Steppe Times (demo)",
        "organisation",
        date(2022, 1, 6),
        [
            (
                "en-troops",
                "Protests began in Zhanaozen on January 2 after the price of liquefied gas doubled.",
            )
        ],
        ["protests"],
    ),
]

# Links the desk has decided: (claim key, claim key, decision). Others stay as the matcher suggested them.
LINKS = [
    ("de-225", "en-225", "same"),
    ("de-illegal", "en-illegal", "same"),
    ("de-almaty-2000", "en-almaty-2000", "same"),
    ("de-schanaosen", "en-zhanaozen", "same"),
    ("en-almaty-2000", "en-almaty-2700", "variant"),
    ("de-164", "de-225", "variant"),
    ("en-withdrawal", "de-abzug", "related"),
]

# Desk users for trying the demo. `claimtrack demo` prints them; never use them in production.
DEMO_USERS = [
    ("admin@demo.claimtrack.example", "Demo Admin", "admin", "demo-admin-password"),
    ("editor@demo.claimtrack.example", "Demo Redakteurin", "editor", "demo-editor-password"),
    (
        "checker@demo.claimtrack.example",
        "Demo Faktenprüfer",
        "fact_checker",
        "demo-checker-password",
    ),
]
