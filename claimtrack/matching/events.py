"""What happened, in words two outlets and two languages share: positive evidence for *same*.

Two agencies report one fact in different words: "Masimov has been arrested on suspicion of high
treason" and "the committee said its former head Masimov was detained". With no figure to agree
on, the embedding puts such a pair among related sentences on the same topic (semantic 55-72).
What separates them from a related sentence is the fact itself: the same thing happened
(arrested = detained = festgenommen) to the same named participant. This module names the
happening as a class of word stems in German and English; ``compare`` counts a pair whose
happenings and named participants agree, with no conflict and no figure left unmatched, as *same*
(see ``compare._happening_agrees``).

Classes are deliberately coarse and cover news events, not topics: "arrest" is what happened, a
"court" is not. A stem matches a normalised word it begins ("festgenomm" covers "festgenommen").
"""

from __future__ import annotations

from functools import lru_cache

# class -> stems (folded, German and English)
EVENT_STEMS: dict[str, tuple[str, ...]] = {
    "arrest": ("festgenomm", "festnahm", "festnahme", "verhaftet", "verhaftung", "inhaftiert",
               "gewahrsam", "arrest", "detain", "detention", "custody"),
    "order": ("befohlen", "befahl", "befehl", "angeordnet", "ordnete", "anordnung", "ordered",
              "order"),
    "shoot": ("schiessen", "schiess", "geschossen", "schuesse", "feuer zu eroeffnen",
              "shoot", "shot", "open fire", "opened fire"),
    "resign": ("zurueckgetreten", "ruecktritt", "trat zurueck", "resign", "stepped down",
               "steps down", "quit"),
    "convict": ("verurteilt", "schuldig", "convicted", "convict", "guilty", "sentenced"),
    "charge": ("angeklagt", "anklage", "charged", "indicted", "charges"),
    "evacuate": ("evakuiert", "evakuierung", "evacuat", "in sicherheit gebracht",
                 "moved to safety", "leave their homes"),
    "collapse": ("eingestuerzt", "einsturz", "zusammensturz", "stuerzte ein", "collapse"),
    "fine": ("geldstrafe", "strafe von", "bussgeld", "fined", "fine of", "penalty"),
    "legalise": ("legalisier", "legalis", "legaliz"),
    "shut_down": ("vom netz", "abgeschaltet", "abschaltung", "stillgelegt", "shut down",
                  "shuts down", "switched off"),
    "strike_down": ("verfassungswidrig", "unconstitutional", "struck down", "strikes down",
                    "gekippt", "kippt"),
    "replace": ("abgeloest", "abloes", "nachfolger", "replaced", "replace", "succeed",
                "successor", "uebernahm", "uebernommen", "took over", "takes over"),
    "elect": ("gewaehlt", "wahl gewonnen", "elected", "won the election"),
    "capsize": ("gekentert", "kenterte", "capsized", "sank", "sinking"),
    "release": ("freigelassen", "freilassung", "released", "freed"),
}  # fmt: skip


@lru_cache(maxsize=8192)
def happenings(norm: str) -> frozenset[str]:
    """The event classes a normalised text names."""
    padded = f" {norm} "
    return frozenset(
        event for event, stems in EVENT_STEMS.items() if any(f" {stem}" in padded for stem in stems)
    )
