"""The emulator's strict modes (on by default): what OpenRouter refuses is refused, with its status and body."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx2
import openai
import pytest
from spec_support import SPECS, load_spec

import openrouter_compat as orc
from openrouter_compat import OpenRouter
from openrouter_compat.testing import Emulator
from openrouter_compat.testing._checks import FIELD_TYPES

pytest_plugins = ["pytester"]

USER: Any = [{"role": "user", "content": "hi"}]


@pytest.fixture
def http(openrouter_emulator: Emulator) -> Iterator[httpx2.Client]:
    """Plain HTTP with the emulator's key, so nothing is checked before it reaches the emulator."""
    headers = {"Authorization": f"Bearer {openrouter_emulator.api_key}"}
    with httpx2.Client(base_url=openrouter_emulator.base_url, headers=headers, timeout=10) as client:
        yield client


def chat(http: httpx2.Client, **body: Any) -> httpx2.Response:
    body.setdefault("model", "openai/gpt-4o-mini")
    body.setdefault("messages", USER)
    return http.post("/chat/completions", json=body)


# --------------------------------------------------------------------------------------------------- models


def test_unknown_model_is_a_400_with_a_hint(http: httpx2.Client) -> None:
    response = chat(http, model="antropic/claude-sonnet-4.5")
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": 400,
            "message": "antropic/claude-sonnet-4.5 is not a valid model ID (did you mean anthropic/claude-sonnet-4.5?)",
        },
        "user_id": "user_emulator",
    }


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ({"model": ""}, '"" is not a valid model ID'),
        ({"models": ["openai/gpt-4o-mini", "nobody/nothing"]}, "nobody/nothing is not a valid model ID"),
    ],
)
def test_empty_and_fallback_models_are_checked(http: httpx2.Client, body: dict[str, Any], shown: str) -> None:
    response = chat(http, **body)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == shown


@pytest.mark.parametrize(
    "model",
    [
        "openai/gpt-4o-mini",
        "openai/gpt-4o",
        "anthropic/claude-sonnet-4.5:thinking",
        "meta-llama/llama-3.3-70b-instruct:free",
        "openrouter/auto",
        "google/gemini-2.5-flash:nitro",
        "someone/model-fail",  # the emulator's always-failing test model: a 502, not a 400
    ],
)
def test_known_ids_and_variants_pass(http: httpx2.Client, model: str) -> None:
    assert chat(http, model=model).status_code in (200, 502)


def test_add_model_until_reset(openrouter_emulator: Emulator, http: httpx2.Client) -> None:
    openrouter_emulator.add_model("acme/private-model")
    assert chat(http, model="acme/private-model").status_code == 200
    assert chat(http, model="acme/private-model:free").status_code == 200
    openrouter_emulator.reset()
    assert chat(http, model="acme/private-model").status_code == 400


def test_every_inference_endpoint_checks_models(http: httpx2.Client) -> None:
    assert http.post("/embeddings", json={"model": "openai/text-embeding-3-small", "input": "x"}).status_code == 400
    assert http.post("/embeddings", json={"input": "x"}).status_code == 200  # the default embedding model
    assert http.post("/responses", json={"model": "nope/x", "input": "hi"}).status_code == 400
    assert http.post("/completions", json={"model": "nope/x", "prompt": "hi"}).status_code == 400


def test_the_client_surfaces_the_refusal_typed(client: OpenRouter) -> None:
    with pytest.raises(orc.BadRequestError, match="did you mean openai/gpt-4o-mini") as info:
        client.chat.completions.create(model="openai/gpt-4o-mni", messages=USER)
    assert info.value.status_code == 400


async def test_the_async_client_surfaces_the_refusal_typed(async_client: orc.AsyncOpenRouter) -> None:
    with pytest.raises(orc.BadRequestError, match="not a valid model ID"):
        await async_client.responses.create(model="nobody/nothing", input="hi")


# --------------------------------------------------------------------------------------------------- keys


def test_a_key_the_emulator_did_not_issue_is_refused(openrouter_emulator: Emulator) -> None:
    with OpenRouter(api_key="sk-or-v1-not-mine", base_url=openrouter_emulator.base_url, max_retries=0) as c:
        with pytest.raises(orc.AuthenticationError, match="User not found") as info:
            c.chat.completions.create(model="openai/gpt-4o-mini", messages=USER)
        assert info.value.status_code == 401
        assert c.models.list().data  # /models needs no key, as on OpenRouter


# --------------------------------------------------------------------------------------------------- field types


def test_mistyped_field_is_a_400_naming_it(http: httpx2.Client) -> None:
    response = chat(http, temperature="hot")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "user_id"} and body["error"]["code"] == 400
    issues = json.loads(body["error"]["message"])  # OpenRouter sends the validator's issues as the message
    assert issues == [
        {
            "expected": "number",
            "code": "invalid_type",
            "path": ["temperature"],
            "message": "Invalid input: expected number, received string",
        }
    ]


def test_every_mistyped_field_is_listed(http: httpx2.Client) -> None:
    response = chat(http, max_tokens=1.5, stream="yes", tool_choice=3, messages="hi")
    assert response.status_code == 400
    paths = [issue["path"][0] for issue in json.loads(response.json()["error"]["message"])]
    assert sorted(paths) == ["max_tokens", "messages", "stream", "tool_choice"]


@pytest.mark.parametrize(
    "extra",
    [
        {"temperature": 1},  # an integer is a number
        {"max_tokens": 20.0},  # a whole float is an integer, as in JavaScript
        {"temperature": None, "seed": None},  # null is accepted everywhere
        {"something_new": {"x": [1]}},  # unknown fields are never refused
        {"stop": ["\n"], "tool_choice": {"type": "function", "function": {"name": "f"}}},
    ],
)
def test_what_openrouter_accepts_passes(http: httpx2.Client, extra: dict[str, Any]) -> None:
    assert chat(http, **extra).status_code == 200


def test_other_endpoints_check_their_fields(http: httpx2.Client) -> None:
    assert http.post("/responses", json={"input": 5}).status_code == 400
    assert http.post("/completions", json={"prompt": "x", "logprobs": True}).status_code == 400
    assert http.post("/embeddings", json={"input": "x", "dimensions": "8"}).status_code == 400


def test_plain_openai_client_gets_the_same_refusal(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    hot: Any = "hot"
    with (
        openai.OpenAI(api_key=emu.api_key, base_url=emu.base_url, max_retries=0) as plain,
        pytest.raises(openai.BadRequestError, match="temperature"),
    ):
        plain.chat.completions.create(model="openai/gpt-4o-mini", messages=USER, temperature=hot)


# --------------------------------------------------------------------------------------------------- lenient


def test_lenient_switch_accepts_everything(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    assert emu.strict is True
    emu.strict = False
    assert (emu.strict_models, emu.strict_params, emu.accept_any_key) == (False, False, True)
    with httpx2.Client(base_url=emu.base_url, headers={"Authorization": "Bearer anything"}) as anyone:
        response = chat(anyone, model="antropic/claude", temperature="hot")
        assert response.status_code == 200 and response.json()["model"] == "antropic/claude"
    emu.reset()
    assert emu.strict is True


def test_strict_modes_one_by_one(openrouter_emulator: Emulator, http: httpx2.Client) -> None:
    emu = openrouter_emulator
    emu.strict_params = False
    assert chat(http, temperature="hot").status_code == 200
    assert chat(http, model="x/y").status_code == 400
    emu.strict_models = False
    assert chat(http, model="x/y").status_code == 200
    assert emu.strict is False


def test_lenient_emulator_from_the_constructor() -> None:
    with Emulator(strict=False) as emu, httpx2.Client(base_url=emu.base_url, timeout=10) as anonymous:
        ok = chat(anonymous, model="m", temperature="hot")
        assert ok.status_code == 401  # no key at all is still refused, as OpenRouter does
        keyed = anonymous.post(
            "/chat/completions",
            json={"model": "m", "messages": USER, "temperature": "hot"},
            headers={"Authorization": "Bearer whatever"},
        )
        assert keyed.status_code == 200
        emu.reset()
        assert emu.strict is False
    assert Emulator(strict=False, accept_any_key=False).accept_any_key is False


def test_marker_makes_the_fixture_lenient(pytester: pytest.Pytester, request: pytest.FixtureRequest) -> None:
    pytester.makepyfile(
        """
        import httpx2
        import pytest

        @pytest.mark.openrouter_emulator(strict=False)
        def test_lenient(openrouter_emulator):
            body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "temperature": "hot"}
            r = httpx2.post(openrouter_emulator.base_url + "/chat/completions", json=body,
                            headers={"Authorization": "Bearer x"})
            assert r.status_code == 200

        def test_strict_again(openrouter_emulator):
            assert openrouter_emulator.strict
        """
    )
    result = pytester.runpytest_inprocess(*_plugin_args(request), "-p", "no:cacheprovider", "-p", "no:asyncio")
    result.assert_outcomes(passed=2)


def _plugin_args(request: pytest.FixtureRequest) -> list[str]:
    loaded = request.config.pluginmanager.get_plugin("openrouter_compat") is not None
    return [] if loaded else ["-p", "openrouter_compat.testing.pytest_plugin"]


# --------------------------------------------------------------------------------------------------- the spec


def _spec_types(spec: dict[str, Any], schema: Any) -> set[str]:
    """The non-null JSON types a spec schema allows."""
    while isinstance(schema, dict) and "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if not isinstance(schema, dict):
        return set()
    kinds = schema.get("type")
    if kinds is not None:
        return {kinds} - {"null"} if isinstance(kinds, str) else set(kinds) - {"null"}
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return set().union(*(_spec_types(spec, option) for option in schema[key]))
    if "allOf" in schema:
        return next((found for part in schema["allOf"] if (found := _spec_types(spec, part))), set())
    values = schema.get("enum") or ([schema["const"]] if "const" in schema else [])
    return {"string" for v in values if isinstance(v, str)}


@pytest.mark.parametrize("path", sorted(FIELD_TYPES))
def test_field_types_follow_the_spec(path: str) -> None:
    name = "openapi-2025-12.yaml" if path == "/completions" else "openapi-2026-09.yaml"
    if not (SPECS / name).is_file():
        pytest.skip(f"OpenRouter's OpenAPI spec not found at {SPECS / name} (it lives outside the repo)")
    spec = load_spec(name)
    schema = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    properties = schema["properties"]
    for field, kinds in FIELD_TYPES[path].items():
        assert field in properties, f"{path} {field} is not in {name}"
        assert set(kinds) == _spec_types(spec, properties[field]), f"{path} {field}"
