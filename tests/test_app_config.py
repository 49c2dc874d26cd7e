"""The app factory: configuration layers, the secret-key guard, proxy headers."""

from __future__ import annotations

import pytest

from claimtrack.app import create_app


def test_refuses_to_start_without_secret_key_outside_debug(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_PATH", str(tmp_path))
    from claimtrack.config import InsecureConfigError

    with pytest.raises(InsecureConfigError):
        create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite"})


def test_config_layers_env_overrides_instance_file(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text(
        "SECRET_KEY = 'from-instance-file-0123456789'\nORG_NAME = 'File'\n"
    )
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("CLAIMTRACK_ORG_NAME", "Env")
    monkeypatch.setenv("CLAIMTRACK_EXPORTS_PUBLIC", "true")
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite"})
    assert app.config["SECRET_KEY"] == "from-instance-file-0123456789"
    assert app.config["ORG_NAME"] == "Env" and app.config["EXPORTS_PUBLIC"] is True
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite", "ORG_NAME": "Test"})
    assert app.config["ORG_NAME"] == "Test"


def test_trusted_proxy_headers_apply_only_when_configured(database_url, tmp_path):
    from flask import request

    from tests.conftest import make_test_app

    for proxies, expected in ((0, "127.0.0.1"), (1, "203.0.113.9")):
        app = make_test_app(database_url, tmp_path, TRUSTED_PROXIES=proxies)
        app.add_url_rule("/whoami", "whoami", lambda: request.remote_addr or "")
        response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.9"})
        assert response.text == expected
        app.extensions["claimtrack.db"].dispose()
