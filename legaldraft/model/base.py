"""Shared base of every model node.

Every node of the document tree is a pydantic model that forbids unknown keys and remembers
where it came from (``loc``: its path from the document root, e.g. ``("batang_tubuh", 0, "isi", 2)``).
The YAML loader maps paths to file:line:column, so findings and errors can point at the spec.
"""
from __future__ import annotations

from typing import Any, Iterator

from pydantic import BaseModel, ConfigDict, PrivateAttr


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_assignment=False)

    _loc: tuple = PrivateAttr(default=())

    @property
    def loc(self) -> tuple:
        return self._loc

    def iter_children(self) -> Iterator[tuple[Any, "Node"]]:
        """Yield (key, child) for every direct Node child, lists flattened as (key, index)."""
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Node):
                yield (name,), value
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, Node):
                        yield (name, i), item


def assign_locations(node: Node, loc: tuple = ()) -> None:
    """Record on every node its path from the root (done once after validation)."""
    node._loc = loc
    for key, child in node.iter_children():
        assign_locations(child, loc + key)


def walk(node: Node) -> Iterator[Node]:
    """Depth-first, document order."""
    yield node
    for _, child in node.iter_children():
        yield from walk(child)
