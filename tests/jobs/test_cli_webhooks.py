"""`claimtrack webhooks add|list`: endpoints from the shell, secret printed once, bad input one line."""

from __future__ import annotations

from click.testing import CliRunner

from claimtrack.cli import main


def test_add_and_list_endpoints(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(FETCH_ALLOW_LOOPBACK=True)
    runner = CliRunner()
    added = runner.invoke(main, ["webhooks", "add", "Faktenfreunde", "http://127.0.0.1:9/hook",
                                 "--event", "verdict.published"], obj={"app": app})  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "Signing secret (shown once): whsec_" in added.output
    listed = runner.invoke(main, ["webhooks", "list"], obj={"app": app})
    assert listed.exit_code == 0
    assert "Faktenfreunde\thttp://127.0.0.1:9/hook\tverdict.published\tactive" in listed.output
    assert "whsec_" not in listed.output
    refused = runner.invoke(
        main, ["webhooks", "add", "P", "https://10.0.0.1/hook"], obj={"app": app}
    )
    assert refused.exit_code == 1
    assert refused.output.count("\n") == 1 and "non-public" in refused.output
