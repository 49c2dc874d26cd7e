"""`claimtrack monitor`: add, list, pause, resume, poll now, delete, digest."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimtrack.cli import main
from tests.services.monitoring.site import RSS, Site, rss
from tests.services.monitoring.test_poll import _news


def test_monitor_commands(make_app, site: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(FETCH_ALLOW_LOOPBACK=True, MONITOR_DIGEST_DIR=str(tmp_path / "dg"))
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(main, list(args), obj={"app": app}, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    url = site.put("/feed.rss", rss("T", _news(site, "c", 2, set())), RSS)
    assert "Watching source 1" in run(
        "monitor", "add", url, "--outlet", "Tagesblatt", "--every", "10"
    )
    bad = runner.invoke(main, ["monitor", "add", "file:///etc/passwd"], obj={"app": app})
    assert bad.exit_code == 1 and "claimtrack: error:" in bad.output
    assert "2 new items, 2 new stories" in run("monitor", "poll", "1")
    (row,) = json.loads(run("monitor", "list", "--json"))
    assert (row["outlet"], row["kind"], row["items_seen"], row["last_error"]) == (
        "Tagesblatt", "feed", 2, "")  # fmt: skip
    assert "No source is due." in run("monitor", "poll")
    run("monitor", "pause", "1")
    assert "paused" in run("monitor", "list")
    assert "not polled" in run("monitor", "poll", "1")
    run("monitor", "resume", "1")
    assert "not modified" in run("monitor", "poll")
    run("monitor", "delete", "1", "--reason", "Zeitung eingestellt")
    assert json.loads(run("monitor", "list", "--json")) == []
    assert "Digest written to" in run("monitor", "digest", "--day", "2026-11-30")
    assert (tmp_path / "dg" / "alert-digest-2026-11-30.md").exists()
