"""Rewrite rule: LangChain chat models pointed at OpenRouter -> a stock ChatOpenAI handed our clients."""

from __future__ import annotations

from migrate_support import after, dedent, hand_lines, migrate, notes

CLIENTS = (
    "client=openrouter_client.chat.completions",
    "root_client=openrouter_client",
    "async_client=openrouter_async_client.chat.completions",
    "root_async_client=openrouter_async_client",
)


def test_chat_openai_gets_our_clients_and_loses_what_configured_its_own() -> None:
    assert after(
        """
        import os
        from langchain_openai import ChatOpenAI

        llm = ChatOpenAI(
            model="openai/gpt-4o-mini",
            api_key=os.getenv("OPENROUTER_API_KEY"),
            base_url="https://openrouter.ai/api/v1",
            timeout=30,
            temperature=0,
            default_headers={"HTTP-Referer": "https://example.com"},
        )
        """
    ) == dedent(
        """
        from langchain_openai import ChatOpenAI
        from openrouter_compat import AsyncOpenRouter, OpenRouter

        openrouter_client = OpenRouter(timeout=30, app_url="https://example.com")
        openrouter_async_client = AsyncOpenRouter(timeout=30, app_url="https://example.com")
        llm = ChatOpenAI(
            model="openai/gpt-4o-mini",
            temperature=0,
            client=openrouter_client.chat.completions,
            root_client=openrouter_client,
            async_client=openrouter_async_client.chat.completions,
            root_async_client=openrouter_async_client,
        )
        """
    )


def test_old_parameter_names_another_key_and_two_models_in_one_function() -> None:
    out = after(
        """
        from langchain_openai import ChatOpenAI


        def models(key):
            fast = ChatOpenAI(model_name="a", openai_api_key=key, openai_api_base="https://openrouter.ai/api/v1")
            slow = ChatOpenAI(model_name="b", openai_api_key=key, openai_api_base="https://openrouter.ai/api/v1")
            return fast, slow
        """
    )
    assert "    openrouter_client = OpenRouter(api_key=key)\n    openrouter_async_client = AsyncOpenRouter" in out
    assert "openrouter_client_2 = OpenRouter(api_key=key)" in out
    assert "root_client=openrouter_client_2" in out


def test_no_key_keeps_reading_openai_api_key() -> None:
    outcome = migrate(
        """
        from langchain_openai import ChatOpenAI

        llm = ChatOpenAI(base_url="https://openrouter.ai/api/v1", model="m")
        """
    )
    assert 'OpenRouter(api_key=os.environ["OPENAI_API_KEY"])' in outcome.result
    assert "import os" in outcome.result
    assert notes(outcome)


def test_home_made_subclass_keeps_its_arguments_and_gains_the_clients() -> None:
    out = after(
        """
        import os
        from langchain_openai import ChatOpenAI


        class ChatOpenRouter(ChatOpenAI):
            openai_api_base: str

            def __init__(self, model_name, openai_api_key=None, openai_api_base="https://openrouter.ai/api/v1", **kw):
                openai_api_key = openai_api_key or os.getenv("OPENROUTER_API_KEY")
                super().__init__(openai_api_base=openai_api_base, openai_api_key=openai_api_key,
                                 model_name=model_name, **kw)
        """
    )
    assert "        openrouter_client = OpenRouter(api_key=openai_api_key, base_url=openai_api_base)\n" in out
    assert "super().__init__(openai_api_base=openai_api_base, openai_api_key=openai_api_key," in out
    assert all(part in out for part in CLIENTS)
    assert out.index("root_async_client=openrouter_async_client") < out.rindex("**kw)")


def test_langchain_openrouter_becomes_chat_openai_with_routing() -> None:
    out = after(
        """
        from langchain_openrouter import ChatOpenRouter
        from pydantic import SecretStr

        llm = ChatOpenRouter(model="openai/gpt-4o-mini", api_key=SecretStr(key), reasoning={"effort": "low"},
                             openrouter_provider={"sort": "price"}, app_title="App", temperature=0)
        """
    )
    assert "from langchain_openai import ChatOpenAI" in out and "langchain_openrouter" not in out
    assert (
        'openrouter_client = OpenRouter(api_key=key, app_title="App")'
        '.with_routing(reasoning={"effort": "low"}, provider={"sort": "price"})'
    ) in out
    assert 'llm = ChatOpenAI(model="openai/gpt-4o-mini", temperature=0, client=' in out


def test_langchain_openrouter_with_chat_openai_names_for_url_and_key() -> None:
    """`openai_api_base=`/`openai_api_key=` on langchain_openrouter's class name OpenRouter's URL and key."""
    outcome = migrate(
        """
        import os
        from langchain_openrouter import ChatOpenRouter

        llm = ChatOpenRouter(
            model="m",
            openai_api_base="https://openrouter.ai/api/v1",
            openai_api_key=os.getenv("MY_KEY"),
        )
        proxied = ChatOpenRouter(model="m", openai_api_base="https://openrouter.ai/api/v1/proxy")
        """
    )
    out = outcome.result
    assert "openai_api_base" not in out and "openai_api_key" not in out and "langchain_openrouter" not in out
    assert 'openrouter_client = OpenRouter(api_key=os.getenv("MY_KEY"))' in out
    assert 'OpenRouter(base_url="https://openrouter.ai/api/v1/proxy")' in out
    assert not hand_lines(outcome)
    assert any("ChatOpenAI's names" in line for line in notes(outcome))


def test_langchain_openrouter_with_a_base_that_is_not_openrouter_is_hand_work() -> None:
    source = dedent(
        """
        from langchain_openrouter import ChatOpenRouter

        llm = ChatOpenRouter(model="m", openai_api_base="https://example.test/v1")
        """
    )
    outcome = migrate(source)
    assert outcome.result == source
    assert [line.split(":")[0] for line in hand_lines(outcome)] == ["3"]
    assert "not OpenRouter's URL" in hand_lines(outcome)[0]


def test_what_it_does_not_convert() -> None:
    source = dedent(
        """
        from langchain_community.chat_models import ChatOpenAI as OldChat
        from langchain_openai import ChatOpenAI
        from langchain_openrouter import ChatOpenRouter

        old = OldChat(openai_api_base="https://openrouter.ai/api/v1", openai_api_key="k")
        makers = [lambda: ChatOpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")]
        odd = ChatOpenRouter(model="m", some_new_field=1)
        other = ChatOpenAI(base_url="https://api.openai.com/v1", api_key="k")
        makers.append(OldChat)
        """
    )
    outcome = migrate(source)
    assert outcome.result == source
    lines = hand_lines(outcome)
    assert [line.split(":")[0] for line in lines] == ["5", "6", "7"]
    assert "langchain_openai" in lines[0] and "expression" in lines[1] and "some_new_field" in lines[2]


def test_deprecated_chat_openai_is_imported_from_langchain_openai_when_every_use_allows() -> None:
    out = migrate(
        """
        from langchain_community.chat_models import ChatAnthropic, ChatOpenAI as OldChat

        chat: OldChat = OldChat(
            model_name="m",
            openai_api_base="https://openrouter.ai/api/v1",
            temperature=0,
        )
        """
    )
    assert out.result == dedent(
        """
        from langchain_community.chat_models import ChatAnthropic
        import os
        from langchain_openai import ChatOpenAI as OldChat
        from openrouter_compat import AsyncOpenRouter, OpenRouter

        openrouter_client = OpenRouter(api_key=os.environ["OPENAI_API_KEY"])
        openrouter_async_client = AsyncOpenRouter(api_key=os.environ["OPENAI_API_KEY"])
        chat: OldChat = OldChat(
            model_name="m",
            temperature=0,
            client=openrouter_client.chat.completions,
            root_client=openrouter_client,
            async_client=openrouter_async_client.chat.completions,
            root_async_client=openrouter_async_client,
        )
        """
    )
    assert "1: ChatOpenAI now comes from langchain_openai (langchain_community's is deprecated)" in notes(out)


def test_a_deprecated_subclass_moves_with_its_forwarded_kwargs() -> None:
    out = after(
        """
        from langchain.chat_models import ChatOpenAI


        class ChatOpenRouter(ChatOpenAI):
            def __init__(self, model_name, openai_api_base="https://openrouter.ai/api/v1", **kwargs):
                super().__init__(openai_api_base=openai_api_base, model_name=model_name, **kwargs)
        """
    )
    assert out.startswith("from langchain_openai import ChatOpenAI\n")
    assert "root_client=openrouter_client," in out and out.rstrip().endswith("**kwargs)")


def test_a_deprecated_import_with_nothing_converted_stays() -> None:
    source = dedent(
        """
        from langchain_community.chat_models import ChatOpenAI

        llm = ChatOpenAI(openai_api_base="https://api.example.com/v1")  # openrouter.ai/api is elsewhere
        """
    )
    assert migrate(source).result == source


def test_base_url_from_openai_api_base_set_at_top_level() -> None:
    out = migrate(
        """
        import os
        from langchain_openai import ChatOpenAI

        os.environ["OPENAI_API_KEY"] = os.getenv("OPENROUTER_API_KEY")
        os.environ["OPENAI_API_BASE"] = "https://openrouter.ai/api/v1"
        llm = ChatOpenAI(model="m")
        """
    )
    assert 'openrouter_client = OpenRouter(api_key=os.environ["OPENAI_API_KEY"])' in out.result
    assert 'llm = ChatOpenAI(model="m", client=openrouter_client.chat.completions,' in out.result
    assert any("OPENAI_API_BASE" in line for line in notes(out)) and not hand_lines(out)


def test_openai_api_base_set_later_or_elsewhere_is_not_trusted() -> None:
    source = dedent(
        """
        import os
        from langchain_openai import ChatOpenAI

        early = ChatOpenAI(model="m")
        if os.getenv("USE_OPENROUTER"):
            os.environ["OPENAI_API_BASE"] = "https://openrouter.ai/api/v1"
        late = ChatOpenAI(model="m")
        """
    )
    assert migrate(source).result == source


def test_a_converted_model_is_not_converted_again() -> None:
    source = dedent(
        """
        from langchain_openai import ChatOpenAI
        from openrouter_compat import OpenRouter

        router = OpenRouter()
        llm = ChatOpenAI(model="m", base_url="https://openrouter.ai/api/v1", client=router.chat.completions)
        """
    )
    assert migrate(source).result == source


def test_subclass_with_class_level_base_url_and_an_explicit_key_gets_the_clients() -> None:
    out = after(
        """
        from langchain_openai import ChatOpenAI


        class ChatOpenRouter(ChatOpenAI):
            openai_api_base: str = "https://openrouter.ai/api/v1/"

            def __init__(self, api_key, **kwargs):
                super().__init__(api_key=api_key, **kwargs)
        """
    )
    assert "        openrouter_client = OpenRouter(api_key=api_key)\n" in out
    assert "        openrouter_async_client = AsyncOpenRouter(api_key=api_key)\n" in out
    assert 'openai_api_base: str = "https://openrouter.ai/api/v1/"' in out
    assert all(part in out for part in CLIENTS)
    assert out.index("root_async_client=openrouter_async_client") < out.rindex("**kwargs)")


def test_class_level_base_url_elsewhere_on_openrouter_is_passed_on() -> None:
    out = after(
        """
        from langchain_openai import ChatOpenAI


        class Proxy(ChatOpenAI):
            openai_api_base: str = "https://openrouter.ai/api/v1/proxy"

            def __init__(self, key):
                super().__init__(openai_api_key=key, model="m")
        """
    )
    assert 'openrouter_client = OpenRouter(api_key=key, base_url="https://openrouter.ai/api/v1/proxy")' in out


def test_class_level_base_url_field_or_a_key_through_kwargs_is_hand_work() -> None:
    source = dedent(
        """
        from langchain_openai import ChatOpenAI
        from pydantic import Field, SecretStr
        from langchain_core.utils.utils import secret_from_env


        class ChatOpenRouter(ChatOpenAI):
            openai_api_key: SecretStr = Field(alias="api_key", default_factory=secret_from_env("OPENROUTER_KEY"))
            base_url: str = "https://openrouter.ai/api/v1"

            def __init__(self, **kwargs):
                super().__init__(**kwargs)


        class Forwarding(ChatOpenAI):
            openai_api_base: str = "https://openrouter.ai/api/v1"

            def __init__(self, **kwargs):
                super().__init__(**kwargs)


        class NoInit(ChatOpenAI):
            openai_api_base: str = "https://openrouter.ai/api/v1"
        """
    )
    outcome = migrate(source)
    assert outcome.result == source
    lines = hand_lines(outcome)
    assert [line.split(":")[0] for line in lines] == ["8", "18", "21"]
    assert "declares a new field" in lines[0] and "api.openai.com" in lines[0]
    assert "**kwargs" in lines[1] and "super().__init__(api_key=...)" in lines[1]
    assert "NoInit(ChatOpenAI)" in lines[2] and "class-level openai_api_base" in lines[2]


def test_class_level_base_url_not_at_openrouter_is_left_alone() -> None:
    source = dedent(
        """
        from langchain_openai import ChatOpenAI


        class ChatDeepSeek(ChatOpenAI):
            openai_api_base: str = "https://api.deepseek.com/v1"

            def __init__(self, api_key, **kwargs):
                super().__init__(api_key=api_key, **kwargs)


        note = "see https://openrouter.ai/api/v1 for the other one"
        """
    )
    outcome = migrate(source)
    assert outcome.result == source
    assert hand_lines(outcome) == ["1: langchain: nothing here the tool can rewrite; see docs/migration.md"]
