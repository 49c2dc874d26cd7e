"""Admin page for monitoring: the feeds and sitemaps watched, their health, add/pause/delete."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from claimtrack.languages import NAMES
from claimtrack.services.errors import DomainError, NotFound
from claimtrack.services.monitoring import sources
from claimtrack.web.admin.base import bp, dbs
from claimtrack.web.admin.forms import ConfirmForm
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.choices import options
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission

KIND_LABELS = {
    sources.AUTO: _l("Find out (feed or sitemap)"),
    "feed": _l("RSS or Atom feed"),
    "sitemap": _l("Sitemap (also Google News sitemaps and sitemap indexes)"),
}


class SourceForm(FlaskForm):
    url = StringField(_l("Address of the feed or sitemap"),
                      validators=[DataRequired(), Length(max=2000)])  # fmt: skip
    kind = SelectField(_l("Kind"), choices=options(KIND_LABELS), default=sources.AUTO)
    outlet = StringField(_l("Outlet"), validators=[Optional(), Length(max=200)])
    interval_minutes = IntegerField(
        _l("Poll every (minutes)"),
        default=30,
        validators=[DataRequired(), NumberRange(sources.MIN_INTERVAL, sources.MAX_INTERVAL)],
    )
    language = SelectField(_l("Language of its stories"),
                           choices=options({"": _l("Detect per story"), **NAMES}), default="")  # fmt: skip
    submit = SubmitField(_l("Watch"))


def _render(form: SourceForm, status: int = 200) -> ResponseReturnValue:
    rows = sources.list_sources(dbs())
    return render_template(
        "admin/sources.html",
        form=form,
        rows=[(s, sources.next_poll(s)) for s in rows],
        kind_labels=KIND_LABELS,
        confirm=ConfirmForm(formdata=None),
    ), status


@bp.get("/sources")
@role_required(Permission.MANAGE_SOURCES)
def source_list() -> ResponseReturnValue:
    return _render(SourceForm(formdata=None))


@bp.post("/sources")
@role_required(Permission.MANAGE_SOURCES)
def add_source() -> ResponseReturnValue:
    form = SourceForm()
    if not form.validate_on_submit():
        return _render(form, status=400)
    try:
        source = sources.add_source(
            session=dbs(),
            actor=current_actor(),
            url=form.url.data or "",
            kind=form.kind.data or sources.AUTO,
            outlet=form.outlet.data or "",
            interval_minutes=int(form.interval_minutes.data or 30),
            language=form.language.data or None,
        )
    except DomainError as exc:
        return _render(form, status=show_error(exc, form))
    flash(_("Watching %(url)s; the first poll runs within a minute.", url=source.url), "success")
    return redirect(url_for("admin.source_list"), code=303)


_ACTIONS = {
    "pause": (sources.pause_source, _l("Paused: it is not polled until resumed.")),
    "resume": (sources.resume_source, _l("Resumed: it is polled within a minute.")),
    "poll": (sources.poll_soon, _l("It is polled within a minute.")),
    "delete": (sources.delete_source, _l("No longer watched; what was found stays.")),
}


@bp.post("/sources/<int:watched_id>/<any(pause, resume, poll, delete):action>")
@role_required(Permission.MANAGE_SOURCES)
def source_action(watched_id: int, action: str) -> ResponseReturnValue:
    if ConfirmForm().validate_on_submit():
        use_case, done = _ACTIONS[action]
        try:
            use_case(session=dbs(), actor=current_actor(), source_id=watched_id)
            flash(str(done), "success")
        except NotFound:
            raise
        except DomainError as exc:
            show_error(exc)
    return redirect(url_for("admin.source_list"), code=303)
