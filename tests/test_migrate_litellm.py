"""Rewrite rule: LiteLLM `completion`/`acompletion(model="openrouter/...")` -> calls on our client."""

from __future__ import annotations

from migrate_support import after, dedent, hand_lines, migrate, notes


def test_completion_becomes_a_client_call() -> None:
    assert after(
        """
        import os
        from litellm import completion

        response = completion(
            model="openrouter/openai/gpt-4o-mini",
            messages=[{"role": "user", "content": "hi"}],
            api_key=os.getenv("OPENROUTER_API_KEY"),
            api_base="https://openrouter.ai/api/v1",
            drop_params=True,
        )
        print(response.choices[0].message.content)
        """
    ) == dedent(
        '''
        import functools
        from openrouter_compat import OpenRouter


        @functools.cache
        def _openrouter_client(api_key=None):
            """One OpenRouter per key, made on first use (written by `openrouter-compat migrate`)."""
            return OpenRouter(api_key=api_key)


        response = _openrouter_client().chat.completions.create(
            model="openai/gpt-4o-mini",
            messages=[{"role": "user", "content": "hi"}],
        )
        print(response.choices[0].message.content)
        '''
    )


def test_acompletion_with_an_fstring_model_and_a_key() -> None:
    out = after(
        """
        import litellm


        async def ask(vendor, name, key):
            reply = await litellm.acompletion(f"openrouter/{vendor}/{name}", [{"role": "user", "content": "hi"}],
                                              api_key=key, force_timeout=30)
            return reply.choices[0].message.content
        """
    )
    assert "def _async_openrouter_client(api_key=None):" in out and "return AsyncOpenRouter(api_key=api_key)" in out
    assert 'await _async_openrouter_client(key).chat.completions.create(model=f"{vendor}/{name}", ' in out
    assert "timeout=30" in out and "force_timeout" not in out
    assert "import litellm" not in out


def test_constants_and_alias_maps_keep_their_values() -> None:
    out = after(
        """
        import litellm

        MODEL = "openrouter/anthropic/claude-sonnet-4.5"
        MODELS = {"fast": "openrouter/openai/gpt-4o-mini", "slow": "openrouter/openai/gpt-5"}
        a = litellm.completion(model=MODEL, messages=[])
        b = litellm.completion(model=MODELS["fast"], messages=[], extra_body={"provider": {"sort": "price"}})
        """
    )
    assert 'model=MODEL.removeprefix("openrouter/")' in out
    assert 'model=MODELS["fast"].removeprefix("openrouter/"), messages=[], provider={"sort": "price"}' in out
    assert 'MODELS = {"fast": "openrouter/openai/gpt-4o-mini"' in out


def test_results_read_as_dicts_become_attributes() -> None:
    outcome = migrate(
        """
        from litellm import completion

        r = completion(model="openrouter/deepseek/deepseek-r1", messages=[])
        text = r["choices"][0]["message"]["content"]
        calls = r.choices[0].message.get("tool_calls")
        thought = r.choices[0].message.reasoning_content
        other = {"choices": 1}["choices"]
        """
    )
    out = outcome.result
    assert "text = r.choices[0].message.content" in out
    assert "calls = r.choices[0].message.tool_calls" in out
    assert "thought = r.choices[0].message.reasoning" in out
    assert 'other = {"choices": 1}["choices"]' in out
    assert len(notes(outcome)) == 2


def test_litellm_env_names_become_ours_and_the_result_type_too() -> None:
    out = after(
        """
        import os
        import litellm
        from litellm.utils import ModelResponse

        os.environ["OR_SITE_URL"] = "https://example.com"
        os.environ["OR_APP_NAME"] = "App"
        r: ModelResponse = litellm.completion(model="openrouter/openai/gpt-4o-mini", messages=[])
        """
    )
    assert 'os.environ["OPENROUTER_APP_URL"] = "https://example.com"' in out
    assert 'os.environ["OPENROUTER_APP_TITLE"] = "App"' in out
    assert "from openai.types.chat import ChatCompletion as ModelResponse" in out


def test_what_cannot_be_proven_is_reported_and_left() -> None:
    source = dedent(
        """
        import os
        import litellm

        MODEL = os.getenv("MODEL", "openrouter/openai/gpt-4o-mini")
        a = litellm.completion(model=MODEL, messages=[])
        b = litellm.completion(model="openrouter/openai/gpt-4o-mini", messages=[], fallbacks=["gpt-4o"])
        c = litellm.batch_completion(model="openrouter/openai/gpt-4o-mini", messages=[[]])
        d = litellm.completion(model="openrouter/openai/gpt-4o-mini", messages=[], api_base="https://proxy.example/v1")
        e = litellm.completion(model="gpt-4o", messages=[])
        """
    )
    outcome = migrate(source)
    assert outcome.result == source
    lines = hand_lines(outcome)
    assert [line.split(":")[0] for line in lines] == ["5", "6", "7"]
    assert "model comes from `MODEL`" in lines[0]
    assert "fallbacks=" in lines[1] and "batch_completion" in lines[2]


def test_openrouter_fallbacks_become_models_and_retries_the_call_s_max_retries() -> None:
    outcome = migrate(
        """
        import litellm

        FALLBACK = "openrouter/google/gemini-2.5-flash"


        async def ask(messages):
            return await litellm.acompletion(
                model="openrouter/openai/gpt-4o-mini", messages=messages, fallbacks=["openrouter/x/y", FALLBACK],
                num_retries=4,
            )
        """
    )
    out = outcome.result
    assert "await _async_openrouter_client().with_options(max_retries=4).chat.completions.create(" in out
    assert 'models=["openai/gpt-4o-mini", "x/y", "google/gemini-2.5-flash"]' in out
    assert "fallbacks" not in out and "num_retries" not in out and not hand_lines(outcome)


def test_fallbacks_and_retries_that_cannot_be_proven_stay() -> None:
    source = dedent(
        """
        import litellm

        a = litellm.completion(model="openrouter/a/b", messages=[], fallbacks=[{"openrouter/a/b": ["openrouter/c/d"]}])
        b = litellm.completion(model="openrouter/a/b", messages=[], fallbacks=["openrouter/c/d"], models=["e/f"])
        c = litellm.completion(model="openrouter/a/b", messages=[], num_retries=2, max_retries=3)
        """
    )
    outcome = migrate(source)
    assert outcome.result == source
    lines = hand_lines(outcome)
    assert [line.split(":")[0] for line in lines] == ["3", "4", "5"]
    assert "literal `openrouter/...`" in lines[0] and "merge them" in lines[1] and "keep one" in lines[2]


def test_other_providers_stay_on_litellm() -> None:
    out = after(
        """
        import litellm

        a = litellm.completion(model="openrouter/openai/gpt-4o-mini", messages=[])
        b = litellm.completion(model="anthropic/claude-3-5-sonnet", messages=[])
        """
    )
    assert 'b = litellm.completion(model="anthropic/claude-3-5-sonnet", messages=[])' in out
    assert "import litellm" in out


def test_env_names_are_renamed_only_where_they_name_the_environment() -> None:
    out = after(
        """
        import os
        import litellm

        os.environ.setdefault("OR_APP_NAME", "App")
        site = os.getenv("OR_SITE_URL")
        keys = {"OR_SITE_URL": "https://example.com"}
        r = litellm.completion(model="openrouter/openai/gpt-4o-mini", messages=[])
        """
    )
    assert 'os.environ.setdefault("OPENROUTER_APP_TITLE", "App")' in out
    assert 'site = os.getenv("OPENROUTER_APP_URL")' in out
    assert 'keys = {"OR_SITE_URL": "https://example.com"}' in out


def test_streamed_chunks_read_as_dicts_become_attributes() -> None:
    out = after(
        """
        import litellm

        stream = litellm.completion(model="openrouter/openai/gpt-4o-mini", messages=[], stream=True)
        for chunk in stream:
            print(chunk["choices"][0]["delta"]["content"])
        """
    )
    assert "print(chunk.choices[0].delta.content)" in out


def test_custom_llm_provider_openrouter_routes_a_bare_name_the_same_way() -> None:
    out = after(
        """
        import litellm

        MODEL = "mistralai/mistral-7b-instruct"
        reply = litellm.completion(
            model="mistralai/mistral-7b-instruct",
            messages=[{"role": "user", "content": "hi"}],
            api_base="https://openrouter.ai/api/v1",
            custom_llm_provider="openrouter",
        )
        again = litellm.completion(model=MODEL, messages=[], custom_llm_provider="openrouter")
        print(reply["choices"][0]["message"]["content"])
        """
    )
    assert '_openrouter_client().chat.completions.create(\n    model="mistralai/mistral-7b-instruct",' in out
    assert "_openrouter_client().chat.completions.create(model=MODEL, messages=[])" in out
    assert "custom_llm_provider" not in out and "api_base" not in out and "import litellm" not in out
    assert "print(reply.choices[0].message.content)" in out


def test_custom_llm_provider_other_than_openrouter_stays() -> None:
    other = """
        import litellm

        litellm.completion(model="gpt-4o", messages=[], custom_llm_provider="openai")
        """
    assert after(other) == dedent(other)
    assert hand_lines(migrate(other)) == []
    prefixed = """
        import litellm

        litellm.completion(model="openrouter/openai/gpt-4o", messages=[], custom_llm_provider="azure")
        """
    assert after(prefixed) == dedent(prefixed)
