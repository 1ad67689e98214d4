"""Rewrite rule: the `openai` SDK pointed at OpenRouter by `base_url` -> OpenRouter / AsyncOpenRouter."""

from __future__ import annotations

import pytest
from migrate_support import after, dedent, hand_lines, migrate, notes


def test_constructor_drops_our_defaults_and_swaps_the_import() -> None:
    assert after(
        """
        import os
        from openai import OpenAI

        client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.getenv("OPENROUTER_API_KEY"))
        """
    ) == dedent(
        """
        from openrouter_compat import OpenRouter

        client = OpenRouter()
        """
    )


@pytest.mark.parametrize("env", ["OPENROUTER_KEY", "OPEN_ROUTER_API_KEY", "OPENAI_API_KEY"])
def test_a_key_from_another_variable_is_kept(env: str) -> None:
    out = after(
        f"""
        import os
        from openai import AsyncOpenAI

        client = AsyncOpenAI(api_key=os.environ["{env}"], base_url="https://openrouter.ai/api/v1/")
        """
    )
    assert f'client = AsyncOpenRouter(api_key=os.environ["{env}"])' in out
    assert "from openrouter_compat import AsyncOpenRouter" in out
    assert "import os" in out
    assert "openai" not in out.replace("openrouter_compat", "")


def test_no_key_means_openai_api_key_as_before() -> None:
    outcome = migrate(
        """
        from openai import OpenAI

        client = OpenAI(base_url="https://openrouter.ai/api/v1")
        """
    )
    assert 'client = OpenRouter(api_key=os.environ["OPENAI_API_KEY"])' in outcome.result
    assert "import os" in outcome.result
    assert any("OPENAI_API_KEY" in line for line in notes(outcome))


def test_base_url_from_a_constant_or_from_our_env_default() -> None:
    out = after(
        """
        import os
        import openai

        BASE = "https://openrouter.ai/api/v1"
        a = openai.OpenAI(base_url=BASE, api_key="k")
        b = openai.OpenAI(base_url=os.getenv("OPENROUTER_BASE_URL", BASE), api_key="k")
        """
    )
    assert 'a = OpenRouter(api_key="k")' in out
    assert 'b = OpenRouter(api_key="k")' in out
    assert "import openai\n" not in out


def test_attribution_headers_become_constructor_arguments() -> None:
    outcome = migrate(
        """
        from openai import OpenAI

        client = OpenAI(
            base_url="https://openrouter.ai/api/v1",
            api_key="sk-or-test",
            default_headers={
                "HTTP-Referer": "https://example.com",
                "X-Title": "My app",
                "X-Custom": "kept",
                "X-OpenRouter-Categories": "<YOUR_CATEGORIES>",
            },
        )
        """
    )
    assert outcome.result == dedent(
        """
        from openrouter_compat import OpenRouter

        client = OpenRouter(
            api_key="sk-or-test",
            default_headers={
                "X-Custom": "kept",
            },
            app_url="https://example.com",
            app_title="My app",
        )
        """
    )
    assert any("placeholder" in line for line in notes(outcome))


def test_openrouter_fields_leave_extra_body_on_our_client_only() -> None:
    out = after(
        """
        from openai import OpenAI

        router = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")
        plain = OpenAI(api_key="sk-openai")

        router.chat.completions.create(
            model="m", messages=[], extra_body={"provider": {"sort": "price"}, "transforms": ["x"], "mine": 1}
        )
        router.with_options(timeout=5).chat.completions.create(model="m", messages=[], extra_body={"route": "fallback"})
        router.chat.completions.create(model="m", messages=[], models=["a"], extra_body={"models": ["b"]})
        router.chat.completions.create(model="m", messages=[], extra_body={})
        plain.chat.completions.create(model="m", messages=[], extra_body={"provider": {"sort": "price"}})
        """
    )
    assert 'extra_body={"mine": 1}, provider={"sort": "price"}, transforms=["x"]' in out
    assert 'router.with_options(timeout=5).chat.completions.create(model="m", messages=[], route="fallback")' in out
    assert 'models=["a"], extra_body={"models": ["b"]}' in out  # given twice: left for the user to decide
    assert 'router.chat.completions.create(model="m", messages=[])\n' in out
    assert 'plain.chat.completions.create(model="m", messages=[], extra_body={"provider": {"sort": "price"}})' in out
    assert "plain = OpenAI(" in out and "from openai import OpenAI" in out


def test_clients_held_by_attributes_and_factories_are_followed() -> None:
    out = after(
        """
        from openai import OpenAI

        _client: OpenAI | None = None


        def get_client() -> OpenAI:
            return OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")


        class Bot:
            def __init__(self) -> None:
                self._client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")

            def ask(self) -> None:
                self._client.chat.completions.create(model="m", messages=[], extra_body={"usage": {"include": True}})
                get_client().chat.completions.create(model="m", messages=[], extra_body={"top_k": 3})
        """
    )
    assert 'usage={"include": True}' in out and "top_k=3" in out
    assert "from openai import OpenAI" in out  # still named in annotations: kept (ours subclass it)


def test_per_call_placeholder_headers_go_real_ones_stay() -> None:
    outcome = migrate(
        """
        from openai import OpenAI

        client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")
        client.chat.completions.create(model="m", messages=[], extra_headers={"HTTP-Referer": "<YOUR_SITE_URL>"})
        client.chat.completions.create(model="m", messages=[], extra_headers={"X-Title": "Real"})
        """
    )
    assert 'client.chat.completions.create(model="m", messages=[])\n' in outcome.result
    assert 'extra_headers={"X-Title": "Real"}' in outcome.result
    assert any("app_url=/app_title=" in line for line in notes(outcome))


def test_clients_for_other_hosts_are_not_touched() -> None:
    source = dedent(
        """
        from openai import OpenAI

        client = OpenAI(base_url="https://api.together.xyz/v1", api_key="k")
        """
    )
    outcome = migrate(source)
    assert outcome.result == source and outcome.findings == []


def test_a_base_url_from_settings_is_reported_not_guessed() -> None:
    outcome = migrate(
        """
        from openai import OpenAI
        from config import settings

        DOCS = "https://openrouter.ai/api/v1 is the endpoint"
        client = OpenAI(base_url=settings.base_url)
        """
    )
    assert "OpenAI(base_url=settings.base_url)" in outcome.result
    assert hand_lines(outcome) and "nothing here the tool can rewrite" in hand_lines(outcome)[0]


def test_openai_before_1_0_module_settings_are_hand_work() -> None:
    outcome = migrate(
        """
        import openai

        openai.api_base = "https://openrouter.ai/api/v1"
        reply = openai.ChatCompletion.create(model="m", messages=[])
        """
    )
    assert not outcome.changed
    assert hand_lines(outcome)[0].startswith("3: module-level openai settings")


def test_comments_and_layout_survive() -> None:
    out = after(
        """
        from openai import OpenAI  # the SDK

        # OpenRouter, through the openai SDK
        client = OpenAI(
            base_url="https://openrouter.ai/api/v1",  # their endpoint
            api_key="k",  # from the vault
        )
        """
    )
    assert "# OpenRouter, through the openai SDK" in out
    assert 'api_key="k",  # from the vault' in out


def test_nothing_moves_out_of_extra_body_when_the_call_has_double_star_arguments() -> None:
    out = after(
        """
        from openai import OpenAI

        client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")
        client.chat.completions.create(**params, extra_body={"provider": {"sort": "price"}})
        """
    )
    assert 'client.chat.completions.create(**params, extra_body={"provider": {"sort": "price"}})' in out


def test_attribution_repeated_on_every_call_moves_to_the_client() -> None:
    outcome = migrate(
        """
        from openai import OpenAI

        SITE = "https://example.com"
        client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")
        a = client.chat.completions.create(model="m", messages=[], extra_headers={"HTTP-Referer": SITE, "X-Title": "A"})
        b = client.chat.completions.create(model="m", messages=[], extra_headers={"X-Title": "A", "HTTP-Referer": SITE})
        """
    )
    out = outcome.result
    assert 'client = OpenRouter(api_key="k", app_url=SITE, app_title="A")' in out
    assert 'a = client.chat.completions.create(model="m", messages=[])' in out
    assert 'b = client.chat.completions.create(model="m", messages=[])' in out


def test_attribution_that_differs_per_call_stays_per_call() -> None:
    out = after(
        """
        from openai import OpenAI

        client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")
        a = client.chat.completions.create(model="m", messages=[], extra_headers={"X-Title": "A"})
        b = client.chat.completions.create(model="m", messages=[], extra_headers={"X-Title": name})
        c = client.chat.completions.create(model="m", messages=[])
        """
    )
    assert 'client = OpenRouter(api_key="k")' in out
    assert out.count("extra_headers=") == 2


@pytest.mark.parametrize(("alias", "ours"), [("Client", "OpenRouter"), ("AsyncClient", "AsyncOpenRouter")])
def test_openai_client_aliases_are_converted_like_the_classes(alias: str, ours: str) -> None:
    # openai exports `Client = OpenAI` and `AsyncClient = AsyncOpenAI` (openai/_client.py); a corpus file uses them
    out = after(
        f"""
        import os
        import openai
        from openai import {alias}

        client = {alias}(base_url="https://openrouter.ai/api/v1", api_key=os.getenv("OPENROUTER_API_KEY"))
        other = openai.{alias}(base_url="https://openrouter.ai/api/v1", api_key=os.getenv("OPENROUTER_API_KEY"))
        """
    )
    assert f"from openrouter_compat import {ours}" in out
    assert f"client = {ours}()" in out and f"other = {ours}()" in out
    assert "openai" not in out.replace("openrouter_compat", "")
