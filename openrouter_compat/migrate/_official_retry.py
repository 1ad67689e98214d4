"""The official SDK's `retry_config=RetryConfig(...)` written with literals -> our `retry_policy=RetryPolicy(...)`.

The official SDK (Speakeasy) waits `initial_interval * exponent**n` plus up to a second of jitter, capped at
`max_interval`, and retries until `max_elapsed_time` has passed (all in ms). Ours waits `initial_backoff * 2**n`
capped at `max_backoff`, stops at `max_retries` or `total_timeout`: the policy written keeps the first wait,
the cap and the deadline, and as many retries as the official backoff fits in that deadline.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import libcst as cst

from ._cst import parse_expression, string_value

RETRY_MODULES = frozenset({"openrouter.utils", "openrouter.utils.retries"})
RETRY_NAMES = frozenset({"RetryConfig", "BackoffStrategy"})
AVERAGE_JITTER = 0.5
"""Seconds: the official SDK adds `random.uniform(0, 1)` to each wait."""
MAX_COUNTED = 1000


@dataclasses.dataclass(frozen=True)
class Converted:
    """The `RetryPolicy(...)` to pass, and what to tell the user about it."""

    policy: cst.BaseExpression
    note: str
    parts: frozenset[int]
    """ids of the `RetryConfig` / `BackoffStrategy` names it replaces."""


def _number(node: cst.BaseExpression) -> float | None:
    if isinstance(node, cst.Integer | cst.Float):
        return float(node.evaluated_value)
    return None


def _bool(node: cst.BaseExpression) -> bool | None:
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    return None


def _arguments(call: cst.Call, names: tuple[str, ...]) -> dict[str, cst.BaseExpression] | None:
    """The call's arguments by parameter name (positional first), or None when they cannot all be named."""
    found: dict[str, cst.BaseExpression] = {}
    for index, arg in enumerate(call.args):
        if arg.star:
            return None
        name = arg.keyword.value if arg.keyword is not None else (names[index] if index < len(names) else None)
        if name not in names or name in found:
            return None
        found[name] = arg.value
    return found if set(found) == set(names) else None


def _is(qualified: str | None, name: str) -> bool:
    module, _, local = (qualified or "").rpartition(".")
    return module in RETRY_MODULES and local == name


def retries_within(initial: float, cap: float, exponent: float, deadline: float) -> int:
    """How many retries the official SDK's backoff makes before `deadline` seconds (its average jitter counted)."""
    waited, count = 0.0, 0
    while count < MAX_COUNTED:
        wait = min(initial * exponent**count + AVERAGE_JITTER, cap)
        if waited + wait > deadline:
            break
        waited += wait
        count += 1
    return count


def convert(node: cst.BaseExpression, qualify: Callable[[cst.BaseExpression], str | None]) -> Converted | None:
    """`RetryPolicy(...)` for a `RetryConfig(...)` written with literals; `qualify` names what a name imports."""
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Name):
        return None
    if not _is(qualify(node.func), "RetryConfig"):
        return None
    config = _arguments(node, ("strategy", "backoff", "retry_connection_errors"))
    if config is None:
        return None
    strategy = string_value(config["strategy"])
    connection = _bool(config["retry_connection_errors"])
    backoff = config["backoff"]
    if connection is None or not isinstance(backoff, cst.Call) or not isinstance(backoff.func, cst.Name):
        return None
    if not _is(qualify(backoff.func), "BackoffStrategy"):
        return None
    parts = frozenset({id(node.func), id(backoff.func)})
    if strategy == "none":
        return Converted(
            parse_expression("RetryPolicy(max_retries=0)"), "retry_config (strategy none): no retries", parts
        )
    if strategy != "backoff":
        return None
    given = _arguments(backoff, ("initial_interval", "max_interval", "exponent", "max_elapsed_time"))
    values = {k: _number(v) for k, v in (given or {}).items()}
    if given is None or any(v is None or v <= 0 for v in values.values()):
        return None
    initial, cap, exponent, deadline = (
        (values["initial_interval"] or 0) / 1000,
        (values["max_interval"] or 0) / 1000,
        values["exponent"] or 0,
        (values["max_elapsed_time"] or 0) / 1000,
    )
    count = retries_within(initial, cap, exponent, deadline)
    policy = parse_expression(
        f"RetryPolicy(max_retries={count}, initial_backoff={initial!r}, max_backoff={cap!r}, "
        f"total_timeout={deadline!r}, retry_connection_errors={connection})"
    )
    note = (
        f"retry_config became RetryPolicy: same first wait, cap and deadline ({count} retries fit in it); ours "
        f"doubles each wait (theirs x{exponent:g}) and retries 408/429 too, not only 5xx"
    )
    return Converted(policy, note, parts)
