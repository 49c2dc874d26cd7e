"""The rating scale: shipped with a default, editable by admins."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from claimtrack.models import RatingLabel, User
from claimtrack.workflow import Permission

from . import audit
from .base import clean_text, get_or_raise, require, use_case
from .errors import ValidationError

FIELDS = [
    "key",
    "label_de",
    "label_en",
    "explanation_de",
    "explanation_en",
    "color",
    "ordinal",
    "position",
    "active",
]

# key, German, English, ordinal (None: not a point on the true-false line), colour, explanations
DEFAULT_SCALE: list[tuple[str, str, str, int | None, str, str, str]] = [
    (
        "richtig",
        "Richtig",
        "True",
        5,
        "#1a7f37",
        "Die Behauptung stimmt und ihr fehlt nichts Wesentliches.",
        "The claim is accurate and nothing significant is missing.",
    ),
    (
        "groesstenteils-richtig",
        "Größtenteils richtig",
        "Mostly true",
        4,
        "#5a9a2f",
        "Die Behauptung stimmt im Kern, braucht aber eine Klarstellung oder Ergänzung.",
        "The claim is accurate at its core but needs clarification or additional information.",
    ),
    (
        "teilweise-falsch",
        "Teilweise falsch",
        "Partly false",
        3,
        "#b08800",
        "Die Behauptung enthält richtige und falsche Teile.",
        "The claim mixes accurate and inaccurate parts.",
    ),
    (
        "groesstenteils-falsch",
        "Größtenteils falsch",
        "Mostly false",
        2,
        "#c2410c",
        "Die Behauptung ist im Kern falsch, enthält aber einen richtigen Teil.",
        "The claim is false at its core but contains an element of truth.",
    ),
    (
        "falsch",
        "Falsch",
        "False",
        1,
        "#b91c1c",
        "Die Behauptung ist nicht richtig.",
        "The claim is inaccurate.",
    ),
    (
        "unbelegt",
        "Unbelegt",
        "Unproven",
        None,
        "#57606a",
        "Für die Behauptung gibt es keine belastbaren Belege; sie ist weder belegt noch widerlegt.",
        "There is no reliable evidence for the claim; it is neither proven nor disproven.",
    ),
    (
        "fehlender-kontext",
        "Fehlender Kontext",
        "Missing context",
        None,
        "#6f42c1",
        "Die Behauptung lässt Zusammenhänge weg, ohne die sie einen falschen Eindruck erweckt.",
        "The claim leaves out context without which it gives a false impression.",
    ),
    (
        "irrefuehrend",
        "Irreführend",
        "Misleading",
        None,
        "#8250df",
        "Die Behauptung nutzt richtige Angaben so, dass ein falscher Eindruck entsteht.",
        "The claim uses accurate elements in a way that creates a false impression.",
    ),
]


def ensure_default_scale(session: Session) -> int:
    """Add the default labels that are missing (never changes a label an admin edited). Returns how many."""
    existing = set(session.exec(select(RatingLabel.key)))
    added = 0
    for position, (key, de, en, ordinal, color, expl_de, expl_en) in enumerate(DEFAULT_SCALE):
        if key in existing:
            continue
        session.add(
            RatingLabel(
                key=key,
                label_de=de,
                label_en=en,
                ordinal=ordinal,
                color=color,
                explanation_de=expl_de,
                explanation_en=expl_en,
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
    key: str
    label_de: str
    label_en: str
    explanation_de: str = ""
    explanation_en: str = ""
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
        "label_de": clean_text(data.label_de, "label_de", max_len=80),
        "label_en": clean_text(data.label_en, "label_en", max_len=80),
        "explanation_de": clean_text(
            data.explanation_de, "explanation_de", required=False, max_len=2000
        ),
        "explanation_en": clean_text(
            data.explanation_en, "explanation_en", required=False, max_len=2000
        ),
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
