"""Line patterns for page furniture that is not article text (German and English).

Kept apart from the cleanup algorithm so the word lists can grow without touching the
logic. Every pattern matches a whole (lower-cased, trimmed) line.
"""

from __future__ import annotations

import re

_SOCIAL = (
    r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|xing|reddit|threads|bluesky|mastodon"
    r"|e-?mail|pinterest|flipboard|pocket)"
)

# Share buttons, loading strings, ads, reading time, subscription and account prompts.
FURNITURE = re.compile(
    r"^(?:"
    r"(?:artikel |seite |beitrag |story |article )?(?:teilen|share)"
    r"(?: (?:this|on|auf|via|per) .*)?"
    rf"|{_SOCIAL}(?: ?[|·•/,] ?{_SOCIAL})*"
    r"|(?:jetzt )?(?:teilen|tweet|tweeten|drucken|print|merken|speichern|save|bookmark|vorlesen)"
    r"|link (?:kopieren|kopiert)|copy link|link copied|permalink"
    r"|(?:artikel )?(?:anhören|vorlesen lassen)|listen(?: to (?:this )?article)?|audio.{0,40}"
    r"|(?:\d+ )?kommentare?|(?:\d+ )?comments?|kommentieren|comment"
    r"|(?:l[äa]dt|wird geladen|loading|bitte warten|please wait)\W*"
    r"|anzeige|werbung|advertisement|sponsored|gesponsert|ad"
    r"|lesezeit:? .{1,20}|\d+ ?min(?:\.|uten?)? (?:lesezeit|lesen)|\d+ ?min(?:ute)?s? read"
    r"|(?:jetzt )?(?:abonnieren|abo abschließen|subscribe(?: now)?|sign up|anmelden|abmelden"
    r"|login|log ?in|log ?out|registrieren|register|mein konto|my account)"
    r"|newsletter.{0,60}|zum seitenanfang|nach oben|back to top|top"
    r"|mehr anzeigen|weiterlesen|show more|read full article|alle anzeigen|see all|view all"
    r"|(?:bild|foto|fotos|video|grafik|quelle|photo|image|credit|getty images)s?:.{0,80}"
    r"|(?:zurück|back|weiter|next|vorheriger artikel|nächster artikel|previous|schließen|close"
    r"|menü|menu|suche|search|startseite|home|navigation|hauptmenü|inhalt"
    r"|skip to (?:main )?content|zum inhalt springen)"
    r"|(?:play|pause|mute|stumm|vollbild|fullscreen|video abspielen|play video)"
    r"|\d+ (?:bilder|fotos|photos|images)|bildergalerie|gallery|fotostrecke"
    r"|.*\bcookies?\b.*(?:akzeptier|zustimm|einwillig|accept|consent|datenschutz|privacy|"
    r"einstellungen|settings|verwenden|nutzt|use).*"
    r"|.*\bjavascript\b.*(?:aktivier|deaktiviert|enable|disabled).*"
    r"|.*(?:gehört zum angebot|ohne abonnement|mit einem abonnement|\babonnent(?:en|innen)\b).*"
    r"|(?:image|photo|video) (?:source|caption|credit),?.*|bildquelle:?.*|bildunterschrift:?.*"
    r"|close panel|share page|about sharing|published|updated|veröffentlicht|aktualisiert"
    r"|our standards:.*|(?:additional )?(?:reporting|writing|editing) by [^.]{2,80}"
    r"|[^.]{2,120}\bcontributed (?:to )?this (?:report|story|article)\.?|mitarbeit:.{2,80}"
    r"|.*(?:nur für abonnenten|jetzt weiterlesen|weiterlesen mit|plus-artikel|subscribers only|"
    r"subscribe to (?:read|continue)|to continue reading).*"
    r")$",
    re.I,
)

# A line saying that the next line is an image caption.
CAPTION_LABEL = re.compile(r"^(?:image|photo) caption,?$|^bildunterschrift:?$", re.I)
# A line that is only a photo credit; the short line before it was the caption.
CREDIT_LINE = re.compile(
    r"^(?:bild|foto|fotos|photo|photograph|image|credit|quelle|image source)s?\s*[:,]\s*.{1,80}$",
    re.I,
)

# A photo credit at the end of a caption line: "... am 5. Januar. Foto: AFP".
CAPTION_CREDIT = re.compile(
    r"(?:(?:\(|\b)(?:foto|bild|fotos|quelle|photo|photograph|image|credit|grafik)\s*:\s*[^.]{1,60}\)?"
    r"|©\s*[^.]{1,50}|/\s*(?:dpa|afp|reuters|ap|getty images|imago)\)?)\s*$",
    re.I,
)

# Headings that introduce lists of other stories' headlines.
_LIST_HEADINGS = (
    r"mehr zum thema|mehr zu diesem thema|zum thema|das könnte (?:sie|dich) auch interessieren"
    r"|lesen sie (?:auch|mehr)|lies auch|auch interessant|ebenfalls interessant"
    r"|weitere (?:nachrichten|artikel|meldungen|themen)"
    r"|(?:die )?neuesten? (?:nachrichten|artikel|meldungen|beiträge)"
    r"|aktuelle (?:nachrichten|meldungen)"
    r"|meistgelesen(?:e artikel)?|am meisten gelesen|meistgeklickt|top[- ]?themen|themen des tages"
    r"|nachrichten im überblick|empfehlungen(?: der redaktion)?"
    r"|mehr (?:aus|zu|von|nachrichten)\b.{0,40}"
    r"|ähnliche (?:artikel|themen)|verwandte (?:artikel|themen)|weiterführende links"
    r"|schlagzeilen|newsticker"
    r"|latest(?: news| stories| headlines)?|more (?:news|stories|from|on)\b.{0,40}"
    r"|related(?: stories| articles| content| topics| coverage)?"
    r"|read (?:more|next|also)|also read|see also|you (?:may|might) also (?:like|be interested in)"
    r"|recommended(?: for you)?|most (?:read|popular|viewed)|top (?:stories|news|headlines)"
    r"|trending(?: now)?"
    r"|editor'?s picks|around the web|don'?t miss"
)
LIST_HEADING = re.compile(rf"^(?:{_LIST_HEADINGS})\s*:?$", re.I)
INLINE_TEASER = re.compile(rf"^(?:{_LIST_HEADINGS})\s*[:|–—-]\s*\S.*$", re.I)

# Footer lines: once the article has started, nothing after them is article text.
_FOOTER_WORDS = (
    r"impressum|datenschutz(?:erklärung|hinweise)?|nutzungsbedingungen|agb|kontakt|barrierefreiheit"
    r"|cookie[- ]?(?:einstellungen|richtlinie|settings|policy)|privacy(?: policy| settings)?"
    r"|terms(?: (?:of|and) (?:use|service|conditions))?|about us|über uns|contact(?: us)?"
    r"|sitemap|mediadaten|jobs|karriere"
)
_FOOTER_PART = re.compile(rf"^(?:{_FOOTER_WORDS})$", re.I)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}|[^\s]+ \d{4})|alle rechte vorbehalten|all rights reserved",
    re.I,
)


# Where reader comments begin: nothing after it is article text.
COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:kommentare?|leserkommentare|comments?|diskussion|diskutieren sie mit|"
    r"join the conversation|show comments|kommentare anzeigen|leave a comment|"
    r"schreiben sie einen kommentar)(?:\s*\(\d+\))?:?$",
    re.I,
)


def is_footer(line: str) -> bool:
    """True for imprint/privacy link rows and copyright notices."""
    if _COPYRIGHT.search(line):
        return True
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", line) if p.strip()]
    return bool(parts) and all(_FOOTER_PART.match(p) for p in parts)


# "Von Anna Schmidt", "By Jane Doe, Reuters", "Ein Artikel von Markus Becker und Anna Weber".
BYLINE_LEAD = (
    r"(?i:(?:ein(?:e)? (?:artikel|beitrag|bericht|kommentar|analyse|reportage|interview|"
    r"gastbeitrag) von|an? (?:article|report|story|analysis) by|von|by|text:|autor(?:in)?:|"
    r"author:))"
)
BYLINE = re.compile(
    rf"^{BYLINE_LEAD}\s+[A-ZÄÖÜ][\w'.\-]+(?:\s+[A-ZÄÖÜ][\w'.\-]+){{0,3}}"
    r"(?:\s*(?:,|und|and|&)\s*[A-ZÄÖÜ][\w'.\-]+(?:\s+[A-ZÄÖÜ][\w'.\-]+){0,3})*"
    r"(?:\s+(?:in|aus)\s+[A-ZÄÖÜ][\w'.\-]+(?:\s+[A-ZÄÖÜ][\w'.\-]+){0,2})?"  # "By Jane Doe in Austin"
    r"(?:\s*[,|(]\s*[\w\s./-]{1,40}\)?)?$"
    # a byline without "By": the writer's name and newsroom job ("Pippa Crerar Political
    # editor", "Anna Schmidt, Korrespondentin in Brüssel")
    r"|^[A-ZÄÖÜ][\w'.\-]+(?:\s+[A-ZÄÖÜ][\w'.\-]+){1,2},?\s+(?:[\w-]+\s+){0,2}"
    r"(?i:editor|correspondent|reporter|writer|columnist|korrespondent(?:in)?|"
    r"redakteur(?:in)?|reporter(?:in)?)(?:\s+(?:in|für|for)\s+[\w\s-]{1,30})?$"
)

# The holder named in a copyright line is the outlet: "© 2022 Tagesblatt Verlag GmbH".
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"([^.|©,]{2,60}?)\s*(?:\d{4})?\s*(?:[.|,]|$)",
    re.I,
)
LEGAL_SUFFIX = re.compile(
    r"(?:\s+(?:verlag|verlagsgesellschaft|mediengruppe|medien|media|gmbh|ag|kg|ltd|limited|inc|plc|"
    r"llc|co|se|& co|gmbh & co\.? kg))+\.?$",
    re.I,
)

# News agencies, whose copy a page carries under a byline ("Von Anna Schmidt, dpa"), a credit
# line ("(dpa/AFP)"), a dateline ("Hamburg (dpa) -") or an undated notice ("© dpa", "(c)
# Reuters", "© dpa-infocom, dpa:230807-99-…"): when the page names no owner of its own, the
# agency is the outlet that asserts the story. Regional services ("dpa/lhe") are the agency's.
_AGENCY_NAMES = (
    "dpa AFP AP Reuters KNA epd APA SDA Keystone-SDA dts ddp ANSA EFE PA UPI Bloomberg TASS "
    "Xinhua ANP Belga Ritzau NTB Kyodo Yonhap dpa-AFX"
)
AGENCIES = {name.casefold(): name for name in _AGENCY_NAMES.split()} | {
    "dpa-infocom": "dpa",  # dpa's own notice under its copy
    "deutsche presse-agentur": "dpa",
    "agence france-presse": "AFP",
    "associated press": "AP",
    "the associated press": "AP",
    "thomson reuters": "Reuters",
    "pa media": "PA",
}
# A line that credits the agency alone: "(dpa/AFP)", "(Reuters)", "© dpa", "(c) Reuters",
# "Copyright Reuters", "© dpa-infocom, dpa:230807-99-123456/3".
AGENCY_LINE = re.compile(
    r"^(?:\(\s*(?P<paren>[^()]{2,40})\s*\)"
    r"|(?:©|\(c\)|copyright)\s*(?P<notice>[^\d,:]{2,40}?)\s*(?:[,:].*)?)\.?$",
    re.I,
)
# The numbered notice dpa puts under its copy: "dpa:260314-99-123456/3".
AGENCY_ID = re.compile(r"\bdpa:\d{6}-\d{2}-\d+")
# An agency dateline opening the first paragraph: "Hamburg (dpa) - ", "BERLIN, March 14
# (Reuters) - ", "Bonn (KNA) Die Zahl …" (KNA writes no dash).
AGENCY_DATELINE = re.compile(
    r"^[\w.,/ -]{2,40}\s\((?P<agency>[^()]{2,40})\)(?:\s*[-–—]\s|\s(?=[„\"A-ZÄÖÜ]))"
)


# A press release's closing notice names its author: "Original-Content von: Polizeipräsidium
# Mittelhessen - Pressestelle Gießen, übermittelt durch news aktuell" (presseportal.de, ots).
RELEASE_AUTHOR = re.compile(
    r"^original-content von:\s*(?P<author>[^,–-]{2,80}?)\s*(?:[-–,].*)?$", re.I
)
# A dateline alone on its line: "Gießen (ots) -".
DATELINE_ALONE = re.compile(r"^[\w.,/ -]{2,40}\s\([^()]{2,40}\)\s*[-–—]?\s*$")


def agencies(text: str) -> str:
    """The news agencies `text` names, as they are usually written ("dpa/AFP"); "" when it
    names something else too ("Court Reporter", "Foto: Marco Weber")."""
    parts = [p.strip() for p in re.split(r"\s*[/,&]\s*|\s+(?:und|and)\s+", text) if p.strip()]
    known = [AGENCIES.get(p.casefold()) for p in parts]
    if not known or known[0] is None:
        return ""
    return "/".join(dict.fromkeys(k for k in known if k is not None))
