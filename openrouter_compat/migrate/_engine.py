"""Runs the rules over one file's text: every output parses, a second run changes nothing, findings by line."""

from __future__ import annotations

import ast
import dataclasses
import difflib

import libcst as cst
from libcst.metadata import MetadataWrapper

from ._context import Context, Finding, Rule

__all__ = ["FileOutcome", "Finding", "migrate_source"]
from ._rule_langchain import LangChainRule
from ._rule_litellm import LiteLLMRule
from ._rule_loops import LoopsRule
from ._rule_official import OfficialSDKRule
from ._rule_openai import OpenAISDKRule

RULES: tuple[type[Rule], ...] = (OpenAISDKRule, OfficialSDKRule, LangChainRule, LiteLLMRule, LoopsRule)


@dataclasses.dataclass
class FileOutcome:
    """What migrating one file gave: the new text, the report lines, the sources seen, or why it failed."""

    source: str
    result: str
    findings: list[Finding]
    sources: frozenset[str]
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.result != self.source

    @property
    def hand_work(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.hand]


def migrate_source(source: str) -> FileOutcome:
    """Migrate one file's text; on any doubt about the output, keep the input and say why."""
    first = _run(source)
    if first.error is not None or not first.changed:
        return first
    try:
        ast.parse(first.result)
    except SyntaxError as exc:  # pragma: no cover - a rule bug; the file is left as it was
        return dataclasses.replace(first, result=source, error=f"the rewrite did not parse ({exc.msg}); left as is")
    second = _run(first.result)
    if second.result != first.result:  # pragma: no cover - a rule bug; the file is left as it was
        return dataclasses.replace(first, result=source, error="a second run would change it again; left as is")
    return first


def _run(source: str) -> FileOutcome:
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        return FileOutcome(source, source, [], frozenset(), error=f"line {exc.raw_line}: does not parse: {exc.message}")
    ctx = Context(module)
    findings: list[Finding] = []
    for rule_type in RULES:
        rule = rule_type(ctx)
        if not rule.applies(module):
            continue
        if rule.source:
            ctx.sources.add(rule.source)
        before = module
        module = MetadataWrapper(module).visit(rule)
        lines = _line_map(source, before.code)
        findings += [dataclasses.replace(f, line=lines.get(f.line, f.line)) for f in rule.findings]
        if rule.source and module.code == before.code and not rule.findings:
            findings.append(
                Finding(1, f"{rule.source}: nothing here the tool can rewrite; see docs/migration.md", True)
            )
        ctx.rescan(module)
    module = ctx.finish_imports(module)
    result = module.code
    if result.startswith("\n") and not source.startswith("\n"):
        result = result.lstrip("\n")  # an import removed from the first line leaves its blank line behind
    findings.sort(key=lambda f: (f.line, not f.hand))
    return FileOutcome(source, result, _unique(findings), frozenset(ctx.sources))


def _line_map(original: str, current: str) -> dict[int, int]:
    """Line numbers of `current` -> the line of `original` they come from (the block start for new lines)."""
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(a=original.splitlines(), b=current.splitlines(), autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        for offset in range(b1 - b0):
            mapping[b0 + offset + 1] = a0 + (offset if tag == "equal" else min(offset, max(a1 - a0 - 1, 0))) + 1
    return mapping


def _unique(findings: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))
