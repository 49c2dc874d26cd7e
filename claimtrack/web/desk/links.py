"""Duplicate review on the workbench: confirm / mark as variant / reject a suggestion, or link a
claim the matcher missed. Both are editors' decisions (`Permission.DECIDE_LINKS`)."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from claimtrack.services import workbench
from claimtrack.services.errors import DomainError
from claimtrack.services.matching import links as matching_links
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.desk.base import bp, dbs
from claimtrack.web.desk.claims import refused, render_workbench
from claimtrack.web.desk.forms import LinkDecisionForm, ManualLinkForm
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission


@bp.post("/claims/<int:claim_id>/links/<int:link_id>", endpoint="link_decide")
@role_required(Permission.DECIDE_LINKS)
def link_decide(claim_id: int, link_id: int) -> ResponseReturnValue:
    form = LinkDecisionForm()
    decision = form.decision.data if form.validate() else ""
    links = {lv.link.id for lv in workbench.links_of(dbs(), claim_id)}
    if link_id not in links:
        flash(_("That suggestion does not belong to this claim."), "error")
        return redirect(url_for("desk.claim", claim_id=claim_id))
    try:
        matching_links.decide_link(
            session=dbs(), actor=current_actor(), link_id=link_id, decision=decision or ""
        )
    except DomainError as exc:
        show_error(exc)
    else:
        flash(DECISION_MESSAGES.get(decision or "", _("Decision saved.")), "success")
    return redirect(url_for("desk.claim", claim_id=claim_id, _anchor="duplicates"))


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
