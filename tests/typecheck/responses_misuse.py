# ruff: noqa: E501
# fmt: off
"""Misuses of the Responses input types: `tests/test_typecheck_responses.py` asserts mypy reports every marked line."""

from openrouter_compat import OpenRouter


def misuse(client: OpenRouter) -> None:
    client.responses.create(model="m", input=[{"type": "openrouter:web_search", "status": 5}])  # expect-error: wrong_type_in_echoed_item
    client.responses.create(model="m", input=[{"type": "openrouter:web_search", "status": "completed", "acton": {}}])  # expect-error: unknown_key_in_echoed_item
    client.responses.create(model="m", input=[{"type": "reasoning", "summary": [], "format": 3}])  # expect-error: reasoning_format_type
    client.responses.create(model="m", input=[{"type": "agent_message", "author": "a", "recipient": "b", "content": [{"type": "input_text", "text": 1}]}])  # expect-error: agent_message_text
