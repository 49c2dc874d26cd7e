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

import re
from functools import lru_cache

# class -> stems (folded, German and English)
EVENT_STEMS: dict[str, tuple[str, ...]] = {
    "arrest": ("festgenomm", "festnahm", "festnahme", "verhaftet", "verhaftung", "inhaftiert",
               "gewahrsam", "untersuchungshaft", "arrest", "detain", "detention", "custody",
               # a ship or a suspect held: "den Tanker festgesetzt" = "seized the tanker"
               "festgesetzt", "seized", "impounded"),
    "order": ("befohlen", "befahl", "befehl", "angeordnet", "ordnete", "anordnung", "ordered",
              "order"),
    "shoot": ("schiessen", "schiess", "geschossen", "angeschossen", "niedergeschossen",
              "schuesse", "schuss", "feuer zu eroeffnen", "feuer eroeffnet", "shoot", "shot",
              "open fire", "opened fire", "gunman", "gunshot"),
    "warrant": ("haftbefehl", "arrest warrant", "warrant"),
    "flee": ("geflohen", "geflohen", "floh", "flohen", "gefluechtet", "fluechtete", "fled",
             "flee", "fleeing", "abgesetzt", "das land verlassen", "verliess das land",
             "left the country"),
    # A reaction to a happening is another claim ("Netanyahu rejected the warrant" is not "a
    # warrant for Netanyahu"): see evidence.gather.
    "react": ("zurueckgewiesen", "wies zurueck", "weist zurueck", "rejected", "rejects",
              "condemned", "kritisiert", "criticised", "criticized", "bestritten",
              "bestreitet", "denied", "denies", "appeal", "berufung", "einspruch", "angefochten"),
    "outage": ("lahmgelegt", "lahmlegt", "lahmlegte", "lahm", "offline", "paralysed",
               "paralyzed", "crippled", "ausgefallen", "outage", "stoerung",
               # the power gone: "Stromausfall" = "blackout" = "without electricity"
               "stromausfall", "blackout", "power cut", "ohne strom", "without electricity",
               "without power"),
    "resign": ("zurueckgetreten", "ruecktritt", "trat zurueck", "tritt zurueck",
               "abgetreten", "amt niedergelegt", "legte sein amt nieder",
               "legt sein amt nieder", "resign", "stepped down", "steps down", "step down",
               "stepping down", "stood down", "stands down", "stepped aside", "steps aside",
               "quit"),
    "convict": ("verurteilt", "schuldig", "convicted", "convict", "guilty", "sentenced"),
    "charge": ("angeklagt", "anklage", "charged", "indicted", "charges"),
    "evacuate": ("evakuiert", "evakuierung", "evacuat", "in sicherheit gebracht",
                 "moved to safety", "leave their homes"),
    # fell or was brought down: a bridge "in die Elbe gestürzt", a government "gestürzt",
    # "toppled" (as "collapse" says of both)
    "collapse": ("eingestuerzt", "einsturz", "zusammensturz", "stuerzte ein", "collapse",
                 "gestuerzt", "toppl", "brought down",
                 # "bringing the span crashing into the river", "came crashing down"
                 "crashing into", "crashing down"),
    # found dead: "tot in ihrem Keller gefunden" = "leblos im Keller" = "found dead"
    "found_dead": ("tot aufgefunden", "tot gefunden", "tot in ", "leblos", "leiche",
                   "found dead", "found lifeless", "body of", "bodies of", "body was found",
                   "bodies were found"),
    "fine": ("geldstrafe", "strafe von", "bussgeld", "fined", "fine of", "penalty"),
    "legalise": ("legalisier", "legalis", "legaliz", "law permitting", "law allowing",
                 "gesetz erlaubt", "erlaubt kuenftig"),
    "shut_down": ("vom netz", "abgeschaltet", "abschaltung", "stillgelegt", "shut down",
                  "shuts down", "switched off"),
    "strike_down": ("verfassungswidrig", "unconstitutional", "struck down", "strikes down",
                    "gekippt", "kippt"),
    "replace": ("abgeloest", "abloes", "nachfolger", "replaced", "replace", "succeed",
                "successor", "uebernahm", "uebernommen", "took over", "takes over"),
    "elect": ("gewaehlt", "wahl gewonnen", "elected", "won the election"),
    "capsize": ("gekentert", "kenterte", "kentern", "capsized", "sank", "sinking"),
    "release": ("freigelassen", "freilassung", "released", "freed", "aus der haft entlassen",
                "aus dem gefaengnis entlassen", "haftentlassung"),
    # removed from a post: "fired", "ousted", "entlassen", "vor die Tür gesetzt" ("aus der Haft
    # entlassen" is a release, matched above as the longer stem)
    "dismiss": ("entlassen", "entlassung", "entliess", "gefeuert", "feuerte", "geschasst",
                "schasste", "rausgeworfen", "rauswurf", "vor die tuer gesetzt", "abberufen",
                "des amtes enthoben", "seines amtes enthoben", "ihres amtes enthoben",
                "muss gehen", "fired", "dismiss", "sacked", "sacks", "ousted", "ousts", "ouster",
                "forced out", "pushed out", "removed from office", "removed as"),
    "appoint": ("ernannt", "ernannte", "ernennung", "appointed", "appoints", "appointment",
                "named as", "picked"),
    "sue": ("verklagt", "verklagte", "klage gegen", "klage eingereicht", "sued", "sues",
            "lawsuit"),
    "acquit": ("freigesprochen", "freispruch", "acquitted", "acquittal", "cleared of"),
    "deport": ("abgeschoben", "abschiebung", "deported", "deportation"),
    "extradite": ("ausgeliefert", "auslieferung", "extradited", "extradition"),
    "kidnap": ("entfuehrt", "entfuehrung", "verschleppt", "kidnapped", "abducted", "kidnapping"),
    "kill": ("getoetet", "erschossen", "ermordet", "killed", "shot dead", "murdered",
             "assassinated",
             # the death told, not the deed: "was killed in an air strike" = "died in the
             # bombing" = "ist ... ums Leben gekommen"
             "died", "gestorben", "starb", "verstorben", "ums leben", "lost their lives",
             "lost his life", "lost her life"),
    # hurt: "wounding the former president in the ear" = "am Ohr verletzt"
    "injure": ("verletzt", "verwundet", "injured", "injuring", "wounded", "wounding"),
    "explode": ("explodiert", "explosion", "exploded", "blast"),
    "crash": ("abgestuerzt", "absturz", "crashed", "crash"),
    "ban": ("verboten", "verbot", "banned", "ban on"),
    # an emergency declared: "Gesundheitsnotlage ausgerufen" = "zur Notlage erklärt" =
    # "declared a public health emergency" (lifting one is a polarity conflict, not this)
    "emergency": ("notlage", "notstand", "gesundheitsnotlage", "gesundheitsnotstand",
                  "ausnahmezustand", "emergency"),
    # work stopped by those who do it: "in den Streik getreten" = "walked off the job"
    "strike": ("streik", "warnstreik", "streiken", "streikt", "bestreikt", "arbeit nieder",
               "arbeit niedergelegt", "arbeit niederlegte", "arbeitsniederlegung", "on strike",
               "went on strike", "go on strike", "strike by", "walked off the job", "walkout",
               "walked out", "stoppage"),
    # called off: "Flüge gestrichen" = "flights cancelled" = "Flüge fielen aus"
    "cancel": ("gestrichen", "strich", "abgesagt", "sagte ab", "storniert", "fielen aus",
               "fiel aus", "cancel", "scrapped", "scrap", "called off"),
    # a company unable to pay its debts: "Insolvenz beantragt" = "Gläubigerschutz" = "filed
    # for bankruptcy" = "sought creditor protection"
    "insolvency": ("insolvenz", "insolvent", "pleite", "bankrott", "konkurs", "glaeubigerschutz",
                   "zahlungsunfaehig", "bankrupt", "insolvency", "creditor protection"),
    "sanction": ("sanktionen", "sanktioniert", "sanctions", "sanctioned"),
}  # fmt: skip


def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regular expression for every stem (longest first, from a word's start) and the class
    of each stem: one pass over the text in C instead of a loop over stems in Python."""
    event_of = {stem: event for event, stems in EVENT_STEMS.items() for stem in stems}
    alternatives = sorted(event_of, key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, alternatives)) + ")"), event_of


_STEMS, _EVENT_OF = _pattern()


@lru_cache(maxsize=8192)
def happening_at(norm: str) -> tuple[tuple[str, int], ...]:
    """Each event class the text names with the position of the word that names it (a stem
    matches a word it begins; in a stem of several words the last is a prefix)."""
    found = ((m.group(), norm.count(" ", 0, m.start())) for m in _STEMS.finditer(norm))
    return tuple(dict.fromkeys((_class_of(stem, norm, i), i) for stem, i in found))


def _class_of(stem: str, norm: str, i: int) -> str:
    """The class of the stem found at word ``i``: "abgesetzt" is a flight when reflexive ("hat
    sich nach Russland abgesetzt"), else a removal from a post ("als Chef abgesetzt")."""
    if stem == "abgesetzt":
        return "flee" if _reflexive(norm, i) else "dismiss"
    return _EVENT_OF[stem]


def _reflexive(norm: str, i: int) -> bool:
    """ "hat sich nach Russland abgesetzt" (fled), not "als Chef abgesetzt" (removed)."""
    return "sich" in norm.split()[max(0, i - 8) : i]


def deeds(norm: str, actors: frozenset[str]) -> frozenset[tuple[str, str]]:
    """(event class, actor): each happening with the named actor nearest to it, so that "Sunak
    took over the party after Truss's resignation" pairs the resignation with Truss. A speaker
    is no actor ("Musk said the lawsuit was a disgrace") unless they speak of themselves ("sagte
    Tokajew, er habe den Befehl erteilt")."""
    words = norm.split()
    where = [(i, w) for i, w in enumerate(words) if w in actors and not _only_speaker(words, i)]
    out: set[tuple[str, str]] = set()
    for event, i in happening_at(norm):
        if not where:
            break
        nearest = min(abs(i - j) for j, _ in where)
        out.update((_JOINT.get(event, event), w) for j, w in where if abs(i - j) == nearest)
    return frozenset(out)


@lru_cache(maxsize=8192)
def deed_events(norm: str) -> frozenset[str]:
    """The event classes any deed of ``norm`` can have, whoever the actors: two claims share a
    deed only if they share one of these, which most pairs do not (checked before the deeds)."""
    return frozenset(_JOINT.get(event, event) for event, _ in happening_at(norm))


# Classes that name one happening of a system: computers "crashed" (abgestürzt) is what "knocked
# offline" (lahmgelegt) says. A plane crash shares the word, but a deed needs the same named
# participant too ("Windows", not an airline).
_JOINT = {"outage": "crash"}


_SPEECH = frozenset(
    ["said", "says", "told", "claimed", "sagte", "sagt", "erklaerte", "erklaert", "teilte",
     "betonte", "behauptete", "meinte"]
)  # fmt: skip
_SELF = frozenset(["er", "sie", "he", "she", "ihm", "him", "her", "sich"])


def _only_speaker(words: list[str], i: int) -> bool:
    """The name at ``i`` is the one who speaks (a speech verb next to it) and no pronoun after
    it takes up the name as the doer."""
    near = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
    return any(w in _SPEECH for w in near) and not any(w in _SELF for w in words[i + 1 : i + 5])


@lru_cache(maxsize=8192)
def happenings(norm: str) -> frozenset[str]:
    """The event classes a normalised text names."""
    return frozenset(event for event, _ in happening_at(norm))
