"""Scoped tokens (issue 16, item 6): made once and kept as a hash, roles that allow what they
name and no more, revocation at once, failed authentication rate-limited per address, the
token never in an answer, and the history names who asked."""

import json
import sqlite3

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from burhan.api.app import FailedLogins, create_app
from burhan.cli import app
from burhan.store import Store
from burhan.store.tokens import TokenError, TokenRegistry, token_hash

runner = CliRunner()
ARTICLE = {"articles": [{"text": "أعلنت مديرية الصحة في حلب افتتاح مركز جديد لغسيل الكلى في حي الشعار.",
                         "url": "https://tokens.example/1"}]}


def make(db, name, role):
    result = runner.invoke(app, ["token", "create", name, "--role", role, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_a_token_is_shown_once_and_only_its_hash_is_kept(demo_copy):
    secret = make(demo_copy, "reporter", "check")
    with sqlite3.connect(demo_copy) as con:
        dumped = "\n".join(con.iterdump())
    assert secret not in dumped and token_hash(secret) in dumped
    listed = json.loads(runner.invoke(app, ["token", "list", "--db", str(demo_copy), "--json"]).stdout)
    assert [(t["name"], t["role"], t["revoked_at"]) for t in listed] == [("reporter", "check", None)]
    assert secret not in runner.invoke(app, ["token", "list", "--db", str(demo_copy)]).stdout
    again = runner.invoke(app, ["token", "create", "reporter", "--role", "admin", "--db", str(demo_copy)])
    assert again.exit_code == 2 and "exists" in again.output
    bad = runner.invoke(app, ["token", "create", "x", "--role", "owner", "--db", str(demo_copy)])
    assert bad.exit_code == 2 and "unknown role" in bad.output
    with Store(demo_copy) as store, pytest.raises(TokenError):
        TokenRegistry(store).revoke("nobody")


def test_roles_allow_what_they_name_revocation_is_immediate_and_the_history_names_the_holder(demo_copy):
    checker, ingester = make(demo_copy, "maha", "check"), make(demo_copy, "desk", "ingest")
    with TestClient(create_app(demo_copy), raise_server_exceptions=False) as client:  # no --token: store tokens only
        checked = client.post("/api/check", json={"claim": "مقتل 1300 مدني في سوريا خلال نوفمبر"}, headers=bearer(checker))
        assert checked.status_code == 200, checked.text
        record = client.get(f"/api/checks/{checked.json()['check_id']}").json()
        assert record["asked_by"] == "maha"
        refused = client.post("/api/ingest", json=ARTICLE, headers=bearer(checker))
        assert refused.status_code == 403 and "'check'" in refused.json()["error"]["message"]
        assert checker not in refused.text  # the token is never echoed
        assert client.patch(f"/api/checks/{record['id']}", json={"note": "راجعته"}, headers=bearer(checker)).status_code == 200
        assert client.post("/api/ingest", json=ARTICLE, headers=bearer(ingester)).status_code == 200
        assert client.post("/api/ingest", json=ARTICLE).status_code == 401  # writes always need a token
        runner.invoke(app, ["token", "revoke", "desk", "--db", str(demo_copy)])
        assert client.post("/api/ingest", json=ARTICLE, headers=bearer(ingester)).status_code == 401


def test_a_private_server_needs_a_token_for_reads_and_checks(demo_copy):
    reader, checker = make(demo_copy, "viewer", "read"), make(demo_copy, "maha", "check")
    with TestClient(create_app(demo_copy, private=True), raise_server_exceptions=False) as client:
        assert client.get("/health").status_code == 200  # liveness stays open
        assert client.get("/api/search", params={"q": "حلب"}).status_code == 401
        assert client.get("/api/search", params={"q": "حلب"}, headers=bearer(reader)).status_code == 200
        assert client.post("/api/check", json={"claim": "حصار حلب"}, headers=bearer(reader)).status_code == 403
        assert client.post("/api/check", json={"claim": "حصار حلب"}, headers=bearer(checker)).status_code == 200


def test_failed_authentication_is_rate_limited_per_address(demo_copy):
    make(demo_copy, "maha", "check")
    with TestClient(create_app(demo_copy, failed_logins=FailedLogins(limit=3, window=60)), raise_server_exceptions=False) as client:
        statuses = [client.get("/api/stats", headers=bearer(f"guess-{n}")).status_code for n in range(5)]
        assert statuses == [401, 401, 401, 429, 429]
        blocked = client.get("/api/stats", headers=bearer("guess-5"))
        assert int(blocked.headers["retry-after"]) >= 1 and blocked.json()["error"]["code"] == "too_many_requests"
        assert client.get("/api/stats").status_code == 429  # the address waits, token or not
