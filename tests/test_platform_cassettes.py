"""Contract tests: the platform resources replay hand-written cassettes (cassettes/platform/, built from the
OpenAPI spec's examples) with vcrpy in `record_mode="none"`, matching method, URL, query and JSON body."""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import vcr
from vcr.errors import CannotOverwriteExistingCassetteException

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing._vcr import vcr_config
from openrouter_compat.types import ActivityItem, ApiKey, AuthCode, AuthKey, Credits, Generation, Key, KeyCreated

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes" / "platform"
HASH = "f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943"
PLACEHOLDER = "placeholder-secret-of-a-hand-written-cassette"
UTC = datetime.UTC


def expect_key(key: Key) -> None:
    assert isinstance(key, Key)
    assert key.limit == 100 and key.limit_remaining == 74.5 and key.limit_reset == "monthly"
    assert key.usage == 25.5 and key.byok_usage_weekly == 17.38
    assert key.is_free_tier is False and key.is_management_key is False and key.include_byok_in_limit is False
    assert key.expires_at == datetime.datetime(2027, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert key.rate_limit is not None and key.rate_limit.interval == "1h"


def expect_credits(credits: Credits) -> None:
    assert isinstance(credits, Credits)
    assert (credits.total_credits, credits.total_usage, credits.remaining) == (100.5, 25.75, 74.75)


def expect_generation(generation: Generation) -> None:
    assert isinstance(generation, Generation)
    assert generation.id == "gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG"
    assert generation.total_cost == 0.0015 and generation.upstream_inference_cost == 0.0012
    assert generation.provider_name == "Infermatic" and generation.model == "sao10k/l3-stheno-8b"
    assert generation.tokens_prompt == 10 and generation.native_tokens_reasoning == 5
    assert generation.latency == 1250 and generation.streamed is True and generation.api_type == "completions"
    assert generation.provider_responses is None and generation.cache_discount is None
    assert generation.web_search_engine == "exa" and generation.data_region == "global"


def expect_api_key(key: ApiKey, *, name: str) -> None:
    assert isinstance(key, ApiKey)
    assert key.hash == HASH and key.name == name
    assert key.workspace_id == "0df9e665-d932-5740-b2c7-b52af166bc11"


def expect_keys_list(keys: list[ApiKey]) -> None:
    assert len(keys) == 1
    expect_api_key(keys[0], name="My Production Key")
    assert keys[0].limit_remaining == 74.5 and keys[0].expires_at == datetime.datetime(
        2027, 12, 31, 23, 59, 59, tzinfo=UTC
    )


def expect_created(created: KeyCreated) -> None:
    assert isinstance(created, KeyCreated)
    expect_api_key(created.data, name="My New API Key")
    assert created.data.limit == 50 and created.data.include_byok_in_limit is True
    assert created.key.get_secret_value() == PLACEHOLDER
    assert PLACEHOLDER not in repr(created) and PLACEHOLDER not in created.to_json()


def expect_updated(key: ApiKey) -> None:
    expect_api_key(key, name="Updated API Key Name")
    assert key.limit == 75 and key.limit_reset == "daily" and key.expires_at is None


def expect_activity(rows: list[ActivityItem]) -> None:
    assert len(rows) == 1 and isinstance(rows[0], ActivityItem)
    row = rows[0]
    assert row.date == "2025-08-24" and row.model_permaslug == "openai/gpt-4.1-2025-04-14"
    assert row.requests == 5 and row.usage == 0.015 and row.reasoning_tokens == 25


def expect_code(code: AuthCode) -> None:
    assert isinstance(code, AuthCode)
    assert (code.id, code.app_id, code.created_at) == ("auth_code_xyz789", 12345, "2025-08-24T10:30:00Z")


def expect_exchanged(exchanged: AuthKey) -> None:
    assert isinstance(exchanged, AuthKey)
    assert exchanged.key.get_secret_value() == PLACEHOLDER and exchanged.user_id == "user_2yOPcMpKoQhcd4bVgSMlELRaIah"
    assert PLACEHOLDER not in str(exchanged)


def assert_deleted(deleted: Any) -> None:
    assert deleted.deleted is True


# cassette name -> (the call, what the result must be)
CASES: dict[str, tuple[Callable[[Any], Any], Callable[[Any], None]]] = {
    "key": (lambda c: c.key.retrieve(), expect_key),
    "credits": (lambda c: c.credits.retrieve(), expect_credits),
    "generation": (lambda c: c.generations.retrieve("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG"), expect_generation),
    "keys_list": (lambda c: c.keys.list(include_disabled=True, offset=0), expect_keys_list),
    "keys_create": (
        lambda c: c.keys.create(
            name="My New API Key",
            limit=50,
            limit_reset="monthly",
            include_byok_in_limit=True,
            expires_at=datetime.datetime(2027, 12, 31, 23, 59, 59, tzinfo=UTC),
        ),
        expect_created,
    ),
    "keys_retrieve": (lambda c: c.keys.retrieve(HASH), lambda k: expect_api_key(k, name="My Production Key")),
    "keys_update": (
        lambda c: c.keys.update(
            HASH, name="Updated API Key Name", disabled=False, limit=75, limit_reset="daily", include_byok_in_limit=True
        ),
        expect_updated,
    ),
    "keys_delete": (lambda c: c.keys.delete(HASH), assert_deleted),
    "activity": (lambda c: c.activity.list(date=datetime.date(2025, 8, 24)), expect_activity),
    "auth_keys_code": (
        lambda c: c.auth.create_code(
            callback_url="https://myapp.com/auth/callback",
            code_challenge="E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            code_challenge_method="S256",
            limit=100,
        ),
        expect_code,
    ),
    "auth_keys": (
        lambda c: c.auth.exchange_code(
            code="auth_code_abc123def456",
            code_verifier="dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
            code_challenge_method="S256",
        ),
        expect_exchanged,
    ),
}


def _cassette(name: str) -> Any:
    path = CASSETTES / f"{name}.yaml"
    if not path.is_file():
        pytest.fail(f"missing cassette {path}")
    assert path.read_text().startswith("# source: hand-written"), "a hand-written cassette must say so"
    recorder = vcr.VCR(**vcr_config(record_mode="none", match_on=["method", "scheme", "host", "path", "query", "body"]))
    return recorder.use_cassette(str(path))


def test_every_cassette_has_a_case() -> None:
    assert sorted(p.stem for p in CASSETTES.glob("*.yaml")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_replay_sync(name: str) -> None:
    call, expect = CASES[name]
    with _cassette(name) as cassette, OpenRouter(api_key="test", max_retries=0) as client:
        expect(call(client))
        assert cassette.all_played and cassette.play_count == 1


@pytest.mark.parametrize("name", sorted(CASES))
async def test_replay_async(name: str) -> None:
    call, expect = CASES[name]
    with _cassette(name) as cassette:
        async with AsyncOpenRouter(api_key="test", max_retries=0) as client:
            result = call(client)
            assert inspect.isawaitable(result)
            expect(await result)
        assert cassette.all_played and cassette.play_count == 1


def test_replay_raw_response() -> None:
    with _cassette("key") as cassette, OpenRouter(api_key="test", max_retries=0) as client:
        raw = client.with_raw_response.key.retrieve()
        assert raw.headers["content-type"] == "application/json"
        expect_key(raw.parse())
        assert cassette.all_played


async def test_replay_streaming_response_async() -> None:
    with _cassette("credits") as cassette:
        async with (
            AsyncOpenRouter(api_key="test", max_retries=0) as client,
            client.with_streaming_response.credits.retrieve() as response,
        ):
            expect_credits(await response.parse())
        assert cassette.all_played


def test_a_different_request_body_does_not_match() -> None:
    """The contract is strict on what is sent: a changed body finds no recorded interaction."""
    with (
        _cassette("keys_create"),
        OpenRouter(api_key="test", max_retries=0) as client,
        pytest.raises(CannotOverwriteExistingCassetteException, match="no recorded interaction matches"),
    ):
        client.keys.create(name="Another name", limit=50)
