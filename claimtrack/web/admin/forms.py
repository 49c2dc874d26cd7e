"""Forms of the admin pages (users, tokens, rating scale, matching, audit filters)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    FloatField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from claimtrack.languages import LANGUAGES, NAMES
from claimtrack.web.choices import options

ROLE_LABELS = {
    "fact_checker": _l("Fact-checker"),
    "editor": _l("Editor"),
    "admin": _l("Administrator"),
}
SCOPE_LABELS = {"export": _l("Exports (feeds and files)"), "api": _l("API (claims and search)")}
ALIAS_KIND_LABELS = {"org": _l("Organisation"), "person": _l("Person")}
THRESHOLD_LABELS = {
    "suggest": _l("Suggest a duplicate from"),
    "auto_link": _l("Link automatically from"),
    "same": _l("Same claim from"),
    "related": _l("Related claim from"),
}


class ScoreField(FloatField):  # type: ignore[misc]
    """A 0–100 score shown without a needless ".0"."""

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return f"{self.data:g}" if isinstance(self.data, float) else ""


class UserCreateForm(FlaskForm):  # type: ignore[misc]
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Role"), choices=options(ROLE_LABELS), default="fact_checker")
    password = PasswordField(
        _l("Initial password"), validators=[DataRequired(), Length(min=10, max=1000)]
    )
    submit = SubmitField(_l("Create user"))


class UserEditForm(FlaskForm):  # type: ignore[misc]
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Role"), choices=options(ROLE_LABELS))
    active = BooleanField(_l("Active (may log in)"))
    submit = SubmitField(_l("Save user"))


class PasswordResetForm(FlaskForm):  # type: ignore[misc]
    password = PasswordField(_l("New password"), validators=[Optional(), Length(min=10, max=1000)])
    submit = SubmitField(_l("Reset password"))


class MultiCheckboxField(SelectMultipleField):  # type: ignore[misc]
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TokenCreateForm(FlaskForm):  # type: ignore[misc]
    partner = StringField(_l("Partner"), validators=[DataRequired(), Length(max=200)])
    scopes = MultiCheckboxField(
        _l("Scopes"), choices=options(SCOPE_LABELS), validators=[DataRequired()]
    )
    valid_days = IntegerField(
        _l("Valid for (days)"), default=365, validators=[Optional(), NumberRange(1, 3650)]
    )
    submit = SubmitField(_l("Create token"))


class ConfirmForm(FlaskForm):  # type: ignore[misc]
    """A button that only needs CSRF protection (revoke, remove, rebuild)."""

    submit = SubmitField(_l("Confirm"))


class RatingLabelForm(FlaskForm):  # type: ignore[misc]
    key = StringField(
        _l("Key"),
        validators=[
            DataRequired(),
            Length(max=40),
            Regexp(r"^[A-Za-z0-9-]+$", message=_l("Letters, digits and hyphens only.")),
        ],
    )
    color = StringField(
        _l("Colour"),
        default="#666666",
        validators=[
            DataRequired(),
            Regexp(r"^#[0-9A-Fa-f]{6}$", message=_l("Write the colour like #1a7f37.")),
        ],
    )
    ordinal = IntegerField(
        _l("Position on the true–false line"), validators=[Optional(), NumberRange(-100, 100)]
    )
    position = IntegerField(
        _l("Order in lists"), default=0, validators=[Optional(), NumberRange(0, 1000)]
    )
    active = BooleanField(_l("Active (offered in the verdict editor)"), default=True)
    submit = SubmitField(_l("Save label"))


# A name and an explanation per language: `label_de`, `explanation_de`, ... (WTForms picks up
# fields set on the class before the first form is built).
for _code in LANGUAGES:
    setattr(
        RatingLabelForm,
        f"label_{_code}",
        StringField(
            _l("Label (%(language)s)", language=NAMES[_code]),
            validators=[DataRequired(), Length(max=80)],
        ),
    )
    setattr(
        RatingLabelForm,
        f"explanation_{_code}",
        TextAreaField(
            _l("Explanation (%(language)s)", language=NAMES[_code]),
            validators=[Length(max=2000)],
        ),
    )


class AliasForm(FlaskForm):  # type: ignore[misc]
    spelling = StringField(_l("Spelling"), validators=[DataRequired(), Length(max=200)])
    canonical = StringField(_l("Same as"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=options(ALIAS_KIND_LABELS), default="org")
    submit = SubmitField(_l("Add alias"))


class ThresholdsForm(FlaskForm):  # type: ignore[misc]
    suggest = ScoreField(THRESHOLD_LABELS["suggest"], validators=[NumberRange(0, 100)])
    auto_link = ScoreField(THRESHOLD_LABELS["auto_link"], validators=[NumberRange(0, 100)])
    same = ScoreField(THRESHOLD_LABELS["same"], validators=[NumberRange(0, 100)])
    related = ScoreField(THRESHOLD_LABELS["related"], validators=[NumberRange(0, 100)])
    submit = SubmitField(_l("Save thresholds"))


class AuditFilterForm(FlaskForm):  # type: ignore[misc]
    """GET filters of the audit log (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    action = SelectField(_l("Action"), choices=[], validate_choice=False)
    object_type = SelectField(_l("Object type"), choices=[], validate_choice=False)
    actor = SelectField(_l("Who"), choices=[], validate_choice=False)
    submit = SubmitField(_l("Filter"))
