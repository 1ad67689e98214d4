"""OpenRouter's request fields as typed keyword arguments, checked before anything is sent."""

from __future__ import annotations

from typing import Any

from _connect import connect

from openrouter_compat import OpenRouterValidationError
from openrouter_compat.types import ProviderPreferences


def main() -> None:
    routing: ProviderPreferences = {
        "only": ["openai", "azure"],
        "sort": {"by": "throughput", "partition": "none"},
        "max_price": {"prompt": 1, "completion": 4},
        "data_collection": "deny",
    }
    with connect() as client:
        completion = client.chat.completions.create(
            model="openai/gpt-4o-mini",
            models=["openai/gpt-4o-mini", "google/gemini-2.5-flash"],  # fallbacks, in order
            messages=[{"role": "user", "content": "What is provider routing?"}],
            provider=routing,
            usage={"include": True},
            session_id="examples-typed-extras",
            temperature=0.2,
        )
        print(f"{completion.model} via {completion.provider}: {completion.choices[0].message.content}")

        mistake: Any = {"sort": "pric"}  # a typo of "price": refused before sending, "did you mean"
        try:
            client.chat.completions.create(
                model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "hi"}], provider=mistake
            )
        except OpenRouterValidationError as error:
            print(f"rejected before sending: {error}")


if __name__ == "__main__":
    main()
