"""`openai.OpenAI(base_url="https://openrouter.ai/api/v1", ...)` -> `OpenRouter(...)`, and its calls."""

from __future__ import annotations

import libcst as cst

from .. import _constants as C
from ._chat import chat_method, fix_chat_call, split_attribution
from ._context import Rule
from ._cst import dotted, env_read, has_star_args, kwarg, make_arg, parse_expression, replace_args, string_value
from ._facts import DEFAULT_KEY_ENV, OPENAI_KEY_ENV, is_default_base_url, is_openrouter_url
from ._receivers import ReceiverScan, find_receivers

CLASSES = {"openai.OpenAI": "OpenRouter", "openai.AsyncOpenAI": "AsyncOpenRouter"}
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
