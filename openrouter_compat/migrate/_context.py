"""What every rule sees: the file's imports and constants, the findings so far, imports to add or drop."""

from __future__ import annotations

import dataclasses

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.metadata import CodeRange, PositionProvider

from ._cst import string_value


@dataclasses.dataclass(frozen=True)
class Finding:
    """One report line: `line: message`; `hand` when the user has something to do."""

    line: int
    message: str
    hand: bool


class _ModuleScan(cst.CSTVisitor):
    """Imports anywhere in the file (lazy ones included), module-level string constants, every name used."""

    def __init__(self) -> None:
        self.imports: dict[str, str] = {}
        self.constants: dict[str, str] = {}
        self.names: set[str] = set()
        self._depth = 0

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            full = _dotted_name(alias.name)
            local = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else None
            self.imports[local or full.split(".")[0]] = full if local else full.split(".")[0]

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is None or node.relative or isinstance(node.names, cst.ImportStar):
            return
        module = _dotted_name(node.module)
        for alias in node.names:
            name = _dotted_name(alias.name)
            local = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else name
            self.imports[local] = f"{module}.{name}"

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._depth += 1

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._depth -= 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._depth += 1

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._depth -= 1

    def visit_Assign(self, node: cst.Assign) -> None:
        if self._depth == 0 and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            value = string_value(node.value)
            if value is not None:
                self.constants[node.targets[0].target.value] = value

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)


def _dotted_name(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted_name(node.value)}.{node.attr.value}"
    raise TypeError(type(node).__name__)


class Context:
    """Shared state of one file's migration."""

    def __init__(self, module: cst.Module) -> None:
        self.codemod = CodemodContext()
        self.findings: list[Finding] = []
        self.sources: set[str] = set()
        self.rescan(module)
        self._fresh: set[str] = set()

    def rescan(self, module: cst.Module) -> None:
        scan = _ModuleScan()
        module.visit(scan)
        self.imports, self.constants, self.names = scan.imports, scan.constants, scan.names

    def imported_as(self, local: str) -> str | None:
        """The fully qualified name a local name was imported as (`OpenAI` -> `openai.OpenAI`)."""
        return self.imports.get(local)

    def qualified(self, node: cst.BaseExpression) -> str | None:
        """`openai.OpenAI` for `OpenAI` (imported from openai) or `openai.OpenAI`; None when not imported."""
        if isinstance(node, cst.Name):
            return self.imports.get(node.value)
        if isinstance(node, cst.Attribute):
            base = self.qualified(node.value)
            return None if base is None else f"{base}.{node.attr.value}"
        return None

    def add_import(self, module: str, name: str | None = None, asname: str | None = None) -> None:
        AddImportsVisitor.add_needed_import(self.codemod, module, name, asname)

    def drop_import(self, module: str, name: str | None = None) -> None:
        """Drop the import if nothing uses it any more (libcst checks at the end)."""
        RemoveImportsVisitor.remove_unused_import(self.codemod, module, name)

    def fresh(self, wanted: str) -> str:
        """A name not yet used in the file."""
        name, n = wanted, 1
        while name in self.names or name in self._fresh:
            n += 1
            name = f"{wanted}_{n}"
        self._fresh.add(name)
        return name

    def finish_imports(self, module: cst.Module) -> cst.Module:
        """Apply the imports asked for (each visitor runs a scope analysis: only when there is work)."""
        if self.codemod.scratch.get(AddImportsVisitor.CONTEXT_KEY):
            module = AddImportsVisitor(self.codemod).transform_module(module)
        if self.codemod.scratch.get(RemoveImportsVisitor.CONTEXT_KEY):
            module = RemoveImportsVisitor(self.codemod).transform_module(module)
        return module


class Rule(cst.CSTTransformer):
    """A rewrite rule: a transformer that knows node lines and reports what it did not do."""

    METADATA_DEPENDENCIES = (PositionProvider,)
    source = ""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.findings: list[Finding] = []

    def line(self, node: cst.CSTNode) -> int:
        position = self.get_metadata(PositionProvider, node)
        assert isinstance(position, CodeRange)
        return position.start.line

    def hand(self, node: cst.CSTNode, message: str) -> None:
        self.findings.append(Finding(self.line(node), message, True))

    def note(self, node: cst.CSTNode, message: str) -> None:
        self.findings.append(Finding(self.line(node), message, False))

    def applies(self, module: cst.Module) -> bool:
        """Whether the file uses this rule's source at all (cheap test on the text)."""
        return True
