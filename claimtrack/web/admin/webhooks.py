"""Admin page for partner webhooks: endpoints (secret shown once), the delivery log, send again."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from claimtrack.jobs import queue_for
from claimtrack.services import webhooks
from claimtrack.services.errors import DomainError, NotFound
from claimtrack.web.admin.base import bp, dbs
from claimtrack.web.admin.forms import ConfirmForm, MultiCheckboxField
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.choices import options
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission

EVENT_LABELS = {
    webhooks.PUBLISHED: _l("Verdict published"),
    webhooks.CORRECTED: _l("Verdict corrected"),
    webhooks.WITHDRAWN: _l("Verdict withdrawn"),
    webhooks.ALERT: _l("Checked claim back in new stories (alert)"),
}
STATE_LABELS = {
    "pending": _l("waiting"),
    "sending": _l("sending"),
    "delivered": _l("delivered"),
    "failed": _l("given up"),
}


class WebhookForm(FlaskForm):
    partner = StringField(_l("Partner"), validators=[DataRequired(), Length(max=200)])
    url = StringField(_l("HTTPS address"), validators=[DataRequired(), Length(max=2000)])
    events = MultiCheckboxField(
        _l("Events"),
        choices=options(EVENT_LABELS),
        default=list(webhooks.VERDICT_EVENTS),
        validators=[DataRequired()],
    )
    submit = SubmitField(_l("Add endpoint"))


def _render(
    form: WebhookForm, *, secret: str | None = None, status: int = 200
) -> ResponseReturnValue:
    session = dbs()
    endpoints = webhooks.list_endpoints(session)
    return render_template(
        "admin/webhooks.html",
        form=form,
        secret=secret,
        endpoints=endpoints,
        partners={e.id: e.partner for e in endpoints},
        deliveries=webhooks.list_deliveries(session, limit=100),
        event_labels=EVENT_LABELS,
        state_labels=STATE_LABELS,
        confirm=ConfirmForm(formdata=None),
    ), status


@bp.get("/webhooks")
@role_required(Permission.MANAGE_TOKENS)
def webhook_list() -> ResponseReturnValue:
    return _render(WebhookForm(formdata=None))


@bp.post("/webhooks")
@role_required(Permission.MANAGE_TOKENS)
def add_webhook() -> ResponseReturnValue:
    form = WebhookForm()
    if not form.validate_on_submit():
        return _render(form, status=400)
    try:
        _, secret = webhooks.add_endpoint(
            session=dbs(),
            actor=current_actor(),
            partner=form.partner.data,
            url=form.url.data,
            events=list(form.events.data or []),
            policy=webhooks.policy_from_config(current_app.config),
        )
    except DomainError as exc:
        return _render(form, status=show_error(exc, form))
    return _render(WebhookForm(formdata=None), secret=secret, status=201)


@bp.post("/webhooks/<int:endpoint_id>/disable")
@role_required(Permission.MANAGE_TOKENS)
def disable_webhook(endpoint_id: int) -> ResponseReturnValue:
    if ConfirmForm().validate_on_submit():
        try:
            webhooks.disable_endpoint(session=dbs(), actor=current_actor(), endpoint_id=endpoint_id)
            flash(_("The endpoint is disabled; nothing more is sent to it."), "success")
        except NotFound:
            raise
        except DomainError as exc:
            show_error(exc)
    return redirect(url_for("admin.webhook_list"))


@bp.post("/webhooks/deliveries/<int:delivery_id>/send-again")
@role_required(Permission.MANAGE_TOKENS)
def send_again(delivery_id: int) -> ResponseReturnValue:
    if ConfirmForm().validate_on_submit():
        try:
            webhooks.send_again(session=dbs(), actor=current_actor(), delivery_id=delivery_id)
        except NotFound:
            raise
        except DomainError as exc:
            show_error(exc)
            return redirect(url_for("admin.webhook_list"))
        try:
            queue_for(current_app).dispatch_delivery(delivery_id)
        except Exception:  # noqa: BLE001 - stored as due; the worker's sweep sends it
            current_app.logger.exception("could not queue delivery %s", delivery_id)
        flash(_("Queued again with the same webhook-id."), "success")
    return redirect(url_for("admin.webhook_list"))
