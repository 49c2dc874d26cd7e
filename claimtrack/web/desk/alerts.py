"""Alerts in the desk: checked claims seen again in watched sources; confirm or dismiss them,
the open count in the navigation, and a personal Atom feed of alerts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from feedgen.feed import FeedGenerator
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from claimtrack.services import ratings
from claimtrack.services.errors import DomainError, NotFound
from claimtrack.services.monitoring import alerts, feed_tokens, sources
from claimtrack.text.controls import strip_controls as xml_text
from claimtrack.web.auth import current_actor, current_actor_or_none, login_required, role_required
from claimtrack.web.choices import options
from claimtrack.web.errors import show_error
from claimtrack.web.i18n import current_lang
from claimtrack.workflow import Permission

from .base import bp, dbs

STATE_LABELS = {
    alerts.OPEN: _l("Open"),
    alerts.CONFIRMED: _l("Confirmed"),
    alerts.DISMISSED: _l("Dismissed"),
}
KIND_LABELS = {"same": _l("same claim"), "variant": _l("variant")}
SIGHTING_LABELS = {alerts.CONFIRMED: _l("recorded"), alerts.DISMISSED: _l("dismissed")}
FEED_ENTRIES = 50
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class AlertFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET filter

    state = SelectField(_l("State"), choices=options({"": _l("All"), **STATE_LABELS}),
                        default=alerts.OPEN, validators=[Optional()])  # fmt: skip
    outlet = SelectField(_l("Outlet"), validators=[Optional()], validate_choice=False)
    rating = SelectField(_l("Rating"), validators=[Optional()], validate_choice=False)
    submit = SubmitField(_l("Filter"))


class ConfirmAlertForm(FlaskForm):
    submit = SubmitField(_l("Confirm appearances"))


class SightingForm(FlaskForm):
    """Confirm or dismiss one sentence (the button pressed names the decision)."""


class DismissAlertForm(FlaskForm):
    reason = StringField(_l("Why not?"), validators=[DataRequired(), Length(max=500)])
    submit = SubmitField(_l("Dismiss"))


class FeedTokenForm(FlaskForm):
    submit = SubmitField(_l("New secret feed address"))


@bp.app_context_processor
def _open_alerts() -> dict[str, Any]:
    """`open_alert_count()` for the navigation: evaluated only where the layout shows it."""

    def open_alert_count() -> int:
        return alerts.open_count(dbs()) if current_actor_or_none() is not None else 0

    return {"open_alert_count": open_alert_count}


def _filter_form() -> AlertFilterForm:
    session = dbs()
    form = AlertFilterForm(request.args)
    if "state" not in request.args:
        form.state.data = alerts.OPEN
    form.outlet.choices = options(
        {"": _("All outlets"), **{o: o for o in sources.outlets(session)}}
    )
    labels = ratings.scale(session)
    form.rating.choices = options(
        {"": _("All ratings"), **{lb.key: lb.name_in(current_lang()) for lb in labels}}
    )
    return form


def _page(views: list[alerts.AlertView], form: AlertFilterForm | None, status: int = 200,
          dismiss: DismissAlertForm | None = None, token: str | None = None) -> ResponseReturnValue:  # fmt: skip
    actor = current_actor()
    return render_template(
        "desk/alerts.html",
        views=views,
        form=form,
        state_labels=STATE_LABELS,
        kind_labels=KIND_LABELS,
        confirm_form=ConfirmAlertForm(formdata=None),
        sighting_form=SightingForm(formdata=None),
        sighting_labels=SIGHTING_LABELS,
        dismiss_form=dismiss or DismissAlertForm(formdata=None),
        token_form=FeedTokenForm(formdata=None),
        feed_token=token,
        has_feed=feed_tokens.has_feed_token(dbs(), actor.id or 0),
    ), status


@bp.get("/alerts", endpoint="alerts")
@login_required
def alert_list() -> ResponseReturnValue:
    form = _filter_form()
    state = form.state.data if form.state.data in alerts.STATES else None
    views = alerts.list_alerts(dbs(), state=state, outlet=form.outlet.data or None,
                               rating=form.rating.data or None)  # fmt: skip
    return _page(views, form)


@bp.get("/alerts/<int:alert_id>")
@login_required
def alert(alert_id: int) -> ResponseReturnValue:
    return _page([alerts.get_alert(dbs(), alert_id)], None)


@bp.post("/alerts/<int:alert_id>/confirm")
@role_required(Permission.PUBLISH)
def confirm_alert(alert_id: int) -> ResponseReturnValue:
    if not ConfirmAlertForm().validate_on_submit():
        abort(400)
    try:
        done = alerts.confirm_alert(session=dbs(), actor=current_actor(), alert_id=alert_id)
    except NotFound:
        raise
    except DomainError as exc:
        show_error(exc)
        return redirect(url_for("desk.alerts"), code=303)
    flash(_("The appearances are recorded on claim %(id)s.", id=done.claim_id), "success")
    return redirect(url_for("desk.alerts"), code=303)


@bp.post("/alerts/<int:alert_id>/dismiss")
@role_required(Permission.TRIAGE)
def dismiss_alert(alert_id: int) -> ResponseReturnValue:
    form = DismissAlertForm()
    if not form.validate_on_submit():
        return _page([alerts.get_alert(dbs(), alert_id)], None, status=400, dismiss=form)
    try:
        alerts.dismiss_alert(session=dbs(), actor=current_actor(), alert_id=alert_id,
                             reason=form.reason.data or "")  # fmt: skip
    except NotFound:
        raise
    except DomainError as exc:
        status = show_error(exc, form)
        return _page([alerts.get_alert(dbs(), alert_id)], None, status=status, dismiss=form)
    flash(_("Alert dismissed."), "success")
    return redirect(url_for("desk.alerts"), code=303)


@bp.post("/alerts/sightings/<int:sighting_id>/confirm")
@role_required(Permission.PUBLISH)
def confirm_sighting(sighting_id: int) -> ResponseReturnValue:
    """One sentence is the checked claim: it becomes an appearance (refused once decided)."""
    return _decide_sighting(sighting_id, alerts.confirm_sighting,
                            _("The sentence is recorded as an appearance of the claim."))  # fmt: skip


@bp.post("/alerts/sightings/<int:sighting_id>/dismiss")
@role_required(Permission.TRIAGE)
def dismiss_sighting(sighting_id: int) -> ResponseReturnValue:
    return _decide_sighting(sighting_id, alerts.dismiss_sighting, _("Sentence dismissed."))


def _decide_sighting(sighting_id: int, action: Any, done: str) -> ResponseReturnValue:
    if not SightingForm().validate_on_submit():
        abort(400)
    try:
        row = action(session=dbs(), actor=current_actor(), sighting_id=sighting_id)
    except NotFound:
        raise
    except DomainError as exc:
        show_error(exc)
        return redirect(url_for("desk.alerts"), code=303)
    flash(done, "success")
    return redirect(url_for("desk.alert", alert_id=row.alert_id), code=303)


@bp.post("/alerts/feed-token")
@role_required(Permission.TRIAGE)
def new_feed_token() -> ResponseReturnValue:
    if not FeedTokenForm().validate_on_submit():
        abort(400)
    token = feed_tokens.issue_feed_token(session=dbs(), actor=current_actor())
    return _page(alerts.list_alerts(dbs()), _filter_form(), status=201, token=token)


@bp.get("/alerts.atom")
def alert_feed() -> ResponseReturnValue:
    """The recent alerts as Atom: for a desk member's feed reader (the secret address), or for the
    logged-in desk member who opens it."""
    session = dbs()
    token = request.args.get("token", "")
    user = feed_tokens.user_for_feed_token(session, token) if token else current_actor_or_none()
    if user is None:
        abort(401)
    # A sentence someone dismissed is not the claim: the feed never shows it.
    views = alerts.list_alerts(session, state=None, limit=FEED_ENTRIES, with_dismissed=False)
    response = Response(_atom(views), mimetype="application/atom+xml")
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _atom(views: list[alerts.AlertView]) -> bytes:
    feed = FeedGenerator()
    page = url_for("desk.alerts", _external=True)
    feed.id(page)
    feed.title(_("claimtrack: checked claims seen again"))
    feed.link(href=page, rel="alternate", type="text/html")
    feed.updated(max((v.alert.updated_at for v in views), default=None) or EPOCH)
    for view in reversed(views):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        url = url_for("desk.alert", alert_id=view.alert.id, _external=True)
        entry.id(f"{url}#{view.alert.updated_at.isoformat()}")
        entry.title(xml_text(_headline(view)))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(view.alert.created_at)
        entry.updated(view.alert.updated_at)
        lines = [f"{s.story.outlet or s.story.url}: {s.row.quote}" for s in view.sightings]
        entry.summary(xml_text("\n".join(lines)))
        if view.label:
            entry.category(term=view.label.key, label=xml_text(view.label.name_in(current_lang())))
    return bytes(feed.atom_str(pretty=False))


def _headline(view: alerts.AlertView) -> str:
    rating = view.label.name_in(current_lang()) if view.label else _("no rating")
    return _("Checked claim back: %(claim)s — %(rating)s — in %(count)s new stories",
             claim=view.claim.text, rating=rating, count=view.story_count)  # fmt: skip
