from claimtrack import migrate


def test_healthz_reports_database_and_revision(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"] == "ok"
    assert response.json["schema_revision"] == migrate.head_revision()


def test_healthz_is_503_when_schema_is_behind(client, db):
    migrate.downgrade(db.engine, "base")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["status"] == "error"
