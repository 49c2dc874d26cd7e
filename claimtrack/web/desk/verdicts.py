"""The verdict editor `/desk/claims/<id>/verdict`: draft, preview as readers see it, publish,
correct (public correction or silent update), and the history of every revision with a diff."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlmodel import Session, col, select

from claimtrack.models import RatingLabel, User, Verdict, VerdictState
from claimtrack.publishing import charts as figures
from claimtrack.services import audit, claims, ratings, sources, verdicts, workbench
from claimtrack.services.errors import DomainError, EditConflict
from claimtrack.web.auth import current_actor, role_required, user_can
from claimtrack.web.choices import choices
from claimtrack.web.desk.base import bp, dbs, form_version
from claimtrack.web.desk.diff import field_changes
from claimtrack.web.desk.forms import FIELD_LABELS, VerdictForm, WithdrawForm
from claimtrack.web.errors import conflict_message, show_error
from claimtrack.web.i18n import moment
from claimtrack.workflow import Permission

VERDICT_FIELDS = ["rating", "headline", "summary", "reasoning", "valid_as_of", "language"]
REVISION_KINDS = {
    "draft": _l("Draft saved"),
    "publication": _l("Published"),
    "correction": _l("Public correction"),
    "update": _l("Silent update"),
    "withdrawal": _l("Withdrawn"),
}


def _label_name(label: RatingLabel) -> str:
    return label.name_in(str(get_locale()))


def _rating_names() -> dict[int, str]:
    return {r.id or 0: _label_name(r) for r in ratings.scale(dbs(), include_inactive=True)}


def _form_for(verdict: Verdict | None, claim_language: str) -> VerdictForm:
    if verdict is None:
        return VerdictForm(formdata=None, language=claim_language)
    return VerdictForm(
        formdata=None,
        version=str(verdict.version),
        rating_id=str(verdict.rating_id or ""),
        headline=verdict.headline,
        summary=verdict.summary,
        reasoning=verdict.reasoning,
        valid_as_of=verdict.valid_as_of,
        language=verdict.language,
    )


def _input(form: VerdictForm) -> verdicts.VerdictInput:
    raw = form.rating_id.data or ""
    return verdicts.VerdictInput(
        rating_id=int(raw) if raw.isdigit() else None,
        headline=form.headline.data or "",
        summary=form.summary.data or "",
        reasoning=form.reasoning.data or "",
        valid_as_of=form.valid_as_of.data,
        language=form.language.data or "de",
    )


def _render(
    claim_id: int,
    form: VerdictForm | None = None,
    *,
    status: int = 200,
    preview: Any = None,
    chart: Any = None,
    conflict: dict[str, Any] | None = None,
    withdraw_form: WithdrawForm | None = None,
) -> ResponseReturnValue:
    session = dbs()
    claim = claims.get_claim(session, claim_id)
    verdict = verdicts.verdict_of(session, claim_id)
    form = form or _form_for(verdict, claim.language)
    form.rating_id.choices = choices(
        [("", _("Choose a rating")), *((r.id, _label_name(r)) for r in ratings.scale(session))]
    )
    return (
        render_template(
            "desk/verdict.html",
            claim=claim,
            verdict=verdict,
            form=form,
            preview=preview,
            chart=chart,
            sources=sources.sources_of(session, claim_id),
            conflict=conflict,
            published=verdict is not None and verdict.state == VerdictState.PUBLISHED,
            can_publish=user_can(Permission.PUBLISH),
            withdraw_form=withdraw_form
            or WithdrawForm(formdata=None, version=str(verdict.version if verdict else "")),
            field_labels=FIELD_LABELS,
        ),
        status,
    )


@bp.get("/claims/<int:claim_id>/verdict", endpoint="verdict")
@role_required(Permission.DRAFT_VERDICT)
def verdict_view(claim_id: int) -> ResponseReturnValue:
    return _render(claim_id)


@bp.post("/claims/<int:claim_id>/verdict", endpoint="verdict_save")
@role_required(Permission.DRAFT_VERDICT)
def verdict_save(claim_id: int) -> ResponseReturnValue:
    form = VerdictForm()
    action = request.form.get("action", "save")
    if not form.validate():
        return _render(claim_id, form, status=400)
    data = _input(form)
    if action == "preview":
        note = form.note.data if form.change_kind.data == "correction" else ""
        bundle = workbench.preview_bundle(dbs(), claim_id, data, correction_note=note or "")
        chart = figures.figure_chart(bundle, locale=data.language)
        return _render(claim_id, form, preview=bundle, chart=chart)
    meanwhile = _published_meanwhile(claim_id, form) if action in ("save", "publish") else None
    if meanwhile is not None:
        return _published_conflict(claim_id, form, data, meanwhile)
    try:
        message = _apply(claim_id, action, data, form)
    except DomainError as exc:
        return _refused(claim_id, exc, form, data)
    flash(message, "success")
    return redirect(url_for("desk.verdict", claim_id=claim_id))


def _apply(claim_id: int, action: str, data: verdicts.VerdictInput, form: VerdictForm) -> str:
    """Run the use case the pressed button asks for; returns the message to show."""
    session, actor = dbs(), current_actor()
    raw_version = form.version.data
    expected = form_version(raw_version) if raw_version else None
    current = verdicts.verdict_of(session, claim_id)
    if current is not None and expected is None:
        # The form was opened before anyone wrote a verdict: that is a stale form too.
        expected = 0
    if current is not None and current.state == VerdictState.PUBLISHED:
        public = form.change_kind.data != "update"
        verdicts.correct_verdict(
            session=session,
            actor=actor,
            claim_id=claim_id,
            data=data,
            expected_version=expected or 0,
            public=public,
            note=form.note.data or "",
        )
        return _("Correction published.") if public else _("Verdict updated silently.")
    save = verdicts.save_and_publish if action == "publish" else verdicts.save_draft
    save(session=session, actor=actor, claim_id=claim_id, data=data, expected_version=expected)
    return _("Verdict published.") if action == "publish" else _("Draft saved.")


def _published_meanwhile(claim_id: int, form: VerdictForm) -> Verdict | None:
    """The verdict, if an editor published it after this draft form was opened (the draft form's
    buttons are "save" and "publish"; a published verdict's form sends "correct")."""
    current = verdicts.verdict_of(dbs(), claim_id)
    if current is None or current.state != VerdictState.PUBLISHED:
        return None
    raw = form.version.data
    expected = form_version(raw) if raw else 0
    return current if expected != current.version else None


def _published_conflict(
    claim_id: int, form: VerdictForm, data: verdicts.VerdictInput, verdict: Verdict
) -> ResponseReturnValue:
    """Say who published the verdict meanwhile and keep the typed text; the form turns into the
    published verdict's form (correction or silent update, for editors only)."""
    session = dbs()
    who = session.get(User, verdict.reviewer_id) if verdict.reviewer_id else None
    when = moment(verdict.published_at) if verdict.published_at else ""
    message = _(
        "%(who)s published this verdict meanwhile (%(when)s).",
        who=who.name if who else _("An editor"),
        when=when,
    )
    if user_can(Permission.PUBLISH):
        message += " " + _(
            "Your text is still in the form: save it as a correction for readers or as a silent update."
        )
    else:
        message += " " + _(
            "Only editors change a published verdict: your text is still in the form, so you can copy it into a note for them."
        )
    names = _rating_names()
    theirs = _snapshot(audit.snapshot(verdict), names)
    yours = _snapshot(audit.to_json(asdict(data)), names)
    form.version.data = str(verdict.version)
    form.change_kind.data = form.change_kind.data or "correction"
    conflict = {
        "message": message,
        "version": str(verdict.version),
        "changes": field_changes(yours, theirs, VERDICT_FIELDS),
    }
    return _render(claim_id, form, status=409, conflict=conflict)


def _refused(
    claim_id: int,
    exc: DomainError,
    form: VerdictForm | None = None,
    data: verdicts.VerdictInput | None = None,
    withdraw_form: WithdrawForm | None = None,
) -> ResponseReturnValue:
    """The editor again after a refused change, with what was typed: a conflict shows who changed
    what (and the difference to `data`); any other error goes on the form or into a flash."""
    if not isinstance(exc, EditConflict):
        status = show_error(exc, form or withdraw_form)
        return _render(claim_id, form, status=status, withdraw_form=withdraw_form)
    verdict = verdicts.verdict_of(dbs(), claim_id)
    version = str(verdict.version if verdict else "")
    changes: list[Any] = []
    if data is not None:
        names = _rating_names()
        theirs = _snapshot(audit.snapshot(verdict) if verdict else {}, names)
        yours = _snapshot(audit.to_json(asdict(data)), names)
        changes = field_changes(yours, theirs, VERDICT_FIELDS)
    conflict = {
        "message": conflict_message(exc, FIELD_LABELS),
        "version": version,
        "changes": changes,
    }
    for typed in (form, withdraw_form):
        if typed is not None:
            typed.version.data = version
    return _render(claim_id, form, status=409, conflict=conflict, withdraw_form=withdraw_form)


def _snapshot(values: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    """Comparable, readable values of a verdict: the rating by its name."""
    out = {k: values.get(k) for k in VERDICT_FIELDS if k != "rating"}
    out["valid_as_of"] = str(out["valid_as_of"] or "")
    out["rating"] = names.get(values.get("rating_id") or 0, "")
    return out


@bp.post("/claims/<int:claim_id>/verdict/withdraw", endpoint="verdict_withdraw")
@role_required(Permission.PUBLISH)
def verdict_withdraw(claim_id: int) -> ResponseReturnValue:
    form = WithdrawForm()
    if not form.validate():
        return _render(claim_id, status=400, withdraw_form=form)
    try:
        verdicts.withdraw_verdict(
            session=dbs(),
            actor=current_actor(),
            claim_id=claim_id,
            reason=form.reason.data,
            expected_version=form_version(form.version.data),
        )
    except DomainError as exc:
        return _refused(claim_id, exc, withdraw_form=form)
    flash(_("Verdict withdrawn. Its page now tells readers why."), "success")
    return redirect(url_for("desk.verdict", claim_id=claim_id))


@bp.get("/claims/<int:claim_id>/verdict/history", endpoint="verdict_history")
@role_required(Permission.DRAFT_VERDICT)
def verdict_history(claim_id: int) -> ResponseReturnValue:
    session = dbs()
    claim = claims.get_claim(session, claim_id)
    verdict = verdicts.verdict_of(session, claim_id)
    revisions = verdicts.revisions_of(session, verdict.id or 0) if verdict else []
    names = _rating_names()
    actors = {u.id: u.name for u in _people(session, {r.actor_id for r in revisions})}
    rows = [
        {
            "revision": r,
            "actor": actors.get(r.actor_id, _("unknown")),
            "kind": REVISION_KINDS.get(r.kind, r.kind),
            "changes": field_changes(
                _snapshot(r.old or {}, names) if r.old else None,
                _snapshot(r.new or {}, names),
                VERDICT_FIELDS,
            ),
        }
        for r in reversed(revisions)
    ]
    return render_template(
        "desk/history.html", claim=claim, verdict=verdict, rows=rows, field_labels=FIELD_LABELS
    )


def _people(session: Session, ids: set[int | None]) -> list[User]:
    wanted = [i for i in ids if i]
    if not wanted:
        return []
    return list(session.exec(select(User).where(col(User.id).in_(wanted))))
