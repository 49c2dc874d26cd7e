"""German by default, English on request: Flask-Babel with one catalogue per team area.

The domains `messages` (platform), `desk` and `public` live side by side in `claimtrack/translations/`
and are merged, so a template's `_()` finds a string in any of them; a missing catalogue is skipped.
The language choice is a link in the page header (works without JavaScript). It lives in the session
and, for anonymous readers whose pages carry no session cookie, in a small `lang` cookie; a logged-in
user's stored `locale` comes next, then the browser's `Accept-Language`, then German.

Dates and times on pages go through Babel (`|day`, `|moment` filters) so a German page never shows an
ISO date in running text and an English page never shows a German one.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from babel import Locale
from flask import Blueprint, Flask, current_app, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import Babel, format_date, format_datetime, format_decimal, get_locale

from claimtrack.languages import DEFAULT, LANGUAGES, NAMES

from .auth import current_actor_or_none, safe_next

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
DOMAINS = ("messages", "desk", "public")
# Babel's "medium" is long-winded ("01.12.2026, 13:55:00"); newsrooms write day, short month, time.
MOMENT_PATTERNS = {"de": "d. MMM y, HH:mm", "en": "d MMM y, HH:mm"}
LANG_COOKIE = "lang"
LANG_COOKIE_AGE = 365 * 24 * 3600

bp = Blueprint("i18n", __name__)


def languages() -> list[str]:
    return [str(lang) for lang in current_app.config.get("LANGUAGES", LANGUAGES)]


def select_locale() -> str:
    """The reader's own choice (session, then `lang` cookie), then the user's stored locale, then
    the first of the browser's languages we have, then the configured default (German)."""
    available = languages()
    for chosen in (session.get("locale"), request.cookies.get(LANG_COOKIE)):
        if chosen in available:
            return str(chosen)
    actor = current_actor_or_none()
    if actor is not None and actor.locale in available:
        return actor.locale
    # The browser's languages in its order of preference; "de-AT" counts as German.
    for value, _quality in request.accept_languages:
        primary = value.split("-")[0].split("_")[0].lower()
        if primary in available:
            return primary
    return str(current_app.config.get("BABEL_DEFAULT_LOCALE", DEFAULT))


def language_name(code: str) -> str:
    """The language's name in the page's language ("Englisch" on a German page)."""
    try:
        name = Locale.parse(code).get_display_name(current_lang())
    except (ValueError, TypeError):
        return code
    return str(name or code)


def day(value: date | datetime | None) -> str:
    """A date as the page's language writes it in running text ("1. Dezember 2026")."""
    if value is None:
        return ""
    return str(format_date(value, "long"))


def decimal(value: float, places: int = 2) -> str:
    """A number with the page language's decimal sign ("0,75" / "0.75")."""
    return str(format_decimal(value, format="#,##0." + "0" * places))


def text_lang(text: str) -> str:
    """The language of a stored text that has none recorded (e.g. a matcher hit), for `lang`."""
    from claimtrack.extraction.language import detect_language

    return detect_language(text, default=current_lang())


def moment(value: datetime | None) -> str:
    """A date and time, compact and localised ("1. Dez. 2026, 13:55" / "1 Dec 2026, 13:55"), in
    UTC, which is how times are stored."""
    if value is None:
        return ""
    return str(format_datetime(value, MOMENT_PATTERNS.get(current_lang(), "medium")))


def current_lang() -> str:
    """The language of this response, for `<html lang>` (works in early error pages too)."""
    return str(g.get("locale") or get_locale() or DEFAULT)


def language_switches() -> list[tuple[str, str, str]]:
    """(code, name, URL) of a plain link per language other than the current one.

    A link, not a form: a form's CSRF token would give every reader page a session cookie and make
    it uncacheable. Switching someone's language is harmless, so no token is needed.
    """
    here = request.full_path if request.query_string else request.path
    return [
        (code, NAMES.get(code, code), url_for("i18n.set_language", code=code, next=here))
        for code in languages()
        if code != current_lang()
    ]


@bp.get("/language/<code>")
def set_language(code: str) -> ResponseReturnValue:
    response = redirect(safe_next(request.args.get("next")) or url_for("public.index"))
    if code in languages():
        if current_actor_or_none() is not None:
            session["locale"] = code
        else:
            session.pop("locale", None)
        # A cookie of its own, not the session: reader pages stay free of the session cookie.
        response.set_cookie(
            LANG_COOKIE,
            code,
            max_age=LANG_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure,
            httponly=True,
        )
    return response


def _set_g_locale() -> None:
    g.locale = str(get_locale())


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DOMAIN", ";".join(DOMAINS))
    app.config.setdefault(
        "BABEL_TRANSLATION_DIRECTORIES", ";".join(str(TRANSLATIONS_DIR) for _ in DOMAINS)
    )
    # One Babel object per app: Flask-Babel caches loaded catalogues on it.
    app.extensions["claimtrack.babel"] = Babel(app, locale_selector=select_locale)
    app.before_request(_set_g_locale)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        current_lang=current_lang,
        language_switches=language_switches,
        language_name=language_name,
        languages=LANGUAGES,  # the content languages (rating label names, claims, verdicts)
        language_names=NAMES,
    )
    from . import match_reasons as facts  # the matcher's facts, in the page's words

    app.jinja_env.globals["fact_rows"] = facts.fact_rows
    app.jinja_env.filters.update(day=day, moment=moment, decimal=decimal, text_lang=text_lang,
                                 conflict_lines=facts.stored_conflict_lines,
                                 fact_date=facts.fact_date, counted_word=facts.counted_word)  # fmt: skip
