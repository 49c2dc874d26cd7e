"""The desk where fact-checkers work: the triage queue and bulk actions.

The claim workbench, the verdict editor and story intake live in `desk_claims`, `desk_verdicts` and
`desk_intake`; they add their routes to the same blueprint, imported at the bottom of this module.
"""

from __future__ import annotations

from typing import Any

from flask import flash, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from claimtrack.services import claims, queue
from claimtrack.services.errors import DomainError
from claimtrack.services.matching import links as matching_links
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.choices import STATUS_LABELS, choices
from claimtrack.web.desk.base import back_to, bp, dbs, people_choices
from claimtrack.web.desk.forms import BulkForm, QueueFilterForm
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission


def _filters_from(form: QueueFilterForm, actor_id: int) -> queue.QueueFilters:
    statuses = tuple(s for s in (form.status.data or []) if s in STATUS_LABELS)
    assignee = form.assignee.data or ""
    if assignee == "me":
        assignee = str(actor_id)
    elif assignee not in ("", "none") and not assignee.isdigit():
        assignee = ""
    return queue.QueueFilters(
        statuses=statuses or tuple(queue.OPEN_STATUSES),
        assignee=assignee,
        language=form.language.data or "",
        tag=(form.tag.data or "").strip(),
        outlet=(form.outlet.data or "").strip(),
        date_from=form.date_from.data if not form.date_from.errors else None,
        date_to=form.date_to.data if not form.date_to.errors else None,
        q=(form.q.data or "").strip(),
        include_merged=bool(form.include_merged.data),
        sort=form.sort.data if form.sort.data in queue.SORTS else "rank",
    )


def _filter_args() -> dict[str, Any]:
    """The filter part of the query string (without paging), to build page links."""
    keep = {k: request.args.getlist(k) for k in request.args if k not in ("snap", "after")}
    return {k: v if len(v) > 1 else v[0] for k, v in keep.items()}


@bp.get("/", endpoint="queue")
@role_required(Permission.TRIAGE)
def queue_view() -> ResponseReturnValue:
    actor = current_actor()
    session = dbs()
    form = QueueFilterForm(request.args)
    form.assignee.choices = [
        *choices([("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody"))]),
        *people_choices(session, blank="")[1:],
    ]
    form.validate()
    filters = _filters_from(form, actor.id or 0)
    snapshot = queue.Snapshot.parse(request.args.get("snap", ""))
    after = queue.Cursor.parse(request.args.get("after", "")) if snapshot else None
    page = queue.list_queue(
        session, filters=filters, snapshot=snapshot, after=after, limit=queue.PAGE_SIZE
    )
    args = _filter_args()
    next_url = (
        url_for(
            "desk.queue",
            **args,
            snap=page.snapshot.token(),
            after=page.next_cursor.token(),
        )
        if page.next_cursor
        else None
    )
    here = request.full_path if request.query_string else request.path
    bulk = BulkForm(formdata=None, next=here)
    bulk.assignee_id.choices = people_choices(session, blank=_("Choose a person"))
    return render_template(
        "desk/queue.html",
        form=form,
        page=page,
        bulk=bulk,
        next_url=next_url,
        first_url_=url_for("desk.queue", **args) if after else None,
        refresh_url=url_for("desk.queue", **args),
        status_labels=STATUS_LABELS,
        choices=queue.filter_choices(session),
        proposals=matching_links.count_proposals(session),
    )


@bp.post("/bulk")
@role_required(Permission.TRIAGE)
def bulk() -> ResponseReturnValue:
    actor = current_actor()
    session = dbs()
    form = BulkForm()
    form.assignee_id.choices = people_choices(session, blank="")
    ids = [int(v) for v in request.form.getlist("claim_id") if v.isdigit()]
    default = url_for("desk.queue")
    if not form.validate() or not ids:
        flash(_("Tick at least one claim and choose an action."), "error")
        return back_to(default)
    action = form.action.data
    kwargs: dict[str, Any] = {}
    if action == "assign_me":
        kwargs["assignee_id"] = actor.id
    elif action == "assign":
        if not (form.assignee_id.data or "").isdigit():
            flash(_("Choose the person to assign the claims to."), "error")
            return back_to(default)
        kwargs["assignee_id"] = int(form.assignee_id.data)
    elif action == "unassign":
        kwargs["unassign"] = True
    elif action == "dismiss":
        kwargs["dismiss"] = True
    elif action == "tag":
        if not (form.new_tag.data or "").strip():
            flash(_("Type the tag to add."), "error")
            return back_to(default)
        kwargs["add_tag"] = form.new_tag.data
    try:
        changed = claims.bulk_update(session=session, actor=actor, claim_ids=ids, **kwargs)
    except DomainError as exc:
        show_error(exc)
        return back_to(default)
    flash(
        ngettext("%(num)d claim changed.", "%(num)d claims changed.", changed),
        "success",
    )
    return back_to(default)
