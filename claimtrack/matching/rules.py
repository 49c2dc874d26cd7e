"""Fingerprint of how claims are read for matching: the rules in this code and the aliases.

The index stores what was read from each claim when it was indexed (normalised words, figures,
places, dates, names, negation; ``signature``). A release that reads claims differently, or an
alias the desk adds, leaves the stored claims as they were read before, so pairs with them are
decided on an old reading until the index is rebuilt. The fingerprint lets the service tell: it
digests how a fixed set of probe sentences is read today (every part a stored row keeps) and the
alias tables, and the index records the fingerprint it was built with.

The probes cover each kind of fact in both languages; a rule change that alters none of them
goes unnoticed, so a rule that adds a new kind of fact should add a probe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from claimtrack.matching import signature
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import make_row
from claimtrack.text.aliases import DEFAULT_ALIASES

PROBES: tuple[tuple[str, str], ...] = (
    ("Bei den Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen.", "de"),
    ("225 people died in the unrest in Kazakhstan, including 19 members of the security forces.", "en"),
    ("In Almaty wurden mehr als 2.000 Menschen festgenommen.", "de"),
    ("More than 2,700 people are now in custody in Almaty, the interior ministry said.", "en"),
    ("Fast 8.000 Demonstranten wurden landesweit in Gewahrsam genommen.", "de"),
    ("Die Entsendung der OVKS-Truppen nach Kasachstan war nicht rechtmäßig.", "de"),
    ("The deployment of CSTO troops to Kazakhstan was not illegal, the Kremlin claimed.", "en"),
    ("Präsident Toqajew ordnete am 7. Januar 2022 den Schießbefehl an.", "de"),
    ("President Tokayev said on January 7 that he had ordered troops to fire without warning.", "en"),
    ("Der Gaspreis hat sich seit März auf 120 Tenge pro Liter verdoppelt.", "de"),
    ("The central bank cut its key rate by half a percentage point to 10.25 percent.", "en"),
    ("Die Notenbank hat den Leitzins um 0,5 Prozentpunkte auf 10,25 Prozent angehoben.", "de"),
    ("Der 24-stündige Streik legte den Flughafen Frankfurt am Main lahm.", "de"),
    ("Wildfires on Rhodes forced 19,000 people to leave their homes in July 2023.", "en"),
    ("Das Bundesverfassungsgericht in Karlsruhe erklärte das Gesetz für verfassungswidrig.", "de"),
    ("Nursultan Nazarbayev resigned as chairman of the Security Council on 5 January.", "en"),
    ("Es gab keine Einmischung aus dem Ausland, bestritt Außenminister Muchtar Tileuberdi.", "de"),
    ("Unemployment fell to its lowest level since 2016, at 3.1%.", "en"),
    ("Rund zwei Drittel der Befragten lehnen die Reform ab.", "de"),
    ("Around 1.5 million tonnes of grain left Ukrainian ports in the first week.", "en"),
    ("Die Regierung hat den Schießbefehl am Montag widerrufen und zurückgenommen.", "de"),
    ("The ministry revoked the licence and rescinded the order after the ruling.", "en"),
    ("Der Europäische Gerichtshof wies die Klage der Kommission ab.", "de"),
    ("Die deutsche Wirtschaft ist im vergangenen Jahr um 0,3 Prozent geschrumpft.", "de"),
    ("Die Kartellbehörde hat gegen Siemens eine Strafe verhängt, teilte das Amt in Bonn mit.", "de"),
    ("Rebels attacked a tanker off the port of Vík in the Gulf of Aden, the operator Maersk said.", "en"),
    ("Der Machthaber Baschar al-Assad ist nach Moskau geflohen, meldete das Wall Street Journal.", "de"),
    ("Russia freed Financial Times reporter Anna Kowalski and Mohammed bin Salman on Friday.", "en"),
    ("Zwei Skifahrer konnten nur noch tot geborgen werden; 40.000 Hennen wurden gekeult.", "de"),
    ("The agency banned the driver for four years after the crash, killing at least 57.", "en"),
    ("A city banned cars from the centre.", "en"),
    ("Hackers stole the data of 80,000 customers of German insurer Verdana.", "en"),
    ("Orvana is recalling 40,000 e-bikes; Quandix will Telvora übernehmen.", "en"),
    ("The board of Orvana forced out CEO Pat Gelsinger on Monday.", "en"),
    ("Im Chemiepark Leverkusen und in Mailand, Valencia und Tirol fiel der Strom aus.", "de"),
    ("MOSKAU (dpa) - In Kasachstan wurden 2.000 Menschen festgenommen.", "de"),
    ("Der Flughafen stellte den Betrieb ein; verletzt wurde niemand, eine Sperre wurde verhängt.", "de"),
    ("A blast killed two people and injured 17; he got a four-year ban.", "en"),
    ("Der Zoll hat im Hamburger Hafen Kokain gefunden, meldete die Frankfurter Allgemeine.", "de"),
    ("The launch is set for no earlier than May; nobody died. The bank left rates unchanged.", "en"),
    ("Die Notenbank hat den Zins belassen; niemand starb. The mayor declined to declare it.", "de"),
    ("Verletzt wurde nach ersten Erkenntnissen niemand, Tote gab es keine.", "de"),
    ("Nach Streik in Bochum fand Polizei Leiche in Essen, Untersuchungshaft angeordnet.", "de"),
    ("MPs brought down the cabinet in a no-confidence vote over the no-fly zone.", "en"),
    ("In Bayern gilt seit Montag Notstand, in Sachsen Ausnahmezustand und Notlage.", "de"),
    ("The assembly voted against delaying the plan and against the government.", "en"),
    ("The minimum wage will rise to £12.21 an hour; the app costs $4.99.", "en"),
    ("The Fed cut rates by 50 basis points after a quake of magnitude 6.8.", "en"),
    ("Ein Erdbeben der Stärke 6,8 in der Antarktis; ZF will Stellen schaffen, bestätigt.", "de"),
    ("A court upheld the ruling and sentenced him; cuts until the end of March in the Arctic.", "en"),
    ("In Sevilla wurden 40 Grad gemessen, in Phoenix 104F.", "de"),
    ("Die Regierung schafft die Maut ab; the council abolished the toll.", "de"),
    ("Die Mission startet nicht vor April 2026; the launch will not happen until 2027.", "de"),
    ("Air defences shot down 32 of the 48 drones; die Polizei nahm 12 der 20 Verdächtigen fest.", "en"),
    ("The WHO said it is no longer an emergency and ended the curfew; a judge issued a warrant.", "en"),
    ("Die Donau stieg am Main und am Inn; Diebe im Grünen Gewölbe, im Berliner Olympiastadion.", "de"),
    ("Deutsche Bahn booked a loss of 2.35 billion euros; 2.35 million people.", "en"),
    ("Erwachsene dürfen ab April 25 Gramm Cannabis besitzen.", "de"),
    ("Eine halbe Million Franzosen, jeder fünfte, sah acht Busse; der Versorger meldete Insolvenz.", "de"),
    ("Two and a half million Americans, one in three, lost a 500-billion-dollar fund in a blackout.", "en"),
    ("The court struck down the law and declared the vote void; 241 of the 242 died.", "en"),
)  # fmt: skip


@lru_cache(maxsize=1)
def _reading_digest() -> str:
    """How the probes are read today, and the shipped aliases (computed once per process)."""
    h = hashlib.sha256()
    for text, language in PROBES:
        prepared = prepare(text, language)
        row, keys = make_row(0, prepared)
        h.update("\x1f".join([row.norm, signature.encode(prepared), row.terms]).encode())
        h.update(",".join(map(str, keys)).encode())
    for canonical, (kind, spellings) in sorted(DEFAULT_ALIASES.items()):
        h.update("\x1f".join([canonical, kind, *spellings]).encode())
    return h.hexdigest()


def fingerprint(desk_aliases: Iterable[tuple[str, str, str]] = ()) -> str:
    """The fingerprint of this code's reading rules with the desk's (spelling, canonical, kind)
    aliases (order does not matter)."""
    h = hashlib.sha256(_reading_digest().encode())
    for entry in sorted(desk_aliases):
        h.update("\x1e".join(entry).encode())
    return h.hexdigest()[:32]
