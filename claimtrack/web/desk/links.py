"""Duplicate review on the workbench: confirm / mark as variant / reject a suggestion, or link a
claim the matcher missed (editors' decisions, `Permission.DECIDE_LINKS`); a fact-checker proposes
"same claim" or "variant" (`Permission.PROPOSE_LINKS`) and an editor confirms or rejects the
proposal, on the workbench of either claim or from the desk's list of proposals."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from claimtrack.services import workbench
from claimtrack.services.errors import DomainError, EditConflict
from claimtrack.services.matching import links as matching_links
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.desk.base import bp, dbs
from claimtrack.web.desk.claims import refused, render_workbench
from claimtrack.web.desk.forms import (
    LinkDecisionForm,
    ManualLinkForm,
    ProposalDecisionForm,
    ProposeLinkForm,
)
from claimtrack.web.errors import show_error
from claimtrack.web.messages import error_text
from claimtrack.workflow import Permission


@bp.post("/claims/<int:claim_id>/links/<int:link_id>", endpoint="link_decide")
@role_required(Permission.DECIDE_LINKS)
def link_decide(claim_id: int, link_id: int) -> ResponseReturnValue:
    form = LinkDecisionForm()
    decision = form.decision.data if form.validate() else ""
    if not _belongs(claim_id, link_id):
        return _not_here(claim_id)
    try:
        matching_links.decide_link(
            session=dbs(),
            actor=current_actor(),
            link_id=link_id,
            decision=decision or "",
            expected_version=_version(form.version.data),
        )
    except DomainError as exc:
        _refused(exc)
    else:
        flash(DECISION_MESSAGES.get(decision or "", _("Decision saved.")), "success")
    return _back(claim_id)


@bp.post("/claims/<int:claim_id>/links/<int:link_id>/propose", endpoint="link_propose")
@role_required(Permission.PROPOSE_LINKS)
def link_propose(claim_id: int, link_id: int) -> ResponseReturnValue:
    """A fact-checker proposes "same claim" or "variant" for an editor to confirm."""
    form = ProposeLinkForm()
    if not _belongs(claim_id, link_id):
        return _not_here(claim_id)
    if not form.validate():
        for errors in form.errors.values():
            for error in errors if isinstance(errors, list) else [errors]:
                flash(_("Not saved:") + " " + str(error), "error")
        return render_workbench(claim_id, status=400)
    try:
        matching_links.propose_link(
            session=dbs(),
            actor=current_actor(),
            link_id=link_id,
            kind=form.kind.data or "",
            note=form.note.data or "",
            expected_version=_version(form.version.data),
        )
    except DomainError as exc:
        _refused(exc)
    else:
        flash(_("Proposal sent: an editor confirms or rejects it."), "success")
    return _back(claim_id)


@bp.post("/claims/<int:claim_id>/links/<int:link_id>/proposal", endpoint="proposal_decide")
@role_required(Permission.DECIDE_LINKS)
def proposal_decide(claim_id: int, link_id: int) -> ResponseReturnValue:
    """An editor confirms or rejects a fact-checker's proposal."""
    form = ProposalDecisionForm()
    if not _belongs(claim_id, link_id):
        return _not_here(claim_id)
    if not form.validate():
        flash(_("Not done: confirm or reject the proposal."), "error")
        return _back(claim_id)
    decide = (
        matching_links.confirm_proposal
        if form.decision.data == "confirm"
        else matching_links.reject_proposal
    )
    try:
        link = decide(
            session=dbs(),
            actor=current_actor(),
            link_id=link_id,
            expected_version=_version(form.version.data),
        )
    except DomainError as exc:
        _refused(exc)
    else:
        if form.decision.data == "confirm":
            flash(DECISION_MESSAGES.get(str(link.kind), _("Decision saved.")), "success")
        else:
            flash(_("Proposal rejected; the suggestion is open again."), "success")
    return _back(claim_id)


@bp.get("/proposals", endpoint="proposals")
@role_required(Permission.TRIAGE)
def proposals() -> ResponseReturnValue:
    """Duplicate proposals waiting for an editor."""
    return render_template("desk/proposals.html", rows=workbench.proposals(dbs()))


def _refused(exc: DomainError) -> None:
    """A link changed since the page was shown: say who changed it (the page shows it as it is
    now); any other refusal as everywhere."""
    if isinstance(exc, EditConflict):
        flash(error_text(exc), "error")
    else:
        show_error(exc)


def _belongs(claim_id: int, link_id: int) -> bool:
    return link_id in {lv.link.id for lv in workbench.links_of(dbs(), claim_id)}


def _not_here(claim_id: int) -> ResponseReturnValue:
    flash(_("That suggestion does not belong to this claim."), "error")
    return redirect(url_for("desk.claim", claim_id=claim_id))


def _back(claim_id: int) -> ResponseReturnValue:
    """Back where the decision was taken: the workbench's duplicates, or the list of proposals."""
    if request.form.get("back") == "proposals":
        return redirect(url_for("desk.proposals"))
    return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="duplicates"))


def _version(value: str | None) -> int | None:
    """The version a form carried; none (an older page) checks nothing."""
    return int(value) if value and value.isdigit() else None


@bp.post("/claims/<int:claim_id>/links", endpoint="link_manual")
@role_required(Permission.DECIDE_LINKS)
def link_manual(claim_id: int) -> ResponseReturnValue:
    """Link this claim with one the matcher missed (an editor's decision, like confirming)."""
    form = ManualLinkForm()
    if not form.validate():
        return render_workbench(claim_id, status=400, manual_link_form=form)
    try:
        matching_links.link_claims(
            session=dbs(),
            actor=current_actor(),
            claim_id=claim_id,
            other_id=form.other_id.data,
            decision=form.decision.data,
        )
    except DomainError as exc:
        return refused(claim_id, exc, manual_link_form=form)
    flash(DECISION_MESSAGES.get(form.decision.data, _("Decision saved.")), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="duplicates"))


DECISION_MESSAGES = {
    "same": _l("Confirmed as the same claim."),
    "variant": _l("Marked as a variant."),
    "related": _l("Marked as related."),
    "reject": _l("Suggestion rejected; it will not be suggested again."),
}
