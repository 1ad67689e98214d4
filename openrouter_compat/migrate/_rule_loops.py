"""Home-made retry and model-fallback loops around API calls: never rewritten, reported with what replaces them."""

from __future__ import annotations

import libcst as cst

from ._context import Rule
from ._cst import dotted

API_METHODS = frozenset({"create", "send", "send_async", "invoke", "ainvoke", "completion", "acompletion", "parse"})
RETRY_ADVICE = (
    "home-made retry loop around an API call (left as is): the client already retries 408/429/5xx and "
    "dropped connections with backoff and Retry-After; tune it with retry_policy=RetryPolicy(max_retries=...) "
    "and drop the loop"
)
FALLBACK_ADVICE = (
    "home-made model-fallback loop (left as is): pass models=[first, second, ...] and OpenRouter tries them in "
    "order within one request"
)


class _ApiCall(cst.CSTVisitor):
    found = False

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func) or ""
        if name.rpartition(".")[2] in API_METHODS or name.endswith("chat.completions.create"):
            self.found = True


def _calls_api(node: cst.CSTNode) -> bool:
    finder = _ApiCall()
    node.visit(finder)
    return finder.found


class _Tries(cst.CSTVisitor):
    found = False

    def visit_Try(self, node: cst.Try) -> None:
        if node.handlers and _calls_api(node.body):
            self.found = True


class LoopsRule(Rule):
    """Reports loops that retry or fall back by hand (a visitor in transformer's clothes: it changes nothing)."""

    source = ""

    def applies(self, module: cst.Module) -> bool:
        return bool(self.ctx.sources)

    def _loop(self, node: cst.For | cst.While) -> None:
        tries = _Tries()
        node.body.visit(tries)
        if not tries.found:
            return
        header = cst.Module([]).code_for_node(node.iter if isinstance(node, cst.For) else node.test)
        target = cst.Module([]).code_for_node(node.target) if isinstance(node, cst.For) else ""
        self.note(node, FALLBACK_ADVICE if "model" in (header + target).lower() else RETRY_ADVICE)

    def visit_For(self, node: cst.For) -> None:
        self._loop(node)

    def visit_While(self, node: cst.While) -> None:
        self._loop(node)
