"""Rewrite rule: the official `openrouter` SDK -> our client's `openai` surface (calls, results, errors)."""

from __future__ import annotations

from migrate_support import after, dedent, hand_lines, migrate, notes


def test_sync_client_call_and_options() -> None:
    out = after(
        """
        import os
        from openrouter import OpenRouter

        with OpenRouter(api_key=os.getenv("OPENROUTER_API_KEY", ""), http_referer="https://a.example",
                        x_open_router_title="A", x_open_router_categories="cli", timeout_ms=120_000) as client:
            res = client.chat.send(model="m", messages=[], timeout_ms=ms, http_headers={"X-A": "1"}, top_k=2)
            print(res.choices[0].message.content)
        """
    )
    assert out.startswith('from openrouter_compat import OpenRouter\n\nwith OpenRouter(app_url="https://a.example",\n')
    assert '                app_title="A", app_categories="cli", timeout=120.0) as client:\n' in out
    assert (
        'res = client.chat.completions.create(model="m", messages=[], timeout=ms / 1000, extra_headers={"X-A": "1"}, '
        "top_k=2)"
    ) in out


def test_async_use_picks_the_async_client_and_async_with() -> None:
    out = after(
        """
        from openrouter import OpenRouter
        from openrouter.components import SystemMessage, UserMessage


        class Service:
            def __init__(self) -> None:
                self.router = OpenRouter(api_key="k")

            async def chat(self, text: str) -> str:
                with self.router as router:
                    res = await router.chat.send_async(
                        model="m", messages=[SystemMessage(content="be brief"), UserMessage(content=text)]
                    )
                    models = await router.models.list_async()
                return res.choices[0].message.content
        """
    )
    assert "from openrouter_compat import AsyncOpenRouter" in out
    assert 'self.router = AsyncOpenRouter(api_key="k")' in out
    assert "async with self.router as router:" in out
    assert "await router.chat.completions.create(" in out
    assert '[{"role": "system", "content": "be brief"}, {"role": "user", "content": text}]' in out
    assert "await router.models.list()" in out
    assert "openrouter.components" not in out


def test_fields_with_no_openai_keyword_go_to_extra_body() -> None:
    out = after(
        """
        from openrouter import OpenRouter

        client = OpenRouter()
        client.chat.send(model="m", messages=[], provider={"sort": "price"}, brand_new_field={"x": 1})
        """
    )
    assert 'provider={"sort": "price"}, extra_body={"brand_new_field": {"x": 1}}' in out


def test_platform_results_lose_their_data_wrapper() -> None:
    outcome = migrate(
        """
        from openrouter import OpenRouter


        def report(client: OpenRouter, generation_id: str) -> None:
            credits = client.credits.get_credits()
            print(credits.data.total_credits)
            print(client.generations.get_generation(id=generation_id).data.total_cost)
            print(client.api_keys.get_current_key_metadata().data.label)
            for key in client.api_keys.list().data:
                print(key.name)
        """
    )
    out = outcome.result
    assert "credits = client.credits.retrieve()" in out and "print(credits.total_credits)" in out
    assert "client.generations.retrieve(id=generation_id).total_cost" in out
    assert "client.key.retrieve().label" in out
    assert "for key in client.keys.list():" in out
    assert any("no `.data` wrapper" in line for line in notes(outcome))


def test_errors_map_to_ours_with_their_attributes() -> None:
    out = after(
        """
        from openrouter import OpenRouter, errors

        client = OpenRouter()
        try:
            client.chat.send(model="m", messages=[])
        except errors.TooManyRequestsResponseError:
            pass
        except errors.NoResponseError:
            pass
        except errors.OpenRouterError as e:
            print(e.status_code, e.body, e.headers)
        """
    )
    assert "except RateLimitError:" in out and "except APIConnectionError:" in out
    assert "except APIStatusError as e:" in out
    assert "print(e.status_code, e.response.text, e.response.headers)" in out
    assert "from openrouter_compat import OpenRouter, RateLimitError" in out or (
        "RateLimitError" in out and "from openrouter_compat import" in out
    )
    assert "from openai import APIConnectionError, APIStatusError" in out
    assert "errors" not in out.replace("# errors", "")


def test_component_types_keep_their_names() -> None:
    out = after(
        """
        from openrouter import OpenRouter
        from openrouter.components import MessageTypedDict


        def ask(client: OpenRouter, history: list[MessageTypedDict]) -> str:
            return client.chat.send(model="m", messages=history).choices[0].message.content
        """
    )
    assert "from openai.types.chat import ChatCompletionMessageParam as MessageTypedDict" in out
    assert "def ask(client: OpenRouter, history: list[MessageTypedDict]) -> str:" in out


def _left_as_is(code: str, expected: str) -> None:
    source = dedent(code)
    outcome = migrate(source)
    assert outcome.result == source
    lines = hand_lines(outcome)
    assert lines and all("file left as it was" in line for line in lines)
    assert any(expected in line for line in lines), lines


def test_sync_and_async_in_one_file_is_hand_work() -> None:
    _left_as_is(
        """
        from openrouter import OpenRouter

        client = OpenRouter()
        client.chat.send(model="m", messages=[])


        async def later() -> None:
            await client.chat.send_async(model="m", messages=[])
        """,
        "both sync",
    )


def test_a_literal_retry_config_becomes_a_retry_policy() -> None:
    outcome = migrate(
        """
        from openrouter import OpenRouter
        from openrouter.utils import BackoffStrategy, RetryConfig

        client = OpenRouter(retry_config=RetryConfig("backoff", BackoffStrategy(1000, 4000, 2, 10000), True))
        client.chat.send(model="m", messages=[])
        """
    )
    # waits of 1.5, 2.5 and 4 s (the official SDK's average jitter counted) fit in 10 s, a fourth would not
    assert (
        "client = OpenRouter(retry_policy=RetryPolicy(max_retries=3, initial_backoff=1.0, max_backoff=4.0, "
        "total_timeout=10.0, retry_connection_errors=True))"
    ) in outcome.result
    assert "openrouter.utils" not in outcome.result and "RetryPolicy" in outcome.result.splitlines()[0]
    assert any("retry_config became RetryPolicy" in line for line in notes(outcome))
    assert "RetryPolicy(max_retries=0)" in after(
        """
        from openrouter import OpenRouter
        from openrouter.utils import BackoffStrategy, RetryConfig

        client = OpenRouter(retry_config=RetryConfig("none", BackoffStrategy(1, 1, 1, 1), False))
        """
    )


def test_a_retry_config_not_written_with_literals_is_hand_work() -> None:
    _left_as_is(
        """
        from openrouter import OpenRouter
        from openrouter.utils import BackoffStrategy, RetryConfig

        config = RetryConfig("backoff", BackoffStrategy(1, 2, 3, 4), True)
        client = OpenRouter(retry_config=config)
        client.chat.send(model="m", messages=[])
        """,
        "retry_policy=RetryPolicy",
    )


def test_an_unknown_resource_and_a_client_built_elsewhere_are_hand_work() -> None:
    _left_as_is(
        """
        from openrouter import OpenRouter

        client = OpenRouter()
        client.analytics.get_user_activity()
        """,
        "analytics.get_user_activity",
    )
    _left_as_is(
        """
        async def narrate(llm, model):
            return await llm.chat.send_async(model=model, messages=[])
        """,
        "not built in this file",
    )


def test_other_clients_named_like_ours_are_left_alone() -> None:
    out = after(
        """
        from google import genai
        from openrouter import OpenRouter

        client = genai.Client()
        client.interactions.create(model="g", input="x")
        with OpenRouter() as client:
            client.chat.send(model="m", messages=[])
        """
    )
    assert 'client.interactions.create(model="g", input="x")' in out
    assert 'client.chat.completions.create(model="m", messages=[])' in out


def test_creating_a_key_reads_its_secret_with_get_secret_value() -> None:
    outcome = migrate(
        """
        from openrouter import OpenRouter

        client = OpenRouter()
        created = client.api_keys.create(name="ci")
        print(created.data.name, created.key)
        """
    )
    assert 'created = client.keys.create(name="ci")' in outcome.result
    assert "print(created.data.name, created.key.get_secret_value())" in outcome.result
    assert any("SecretStr" in line for line in notes(outcome)) and not hand_lines(outcome)


def test_a_created_key_used_whole_is_hand_work() -> None:
    _left_as_is(
        """
        from openrouter import OpenRouter

        client = OpenRouter()
        created = client.api_keys.create(name="ci")
        store(created)
        """,
        "used whole",
    )
    _left_as_is(
        """
        from openrouter import OpenRouter

        client = OpenRouter()
        print(client.api_keys.create(name="ci").key)
        """,
        "not assigned to a name",
    )


def test_an_attribute_named_like_the_client_is_not_renamed() -> None:
    out = after(
        """
        from openrouter import OpenRouter

        registry.OpenRouter = None


        async def ask() -> None:
            async with OpenRouter() as client:
                await client.chat.send_async(model="m", messages=[])
        """
    )
    assert "registry.OpenRouter = None" in out and "async with AsyncOpenRouter() as client:" in out
