"""Parsing bulk story imports (JSON Lines or CSV) into plain records.

Every record is checked before anything is stored, so a bad line rejects the whole file
with its line number instead of leaving half an import behind.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date

from claimtrack.extraction.decode import InputError
from claimtrack.languages import LANGUAGES, is_supported

FIELDS = ("body", "title", "url", "outlet", "published", "language", "byline")
MAX_RECORDS = 10_000


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """One story of a bulk import, as given (body may be pasted text or HTML)."""

    line: int
    body: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: date | None = None
    language: str | None = None
    byline: str = ""


def parse_bulk(text: str, fmt: str) -> list[StoryRecord]:
    """Records from JSON Lines (`fmt="jsonl"`) or CSV with a header row (`fmt="csv"`)."""
    if fmt == "jsonl":
        rows = _jsonl(text)
    elif fmt == "csv":
        rows = _csv(text)
    else:
        raise InputError(f"unknown bulk format {fmt!r}; use jsonl or csv")
    if not rows:
        raise InputError("the import file holds no stories")
    if len(rows) > MAX_RECORDS:
        raise InputError(f"the import file holds more than {MAX_RECORDS} stories")
    return [_record(line, row) for line, row in rows]


def _jsonl(text: str) -> list[tuple[int, dict[str, object]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise InputError(f"line {number}: expected a JSON object")
        rows.append((number, row))
    return rows


def _csv(text: str) -> list[tuple[int, dict[str, object]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "body" not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputError("the CSV file needs a header row with a 'body' column")
    rows = []
    try:
        for row in reader:
            cleaned = {(k or "").strip().lower(): v for k, v in row.items() if k}
            rows.append((reader.line_num, cleaned))
    except csv.Error as exc:
        raise InputError(f"line {reader.line_num}: {exc}") from exc
    return rows


def _record(line: int, row: dict[str, object]) -> StoryRecord:
    values = {k: row.get(k) for k in FIELDS}
    for key, value in values.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f"line {line}: {key} must be a string")
    body = str(values["body"] or row.get("text") or "").strip()
    if not body:
        raise InputError(f"line {line}: body is empty")
    language = (values["language"] or "").strip().lower() or None
    if language is not None and not is_supported(language):
        raise InputError(f"line {line}: language must be one of {', '.join(LANGUAGES)}")
    return StoryRecord(
        line=line,
        body=body,
        title=str(values["title"] or "").strip(),
        url=str(values["url"] or "").strip(),
        outlet=str(values["outlet"] or "").strip(),
        published=_date(line, str(values["published"] or "").strip()),
        language=language,
        byline=str(values["byline"] or "").strip(),
    )


def _date(line: int, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(f"line {line}: published must be a date like 2022-01-05") from exc
