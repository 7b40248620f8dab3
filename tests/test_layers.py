"""The architecture as a contract (docs/architecture.md): layers, no import circles, lazy imports that say why,
and each fixed sentence of a naskah written once (in legaldraft/naskah/rumusan.py).

The imports are read from the source with ``ast`` (those inside functions included), so a circle cannot hide
behind an import moved into a function.
"""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "legaldraft"

#: what each layer may import from legaldraft (itself always); the layers above (api, batch, cli, commands,
#: buildcache, review) may import anything below them
#: the foundation every layer may use: file limits, exit codes and the image headers the limits read
BASE = {"limits", "exitcodes", "pictures"}
ALLOWED = {
    "model": set(),
    "naskah": {"model"},
    "spec": {"model", "naskah", "ioutil"},
    "render": {"model", "naskah", "ioutil", "spec.errors"},  # a bad daerah template is bad input, reported with a position
    "amend": {"model", "naskah", "spec", "ioutil"},
    "rules": {"model", "naskah", "spec", "ioutil", "render.styles"},
    "importer": {"model", "naskah", "spec", "ioutil", "api", "wordml"},
    "wordml": {"naskah", "ioutil"},     # WordprocessingML read and edited at the XML level (issue 15)
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports():
    """(importer, imported module, line, inside a function, source line) for every import of legaldraft code."""
    out = []
    for name, path in MODULES.items():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]

        def visit(node, in_function):
            for child in ast.iter_child_nodes(node):
                inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
                targets = []
                if isinstance(child, ast.ImportFrom):
                    base = ".".join(package[: len(package) - child.level + 1] + [child.module] if child.module else
                                    package[: len(package) - child.level + 1]) if child.level else (child.module or "")
                    targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in child.names]
                elif isinstance(child, ast.Import):
                    targets = [a.name for a in child.names]
                for target in set(targets):
                    if target.split(".")[0] == "legaldraft":
                        out.append((name, target, child.lineno, in_function, lines[child.end_lineno - 1]))
                visit(child, inside)

        visit(ast.parse(source), False)
    return out


IMPORTS = imports()


def layer(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for source, target, line, _, _ in IMPORTS:
        here, there = layer(source), layer(target)
        if here not in ALLOWED or there == here or target == "legaldraft":
            continue
        allowed = ALLOWED[here] | BASE
        if there not in allowed and target.removeprefix("legaldraft.") not in allowed:
            wrong.append(f"{source}:{line} imports {target}")
    assert wrong == []


def test_render_and_amend_never_import_each_other():
    assert [(s, t) for s, t, *_ in IMPORTS if {layer(s), layer(t)} == {"render", "amend"}] == []


def test_no_import_circles_between_modules():
    """Counting imports inside functions too: a lazy import is never there to dodge a circle."""
    graph = defaultdict(set)
    for source, target, *_ in IMPORTS:
        if target != "legaldraft" and source != target:  # the root package only holds __version__ and lazy names
            graph[source].add(target)
    sys.setrecursionlimit(10_000)
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def connect(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in list(MODULES):
        if module not in index:
            connect(module)
    assert circles == []


def test_an_import_inside_a_function_says_why():
    bare = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for sub in ast.walk(node):
                    if isinstance(sub, (ast.Import, ast.ImportFrom)) and "#" not in lines[sub.end_lineno - 1]:
                        bare.append(f"{relative}:{sub.lineno}: {lines[sub.lineno - 1].strip()}")
    assert bare == []


# -- each fixed sentence written once ---------------------------------------------------------------------
#: distinctive pieces of the rumusan baku; '{}' stands for any interpolated value
FORMULAE = [
    "ini yang dimaksud dengan:",
    "} ini mulai berlaku",
    "Agar setiap orang mengetahuinya, memerintahkan pengundangan",
    "sebagaimana telah diubah dengan",
    "sebagaimana telah beberapa kali diubah terakhir dengan",
    "dicabut dan dinyatakan tidak berlaku",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam",
    "sehingga berbunyi sebagai berikut",
    "diubah sebagai berikut:",
    "semua peraturan pelaksanaan dari",
    "yang selanjutnya {}",
    "sebagaimana dimaksud {}",
    ", dan {}",
    "} sampai dengan {",
    "SEBAGAIMANA TELAH DIUBAH DENGAN",
]
HOME = PACKAGE / "naskah" / "rumusan.py"


def _texts(tree: ast.AST):
    """The string literals that make text (f-strings with '{}' for their values), leaving out docstrings,
    rule documentation (@rule(...) arguments), field descriptions and regular expressions, which quote or
    recognise a formula rather than write it."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            if name in ("rule", "Field") or owner == "re":
                for sub in ast.walk(node):
                    skip.add(id(sub))
            for keyword in node.keywords:
                if keyword.arg == "description":
                    for sub in ast.walk(keyword.value):
                        skip.add(id(sub))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                skip.add(id(part))
            yield node.lineno, "".join(p.value if isinstance(p, ast.Constant) else "{}" for p in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_each_fixed_sentence_is_written_once():
    elsewhere = []
    at_home = {formula: 0 for formula in FORMULAE}
    for path in PACKAGE.rglob("*.py"):
        for line, text in _texts(ast.parse(path.read_text(encoding="utf-8"))):
            for formula in FORMULAE:
                if formula in text:
                    if path == HOME:
                        at_home[formula] += 1
                    else:
                        elsewhere.append(f"{path.relative_to(PACKAGE)}:{line}: {formula!r} in {text[:70]!r}")
    assert elsewhere == []
    assert [f for f, n in at_home.items() if n == 0] == [], "every formula of the list lives in rumusan.py"
