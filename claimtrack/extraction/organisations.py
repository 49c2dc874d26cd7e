"""Named organisations in a story, and which of them a generic later mention means.

Agency copy names an organisation once ("die Generalstaatsanwaltschaft Frankfurt", "the
Ministry of Health", "Severn Valley Water Ltd") and then refers to it by its kind: "teilte
die Behörde mit", "the ministry said", "der Konzern", "the court said". The attributor
remembers every named organisation it reads (spoken or only mentioned) with its kinds, and a
generic mention resolves to the nearest earlier one whose kind fits, the way "die
Ministerin" resolves to the minister named before. Kinds are read from the head word of the
name (German compounds by their ending: "Bundesumweltministerium" is a ministry), so the
rule covers any organisation of a known kind, not a list of names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.extraction import lexicon as lx
from claimtrack.extraction import speakers as sp
from claimtrack.text.places import canonical_place

POLICE, PROSECUTOR, MINISTRY, OFFICE, COURT, COMPANY = (
    "police",
    "prosecutor",
    "ministry",
    "office",
    "court",
    "company",
)
BODY = "body"  # an international or public body: "World Health Organization"
BANK = "bank"  # "European Central Bank", "Bundesbank", "Federal Reserve": later "the bank"
CHARITY = "charity"  # "Trussell Trust", "Bürgerstiftung": later "the charity", "die Stiftung"

# Kind of a named organisation, from one of its words (German compounds by their ending).
_KIND_OF_WORD: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"[\w-]*polizei\w*|police|constabulary", re.I), POLICE),
    (re.compile(r"[\w-]*staatsanwaltschaft(?:en)?|prosecutors?'?s?|prosecution", re.I), PROSECUTOR),
    (re.compile(r"[\w-]*ministeri(?:um|ums)|ministry|department", re.I), MINISTRY),
    (
        re.compile(
            r"[\w-]*(?:amt|amts|amtes|behörde|agentur|anstalt|aufsicht)|agency|authority|office|"
            r"centers|centres|administration",
            re.I,
        ),
        OFFICE,
    ),  # fmt: skip
    (re.compile(r"[\w-]*gericht(?:s|es|shof|shofs)?|court|tribunal", re.I), COURT),
    (
        re.compile(
            r"[\w-]*(?:konzern|konzerns|unternehmen|unternehmens)|(?<!auto)(?<!s-)bahn|"
            r"airlines?|airways|motors|group",
            re.I,
        ),
        COMPANY,
    ),  # "Deutsche Bahn", "United Airlines", "Volkswagen Group": later "der Konzern"
    (re.compile(r"[\w-]*organi[sz]ation", re.I), BODY),
    (re.compile(r"[\w-]*bank|reserve", re.I), BANK),
    (
        re.compile(r"[\w-]*(?:(?<!brand)(?<!an)stiftung|hilfswerk)|trust|charity|foundation", re.I),
        CHARITY,
    ),
]
# Legal forms name a company: "Rheinchemie AG", "Severn Valley Water Ltd".
LEGAL_FORMS = lx.words(
    "ag gmbh se kgaa ohg kg plc ltd inc corp llc co sa nv bv spa holdings holding"
)
# Generic later mention -> the kinds of organisation it can stand for.
GENERIC_KINDS: dict[str, frozenset[str]] = {
    "behörde": frozenset({POLICE, PROSECUTOR, MINISTRY, OFFICE}),
    "amt": frozenset({OFFICE}),
    "agentur": frozenset({OFFICE}),
    "agency": frozenset({OFFICE, BODY}),
    "authority": frozenset({OFFICE}),
    "ministerium": frozenset({MINISTRY}),
    "ministry": frozenset({MINISTRY}),
    "department": frozenset({MINISTRY}),
    "polizei": frozenset({POLICE}),
    "police": frozenset({POLICE}),
    "staatsanwaltschaft": frozenset({PROSECUTOR}),
    "gericht": frozenset({COURT}),
    "court": frozenset({COURT}),
    "charity": frozenset({CHARITY}),
    "bank": frozenset({BANK}),
    "notenbank": frozenset({BANK}),
    "zentralbank": frozenset({BANK}),
    "central bank": frozenset({BANK}),
    "stiftung": frozenset({CHARITY}),
    "foundation": frozenset({CHARITY}),
    **{word: frozenset({COMPANY}) for word in lx.COMPANY_WORDS},
}
# A place written after the organisation ("Staatsanwaltschaft Frankenthal", "Polizei Köln").
_PLACE_ENDING = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]+(?:furt|thal|tal|burg|berg|dorf|heim|hausen|stadt|feld|hagen|bach|"
    r"brück|brücken|au|ingen|ow|itz|rode|stedt|kirchen|haven|hafen|münde|ford|ton|ham|"
    r"mouth|field|bury|chester|minster|pool|by|wick|don|ville|shire)"
)
_JOINERS_EN = frozenset({"of", "for"})
_JOINERS_DE = frozenset({"für"})
_IN = frozenset({"in", "at", "aus"})


def kinds_of(name: str) -> frozenset[str]:
    """The kinds of a named organisation, from its head word: "Generalstaatsanwaltschaft
    Frankfurt" -> {prosecutor}; "Ministry of Health" -> {ministry}; "Northwind Energy plc"
    -> {company}; "Police Federation" -> {} (a union, not the police); "WHO" -> {}."""
    core: list[str] = []
    for token in sp.tokenize(name):
        if token.lower() in _JOINERS_EN | _JOINERS_DE | _IN:
            break
        core.append(token)
    while len(core) > 1 and _is_place(core[-1]) and not _word_kinds(core[-1]):
        core.pop()  # "Polizei Köln": the place follows the head
    return _word_kinds(core[-1]) if core else frozenset()


@lru_cache(maxsize=4096)
def _word_kinds(token: str) -> frozenset[str]:
    if token.lower().rstrip(".") in LEGAL_FORMS and (token[:1].isupper() or token == "plc"):
        return frozenset({COMPANY})
    return frozenset(kind for pattern, kind in _KIND_OF_WORD if pattern.fullmatch(token))


def is_generic(name: str) -> bool:
    """A bare kind word ("Behörde", "company"), never a name."""
    return name.lower() in GENERIC_KINDS or name.lower() in lx.GENERIC_ORGS


def named_in(tokens: list[str], language: str) -> list[str]:
    """Organisations named in a sentence's tokens, in reading order, with their name parts:
    "Die Polizei in Köln" -> "Polizei in Köln", "the Ministry of Health" -> "Ministry of
    Health", "Shares in Northwind Energy plc" -> "Northwind Energy plc". Bare kind words
    ("die Behörde", "Polizei") are not names and are left out."""
    found: list[str] = []
    i = 0
    while i < len(tokens):
        if not _org_word(tokens[i]):
            i += 1
            continue
        start = _extend_left(tokens, i, language)
        end = _extend_right(tokens, i + 1, language)
        phrase = tokens[start:end]
        name = " ".join(phrase)
        town_adjective = len(phrase) == 2 and bool(_TOWN_ADJECTIVE.fullmatch(phrase[0]))
        if town_adjective and is_generic(phrase[1]):
            pass  # "der Wiesbadener Behörde": the office named before, by where it sits
        elif (len(phrase) > 1 or not _bare(phrase[0])) and kinds_of(name):
            found.append(name)
        i = end
    return found


# German adjectives of a town: "Wiesbadener", "Kölner", "Frankfurter".
_TOWN_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+er")


def _org_word(token: str) -> bool:
    if token == "plc":
        return True  # British papers write it in lower case
    if not token[:1].isupper() or sp.is_role(token):
        return False
    return bool(_word_kinds(token))


def _bare(token: str) -> bool:
    """ "Polizei", "Ministerium", "Court": a kind word with nothing that names one."""
    low = token.lower()
    return (
        is_generic(low) or bool(lx.ORG_WORD.fullmatch(low)) or sp.nominative(low) in GENERIC_KINDS
    )


def _stops(token: str) -> bool:
    low = token.lower()
    return (
        not token[:1].isupper()
        or token in sp.QUOTES
        or low in lx.ARTICLES
        or low in lx.STOP
        or low in lx.LINKS
        or low in lx.TIME_WORDS
        or low in lx.CUES_BY_FIRST
        or sp.is_role(token)
    )


def _extend_left(tokens: list[str], i: int, language: str) -> int:
    """Capitalised words before the kind word that belong to the name: "World Health
    Organization", "Deutsche Bank AG"; in German only adjectives, since every noun is
    capitalised ("Laut Polizei" is no name), unless a legal form closes the name."""
    legal = tokens[i].lower().rstrip(".") in LEGAL_FORMS
    start = i
    while start > 0 and i - start < 4 and not _stops(tokens[start - 1]):
        word = tokens[start - 1]
        if language == "de" and not legal and not re.fullmatch(r"[A-ZÄÖÜ]\w*(?:e|en|er|es)", word):
            break
        start -= 1
    if start == 0 and start < i and language == "en" and tokens[0].lower() in lx.CUES_BY_FIRST:
        start += 1
    return start


def _extend_right(tokens: list[str], j: int, language: str) -> int:
    """Words after the kind word that belong to the name: "of Health", "für Statistik",
    "in Köln", a place ("Frankfurt"), a legal form ("AG")."""
    joiners = _JOINERS_DE if language == "de" else _JOINERS_EN
    if j < len(tokens) and tokens[j].lower() in joiners:
        k = j + 1
        while k < len(tokens) and k - j <= 6 and (not _stops(tokens[k]) or _joins(tokens, k)):
            k += 1
        return k if k > j + 1 else j
    if j + 1 < len(tokens) and tokens[j].lower() in _IN:
        after = tokens[j + 1]
        if _is_place(after) or (language == "en" and after[:1].isupper() and not _stops(after)):
            return j + 2
    if j < len(tokens) and tokens[j].lower().rstrip(".") in LEGAL_FORMS:
        return j + 1
    if language == "de" and j < len(tokens) and _is_place(tokens[j]):
        return j + 1
    k = j
    while language == "en" and k < len(tokens) and k - j < 3 and not _stops(tokens[k]):
        k += 1  # "Police Federation", "Agency Board": English names run on in capitals
    if k > j and k < len(tokens) and tokens[k].lower().rstrip(".") in LEGAL_FORMS | {"plc"}:
        k += 1
    return k


def _joins(tokens: list[str], k: int) -> bool:
    """ "and" between capitalised words of one name: "Centers for Disease Control and
    Prevention", "Department for Work and Pensions"."""
    if tokens[k].lower() not in ("and", "und") or k + 1 >= len(tokens) or k == 0:
        return False
    return not _stops(tokens[k - 1]) and not _stops(tokens[k + 1])


def _is_place(token: str) -> bool:
    if not token[:1].isupper() or _stops(token):
        return False
    return canonical_place(token) is not None or bool(_PLACE_ENDING.fullmatch(token))


# Kind nouns that introduce an organisation's name in apposition, as news prose does before
# it names the organisation alone: "die Umweltorganisation Greenpeace", "die Elektronikkette
# MediaMarkt", "des Betreibers Currenta", "the campaign group Oxfam", "site operator
# Currenta". German compounds by their ending; English kind nouns are written in lower case.
_INTRODUCER_DE = re.compile(
    r"[\w-]*(?:organisation|gruppe|kette|konzern|hersteller|betreiber|verband|gewerkschaft|"
    r"firma|anbieter|versorger|netzwerk|bündnis|initiative|verein|stiftung|sender|plattform|"
    r"gesellschaft|reederei|händler|dienstleister|unternehmen|institut|zeitung|magazin|"
    r"discounter|fluglinie|airline|bank|versicherer|partei|zulieferer|lieferant)(?:e?s|en|n)?",
    re.I,
)
# "Bundesverband Wärmepumpe", "Landesverband Bayern": the kind noun heads the name itself.
_NAMED_HEAD = re.compile(r"(?:bundes|landes|zentral|dach|gesamt)", re.I)
_INTRODUCER_EN = lx.words(
    "group organisation organization charity company firm carmaker automaker operator "
    "retailer chain network union ngo airline maker manufacturer lender insurer broadcaster "
    "platform watchdog tank body supplier provider giant startup start-up developer producer "
    "bank newspaper magazine campaigners consultancy utility regulator association "
    "foundation institute party"
)


# Introducing kind nouns that make the organisation a company ("der Autozulieferer Brenntal"
# is later "das Unternehmen", "the retailer Halden" is "the company").
_COMPANY_INTRODUCER = re.compile(
    r"[\w-]*(?:kette|konzern|hersteller|betreiber|firma|anbieter|versorger|reederei|händler|"
    r"dienstleister|unternehmen|discounter|fluglinie|airline|bank|versicherer|zulieferer|"
    r"lieferant)(?:e?s|en|n)?|company|firm|carmaker|automaker|operator|retailer|chain|airline|"
    r"maker|manufacturer|lender|insurer|supplier|provider|giant|startup|start-up|developer|"
    r"producer|bank|utility",
    re.I,
)


def introducer_kinds(word: str) -> frozenset[str]:
    """The kinds of an organisation a kind noun introduced: "Autozulieferer" -> company;
    "charity" -> charity; "Umweltorganisation" -> none of the generic kinds."""
    if _COMPANY_INTRODUCER.fullmatch(word):
        return frozenset({COMPANY})
    return _word_kinds(word)


def introduced_name(tokens: list[str], language: str) -> list[str]:
    """The name a kind noun introduces at the end of `tokens`: ["die", "Umweltorganisation",
    "Greenpeace"] -> ["Greenpeace"]; [] when the tokens end in no such apposition."""
    for k in range(len(tokens) - 2, max(len(tokens) - 6, 0) - 1, -1):  # names of 1-4 words
        name = tokens[k + 1 :]
        if is_introducer(tokens[k], language) and all(_name_part(t, n) for n, t in enumerate(name)):
            return name
    return []


@lru_cache(maxsize=8192)
def is_introducer(word: str, language: str) -> bool:
    """A kind noun that may introduce an organisation's name ("Umweltorganisation", "group")."""
    if language == "de":
        return (
            word[:1].isupper()
            and bool(_INTRODUCER_DE.fullmatch(word))
            and not _NAMED_HEAD.match(word)
        )
    return word.islower() and word in _INTRODUCER_EN


# Lower-case words inside an organisation's name: "Ärzte ohne Grenzen", "Unió de Pagesos".
_INSIDE_NAMES = lx.words("für for of ohne without the die de del della di du la le van von and und")


def _name_part(token: str, position: int) -> bool:
    low = token.lower()
    if position and low in _INSIDE_NAMES:
        return True
    return sp.is_name_token(token) or (token[:1].isupper() and sp.is_org(token))


def is_known(name: str) -> bool:
    """An organisation news names alone ("Greenpeace", "Human Rights Watch")."""
    return name.casefold() in lx.KNOWN_ORGS
