"""The deprecated `langchain_community` / `langchain.chat_models` `ChatOpenAI`: when it may become `langchain_openai`'s.

Both are `langchain_core` chat models, so every method is the same; only the constructor differs. The import
is moved when every use of the name is a call (or a subclass's `super().__init__`) with fields both classes
share, a base class, or an annotation: then the file means the same with either class.
"""

from __future__ import annotations

import libcst as cst

from ._cst import dotted
from ._facts import LANGCHAIN_OLD_MODULES, LANGCHAIN_SHARED_FIELDS

NEW_MODULE = "langchain_openai"


def _shared_fields_only(call: cst.Call, *, forwarding: bool) -> bool:
    """Keyword arguments the two classes share (a subclass may also forward `**kwargs`)."""
    for arg in call.args:
        if arg.star == "**" and forwarding:
            continue
        if arg.star or arg.keyword is None or arg.keyword.value not in LANGCHAIN_SHARED_FIELDS:
            return False
    return True


class _Uses(cst.CSTVisitor):
    """Whether every use of `names` keeps its meaning under `langchain_openai.ChatOpenAI`."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.allowed: set[int] = set()
        self.classes: list[bool] = []
        self.annotations = 0
        self.safe = True

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self.annotations += 1

    def leave_Annotation(self, original_node: cst.Annotation) -> None:
        self.annotations -= 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        ours = False
        for base in node.bases:
            if isinstance(base.value, cst.Name) and base.value.value in self.names:
                self.allowed.add(id(base.value))
                ours = True
        self.classes.append(ours)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value in self.names:
            if _shared_fields_only(node, forwarding=False):
                self.allowed.add(id(node.func))
        elif dotted(node.func) == "super().__init__" and self.classes and self.classes[-1]:
            self.safe = self.safe and _shared_fields_only(node, forwarding=True)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.names and id(node) not in self.allowed and not self.annotations:
            self.safe = False


def replaceable(module: cst.Module, names: set[str]) -> bool:
    """Whether the old `ChatOpenAI` imported as `names` can be imported from `langchain_openai` instead."""
    uses = _Uses(names)
    module.visit(uses)
    return uses.safe


class MoveImport(cst.CSTTransformer):
    """`from langchain_community.chat_models import ChatOpenAI` -> `from langchain_openai import ChatOpenAI`."""

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names
        self.split: list[str | None] = []
        """Aliases taken out of an import that keeps other names: imported again from `langchain_openai`."""

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        if updated_node.module is None or isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        if dotted(updated_node.module) not in LANGCHAIN_OLD_MODULES:
            return updated_node
        ours = [a for a in updated_node.names if _local(a) in self.names and dotted(a.name) == "ChatOpenAI"]
        if not ours:
            return updated_node
        if len(ours) == len(updated_node.names):
            return updated_node.with_changes(module=cst.Name(NEW_MODULE))
        rest = [a for a in updated_node.names if a not in ours]
        rest[-1] = rest[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        for alias in ours:
            self.split.append(_local(alias) if alias.asname is not None else None)
        return updated_node.with_changes(names=rest)


def _local(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return dotted(alias.name) or ""
