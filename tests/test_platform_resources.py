"""Account and platform resources (key, credits, generations, keys, activity, auth + PKCE) against the emulator.

Most tests run twice, through the sync and the async client (`any_client`); the raw- and streaming-response
variants have their own sync and async tests.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import inspect
import logging
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import openai
import pytest

import openrouter_compat
from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.lib.pkce import PKCE, authorization_url, s256_challenge
from openrouter_compat.resources.generations import POLL_POLICY
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.types import (
    ActivityItem,
    ApiKey,
    AuthCode,
    AuthKey,
    Credits,
    Generation,
    Key,
    KeyCreated,
    KeyDeleted,
)

MODEL = "openai/gpt-4o-mini"
MESSAGES: list[Any] = [{"role": "user", "content": "Say hi"}]


async def resolve(value: Any) -> Any:
    """The value of a sync call, or the awaited value of an async one."""
    return await value if inspect.isawaitable(value) else value


@pytest.fixture(params=["sync", "async"])
def any_client(request: pytest.FixtureRequest, client: OpenRouter, async_client: AsyncOpenRouter) -> Any:
    """The sync client, then the async one."""
    return client if request.param == "sync" else async_client


@pytest.fixture
def mgmt(any_client: Any, openrouter_emulator: Emulator) -> Any:
    """`any_client` carrying the management key, as users are told to do it: `with_options(api_key=...)`."""
    return any_client.with_options(api_key=openrouter_emulator.management_key)


@pytest.fixture
def sync_mgmt(client: OpenRouter, openrouter_emulator: Emulator) -> Iterator[OpenRouter]:
    yield client.with_options(api_key=openrouter_emulator.management_key)


@pytest.fixture
async def async_mgmt(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> AsyncIterator[AsyncOpenRouter]:
    yield async_client.with_options(api_key=openrouter_emulator.management_key)


async def complete(c: Any) -> Any:
    return await resolve(c.chat.completions.create(model=MODEL, messages=MESSAGES))


# --- GET /key ---------------------------------------------------------------------------------------------


async def test_key_retrieve_is_typed_and_unwrapped(any_client: Any, openrouter_emulator: Emulator) -> None:
    completion = await complete(any_client)
    key = await resolve(any_client.key.retrieve())
    assert isinstance(key, Key)
    assert key.is_management_key is False and key.is_free_tier is False
    assert key.limit is None and key.limit_remaining is None  # the emulator's keys are unlimited
    assert key.usage == pytest.approx(completion.usage.cost)
    assert key.usage_daily == key.usage_weekly == key.usage_monthly == key.usage
    assert key.byok_usage == 0
    assert key.rate_limit is not None and key.rate_limit.requests == -1
    assert key.label is not None and key.label.endswith("...000")
    request = openrouter_emulator.last_request("/key")
    assert request.method == "GET"
    assert request.bearer == openrouter_emulator.api_key


async def test_key_limit_remaining_and_expiry_parse(any_client: Any, openrouter_emulator: Emulator) -> None:
    body = {
        "data": {
            "label": "app key",
            "limit": 100,
            "limit_remaining": 74.5,
            "limit_reset": "monthly",
            "usage": 25.5,
            "is_management_key": False,
            "expires_at": "2027-12-31T23:59:59Z",
            "brand_new_field": {"x": 1},
        }
    }
    openrouter_emulator.queue("/key", Fault.status(200, body=body))
    key = await resolve(any_client.key.retrieve())
    assert key.limit == 100 and key.limit_remaining == 74.5 and key.limit_reset == "monthly"
    assert key.expires_at == datetime.datetime(2027, 12, 31, 23, 59, 59, tzinfo=datetime.UTC)
    assert key.brand_new_field == {"x": 1}  # lenient: unknown fields are kept


async def test_management_key_flag(mgmt: Any) -> None:
    key = await resolve(mgmt.key.retrieve())
    assert key.is_management_key is True


# --- GET /credits -----------------------------------------------------------------------------------------


async def test_credits_with_management_key(any_client: Any, mgmt: Any, openrouter_emulator: Emulator) -> None:
    completion = await complete(any_client)
    credits = await resolve(mgmt.credits.retrieve())
    assert isinstance(credits, Credits)
    assert credits.total_credits == 100
    assert credits.total_usage == pytest.approx(completion.usage.cost)
    assert credits.remaining == pytest.approx(100 - completion.usage.cost)
    assert openrouter_emulator.last_request("/credits").bearer == openrouter_emulator.management_key


async def test_credits_with_inference_key_says_management_key_required(any_client: Any) -> None:
    with pytest.raises(openrouter_compat.PermissionDeniedError) as info:
        await resolve(any_client.credits.retrieve())
    assert isinstance(info.value, openai.PermissionDeniedError)
    assert info.value.status_code == 403
    assert "management key" in str(info.value)
    assert "with_options(api_key=" in str(info.value)
    assert "Only management keys can perform this operation" in str(info.value)  # OpenRouter's own words kept


async def test_credits_401_also_says_management_key_required(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/credits", Fault.status(401, message="No auth credentials found"))
    with pytest.raises(openrouter_compat.AuthenticationError) as info:
        await resolve(any_client.credits.retrieve())
    assert info.value.status_code == 401
    assert "management key" in str(info.value)


async def test_other_management_endpoints_say_so_too(any_client: Any) -> None:
    for call in (any_client.keys.list, any_client.activity.list):
        with pytest.raises(openrouter_compat.PermissionDeniedError, match="management key"):
            await resolve(call())


async def test_credits_other_errors_are_left_alone(mgmt: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/credits", Fault.status(500, message="boom"))
    with pytest.raises(openrouter_compat.InternalServerError) as info:
        await resolve(mgmt.with_options(max_retries=0).credits.retrieve())
    assert "management key" not in str(info.value)


# --- GET /generation --------------------------------------------------------------------------------------


async def test_generation_matches_the_completion(any_client: Any, openrouter_emulator: Emulator) -> None:
    completion = await complete(any_client)
    generation = await resolve(any_client.generations.retrieve(completion.id))
    assert isinstance(generation, Generation)
    assert generation.id == completion.id
    assert generation.total_cost == pytest.approx(completion.usage.cost)
    assert generation.provider_name == completion.provider
    assert generation.model == completion.model
    assert generation.tokens_prompt == completion.usage.prompt_tokens
    assert generation.tokens_completion == completion.usage.completion_tokens
    assert generation.streamed is False and generation.api_type == "completions"
    assert generation.provider_responses and generation.provider_responses[-1].status == 200
    assert openrouter_emulator.last_request("/generation").query == {"id": completion.id}


async def test_generation_wait_recovers_from_early_404s(any_client: Any, openrouter_emulator: Emulator) -> None:
    completion = await complete(any_client)
    openrouter_emulator.generation_not_ready_for = 2
    started = time.monotonic()
    generation = await resolve(any_client.generations.retrieve(completion.id, wait=2))
    assert generation.total_cost == pytest.approx(completion.usage.cost)
    assert len(openrouter_emulator.requests_to("/generation")) == 3  # two 404s, then the stats
    assert time.monotonic() - started < 20  # generous: the request count above is what proves the recovery


async def test_generation_wait_gives_up_after_the_bound(any_client: Any, openrouter_emulator: Emulator) -> None:
    completion = await complete(any_client)
    openrouter_emulator.generation_not_ready_for = 1000
    started = time.monotonic()
    with pytest.raises(openrouter_compat.NotFoundError) as info:
        await resolve(any_client.generations.retrieve(completion.id, wait=0.5))
    assert time.monotonic() - started < 30  # generous: the request count below proves the bound held
    # Attempts at ~0s and ~0.2s; the next 0.4s pause would overshoot 0.5s, so it stops.
    assert len(openrouter_emulator.requests_to("/generation")) == 2
    assert info.value.status_code == 404
    assert "after waiting" in str(info.value) and "2 attempts" in str(info.value)
    assert isinstance(info.value, openai.NotFoundError)


async def test_generation_without_wait_asks_once(any_client: Any, openrouter_emulator: Emulator) -> None:
    with pytest.raises(openrouter_compat.NotFoundError) as info:
        await resolve(any_client.generations.retrieve("gen-unknown"))
    assert len(openrouter_emulator.requests_to("/generation")) == 1
    assert "after waiting" not in str(info.value)


async def test_generation_wait_does_not_retry_other_errors(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/generation", Fault.status(401, message="User not found."))
    with pytest.raises(openrouter_compat.AuthenticationError):
        await resolve(any_client.generations.retrieve("gen-x", wait=2))
    assert len(openrouter_emulator.requests_to("/generation")) == 1


def test_poll_policy_is_one_bounded_exponential_backoff() -> None:
    wait = POLL_POLICY["wait"]
    pauses = [wait(type("State", (), {"attempt_number": n})()) for n in range(1, 8)]
    assert pauses == [0.2, 0.4, 0.8, 1.6, 2.0, 2.0, 2.0]
    assert POLL_POLICY["reraise"] is True


async def test_generation_rejects_an_empty_id(any_client: Any, openrouter_emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="non-empty"):
        await resolve(any_client.generations.retrieve(""))
    assert openrouter_emulator.requests_to("/generation") == []


# --- /keys ------------------------------------------------------------------------------------------------


async def test_keys_lifecycle(mgmt: Any, openrouter_emulator: Emulator) -> None:
    created = await resolve(
        mgmt.keys.create(name="ci", limit=5, limit_reset="weekly", expires_at=datetime.datetime(2030, 1, 2, 3, 4, 5))
    )
    assert isinstance(created, KeyCreated) and isinstance(created.data, ApiKey)
    assert openrouter_emulator.last_request("/keys").json == {
        "name": "ci",
        "limit": 5,
        "limit_reset": "weekly",
        "expires_at": "2030-01-02T03:04:05Z",  # naive datetimes are taken as UTC
    }
    digest = created.data.hash
    assert digest == hashlib.sha256(created.key.get_secret_value().encode()).hexdigest()
    assert created.data.limit == 5 and created.data.limit_reset == "weekly" and created.data.disabled is False

    listed = await resolve(mgmt.keys.list())
    assert [k.hash for k in listed] == [digest] and isinstance(listed[0], ApiKey)

    fetched = await resolve(mgmt.keys.retrieve(digest))
    assert fetched.name == "ci" and fetched.hash == digest

    updated = await resolve(mgmt.keys.update(digest, disabled=True, limit=None))
    assert updated.disabled is True and updated.limit is None
    assert openrouter_emulator.last_request(f"/keys/{digest}").json == {"disabled": True, "limit": None}
    assert await resolve(mgmt.keys.list()) == []
    assert [k.hash for k in await resolve(mgmt.keys.list(include_disabled=True, offset=0))] == [digest]
    assert openrouter_emulator.last_request("/keys").query == {"include_disabled": "true", "offset": "0"}

    deleted = await resolve(mgmt.keys.delete(digest))
    assert isinstance(deleted, KeyDeleted) and deleted.deleted is True
    with pytest.raises(openrouter_compat.NotFoundError):
        await resolve(mgmt.keys.retrieve(digest))
    methods = [r.method for r in openrouter_emulator.requests if r.path.startswith("/keys")]
    assert methods == ["POST", "GET", "GET", "PATCH", "GET", "GET", "DELETE", "GET"]


async def test_new_key_secret_is_usable(any_client: Any, mgmt: Any, openrouter_emulator: Emulator) -> None:
    created = await resolve(mgmt.keys.create(name="worker"))
    secret = created.key.get_secret_value()
    assert secret.startswith("sk-or-v1-")
    await resolve(any_client.with_options(api_key=secret).key.retrieve())
    assert openrouter_emulator.last_request("/key").bearer == secret


async def test_new_key_secret_never_shown_or_logged(mgmt: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="openai"), caplog.at_level(logging.DEBUG, logger="httpx2"):
        created = await resolve(mgmt.keys.create(name="secret-test"))
        raw = await resolve(mgmt.with_raw_response.keys.create(name="raw-secret-test"))
        from_raw = raw.parse()
    assert caplog.records, "DEBUG logging of the openai/httpx2 loggers was not captured"
    for result in (created, from_raw):
        secret = result.key.get_secret_value()
        assert len(secret) > 20
        shown = [
            repr(result),
            str(result),
            result.model_dump_json(),
            result.to_json(),
            repr(result.key),
            str(result.key),
        ]
        assert all(secret not in text for text in shown)
        assert "**********" in result.model_dump_json()
        assert secret not in caplog.text
    assert created.key.get_secret_value() != from_raw.key.get_secret_value()


async def test_keys_arguments_are_validated_before_sending(mgmt: Any, openrouter_emulator: Emulator) -> None:
    with pytest.raises(openrouter_compat.OpenRouterValidationError, match="limit_reset"):
        await resolve(mgmt.keys.create(name="x", limit_reset="yearly"))
    with pytest.raises(openrouter_compat.OpenRouterValidationError, match="limit"):
        await resolve(mgmt.keys.update("abc", limit=-1))
    with pytest.raises(openrouter_compat.OpenRouterValidationError, match="name"):
        await resolve(mgmt.keys.create(name=""))
    with pytest.raises(ValueError, match="non-empty"):
        await resolve(mgmt.keys.delete(""))
    assert openrouter_emulator.requests == []


# --- GET /activity ----------------------------------------------------------------------------------------


async def test_activity_lists_typed_rows(any_client: Any, mgmt: Any, openrouter_emulator: Emulator) -> None:
    first = await complete(any_client)
    second = await complete(any_client)
    rows = await resolve(mgmt.activity.list())
    assert len(rows) == 1 and isinstance(rows[0], ActivityItem)
    row = rows[0]
    assert row.model == MODEL and row.requests == 2
    assert row.usage == pytest.approx(first.usage.cost + second.usage.cost)
    assert row.prompt_tokens == first.usage.prompt_tokens + second.usage.prompt_tokens
    today = datetime.datetime.now(datetime.UTC).date()
    assert row.date == today.isoformat()
    assert await resolve(mgmt.activity.list(date=today)) == rows
    assert openrouter_emulator.last_request("/activity").query == {"date": today.isoformat()}
    assert await resolve(mgmt.activity.list(date="2000-01-01", api_key_hash="h", user_id="u")) == []
    assert openrouter_emulator.last_request("/activity").query == {
        "date": "2000-01-01",
        "api_key_hash": "h",
        "user_id": "u",
    }


async def test_activity_date_is_validated_before_sending(mgmt: Any, openrouter_emulator: Emulator) -> None:
    with pytest.raises(openrouter_compat.OpenRouterValidationError, match="date"):
        await resolve(mgmt.activity.list(date="25/08/2025"))
    assert openrouter_emulator.requests == []


# --- OAuth PKCE -------------------------------------------------------------------------------------------


def test_pkce_s256_matches_rfc_7636_example() -> None:
    assert (
        s256_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )


def test_pkce_generate_and_authorization_url() -> None:
    pkce = PKCE.generate()
    other = PKCE.generate(length=43)
    assert len(pkce.verifier) == 64 and len(other.verifier) == 43 and pkce.verifier != other.verifier
    digest = hashlib.sha256(pkce.verifier.encode()).digest()
    assert pkce.challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert pkce.method == "S256"
    assert pkce.verifier not in repr(pkce)
    url = authorization_url("http://localhost:3000/callback?x=1", pkce.challenge)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://openrouter.ai/auth"
    assert parse_qs(parts.query) == {
        "callback_url": ["http://localhost:3000/callback?x=1"],
        "code_challenge": [pkce.challenge],
        "code_challenge_method": ["S256"],
    }
    with pytest.raises(ValueError, match="between 43 and 128"):
        PKCE.generate(length=10)


async def test_pkce_end_to_end(any_client: Any, openrouter_emulator: Emulator) -> None:
    pkce = PKCE.generate()
    code = await resolve(
        any_client.auth.create_code(
            callback_url="http://localhost:3000/callback",
            code_challenge=pkce.challenge,
            code_challenge_method="S256",
            limit=10,
            key_label="my cli",
        )
    )
    assert isinstance(code, AuthCode) and code.id and code.app_id == 4242
    assert openrouter_emulator.last_request("/auth/keys/code").json == {
        "callback_url": "http://localhost:3000/callback",
        "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
        "limit": 10,
        "key_label": "my cli",
    }
    exchanged = await resolve(
        any_client.auth.exchange_code(code=code.id, code_verifier=pkce.verifier, code_challenge_method="S256")
    )
    assert isinstance(exchanged, AuthKey) and exchanged.user_id == "user_emulator"
    secret = exchanged.key.get_secret_value()
    assert secret.startswith("sk-or-v1-") and secret not in repr(exchanged) and secret not in exchanged.to_json()
    await resolve(any_client.with_options(api_key=secret).key.retrieve())  # the user's new key works
    assert openrouter_emulator.last_request("/key").bearer == secret
    with pytest.raises(openrouter_compat.PermissionDeniedError):  # codes are single use
        await resolve(any_client.auth.exchange_code(code=code.id, code_verifier=pkce.verifier))


async def test_pkce_wrong_verifier_is_refused(any_client: Any) -> None:
    pkce = PKCE.generate()
    code = await resolve(
        any_client.auth.create_code(
            callback_url="https://app.example/cb", code_challenge=pkce.challenge, code_challenge_method="S256"
        )
    )
    with pytest.raises(openrouter_compat.PermissionDeniedError, match="Invalid code_verifier"):
        await resolve(
            any_client.auth.exchange_code(
                code=code.id, code_verifier=PKCE.generate().verifier, code_challenge_method="S256"
            )
        )


async def test_auth_arguments_are_validated_before_sending(any_client: Any, openrouter_emulator: Emulator) -> None:
    with pytest.raises(openrouter_compat.OpenRouterValidationError, match="code_challenge_method"):
        await resolve(any_client.auth.create_code(callback_url="https://a.example", code_challenge_method="MD5"))
    with pytest.raises(openrouter_compat.OpenRouterValidationError, match="key_label"):
        await resolve(any_client.auth.create_code(callback_url="https://a.example", key_label="x" * 101))
    assert openrouter_emulator.requests == []


# --- with_raw_response / with_streaming_response ----------------------------------------------------------


def test_raw_response_sync(client: OpenRouter, sync_mgmt: OpenRouter) -> None:
    raw = client.with_raw_response.key.retrieve()
    assert raw.http_response.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert '"data"' in raw.text
    key = raw.parse()
    assert isinstance(key, Key) and key.is_management_key is False
    credits = sync_mgmt.with_raw_response.credits.retrieve().parse()
    assert isinstance(credits, Credits) and credits.total_credits == 100
    rows = sync_mgmt.with_raw_response.activity.list().parse()
    assert rows == []
    created = sync_mgmt.keys.with_raw_response.create(name="via-resource")
    assert created.status_code == 201 and isinstance(created.parse(), KeyCreated)


async def test_raw_response_async(async_client: AsyncOpenRouter, async_mgmt: AsyncOpenRouter) -> None:
    raw = await async_client.with_raw_response.key.retrieve()
    assert raw.headers["content-type"].startswith("application/json")
    key = raw.parse()
    assert isinstance(key, Key)
    credits = (await async_mgmt.with_raw_response.credits.retrieve()).parse()
    assert isinstance(credits, Credits)
    created = (await async_mgmt.with_raw_response.keys.create(name="raw")).parse()
    listed = (await async_mgmt.keys.with_raw_response.list()).parse()
    assert [k.hash for k in listed] == [created.data.hash]


def test_raw_response_generation_wait_sync(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    completion = client.chat.completions.create(model=MODEL, messages=MESSAGES)
    openrouter_emulator.generation_not_ready_for = 1
    raw = client.with_raw_response.generations.retrieve(completion.id, wait=2)
    assert raw.parse().total_cost == pytest.approx(completion.usage.cost if completion.usage else 0)
    assert len(openrouter_emulator.requests_to("/generation")) == 2


def test_streaming_response_sync(client: OpenRouter, sync_mgmt: OpenRouter) -> None:
    with client.with_streaming_response.key.retrieve() as response:
        assert response.headers["content-type"].startswith("application/json")
        key = response.parse()
    assert isinstance(key, Key)
    with sync_mgmt.with_streaming_response.credits.retrieve() as response:
        assert isinstance(response.parse(), Credits)
    created = sync_mgmt.keys.create(name="s")
    with sync_mgmt.with_streaming_response.keys.retrieve(created.data.hash) as response:
        assert response.parse().hash == created.data.hash
    with client.with_streaming_response.auth.create_code(callback_url="https://a.example/cb") as response:
        assert isinstance(response.parse(), AuthCode)


async def test_streaming_response_async(async_client: AsyncOpenRouter, async_mgmt: AsyncOpenRouter) -> None:
    async with async_client.with_streaming_response.key.retrieve() as response:
        assert isinstance(await response.parse(), Key)
    async with async_mgmt.with_streaming_response.credits.retrieve() as response:
        assert isinstance(await response.parse(), Credits)
    async with async_mgmt.with_streaming_response.activity.list() as response:
        assert await response.parse() == []
    completion = await async_client.chat.completions.create(model=MODEL, messages=MESSAGES)
    async with async_client.generations.with_streaming_response.retrieve(completion.id) as response:
        generation = await response.parse()
    assert isinstance(generation, Generation) and generation.id == completion.id


def test_streaming_response_keeps_management_key_error(client: OpenRouter) -> None:
    with (
        pytest.raises(openrouter_compat.PermissionDeniedError, match="management key"),
        client.with_streaming_response.credits.retrieve(),
    ):
        pass


async def test_expiry_datetimes_are_sent_as_utc(mgmt: Any, any_client: Any, openrouter_emulator: Emulator) -> None:
    paris = datetime.timezone(datetime.timedelta(hours=2))
    await resolve(mgmt.keys.create(name="tz", expires_at=datetime.datetime(2030, 6, 1, 12, 0, tzinfo=paris)))
    assert openrouter_emulator.last_request("/keys").json["expires_at"] == "2030-06-01T10:00:00Z"
    await resolve(mgmt.keys.create(name="str", expires_at="2031-01-01T00:00:00Z"))
    assert openrouter_emulator.last_request("/keys").json["expires_at"] == "2031-01-01T00:00:00Z"
    await resolve(any_client.auth.create_code(callback_url="https://a.example", expires_at=None))
    assert openrouter_emulator.last_request("/auth/keys/code").json == {
        "callback_url": "https://a.example",
        "expires_at": None,
    }
