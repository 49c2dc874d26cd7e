"""Who made a claim: the person or organisation a sentence credits, or the outlet.

Walks the sentences of a story in order and remembers the last named speaker, so that
"sagte er" / "she said" resolve to them. Unnamed sources ("Experten", "officials") are
returned as such, marked "unnamed". A sentence with no attribution is the story's own
assertion and is credited to the outlet. Rules, not a parser: they cover the reporting
patterns of German and English news prose and say "no claimant" rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.extraction import lexicon as lx

PERSON, ORGANISATION, UNNAMED, OUTLET = "person", "organisation", "unnamed", "outlet"
_TOKEN = re.compile(r"[„“”\"«»‚‘’]|[^\W\d_][\w.'’\-]*|\d[\w.,]*|[,;:()–—]")
_QUOTES = set('„“”"«»‚‘’')


@dataclass(frozen=True, slots=True)
class Attribution:
    """The claimant of one sentence and the cue that credited them."""

    claimant: str | None
    kind: str  # person | organisation | unnamed | outlet
    cue: str | None = None


# "Das teilte ein Sprecher mit." credits the sentence before it, and says nothing itself.
_BACK_REFERENCE = re.compile(
    r"^(?:das|dies|so|diese zahlen|diese angaben|that|this|these figures)\b\W+(?:[\w-]+\s+){0,3}?"
    r"(?:sagte|sagten|teilte|teilten|erklärte|erklärten|berichtete|berichteten|meldete|"
    r"meldeten|bestätigte|bestätigten|said|told|reported|confirmed|announced)\b",
    re.I,
)


def attribute_sentences(
    sentences: list[str], language: str, outlet: str | None = None
) -> tuple[list[Attribution], list[bool]]:
    """Attributions of a story's sentences in reading order, and which sentences only credit
    the one before ("Das teilte die Polizei mit."): that sentence's claim gets their speaker.
    """
    attributor = Attributor(language, outlet)
    found = [attributor.attribute(sentence) for sentence in sentences]
    credits_previous = [False] * len(sentences)
    for i in range(1, len(sentences)):
        current, before = found[i], found[i - 1]
        if _BACK_REFERENCE.match(sentences[i].strip()) and current.kind != OUTLET:
            credits_previous[i] = True
            if before.kind == OUTLET:
                found[i - 1] = current
    return found, credits_previous


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    kind: str
    gender: str | None


class Attributor:
    """Stateful over one story: call `attribute` on its sentences in reading order."""

    def __init__(self, language: str, outlet: str | None = None) -> None:
        self.language = language
        self.outlet = outlet or None
        self._last: list[_Speaker] = []
        self._full_names: dict[str, str] = {}  # surname -> full name seen after a role
        self._previous: Attribution | None = None

    def attribute(self, sentence: str) -> Attribution:
        """Attribute `sentence`, updating the memory of named speakers."""
        result = self._attribute(sentence)
        self._previous = result
        return result

    def _attribute(self, sentence: str) -> Attribution:
        tokens = [_strip_dot(t) for t in _TOKEN.findall(sentence)]
        self._learn_names(tokens)
        for index, cue_len, cue, direction in _cues(tokens):
            phrase = _phrase(tokens, index, cue_len, direction, self.language)
            if not phrase:
                continue
            found = self._classify(phrase, cue)
            if found is not None:
                return found
        previous = self._previous
        stripped = sentence.lstrip()
        if stripped[:1] in _QUOTES and previous is not None and previous.kind != OUTLET:
            return previous  # a quote continuing the last speaker's words
        return Attribution(self.outlet, OUTLET, None)

    def _classify(self, phrase: list[str], cue: str) -> Attribution | None:
        if phrase[0].lower() in lx.PRONOUNS:
            return self._refer_back(lx.PRONOUNS[phrase[0].lower()], cue, phrase[0].lower())
        content = list(phrase)
        while content and content[0].lower() in lx.ARTICLES:
            content.pop(0)
        if not content:
            return None
        name = " ".join(content)
        if phrase[0].lower() == "des" and len(content) == 1:
            name = _nominative(name)  # "nach Angaben des Ministeriums" -> "Ministerium"
        if _is_org(content[-1]):
            gender = "f" if lx.is_feminine_org(content[-1]) else None
            self._remember(_Speaker(name, ORGANISATION, gender))
            return Attribution(name, ORGANISATION, cue)
        if any(t.lower() in lx.UNNAMED for t in content[:3]):
            return Attribution(name, UNNAMED, cue)
        names = [t for t in content if t[:1].isupper() and not _is_role(t) and not _is_org(t)]
        gender = _gender(content, self.language)
        if not names:  # "sagte die Ministerin": the last person of that role, else the role
            return self._refer_to_role(content, gender, cue)
        person = self._expand(" ".join(names))
        self._remember(_Speaker(person, PERSON, gender))
        return Attribution(person, PERSON, cue)

    def _refer_back(self, gender: str | None, cue: str, word: str) -> Attribution:
        # English he/she only ever mean people; German er/sie may also be an
        # organisation (die Polizei -> sie).
        people_only = word in ("he", "she")
        speaker = self._recall(gender, people_only)
        if speaker is None:
            return Attribution(None, UNNAMED, cue)
        return Attribution(speaker.name, speaker.kind, cue)

    def _refer_to_role(self, content: list[str], gender: str | None, cue: str) -> Attribution:
        for speaker in reversed(self._last):
            if speaker.kind == PERSON and speaker.gender in (None, gender):
                return Attribution(speaker.name, PERSON, cue)
        role = _nominative(" ".join(content))
        self._remember(_Speaker(role, PERSON, gender))
        return Attribution(role, PERSON, cue)

    def _remember(self, speaker: _Speaker) -> None:
        known = next((s for s in self._last if s.name == speaker.name), None)
        if known is not None and speaker.gender is None:
            speaker = _Speaker(speaker.name, speaker.kind, known.gender)
        self._last = [s for s in self._last if s.name != speaker.name] + [speaker]

    def _recall(self, gender: str | None, people_only: bool) -> _Speaker | None:
        pool = [s for s in self._last if s.kind == PERSON or not people_only]
        for speaker in reversed(pool):
            if gender is None or speaker.gender in (None, gender):
                return speaker
        return pool[-1] if pool else None

    def _expand(self, name: str) -> str:
        """A surname alone ("sagte Berger") becomes the full name seen earlier."""
        if " " in name:
            return name
        for speaker in reversed(self._last):
            if speaker.kind == PERSON and speaker.name.split()[-1] == name:
                return speaker.name
        return self._full_names.get(name, name)

    def _learn_names(self, tokens: list[str]) -> None:
        """Remember "President Kassym-Jomart Tokayev" from any sentence, quoted or not."""
        for i, token in enumerate(tokens):
            if not _is_role(token):
                continue
            name: list[str] = []
            for nxt in tokens[i + 1 : i + 4]:
                if not nxt[:1].isupper() or _is_role(nxt) or _is_org(nxt) or nxt in _QUOTES:
                    break
                if nxt.lower() in lx.STOP or nxt.lower() in lx.ARTICLES:
                    break
                name.append(nxt)
            if len(name) >= 2:
                self._full_names[name[-1]] = " ".join(name)


_GENITIVE = re.compile(
    r"(.*(?:ministerium|amt|gericht|institut|verband|senat|parlament|bundestag|konzern|"
    r"unternehmen|krankenhaus|rat|staatsanwalt|anwalt))(?:e?s)$",
    re.I,
)


def _nominative(name: str) -> str:
    """Undo the German genitive of common speaker nouns: "Ministeriums" -> "Ministerium"."""
    match = _GENITIVE.fullmatch(name)
    return match.group(1) if match else name


def names_in(sentence: str) -> list[str]:
    """Named organisations (acronyms such as "NATO", "OVKS") and people introduced with a
    role ("Präsident Tokajew", "Interior Minister Jane Doe") mentioned in a sentence."""
    tokens = [_strip_dot(t) for t in _TOKEN.findall(sentence)]
    found: list[str] = []
    for i, token in enumerate(tokens):
        if lx.ACRONYM.fullmatch(token) and token.upper() == token and len(token) <= 6:
            found.append(token)
        elif _is_role(token) and token[:1].isupper():
            name = [t for t in tokens[i + 1 : i + 3] if t[:1].isupper() and t not in _QUOTES]
            name = name[: next((k for k, t in enumerate(name) if _is_role(t)), len(name))]
            if name and not _is_org(name[-1]) and name[0].lower() not in lx.STOP:
                found.append(f"{token} {' '.join(name)}")
    return list(dict.fromkeys(found))


def _strip_dot(token: str) -> str:
    """Drop a sentence-final dot ("Berger." -> "Berger") but keep "U.S." and "Dr."."""
    if token.endswith(".") and "." not in token[:-1] and token[:-1].lower() not in lx.ROLES:
        return token[:-1]
    return token


def _cues(tokens: list[str]) -> list[tuple[int, int, str, str]]:
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
            found.append((i, n, " ".join(tokens[i : i + n]), direction))
    return found


def _phrase(tokens: list[str], index: int, length: int, direction: str, language: str) -> list[str]:
    """The noun phrase next to a cue: after it ("sagte er", "laut Polizei") or before it."""
    after = _collect(tokens[index + length :], language)
    if direction == "pronoun_after" and after and after[0].lower() in lx.PRONOUNS:
        return after  # "hält er": otherwise what follows an opinion verb is its object
    if direction == "after" or (direction == "both" and after):
        return after
    before = _collect(list(reversed(tokens[:index])), language, backwards=True)
    return list(reversed(before))


def _collect(tokens: list[str], language: str, backwards: bool = False) -> list[str]:
    """Up to 8 word tokens, stopping at punctuation, quotes, numbers and function words.

    English lowercase words are kept only inside the phrase ("the interior ministry"); at
    its edge they are trimmed, so "told reporters the protests" yields nothing. German
    nouns and names are capitalised, so there a lowercase word ends the phrase. Walking
    backwards from the cue, an article opens the phrase and ends the walk.
    """
    phrase: list[str] = []
    for token in tokens[:8]:
        low = token.lower()
        if low in lx.PRONOUNS and not phrase:
            return [token]
        if low in lx.STOP or not token[:1].isalpha():
            break
        if not phrase and low == "by" and not backwards:
            continue  # "confirmed by the ministry": the passive's agent is the speaker
        if not phrase and low in lx.LINKS - lx.ARTICLES:
            return []  # "sprach von ...": a prepositional object, not the speaker
        if language == "de" and token[:1].islower() and low not in lx.ARTICLES | lx.LINKS:
            break
        phrase.append(token)
        if backwards and low in lx.ARTICLES and len(phrase) > 1:
            return phrase  # "the health ministry said": the article closes the phrase
    while phrase and not _is_head(phrase[-1]):
        phrase.pop()
    while phrase and phrase[0].lower() in lx.LINKS - lx.ARTICLES:
        phrase.pop(0)
    if not phrase or all(t.lower() in lx.ARTICLES or t.lower() in lx.NOT_SPEAKERS for t in phrase):
        return []
    if phrase[0].lower() in lx.ARTICLES and not _names_someone(phrase):
        return []  # "die Zahl der Festnahmen": an article and plain nouns make an object
    return phrase


def _names_someone(phrase: list[str]) -> bool:
    """A known kind of speaker, or a name (two capitalised words in a row)."""
    if any(_is_known_kind(t) for t in phrase):
        return True
    return any(
        a[:1].isupper() and b[:1].isupper() and a.lower() not in lx.ARTICLES
        for a, b in zip(phrase, phrase[1:], strict=False)
    )


def _is_head(token: str) -> bool:
    low = token.lower()
    if low in lx.ARTICLES or low in lx.LINKS:
        return False
    return token[:1].isupper() or low in lx.UNNAMED or bool(lx.ORG_WORD.fullmatch(low))


def _is_known_kind(token: str) -> bool:
    return _is_org(token) or _is_role(token) or token.lower() in lx.UNNAMED


def _is_org(token: str) -> bool:
    return bool(lx.ORG_WORD.fullmatch(token.split("-")[-1]) or lx.ACRONYM.fullmatch(token)) or bool(
        lx.ORG_WORD.search(token) and not lx.ROLE_WORD.fullmatch(token)
    )


def _is_role(token: str) -> bool:
    return token.lower().rstrip(".") in lx.ROLES or bool(lx.ROLE_WORD.fullmatch(token))


def _gender(content: list[str], language: str) -> str | None:
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
