"""The rating scale: shipped with a default, editable by admins."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from claimtrack.languages import LANGUAGES
from claimtrack.models import RatingLabel, User
from claimtrack.workflow import Permission

from . import audit
from .base import clean_text, get_or_raise, require, use_case
from .errors import ValidationError

FIELDS = [
    "key",
    "names",
    "explanations",
    "color",
    "ordinal",
    "position",
    "active",
]


@dataclass(frozen=True)
class DefaultLabel:
    key: str
    ordinal: int | None
    color: str
    names: dict[str, str]
    explanations: dict[str, str]


# The shipped scale: key, ordinal (None: not a point on the true-false line), colour, and the name
# and explanation per language.
DEFAULT_SCALE: list[DefaultLabel] = [
    DefaultLabel(
        "richtig",
        5,
        "#1a7f37",
        names={"de": "Richtig", "en": "True"},
        explanations={
            "de": "Die Behauptung stimmt und ihr fehlt nichts Wesentliches.",
            "en": "The claim is accurate and nothing significant is missing.",
        },
    ),
    DefaultLabel(
        "groesstenteils-richtig",
        4,
        "#5a9a2f",
        names={"de": "Größtenteils richtig", "en": "Mostly true"},
        explanations={
            "de": "Die Behauptung stimmt im Kern, braucht aber eine Klarstellung oder Ergänzung.",
            "en": "The claim is accurate at its core but needs clarification or additional information.",
        },
    ),
    DefaultLabel(
        "teilweise-falsch",
        3,
        "#b08800",
        names={"de": "Teilweise falsch", "en": "Partly false"},
        explanations={
            "de": "Die Behauptung enthält richtige und falsche Teile.",
            "en": "The claim mixes accurate and inaccurate parts.",
        },
    ),
    DefaultLabel(
        "groesstenteils-falsch",
        2,
        "#c2410c",
        names={"de": "Größtenteils falsch", "en": "Mostly false"},
        explanations={
            "de": "Die Behauptung ist im Kern falsch, enthält aber einen richtigen Teil.",
            "en": "The claim is false at its core but contains an element of truth.",
        },
    ),
    DefaultLabel(
        "falsch",
        1,
        "#b91c1c",
        names={"de": "Falsch", "en": "False"},
        explanations={
            "de": "Die Behauptung ist nicht richtig.",
            "en": "The claim is inaccurate.",
        },
    ),
    DefaultLabel(
        "unbelegt",
        None,
        "#57606a",
        names={"de": "Unbelegt", "en": "Unproven"},
        explanations={
            "de": "Für die Behauptung gibt es keine belastbaren Belege; sie ist weder belegt noch widerlegt.",
            "en": "There is no reliable evidence for the claim; it is neither proven nor disproven.",
        },
    ),
    DefaultLabel(
        "fehlender-kontext",
        None,
        "#6f42c1",
        names={"de": "Fehlender Kontext", "en": "Missing context"},
        explanations={
            "de": "Die Behauptung lässt Zusammenhänge weg, ohne die sie einen falschen Eindruck erweckt.",
            "en": "The claim leaves out context without which it gives a false impression.",
        },
    ),
    DefaultLabel(
        "irrefuehrend",
        None,
        "#8250df",
        names={"de": "Irreführend", "en": "Misleading"},
        explanations={
            "de": "Die Behauptung nutzt richtige Angaben so, dass ein falscher Eindruck entsteht.",
            "en": "The claim uses accurate elements in a way that creates a false impression.",
        },
    ),
]


def ensure_default_scale(session: Session) -> int:
    """Add the default labels that are missing (never changes a label an admin edited). Returns how many."""
    existing = set(session.exec(select(RatingLabel.key)))
    added = 0
    for position, default in enumerate(DEFAULT_SCALE):
        if default.key in existing:
            continue
        session.add(
            RatingLabel(
                key=default.key,
                names=dict(default.names),
                explanations=dict(default.explanations),
                ordinal=default.ordinal,
                color=default.color,
                position=position,
            )
        )
        added += 1
    session.flush()
    return added


def scale(session: Session, *, include_inactive: bool = False) -> list[RatingLabel]:
    stmt = select(RatingLabel)
    if not include_inactive:
        stmt = stmt.where(col(RatingLabel.active).is_(True))
    return list(session.exec(stmt.order_by(col(RatingLabel.position), col(RatingLabel.id))))


def label_by_key(session: Session, key: str) -> RatingLabel | None:
    return session.exec(select(RatingLabel).where(RatingLabel.key == key)).first()


def ordinal_bounds(session: Session) -> tuple[int, int] | None:
    """(worst, best) of the ordinal labels, for ClaimReview's worstRating / bestRating."""
    values = [label.ordinal for label in scale(session) if label.ordinal is not None]
    return (min(values), max(values)) if values else None


@dataclass
class LabelInput:
    """A label as an admin typed it; `names` and `explanations` are keyed by language code."""

    key: str
    names: dict[str, str]
    explanations: dict[str, str] = field(default_factory=dict)
    color: str = "#666666"
    ordinal: int | None = None
    position: int = 0
    active: bool = True


def _values(data: LabelInput) -> dict[str, object]:
    color = data.color.strip()
    if (
        len(color) != 7
        or not color.startswith("#")
        or not all(c in "0123456789abcdefABCDEF" for c in color[1:])
    ):
        raise ValidationError("Colour must look like #1a7f37.", field="color")
    key = clean_text(data.key, "key", max_len=40).lower()
    if not all(c.isalnum() or c == "-" for c in key):
        raise ValidationError("The key may hold letters, digits and hyphens only.", field="key")
    return {
        "key": key,
        # A name in every language (form fields `label_<code>`); explanations may be empty.
        "names": {
            code: clean_text(data.names.get(code), f"label_{code}", max_len=80)
            for code in LANGUAGES
        },
        "explanations": {
            code: clean_text(
                data.explanations.get(code), f"explanation_{code}", required=False, max_len=2000
            )
            for code in LANGUAGES
        },
        "color": color.lower(),
        "ordinal": data.ordinal,
        "position": data.position,
        "active": data.active,
    }


@use_case
def save_label(
    *, session: Session, actor: User, data: LabelInput, label_id: int | None = None
) -> RatingLabel:
    """Add a label to the scale, or change one (published verdicts keep pointing at it)."""
    require(actor, Permission.MANAGE_SCALE)
    values = _values(data)
    clash = label_by_key(session, str(values["key"]))
    if clash is not None and clash.id != label_id:
        raise ValidationError("Another label has this key.", field="key")
    if label_id is None:
        label = RatingLabel(**values)
        before = None
    else:
        label = get_or_raise(session, RatingLabel, label_id)
        before = audit.snapshot(label, FIELDS)
        for key, value in values.items():
            setattr(label, key, value)
    session.add(label)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="rating.save",
        obj=label,
        before=before,
        after=audit.snapshot(label, FIELDS),
    )
    return label
