"""German by default, English on request: Flask-Babel with one catalogue per team area.

The domains `messages` (platform), `desk` and `public` live side by side in `claimtrack/translations/`
and are merged, so a template's `_()` finds a string in any of them; a missing catalogue is skipped.
The language choice is a POST form in the page header (works without JavaScript) and lives in the
session; a logged-in user's stored `locale` is the fallback, then German.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, current_app, g, redirect, request, session
from flask.typing import ResponseReturnValue
from flask_babel import Babel, get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SubmitField
from wtforms.validators import AnyOf, DataRequired

from .auth import current_actor_or_none, first_url, safe_next

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
DOMAINS = ("messages", "desk", "public")
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}

bp = Blueprint("i18n", __name__)


def languages() -> list[str]:
    return [str(lang) for lang in current_app.config.get("LANGUAGES", ["de", "en"])]


def select_locale() -> str:
    """Session choice, then the user's stored locale, then the configured default (German)."""
    available = languages()
    chosen = session.get("locale")
    if chosen in available:
        return str(chosen)
    actor = current_actor_or_none()
    if actor is not None and actor.locale in available:
        return actor.locale
    return str(current_app.config.get("BABEL_DEFAULT_LOCALE", "de"))


def current_lang() -> str:
    """The language of this response, for `<html lang>` (works in early error pages too)."""
    return str(g.get("locale") or get_locale() or "de")


class LanguageForm(FlaskForm):  # type: ignore[misc]
    lang = HiddenField(validators=[DataRequired(), AnyOf(list(LANGUAGE_NAMES))])
    next = HiddenField()
    submit = SubmitField(_l("Switch language"))


def language_switches() -> list[tuple[str, str, LanguageForm]]:
    """One small form per language other than the current one: (code, name, form)."""
    here = request.full_path if request.query_string else request.path
    switches = []
    for code in languages():
        if code == current_lang():
            continue
        form = LanguageForm(formdata=None, prefix=f"language-{code}", lang=code, next=here)
        switches.append((code, LANGUAGE_NAMES.get(code, code), form))
    return switches


@bp.post("/language")
def set_language() -> ResponseReturnValue:
    code = next((c for c in languages() if f"language-{c}-lang" in request.form), "")
    form = LanguageForm(prefix=f"language-{code}")
    if code and form.validate_on_submit() and form.lang.data in languages():
        session["locale"] = form.lang.data
    return redirect(safe_next(form.next.data) or first_url("public.index", "public.home") or "/")


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
    app.jinja_env.globals.update(current_lang=current_lang, language_switches=language_switches)
