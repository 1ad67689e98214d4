"""The drop-in clients: where the key and URL come from, what never leaks from OpenAI's environment,
app attribution headers, `openai`'s constructor arguments, `copy()`/`with_options()` and `repr()`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx2
import openai
import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter, OpenRouterConfigError
from openrouter_compat.testing import Emulator, Fault

MESSAGES: Any = [{"role": "user", "content": "hello"}]
MODEL = "openai/gpt-4o-mini"
OPENROUTER_ENV = (
    "OPENROUTER_API_KEY",
    "OPENROUTER_BASE_URL",
    "OPENROUTER_APP_URL",
    "OPENROUTER_APP_TITLE",
    "OPENROUTER_APP_CATEGORIES",
)
OPENAI_ENV = {
    "OPENAI_API_KEY": "sk-openai-leaked-key",
    "OPENAI_ORG_ID": "org-leaked",
    "OPENAI_PROJECT_ID": "proj-leaked",
    "OPENAI_CUSTOM_HEADERS": "Authorization: Bearer sk-custom-leaked\nX-Leaked-Custom: yes",
    "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
}
LEAKED = ("openai-organization", "openai-project", "x-leaked-custom")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests start with none of the variables the clients could read."""
    for name in (*OPENROUTER_ENV, *OPENAI_ENV, "OPENAI_ADMIN_KEY", "OPENAI_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    yield


def _last_chat(emu: Emulator) -> Any:
    return emu.requests_to("/chat/completions")[-1]


# --------------------------------------------------------------------------------- key and base URL


@pytest.mark.parametrize("cls", [OpenRouter, AsyncOpenRouter])
def test_base_url_defaults_to_openrouter(cls: type[OpenRouter]) -> None:
    assert str(cls(api_key="sk-or-x").base_url) == "https://openrouter.ai/api/v1/"


@pytest.mark.parametrize("cls", [OpenRouter, AsyncOpenRouter])
def test_base_url_from_openrouter_env_not_openai_env(cls: type[OpenRouter], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.openai.com/v1")
    assert str(cls(api_key="sk-or-x").base_url) == "https://openrouter.ai/api/v1/"
    monkeypatch.setenv("OPENROUTER_BASE_URL", "http://127.0.0.1:1234/api/v1")
    assert str(cls(api_key="sk-or-x").base_url) == "http://127.0.0.1:1234/api/v1/"
    assert str(cls(api_key="sk-or-x", base_url="http://example.test/v1").base_url) == "http://example.test/v1/"


@pytest.mark.parametrize("cls", [OpenRouter, AsyncOpenRouter])
def test_key_from_argument_or_env(cls: type[OpenRouter], monkeypatch: pytest.MonkeyPatch) -> None:
    assert cls(api_key="sk-or-arg").api_key == "sk-or-arg"
    monkeypatch.setenv("OPENROUTER_API_KEY", "sk-or-env")
    assert cls().api_key == "sk-or-env"
    assert cls(api_key="sk-or-arg").api_key == "sk-or-arg"


@pytest.mark.parametrize("cls", [OpenRouter, AsyncOpenRouter])
def test_no_key_is_a_clear_error_even_with_openai_key(cls: type[OpenRouter], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    with pytest.raises(OpenRouterConfigError, match="OPENROUTER_API_KEY"):
        cls()
    with pytest.raises(openai.OpenAIError):  # still catchable as openai's base error
        cls(api_key="")


# ------------------------------------------------------------------------------- OpenAI env isolation


def _set_openai_env(monkeypatch: pytest.MonkeyPatch, emu: Emulator) -> None:
    for name, value in OPENAI_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("OPENROUTER_API_KEY", emu.api_key)
    monkeypatch.setenv("OPENROUTER_BASE_URL", emu.base_url)


def _assert_clean(request: Any, key: str) -> None:
    assert request.headers["authorization"] == f"Bearer {key}"
    for name in LEAKED:
        assert name not in request.headers, f"{name} leaked from OpenAI's environment"


def _assert_leaky(request: Any) -> None:
    """The plain `openai` client in the same environment does send OpenAI's settings (the test can fail)."""
    assert request.headers["authorization"] == "Bearer sk-custom-leaked"
    assert request.headers["openai-organization"] == "org-leaked"
    assert request.headers["openai-project"] == "proj-leaked"
    assert request.headers["x-leaked-custom"] == "yes"


def test_openai_environment_never_reaches_openrouter(
    openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    emu = openrouter_emulator
    _set_openai_env(monkeypatch, emu)
    with OpenRouter(max_retries=0) as client:
        assert str(client.base_url) == emu.base_url.rstrip("/") + "/"
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
        _assert_clean(_last_chat(emu), emu.api_key)
        client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True).close()
        _assert_clean(_last_chat(emu), emu.api_key)
        copied = client.with_options(timeout=5)
        copied.chat.completions.create(model=MODEL, messages=MESSAGES)
        _assert_clean(_last_chat(emu), emu.api_key)
    with openai.OpenAI(base_url=emu.base_url, max_retries=0) as plain, pytest.raises(openai.AuthenticationError):
        plain.chat.completions.create(model=MODEL, messages=MESSAGES)  # the OpenAI key is no OpenRouter key
    _assert_leaky(_last_chat(emu))


async def test_openai_environment_never_reaches_openrouter_async(
    openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    emu = openrouter_emulator
    _set_openai_env(monkeypatch, emu)
    async with AsyncOpenRouter(max_retries=0) as client:
        await client.chat.completions.create(model=MODEL, messages=MESSAGES)
        _assert_clean(_last_chat(emu), emu.api_key)
        stream = await client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
        await stream.close()
        _assert_clean(_last_chat(emu), emu.api_key)
    async with openai.AsyncOpenAI(base_url=emu.base_url, max_retries=0) as plain:
        with pytest.raises(openai.AuthenticationError):  # the OpenAI key is no OpenRouter key
            await plain.chat.completions.create(model=MODEL, messages=MESSAGES)
    _assert_leaky(_last_chat(emu))


def test_openai_org_and_project_headers_are_never_sent(openrouter_emulator: Emulator) -> None:
    """OpenRouter has no organizations or projects: even explicit values stay out of the request."""
    emu = openrouter_emulator
    with OpenRouter(api_key=emu.api_key, base_url=emu.base_url, organization="org-mine", project="p") as client:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert "openai-organization" not in _last_chat(emu).headers
    assert "openai-project" not in _last_chat(emu).headers


# ---------------------------------------------------------------------------------- app attribution

ATTRIBUTION = {
    "http-referer": "https://myapp.example",
    "x-openrouter-title": "My App",
    "x-title": "My App",
    "x-openrouter-categories": "cli-agent,coding",
}


def _assert_attribution(request: Any, expected: dict[str, str]) -> None:
    for name, value in expected.items():
        assert request.headers.get(name) == value, name


def test_app_attribution_from_arguments(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with OpenRouter(
        api_key=emu.api_key,
        base_url=emu.base_url,
        app_url="https://myapp.example",
        app_title="My App",
        app_categories=["cli-agent", "coding"],
    ) as client:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
        _assert_attribution(_last_chat(emu), ATTRIBUTION)
        client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True).close()
        _assert_attribution(_last_chat(emu), ATTRIBUTION)


async def test_app_attribution_from_env_async(openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    emu = openrouter_emulator
    monkeypatch.setenv("OPENROUTER_APP_URL", "https://myapp.example")
    monkeypatch.setenv("OPENROUTER_APP_TITLE", "My App")
    monkeypatch.setenv("OPENROUTER_APP_CATEGORIES", "cli-agent, coding")
    async with AsyncOpenRouter(api_key=emu.api_key, base_url=emu.base_url) as client:
        await client.chat.completions.create(model=MODEL, messages=MESSAGES)
    _assert_attribution(_last_chat(emu), ATTRIBUTION)


def test_app_attribution_env_fallback_and_argument_wins(
    openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    emu = openrouter_emulator
    monkeypatch.setenv("OPENROUTER_APP_TITLE", "From Env")
    monkeypatch.setenv("OPENROUTER_APP_URL", "https://env.example")
    with OpenRouter(api_key=emu.api_key, base_url=emu.base_url, app_title="From Arg") as client:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
    _assert_attribution(
        _last_chat(emu),
        {"x-openrouter-title": "From Arg", "x-title": "From Arg", "http-referer": "https://env.example"},
    )


def test_no_attribution_headers_when_unset(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with OpenRouter(api_key=emu.api_key, base_url=emu.base_url) as client:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
    for name in ATTRIBUTION:
        assert name not in _last_chat(emu).headers


# ------------------------------------------------------------------------- openai constructor arguments


def test_openai_constructor_arguments_work(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    sent: list[httpx2.Request] = []
    http = httpx2.Client(event_hooks={"request": [sent.append]})
    with OpenRouter(
        api_key=emu.api_key,
        base_url=emu.base_url,
        timeout=7.5,
        max_retries=1,
        default_headers={"X-Team": "search"},
        default_query={"tenant": "t1"},
        http_client=http,
    ) as client:
        assert client.timeout == 7.5
        assert client.max_retries == 1
        emu.queue("/chat/completions", Fault.rate_limited(retry_after=0))
        result = client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert result.choices[0].message.content
    requests = emu.requests_to("/chat/completions")
    assert len(requests) == 2  # one retry after the 429
    assert len(sent) == 2  # both went through the caller's http_client
    for request in requests:
        assert request.headers["x-team"] == "search"
        assert request.query["tenant"] == "t1"
        assert request.headers["x-stainless-read-timeout"] == "7.5"


async def test_openai_constructor_arguments_work_async(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    sent: list[httpx2.Request] = []

    async def hook(request: httpx2.Request) -> None:
        sent.append(request)

    http = httpx2.AsyncClient(event_hooks={"request": [hook]})
    async with AsyncOpenRouter(
        api_key=emu.api_key,
        base_url=emu.base_url,
        timeout=7.5,
        max_retries=0,
        default_headers={"X-Team": "search"},
        default_query={"tenant": "t1"},
        http_client=http,
    ) as client:
        emu.queue("/chat/completions", Fault.rate_limited(retry_after=0))
        with pytest.raises(openai.RateLimitError):
            await client.chat.completions.create(model=MODEL, messages=MESSAGES)
        await client.chat.completions.create(model=MODEL, messages=MESSAGES)
    requests = emu.requests_to("/chat/completions")
    assert len(requests) == 2 == len(sent)  # max_retries=0: the 429 was not retried
    assert requests[-1].headers["x-team"] == "search"
    assert requests[-1].query["tenant"] == "t1"
    assert requests[-1].headers["x-stainless-read-timeout"] == "7.5"


# -------------------------------------------------------------------------------- copy / with_options


@pytest.mark.parametrize("method", ["copy", "with_options"])
def test_copy_keeps_subclass_and_settings(openrouter_emulator: Emulator, method: str) -> None:
    emu = openrouter_emulator
    client = OpenRouter(
        api_key=emu.api_key,
        base_url=emu.base_url,
        app_url="https://myapp.example",
        app_title="My App",
        app_categories="cli-agent,coding",
        default_headers={"X-Team": "search"},
    )
    copied = getattr(client, method)(timeout=3.0)
    assert type(copied) is OpenRouter
    assert copied.openrouter_settings == client.openrouter_settings
    assert copied.timeout == 3.0
    copied.chat.completions.create(model=MODEL, messages=MESSAGES)
    _assert_attribution(_last_chat(emu), {**ATTRIBUTION, "x-team": "search"})

    changed = getattr(copied, method)(app_title="Other", app_categories=["research"])
    assert changed.openrouter_settings.app_title == "Other"
    assert changed.openrouter_settings.app_url == "https://myapp.example"
    changed.chat.completions.create(model=MODEL, messages=MESSAGES)
    _assert_attribution(
        _last_chat(emu),
        {
            "x-openrouter-title": "Other",
            "x-title": "Other",
            "x-openrouter-categories": "research",
            "http-referer": "https://myapp.example",
            "x-team": "search",
        },
    )
    copied.chat.completions.create(model=MODEL, messages=MESSAGES)  # the original copy is unchanged
    _assert_attribution(_last_chat(emu), ATTRIBUTION)


async def test_copy_keeps_subclass_and_settings_async(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    client = AsyncOpenRouter(api_key=emu.api_key, base_url=emu.base_url, app_title="My App")
    copied = client.with_options(max_retries=0, app_url="https://myapp.example")
    assert type(copied) is AsyncOpenRouter
    assert copied.max_retries == 0
    assert copied.openrouter_settings.app_title == "My App"
    await copied.chat.completions.create(model=MODEL, messages=MESSAGES)
    _assert_attribution(
        _last_chat(emu), {"x-title": "My App", "x-openrouter-title": "My App", "http-referer": "https://myapp.example"}
    )
    assert type(client.copy()) is AsyncOpenRouter


def test_copy_resources_are_ours(openrouter_emulator: Emulator) -> None:
    """Typed extras still work on a copy (resources are rebuilt for the copy, not shared)."""
    emu = openrouter_emulator
    copied = OpenRouter(api_key=emu.api_key, base_url=emu.base_url).with_options(max_retries=0)
    copied.chat.completions.create(model=MODEL, messages=MESSAGES, provider={"sort": "price"})
    assert _last_chat(emu).json["provider"] == {"sort": "price"}


# ------------------------------------------------------------------------------------------- repr


@pytest.mark.parametrize("cls", [OpenRouter, AsyncOpenRouter])
def test_repr_never_shows_the_key(cls: type[OpenRouter]) -> None:
    key = "sk-or-v1-" + "a1b2c3d4" * 8
    client = cls(api_key=key, app_title="My App")
    for text in (repr(client), str(client), repr(client.with_options(timeout=1)), f"{client!r}"):
        assert key not in text
        assert "a1b2c3d4" not in text
    assert "My App" in repr(client)
    assert cls.__name__ in repr(client)
