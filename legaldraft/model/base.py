"""Shared base of every model node.

Every node of the document tree is a pydantic model that forbids unknown keys and remembers
where it came from (``loc``: its path from the document root, e.g. ``("batang_tubuh", 0, "isi", 2)``).
The YAML loader maps paths to file:line:column, so findings and errors can point at the spec.
"""
from __future__ import annotations

import typing
from typing import Any, Iterator

from pydantic import BaseModel, ConfigDict, PrivateAttr

_SCALARS = (str, int, float, bool, type(None))


class Node(BaseModel):
    # defer_build: a validator is built on first use, so start-up pays only for the kinds a run loads
    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_assignment=False, defer_build=True)

    _loc: tuple = PrivateAttr(default=())

    @property
    def loc(self) -> tuple:
        # the slot directly: pydantic's __getattr__ for private attributes is ~20x slower (rules read loc a lot)
        private = self.__pydantic_private__
        return private.get("_loc", ()) if private else ()

    # A unit of a naskah konsolidasi keeps the number an amendment gave it ('5A', '(1a)') and carries the note
    # of the Perubahan that last changed it: facts set in code (never in a spec), read by the numbering and
    # the assembler instead of side tables keyed by id().
    @property
    def printed_number(self) -> str | None:
        private = self.__pydantic_private__
        return private.get("_printed_number") if private else None

    @property
    def footnote(self) -> str | None:
        private = self.__pydantic_private__
        return private.get("_footnote") if private else None

    def fix_printed_number(self, number: str | None, footnote: str | None = None) -> "Node":
        self.__pydantic_private__["_printed_number"] = number
        if footnote:
            self.__pydantic_private__["_footnote"] = footnote
        return self

    def iter_children(self) -> Iterator[tuple[Any, "Node"]]:
        """Yield (key, child) for every direct Node child, lists flattened as (key, index)."""
        values = self.__dict__
        for name in _child_fields(type(self)):
            value = values.get(name)
            if isinstance(value, Node):
                yield (name,), value
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, Node):
                        yield (name, i), item


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def empty_list() -> list:
    """The default of a list field. Not ``default_factory=list``: pydantic reads a factory's signature to know
    whether it takes the validated data, and the signature of the builtin ``list`` is text parsed with ``ast``
    (0.1 ms per field, 40 fields, at every start); a Python function's is read from its code."""
    return []


def empty_dict() -> dict:
    """The default of a dict field (see :func:`empty_list`)."""
    return {}


def _child_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that can hold a Node (a tree walk skips the plain-text and number fields)."""
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = tuple(name for name, info in cls.model_fields.items() if _may_hold_node(info.annotation))
        _CHILD_FIELDS[cls] = names
    return names


def _may_hold_node(annotation) -> bool:
    """False only when the annotation is certainly made of scalars (conservative: unknown means True)."""
    if annotation in _SCALARS:
        return False
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    if isinstance(annotation, type) and origin is None:
        return issubclass(annotation, BaseModel) or not issubclass(annotation, (str, int, float, bool, bytes))
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _may_hold_node(args[0])
    if not args:
        return True
    return any(_may_hold_node(arg) for arg in args)


def assign_locations(node: Node, loc: tuple = ()) -> None:
    """Record on every node its path from the root (done once after validation)."""
    node._loc = loc
    for key, child in node.iter_children():
        assign_locations(child, loc + key)


def walk(node: Node) -> Iterator[Node]:
    """Depth-first, document order."""
    stack = [node]  # iterative: nested generators cost O(depth) per node, and rules walk the tree often
    pop, push, known = stack.pop, stack.extend, _CHILD_FIELDS
    while stack:
        current = pop()
        yield current
        cls = type(current)
        values = current.__dict__
        children: list[Node] = []
        for name in known.get(cls) or _child_fields(cls):
            value = values.get(name)
            if value.__class__ is list or isinstance(value, list):  # the common case first: lists of units
                if value:
                    children += [item for item in value if isinstance(item, Node)]
            elif isinstance(value, Node):
                children.append(value)
        if children:
            children.reverse()
            push(children)
