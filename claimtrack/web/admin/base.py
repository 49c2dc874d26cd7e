"""What the admin pages share: the blueprint, the overview page."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlmodel import Session

from claimtrack.web.auth import login_required, user_can
from claimtrack.web.dbsession import db_session
from claimtrack.workflow import Permission

bp = Blueprint("admin", __name__, url_prefix="/admin")


def N_(message: str) -> str:  # noqa: N802  (the conventional gettext "mark only" name)
    """Mark a service message for extraction; it is translated where it is shown."""
    return message


# Messages the services raise with fixed text: extracted into messages.po so they show in German.
SERVICE_MESSAGES = (
    N_("That is not an email address."),
    N_("The password needs at least 10 characters."),
    N_("You cannot deactivate your own account."),
    N_("The system account cannot be changed."),
    N_("Name the partner this token is for."),
    N_("Colour must look like #1a7f37."),
    N_("The key may hold letters, digits and hyphens only."),
    N_("Another label has this key."),
    N_("A threshold is a score between 0 and 100."),
    N_("suggest must not exceed auto_link, nor related exceed same."),
    N_("You are not allowed to do this."),
    N_("The current password is not correct."),
    N_("The new password must differ from the current one."),
)

# (endpoint, permission, title, description) of each admin section.
SECTIONS = (
    (
        "admin.users",
        Permission.MANAGE_USERS,
        N_("Users and roles"),
        N_("Accounts, roles, passwords"),
    ),
    ("admin.tokens", Permission.MANAGE_TOKENS, N_("Partner tokens"), N_("API and export access")),
    (
        "admin.webhook_list",
        Permission.MANAGE_TOKENS,
        N_("Webhooks"),
        N_("Push verdicts and corrections to partners"),
    ),
    (
        "admin.source_list",
        Permission.MANAGE_SOURCES,
        N_("Watched sources"),
        N_("Outlets' feeds and sitemaps checked for claims that come back"),
    ),
    ("admin.ratings", Permission.MANAGE_SCALE, N_("Rating scale"), N_("Labels, colours, order")),
    ("admin.matching", Permission.MANAGE_MATCHING, N_("Matching"), N_("Aliases and thresholds")),
    ("admin.audit", Permission.VIEW_AUDIT, N_("Audit log"), N_("Who changed what, and when")),
)


def dbs() -> Session:
    return db_session()


@bp.get("/")
@login_required
def index() -> ResponseReturnValue:
    sections = [
        (endpoint, _(title), _(description))
        for endpoint, permission, title, description in SECTIONS
        if user_can(permission)
    ]
    if not sections:
        return render_template("errors/error.html", status=403, title=_("Forbidden"),
                               message=_("You are not allowed to do this.")), 403  # fmt: skip
    return render_template("admin/index.html", sections=sections)
