"""The smallest program: an `openai`-style chat completion through OpenRouter, plus what it cost."""

from __future__ import annotations

from _connect import connect


def main() -> None:
    with connect() as client:
        completion = client.chat.completions.create(
            model="openai/gpt-4o-mini",
            messages=[{"role": "user", "content": "Say hello to OpenRouter."}],
        )
        print(completion.choices[0].message.content)
        cost = completion.usage.cost if completion.usage else None
        print(f"served by {completion.provider}, cost: {_usd(cost)}")


def _usd(amount: float | None) -> str:
    return "unknown" if amount is None else f"${amount:.6f}"


if __name__ == "__main__":
    main()
