"""Which expressions in a file hold a given kind of client: names, attributes, `with ... as`, factories."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ._cst import dotted

COPIES = frozenset({"with_options", "copy", "with_routing"})
VIEWS = frozenset({"with_raw_response", "with_streaming_response"})


class ReceiverScan(cst.CSTVisitor):
    """Collects the dotted names (`client`, `self._client`, `get_client()`) bound to a client construction."""

    def __init__(self, is_construction: Callable[[cst.Call], bool], annotations: frozenset[str]) -> None:
        self.is_construction = is_construction
        self.annotations = annotations
        self.receivers: set[str] = set()
        self._function: list[str] = []

    def holds(self, node: cst.BaseExpression | None) -> bool:
        if node is None:
            return False
        if isinstance(node, cst.Await):
            return self.holds(node.expression)
        if isinstance(node, cst.Call) and self.is_construction(node):
            return True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in COPIES:
            return self.holds(node.func.value)
        if isinstance(node, cst.Attribute) and node.attr.value in VIEWS:
            return self.holds(node.value)
        name = dotted(node)
        return name is not None and name in self.receivers

    def _bind(self, target: cst.BaseExpression) -> None:
        name = dotted(target)
        if name is not None:
            self.receivers.add(name)

    def visit_Assign(self, node: cst.Assign) -> None:
        if self.holds(node.value):
            for target in node.targets:
                self._bind(target.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if self.holds(node.value):
            self._bind(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None and self.holds(node.item):
            self._bind(node.asname.name)

    def visit_Param(self, node: cst.Param) -> None:
        if node.annotation is not None and dotted(node.annotation.annotation) in self.annotations:
            self.receivers.add(node.name.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._function.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._function.pop()

    def visit_Return(self, node: cst.Return) -> None:
        if self._function and self.holds(node.value):
            name = self._function[-1]
            self.receivers.update({f"{name}()", f"self.{name}()", f"cls.{name}()"})


def find_receivers(
    module: cst.Module, is_construction: Callable[[cst.Call], bool], annotations: frozenset[str] = frozenset()
) -> ReceiverScan:
    """Scan until nothing new is found (aliases of aliases, factories returning a stored client)."""
    scan = ReceiverScan(is_construction, annotations)
    for _ in range(4):
        before = len(scan.receivers)
        module.visit(scan)
        if len(scan.receivers) == before:
            break
    return scan
