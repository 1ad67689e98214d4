"""LiteLLM's `completion`/`acompletion(model="openrouter/...")` -> calls on our client, results as objects."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import libcst as cst

from ._chat import fix_chat_call
from ._context import Rule
from ._cst import ENV_READERS, ENVIRON, dotted, env_read, kwarg, make_arg, replace_args, string_value
from ._facts import (
    APP_ENV_RENAMES,
    CHAT_KWARGS,
    DEFAULT_KEY_ENV,
    LITELLM_CALLS,
    LITELLM_DROPPED,
    LITELLM_PREFIX,
    LITELLM_RENAMED,
    is_default_base_url,
    is_openrouter_url,
)

RESULT_TYPE_MODULES = frozenset({"litellm", "litellm.utils", "litellm.types.utils"})
PROVIDER_KWARG = "custom_llm_provider"
"""LiteLLM's other way to route to OpenRouter: `custom_llm_provider="openrouter"` with the bare model name."""
RETRY_KWARGS = ("num_retries", "max_retries")
"""LiteLLM's retry counts: the client's `max_retries` (408/409/429/5xx and connection errors), set per call."""
FACTORY = '''
@functools.cache
def {name}(api_key=None):
    """One {cls} per key, made on first use (written by `openrouter-compat migrate`)."""
    return {cls}(api_key=api_key)
'''


@dataclasses.dataclass
class _Plan:
    model: cst.BaseExpression | None
    """The model argument rewritten; None when the call is not for OpenRouter."""
    is_async: bool
    problem: str | None = None


class LiteLLMRule(Rule):
    """LiteLLM routing to OpenRouter by the `openrouter/` model prefix."""

    source = "litellm"

    def applies(self, module: cst.Module) -> bool:
        uses = any(full.split(".")[0] == "litellm" for full in self.ctx.imports.values())
        routed = PROVIDER_KWARG in module.code and "openrouter" in module.code
        return uses and (LITELLM_PREFIX in module.code or routed)

    # -- what a call would become -------------------------------------------------------------------------------
    def _entry(self, call: cst.Call) -> str | None:
        qualified = self.ctx.qualified(call.func) or ""
        module, _, name = qualified.rpartition(".")
        return name if module == "litellm" else None

    def _model_arg(self, call: cst.Call) -> cst.BaseExpression | None:
        arg = kwarg(call, "model")
        if arg is not None:
            return arg.value
        positional = [a for a in call.args if a.keyword is None and not a.star]
        return positional[0].value if positional else None

    def _openrouter_values(self, node: cst.BaseExpression) -> list[str] | None:
        """Every value `node` can have when it is known from this file (a literal, a constant, an alias map)."""
        text = string_value(node, self.ctx.constants)
        if text is not None:
            return [text]
        if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name):
            return self.maps.get(node.value.value)
        return None

    def plan(self, call: cst.Call) -> _Plan | None:
        entry = self._entry(call)
        if entry is None:
            return None
        model = self._model_arg(call)
        if model is None:
            return None
        if isinstance(model, cst.FormattedString):
            first = model.parts[0] if model.parts else None
            if not (isinstance(first, cst.FormattedStringText) and first.value.startswith(LITELLM_PREFIX)):
                return None
            parts = [first.with_changes(value=first.value.removeprefix(LITELLM_PREFIX)), *model.parts[1:]]
            rewritten: cst.BaseExpression = model.with_changes(parts=parts)
        else:
            values = self._openrouter_values(model)
            if values is None:
                if self._mentions_openrouter(call):
                    return _Plan(
                        None,
                        False,
                        f"model comes from `{cst.Module([]).code_for_node(model)}`: "
                        "LiteLLM routes by its prefix; if it is always `openrouter/...`, call "
                        "OpenRouter().chat.completions.create(model=<name without the prefix>) by hand",
                    )
                return None
            if not all(v.startswith(LITELLM_PREFIX) for v in values):
                if any(v.startswith(LITELLM_PREFIX) for v in values) or not self._routed_by_provider(call):
                    return None
                rewritten = model  # LiteLLM sends a bare name to OpenRouter as it is
            elif isinstance(model, cst.SimpleString):
                rewritten = cst.SimpleString(
                    repr(values[0].removeprefix(LITELLM_PREFIX)).replace("'", '"')
                    if '"' not in values[0]
                    else repr(values[0].removeprefix(LITELLM_PREFIX))
                )
            else:
                rewritten = cst.Call(
                    func=cst.Attribute(value=model, attr=cst.Name("removeprefix")),
                    args=[cst.Arg(cst.SimpleString(f'"{LITELLM_PREFIX}"'))],
                )
        if entry not in LITELLM_CALLS:
            return _Plan(
                None,
                False,
                f"litellm.{entry}() to OpenRouter: no automatic rewrite; call the client's "
                "endpoint in a loop (batch) or see docs/migration.md",
            )
        for arg in call.args:
            name = arg.keyword.value if arg.keyword is not None else None
            if arg.star:
                return _Plan(None, False, "litellm call with **kwargs: check each key by hand, then convert")
            if name in ("api_base", "base_url"):
                text = string_value(arg.value, self.ctx.constants)
                if text is None or not is_openrouter_url(text):
                    return None if text is not None else _Plan(None, False, f"{name}= is not a literal URL")
                if not is_default_base_url(text):
                    return _Plan(None, False, f"{name}={text!r}: pass base_url= to the client by hand")
            elif name == PROVIDER_KWARG:
                if not self._routed_by_provider(call):
                    return None
            elif name == "fallbacks":
                problem = self._fallbacks_problem(call, arg.value)
                if problem is not None:
                    return _Plan(None, False, problem)
            elif name in RETRY_KWARGS:
                if sum(kwarg(call, k) is not None for k in RETRY_KWARGS) > 1:
                    return _Plan(None, False, "both num_retries= and max_retries=: keep one, then convert")
            elif (
                name is not None
                and name not in CHAT_KWARGS
                and name not in LITELLM_DROPPED
                and name not in LITELLM_RENAMED
                and name not in ("api_key", "model", "messages")
            ):
                return _Plan(
                    None,
                    False,
                    f"LiteLLM-only argument {name}=: no equivalent on the client; convert this call by hand",
                )
        return _Plan(rewritten, LITELLM_CALLS[entry])

    def _fallback_models(self, value: cst.BaseExpression) -> list[str] | None:
        """The models of `fallbacks=[...]` when each is a known `openrouter/...` name."""
        if not isinstance(value, cst.List) or not value.elements:
            return None
        names: list[str] = []
        for element in value.elements:
            text = string_value(element.value, self.ctx.constants) if isinstance(element, cst.Element) else None
            if text is None or not text.startswith(LITELLM_PREFIX):
                return None
            names.append(text.removeprefix(LITELLM_PREFIX))
        return names

    def _fallbacks_problem(self, call: cst.Call, value: cst.BaseExpression) -> str | None:
        if self._fallback_models(value) is None:
            return (
                "fallbacks= that are not all literal `openrouter/...` model names: LiteLLM tries them itself; "
                "convert this call by hand (OpenRouter's models=[...] falls back server-side)"
            )
        if kwarg(call, "models") is not None or kwarg(call, "extra_body") is not None:
            return "fallbacks= next to models=/extra_body=: merge them into models=[...] by hand"
        return None

    def _routed_by_provider(self, call: cst.Call) -> bool:
        """`custom_llm_provider="openrouter"`: LiteLLM sends the model name to OpenRouter as it is."""
        arg = kwarg(call, PROVIDER_KWARG)
        return arg is not None and string_value(arg.value, self.ctx.constants) == "openrouter"

    def _mentions_openrouter(self, call: cst.Call) -> bool:
        return LITELLM_PREFIX in cst.Module([]).code_for_node(call) or self.openrouter_file

    # -- the pass -----------------------------------------------------------------------------------------------
    def visit_Module(self, node: cst.Module) -> None:
        self.maps: dict[str, list[str]] = _alias_maps(node)
        self.openrouter_file = True
        self.factories: dict[bool, str] = {}
        self.results: list[set[str]] = [set()]
        self.converted = 0
        planner = self

        class _Survey(cst.CSTVisitor):
            found = False

            def visit_Call(self, node: cst.Call) -> None:
                plan = planner.plan(node)
                self.found = self.found or (plan is not None and plan.model is not None)

        survey = _Survey()
        node.visit(survey)
        self.will_convert = survey.found
        self.env_names = _environment_names(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.results.append(set())

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        self.results.pop()
        return updated_node

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        if isinstance(value, cst.Call) and (plan := self.plan(value)) is not None and plan.model is not None:
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.results[-1].add(target.target.value)

    def visit_For(self, node: cst.For) -> None:
        """`for chunk in stream:` over a converted call's result: the chunks are objects too."""
        if (
            isinstance(node.iter, cst.Name)
            and node.iter.value in self.results[-1]
            and isinstance(node.target, cst.Name)
        ):
            self.results[-1].add(node.target.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        plan = self.plan(value) if isinstance(value, cst.Call) else None
        if plan is not None and plan.model is not None and isinstance(node.target, cst.Name):
            self.results[-1].add(node.target.value)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        got = self._result_get(original_node, updated_node)
        if got is not None:
            return got
        plan = self.plan(original_node)
        if plan is None:
            return updated_node
        if plan.model is None:
            self.hand(original_node, plan.problem or "LiteLLM call left as it was")
            return updated_node
        factory = self.factories.setdefault(
            plan.is_async, self.ctx.fresh("_async_openrouter_client" if plan.is_async else "_openrouter_client")
        )
        api_key = kwarg(updated_node, "api_key")
        if api_key is not None and (env := env_read(api_key.value)) is not None and env[0] == DEFAULT_KEY_ENV:
            api_key = None
            self.ctx.drop_import("os")
        args: list[cst.Arg] = []
        positional = [a for a in updated_node.args if a.keyword is None]
        names = ["model", "messages"]
        for index, arg in enumerate(positional[:2]):
            args.append(make_arg(names[index], arg.value))
        retries: cst.BaseExpression | None = None
        for arg in updated_node.args[len(positional[:2]) :]:
            name = arg.keyword.value if arg.keyword is not None else ""
            if name in ("api_key", "api_base", "base_url", PROVIDER_KWARG) or name in LITELLM_DROPPED:
                continue
            if name in RETRY_KWARGS:
                retries = arg.value
                continue
            if name == "fallbacks":
                fallbacks = self._fallback_models(arg.value) or []
                elements = [cst.Element(plan.model), *(cst.Element(cst.SimpleString(_quoted(m))) for m in fallbacks)]
                args.append(arg.with_changes(keyword=cst.Name("models"), value=cst.List(elements=_commas(elements))))
                self.note(original_node, "fallbacks= became models=[...]: OpenRouter tries them in order, server-side")
                continue
            if name in LITELLM_RENAMED:
                args.append(arg.with_changes(keyword=cst.Name(LITELLM_RENAMED[name])))
            else:
                args.append(arg)
        args = [
            make_arg("model", plan.model) if a.keyword is not None and a.keyword.value == "model" else a for a in args
        ]
        client: cst.BaseExpression = cst.Call(
            func=cst.Name(factory), args=[cst.Arg(api_key.value)] if api_key is not None else []
        )
        if retries is not None:
            client = cst.Call(
                func=cst.Attribute(value=client, attr=cst.Name("with_options")), args=[make_arg("max_retries", retries)]
            )
        func = cst.Attribute(
            value=cst.Attribute(value=cst.Attribute(value=client, attr=cst.Name("chat")), attr=cst.Name("completions")),
            attr=cst.Name("create"),
        )
        call = replace_args(updated_node.with_changes(func=func), args)
        self.converted += 1
        self.ctx.drop_import("litellm", (self.ctx.qualified(original_node.func) or "").rpartition(".")[2])
        self.ctx.drop_import("litellm")
        return fix_chat_call(self, original_node, call)

    # -- results: LiteLLM's are dicts and objects at once, ours are objects --------------------------------------
    def _rooted(self, node: cst.BaseExpression) -> bool:
        while True:
            if isinstance(node, cst.Name):
                return node.value in self.results[-1]
            if isinstance(node, cst.Attribute | cst.Subscript):
                node = node.value
            elif isinstance(node, cst.Call):
                node = node.func
            else:
                return False

    def leave_Subscript(self, original_node: cst.Subscript, updated_node: cst.Subscript) -> cst.BaseExpression:
        if len(original_node.slice) != 1 or not isinstance(original_node.slice[0].slice, cst.Index):
            return updated_node
        key = string_value(original_node.slice[0].slice.value)
        if key is None or not key.isidentifier() or not self._rooted(original_node.value):
            return updated_node
        return cst.Attribute(value=updated_node.value, attr=cst.Name(key))

    def _result_get(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression | None:
        func = original.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "get" and len(original.args) == 1):
            return None
        key = string_value(original.args[0].value)
        if key is None or not key.isidentifier() or not self._rooted(func.value):
            return None
        assert isinstance(updated.func, cst.Attribute)
        self.note(original, f'`.get("{key}")` on a result: it is an attribute here (None when absent)')
        return cst.Attribute(value=updated.func.value, attr=cst.Name(key))

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.Attribute:
        if original_node.attr.value == "reasoning_content" and self._rooted(original_node.value):
            self.note(original_node, "LiteLLM's `reasoning_content` is OpenRouter's `reasoning` here")
            return updated_node.with_changes(attr=cst.Name("reasoning"))
        return updated_node

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        value = string_value(original_node)
        if self.will_convert and value in APP_ENV_RENAMES and original_node in self.env_names:
            quote = original_node.quote
            return updated_node.with_changes(value=f"{quote}{APP_ENV_RENAMES[value]}{quote}")
        return updated_node

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        """`ModelResponse` (LiteLLM's result type, in annotations) becomes openai's `ChatCompletion`."""
        module = dotted(original_node.module) if original_node.module is not None else None
        if (
            not self.will_convert
            or module not in RESULT_TYPE_MODULES
            or isinstance(original_node.names, cst.ImportStar)
        ):
            return updated_node
        if isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        names = list(updated_node.names)
        if len(names) != 1 or dotted(names[0].name) != "ModelResponse":
            return updated_node
        alias = names[0].asname if names[0].asname is not None else cst.AsName(name=cst.Name("ModelResponse"))
        return updated_node.with_changes(
            module=cst.parse_expression("openai.types.chat"),
            names=[names[0].with_changes(name=cst.Name("ChatCompletion"), asname=alias)],
        )

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self.factories:
            return updated_node
        self.ctx.add_import("functools")
        defs: list[cst.BaseStatement] = []
        for is_async, name in sorted(self.factories.items()):
            cls = "AsyncOpenRouter" if is_async else "OpenRouter"
            self.ctx.add_import("openrouter_compat", cls)
            for statement in cst.parse_module(FACTORY.format(name=name, cls=cls)).body:
                defs.append(statement.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()]))
        body = list(updated_node.body)
        at = _after_imports(body)
        if at < len(body):  # two blank lines after a top-level def, the comments above the next statement kept
            lines = list(body[at].leading_lines)
            first = next((i for i, line in enumerate(lines) if line.comment is not None), len(lines))
            body[at] = body[at].with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine(), *lines[first:]])
        return updated_node.with_changes(body=[*body[:at], *defs, *body[at:]])


def _quoted(text: str) -> str:
    return repr(text).replace("'", '"') if '"' not in text else repr(text)


def _commas(elements: list[cst.Element]) -> list[cst.Element]:
    last = len(elements) - 1
    return [
        e.with_changes(
            comma=cst.MaybeSentinel.DEFAULT if i == last else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        for i, e in enumerate(elements)
    ]


def _after_imports(body: Sequence[cst.BaseStatement]) -> int:
    """Where to put new module-level definitions: after the last import before the first other top-level code."""
    at = 0
    for index, statement in enumerate(body):
        if isinstance(statement, cst.SimpleStatementLine) and all(
            isinstance(s, cst.Import | cst.ImportFrom) for s in statement.body
        ):
            at = index + 1
        elif not (isinstance(statement, cst.SimpleStatementLine) and _is_docstring_or_plain(statement)):
            break
    return at


def _is_docstring_or_plain(statement: cst.SimpleStatementLine) -> bool:
    return all(
        isinstance(s, cst.Expr) and isinstance(s.value, cst.SimpleString | cst.ConcatenatedString)
        for s in statement.body
    )


def _alias_maps(module: cst.Module) -> dict[str, list[str]]:
    """Module-level dicts whose values are all string literals (`MODELS = {"fast": "openrouter/..."}`)."""
    maps: dict[str, list[str]] = {}
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.value, cst.Dict):
                target = dotted(small.targets[0].target)
                values = [
                    string_value(e.value) if isinstance(e, cst.DictElement) else None for e in small.value.elements
                ]
                if target and values and all(v is not None for v in values):
                    maps[target] = [v for v in values if v is not None]
    return maps


def _environment_names(module: cst.Module) -> set[cst.SimpleString]:
    """The string literals naming an environment variable: `os.environ["X"]`, `os.getenv("X")`, `setdefault("X")`."""
    found: set[cst.SimpleString] = set()
    readers = {*ENV_READERS, *(f"{e}.{m}" for e in ENVIRON for m in ("setdefault", "pop"))}

    class _Env(cst.CSTVisitor):
        def visit_Subscript(self, node: cst.Subscript) -> None:
            if dotted(node.value) in ENVIRON and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
                key = node.slice[0].slice.value
                if isinstance(key, cst.SimpleString):
                    found.add(key)

        def visit_Call(self, node: cst.Call) -> None:
            if dotted(node.func) in readers and node.args and isinstance(node.args[0].value, cst.SimpleString):
                found.add(node.args[0].value)

    module.visit(_Env())
    return found
