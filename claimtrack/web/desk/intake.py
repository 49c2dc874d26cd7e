"""Story intake `/desk/intake`: paste, upload or give a URL; then accept, reword or merge each
candidate claim in one click. Bulk import runs as a queued job (claimtrack.jobs) with a progress page any server shows."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from claimtrack.fetch import story_policy
from claimtrack.jobs import queue_for
from claimtrack.services import workbench
from claimtrack.services.errors import DomainError, ValidationError
from claimtrack.services.intake import bulk_jobs as bulk_import
from claimtrack.services.intake import ingest as intake
from claimtrack.services.intake import stories
from claimtrack.text.places import place_label
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.desk.base import bp, dbs
from claimtrack.web.desk.forms import BulkImportForm, CandidateForm, IntakeForm
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission


def _meta(form: IntakeForm) -> intake.StoryMeta:
    return intake.StoryMeta(
        title=(form.title.data or "").strip(),
        outlet=(form.outlet.data or "").strip(),
        published=form.published.data,
        language=form.language.data or None,
    )


@bp.route("/intake", methods=["GET", "POST"], endpoint="intake")
@role_required(Permission.INGEST)
def intake_view() -> ResponseReturnValue:
    form = IntakeForm()
    bulk_form = BulkImportForm(formdata=None)
    if request.method == "GET" or not form.validate():
        status = 400 if request.method == "POST" else 200
        return render_template("desk/intake.html", form=form, bulk_form=bulk_form), status
    session, actor, meta = dbs(), current_actor(), _meta(form)
    upload = request.files.get(form.file.name)
    try:
        if upload is not None and upload.filename:
            result = intake.ingest_file(
                session=session,
                actor=actor,
                filename=upload.filename,
                data=upload.read(intake.MAX_INPUT_BYTES + 1),
                meta=meta,
            )
        elif (form.url.data or "").strip():
            result = intake.ingest_url(
                session=session,
                actor=actor,
                url=form.url.data.strip(),
                meta=meta,
                policy=story_policy(current_app.config),
            )
        elif (form.text.data or "").strip():
            result = intake.ingest_text(
                session=session, actor=actor, text=form.text.data, meta=meta
            )
        else:
            raise ValidationError(
                _("Paste a story, upload a file or give an address."), field="text"
            )
    except DomainError as exc:
        status = show_error(exc, form)
        return render_template("desk/intake.html", form=form, bulk_form=bulk_form), status
    if result.created:
        flash(_("Story stored."), "success")
    else:
        flash(_("This story was stored before; here it is again."), "info")
    return redirect(url_for("desk.intake_story", story_id=result.story.id))


def _similar(session: Any, candidate: Any) -> list[Any]:
    """Stored claims the candidate may repeat (three at most: each gets a button)."""
    return intake.similar_claims(session, candidate, limit=6)[:3]


CANDIDATES_PER_PAGE = 20


def _candidate_rows(story: Any, page: int) -> tuple[list[dict[str, Any]], int]:
    """One page of candidate rows (similar claims are looked up for that page only) and the
    number of pages."""
    session = dbs()
    accepted = workbench.accepted_positions(session, story.id)
    ranked = intake.story_candidates(story)
    pages = max(1, -(-len(ranked) // CANDIDATES_PER_PAGE))
    page = min(max(page, 1), pages)
    rows = []
    for cand in ranked[(page - 1) * CANDIDATES_PER_PAGE : page * CANDIDATES_PER_PAGE]:
        taken = accepted.get(cand.start, [])
        rows.append(
            {
                "c": cand,
                "accepted": taken,
                "similar": [] if taken else _similar(session, cand),
                "form": CandidateForm(
                    formdata=None,
                    text=cand.text,
                    position="" if cand.start is None else str(cand.start),
                    edited=cand.text,
                ),
            }
        )
    return rows, pages


@bp.get("/intake/stories/<int:story_id>", endpoint="intake_story")
@role_required(Permission.INGEST)
def intake_story(story_id: int) -> ResponseReturnValue:
    story = stories.get_story(dbs(), story_id)
    page = request.args.get("page", 1, type=int) or 1
    rows, pages = _candidate_rows(story, page)
    return render_template(
        "desk/intake_story.html",
        story=story,
        rows=rows,
        page=min(max(page, 1), pages),
        pages=pages,
        reason=reason_label,
        place=place_name,
    )


@bp.post("/intake/stories/<int:story_id>/accept", endpoint="intake_accept")
@role_required(Permission.TRIAGE)
def intake_accept(story_id: int) -> ResponseReturnValue:
    form = CandidateForm()
    page = request.args.get("page", 1, type=int) or 1
    back = url_for("desk.intake_story", story_id=story_id)
    back += f"?page={page}" if page > 1 else ""
    if not form.validate():
        flash(_("Not saved: check the claim number."), "error")
        return redirect(back)
    raw_target = request.form.get("merge_into", "")
    target = int(raw_target) if raw_target.isdigit() else form.claim_id.data
    position = int(form.position.data) if (form.position.data or "").isdigit() else None
    try:
        claim = intake.accept_candidate(
            session=dbs(),
            actor=current_actor(),
            story_id=story_id,
            text=form.text.data,
            position=position,
            claim_id=target,
            reworded=(form.edited.data or "") if target is None else "",
        )
    except DomainError as exc:
        show_error(exc)
        return redirect(back)
    if target is None:
        flash(_("Claim %(id)s created.", id=claim.id), "success")
    else:
        flash(_("Added as an appearance of claim %(id)s.", id=claim.id), "success")
    return redirect(back + f"#cand-{position if position is not None else 'headline'}")


@bp.post("/intake/bulk", endpoint="intake_bulk")
@role_required(Permission.INGEST)
def intake_bulk() -> ResponseReturnValue:
    form = BulkImportForm()
    upload = request.files.get(form.file.name)
    if not form.validate() or upload is None or not upload.filename:
        flash(_("Choose the file to import."), "error")
        return redirect(url_for("desk.intake"))
    try:
        state, dispatch = bulk_import.submit_import(
            session=dbs(),
            actor=current_actor(),
            data=upload.read(bulk_import.MAX_FILE_BYTES + 1),
            fmt=form.fmt.data,
        )
    except DomainError as exc:
        show_error(exc)
        return redirect(url_for("desk.intake"))
    if dispatch:
        _dispatch(state.job_id)
    else:
        flash(
            _("This file was imported before (or is being imported); nothing is added twice."),
            "info",
        )
    return redirect(url_for("desk.intake_job", job_id=state.job_id))


def _dispatch(job_id: int) -> None:
    """Hand the recorded job to the queue; if the queue is down, the worker's sweep finds it."""
    try:
        queue_for(current_app).dispatch_job(job_id)
    except Exception:  # noqa: BLE001 - the job is stored; losing the message loses nothing
        current_app.logger.exception("could not queue import job %s; the sweep will", job_id)


@bp.get("/intake/bulk/<job_id>", endpoint="intake_job")
@role_required(Permission.INGEST)
def intake_job(job_id: str) -> ResponseReturnValue:
    found = None
    if job_id.isdigit() and len(job_id) < 16:
        found = bulk_import.get_import(dbs(), int(job_id))
    if found is None:
        return render_template("errors/error.html", status=404, title=_("Not found"),
                               message=_("There is no such import.")), 404  # fmt: skip
    recent = workbench.story_titles(dbs(), found.story_ids[-20:])
    return render_template("desk/intake_job.html", state=found, recent=recent)


# Reason codes of the extractor (claimtrack.extraction.worthiness) in the reader's language.
REASONS = {
    "figure": _l("figure"),
    "legal": _l("legal assertion"),
    "causal": _l("causal assertion"),
    "comparison": _l("comparison or change"),
    "superlative": _l("superlative or record"),
    "correction": _l("correction or retraction"),
    "event": _l("event"),
    "decision": _l("order or decision"),
    "denial": _l("denial or negation"),
    "schedule": _l("schedule or deadline"),
    "hedge": _l("hedged"),
    "prediction": _l("prediction"),
    "opinion": _l("opinion"),
    "wish": _l("wish"),
    "appeal": _l("appeal or notice"),
    "place": _l("place"),
    "named": _l("named"),
    "person": _l("attributed to a person"),
    "organisation": _l("attributed to an organisation"),
    "unnamed": _l("attributed to an unnamed source"),
    "quote": _l("quoted speech"),
    "date": _l("date"),
    "headline": _l("headline"),
    "credits_previous": _l("only credits the previous sentence"),
    "participants": _l("list of participants"),
    "question": _l("question"),
    "very_short": _l("very short"),
    "very_long": _l("very long"),
}


def reason_label(reason: Any, written_in: str | None = None) -> str:
    """A reason of the extractor in the reader's language, from its code and values: a live
    `Reason`, or the dict stored with a claim. Places among the values are shown in the
    reader's language too; other values are words of the sentence, marked with its language
    `written_in` when that is not the page's."""
    if isinstance(reason, str):
        return reason  # stored before reasons were data: shown as written
    if isinstance(reason, dict):
        code, weight, values = reason.get("code", ""), reason.get("weight", 0), reason.get("values")
    else:
        code, weight, values = reason.code, reason.weight, reason.values
    label = str(REASONS.get(code, code))
    places = code in ("place", "participants")
    shown = [place_label(v, _language()) if places else str(v) for v in values or ()]
    lowers = " " + _("(lowers the score)") if weight < 0 else ""
    if shown and not places and written_in and written_in != _language():
        words = Markup('<span lang="{}">{}</span>').format(written_in, ", ".join(shown))
        return Markup("{}: {}{}").format(label, words, lowers)
    text = label + (": " + ", ".join(shown) if shown else "")
    return text + lowers


@bp.app_template_filter("place_name")
def place_name(name: str) -> str:
    """A stored (canonical English) place name in the reader's language (also a template
    filter: `claim.places|map("place_name")`)."""
    return place_label(name, _language())


def _language() -> str:
    return str(get_locale() or "de")
