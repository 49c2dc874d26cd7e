"""German by default, English on request: Flask-Babel with one catalogue per team area.

The domains `messages` (platform), `desk` and `public` live side by side in `claimtrack/translations/`
and are merged, so a template's `_()` finds a string in any of them; a missing catalogue is skipped.
The language choice is a link in the page header (works without JavaScript) and lives in the
session; a logged-in user's stored `locale` is the fallback, then German.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, current_app, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import Babel, get_locale

from claimtrack.languages import DEFAULT, LANGUAGES, NAMES

from .auth import current_actor_or_none, safe_next

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
DOMAINS = ("messages", "desk", "public")

bp = Blueprint("i18n", __name__)


def languages() -> list[str]:
    return [str(lang) for lang in current_app.config.get("LANGUAGES", LANGUAGES)]


def select_locale() -> str:
    """Session choice, then the user's stored locale, then the configured default (German)."""
    available = languages()
    chosen = session.get("locale")
    if chosen in available:
        return str(chosen)
    actor = current_actor_or_none()
    if actor is not None and actor.locale in available:
        return actor.locale
    return str(current_app.config.get("BABEL_DEFAULT_LOCALE", DEFAULT))


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
    if code in languages():
        session["locale"] = code
    return redirect(safe_next(request.args.get("next")) or url_for("public.index"))


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
        languages=LANGUAGES,  # the content languages (rating label names, claims, verdicts)
        language_names=NAMES,
    )
