"""How a speaker phrase reads: word-level rules the attributor applies to a sentence's tokens.

`attribution.Attributor` walks a story and remembers who spoke; the rules here look at one
sentence's tokens only (no memory): where the cues are, which words of a phrase are its head, a
role, a town or a place, whether a German clause puts its subject first, how a German
organisation's name is written in the nominative, and which roles may name one person. Kept
apart so that the attributor reads as the story-level logic it is.
"""

from __future__ import annotations

import re

from claimtrack.extraction import lexicon as lx
from claimtrack.extraction import organisations as orgs
from claimtrack.extraction import speakers as sp
from claimtrack.text.normalize import fold
from claimtrack.text.places import canonical_place, gazetteer

# Roles one person may be called by ("Bundeskanzler Olaf Scholz … sagte der Regierungschef").
ROLE_SYNONYMS = [
    frozenset({"kanzler", "regierungschef", "premier", "ministerpräsident", "prime", "chancellor"}),
    frozenset({"präsident", "staatschef", "president"}),
    frozenset({"minister", "secretary"}),  # "Work and Pensions Secretary" is a minister
    frozenset({"chef", "vorstand", "geschäftsführer", "ceo", "chief", "executive", "director"}),
]
# Roles that say nothing about office: they fit anyone ("der Politiker").
ANY_ROLE = frozenset({"politiker", "experte", "expert", "leader", "former", "ex-", "vice"})


def role_fits(role: str | None, wanted: str) -> bool:
    """ "Innenminister" is a "Minister", a "Work and Pensions Secretary" is "the minister";
    "Ministerpräsident" is no "Minister"."""
    if not role or not wanted:
        return False
    if role.endswith(wanted) or wanted.endswith(role):
        return True
    return any(
        any(role.endswith(x) for x in group) and any(wanted.endswith(x) for x in group)
        for group in ROLE_SYNONYMS
    )


def role_may_be(role: str | None, wanted: str) -> bool:
    """A person whose role the story did not give may be meant ("der Politiker" fits all)."""
    return role is None or not wanted or role in ANY_ROLE or wanted in ANY_ROLE


# Cues that cite a source rather than report speech: "laut Destatis", "according to Eurostat".
CITING = frozenset({"laut", "so", "according to", "zufolge", "citing"})
# An unnamed spokesperson "of"/"der" an organisation speaks for it.
OF_FOR = lx.words("der des of for from at von vom")
PLACE_PREPOSITIONS = lx.words("in at on im aus bei")
GENITIVE_LINKS = lx.words("für for of der des von vom")
# German adjectives of a town: "Wiesbadener", "Kölner", "Frankfurter".
PLACE_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+er")


def org_in(tokens: list[str]) -> bool:
    return any(sp.is_org(t) for t in tokens)


# "X für Y", "X for Y", "X of Y" inside a name make it an institution's, not a person's.
INSTITUTION_JOINERS = lx.words("für for of")
SPOKESPEOPLE = lx.words(
    "sprecher sprecherin sprecherinnen spokesman spokeswoman spokesperson spokespeople"
)
AUXILIARIES = lx.PERFECT_AUXILIARIES | lx.PASSIVE_AUXILIARIES
# Separable prefixes closing a clause: "sagte … zu", "kündigte … an", "teilte … mit".
SEPARABLE = lx.words("zu an auf aus ein fest vor mit zurück bei dar ab fort")


def is_country(name: str) -> bool:
    hit = gazetteer().get(tuple(fold(name).split()))
    return hit is not None and hit[1] == "country"


def only_a_place(phrase: list[str]) -> bool:
    words = [t for t in phrase if t.lower() not in lx.ARTICLES]
    return bool(words) and canonical_place(" ".join(words)) is not None


def subject_of_separable(
    tokens: list[str], index: int, after: list[str], language: str
) -> list[str]:
    """ "Die EU-Kommission sagte Slowenien Hilfe zu": with a separable verb the words after
    it up to the prefix are its objects, so a subject filling the whole start of the sentence
    speaks ("Am Freitag teilte die Polizei mit" keeps the subject after the verb)."""
    if language != "de" or after[0].lower() in lx.PRONOUNS or not index:
        return []
    end = next((k for k in range(index + 1, len(tokens)) if tokens[k] in (",", ";", ":")), None)
    clause = tokens[index + 1 : end]
    if not clause or clause[-1].lower() not in SEPARABLE:
        return []
    before = sp.before_cue(tokens[:index], language)
    return before if before == tokens[:index] else []


def subject_first(tokens: list[str], index: int, after: list[str], language: str) -> list[str]:
    """ "Israel meldet Tötung von Hamas-Kommandeur", "Scholz kündigt Hilfen an": a German
    clause opening with a speaker and the verb second has its subject first when what follows
    the verb is a bare noun; a subject after the verb comes with its article or is a pronoun
    or a known kind ("Am Montag meldete die Polizei", "Das sagte Merkel" keeps Merkel)."""
    first = after[0].lower()
    if language != "de" or not index or first in lx.ARTICLES or first in lx.PRONOUNS:
        return []
    if any(sp.is_known_kind(t) or sp.is_role(t) for t in after):
        return []
    before = sp.before_cue(tokens[:index], language)
    return before if before == tokens[:index] else []


COMPOUND_SOURCES = ("angaben", "schätzungen", "schätzung", "berechnungen", "zählungen", "zählung")


def without_extended_attribute(rest: list[str]) -> list[str]:
    """ "der von der Hamas kontrollierten Gesundheitsbehörde" -> "der Gesundheitsbehörde": a
    participle phrase between the article and its noun describes the source; the noun after
    the participle is the source."""
    if len(rest) < 4 or rest[0].lower() not in lx.ARTICLES or rest[1].lower() not in ("von", "vom"):
        return rest
    for k in range(2, min(len(rest) - 1, 8)):
        word = rest[k]
        if (
            word[:1].islower()
            and word.endswith(("ten", "enen", "ierten"))
            and rest[k + 1][:1].isupper()
        ):
            return [rest[0], *rest[k + 1 :]]
    return rest


def compound_source(token: str) -> str | None:
    """The source in a German compound "<Quelle>angaben": "Regierungsangaben" -> "Regierung",
    "Polizeiangaben" -> "Polizei" (the linking s of "Regierungs-" dropped)."""
    low = token.lower()
    end = next((e for e in COMPOUND_SOURCES if low.endswith(e)), None)
    if end is None or not token[:1].isupper() or len(token) - len(end) < 3:
        return None
    return sp.nominative(token[: -len(end)])


# German nouns for a person who works for an organisation ("Polizeibeamter", "Polizeiobermeister").
MEMBER_ENDINGS = ("beamter", "beamtin", "beamte", "meister", "meisterin")


def office_before(token: str) -> bool:
    """An organisation of a known kind, not a person working there: the name after it says
    where it is ("Polizeipräsidium Oberbayern Nord"), while a person follows a role or a noun
    for a member ("Polizeiobermeister Jan Berg", "der Feuerwehrmann Max Müller")."""
    if sp.is_role(token) or token.lower().endswith(MEMBER_ENDINGS):
        return False
    return bool(orgs.kinds_of(token))


def clause_final_passive(tokens: list[str], index: int, length: int) -> bool:
    """A German participle closing its clause after a passive auxiliary ("wird … vermutet.")."""
    nxt = tokens[index + length] if index + length < len(tokens) else "."
    if nxt[:1].isalnum():
        return False
    clause = tokens[:index]
    start = max((k for k, t in enumerate(clause) if t in ",;:"), default=-1) + 1
    return any(t.lower() in lx.PASSIVE_AUXILIARIES for t in clause[start:])


# Adjectives opening a German organisation's name, and the gender of its head noun.
NAME_ADJECTIVE = re.compile(r"([A-ZÄÖÜ]\w*(?:isch|lich|ig|al|ell|sch))(?:e|en|er|es|em)")
MASCULINE_HEADS = (
    "dienst", "verband", "rat", "bund", "konzern", "verein", "hof", "senat", "tag", "fonds",
    "ausschuss",
)  # fmt: skip
NEUTER_HEADS = (
    "amt", "institut", "ministerium", "gericht", "werk", "büro", "zentrum", "komitee",
    "parlament", "kommando", "krankenhaus", "klinikum", "museum", "unternehmen",
)  # fmt: skip
FEMININE_HEADS = ("bahn", "bank", "behörde", "agentur", "kammer", "anstalt", "polizei", "union")


def as_named(name: str) -> str:
    """A German organisation as it is named, not as the sentence declined it: "des Statistischen
    Bundesamts" / "das Statistische Bundesamt" -> "Statistisches Bundesamt", "des Deutschen
    Wetterdienstes" -> "Deutscher Wetterdienst", "der Europäischen Zentralbank" -> "Europäische
    Zentralbank", so one organisation is one claimant in every story."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and NAME_ADJECTIVE.fullmatch(words[k]):
        k += 1
    if k == 0:  # "Polizeipräsidiums Mannheim" -> "Polizeipräsidium Mannheim"
        return sp.nominative(name) if len(words) == 2 else name
    if words[0].endswith("en"):  # a genitive: "des Statistischen Bundesamts"
        words[k] = sp.nominative(words[k])
    head = words[k].lower()
    if head.endswith(MASCULINE_HEADS):
        ending = "er"
    elif head.endswith(NEUTER_HEADS):
        ending = "es"
    elif head.endswith(FEMININE_HEADS) or lx.is_feminine_org(head):
        ending = "e"
    else:
        return name
    stems = [m.group(1) for w in words[:k] if (m := NAME_ADJECTIVE.fullmatch(w))]
    return " ".join([s + ending for s in stems] + words[k:])


SPOKESPERSON_ENDS = ("sprecherin", "sprecher")


def spokesperson_compound(content: list[str]) -> str | None:
    """The organisation of an unnamed German compound spokesperson: "ein Polizeisprecher" ->
    Polizei, "ein Regierungssprecher" -> Regierung (a name after it is the person:
    "Regierungssprecher Steffen Hebestreit")."""
    if len(content) != 1:
        return None
    low = content[0].lower()
    end = next((e for e in SPOKESPERSON_ENDS if low.endswith(e)), None)
    if end is None or len(low) - len(end) < 4:
        return None
    stem = content[0][: -len(end)].rstrip("-")
    # the linking s of "Regierungssprecher" is no part of the organisation's name
    for candidate in (stem[:-1], stem) if stem.endswith("s") else (stem,):
        if sp.is_org(candidate) or orgs.kinds_of(candidate):
            return candidate
    return None


def without_noun_after_article(phrase: list[str], run: list[str], language: str) -> list[str]:
    """German sets no article before a person's name, so after one the first capitalised word
    is a noun describing the person: "Die Virologin Anna Berg", "der Sachverständige Steffen
    Marx", "des SPD-Politikers Kevin Kühnert" name Anna Berg, Steffen Marx, Kevin Kühnert."""
    if language != "de" or len(run) < 2 or phrase[0].lower() not in lx.ARTICLES:
        return run
    first = next((t for t in phrase[1:] if t.lower() not in lx.ARTICLES), None)
    return run[1:] if first == run[0] else run


def genitive_noun(phrase: list[str], head: list[str]) -> bool:
    """ "des Zivilschutzes", "eines Verbandes", "der Sachsenenergie": one noun in the genitive
    after a source cue is an organisation (a person there has a role: "des Sprechers Max Weber",
    "der Ministerin Anna Berg"; a person named alone is "nach Angaben von Berg")."""
    if phrase[0].lower() not in ("des", "eines", "der", "einer") or len(head) != 1:
        return False
    word = head[0]
    return not sp.is_role(sp.nominative(word)) and not lx.is_unnamed(word)


def run_after(tokens: list[str], start: int) -> list[str]:
    run: list[str] = []
    for token in tokens[start : start + 4]:
        if not sp.is_name_token(token):
            break
        run.append(token)
    return run


def names_a_subject(subject: list[str]) -> bool:
    """ "Jet2", "easyJet", "Northwind Energy" open a sentence as its subject; "Pre-tax
    profit" or "Overall" do not."""
    if len(subject) > 1:
        return True
    word = subject[0]
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])


def closed_by_comma(tokens: list[str], index: int) -> bool:
    return index < len(tokens) and tokens[index] in (",", "(")


def split_link(content: list[str]) -> tuple[list[str], list[str]]:
    """ "Sprecher der Feuerwehr" -> (["Sprecher"], ["der", "Feuerwehr"]); "für" stays inside
    names ("Landesamt für Umwelt")."""
    for i, token in enumerate(content):
        if i and token.lower() in ("of", "from", "at", "der", "des", "von", "vom"):
            return content[:i], content[i + 1 :]
    return content, []


FINDING = frozenset({"found", "finds"})
PASSIVE_EN = frozenset({"was", "were", "been", "be", "is", "are"})


def cues(tokens: list[str]) -> list[tuple[int, int, str, str]]:
    """(index, length, cue text, direction) for every reporting cue in the sentence."""
    found = []
    lowered = [t.lower() for t in tokens]
    for i, low in enumerate(lowered):
        for cue, direction in lx.CUES_BY_FIRST.get(low, ()):
            n = len(cue)
            if tuple(lowered[i : i + n]) != cue:
                continue
            if cue == ("so",) and (i == 0 or tokens[i - 1] != ","):
                continue
            participle = cue[0] in FINDING or (n == 1 and cue[0].endswith("ed"))
            passive = participle and i and lowered[i - 1] in PASSIVE_EN
            if passive and lowered[i + 1 : i + 2] != ["by"]:
                continue  # "He was found guilty", "were admitted to hospital": nobody speaks
            found.append((i, n, " ".join(tokens[i : i + n]), direction))
    return found


# Words between an English cue and what is said: a time ("on Friday"), the channel ("in a
# statement"), "that", a comma.
_BEFORE_SAID = lx.words(
    "that , on late early earlier in a an statement filing today yesterday monday tuesday "
    "wednesday thursday friday saturday sunday"
)
# After "it" these make "it" the empty subject of the sentence ("said it was time to …", "it is
# unclear"), or any thing, not the speaker.
_IT_EXPLETIVE = lx.words("was is 's seems seemed appears appeared remains remained")
_IT_AUXILIARY = lx.words("would will could might may had has must should can")


def speaks_of_itself(after: list[str], language: str) -> bool:
    """What is said refers to the English speaker as "it" or "its": "Tesla said it delivered
    …", "Siemens said its orders …", "Porsche said on Friday it expects …". A company or an
    authority speaks of itself so, a person never; "it was …" and "it would be …" are left out,
    as "it" there is as often the situation ("Merz said it was a mistake"). German has no such
    sign: "man werde …" is what politicians say for their government as often as companies."""
    if language != "en":
        return False
    words = [t.lower() for t in after[:8]]
    k = 0
    while k < len(words) and words[k] in _BEFORE_SAID:
        k += 1
    if k == len(words):
        return False
    if words[k] == "its":
        return True
    if words[k] != "it" or k + 1 == len(words):
        return False
    verb = words[k + 1]
    if verb in _IT_EXPLETIVE:
        return False
    return not (verb in _IT_AUXILIARY and words[k + 2 : k + 3] in (["be"], ["been"]))
