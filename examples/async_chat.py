"""The async client: concurrent completions with `asyncio.gather`, same typed fields as the sync client."""

from __future__ import annotations

import asyncio

from _connect import aconnect

QUESTIONS = ["What is 2 + 2?", "Name a primary colour.", "What is the capital of France?"]


async def main() -> None:
    async with aconnect() as client:
        completions = await asyncio.gather(
            *(
                client.chat.completions.create(
                    model="google/gemini-2.5-flash",
                    messages=[{"role": "user", "content": question}],
                    provider={"sort": "latency"},
                )
                for question in QUESTIONS
            )
        )
        total = 0.0
        for question, completion in zip(QUESTIONS, completions, strict=True):
            print(f"{question} -> {completion.choices[0].message.content} ({completion.provider})")
            if completion.usage is not None and completion.usage.cost is not None:
                total += completion.usage.cost
        print(f"total cost of {len(completions)} calls: ${total:.6f}")

        stream = await client.chat.completions.create(
            model="google/gemini-2.5-flash", messages=[{"role": "user", "content": "Stream me a haiku."}], stream=True
        )
        async with stream:
            async for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    print(chunk.choices[0].delta.content, end="", flush=True)
        print(f"\nstreamed generation {stream.accumulator.generation_id}")


if __name__ == "__main__":
    asyncio.run(main())
