"""LangChain: `ChatOpenAI(base_url=<OpenRouter>)`, `ChatOpenRouter(ChatOpenAI)` subclasses, `langchain_openrouter`.

Each becomes a stock `ChatOpenAI` handed our clients (`client=`/`root_client=`/`async_client=`/
`root_async_client=`): with those set, `ChatOpenAI` builds no `openai` client of its own.
"""

from __future__ import annotations

import libcst as cst

from ._chat import split_attribution
from ._context import Finding, Rule
from ._cst import dotted, env_read, kwarg, make_arg, parse_expression, replace_args, string_value
from ._facts import (
    DEFAULT_KEY_ENV,
    LANGCHAIN_CLIENT_KWARGS,
    LANGCHAIN_OLD_MODULES,
    LANGCHAIN_OPENAI_MODULES,
    LANGCHAIN_OPENROUTER_CLIENT,
    LANGCHAIN_OPENROUTER_KEPT,
    LANGCHAIN_OPENROUTER_ROUTING,
    LANGCHAIN_TO_CLIENT,
    OPENAI_KEY_ENV,
    is_default_base_url,
    is_openrouter_url,
)
from ._langchain_old import NEW_MODULE, MoveImport, replaceable

BASE_KWARGS = ("base_url", "openai_api_base")
BASE_ENVS = ("OPENAI_API_BASE", "OPENAI_BASE_URL")
"""Where `ChatOpenAI` takes its base URL from when no `base_url=` is given (LangChain's, then `openai`'s)."""
KEY_KWARGS = ("api_key", "openai_api_key")
NO_STATEMENT = (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


class LangChainRule(Rule):
    """LangChain chat models pointed at OpenRouter."""

    source = "langchain"

    def applies(self, module: cst.Module) -> bool:
        roots = {full.split(".")[0] for full in self.ctx.imports.values()}
        lc = bool(roots & {"langchain_openai", "langchain_community", "langchain", "langchain_openrouter"})
        return lc and ("openrouter.ai/api" in module.code or "ChatOpenRouter" in module.code)

    def _locals(self, modules: frozenset[str] | set[str], name: str) -> set[str]:
        wanted = {f"{m}.{name}" for m in modules}
        return {local for local, full in self.ctx.imports.items() if full in wanted}

    def visit_Module(self, node: cst.Module) -> None:
        self.chat_openai = self._locals(LANGCHAIN_OPENAI_MODULES, "ChatOpenAI")
        self.old_chat_openai = self._locals(LANGCHAIN_OLD_MODULES, "ChatOpenAI")
        self.moved: set[str] = set()
        if self.old_chat_openai and replaceable(node, self.old_chat_openai):
            self.moved, self.old_chat_openai = self.old_chat_openai, set[str]()
            self.chat_openai = self.chat_openai | self.moved
        self.converted = 0
        self.top = {id(statement) for statement in node.body}
        self.env_base: str | None = None
        self.env_noted = False
        self.moved_line = 1
        self.lc_openrouter = self._locals({"langchain_openrouter"}, "ChatOpenRouter")
        self.classes: list[str | None] = []
        self.class_base: list[ClassBase | None] = []
        self.params: list[dict[str, str]] = [{}]
        self.pending: list[list[cst.BaseStatement]] = []
        self.unsafe = 0

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self.moved or not self.converted:
            return updated_node
        mover = MoveImport(self.moved)
        updated_node = updated_node.visit(mover)
        for asname in mover.split:
            self.ctx.add_import(NEW_MODULE, "ChatOpenAI", asname)
        self.findings.append(
            Finding(
                self.moved_line,
                "ChatOpenAI now comes from langchain_openai (langchain_community's is deprecated)",
                False,
            )
        )
        return updated_node

    # -- where we are -------------------------------------------------------------------------------------------
    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        bases = {dotted(b.value) for b in node.bases}
        if bases & self.chat_openai:
            self.classes.append("new")
        elif bases & self.old_chat_openai:
            self.classes.append("old")
        else:
            self.classes.append(None)
        self.class_base.append(self._class_base(node) if self.classes[-1] is not None else None)

    def leave_ClassDef(self, original_node: cst.ClassDef, updated_node: cst.ClassDef) -> cst.ClassDef:
        self.classes.pop()
        found = self.class_base.pop()
        if found is not None and not found.handled:
            self.hand(
                original_node,
                f"{original_node.name.value}(ChatOpenAI) points at OpenRouter with a class-level {found.field} "
                "but has no __init__ calling super().__init__(...) with an explicit api_key=: give it one "
                "(def __init__(self, api_key, **kwargs): super().__init__(api_key=api_key, **kwargs)), "
                "then run the migration again",
            )
        return updated_node

    def _class_base(self, node: cst.ClassDef) -> ClassBase | None:
        """The class-level `base_url`/`openai_api_base` of a ChatOpenAI subclass, if it names OpenRouter."""
        found: ClassBase | None = None
        for statement in node.body.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if not isinstance(small, cst.AnnAssign) or small.value is None:
                    continue  # pydantic refuses a field override without an annotation: nothing to convert
                target = small.target
                if not isinstance(target, cst.Name) or target.value not in BASE_KWARGS:
                    continue
                text = string_value(small.value, self.ctx.constants)
                if text is None or not is_openrouter_url(text):
                    return None
                if target.value == "base_url":
                    self.hand(
                        small,
                        f"{node.name.value}(ChatOpenAI): a class-level `base_url: str = ...` declares a new "
                        "field; ChatOpenAI's base URL is the field openai_api_base (base_url is only its alias), "
                        "so this class calls api.openai.com (or OPENAI_API_BASE), not OpenRouter, and is left as "
                        "it is; if OpenRouter is meant, rename the field to openai_api_base and pass the key to "
                        "super().__init__(api_key=...), then run the migration again",
                    )
                    return None
                found = ClassBase(target.value, None if is_default_base_url(text) else small.value)
        return found

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        defaults: dict[str, str] = {}
        for param in [*node.params.params, *node.params.kwonly_params]:
            text = string_value(param.default, self.ctx.constants) if param.default is not None else None
            if text is not None:
                defaults[param.name.value] = text
        self.params.append(defaults)

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        self.params.pop()
        return updated_node

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.pending.append([])
        if id(node) not in self.top:
            return
        for small in node.body:
            if not isinstance(small, cst.Assign) or len(small.targets) != 1:
                continue
            env = env_read(small.targets[0].target)
            if env is not None and env[0] in BASE_ENVS:
                text = string_value(small.value, self.ctx.constants)
                self.env_base = text if text is not None and is_openrouter_url(text) else None

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and dotted(node.module) in LANGCHAIN_OLD_MODULES and self.moved:
            self.moved_line = self.line(node)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        before = self.pending.pop()
        if not before:
            return updated_node
        first = before[0]
        if isinstance(first, cst.SimpleStatementLine):
            before[0] = first.with_changes(leading_lines=updated_node.leading_lines)
        return cst.FlattenSentinel([*before, updated_node.with_changes(leading_lines=())])

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, NO_STATEMENT):
            self.unsafe += 1
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode):  # type: ignore[no-untyped-def]
        if isinstance(original_node, NO_STATEMENT):
            self.unsafe -= 1
        return super().on_leave(original_node, updated_node)

    # -- which calls --------------------------------------------------------------------------------------------
    def _base_is_openrouter(self, call: cst.Call) -> tuple[bool, cst.BaseExpression | None]:
        """(points at OpenRouter, the base URL to pass on to our client or None for our default)."""
        for name in BASE_KWARGS:
            arg = kwarg(call, name)
            if arg is None:
                continue
            text = string_value(arg.value, self.ctx.constants)
            if text is not None:
                return is_openrouter_url(text), None if is_default_base_url(text) else arg.value
            if isinstance(arg.value, cst.Name) and arg.value.value in self.params[-1]:
                default = self.params[-1][arg.value.value]
                return is_openrouter_url(default), arg.value
            return False, None
        found = self.class_base[-1] if self.class_base and dotted(call.func) == "super().__init__" else None
        if found is not None:
            if not any(kwarg(call, name) is not None for name in KEY_KWARGS):
                found.handled = True
                self.hand(
                    call,
                    f"ChatOpenAI subclass with a class-level {found.field} at OpenRouter: its key reaches "
                    "ChatOpenAI through **kwargs or a field our client would not see; pass it to "
                    "super().__init__(api_key=...) explicitly, then run the migration again",
                )
                return False, None
            found.handled = True
            return True, found.value
        if self.env_base is None:
            return False, None
        if not self.env_noted:
            self.env_noted = True
            self.note(
                call,
                "OPENAI_API_BASE (set above) pointed ChatOpenAI at OpenRouter; it now gets our clients, so "
                "that variable no longer matters to it",
            )
        return True, None if is_default_base_url(self.env_base) else cst.SimpleString(repr(self.env_base))

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        func = dotted(original_node.func)
        if any(kwarg(original_node, name) is not None for name in LANGCHAIN_CLIENT_KWARGS):
            if func == "super().__init__" and self.class_base and self.class_base[-1] is not None:
                self.class_base[-1].handled = True
            return updated_node
        subclass = func == "super().__init__" and bool(self.classes) and self.classes[-1] is not None
        if func in self.lc_openrouter:
            return self._lc_openrouter(original_node, updated_node)
        if func not in self.chat_openai and func not in self.old_chat_openai and not subclass:
            return updated_node
        is_openrouter, base = self._base_is_openrouter(original_node)
        if not is_openrouter:
            return updated_node
        if func in self.old_chat_openai or (subclass and self.classes[-1] == "old"):
            self.hand(
                original_node,
                "ChatOpenAI from langchain_community/langchain.chat_models (deprecated), used here with "
                "arguments or in places langchain_openai's may not take: import it from langchain_openai, "
                "then run the migration again",
            )
            return updated_node
        if not self.pending or self.unsafe:
            self.hand(
                original_node,
                "ChatOpenAI(...) inside an expression that cannot take a statement before it: "
                "build OpenRouter()/AsyncOpenRouter() clients first and pass client=/root_client=/...",
            )
            return updated_node
        client_args = self._key_args(original_node)
        if base is not None:
            client_args.append(make_arg("base_url", base))
        kept: list[cst.Arg] = []
        for arg in updated_node.args:
            name = arg.keyword.value if arg.keyword is not None else None
            if subclass or name is None:
                kept.append(arg)
            elif name in BASE_KWARGS or name in KEY_KWARGS:
                continue
            elif name in LANGCHAIN_TO_CLIENT:
                client_args.append(make_arg(LANGCHAIN_TO_CLIENT[name], arg.value))
            elif name == "default_headers" and isinstance(arg.value, cst.Dict):
                rest, found, placeholders = split_attribution(arg.value)
                client_args.extend(found)
                if rest is not None:
                    client_args.append(make_arg("default_headers", rest))
                if placeholders:
                    self.note(original_node, "removed placeholder attribution headers")
            else:
                kept.append(arg)
        return self._with_clients(updated_node, kept, client_args, None)

    def _key_args(self, call: cst.Call) -> list[cst.Arg]:
        for name in KEY_KWARGS:
            arg = kwarg(call, name)
            if arg is None:
                continue
            value = arg.value
            if isinstance(value, cst.Call) and dotted(value.func) == "SecretStr" and len(value.args) == 1:
                value = value.args[0].value
            env = env_read(value)
            if env is not None and env[0] == DEFAULT_KEY_ENV:
                self.ctx.drop_import("os")
                return []
            return [make_arg("api_key", value)]
        self.ctx.add_import("os")
        self.note(
            call,
            f"the key was read from {OPENAI_KEY_ENV} (LangChain's default) and still is; store it as "
            f"{DEFAULT_KEY_ENV} and drop api_key= to use ours",
        )
        return [make_arg("api_key", parse_expression(f'os.environ["{OPENAI_KEY_ENV}"]'))]

    def _lc_openrouter(self, original: cst.Call, call: cst.Call) -> cst.BaseExpression:
        if not self.pending or self.unsafe:
            self.hand(original, "ChatOpenRouter(...) inside an expression: convert by hand (see docs/migration.md)")
            return call
        client_args = (
            self._key_args(original)
            if any(kwarg(original, k) for k in ("api_key", "openrouter_api_key", "openai_api_key"))
            else []
        )
        routing: list[cst.Arg] = []
        kept: list[cst.Arg] = []
        for arg in call.args:
            name = arg.keyword.value if arg.keyword is not None else None
            if name is None or arg.star:
                self.hand(original, "ChatOpenRouter with positional or ** arguments: convert by hand")
                return call
            if name in ("api_key", "openrouter_api_key", "openai_api_key"):
                continue
            if name == "openai_api_base":
                # ChatOpenAI's name for the base URL, not a field of langchain_openrouter's class: taken as the
                # base URL it names, and only when that is OpenRouter's
                text = string_value(arg.value, self.ctx.constants)
                if text is None or not is_openrouter_url(text):
                    self.hand(original, "ChatOpenRouter(openai_api_base=...) not OpenRouter's URL: convert by hand")
                    return call
                if not is_default_base_url(text):
                    client_args.append(make_arg("base_url", arg.value))
                self.note(
                    original,
                    "openai_api_base=/openai_api_key= are ChatOpenAI's names, not langchain_openrouter's: "
                    "read as the OpenRouter base URL and key they name",
                )
                continue
            if name in LANGCHAIN_OPENROUTER_CLIENT:
                client_args.append(make_arg(LANGCHAIN_OPENROUTER_CLIENT[name], arg.value))
            elif name in LANGCHAIN_OPENROUTER_ROUTING:
                routing.append(make_arg(LANGCHAIN_OPENROUTER_ROUTING[name], arg.value))
            elif name in LANGCHAIN_OPENROUTER_KEPT:
                kept.append(arg)
            else:
                self.hand(original, f"ChatOpenRouter({name}=...): no automatic equivalent; convert by hand")
                return call
        self.ctx.add_import("langchain_openai", "ChatOpenAI")
        for local, full in self.ctx.imports.items():
            if full == "langchain_openrouter.ChatOpenRouter":
                self.ctx.drop_import("langchain_openrouter", local)
        return self._with_clients(call.with_changes(func=cst.Name("ChatOpenAI")), kept, client_args, routing)

    def _with_clients(
        self, call: cst.Call, kept: list[cst.Arg], client_args: list[cst.Arg], routing: list[cst.Arg] | None
    ) -> cst.Call:
        self.converted += 1
        sync, aio = self.ctx.fresh("openrouter_client"), self.ctx.fresh("openrouter_async_client")
        for name, cls in ((sync, "OpenRouter"), (aio, "AsyncOpenRouter")):
            self.ctx.add_import("openrouter_compat", cls)
            value: cst.BaseExpression = cst.Call(func=cst.Name(cls), args=_commas(client_args))
            if routing:
                value = cst.Call(func=cst.Attribute(value=value, attr=cst.Name("with_routing")), args=_commas(routing))
            self.pending[-1].append(
                cst.SimpleStatementLine([cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=value)])
            )
        clients = [
            make_arg("client", parse_expression(f"{sync}.chat.completions")),
            make_arg("root_client", cst.Name(sync)),
            make_arg("async_client", parse_expression(f"{aio}.chat.completions")),
            make_arg("root_async_client", cst.Name(aio)),
        ]
        stars = [a for a in kept if a.star]
        plain = [a for a in kept if not a.star]
        return replace_args(call, [*plain, *clients, *stars])


class ClassBase:
    """A ChatOpenAI subclass's class-level base URL at OpenRouter, and whether a super().__init__ took it up."""

    def __init__(self, field: str, value: cst.BaseExpression | None) -> None:
        self.field = field
        self.value = value
        self.handled = False


def _commas(args: list[cst.Arg]) -> list[cst.Arg]:
    return [
        a.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=cst.SimpleWhitespace("")) for a in args
    ]
