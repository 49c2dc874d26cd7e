"""Forms of the desk pages. Every form that changes something carries the version it was based on."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    URL,
    AnyOf,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)
from wtforms.widgets import CheckboxInput, ListWidget

from claimtrack import languages
from claimtrack.languages import NAMES
from claimtrack.models import ClaimantKind, SourceKind
from claimtrack.web.choices import STATUS_LABELS, choices, options

# Field names in the reader's words, one table for the claim and verdict pages (edit conflicts,
# history) and the audit log; a field not listed is shown as its code.
FIELD_LABELS = {
    "text": _l("Claim"), "claimant": _l("Claimant"), "claimant_kind": _l("Kind of claimant"),
    "language": _l("Language"), "claim_date": _l("Date of the claim"), "tags": _l("Tags"),
    "status": _l("Status"), "assignee_id": _l("Assignee"), "rating": _l("Rating"),
    "rating_id": _l("Rating"), "headline": _l("Headline"), "summary": _l("Summary"),
    "reasoning": _l("Reasoning"), "valid_as_of": _l("Valid as of"), "state": _l("State"),
    "kind": _l("Kind"), "name": _l("Name"), "email": _l("E-mail"), "role": _l("Role"),
    "url": _l("Address"), "outlet": _l("Outlet"), "title": _l("Title"), "events": _l("Events"),
    "scopes": _l("Scopes"), "partner": _l("Partner"), "prefix": _l("Prefix"),
    "active": _l("Active"), "reason": _l("Reason"), "deleted_at": _l("Deleted"),
    "worthiness": _l("Check-worthiness"), "canonical_claim_id": _l("Cluster"),
    "score": _l("Score"), "interval_minutes": _l("Interval (minutes)"),
    "claim_id": _l("Claim"), "claims": _l("Claims"),
}  # fmt: skip

LANGUAGES = [(code, NAMES[code]) for code in languages.LANGUAGES]

CLAIMANT_KINDS = [
    (ClaimantKind.PERSON, _l("Person")),
    (ClaimantKind.ORGANISATION, _l("Organisation")),
    (ClaimantKind.UNKNOWN, _l("Unknown")),
]
SOURCE_KINDS = [
    (SourceKind.PRIMARY_DOCUMENT, _l("Primary document")),
    (SourceKind.OFFICIAL_STATEMENT, _l("Official statement")),
    (SourceKind.EXPERT, _l("Expert")),
    (SourceKind.MEDIA_REPORT, _l("Media report")),
    (SourceKind.DATASET, _l("Dataset")),
    (SourceKind.OTHER, _l("Other")),
]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class QueueFilterForm(FlaskForm):
    """The queue's filters travel in the query string, so views can be bookmarked and shared."""

    class Meta:
        csrf = False

    status = MultiCheckboxField(_l("Status"), choices=options(STATUS_LABELS))
    assignee = SelectField(_l("Assignee"), choices=[], validate_choice=False)
    # Defaults, so a queue opened without filters (or with only some) is valid as it stands and
    # shows no "not a valid choice" under a field nobody touched.
    language = SelectField(
        _l("Language"), choices=choices([("", _l("Any")), *LANGUAGES]), default=""
    )
    tag = StringField(_l("Tag"), validators=[Optional(), Length(max=60)])
    outlet = StringField(_l("Outlet"), validators=[Optional(), Length(max=200)])
    date_from = DateField(_l("Added from"), validators=[Optional()])
    date_to = DateField(_l("Added until"), validators=[Optional()])
    q = StringField(_l("Search"), validators=[Optional(), Length(max=200)])
    sort = SelectField(
        _l("Order"),
        choices=choices([("rank", _l("Most urgent first")), ("newest", _l("Newest first"))]),
        default="rank",
    )
    include_merged = BooleanField(_l("Include merged duplicates"))


class BulkForm(FlaskForm):
    """Bulk assign / dismiss / tag for the claims ticked in the queue (`claim_id` checkboxes)."""

    action = SelectField(
        _l("Action"),
        choices=choices(
            [
                ("assign_me", _l("Assign to me")),
                ("assign", _l("Assign to")),
                ("unassign", _l("Remove assignee")),
                ("dismiss", _l("Dismiss")),
                ("tag", _l("Add tag")),
            ]
        ),
    )
    assignee_id = SelectField(_l("Person"), choices=[], validate_choice=False)
    new_tag = StringField(_l("Tag to add"), validators=[Optional(), Length(max=60)])
    next = HiddenField()


class ClaimForm(FlaskForm):
    version = HiddenField()
    text = TextAreaField(_l("Claim"), validators=[DataRequired(), Length(min=10, max=2000)])
    language = SelectField(_l("Language"), choices=choices(LANGUAGES))
    claimant = StringField(_l("Claimant"), validators=[Optional(), Length(max=300)])
    claimant_kind = SelectField(_l("Kind of claimant"), choices=choices(CLAIMANT_KINDS))
    claim_date = DateField(_l("Date of the claim"), validators=[Optional()])
    tags = StringField(_l("Tags (comma separated)"), validators=[Optional(), Length(max=600)])
    # Shown to editors on a published claim: filled, the change is a public correction with this
    # note for readers; empty, an internal update.
    correction_note = StringField(
        _l("Public correction note (empty: internal update)"),
        validators=[Optional(), Length(max=2000)],
    )
    # Shown when the text seems to be in another language than the one chosen (short texts full
    # of names can mislead the guess): ticked, the chosen language is saved as it is.
    confirm_language = BooleanField(_l("The language chosen is right"))


class AssignForm(FlaskForm):
    version = HiddenField()
    assignee_id = SelectField(_l("Assignee"), choices=[], validate_choice=False)


class StatusForm(FlaskForm):
    version = HiddenField()
    status = SelectField(_l("New status"), choices=[], validate_choice=False)
    reason = StringField(_l("Reason (optional, kept as a note)"), validators=[Length(max=2000)])


class NoteForm(FlaskForm):
    body = TextAreaField(_l("Internal note"), validators=[DataRequired(), Length(max=20000)])


class SourceForm(FlaskForm):
    url = StringField(
        _l("Address (URL)"), validators=[DataRequired(), URL(require_tld=False), Length(max=2000)]
    )
    title = StringField(_l("Title"), validators=[Optional(), Length(max=500)])
    publisher = StringField(_l("Publisher"), validators=[Optional(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=choices(SOURCE_KINDS))
    accessed_on = DateField(_l("Accessed on"), validators=[Optional()])
    archive_url = StringField(
        _l("Archived copy (URL)"), validators=[Optional(), URL(require_tld=False)]
    )
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])


class ManualLinkForm(FlaskForm):
    other_id = IntegerField(_l("Claim number"), validators=[InputRequired(), NumberRange(min=1)])
    decision = SelectField(
        _l("Relation"),
        choices=choices(
            [
                ("same", _l("the same claim")),
                ("variant", _l("a variant")),
                ("related", _l("related")),
            ]
        ),
    )


class LinkDecisionForm(FlaskForm):
    decision = HiddenField(validators=[InputRequired()])
    version = HiddenField()  # the link's version the page showed (stale decisions are refused)


class ProposeLinkForm(FlaskForm):
    """A fact-checker's proposal on a suggestion, for an editor to confirm."""

    kind = RadioField(
        _l("I propose"),
        choices=choices([("same", _l("the same claim")), ("variant", _l("a variant"))]),
        validators=[InputRequired(message=_l("Choose what you propose."))],
    )
    note = TextAreaField(
        _l("Note for the editor (optional)"), validators=[Optional(), Length(max=1000)]
    )
    version = HiddenField()


class ProposalDecisionForm(FlaskForm):
    """An editor's answer to a proposal: confirm or reject."""

    decision = HiddenField(validators=[InputRequired(), AnyOf(["confirm", "reject"])])
    version = HiddenField()


class VerdictForm(FlaskForm):
    version = HiddenField()
    rating_id = SelectField(_l("Rating"), choices=[], validate_choice=False)
    headline = StringField(_l("Headline"), validators=[Optional(), Length(max=300)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=5000)])
    reasoning = TextAreaField(_l("Reasoning (Markdown)"), validators=[Optional()])
    valid_as_of = DateField(_l("Valid as of"), validators=[Optional()])
    language = SelectField(_l("Language"), choices=choices(LANGUAGES))
    change_kind = RadioField(
        _l("This change to a published verdict is"),
        choices=choices(
            [
                ("correction", _l("a public correction (readers see the note)")),
                ("update", _l("a silent update (kept in the internal history)")),
            ]
        ),
        default="correction",
    )
    note = TextAreaField(_l("Correction note for readers"), validators=[Length(max=2000)])


class WithdrawForm(FlaskForm):
    version = HiddenField()
    reason = TextAreaField(
        _l("Why is it withdrawn? (shown to readers)"),
        validators=[DataRequired(), Length(max=1000)],
    )


class IntakeForm(FlaskForm):
    text = TextAreaField(_l("Paste the story (text or page source)"), validators=[Optional()])
    file = FileField(_l("…or upload a saved page (.html, .htm, .txt)"))
    url = StringField(_l("…or give its address (URL)"), validators=[Optional(), Length(max=2000)])
    title = StringField(_l("Title (optional)"), validators=[Optional(), Length(max=1000)])
    outlet = StringField(_l("Outlet (optional)"), validators=[Optional(), Length(max=200)])
    published = DateField(_l("Published on (optional)"), validators=[Optional()])
    language = SelectField(
        _l("Language"),
        choices=choices([("", _l("Detect automatically")), *LANGUAGES]),
        default="",
        validate_choice=False,
    )


class CandidateForm(FlaskForm):
    """Accept one candidate as a claim (optionally reworded) or as an appearance of a claim."""

    text = HiddenField(validators=[InputRequired()])
    position = HiddenField()
    edited = TextAreaField(_l("Wording"), validators=[Optional(), Length(max=2000)])
    claim_id = IntegerField(
        _l("Existing claim number"), validators=[Optional(), NumberRange(min=1)]
    )


class BulkImportForm(FlaskForm):
    file = FileField(_l("Import file (JSON Lines or CSV)"))
    fmt = SelectField(_l("Format"), choices=choices([("jsonl", "JSON Lines"), ("csv", "CSV")]))


class NewClaimForm(FlaskForm):
    """A claim heard on TV or radio or seen on social media, without a story."""

    text = TextAreaField(_l("The claim, as it was made"), validators=[Optional(), Length(max=2000)])
    claimant = StringField(_l("Who made it (optional)"), validators=[Optional(), Length(max=300)])
    said_on = DateField(_l("When (optional)"), validators=[Optional()])
    source_url = StringField(
        _l("Where it can be seen: post, video or page (optional)"),
        validators=[Optional(), Length(max=2000)],
    )
    language = SelectField(
        _l("Language"),
        choices=choices([("", _l("Detect automatically")), *LANGUAGES]),
        default="",
        validate_choice=False,
    )
    # Shown when the text seems to be in another language than the one chosen (short texts full
    # of names can mislead the guess): ticked, the chosen language is saved as it is.
    confirm_language = BooleanField(_l("The language chosen is right"))
