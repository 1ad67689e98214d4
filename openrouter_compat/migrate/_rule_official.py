"""The official `openrouter` SDK (`OpenRouter(...).chat.send(...)`) -> our client's `openai` surface."""

from __future__ import annotations

import libcst as cst

from ._chat import chat_method, fix_chat_call
from ._context import Rule
from ._cst import dotted, env_read, make_arg, ms_to_seconds, replace_args
from ._facts import (
    CHAT_KWARGS,
    DEFAULT_KEY_ENV,
    OFFICIAL_CONSTRUCTOR,
    OFFICIAL_ERROR_ATTRIBUTES,
    OFFICIAL_ERRORS,
    OFFICIAL_MESSAGE_CLASSES,
    OFFICIAL_METHODS,
    OFFICIAL_RESOURCES,
    OFFICIAL_TYPE_ALIASES,
)
from ._official_retry import RETRY_MODULES, RETRY_NAMES, convert
from ._receivers import ReceiverScan, find_receivers

PER_CALL = {"timeout_ms": "timeout", "http_headers": "extra_headers"}
PER_CALL_BLOCKERS = {
    "retries": "per-call retries: use client.with_options(retry_policy=RetryPolicy(...))",
    "server_url": "per-call server_url: use client.with_options(base_url=...)",
}


def _method(call: cst.Call) -> tuple[cst.BaseExpression, str, str, bool] | None:
    """`(receiver, resource, method, is_async)` for `receiver.resource.method(...)`."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Attribute)):
        return None
    method = func.attr.value
    is_async = method.endswith("_async")
    return func.value.value, func.value.attr.value, method.removesuffix("_async"), is_async


class _Survey(cst.CSTVisitor):
    """Everything the rule must know before it touches the file: what blocks it, sync or async."""

    def __init__(self, rule: OfficialSDKRule) -> None:
        self.rule = rule
        self.blockers: list[tuple[cst.CSTNode, str]] = []
        self.sync = False
        self.async_ = False
        self.secrets: set[str] = set()
        """Names bound to the result of `api_keys.create(...)`: its `key` is a SecretStr here."""
        self.assigned: set[int] = set()
        self.targets: set[int] = set()
        self.retry_parts: set[int] = set()
        """ids of the `RetryConfig`/`BackoffStrategy` names inside a `retry_config=` that converts."""

    def _is_key_create(self, node: cst.BaseExpression) -> bool:
        call = node.expression if isinstance(node, cst.Await) else node
        found = _method(call) if isinstance(call, cst.Call) else None
        return found is not None and found[1:3] == ("api_keys", "create") and self.rule.scan.holds(found[0])

    def visit_Assign(self, node: cst.Assign) -> None:
        if not self._is_key_create(node.value):
            return
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        self.assigned.add(id(value))
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self.secrets.add(target.target.value)
                self.targets.add(id(target.target))
            else:
                self.assigned.discard(id(value))

    def secret_blockers(self, module: cst.Module) -> None:
        """A create result used whole (returned, printed, passed on) may have its `key` read elsewhere."""
        survey = self

        class _Whole(cst.CSTVisitor):
            def __init__(self) -> None:
                self.parts: set[int] = set()

            def visit_Attribute(self, node: cst.Attribute) -> None:
                self.parts.add(id(node.attr))
                if isinstance(node.value, cst.Name):
                    self.parts.add(id(node.value))

            def visit_Name(self, node: cst.Name) -> None:
                if node.value in survey.secrets and id(node) not in self.parts and id(node) not in survey.targets:
                    survey.blockers.append(
                        (
                            node,
                            f"`{node.value}` (from api_keys.create) is used whole: its `key` is a SecretStr here "
                            "(`.key.get_secret_value()`); convert by hand",
                        )
                    )

        module.visit(_Whole())

    def visit_Call(self, node: cst.Call) -> None:
        rule = self.rule
        if rule.is_construction(node):
            for arg in node.args:
                name = arg.keyword.value if arg.keyword is not None else None
                if name == "retry_config" and (done := convert(arg.value, rule.ctx.qualified)) is not None:
                    self.retry_parts |= done.parts
                    continue
                if name not in OFFICIAL_CONSTRUCTOR and name != "timeout_ms":
                    hint = (
                        "use retry_policy=RetryPolicy(...) (only a RetryConfig written with literals converts)"
                        if name == "retry_config"
                        else "no equivalent here"
                    )
                    self.blockers.append((node, f"OpenRouter({name}=...): {hint}"))
            return
        found = _method(node)
        if found is None:
            return
        receiver, resource, method, is_async = found
        if resource not in OFFICIAL_RESOURCES:
            return
        if not rule.scan.holds(receiver):
            if resource == "chat" and method == "send":
                self.blockers.append(
                    (
                        node,
                        f"`{dotted(receiver) or '...'}.chat.{found[2]}{'_async' if is_async else ''}(...)` looks "
                        "like the official SDK, but that client is not built in this file: convert it where it is "
                        "built",
                    )
                )
            return
        if (resource, method) not in OFFICIAL_METHODS:
            self.blockers.append(
                (
                    node,
                    f"`{resource}.{method}()` of the official SDK: no automatic rewrite, "
                    "see the table in docs/migration.md",
                )
            )
            return
        if (resource, method) == ("api_keys", "create") and id(node) not in self.assigned:
            self.blockers.append(
                (
                    node,
                    "api_keys.create(...) not assigned to a name: its `key` is a SecretStr here "
                    "(`.key.get_secret_value()`); convert by hand",
                )
            )
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value in PER_CALL_BLOCKERS:
                self.blockers.append((node, PER_CALL_BLOCKERS[arg.keyword.value]))
        if is_async:
            self.async_ = True
        else:
            self.sync = True

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.module is None or isinstance(node.names, cst.ImportStar):
            return False
        module = dotted(node.module) or ""
        if module != "openrouter" and not module.startswith("openrouter."):
            return False
        known = {
            "openrouter": {"OpenRouter", "errors"},
            "openrouter.components": set(OFFICIAL_MESSAGE_CLASSES) | set(OFFICIAL_TYPE_ALIASES),
            "openrouter.errors": set(OFFICIAL_ERRORS),
            **{m: set(RETRY_NAMES) for m in RETRY_MODULES},
        }.get(module, set())
        for alias in node.names:
            if dotted(alias.name) not in known:
                self.blockers.append((node, f"`from {module} import {dotted(alias.name)}`: no equivalent here"))
        return False

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            if (dotted(alias.name) or "").split(".")[0] == "openrouter":
                self.blockers.append((node, "`import openrouter`: use `from openrouter import OpenRouter` first"))

    def visit_Name(self, node: cst.Name) -> None:
        qualified = self.rule.ctx.imports.get(node.value, "")
        module, _, name = qualified.rpartition(".")
        if module in RETRY_MODULES and id(node) not in self.retry_parts:
            self.blockers.append((node, f"`{name}` used outside a literal retry_config=: use RetryPolicy by hand"))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value == "data" and isinstance(node.value, cst.Name) and node.value.value in self.rule.caught:
            self.blockers.append((node, f"`{node.value.value}.data`: the error's parsed body is `.body` here"))


class OfficialSDKRule(Rule):
    """`from openrouter import OpenRouter`: constructor, calls, results, errors and message classes."""

    source = "official"

    def applies(self, module: cst.Module) -> bool:
        imported = any(full.split(".")[0] == "openrouter" for full in self.ctx.imports.values())
        return imported or ".chat.send(" in module.code or ".chat.send_async(" in module.code

    def is_construction(self, call: cst.Call) -> bool:
        return self.ctx.qualified(call.func) == "openrouter.OpenRouter"

    def visit_Module(self, node: cst.Module) -> None:
        self.official_names = {local for local, full in self.ctx.imports.items() if full == "openrouter.OpenRouter"}
        self.errors_modules = {local for local, full in self.ctx.imports.items() if full == "openrouter.errors"}
        self.error_names = {
            local: full.rpartition(".")[2]
            for local, full in self.ctx.imports.items()
            if full.startswith("openrouter.errors.")
        }
        self.message_names = {
            local: OFFICIAL_MESSAGE_CLASSES[full.rpartition(".")[2]]
            for local, full in self.ctx.imports.items()
            if full.startswith("openrouter.components.") and full.rpartition(".")[2] in OFFICIAL_MESSAGE_CLASSES
        }
        self.caught = _caught_names(node, self)
        self.scan: ReceiverScan = find_receivers(node, self.is_construction, frozenset(self.official_names))
        survey = _Survey(self)
        node.visit(survey)
        survey.secret_blockers(node)
        self.secrets = survey.secrets
        if survey.sync and survey.async_:
            survey.blockers.append(
                (
                    node,
                    "the official client is used both sync (send) and async (send_async); "
                    "ours are two classes, OpenRouter and AsyncOpenRouter: split by hand",
                )
            )
        self.active = not survey.blockers
        self.blockers = survey.blockers
        self.cls = "AsyncOpenRouter" if survey.async_ else "OpenRouter"
        self.functions: list[bool] = []
        self.attribute_names: set[cst.Name] = set()
        self.envelopes: list[set[str]] = [set()]

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        for where, message in self.blockers:
            self.hand(where, message + " (file left as it was)")
        return updated_node

    # -- scopes -------------------------------------------------------------------------------------------------
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node.asynchronous is not None)
        self.envelopes.append(set())

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        self.functions.pop()
        self.envelopes.pop()
        return updated_node

    # -- imports ------------------------------------------------------------------------------------------------
    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom | cst.RemovalSentinel:
        if not self.active or original_node.module is None or isinstance(original_node.names, cst.ImportStar):
            return updated_node
        module = dotted(original_node.module) or ""
        if module == "openrouter":
            kept = [a for a in original_node.names if dotted(a.name) == "OpenRouter"]
            if not kept:
                return cst.RemoveFromParent()
            names = [kept[0].with_changes(name=cst.Name(self.cls), comma=cst.MaybeSentinel.DEFAULT)]
            return updated_node.with_changes(module=cst.Name("openrouter_compat"), names=names)
        if module == "openrouter.components":
            for alias in original_node.names:
                name = dotted(alias.name) or ""
                if name in OFFICIAL_TYPE_ALIASES:
                    target_module, target = OFFICIAL_TYPE_ALIASES[name]
                    local = (
                        alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else name
                    )
                    self.ctx.add_import(target_module, target, None if local == target else local)
            return cst.RemoveFromParent()
        if module == "openrouter.errors" or module in RETRY_MODULES:
            return cst.RemoveFromParent()
        return updated_node

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.attribute_names.add(node.attr)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
        if original_node in self.attribute_names:  # `x.OpenRouter` is some object's attribute, not our import
            return updated_node
        if self.active and original_node.value in self.official_names and self.cls != original_node.value:
            return updated_node.with_changes(value=self.cls)
        if self.active and original_node.value in self.error_names:
            module, ours = OFFICIAL_ERRORS[self.error_names[original_node.value]]
            self.ctx.add_import(module, ours)
            return updated_node.with_changes(value=ours)
        return updated_node

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if not self.active:
            return updated_node
        value = original_node.value
        if isinstance(value, cst.Name) and value.value in self.secrets and original_node.attr.value == "key":
            self.note(original_node, f"`{value.value}.key` is a SecretStr here: read with .get_secret_value()")
            return cst.Call(func=cst.Attribute(value=updated_node, attr=cst.Name("get_secret_value")))
        if isinstance(value, cst.Name) and value.value in self.errors_modules:
            module, ours = OFFICIAL_ERRORS.get(original_node.attr.value, ("", ""))
            if ours:
                self.ctx.add_import(module, ours)
                return cst.Name(ours)
        if (
            isinstance(value, cst.Name)
            and value.value in self.caught
            and original_node.attr.value in OFFICIAL_ERROR_ATTRIBUTES
        ):
            node: cst.BaseExpression = updated_node.value
            for part in OFFICIAL_ERROR_ATTRIBUTES[original_node.attr.value]:
                node = cst.Attribute(value=node, attr=cst.Name(part))
            return node
        if original_node.attr.value == "data":
            if isinstance(value, cst.Name) and value.value in self.envelopes[-1]:
                return updated_node.value
            if isinstance(value, cst.Call) and self._is_envelope(value):
                return updated_node.value
        return updated_node

    # -- statements ---------------------------------------------------------------------------------------------
    def visit_Assign(self, node: cst.Assign) -> None:
        call = node.value.expression if isinstance(node.value, cst.Await) else node.value
        if self.active and isinstance(call, cst.Call) and self._is_envelope(call):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.envelopes[-1].add(target.target.value)
                    self.note(node, f"`{target.target.value}` is the object itself here (no `.data` wrapper)")

    def leave_With(self, original_node: cst.With, updated_node: cst.With) -> cst.With:
        if not self.active or self.cls != "AsyncOpenRouter" or original_node.asynchronous is not None:
            return updated_node
        if any(self.scan.holds(item.item) for item in original_node.items):
            if self.functions and self.functions[-1]:
                return updated_node.with_changes(asynchronous=cst.Asynchronous())
            self.hand(original_node, "`with` around an async client outside `async def`: use `async with`")
        return updated_node

    # -- calls --------------------------------------------------------------------------------------------------
    def _is_envelope(self, call: cst.Call) -> bool:
        found = _method(call)
        return (
            found is not None
            and self.scan.holds(found[0])
            and OFFICIAL_METHODS.get((found[1], found[2]), ((), False))[1]
        )

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if not self.active:
            return updated_node
        if self.is_construction(original_node):
            return self._construct(original_node, updated_node)
        if isinstance(original_node.func, cst.Name) and original_node.func.value in self.message_names:
            return self._message(original_node, updated_node)
        found = _method(original_node)
        if found is None or not self.scan.holds(found[0]) or (found[1], found[2]) not in OFFICIAL_METHODS:
            return updated_node
        path, _ = OFFICIAL_METHODS[(found[1], found[2])]
        assert isinstance(updated_node.func, cst.Attribute) and isinstance(updated_node.func.value, cst.Attribute)
        func: cst.BaseExpression = updated_node.func.value.value
        for part in path:
            func = cst.Attribute(value=func, attr=cst.Name(part))
        call = self._call_args(updated_node.with_changes(func=func), chat=path[0] == "chat")
        if chat_method(call) is not None:
            call = fix_chat_call(self, original_node, call)
        return call

    def _call_args(self, call: cst.Call, *, chat: bool) -> cst.Call:
        args: list[cst.Arg] = []
        extra: list[cst.DictElement] = []
        for arg in call.args:
            name = arg.keyword.value if arg.keyword is not None else None
            if name == "timeout_ms":
                args.append(make_arg("timeout", ms_to_seconds(arg.value)))
            elif name in PER_CALL:
                args.append(arg.with_changes(keyword=cst.Name(PER_CALL[name])))
            elif chat and name is not None and name not in CHAT_KWARGS:
                extra.append(cst.DictElement(key=cst.SimpleString(f'"{name}"'), value=arg.value))
            else:
                args.append(arg)
        if extra:
            args.append(make_arg("extra_body", cst.Dict(elements=extra)))
        if extra or any(a is not b for a, b in zip(args, call.args, strict=False)):
            return replace_args(call, args)
        return call

    def _construct(self, original: cst.Call, call: cst.Call) -> cst.Call:
        args: list[cst.Arg] = []
        for arg in call.args:
            name = arg.keyword.value if arg.keyword is not None else ""
            if name == "api_key" and (env := env_read(arg.value)) is not None and env[0] == DEFAULT_KEY_ENV:
                self.ctx.drop_import("os")
                continue
            if name == "timeout_ms":
                args.append(make_arg("timeout", ms_to_seconds(arg.value)))
            elif name == "retry_config" and (done := convert(arg.value, self.ctx.qualified)) is not None:
                self.ctx.add_import("openrouter_compat", "RetryPolicy")
                self.note(original, done.note)
                args.append(make_arg("retry_policy", done.policy))
            else:
                args.append(arg.with_changes(keyword=cst.Name(OFFICIAL_CONSTRUCTOR[name])))
        return replace_args(call.with_changes(func=cst.Name(self.cls)), args)

    def _message(self, original: cst.Call, call: cst.Call) -> cst.BaseExpression:
        if any(arg.keyword is None for arg in call.args):
            self.hand(original, "message class with positional arguments: write it as a dict by hand")
            return call
        role = self.message_names[original.func.value] if isinstance(original.func, cst.Name) else "user"
        elements = [cst.DictElement(cst.SimpleString('"role"'), cst.SimpleString(f'"{role}"'))]
        elements += [
            cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value)
            for arg in call.args
            if arg.keyword is not None
        ]
        return cst.Dict(elements=elements)


def _caught_names(module: cst.Module, rule: OfficialSDKRule) -> set[str]:
    """Names bound by `except <official error> as e`."""
    names: set[str] = set()

    class _Handlers(cst.CSTVisitor):
        def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
            if node.name is None or not isinstance(node.name.name, cst.Name) or node.type is None:
                return
            text = cst.Module([]).code_for_node(node.type)
            if any(text.startswith(f"{m}.") for m in rule.errors_modules) or any(n in text for n in rule.error_names):
                names.add(node.name.name.value)

    module.visit(_Handlers())
    return names
