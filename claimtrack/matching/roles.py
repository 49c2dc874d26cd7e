"""Who did what to whom, for a few asymmetric relations: a role reversal is a conflict.

"Tokajew hat Nasarbajew abgelöst" and "Nazarbayev replaced Tokayev" use the same words, names and
sentence shape; an embedding scores them like duplicates, and figures, places and dates agree. They
say opposite things. For a small set of relations where the direction is the claim (replace /
succeed / ablösen / nachfolgen, beat / defeat / besiegen, sue / verklagen, attack / angreifen,
accuse / beschuldigen, invade / überfallen, acquire / übernehmen / buy, transfer: signed X from /
wechselt von … zu / sold to) this module reads the doer (*agent*) and the one it is
done to (*patient*) from the normalised words, in active and passive voice of both languages:

- English active: the nearest participant before the verb acts on the nearest one after it
  ("Sinner beat Medvedev"); passive: "Medvedev was beaten by Sinner" (agent after "by").
- German active: verb second ("Tokajew löste Nasarbajew ab") or last ("Tokajew hat Nasarbajew
  abgelöst", "nachdem Tusk Morawiecki abgelöst hatte"): the first of two participants acts on the
  second; passive: a form of "werden" with a participle, agent after "von"/"durch" ("Ungarn wurde
  von der EU-Kommission verklagt").
- Reversed verbs ("lost to", "unterlag", "verlor gegen": the other one won) and nouns ("Nachfolger
  von", "successor to", "folgt auf") name the roles the other way round or by preposition.

Participants are the pair's named entities as canonical tokens (persons' surnames, places,
organisations from the alias table, proper names either claim reads: a company first in its
sentence is a participant when the other claim names it), so "Tokajew" and "Tokayev" are one participant. Word order
without punctuation is all ``Prepared.norm`` keeps; the reading is deliberately narrow: a role
is only set when the clause names it plainly, and a conflict needs the same relation with one
participant as the doer in one claim and the one done to in the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claimtrack.matching._stopwords import STOPWORDS
from claimtrack.matching.bodies import party_tokens, party_words
from claimtrack.matching.guards import is_person
from claimtrack.matching.names import demonym
from claimtrack.matching.prepare import Prepared
from claimtrack.text.aliases import DEFAULT_ALIASES
from claimtrack.text.normalize import fold
from claimtrack.text.places import gazetteer

__all__ = ["Role", "RoleClash", "role_agreement", "role_clash", "roles"]

# verb form -> (relation, kind). kind: "v" a finite or infinitive form, "p" a participle that
# can be passive, "vp" both (English "replaced"), "rev" a form whose subject is the patient
# ("lost to", "unterlag"), "n" a noun of the relation ("Nachfolger von", "successor to").
_FORMS: dict[str, tuple[str, str]] = {}


def _add(relation: str, kind: str, words: str) -> None:
    for w in words.split():
        _FORMS[w] = (relation, kind)


_add("replace", "v", "replace replaces replacing succeed succeeds succeeding ersetzt ersetzte "
     "ersetzten ersetzen abloesen loest loeste loesten")  # fmt: skip
_add("replace", "vp", "replaced succeeded")
_add("replace", "p", "abgeloest")
_add("replace", "n", "nachfolger nachfolgerin successor")
_add("defeat", "v", "beat beats beating defeat defeats defeating besiegte besiegten besiegen "
     "bezwang bezwangen bezwingt")  # fmt: skip
_add("defeat", "vp", "defeated beaten")
_add("defeat", "p", "besiegt bezwungen")
_add("defeat", "rev", "unterlag unterlagen unterliegt")
_add("sue", "v", "sue sues suing verklagte verklagten verklagen")
_add("sue", "vp", "sued")
_add("sue", "p", "verklagt")
_add("attack", "v", "attack attacks attacking attackierte attackierten angreifen")
_add("attack", "vp", "attacked")
_add("attack", "p", "angegriffen attackiert")
_add("accuse", "v", "accuse accuses accusing blame blames blaming beschuldigte beschuldigten "
     "beschuldigen")  # fmt: skip
_add("accuse", "vp", "accused blamed")
_add("accuse", "p", "beschuldigt")
_add("invade", "v", "invade invades invading ueberfiel ueberfielen ueberfaellt")
_add("invade", "vp", "invaded")
_add("invade", "p", "ueberfallen")
# An order of finish or standing: "die SPD wurde stärkste Kraft vor der CDU", "the CDU came
# second, ahead of the Greens" (the one before is ahead: it beat the one after, as "beat"
# says); "behind"/"hinter" the other way round. Read only between two participants, the one
# after within a few words ("vor zwei Jahren", "ahead of the vote" name no one).
_add("defeat", "o", "vor")
# Winning against someone is beating them: "Spanien hat das Finale gegen England gewonnen",
# "Spain won the final against England" (the subject won, the one after "gegen"/"against"
# lost). Read at "gegen"/"against" when a verb of winning stands in the clause.
_add("defeat", "g", "gegen against")
_add("defeat", "orev", "hinter behind")
# A takeover: the buyer acts on the bought ("BASF will Lanxess übernehmen", "Covestro is being
# acquired by Adnoc"). "übernehmen" is not separable in this sense.
_add("acquire", "v", "buy buys buying acquire acquires acquiring purchase purchases uebernimmt "
     "uebernehmen uebernahm uebernahmen kauft kaufte kauften kaufen")  # fmt: skip
_add("acquire", "vp", "bought acquired purchased")
# A stake one holds in the other: "UniCredit raised its stake in Commerzbank", "Anteil an".
_add("stake", "n", "stake stakes anteil anteile beteiligung shareholding")
_add("acquire", "p", "uebernommen gekauft")
# Closing (or opening) one's border with another country: "Thailand closed its border crossings
# with Cambodia", "Thailand hat die Grenzübergänge nach Kambodscha geschlossen".
_add("border", "n", "border borders grenze grenzen grenzuebergang grenzuebergaenge "
     "grenzuebergaengen")  # fmt: skip
# A transfer of a player (or a unit) between two clubs or companies: the one it goes to is the
# doer, the one it leaves is done to. Each form names them its own way (``_TRANSFER``):
# "Bayern signed Kane from Tottenham" (subject gets, "from" gives), "Wirtz wechselt von
# Leverkusen zu Liverpool" ("zu" gets, "von" gives), "Leverkusen sold Wirtz to Liverpool"
# (subject gives, "to" gets).
_TRANSFER: dict[str, str] = {}
for _how, _words in (
    (
        "sign",
        "sign signs signed signing verpflichtet verpflichtete verpflichteten verpflichten "
        "holt holte holten geholt",
    ),
    (
        "move",
        "join joins joined joining move moves moved moving wechselt wechselte wechselten "
        "wechseln gewechselt",
    ),
    ("sell", "sell sells sold selling verkauft verkaufte verkauften verkaufen abgegeben"),
):
    _TRANSFER.update((w, _how) for w in _words.split(" "))  # fmt: skip
_add("transfer", "t", " ".join(_TRANSFER))

# German separable verbs: the finite form counts only with its particle later in the clause
# ("löste ... ab", "griff ... an"); "loest" alone is "solves".
_SEPARABLE = {"loest": "ab", "loeste": "ab", "loesten": "ab", "greift": "an", "griff": "an",
              "griffen": "an"}  # fmt: skip
_add("attack", "v", "greift griff griffen")
# Two-word forms: "lost to", "verlor gegen" (the subject lost: the other won); "folgt auf"
# ("Tusk folgt auf Morawiecki": Tusk replaces him); "took over from".
_PAIRS: dict[tuple[str, str], tuple[str, str]] = {
    ("lost", "to"): ("defeat", "rev"), ("loses", "to"): ("defeat", "rev"),
    ("lose", "to"): ("defeat", "rev"), ("verlor", "gegen"): ("defeat", "rev"),
    ("verliert", "gegen"): ("defeat", "rev"), ("verloren", "gegen"): ("defeat", "rev"),
    ("folgt", "auf"): ("replace", "v"), ("folgte", "auf"): ("replace", "v"),
    ("take", "over"): ("acquire", "v"), ("takes", "over"): ("acquire", "v"),
    ("taking", "over"): ("acquire", "v"), ("took", "over"): ("acquire", "vp"),
    ("taken", "over"): ("acquire", "vp"), ("ahead", "of"): ("defeat", "o"),
}  # fmt: skip

_EN_AUX = frozenset(["was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"])
_DE_PASSIVE = frozenset(["wurde", "wurden", "worden", "wird", "werden"])
_AGENT_MARKS = frozenset(["by", "von", "vom", "durch"])
# Where a transfer comes from and goes to.
_FROM_MARKS = frozenset(["from", "von", "vom", "aus"])
_TO_MARKS = frozenset(["to", "zu", "zum", "zur", "nach", "an"])
# Words that start another clause: a participant beyond them belongs to another statement.
_BOUNDARIES = frozenset(
    ["nachdem", "weil", "dass", "bevor", "waehrend", "obwohl", "und", "aber", "sagte",
     "teilte", "after", "before", "because", "when", "while", "that", "which", "who", "whom",
     "and", "but", "said", "says", "although"]
)  # fmt: skip
_WINDOW = 16  # words either side of the verb (a German clause puts a lot between)


@dataclass(frozen=True)
class Role:
    """One reading: ``agent`` did ``relation`` to ``patient`` (either may be unknown: None)."""

    relation: str
    agent: str | None
    patient: str | None


@dataclass(frozen=True)
class RoleClash:
    """The same relation read in opposite directions: ``sides`` are (agent, patient) of each claim."""

    relation: str
    sides: tuple[tuple[str | None, str | None], tuple[str | None, str | None]]

    def text(self) -> str:
        x, y = self.sides
        return f"{_who(x[0])} {self.relation} {_who(x[1])} vs {_who(y[0])} {self.relation} {_who(y[1])}"


def _who(name: str | None) -> str:
    return name if name is not None else "?"


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    return frozenset(fold(name).replace(" ", "") for name, (kind, _) in DEFAULT_ALIASES.items()
                     if kind == "org")  # fmt: skip


def participants(p: Prepared) -> frozenset[str]:
    """The claim's named entities as the tokens ``norm`` writes them."""
    return _participants(p.persons, p.places, p.norm, p.names)


@lru_cache(maxsize=8192)
def _participants(
    persons: tuple[str, ...],
    places: tuple[tuple[str, str], ...],
    norm: str,
    names: tuple[str, ...] = (),
) -> frozenset[str]:
    people = [fold(name).split() for name in persons if is_person(name)]
    out = {words[-1] for words in people}
    out |= {fold(name).replace(" ", "") for name, _ in places}
    out |= {w for w in norm.split() if w in _organisations()}
    # Companies and clubs no table knows ("Covestro", "Lanxess"); not a people's adjective
    # ("German plastics maker Covestro"), which describes a participant, nor a word of a
    # person's name (the surname stands for the person).
    in_persons = {w for words in people for w in words}
    out |= {n for n in names if _may_act(n) and not demonym(n) and n not in in_persons}
    # parties, which their reading writes as one word in either language ("greens")
    out |= party_tokens(norm)
    return frozenset(out)


def _may_act(name: str) -> bool:
    """A name that can buy, sell or hold: not an office or institution ("Gerichtshof", read
    the same in both claims of a pair only by chance), but a bank named as one ("Commerzbank")."""
    return is_person(name) or (name.endswith("bank") and name != "bank")


_TRIGGERS = frozenset(_FORMS) | {w for w, _ in _PAIRS}


@lru_cache(maxsize=8192)
def _may_state(norm: str) -> bool:
    """Whether the text has a verb form of a relation at all (most claims do not)."""
    return not _TRIGGERS.isdisjoint(norm.split())


def roles(p: Prepared, names: frozenset[str]) -> tuple[Role, ...]:
    """The relations the claim states between ``names`` (tokens of ``norm``)."""
    return _roles(p.norm, names)


@lru_cache(maxsize=8192)
def _roles(norm: str, names: frozenset[str]) -> tuple[Role, ...]:
    if not _may_state(norm):
        return ()
    words = _without_sources(list(party_words(norm)), names)
    out: list[Role] = []
    for i in range(len(words)):
        found = _form(words, i)
        if found is None:
            continue
        relation, kind, width = found
        role = _read(words, i, width, relation, kind, names)
        if role is not None and (role.agent or role.patient) and role.agent != role.patient:
            out.append(role)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def _transfers(norm: str) -> bool:
    """Whether the text has a verb of a transfer, whose slots are read without names."""
    return not _TRANSFER.keys().isdisjoint(norm.split())


_STAKE_WORDS = frozenset(w for w, (relation, _) in _FORMS.items() if relation == "stake")


@lru_cache(maxsize=8192)
def _slots_read(norm: str) -> bool:
    """Whether the text has a relation whose slots are read without names (a transfer, a stake)."""
    return _transfers(norm) or not _STAKE_WORDS.isdisjoint(norm.split())


def _form(words: list[str], i: int) -> tuple[str, str, int] | None:
    """The relation, kind and word count of a verb form starting at ``words[i]``."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if (w, nxt) in _PAIRS:
        return (*_PAIRS[(w, nxt)], 2)
    if w not in _FORMS:
        return None
    particle = _SEPARABLE.get(w)
    if particle is not None and particle not in words[i + 1 : i + 1 + _WINDOW]:
        return None
    return (*_FORMS[w], 1)


def _read(
    words: list[str], i: int, width: int, relation: str, kind: str, names: frozenset[str]
) -> Role | None:
    if kind in ("o", "orev"):
        return _order(words, i, width, relation, kind, names)
    if kind == "g":
        return _won_against(words, i, relation, names)
    before = _side(words[max(0, i - _WINDOW) : i][::-1], names, backwards=True)  # nearest first
    after_words = words[i + width : i + width + _WINDOW]
    after = _side(after_words, names)
    if kind == "n":  # "Tusk ... Nachfolger von Morawiecki": the one before succeeds
        agent = before[0] if before else None
        patient = after[0] if after else None
        if relation == "stake":  # a company no reading names: the word its slot holds
            agent = agent or _clause_subject(words, i)
            patient = patient or _after_mark(words, i + 1, min(len(words), i + 4), _IN_MARKS, None)
        return Role(relation, agent, patient)
    if kind == "t":
        return _transfer(words, i, _TRANSFER[words[i]], names)
    if kind == "rev":  # "Medvedev lost to Sinner"
        return Role(relation, after[0] if after else None, before[0] if before else None)
    passive = _passive(words, i, width, kind)
    if passive:  # the agent follows "by" after an English verb, "von" before a German one
        clause = after_words if kind == "vp" else _clause(words[max(0, i - _WINDOW) : i])
        agent = _agent(clause + after_words if kind == "p" else clause, names)
        subject = _subject(words, i, names) if kind == "p" else []
        patient = next((x for x in subject + before if x != agent), None)
        return Role(relation, agent, patient)
    if len(before) >= 2 and (kind == "p" or not after):
        # German verb last: "Tokajew hat Nasarbajew abgelöst", "nachdem Tusk Morawiecki ablöste"
        return Role(relation, before[1], before[0])
    if after:
        return Role(relation, before[0] if before else None, after[0])
    return None


# Words before "vor" that make it no order: "warnt vor der AfD", "Angst vor", "Schutz vor".
_NOT_ORDER_BEFORE = frozenset(
    ["warnt", "warnte", "warnten", "warnen", "gewarnt", "warnung", "angst", "schutz", "flucht",
     "floh", "flohen", "respekt", "sorge", "sprach", "sprechen", "spricht", "steht", "stand"]
)  # fmt: skip
_ORDER_ADVERBS = frozenset(["knapp", "klar", "deutlich", "weit", "narrowly", "well", "far", "just"])
_ORDER_REACH = 3  # the one behind follows within a few words ("vor der CDU", "ahead of the Greens")


def _order(
    words: list[str], i: int, width: int, relation: str, kind: str, names: frozenset[str]
) -> Role | None:
    """Who is ahead of whom: the participant nearest before the word (the place of the vote
    skipped: "die CDU landete in Hamburg knapp vor den Grünen") and the first within reach after
    it; both must be named."""
    near = [w for w in words[max(0, i - 2) : i] if w not in _ORDER_ADVERBS]
    if not _NOT_ORDER_BEFORE.isdisjoint(near):
        return None
    after = _side(words[i + width : i + width + _ORDER_REACH], names)
    before = _side(words[max(0, i - _WINDOW) : i][::-1], names, backwards=True)
    if not after or not before:
        return None
    places = _place_tokens()
    first = next((w for w in before if w not in places), before[0])
    ahead, behind = (first, after[0]) if kind == "o" else (after[0], first)
    return Role(relation, ahead, behind)


_WIN = frozenset(
    ["gewonnen", "gewann", "gewannen", "gewinnt", "siegte", "siegten", "gesiegt", "won", "wins",
     "win", "winning"]
)  # fmt: skip


# A participant after these is where it happened ("In Wembley hat Italien … gewonnen").
_VENUE_MARKS = frozenset(["in", "im", "at", "bei", "beim", "near", "nahe"])


def _clause_span(words: list[str], i: int) -> tuple[int, int]:
    """Start and end of the clause around word ``i``: up to a boundary word, at most
    ``_WINDOW`` words either way."""
    start = i
    while start > max(0, i - _WINDOW) and words[start - 1] not in _BOUNDARIES:
        start -= 1
    end = i + 1
    while end < min(len(words), i + 1 + _WINDOW) and words[end] not in _BOUNDARIES:
        end += 1
    return start, end


def _won_against(words: list[str], i: int, relation: str, names: frozenset[str]) -> Role | None:
    """The winner (the clause's first participant that is no city and not after "in": a venue
    is where, not who) and the one beaten (right after "gegen"/"against"), when a verb of
    winning is in the clause."""
    start, end = _clause_span(words, i)
    if _WIN.isdisjoint(words[start:end]):
        return None
    beaten = _side(words[i + 1 : i + 1 + _ORDER_REACH], names)
    cities = _city_tokens()
    winner = None
    for j in range(start, i):
        if words[j] in names and (j == 0 or words[j - 1] not in _VENUE_MARKS):
            found = _side(words[j:i], names)
            if found and found[0] not in cities:
                winner = found[0]
                break
    if not beaten or winner is None or winner == beaten[0]:
        return None
    return Role(relation, winner, beaten[0])


def _transfer(words: list[str], i: int, form: str, names: frozenset[str]) -> Role | None:
    """Who gets (agent) and who gives (patient) in a transfer, from the marks around the verb
    within its clause: "from"/"von" names the giver, "to"/"zu" the one it goes to, the subject
    (the first participant of the clause before the verb) whichever the verb makes it."""
    start, end = _clause_span(words, i)
    giver = _after_mark(words, start, end, _FROM_MARKS, names)
    taker = _after_mark(words, start, end, _TO_MARKS, names)
    subject = next((w for w in words[start:i] if w in names and w not in (giver, taker)), None)
    # A club or company no reading names (a headline in Title Case, a city's club the gazetteer
    # lacks: "Liverpool signed Wirtz from Leverkusen") is the word its slot holds.
    giver = giver or _after_mark(words, start, end, _FROM_MARKS, None)
    taker = taker or _after_mark(words, start, end, _TO_MARKS, None)
    subject = subject or next((w for w in words[start:i] if _slot_word(w)), None)
    if form == "move" and taker is None and words[i].startswith("join"):
        # "Kane joined Bayern from Tottenham": the one joined is the object
        taker = next((w for w in words[i + 1 : end] if w in names and w != giver), None)
    if form == "sign":
        taker = subject
    elif form == "sell":
        giver = subject
    if taker is None or giver is None or taker == giver:
        return None
    return Role("transfer", taker, giver)


_IN_MARKS = frozenset(["an", "in", "am", "im", "at"])


def _clause_subject(words: list[str], i: int) -> str | None:
    """The first word of the clause before ``words[i]`` that can name a company ("Die Lufthansa
    hat ihren Anteil": Lufthansa)."""
    start, _ = _clause_span(words, i)
    return next((w for w in words[start:i] if _slot_word(w)), None)


def _after_mark(
    words: list[str], start: int, end: int, marks: frozenset[str], names: frozenset[str] | None
) -> str | None:
    """The participant after the first of ``marks`` in ``words[start:end]`` that has one within
    three words ("von Bayer Leverkusen", "zum FC Liverpool"); a mark before a verb ("to sell")
    names no one. ``names`` None: the first word there that can name a club or company."""
    for j in range(start, end):
        if words[j] not in marks:
            continue
        for w in words[j + 1 : min(end, j + 4)]:
            if w in _FORMS or w in _TRANSFER:
                break
            if (w in names) if names is not None else _slot_word(w):
                return w
    return None


def _slot_word(w: str) -> bool:
    """A word that can stand for a club or company: no function word, figure or short word."""
    return len(w) > 2 and not w[:1].isdigit() and w not in STOPWORDS and w not in _NOT_SLOT


# Words in a club's slot that are no club: articles and descriptions before its name.
_NOT_SLOT = frozenset(["fc", "club", "verein", "team", "side", "rivals", "rivalen", "have", "has"])


def _side(span: list[str], names: frozenset[str], backwards: bool = False) -> list[str]:
    """Participants in ``span`` (read outward from the verb) up to a clause boundary. A place
    that describes the participant next to it is none of its own: "den Leverkusener
    Kunststoffhersteller Covestro" (a place, a noun, a name, read forwards), "Adnoc aus Abu
    Dhabi" (read backwards from the verb: the place, "aus", the name). A club named with its
    city is one participant ("Inter Milan", "Paris Saint-Germain", "Bayern München": ``_unit``)."""
    out: list[str] = []
    k = 0
    while k < len(span):
        w = span[k]
        if w in names:
            unit = _unit(span, k, names, backwards)
            if unit is not None:
                if unit not in out:
                    out.append(unit)
                k += unit.count(" ") + 1
                continue
            if w not in out and not _describes(span, k, names, backwards):
                out.append(w)
        elif w in _BOUNDARIES:
            break
        k += 1
    return out


def _unit(span: list[str], k: int, names: frozenset[str], backwards: bool) -> str | None:
    """Participants side by side with a city or region among them and no country ("inter
    milan", "paris saint germain", "bavaria munich"): one club or company named after its
    city, as its words in text order; None otherwise."""
    end = k
    while end < len(span) and span[end] in names:
        end += 1
    if end - k < 2:
        return None
    words = span[k:end]
    towns, countries = _town_tokens(), _country_tokens()
    if not any(w in towns for w in words) or any(w in countries for w in words):
        return None
    return " ".join(reversed(words) if backwards else words)


@lru_cache(maxsize=1)
def _town_tokens() -> frozenset[str]:
    return frozenset(fold(name).replace(" ", "") for name, kind in gazetteer().values()
                     if kind in ("city", "region"))  # fmt: skip


@lru_cache(maxsize=1)
def _city_tokens() -> frozenset[str]:
    return frozenset(fold(name).replace(" ", "") for name, kind in gazetteer().values()
                     if kind == "city")  # fmt: skip


@lru_cache(maxsize=1)
def _country_tokens() -> frozenset[str]:
    return frozenset(fold(name).replace(" ", "") for name, kind in gazetteer().values()
                     if kind == "country")  # fmt: skip


def _present(name: str, words: frozenset[str]) -> bool:
    """Whether a participant (a club's words: any of them) occurs among ``words``."""
    return any(w in words for w in name.split())


_ORIGIN = frozenset(["aus", "from", "of", "in"])


def _describes(span: list[str], k: int, names: frozenset[str], backwards: bool) -> bool:
    places = _place_tokens()
    if span[k] not in places or k + 2 >= len(span):
        return False
    between, name = span[k + 1], span[k + 2]
    if name not in names or name in places:
        return False
    if backwards:
        return between in _ORIGIN
    return between not in names and between not in STOPWORDS and between not in _BOUNDARIES


@lru_cache(maxsize=1)
def _place_tokens() -> frozenset[str]:
    """Every place of the gazetteer as the one token ``norm`` writes it."""
    return frozenset(fold(name).replace(" ", "") for name, _ in gazetteer().values())


# What makes a name the source of the claim, not a doer: "laut Tokajew", "according to Tokayev",
# "nach Angaben von (Präsident) Tokajew", "Tokajew zufolge".
_SOURCE_BEFORE = (("laut",), ("according", "to"), ("angaben", "von"), ("angaben", "des"))


def _without_sources(words: list[str], names: frozenset[str]) -> list[str]:
    """``words`` with each participant named as a source blanked out (a mark right before the
    name, or before one title word: "nach Angaben von Präsident Tokajew")."""
    out = list(words)
    for i, w in enumerate(words):
        if w not in names:
            continue
        ends = [i] if i < 1 or words[i - 1] in names else [i, i - 1]
        marked = any(
            tuple(words[max(0, end - len(mark)) : end]) == mark
            for end in ends
            for mark in _SOURCE_BEFORE
        )
        if marked or words[i + 1 : i + 2] == ["zufolge"]:
            out[i] = ""
    return out


def _clause(span: list[str]) -> list[str]:
    """The end of ``span`` after its last clause boundary."""
    for j in range(len(span) - 1, -1, -1):
        if span[j] in _BOUNDARIES:
            return span[j + 1 :]
    return span


def _subject(words: list[str], i: int, names: frozenset[str]) -> list[str]:
    """The participant just before the form of "werden" that makes the verb at ``i`` passive
    ("Ungarn wurde von der EU-Kommission ... verklagt" -> Ungarn)."""
    for j in range(i - 1, max(-1, i - _WINDOW - 1), -1):
        if words[j] in _DE_PASSIVE:
            return _side(words[max(0, j - 4) : j][::-1], names, backwards=True)
    return []


def _passive(words: list[str], i: int, width: int, kind: str) -> bool:
    if kind not in ("p", "vp"):
        return False
    near = words[max(0, i - 3) : i]
    after = words[i + width : i + width + 3]
    if kind == "vp":  # English: "was replaced", "has been beaten by"
        return any(w in _EN_AUX for w in near) or "by" in after[:2]
    clause = words[max(0, i - _WINDOW) : i + width + 3]
    return any(w in _DE_PASSIVE for w in clause)


def _agent(after: list[str], names: frozenset[str]) -> str | None:
    """The participant right after "by"/"von"/"durch" (articles allowed between)."""
    for j, w in enumerate(after):
        if w in _AGENT_MARKS and (j == 0 or after[j - 1] != "angaben"):
            for x in after[j + 1 : j + 4]:
                if x in names:
                    return x
            return None
    return None


def role_clash(a: Prepared, b: Prepared) -> RoleClash | None:
    """The first relation both claims state with one participant as the doer in one claim and
    the one it is done to in the other (and not also as the doer there); symmetric."""
    if not (_may_state(a.norm) and _may_state(b.norm)):
        return None
    names = participants(a) | participants(b)
    if len(names) < 2 and not _slots_read(a.norm):
        return None
    ra, rb = roles(a, names), roles(b, names)
    if not ra or not rb:
        return None
    for relation in sorted({r.relation for r in ra} & {r.relation for r in rb}):
        xa = [r for r in ra if r.relation == relation]
        xb = [r for r in rb if r.relation == relation]
        if _reversed(xa, xb) or _reversed(xb, xa):
            x, y = sorted([_pair(xa), _pair(xb)], key=repr)
            return RoleClash(relation, (x, y))
        other = _other_doer(xa, xb, a.norm, b.norm)
        if other is not None:
            x, y = sorted(other, key=repr)
            return RoleClash(relation, (x, y))
    return None


def _other_doer(
    xa: list[Role], xb: list[Role], norm_a: str, norm_b: str
) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]] | None:
    """The same deed done to the same one by two doers, each named only in its own claim:
    "Nippon Steel übernimmt U.S. Steel" vs "Cleveland-Cliffs buys U.S. Steel". A doer the other
    claim names anywhere (as a source, in another clause) is no other doer, nor is a place: a
    capital stands for its country ("Warsaw blamed Belarus" = "Poland accused Belarus")."""
    words_a, words_b = frozenset(party_words(norm_a)), frozenset(party_words(norm_b))
    places = _place_tokens()
    for ra in xa:
        for rb in xb:
            if not (ra.agent and rb.agent and ra.patient and ra.patient == rb.patient):
                continue
            if ra.agent in places or rb.agent in places:
                continue
            if (
                ra.agent != rb.agent
                and not _present(ra.agent, words_b)
                and not _present(rb.agent, words_a)
            ):
                return (ra.agent, ra.patient), (rb.agent, rb.patient)
    return None


def role_agreement(a: Prepared, b: Prepared) -> list[tuple[str, str, str]]:
    """(relation, doer, done to) that both claims state with both roles named, in the same
    direction: "Tusk replaced Morawiecki" = "Morawiecki was replaced by Tusk"."""
    if not (_may_state(a.norm) and _may_state(b.norm)):
        return []
    names = participants(a) | participants(b)
    if len(names) < 2 and not _slots_read(a.norm):
        return []
    full = [{(r.relation, r.agent, r.patient) for r in roles(p, names) if r.agent and r.patient}
            for p in (a, b)]  # fmt: skip
    return sorted(full[0] & full[1])


def _reversed(xs: list[Role], ys: list[Role]) -> bool:
    """Someone who does it in ``xs`` has it done to them in ``ys``, and the two readings share
    no doer (nor, the other way round, no one done to)."""
    agents_x, patients_x = _names(r.agent for r in xs), _names(r.patient for r in xs)
    agents_y, patients_y = _names(r.agent for r in ys), _names(r.patient for r in ys)
    doer_done_to = bool(agents_x & patients_y) and not agents_x & agents_y
    done_to_doer = bool(patients_x & agents_y) and not patients_x & patients_y
    return doer_done_to or done_to_doer


def _names(found: Iterable[str | None]) -> set[str]:
    return {x for x in found if x is not None}


def _pair(rs: list[Role]) -> tuple[str | None, str | None]:
    r = rs[0]
    return r.agent, r.patient
