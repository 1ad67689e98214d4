"""Streaming: print text as it arrives, then read the whole result (usage, cost, ids) off the stream itself."""

from __future__ import annotations

from _connect import connect


def main() -> None:
    with connect() as client:
        stream = client.chat.completions.create(
            model="deepseek/deepseek-r1",
            messages=[{"role": "user", "content": "Count from one to five in words."}],
            reasoning={"max_tokens": 256},
            stream=True,
        )
        with stream:
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    print(chunk.choices[0].delta.content, end="", flush=True)
        print()
        result = stream.accumulator
        print(f"{result.chunks_seen} chunks from {result.provider}; reasoning: {len(result.reasoning)} characters")
        if result.usage is not None:
            print(f"usage: {result.usage.total_tokens} tokens, cost ${result.usage.cost or 0:.6f}")
        # The next turn, with reasoning_details preserved exactly as OpenRouter asks:
        print(f"next-turn message keys: {sorted(result.to_message_param())}")


if __name__ == "__main__":
    main()
