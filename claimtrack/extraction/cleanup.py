"""Cleaning a page copied from a browser down to headline, dateline, byline and article.

Pasted pages bring the site's menus, the title twice, share and loading strings, lists
of other stories' headlines ("Mehr zum Thema", "Latest news") and footers. We classify
each line (prose, short, furniture, list heading, footer, dateline, byline), take the
article to start at the first prose line, keep short lines inside it only as
subheadings, skip headline lists, and stop at the footer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimtrack.extraction import boilerplate as bp
from claimtrack.extraction.dates import find_dates

_SENTENCE_END = re.compile(r"[.!?:…][“”\"»«’')\]]*$")
# Control characters (except the line break) and invisible format characters.
_INVISIBLE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u00ad]"
)
_FULL_STOP = re.compile(r"\w[.!][“”\"»«’')]*$")
_DATELINE_HINT = re.compile(
    r"^(?:stand|veröffentlicht|aktualisiert|erstellt|zuletzt aktualisiert|published|updated|"
    r"posted|last updated)\b|\b\d{1,2}[:.]\d{2}\s*(?:uhr|h|am|pm|gmt|utc|cet|mez)\b|\d{4}",
    re.I,
)


@dataclass(frozen=True, slots=True)
class CleanPage:
    """The parts of a pasted page that belong to the article."""

    title: str
    body: str
    byline: str = ""
    dateline: str = ""
    published: str | None = None  # ISO date from the dateline, when it names one
    outlet: str = ""  # the copyright holder named in the footer, when there is one


def normalise_text(text: str) -> str:
    """NFC, unified line breaks, no control characters, single spaces inside lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = re.sub(r"[\r\u2028\u2029\x0b\x0c\x85]", "\n", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = _INVISIBLE.sub("", text)
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def is_prose(line: str) -> bool:
    """A line that reads like article text: a sentence of some length."""
    words = len(line.split())
    if words >= 20:
        return True
    if words >= 8 and _SENTENCE_END.search(line):
        return True
    # A short closing sentence ("Forecasters expect more rain.") but not a headline,
    # which never ends with a full stop.
    return words >= 5 and bool(_FULL_STOP.search(line))


def _is_dateline(line: str) -> bool:
    """ "Stand: 10.01.2022 09:15 Uhr", "26.11.2026, 18.12 Uhr", "Published 12 November 2024".
    A year alone makes no dateline: "Pistorius will 20.000 Soldaten bis 2029" is a headline."""
    if len(line.split()) > 12:
        return False
    hint = _DATELINE_HINT.search(line)
    if hint is None:
        return False
    dates = find_dates(line)
    if hint.group(0).isdigit():  # only a four-digit number: a full date must be there
        return any(d.precision == "day" for d in dates)
    return bool(dates)


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def clean_pasted_text(text: str, title: str | None = None) -> CleanPage:
    """Split pasted page text into headline, byline, dateline and article body."""
    lines = [line for line in normalise_text(text).split("\n") if line]
    first = next((i for i, line in enumerate(lines) if _is_article_prose(line)), None)
    if first is None:  # no prose at all: a headline list or a short note; keep its lines
        kept = [ln for ln in lines if not _is_furniture(ln) and not bp.is_footer(ln)]
        head = title or (kept[0] if kept else "")
        return CleanPage(title=head, body="\n".join(ln for ln in kept if _key(ln) != _key(head)))
    preamble = lines[:first]
    headline = title or _pick_headline(preamble)
    byline = next((ln for ln in preamble if bp.BYLINE.match(ln)), "")
    dateline = next((ln for ln in preamble if _is_dateline(ln)), "")
    body, extra_byline, extra_dateline = _article(lines[first:], headline)
    byline = byline or extra_byline
    credited = next((c for c in map(_dated_credit, lines) if c), ("", ""))
    extra_dateline = extra_dateline or credited[0]
    outlet = _outlet(lines) or credited[1] or _agency(lines, first, body, _strip_by(byline))
    agency_dateline = bp.AGENCY_DATELINE.match(body[0]) if body else None
    if agency_dateline and bp.agencies(agency_dateline.group("agency")):
        # "BERLIN, March 14 (Reuters) - An explosion …": the place, date and agency are the
        # story's dateline, not words of its first claim
        body[0] = body[0][agency_dateline.end() :]
        extra_dateline = extra_dateline or agency_dateline.group(0).rstrip(" -–—")
    dateline = dateline or extra_dateline
    dates = find_dates(dateline) if dateline else []
    published = next((d.value for d in dates if d.precision == "day"), None)
    return CleanPage(headline, "\n".join(body), _strip_by(byline), dateline, published, outlet)


_SOURCE_CREDIT = re.compile(r"[|,;–-]?\s*(?:quelle|source)\s*:\s*(.{2,40})$", re.I)


def _dated_credit(line: str) -> tuple[str, str] | None:
    """(dateline, agencies) of a line like "26. Juli 2024, 11:02 Uhr | Quelle: dpa, Reuters",
    which dates the story and says whose copy it is."""
    credit = _SOURCE_CREDIT.search(line)
    if credit is None:
        return None
    agency, date = bp.agencies(credit.group(1)), line[: credit.start()].rstrip(" |,;–-")
    return (date, agency) if agency and date and _is_dateline(date) else None


def _outlet(lines: list[str]) -> str:
    """The holder of the last dated copyright line (a footer), without legal forms.

    Undated "© dpa" lines are photo credits, not the outlet's notice.
    """
    for line in reversed(lines):
        release = bp.RELEASE_AUTHOR.match(line)
        if release:
            return release.group("author").strip()
        match = bp.COPYRIGHT_HOLDER.search(line) if re.search(r"\b\d{4}\b", line) else None
        if match:
            holder = bp.LEGAL_SUFFIX.sub("", match.group(1).strip(" ,-–"))
            if len(holder.split()) <= 5 and any(ch.isalpha() for ch in holder):
                return bp.agencies(holder) or holder  # "The Associated Press" is AP
    return ""


def _agency(lines: list[str], first: int, body: list[str], byline: str) -> str:
    """The news agency whose copy the page is, when the page names no owner of its own: from
    the byline ("Von Anna Schmidt, dpa"), the first paragraph's dateline ("Hamburg (dpa) -"),
    or a credit or notice line after the article began ("(dpa/AFP)", "© dpa", "(c) Reuters").

    A notice before the article's last paragraph, or right after a short line, is a photo
    credit."""
    name, _, tail = byline.partition(",")
    found = bp.agencies(tail or name)  # "Anna Schmidt, dpa"; "By Reuters"
    dateline = bp.AGENCY_DATELINE.match(body[0]) if body else None
    if not found and dateline:
        found = bp.agencies(dateline.group("agency"))
    paragraphs = set(body)
    last = max((i for i, line in enumerate(lines) if line in paragraphs), default=first)
    listed = False  # a list of other stories' headlines came after the last paragraph
    for i in range(first + 1, len(lines)):
        if found:
            break
        match = bp.AGENCY_LINE.match(lines[i])
        if match and match.group("paren"):
            found = bp.agencies(match.group("paren"))
        elif (
            match
            and i > last
            and (is_prose(lines[i - 1]) or listed or bp.AGENCY_ID.search(lines[i]))
        ):
            # a notice closing the article, also after teaser lists; dpa's numbered notice
            # ("dpa:260314-99-123456/3") is never a photo credit
            found = bp.agencies(match.group("notice"))
        listed = listed or (i > last and bool(bp.LIST_HEADING.match(lines[i])))
    return found


def _is_article_prose(line: str) -> bool:
    return is_prose(line) and not _is_furniture(line) and not bp.is_footer(line)


def _is_furniture(line: str) -> bool:
    return bool(bp.FURNITURE.match(line)) or bool(bp.INLINE_TEASER.match(line))


def _pick_headline(preamble: list[str]) -> str:
    """The repeated title line, else the last headline-like line before the dateline or
    byline (pictures and captions sit between them and the article), else before the
    article."""
    stop = next(
        (i for i, ln in enumerate(preamble) if _is_dateline(ln) or bp.BYLINE.match(ln)), None
    )
    head = [ln for ln in preamble[:stop] if len(ln.split()) >= 3] if stop is not None else []
    pool = preamble[:stop] if any(_headline_like(ln) for ln in head) else preamble
    candidates = [ln for ln in _without_captions(pool) if _headline_like(ln)]
    keys = [_key(ln) for ln in _without_captions(preamble) if _headline_like(ln)]
    for line in candidates:
        if keys.count(_key(line)) > 1 and len(line.split()) >= 3:
            return line
    for k in range(len(candidates) - 1, -1, -1):
        if len(candidates[k].split()) >= 3:
            return _not_the_standfirst(pool, candidates, k)
    return candidates[-1] if candidates else ""


_STANDFIRST_WORDS = 15  # a line this long right after a short one is the teaser under a headline


def _not_the_standfirst(pool: list[str], candidates: list[str], k: int) -> str:
    """The headline, not the longer summary printed right under it: "Rachel Reeves confirms
    £40bn tax rise in first budget" followed by "Chancellor says employers' national insurance
    … will rise to 15% as she pledges …"."""
    line = candidates[k]
    if k == 0 or len(line.split()) < _STANDFIRST_WORDS:
        return line
    before = candidates[k - 1]
    adjacent = pool.index(line) - pool.index(before) == 1
    short = 3 <= len(before.split()) < _STANDFIRST_WORDS
    return before if adjacent and short else line


def _headline_like(line: str) -> bool:
    return not (
        _is_furniture(line)
        or bp.LIST_HEADING.match(line)
        or bp.BYLINE.match(line)
        or _is_dateline(line)
        or bp.is_footer(line)
        or bp.CAPTION_LABEL.match(line)
        or bp.CREDIT_LINE.match(line)
        or bp.CAPTION_CREDIT.search(line)
        or bp.DATELINE_ALONE.match(line)
    )


def _without_captions(lines: list[str]) -> list[str]:
    """Drop the line after "Image caption," and the line before a photo credit."""
    drop = set()
    for i, line in enumerate(lines):
        if bp.CAPTION_LABEL.match(line):
            drop.add(i + 1)
        if bp.CREDIT_LINE.match(line):
            drop.add(i - 1)
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _article(lines: list[str], headline: str) -> tuple[list[str], str, str]:
    """Article paragraphs from the first prose line on, plus a byline/dateline found there."""
    body: list[str] = []
    pending: list[str] = []  # short lines: kept as subheadings only if prose follows
    in_list = False
    byline = dateline = ""
    head_key = _key(headline)
    known = _names(headline)  # names and (German) nouns the story used so far
    skip_caption = False
    for i, line in enumerate(lines):
        if (bp.is_footer(line) or bp.COMMENTS.match(line)) and body:
            break
        if skip_caption:  # the line after "Image caption,"
            skip_caption = False
            continue
        if bp.CAPTION_LABEL.match(line):
            skip_caption = True
            continue
        if bp.CREDIT_LINE.match(line):
            pending = []  # the short line before a credit was the photo's caption
            continue
        if _dated_credit(line):
            continue  # read by clean_pasted_text
        if _key(line) == head_key or _is_furniture(line) or bp.CAPTION_CREDIT.search(line):
            continue
        if bp.BYLINE.match(line):
            byline = byline or line
            continue
        if not is_prose(line) and _is_dateline(line):
            dateline = dateline or line
            continue
        if bp.LIST_HEADING.match(line):
            in_list, pending = True, []
            continue
        if not is_prose(line) or (in_list and _QUESTION.search(line) and len(line.split()) < 20):
            pending.append(line)  # in a list, a question is a teaser's headline
            continue
        if in_list and not _ends_list(line, lines[i + 1 :], pending, known):
            pending = []
            continue
        if in_list:  # the short lines under the list heading were its headlines
            in_list, pending = False, []
        if 0 < len(pending) <= 2:
            body.extend(p for p in pending if len(p.split()) >= 2)
            known.update(_names(" ".join(pending)))
        pending = []
        body.append(line)
        known.update(_names(line))
    return body, byline, dateline


def _ends_list(line: str, rest: list[str], pending: list[str], known: set[str]) -> bool:
    """Inside a headline list, prose resumes the article only when it is paragraph-like.

    Teasers are a headline plus one short sentence; the article goes on with long
    paragraphs, or with prose that does not hang under a headline and is followed by more.
    A paragraph that does hang under short lines (pages paste their article between two
    link lists: "Mehr zum Thema", two headlines, a paragraph, "Lesen Sie auch", …) is the
    article when it reads like one on two counts of `_article_signs`, which a teaser's
    blurb ("Ein Überblick über die besten Tipps.") seldom does.
    """
    if len(line.split()) >= 25:
        return True
    if pending:
        return _article_signs(line, pending, known) >= 2
    following = next((ln for ln in rest if not _is_furniture(ln)), None)
    return following is not None and is_prose(following)


_QUESTION = re.compile(r"\?[“”\"»«’')]*$")
_SENTENCE_BREAK = re.compile(r"[\w%€$£][.!?][“”\"»«’')]*\s+[„“\"»«‘(]?[A-ZÄÖÜ]")
# Reporting cues: article paragraphs credit their figures, teasers rarely do.
_REPORTING = re.compile(
    r"\b(?:sagte|sagten|teilte|teilten|mitteilte|mitteilten|erklärte|erklärten|berichtete|"
    r"kündigte|bestätigte|betonte|warnte|schätzte|bezifferte|laut|zufolge|"
    r"nach (?:\w+ )?(?:angaben|zahlen|daten|schätzungen|berechnungen|informationen)|"
    r"said|says|told|added|announced|confirmed|warned|estimated|according to)\b",
    re.I,
)
_NAME_WORD = re.compile(r"(?<=[\w,;:)] )[A-ZÄÖÜ][\w\-]{3,}")


def _names(text: str) -> set[str]:
    """Capitalised words inside sentences (names; German nouns), by their first six letters."""
    return {w[:6].casefold() for w in _NAME_WORD.findall(text)}


def _article_signs(line: str, pending: list[str], known: set[str]) -> int:
    """How many signs of article prose `line` shows: more than one sentence, a reporting
    cue, a name or (German) noun the story so far already used, and hanging under more
    than one short line with no blurb in between (a list of bare headlines is over)."""
    signs = 0
    if _SENTENCE_BREAK.search(line):
        signs += 1
    if _REPORTING.search(line):
        signs += 1
    if _names(line) & known:
        signs += 1
    if len(pending) >= 2:
        signs += 1
    return signs


def _strip_by(byline: str) -> str:
    return re.sub(rf"^{bp.BYLINE_LEAD}\s+", "", byline).strip()
