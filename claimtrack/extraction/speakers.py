"""Tokens and noun phrases of speakers: names apart from role nouns, organisations, roles.

Helpers for attribution.py: the phrase next to a reporting cue is found here (walking
forwards or backwards from the cue, past time adverbials, relative clauses and appositions
such as "Robert Cekuta, former US ambassador, said"), and its tokens are classified.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.extraction import lexicon as lx

# A number keeps its separators ("2,000", "3.75") but not a comma or dot after it ("in 2021,").
TOKEN = re.compile(r"[„“”\"«»‚‘’]|[^\W\d_][\w.'’\-]*|\d(?:\w|[.,](?=\w))*|[,;:()–—]")
QUOTES = set('„“”"«»‚‘’')
RELATIVES = lx.words("who which that der die das welche welcher dessen deren")
_ADJECTIVE = re.compile(r"[a-zäöüß][\w-]*(?:e|en|er|es|em)")
_TIME_LEADS = lx.words("am an on last this vergangenen letzten")
_FUNCTION_WORDS = lx.words("is was are were be been what who how has have had it that there")


# Particles inside a person's name: "Ursula von der Leyen", "Charles de Gaulle", "Mohammed
# bin Salman". A name starts with one of the first, later ones follow ("von der", "van den").
_PARTICLES_FIRST = lx.words("von van de al bin")
_PARTICLES_MORE = lx.words("der den de la")


def tokenize(text: str) -> list[str]:
    return _join_particles([strip_dot(t) for t in TOKEN.findall(text)])


def _join_particles(tokens: list[str]) -> list[str]:
    """Keep a name with particles in one token when a role or title introduces it
    ("Kommissionspräsidentin Ursula von der Leyen"): on their own, "von" and "der" are a
    preposition and an article, and "Müller von Siemens" is not a name."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        end = _particle_name_end(tokens, i) if out and is_role(out[-1]) else None
        if end is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append(" ".join(tokens[i:end]))
            i = end
    return out


def _particle_name_end(tokens: list[str], start: int) -> int | None:
    """The end of "Ursula von der Leyen" starting at `start`, or None."""
    if not tokens[start][:1].isupper() or start + 2 >= len(tokens):
        return None
    k = start + 1
    if tokens[k] not in _PARTICLES_FIRST:
        return None
    k += 1
    while k < len(tokens) and tokens[k] in _PARTICLES_MORE:
        k += 1
    if k < len(tokens) and tokens[k][:1].isupper() and not is_org(tokens[k]):
        return k + 1
    return None


def strip_dot(token: str) -> str:
    """Drop a sentence-final dot ("Berger." -> "Berger") but keep "U.S.", "Dr." and "E."."""
    if token.endswith(".") and "." not in token[:-1] and token[:-1].lower() not in lx.ROLES:
        if len(token) == 2 and token[0].isupper():
            return token  # an initial
        return token[:-1]
    if token.endswith(".") and _DOMAIN.fullmatch(token[:-1]):
        return token[:-1]  # "PowerOutage.us." ends a sentence; "U.S." keeps its dots
    return token


_DOMAIN = re.compile(r"[\w-]{3,}(?:\.[\w-]+)*\.[a-z]{2,}")


@lru_cache(maxsize=8192)
def is_org(token: str) -> bool:
    if " " in token:
        return False  # a name kept whole with its particles ("Ursula von der Leyen")
    if is_role(token.split("-")[-1]) or lx.ROLE_WORD.fullmatch(token):
        return False  # "SPD-Politikerin", "DWD-Klimaexperte" are people
    return bool(lx.ORG_WORD.fullmatch(token.split("-")[-1]) or lx.ACRONYM.fullmatch(token)) or bool(
        lx.ORG_WORD.search(token)
    )


@lru_cache(maxsize=8192)
def is_role(token: str) -> bool:
    """A role noun, also in the German genitive ("des Ministers", "des Präsidenten"): a role
    alone is no name."""
    if token.lower().rstrip(".") in lx.ROLES or lx.ROLE_WORD.fullmatch(token):
        return True
    return bool(role_stem(token))


def role_stem(token: str) -> str:
    """The role a role noun names, lower case, without the feminine or a genitive ending:
    "Innenministerin" -> "innenminister", "Ministers" -> "minister", "Präsidenten" ->
    "präsident", "SPD-Politikerin" -> "politiker"; "" for other words."""
    low = token.lower().rstrip(".")
    if low in lx.ROLES:
        return low
    low = low.rpartition("-")[2] or low  # "SPD-Politikerin" is a Politikerin
    # German case endings on capitalised nouns only: English "ministers" is a plural
    for end in ("", "s", "en", "n") if token[:1].isupper() else ("",):
        stem = low[: len(low) - len(end)] if end else low
        if (not end or low.endswith(end)) and lx.ROLE_WORD.fullmatch(stem):
            if stem.endswith("in") and lx.ROLE_WORD.fullmatch(stem[:-2]):
                stem = stem[:-2]  # Ministerin -> minister
            return stem
    return ""


def is_known_kind(token: str) -> bool:
    return is_org(token) or is_role(token) or lx.is_unnamed(token)


def is_name_token(token: str) -> bool:
    """A capitalised word that may be part of a person's name."""
    low = token.lower()
    return (
        token[:1].isupper()
        and token not in QUOTES
        and not is_role(token)
        and not is_org(token)
        and not lx.is_unnamed(low)
        and low not in lx.ARTICLES
        and low not in lx.STOP
        and low not in lx.TIME_WORDS
        and low not in lx.PRONOUNS
        and low not in lx.POSSESSIVES
    )


def name_run(tokens: list[str]) -> list[str]:
    """The last run of name-like tokens: "Environment Agency chief executive Philip Dunmore"
    -> ["Philip", "Dunmore"]."""
    run: list[str] = []
    for token in reversed(tokens):
        if is_name_token(token) and not token.endswith("'s"):
            run.insert(0, token)
        elif run:
            break
    return run


def gender(content: list[str], language: str) -> str | None:
    """From titles (Frau, Mr) and, in German, role nouns (Ministerin vs. Minister)."""
    for token in content:
        low = token.lower().rstrip(".")
        if low in lx.FEMALE_TITLES:
            return "f"
        if low in lx.MALE_TITLES:
            return "m"
        if language == "de" and lx.ROLE_WORD.fullmatch(token):
            return "f" if low.endswith("in") else "m"
    return None


_VOWELS = frozenset("aeiouäöüy")


def nominative(name: str) -> str:
    """Undo the German genitive of the head noun after "des"/"eines": "Ministeriums" ->
    "Ministerium", "Insolvenzverwalters" -> "Insolvenzverwalter", "Verbandes" -> "Verband"."""
    words = name.split()
    if not words:
        return name
    at = len(words) - 1
    if at and not is_org(words[at]) and is_org(words[at - 1]):
        at -= 1  # "des Polizeipräsidiums Mannheim": the office is declined, not the town
    last = words[at]
    if last.lower().endswith("fonds"):
        return name  # "Währungsfonds" is the nominative too
    if last.endswith("es") and len(last) > 5 and last[-3].lower() not in _VOWELS:
        words[at] = last[:-2]
    elif last.endswith("s") and len(last) > 4 and not last.endswith("ss"):
        words[at] = last[:-1]
    return " ".join(words)


def collect(
    tokens: list[str], language: str, backwards: bool = False, source: bool = False
) -> list[str]:
    """The noun phrase at the start of `tokens` (reversed when `backwards`), up to 10 tokens.

    Stops at punctuation, quotes, numbers and function words. English lowercase words are
    kept only inside the phrase ("the interior ministry"); German lowercase words only as
    adjectives after an article ("die unabhängige Kommission"). `source` is for phrases that
    are always a source ("laut …", "nach Angaben der …"), where plain nouns count.
    """
    tokens = _skip_time(tokens, backwards)
    if language == "de" and not backwards and not source:
        tokens = _skip_recipient(tokens)
    phrase: list[str] = []
    for k, token in enumerate(tokens[:10]):
        low = token.lower()
        if language == "de" and not backwards and _recipient_starts(phrase, low):
            break  # "sagte Roderich Kiesewetter dem SPIEGEL": the dative is who was told
        if language == "de" and not backwards and _object_starts(phrase, low):
            break  # "nannte Vorstandschef Holger Klein die schwache Nachfrage": the object
        if (low in lx.PRONOUNS or low in lx.POSSESSIVES) and not phrase:
            return [token] if low in lx.PRONOUNS else _possessive(tokens, k, backwards)
        if low in ("and", "und") and _joins_name(tokens, k, phrase):
            phrase.append(token)  # "Department for Work and Pensions"
            continue
        if backwards and phrase and low in _PLACE_PREPOSITIONS:
            before = tokens[k + 1] if k + 1 < len(tokens) else ""
            if not (is_known_kind(before) or before.lower() in lx.GENERIC_ORGS):
                return []  # "a post shared … on Facebook claims": an object, not the speaker
            phrase.append(token)  # "Police in Cologne said", "Doctors at the hospital said"
            continue
        if low in lx.STOP or not token[:1].isalpha():
            break
        if not phrase and low == "by" and not backwards:
            continue  # "confirmed by the ministry": the passive's agent is the speaker
        if not phrase and low in lx.LINKS - lx.ARTICLES:
            return []  # "sprach von ...": a prepositional object, not the speaker
        adjective = _ADJECTIVE.fullmatch(token) and _follows_article(phrase, backwards)
        lower_de = language == "de" and token[:1].islower()
        if lower_de and low not in lx.ARTICLES | lx.LINKS and not adjective:
            break
        phrase.append(token)
        if backwards and low in lx.ARTICLES and len(phrase) > 1:
            after = tokens[k + 1] if k + 1 < len(tokens) else ""
            genitive = low in ("der", "des") and (is_role(after) or lx.is_unnamed(after))
            if after.lower() not in ("of", "at", "from", "for", "von") and not genitive:
                break  # "the health ministry said": the article closes the phrase
            # "wie ein Sprecher der Bergwacht sagte": the genitive belongs to the speaker
    if backwards:
        phrase.reverse()
    return _trim(phrase, source)


_NAME_JOINERS = frozenset({"for", "of", "für"})
# Prepositions of place between a speaker and where they are ("Police in Cologne said").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "im", "aus", "bei"})


def _skip_recipient(tokens: list[str]) -> list[str]:
    """ "sagte dem SPIEGEL ein Sprecher": the dative recipient before the speaker is skipped."""
    if not tokens or tokens[0].lower() != "dem":
        return tokens
    k = 1
    while k < len(tokens) and (tokens[k][:1].isupper() or tokens[k] in QUOTES):
        k += 1
    return tokens[k:]


def _recipient_starts(phrase: list[str], low: str) -> bool:
    """After the speaker's name, "dem …" and "der …" are the dative of who was told ("dem
    SPIEGEL", "der Nachrichtenagentur dpa"); after a role or kind noun "der …" is a genitive
    ("der Sprecher der Polizei")."""
    if not phrase or low not in ("dem", "der"):
        return False
    if low == "dem":
        return True
    # "der" after a person's name is a dative; inside an organisation's name a genitive
    # ("Bundesamt für das Personalmanagement der Bundeswehr")
    named_org = any(is_org(t) or t.lower() in lx.LINKS for t in phrase)
    return is_name_token(phrase[-1]) and not named_org


_OBJECT_ARTICLES = frozenset({"die", "das", "den", "ein", "eine", "einen"})


def _object_starts(phrase: list[str], low: str) -> bool:
    """After a named speaker an accusative article begins the verb's object; "der" and "des"
    continue the phrase as a genitive ("der Sprecher der Polizei"), and any article after a
    linking word belongs to an organisation's name."""
    if low not in _OBJECT_ARTICLES or not phrase or phrase[-1].lower() in lx.LINKS:
        return False  # "Bundesamt für das Personalmanagement": inside the name
    return any(t[:1].isupper() and t.lower() not in lx.ARTICLES for t in phrase)


def _joins_name(tokens: list[str], k: int, phrase: list[str]) -> bool:
    """ "and"/"und" inside one organisation's name: capitalised words on both sides and one
    head between them ("Department for Work and Pensions", "Food and Drug Administration",
    "Ministerium für Wirtschaft und Klimaschutz"); "Polizei und Feuerwehr" are two."""
    if not phrase or not phrase[-1][:1].isupper():
        return False
    other: list[str] = []
    for token in tokens[k + 1 : k + 5]:
        if not (token[:1].isupper() or token.lower() in _NAME_JOINERS):
            break
        other.append(token)
    if not other or not other[0][:1].isupper():
        return False
    here, there = any(map(is_org, phrase)), any(map(is_org, other))
    return here != there


def _possessive(tokens: list[str], k: int, backwards: bool) -> list[str]:
    return [tokens[k]] + (
        [] if backwards else [t for t in tokens[k + 1 : k + 2] if t[:1].isupper()]
    )


def _follows_article(phrase: list[str], backwards: bool) -> bool:
    if backwards:
        return True  # walking back, the article comes later: "die unabhängige Kommission"
    return bool(phrase) and phrase[-1].lower() in lx.ARTICLES


def _skip_time(tokens: list[str], backwards: bool) -> list[str]:
    """Drop a time adverbial next to the cue: "am Freitag", "on Monday", "gestern"."""
    i = 0
    while i < len(tokens) and (
        tokens[i].lower() in lx.TIME_WORDS or tokens[i].lower() in _TIME_LEADS
    ):
        i += 1
    if i and backwards:
        return tokens[i:]
    if i and not backwards and tokens[:1] and tokens[0].lower() in _TIME_LEADS:
        return tokens[i:]
    return tokens


def _trim(phrase: list[str], source: bool) -> list[str]:
    while phrase and not _is_head(phrase[-1]):
        phrase.pop()
    while phrase and (
        phrase[0].lower() in lx.LINKS - lx.ARTICLES
        or (phrase[0].lower() in _FUNCTION_WORDS and len(phrase) > 1)
    ):
        phrase.pop(0)
    if not phrase or all(t.lower() in lx.ARTICLES or t.lower() in lx.NOT_SPEAKERS for t in phrase):
        return []
    if not source and phrase[0].lower() in lx.ARTICLES and not _names_someone(phrase):
        return []  # "die Zahl der Festnahmen": an article and plain nouns make an object
    return phrase


def _names_someone(phrase: list[str]) -> bool:
    """A known kind of speaker, or a name (two capitalised words in a row)."""
    if any(is_known_kind(t) or t.lower() in lx.GENERIC_ORGS for t in phrase):
        return True
    return any(
        a[:1].isupper() and b[:1].isupper() and a.lower() not in lx.ARTICLES
        for a, b in zip(phrase, phrase[1:], strict=False)
    )


def _is_head(token: str) -> bool:
    low = token.lower()
    if low in lx.ARTICLES or low in lx.LINKS:
        return False
    return (
        token[:1].isupper()
        or lx.is_unnamed(low)
        or low in lx.GENERIC_ORGS
        or bool(lx.ORG_WORD.fullmatch(low))
        or low in lx.HEAD_ROLES  # "the minister said", "according to the minister"
    )


def before_cue(tokens: list[str], language: str) -> list[str]:
    """The speaker phrase before a cue, reading backwards: "X, who …, said", "X, a …, said"
    and "the ambassador, Robert Cekuta, said" name X / Robert Cekuta."""
    if language == "en":
        tokens = _without_post_modifier(tokens)
    back = list(reversed(tokens))
    back = _skip_time(back, backwards=True)
    if back[:1] == [")"] and "(" in back[:6]:
        back = back[back.index("(") + 1 :]  # "The Office for Budget Responsibility (OBR) said"
    if back[:1] == [","]:
        close = next((i for i in range(1, min(len(back), 20)) if back[i] == ","), None)
        segment = list(reversed(back[1:close])) if close else list(reversed(back[1:]))
        if segment and segment[0].lower() in RELATIVES and close:
            return collect(back[close + 1 :], language, backwards=True)
        if segment and name_run(segment) == segment and len(segment) <= 4:
            return segment
        earlier = list(reversed(back[close + 1 : close + 6])) if close else []
        run = name_run(earlier)
        if run and run == earlier[len(earlier) - len(run) :] and _apposition(segment):
            return run
        return collect(back[1:], language, backwards=True)
    return collect(back, language, backwards=True)


# What follows an unnamed source in English: "sources familiar with the talks", "a person
# close to the minister", "officials briefed on the matter", "people with knowledge of it".
_POST_MODIFIERS = frozenset({"familiar", "close", "briefed", "knowledgeable", "involved", "privy"})


def _without_post_modifier(tokens: list[str]) -> list[str]:
    """The tokens before a cue up to the unnamed source a post-modifier describes: "two sources
    familiar with the discussion said" -> "two sources"."""
    for j in range(len(tokens) - 1, max(len(tokens) - 9, 0), -1):
        word = tokens[j].lower()
        knowledge = word == "with" and j + 1 < len(tokens) and tokens[j + 1].lower() == "knowledge"
        if (word in _POST_MODIFIERS or knowledge) and lx.is_unnamed(tokens[j - 1]):
            return tokens[:j]
    return tokens


def _apposition(segment: list[str]) -> bool:
    """ "ehemaliger Co-Vorsitzender der …", "a tax partner at …": describes a person."""
    if not segment:
        return False
    first = segment[0]
    return first.lower() in lx.ARTICLES or first[:1].islower() or any(is_role(t) for t in segment)


def names_in(sentence: str) -> list[str]:
    """Named organisations (acronyms such as "NATO", "OVKS") and people introduced with a
    role ("Präsident Tokajew", "Interior Minister Jane Doe") mentioned in a sentence."""
    tokens = tokenize(sentence)
    found: list[str] = []
    for i, token in enumerate(tokens):
        if lx.ACRONYM.fullmatch(token) and token.upper() == token and len(token) <= 6:
            found.append(token)
        elif is_role(token) and token[:1].isupper():
            name = [t for t in tokens[i + 1 : i + 3] if t[:1].isupper() and t not in QUOTES]
            name = name[: next((k for k, t in enumerate(name) if is_role(t)), len(name))]
            if name and not is_org(name[-1]) and name[0].lower() not in lx.STOP:
                found.append(f"{token} {' '.join(name)}")
    return list(dict.fromkeys(found))


def claimant_kind_of(name: str, language: str = "de") -> str:
    """ "person", "organisation" or "unnamed" for a claimant typed by hand ("Innenministerium",
    "NATO", "Experten", "Maria Berger")."""
    tokens = tokenize(name)
    if not tokens:
        return "unnamed"
    if name.strip().casefold() in lx.KNOWN_ORGS:
        return "organisation"
    if any(is_org(t) for t in tokens) or tokens[-1].lower() in lx.GENERIC_ORGS:
        return "organisation" if not name_run(tokens) or is_org(tokens[-1]) else "person"
    if any(lx.is_unnamed(t) for t in tokens) and not name_run(tokens):
        return "unnamed"
    return "person"
