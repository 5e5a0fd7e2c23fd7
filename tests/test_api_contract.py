"""The API keeps its own contract (issue 16, item 1): schemathesis generates requests from the
OpenAPI document (bounded, deterministic) and checks that no answer is a server error and that
every status, content type and body is the one documented — errors included, in one model."""

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from burhan.api.app import create_app
from burhan.demo import build_demo_store

TOKEN = "contract-token"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    db = build_demo_store(tmp_path_factory.mktemp("contract") / "demo.db")
    return create_app(db, token=TOKEN)


schema = schemathesis.pytest.from_fixture("contract_schema")


@pytest.fixture(scope="module")
def contract_schema(api):
    return schemathesis.openapi.from_asgi("/openapi.json", api)


def test_every_reference_in_the_document_resolves(api):
    from fastapi.testclient import TestClient

    with TestClient(api) as client:
        document = client.get("/openapi.json").json()
    names = set(document["components"]["schemas"])
    text = str(document)
    import re

    refs = set(re.findall(r"#/components/schemas/([A-Za-z0-9_]+)", text))
    assert refs <= names, refs - names
    assert "$defs" not in text
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "500" in operation["responses"], (method, path)
            for status, answer in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}


@schema.parametrize()
@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_keeps_its_contract(case, api):
    with_token = case.operation.method.upper() in ("POST", "PATCH")
    headers = {"Authorization": f"Bearer {TOKEN}"} if with_token and case.headers is None else None
    case.call_and_validate(checks=CHECKS, headers=headers)
