"""Audit actions and object types in the reader's language, for the audit log and its filter.

The log stores stable codes ("claim.status.in_research", "verdict.publication"); admins read them as
words ("Status geändert: In Recherche"). A code this table does not know is shown as it is.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from claimtrack.web.desk.forms import FIELD_LABELS, STATUS_LABELS

ACTIONS = {
    "appearance.create": _l("Appearance added"),
    "claim.create": _l("Claim created"),
    "claim.delete": _l("Claim deleted"),
    "claim.edit": _l("Claim edited"),
    "claim.assign": _l("Claim assigned"),
    "claim.bulk": _l("Claims changed together"),
    "link.auto": _l("Duplicate suggested by the matcher"),
    "link.same": _l("Confirmed as the same claim"),
    "link.variant": _l("Marked as a variant"),
    "link.related": _l("Marked as related"),
    "link.reject": _l("Duplicate suggestion rejected"),
    "link.propose": _l("Duplicate proposed"),
    "link.reject_proposal": _l("Duplicate proposal rejected"),
    "matching.alias": _l("Matching alias saved"),
    "matching.alias_remove": _l("Matching alias removed"),
    "matching.load": _l("Matching index loaded"),
    "matching.recluster": _l("Duplicates regrouped"),
    "matching.reindex": _l("Matching index rebuilt"),
    "matching.threshold": _l("Matching thresholds changed"),
    "note.create": _l("Note added"),
    "rating.save": _l("Rating label saved"),
    "report.close": _l("Reader report closed"),
    "report.create": _l("Reader report received"),
    "source.create": _l("Source added"),
    "source.edit": _l("Source edited"),
    "source.remove": _l("Source removed"),
    "story.create": _l("Story added"),
    "token.create": _l("API token created"),
    "token.revoke": _l("API token revoked"),
    "user.create": _l("User created"),
    "user.login": _l("Logged in"),
    "user.logout": _l("Logged out"),
    "user.password": _l("Password changed"),
    "user.update": _l("User changed"),
    "verdict.draft": _l("Verdict draft saved"),
    "verdict.publication": _l("Verdict published"),
    "verdict.correction": _l("Verdict corrected"),
    "verdict.update": _l("Verdict updated without notice"),
    "verdict.withdrawal": _l("Verdict withdrawn"),
}

OBJECT_TYPES = {
    "appearance": _l("Appearance"),
    "claim": _l("Claim"),
    "claim_link": _l("Duplicate link"),
    "note": _l("Note"),
    "claim_note": _l("Note"),
    "partner_token": _l("API token"),
    "match_alias": _l("Matching alias"),
    "match_threshold": _l("Matching thresholds"),
    "rating_label": _l("Rating label"),
    "error_report": _l("Reader report"),
    "source": _l("Source"),
    "story": _l("Story"),
    "api_token": _l("API token"),
    "user": _l("User"),
    "verdict": _l("Verdict"),
    "matching": _l("Matching"),
}


def action_name(code: str) -> str:
    if code in ACTIONS:
        return str(ACTIONS[code])
    prefix, _sep, status = code.rpartition(".")
    if prefix == "claim.status" and status in STATUS_LABELS:
        return _("Status changed: %(status)s", status=STATUS_LABELS[status])
    return code


def object_type_name(code: str) -> str:
    return str(OBJECT_TYPES.get(code, code))


def field_name(code: str) -> str | None:
    """The field's name for readers, or None when only its code can be shown."""
    return str(FIELD_LABELS[code]) if code in FIELD_LABELS else None
