"""`claimtrack export`: same content as the HTTP exports, files written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from claimtrack.cli import main
from claimtrack.publishing import export_rows
from tests.web.partners import correct, issue_token, jsonl, publish, withdraw


def invoke(runner, app, *args):
    return runner.invoke(main, list(args), obj={"app": app})


def test_jsonl_to_stdout_equals_the_http_export(runner, app, client, session, users):
    for _ in range(3):
        publish(session, users)
    result = invoke(runner, app, "export", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    token = issue_token(session, users, ["export"])
    over_http = client.get(
        "/exports/claims.jsonl", headers={"Authorization": f"Bearer {token}"}
    ).get_data(as_text=True)
    # The CLI links to PUBLIC_BASE_URL / ORG_URL, the web export to the request's host.
    cli_rows, http_rows = jsonl(result.stdout), jsonl(over_http)
    for row in cli_rows + http_rows:
        row.pop("url")
    assert cli_rows == http_rows
    assert len(cli_rows) == 3


def test_incremental_claimreview_export_to_a_file(runner, app, session, users, tmp_path):
    kept, corrected_one, gone = (publish(session, users) for _ in range(3))
    since = datetime.now(UTC).isoformat()
    corrected = correct(session, users, corrected_one)
    withdraw(session, users, gone)
    out = tmp_path / "feed.json"
    result = invoke(
        runner, app, "export", "--format", "claimreview", "--since", since, "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    feed = json.loads(out.read_text(encoding="utf-8"))
    items = feed["dataFeedElement"]
    assert [i["item"][0]["headline"] for i in items[:1]] == [corrected.headline]
    assert "dateDeleted" in items[1] and "dateDeleted" not in items[0]
    assert len(items) == 2
    urls = [i["item"][0]["url"] for i in items]
    assert [
        f"/claims/{v.claim_id}-" in u for v, u in zip((corrected, gone), urls, strict=True)
    ] == [
        True,
        True,
    ]
    assert not any(f"/claims/{kept.claim_id}-" in u for u in urls)


def test_csv_export_to_a_file(runner, app, session, users, tmp_path):
    publish(session, users)
    out = tmp_path / "claims.csv"
    result = invoke(runner, app, "export", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == export_rows.CSV_COLUMNS
    assert len(rows) == 2


def test_bad_input_fails_with_one_line_and_writes_nothing(runner, app, tmp_path):
    out = tmp_path / "feed.json"
    result = invoke(
        runner, app, "export", "--format", "jsonl", "--since", "last week", "--out", str(out)
    )
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "since must be an ISO 8601 time" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    wrong = invoke(runner, app, "export", "--format", "xml")
    assert wrong.exit_code == 2
    missing_dir = invoke(
        runner, app, "export", "--format", "csv", "--out", str(tmp_path / "nope" / "x.csv")
    )
    assert missing_dir.exit_code != 0
    assert list(tmp_path.iterdir()) == []
