"""`openai.OpenAI(base_url="https://openrouter.ai/api/v1", ...)` -> `OpenRouter(...)`, and its calls."""

from __future__ import annotations

import libcst as cst

from .. import _constants as C
from ._chat import chat_method, fix_chat_call, split_attribution
from ._context import Rule
from ._cst import dotted, env_read, has_star_args, kwarg, make_arg, parse_expression, replace_args, string_value
from ._facts import DEFAULT_KEY_ENV, OPENAI_KEY_ENV, is_default_base_url, is_openrouter_url
from ._receivers import ReceiverScan, find_receivers

# `Client` / `AsyncClient` are openai's own aliases of the two classes (openai/_client.py)
CLASSES = {
    "openai.OpenAI": "OpenRouter",
    "openai.AsyncOpenAI": "AsyncOpenRouter",
    "openai.Client": "OpenRouter",
    "openai.AsyncClient": "AsyncOpenRouter",
}
LEGACY_MODULE_SETTINGS = frozenset({"openai.api_base", "openai.base_url"})


class OpenAISDKRule(Rule):
    """The `openai` SDK pointed at OpenRouter by `base_url`."""

    source = "openai"

    def applies(self, module: cst.Module) -> bool:
        uses_openai = any(full.split(".")[0] == "openai" for full in self.ctx.imports.values())
        return uses_openai and C.DEFAULT_BASE_URL.split("://")[1].split("/")[0] in module.code

    def is_target(self, call: cst.Call) -> bool:
        if self.ctx.qualified(call.func) not in CLASSES:
            return False
        arg = kwarg(call, "base_url")
        if arg is None:
            return False
        value = string_value(arg.value, self.ctx.constants)
        if value is None and (env := env_read(arg.value)) is not None:
            value = string_value(env[1], self.ctx.constants)
        return value is not None and is_openrouter_url(value)

    def visit_Module(self, node: cst.Module) -> None:
        self.scan: ReceiverScan = find_receivers(node, self.is_target)
        self.hoisted = _PerCallAttribution.find(self, node)
        self.target: str | None = None

    def visit_Assign(self, node: cst.Assign) -> None:
        self.target = dotted(node.targets[0].target) if len(node.targets) == 1 else None

    def leave_Assign(self, original_node: cst.Assign, updated_node: cst.Assign) -> cst.Assign:
        for target in original_node.targets:
            if dotted(target.target) in LEGACY_MODULE_SETTINGS:
                value = string_value(original_node.value, self.ctx.constants)
                if value is not None and is_openrouter_url(value):
                    self.hand(
                        original_node,
                        "module-level openai settings (openai.api_base / openai.ChatCompletion, openai<1.0): "
                        "build a client instead: `client = OpenRouter()`, then `client.chat.completions.create(...)`",
                    )
        return updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if self.is_target(original_node):
            return self._construct(original_node, updated_node)
        receiver = chat_method(original_node)
        if receiver is not None and self.scan.holds(receiver):
            hoisted = self.hoisted.get(dotted(receiver) or "")
            if hoisted is not None:
                updated_node = _without_attribution(updated_node)
            return fix_chat_call(self, original_node, updated_node)
        return updated_node

    def _construct(self, original: cst.Call, call: cst.Call) -> cst.Call:
        qualified = self.ctx.qualified(original.func) or ""
        ours = CLASSES[qualified]
        args: list[cst.Arg] = []
        attribution: list[cst.Arg] = []
        for arg in call.args:
            name = arg.keyword.value if arg.keyword is not None else None
            if name == "base_url" and self._default_base_url(arg.value):
                continue
            if name == "api_key" and (env := env_read(arg.value)) is not None and env[0] == DEFAULT_KEY_ENV:
                self.ctx.drop_import("os")
                continue
            if name == "default_headers" and isinstance(arg.value, cst.Dict):
                rest, found, placeholders = split_attribution(arg.value)
                attribution.extend(found)
                if placeholders:
                    self.note(original, "removed placeholder attribution headers (" + ", ".join(placeholders) + ")")
                if rest is not None:
                    args.append(arg.with_changes(value=rest))
                continue
            args.append(arg)
        hoisted = self.hoisted.get(self.target or "") if self.target is not None else None
        if hoisted is not None:
            attribution.extend(hoisted)
            self.note(original, "attribution headers sent on each call are set once here (app_url=/app_title=)")
        if kwarg(original, "api_key") is None and not has_star_args(original):
            args.insert(0, make_arg("api_key", parse_expression(f'os.environ["{OPENAI_KEY_ENV}"]')))
            self.ctx.add_import("os")
            self.note(
                original,
                f"the key was read from {OPENAI_KEY_ENV} (openai's default) and still is; "
                f"store it as {DEFAULT_KEY_ENV} and drop api_key= to use ours",
            )
        self.ctx.add_import("openrouter_compat", ours)
        module, _, name = qualified.rpartition(".")
        if isinstance(original.func, cst.Name):
            self.ctx.drop_import(module, original.func.value if original.func.value == name else name)
        else:
            self.ctx.drop_import(module)
        return replace_args(call.with_changes(func=cst.Name(ours)), args + attribution)

    def _default_base_url(self, value: cst.BaseExpression) -> bool:
        text = string_value(value, self.ctx.constants)
        if text is not None:
            return is_default_base_url(text)
        env = env_read(value)
        if env is not None and env[0] == C.ENV_BASE_URL:
            default = string_value(env[1], self.ctx.constants)
            return default is None or is_default_base_url(default)
        return False


def _attribution_of(call: cst.Call) -> dict[str, cst.BaseExpression] | None:
    """The real (not placeholder) attribution headers of a call's `extra_headers` literal, by client argument."""
    arg = kwarg(call, "extra_headers")
    if arg is None or not isinstance(arg.value, cst.Dict):
        return None
    _, found, _ = split_attribution(arg.value)
    return {a.keyword.value: a.value for a in found if a.keyword is not None}


def _without_attribution(call: cst.Call) -> cst.Call:
    arg = kwarg(call, "extra_headers")
    if arg is None or not isinstance(arg.value, cst.Dict):
        return call
    rest, _, _ = split_attribution(arg.value)
    args = [a if a is not arg else a.with_changes(value=rest) for a in call.args if a is not arg or rest is not None]
    return replace_args(call, args)


class _PerCallAttribution(cst.CSTVisitor):
    """Attribution headers repeated on every call of one client built once in this file: they go to the client."""

    def __init__(self, rule: OpenAISDKRule) -> None:
        self.rule = rule
        self.built: dict[str, list[cst.Call]] = {}
        self.seen: dict[str, list[dict[str, str]]] = {}
        self.values: dict[str, list[cst.Arg]] = {}

    @classmethod
    def find(cls, rule: OpenAISDKRule, module: cst.Module) -> dict[str, list[cst.Arg]]:
        scan = cls(rule)
        module.visit(scan)
        hoisted: dict[str, list[cst.Arg]] = {}
        for name, calls in scan.seen.items():
            built = scan.built.get(name, [])
            own = built[0] if len(built) == 1 else None
            if own is None or kwarg(own, "app_url") or kwarg(own, "app_title") or _has_attribution(own):
                continue
            if calls and all(c == calls[0] and c for c in calls):
                hoisted[name] = scan.values[name]
        return hoisted

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.value, cst.Call) and self.rule.is_target(node.value):
            name = dotted(node.targets[0].target)
            if name is not None:
                self.built.setdefault(name, []).append(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        receiver = chat_method(node)
        name = dotted(receiver) if receiver is not None else None
        if name is None:
            return
        found = _attribution_of(node) or {}
        constant = {k: v for k, v in found.items() if _constant(v, self.rule.ctx.constants)}
        if len(constant) != len(found):  # a value computed at the call: it cannot move to the constructor
            self.seen.setdefault(name, []).append({"": "<not a constant>"})
            return
        self.seen.setdefault(name, []).append({k: cst.Module([]).code_for_node(v) for k, v in found.items()})
        if found and name not in self.values:
            self.values[name] = [make_arg(k, v) for k, v in found.items()]


def _constant(node: cst.BaseExpression, constants: dict[str, str]) -> bool:
    return isinstance(node, cst.SimpleString) or (isinstance(node, cst.Name) and node.value in constants)


def _has_attribution(call: cst.Call) -> bool:
    arg = kwarg(call, "default_headers")
    return arg is not None and (not isinstance(arg.value, cst.Dict) or bool(split_attribution(arg.value)[1]))
