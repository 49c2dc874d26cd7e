"""The claim workbench `/desk/claims/<id>`: edit, appearances, chart, duplicates, sources, notes,
assignment and status. Every write form carries the version it was based on; a stale save re-renders
the page with the colleague's version, the difference and the typed text kept."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from claimtrack.models import Claim
from claimtrack.publishing import charts as figures
from claimtrack.services import claims, sources, workbench
from claimtrack.services.errors import DomainError, EditConflict, NeedsEditor
from claimtrack.web.auth import current_actor, role_required, user_can
from claimtrack.web.choices import STATUS_LABELS, choices
from claimtrack.web.desk.base import bp, dbs, form_version, in_page_language, people_choices
from claimtrack.web.desk.diff import field_changes, side_marks
from claimtrack.web.desk.forms import (
    FIELD_LABELS,
    SOURCE_KINDS,
    AssignForm,
    ClaimForm,
    LinkDecisionForm,
    ManualLinkForm,
    NoteForm,
    SourceForm,
    StatusForm,
)
from claimtrack.web.errors import conflict_message, show_error
from claimtrack.workflow import Permission, allowed_targets

CLAIM_FIELDS = ["text", "claimant", "claimant_kind", "language", "claim_date", "tags"]


def split_tags(raw: str | None) -> list[str]:
    return [t.strip() for t in (raw or "").split(",") if t.strip()]


def _claim_form(claim: Claim, tags: list[str]) -> ClaimForm:
    return ClaimForm(
        formdata=None,
        version=str(claim.version),
        text=claim.text,
        language=claim.language,
        claimant=claim.claimant,
        claimant_kind=claim.claimant_kind,
        claim_date=claim.claim_date,
        tags=", ".join(tags),
    )


def _status_form(claim: Claim, form: StatusForm | None = None) -> StatusForm:
    form = form or StatusForm(formdata=None, version=str(claim.version))
    form.status.choices = choices(
        (s, STATUS_LABELS.get(s, s)) for s in allowed_targets(claim.status)
    )
    return form


def render_workbench(
    claim_id: int,
    *,
    status: int = 200,
    conflict: dict[str, Any] | None = None,
    **forms: Any,
) -> ResponseReturnValue:
    """The workbench page; `forms` replace the fresh forms (to keep typed text and errors)."""
    session = dbs()
    wb = workbench.load(session, claim_id)
    claim = wb.claim
    assign = forms.get("assign_form") or AssignForm(
        formdata=None, version=str(claim.version), assignee_id=str(claim.assignee_id or "")
    )
    assign.assignee_id.choices = people_choices(session, blank=_("Nobody"))
    if not forms.get("assign_form"):
        assign.version.data = str(claim.version)
    bundle = workbench.chart_input(session, wb)
    chart = figures.figure_chart(bundle, locale=str(get_locale() or "de")) if bundle else None
    context = {
        "wb": wb,
        "claim": claim,
        "claim_form": forms.get("claim_form") or _claim_form(claim, wb.tags),
        "assign_form": assign,
        "status_form": _status_form(claim, forms.get("status_form")),
        "note_form": forms.get("note_form") or NoteForm(formdata=None),
        "source_form": forms.get("source_form") or SourceForm(formdata=None),
        "link_form": LinkDecisionForm(formdata=None),
        "manual_link_form": forms.get("manual_link_form") or ManualLinkForm(formdata=None),
        "chart": chart,
        "conflict": conflict,
        "status_labels": STATUS_LABELS,
        "field_labels": FIELD_LABELS,
        "can_decide": user_can("decide_links"),
        "can_propose": user_can("propose_links"),
    }
    return render_template("desk/claim.html", **context), status


def refused(
    claim_id: int, exc: DomainError, yours: dict[str, Any] | None = None, **forms: Any
) -> ResponseReturnValue:
    """The workbench again after a refused change, with the typed form (`forms`: at most one).

    A conflict shows who changed what (and, for `yours`, the difference to what was typed), and
    the form moves to the stored version; any other error goes on the form or into a flash.
    """
    form = next(iter(forms.values()), None)
    if not isinstance(exc, EditConflict):
        return render_workbench(claim_id, status=show_error(exc, form), **forms)
    session = dbs()
    claim = claims.get_claim(session, claim_id)
    yours = yours or {}
    conflict = {
        "message": conflict_message(exc, FIELD_LABELS),
        "version": claim.version,
        "changes": field_changes(
            yours, claims.claim_snapshot(session, claim), [f for f in CLAIM_FIELDS if f in yours]
        ),
    }
    if form is not None:
        form.version.data = str(claim.version)
    return render_workbench(claim_id, status=409, conflict=conflict, **forms)


@bp.get("/claims/<int:claim_id>", endpoint="claim")
@role_required(Permission.TRIAGE)
def claim_view(claim_id: int) -> ResponseReturnValue:
    return render_workbench(claim_id)


@bp.post("/claims/<int:claim_id>/edit", endpoint="claim_edit")
@role_required(Permission.TRIAGE)
def claim_edit(claim_id: int) -> ResponseReturnValue:
    form = ClaimForm()
    if not form.validate():
        return render_workbench(claim_id, status=400, claim_form=form)
    changes = {
        "text": form.text.data,
        "language": form.language.data,
        "claimant": form.claimant.data or "",
        "claimant_kind": form.claimant_kind.data,
        "claim_date": form.claim_date.data,
        "tags": split_tags(form.tags.data),
    }
    try:
        claims.edit_claim(
            session=dbs(),
            actor=current_actor(),
            claim_id=claim_id,
            expected_version=form_version(form.version.data),
            changes=changes,
            correction_note=form.correction_note.data or "",
            language_confirmed=bool(form.confirm_language.data),
        )
    except NeedsEditor:
        lines = [f"{FIELD_LABELS[k]}: {_shown(v)}" for k, v in changes.items()]
        return keep_as_proposal(claim_id, lines)
    except DomainError as exc:
        yours = {**changes, "claim_date": form.claim_date.data and form.claim_date.data.isoformat()}
        return refused(claim_id, in_page_language(exc), yours, claim_form=form)
    flash(_("Claim saved."), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id))


@bp.post("/claims/<int:claim_id>/assign", endpoint="claim_assign")
@role_required(Permission.TRIAGE)
def claim_assign(claim_id: int) -> ResponseReturnValue:
    actor = current_actor()
    form = AssignForm()
    form.assignee_id.choices = people_choices(dbs(), blank="")
    form.validate()
    raw = form.assignee_id.data or ""
    assignee = actor.id if "me" in request.form else (int(raw) if raw.isdigit() else None)
    try:
        claims.assign_claim(
            session=dbs(),
            actor=actor,
            claim_id=claim_id,
            assignee_id=assignee,
            expected_version=form_version(form.version.data),
        )
    except DomainError as exc:
        return refused(claim_id, exc)
    flash(_("Assignment saved."), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id))


@bp.post("/claims/<int:claim_id>/status", endpoint="claim_status")
@role_required(Permission.TRIAGE)
def claim_status(claim_id: int) -> ResponseReturnValue:
    form = StatusForm()
    form.validate()
    try:
        claims.change_status(
            session=dbs(),
            actor=current_actor(),
            claim_id=claim_id,
            status=form.status.data or "",
            expected_version=form_version(form.version.data),
            reason=form.reason.data or "",
        )
    except DomainError as exc:
        return refused(claim_id, exc, status_form=form)
    flash(_("Status changed."), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id))


@bp.post("/claims/<int:claim_id>/notes", endpoint="claim_note")
@role_required(Permission.TRIAGE)
def claim_note(claim_id: int) -> ResponseReturnValue:
    form = NoteForm()
    if not form.validate():
        return render_workbench(claim_id, status=400, note_form=form)
    try:
        claims.add_note(
            session=dbs(), actor=current_actor(), claim_id=claim_id, body=form.body.data
        )
    except DomainError as exc:
        return refused(claim_id, exc, note_form=form)
    flash(_("Note added."), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="notes"))


@bp.post("/claims/<int:claim_id>/sources", endpoint="claim_source")
@role_required(Permission.TRIAGE)
def claim_source(claim_id: int) -> ResponseReturnValue:
    form = SourceForm()
    if not form.validate():
        return render_workbench(claim_id, status=400, source_form=form)
    data = sources.SourceInput(
        url=form.url.data,
        title=form.title.data or "",
        publisher=form.publisher.data or "",
        kind=form.kind.data,
        accessed_on=form.accessed_on.data,
        archive_url=form.archive_url.data or None,
        note=form.note.data or "",
    )
    try:
        sources.add_source(session=dbs(), actor=current_actor(), claim_id=claim_id, data=data)
    except NeedsEditor:
        return keep_as_proposal(claim_id, [_("Add the source %(url)s", url=data.url)])
    except DomainError as exc:
        return refused(claim_id, exc, source_form=form)
    flash(_("Source added."), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="sources"))


@bp.post("/claims/<int:claim_id>/sources/<int:source_id>/remove", endpoint="source_remove")
@role_required(Permission.TRIAGE)
def source_remove(claim_id: int, source_id: int) -> ResponseReturnValue:
    # CSRFProtect has checked the token; the source must belong to this claim.
    attached = {s.id: s for s in sources.sources_of(dbs(), claim_id)}
    if source_id not in attached:
        flash(_("That source is not attached to this claim."), "error")
        return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="sources"))
    url = attached[source_id].url
    try:
        sources.remove_source(session=dbs(), actor=current_actor(), source_id=source_id)
    except NeedsEditor:
        return keep_as_proposal(claim_id, [_("Remove the source %(url)s", url=url)])
    flash(_("Source removed."), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="sources"))


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(getattr(value, "isoformat", lambda: value)())


def keep_as_proposal(claim_id: int, lines: list[str]) -> ResponseReturnValue:
    """A fact-checker's change to a published fact check is not applied, and not lost either: it
    becomes an internal note the editors see on the workbench and can apply as a correction or an
    update."""
    body = "\n".join([_("Proposed change to the published fact check (for an editor):"), *lines])
    claims.add_note(session=dbs(), actor=current_actor(), claim_id=claim_id, body=body)
    flash(
        _(
            "This fact check is published, so an editor applies changes to it. Your change is "
            "kept as a note below; ask an editor to apply it as a correction or an update."
        ),
        "warning",
    )
    return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="notes"))


@bp.context_processor
def _desk_helpers() -> dict[str, Any]:
    return {"side_marks": side_marks, "source_kinds": dict(SOURCE_KINDS)}
