"""Admin pages for the desk's configuration: rating scale, matching aliases and thresholds, audit log."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_percent
from flask_babel import gettext as _
from sqlmodel import col, select
from wtforms import SelectChoice

from claimtrack.jobs import queue_for
from claimtrack.languages import LANGUAGES
from claimtrack.matching.embedding import EmbedderUnavailable
from claimtrack.models import AuditEvent, RatingLabel, User
from claimtrack.services import audit, ratings
from claimtrack.services.base import get_or_raise
from claimtrack.services.errors import DomainError
from claimtrack.services.matching import admin as matching_admin
from claimtrack.services.matching import embed_job, reindex_job
from claimtrack.services.matching import links as matching_links
from claimtrack.services.matching import match as matching
from claimtrack.services.matching import reading as matching_reading
from claimtrack.web.admin.base import bp, dbs
from claimtrack.web.admin.forms import (
    ALIAS_KIND_LABELS,
    THRESHOLD_LABELS,
    AliasForm,
    AuditFilterForm,
    ConfirmForm,
    RatingLabelForm,
    ThresholdsForm,
)
from claimtrack.web.audit_names import action_name, field_name, object_type_name
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission

AUDIT_PAGE = 50

# -- rating scale -----------------------------------------------------------------------------------


def _label_input(form: RatingLabelForm) -> ratings.LabelInput:
    return ratings.LabelInput(
        key=form.key.data or "",
        names={code: form[f"label_{code}"].data or "" for code in LANGUAGES},
        explanations={code: form[f"explanation_{code}"].data or "" for code in LANGUAGES},
        color=form.color.data or "",
        ordinal=form.ordinal.data,
        position=form.position.data or 0,
        active=bool(form.active.data),
    )


def _render_ratings(form: RatingLabelForm, status: int = 200) -> ResponseReturnValue:
    labels = ratings.scale(dbs(), include_inactive=True)
    return render_template("admin/ratings.html", labels=labels, form=form), status


@bp.get("/ratings", endpoint="ratings")
@role_required(Permission.MANAGE_SCALE)
def ratings_page() -> ResponseReturnValue:
    return _render_ratings(RatingLabelForm(formdata=None))


@bp.post("/ratings")
@role_required(Permission.MANAGE_SCALE)
def create_label() -> ResponseReturnValue:
    form = RatingLabelForm()
    if form.validate_on_submit():
        try:
            ratings.save_label(session=dbs(), actor=current_actor(), data=_label_input(form))
        except DomainError as exc:
            show_error(exc, form)
        else:
            flash(_("Label %(key)s added.", key=form.key.data), "success")
            return redirect(url_for("admin.ratings"))
    return _render_ratings(form, 400)


@bp.route("/ratings/<int:label_id>", methods=["GET", "POST"])
@role_required(Permission.MANAGE_SCALE)
def edit_label(label_id: int) -> ResponseReturnValue:
    label = get_or_raise(dbs(), RatingLabel, label_id)
    form = RatingLabelForm(
        obj=label,
        **{f"label_{code}": label.names.get(code, "") for code in LANGUAGES},
        **{f"explanation_{code}": label.explanations.get(code, "") for code in LANGUAGES},
    )
    if form.validate_on_submit():
        try:
            ratings.save_label(
                session=dbs(), actor=current_actor(), data=_label_input(form), label_id=label_id
            )
        except DomainError as exc:
            show_error(exc, form)
        else:
            flash(_("Label %(key)s saved.", key=form.key.data), "success")
            return redirect(url_for("admin.ratings"))
    status = 400 if request.method == "POST" else 200
    return render_template("admin/rating.html", label=label, form=form), status


# -- matching ---------------------------------------------------------------------------------------


def _render_matching(
    alias_form: AliasForm | None = None,
    threshold_form: ThresholdsForm | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    session = dbs()
    current = matching.thresholds(session)
    return render_template(
        "admin/matching.html",
        aliases=matching_admin.list_aliases(session),
        alias_form=alias_form or AliasForm(formdata=None),
        threshold_form=threshold_form or ThresholdsForm(formdata=None, obj=current),
        calibration=matching_links.calibration(session),
        thresholds=current,
        threshold_labels=THRESHOLD_LABELS,
        kind_labels=ALIAS_KIND_LABELS,
        confirm_form=ConfirmForm(formdata=None),
        reindex=reindex_job.last_reindex(session),
        reading=matching_reading.index_reading(session),
        embedding=_embedding_status(session),
        percent=lambda share: format_percent(share, "#,##0.0\u00a0%"),
    ), status


def _embedding_status(session: Any) -> embed_job.EmbedView | None:
    try:
        return embed_job.embedding_status(session)
    except EmbedderUnavailable:  # an unknown model name configured: the page says so
        return None


@bp.get("/matching", endpoint="matching")
@role_required(Permission.MANAGE_MATCHING)
def matching_page() -> ResponseReturnValue:
    return _render_matching()


@bp.post("/matching/aliases")
@role_required(Permission.MANAGE_MATCHING)
def add_alias() -> ResponseReturnValue:
    form = AliasForm()
    if form.validate_on_submit():
        try:
            matching_admin.add_alias(
                session=dbs(),
                actor=current_actor(),
                spelling=form.spelling.data,
                canonical=form.canonical.data,
                kind=form.kind.data,
            )
        except DomainError as exc:
            show_error(exc, form)
        else:
            flash(_("Alias saved. Rebuild the index to apply it to stored claims."), "success")
            return redirect(url_for("admin.matching"))
    return _render_matching(alias_form=form, status=400)


@bp.post("/matching/aliases/remove")
@role_required(Permission.MANAGE_MATCHING)
def remove_alias() -> ResponseReturnValue:
    spelling = request.form.get("spelling", "")
    if ConfirmForm().validate_on_submit() and spelling:
        matching_admin.remove_alias(session=dbs(), actor=current_actor(), spelling=spelling)
        flash(_("Alias %(spelling)s removed.", spelling=spelling), "success")
    return redirect(url_for("admin.matching"))


def _threshold_order(current: dict[str, float], wanted: dict[str, float]) -> list[str] | None:
    """An order of single changes whose every step keeps suggest ≤ auto_link and related ≤ same."""

    def valid(t: dict[str, float]) -> bool:
        return t["suggest"] <= t["auto_link"] and t["related"] <= t["same"]

    if not valid(wanted):
        return None
    state, order = dict(current), []
    pending = [name for name in wanted if wanted[name] != current[name]]
    while pending:
        step = next((n for n in pending if valid({**state, n: wanted[n]})), None)
        if step is None:
            return None
        state[step] = wanted[step]
        order.append(step)
        pending.remove(step)
    return order


@bp.post("/matching/thresholds")
@role_required(Permission.MANAGE_MATCHING)
def save_thresholds() -> ResponseReturnValue:
    form = ThresholdsForm()
    if not form.validate_on_submit():
        return _render_matching(threshold_form=form, status=400)
    current = dict(matching.thresholds(dbs()).__dict__)
    wanted = {name: float(getattr(form, name).data) for name in THRESHOLD_LABELS}
    order = _threshold_order(current, wanted)
    if order is None:
        form.form_errors.append(_("suggest must not exceed auto_link, nor related exceed same."))
        return _render_matching(threshold_form=form, status=400)
    try:
        for name in order:
            matching_admin.set_threshold(
                session=dbs(), actor=current_actor(), name=name, value=wanted[name]
            )
    except DomainError as exc:
        return _render_matching(threshold_form=form, status=show_error(exc, form))
    flash(_("Thresholds saved."), "success")
    return redirect(url_for("admin.matching"))


@bp.post("/matching/rebuild")
@role_required(Permission.MANAGE_MATCHING)
def rebuild_index() -> ResponseReturnValue:
    if ConfirmForm().validate_on_submit():
        submitted = reindex_job.request_reindex(session=dbs(), actor=current_actor())
        if submitted.dispatch:
            try:
                queue_for(current_app).dispatch_job(submitted.job.id or 0)
            except Exception:  # noqa: BLE001 - the job is stored; the worker's sweep finds it
                current_app.logger.exception("could not queue the re-index")
        flash(_("Re-indexing runs in the background; this page shows when it is done."), "success")
    return redirect(url_for("admin.matching"))


@bp.post("/matching/embed")
@role_required(Permission.MANAGE_MATCHING)
def embed_claims() -> ResponseReturnValue:
    if ConfirmForm().validate_on_submit():
        try:
            submitted = embed_job.request_embedding(session=dbs(), actor=current_actor())
        except DomainError as exc:
            show_error(exc)
            return redirect(url_for("admin.matching"))
        except EmbedderUnavailable:
            flash(_("No embedding model can run on this server."), "error")
            return redirect(url_for("admin.matching"))
        if submitted.dispatch:
            try:
                queue_for(current_app).dispatch_job(submitted.job.id or 0)
            except Exception:  # noqa: BLE001 - the job is stored; the worker's sweep finds it
                current_app.logger.exception("could not queue the embedding back-fill")
        flash(_("Embedding runs in the background; this page shows how far it got."), "success")
    return redirect(url_for("admin.matching"))


# -- audit log --------------------------------------------------------------------------------------


def _audit_filters(form: AuditFilterForm) -> None:
    session = dbs()
    actions = session.exec(select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    types = session.exec(select(AuditEvent.object_type).distinct().order_by(AuditEvent.object_type))
    people = session.exec(select(User).order_by(col(User.name)))
    everything = SelectChoice("", _("All"))
    form.action.choices = [everything, *(SelectChoice(a, action_name(a)) for a in actions)]
    form.object_type.choices = [
        everything,
        *(SelectChoice(t, object_type_name(t)) for t in types if t),
    ]
    form.actor.choices = [everything, *(SelectChoice(str(u.id), u.name) for u in people)]


def _int_arg(name: str) -> int | None:
    raw = request.args.get(name, "")
    if not raw:
        return None
    if not raw.isdigit():
        abort(400)
    return int(raw)


@bp.get("/audit", endpoint="audit")
@role_required(Permission.VIEW_AUDIT)
def audit_log() -> ResponseReturnValue:
    form = AuditFilterForm(request.args)
    _audit_filters(form)
    session = dbs()
    before = _int_arg("before")
    events = audit.list_events(
        session,
        action=form.action.data or None,
        object_type=form.object_type.data or None,
        actor_id=_int_arg("actor"),
        limit=AUDIT_PAGE + 1,
        before_id=before,
    )
    more = len(events) > AUDIT_PAGE
    events = events[:AUDIT_PAGE]
    names = {u.id: u.name for u in session.exec(select(User))}
    args: dict[str, Any] = {
        k: v for k, v in request.args.items() if k not in ("before", "submit") and v
    }
    next_url = url_for("admin.audit", **args, before=events[-1].id) if more and events else None
    newest_url = url_for("admin.audit", **args) if before is not None else None
    return render_template(
        "admin/audit.html",
        form=form,
        events=events,
        names=names,
        next_url=next_url,
        newest_url=newest_url,
        changed_fields=_changed_fields,
        audit_object_url=_object_url,
        action_name=action_name,
        object_type_name=object_type_name,
        field_name=field_name,
    )


# Where an audited object can be looked at: object type → (endpoint, URL argument).
OBJECT_PAGES = {
    "claim": ("desk.claim", "claim_id"),
    "user": ("admin.user", "user_id"),
    "rating_label": ("admin.edit_label", "label_id"),
}


def _object_url(event: AuditEvent) -> str | None:
    page = OBJECT_PAGES.get(event.object_type)
    if page is None or event.object_id is None:
        return None
    values: dict[str, Any] = {page[1]: event.object_id}
    return url_for(page[0], **values)


def _changed_fields(event: AuditEvent) -> list[str]:
    """The fields an event changed (all fields it names when there is no before)."""
    return audit.changed_fields(event.before or {}, event.after or {})
