"""Reader forms: the list filters (GET, no CSRF: they change nothing) and the error report."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp

from claimtrack.services.publication import lists as publication_lists


class SearchForm(FlaskForm):  # type: ignore[misc]
    q = StringField(
        _l("Claim, quote or post"),
        validators=[InputRequired(), Length(min=3, max=1000)],
        description=_l("Paste what you read; it does not need to match our wording."),
    )


class FilterForm(FlaskForm):  # type: ignore[misc]
    rating = SelectField(_l("Rating"), choices=[], validators=[Optional()], validate_choice=True)
    claimant = StringField(_l("Claimant"), validators=[Optional(), Length(max=300)])
    tag = StringField(_l("Topic"), validators=[Optional(), Length(max=60)])
    date_from = DateField(_l("Published from"), validators=[Optional()])
    date_to = DateField(_l("Published until"), validators=[Optional()])
    page = IntegerField(validators=[Optional(), NumberRange(min=1, max=10_000)])

    def filters(self) -> publication_lists.ListFilters:
        return publication_lists.ListFilters(
            rating=self.rating.data or None,
            claimant=(self.claimant.data or "").strip() or None,
            tag=(self.tag.data or "").strip() or None,
            date_from=self.date_from.data,
            date_to=self.date_to.data,
        )

    def page_number(self) -> int:
        data = self.page.data if not self.page.errors else None
        return int(data) if isinstance(data, int) and 1 <= data <= 10_000 else 1


class ReportForm(FlaskForm):  # type: ignore[misc]
    message = TextAreaField(
        _l("What is wrong?"),
        validators=[InputRequired(), Length(min=10, max=5000)],
        description=_l("Tell us what you think is wrong and, if you can, where to check it."),
    )
    email = EmailField(
        _l("Your e-mail (optional)"),
        validators=[
            Optional(),
            Length(max=254),
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                message=_l("This does not look like an e-mail address."),
            ),
        ],
        description=_l("Only so that we can ask you a question. We never publish it."),
    )
    # Left empty by people; bots that fill every field are turned away.
    website = StringField(validators=[Optional(), Length(max=0)])
