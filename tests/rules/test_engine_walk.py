"""The rule engine: one walk, node rules dispatched by the kinds they visit, a failing rule is one finding."""
from __future__ import annotations

import legaldraft
from legaldraft.model import Ayat, Pasal
from legaldraft.rules import engine
from legaldraft.spec.scaffold import scaffold


def doc():
    return legaldraft.loads(scaffold("perbup", "contoh"))


def test_a_rule_visits_exactly_the_nodes_of_its_kinds(monkeypatch):
    seen = []
    probe = engine.Rule("ZZ-001", engine.Severity.info, "probe", "test", "test", visits=(Pasal, Ayat),
                        func=lambda ctx, node: seen.append(node))
    monkeypatch.setitem(engine.REGISTRY, "ZZ-001", probe)
    d = doc()
    legaldraft.check(d, only=["ZZ-001"])
    expected = [n for n in legaldraft.model.walk(d) if isinstance(n, (Pasal, Ayat))]
    assert seen and [id(n) for n in seen] == [id(n) for n in expected]


def test_the_document_is_walked_once_for_all_rules(monkeypatch):
    """One walk of the whole document per check: the loader's reference checks, the numbering and every rule share
    it (the walker patched in every module of the check that imports it)."""
    import importlib

    walks = []
    real = legaldraft.model.walk
    d = doc()
    modules = ["legaldraft.rules.engine", "legaldraft.naskah.numbering", "legaldraft.spec.loader"] + [
        f"legaldraft.rules.{name}" for name in engine.load_rules() and
        sorted({r.func.__module__.rsplit(".", 1)[-1] for r in engine.REGISTRY.values()} | {"text"})]
    for name in modules:
        module = importlib.import_module(name)
        if getattr(module, "walk", None) is real:
            monkeypatch.setattr(module, "walk", lambda node: walks.append(node) or real(node))
    legaldraft.check(d)
    assert [w for w in walks if w is d] == [d]


def test_a_rule_that_raises_is_one_internal_finding_and_the_others_still_run(monkeypatch):
    def broken(ctx, node):
        raise ValueError("rusak")

    monkeypatch.setitem(engine.REGISTRY, "ZZ-002", engine.Rule("ZZ-002", engine.Severity.error, "rusak", "test", "test",
                                                               visits=(Pasal,), func=broken))
    d = doc()
    d.tentang = d.tentang + "."          # JUD-… finds the closing full stop
    findings = legaldraft.check(d)
    internal = [f for f in findings if f.rule is engine.INTERNAL]
    assert len(internal) == 1 and "ZZ-002" in internal[0].message and "ValueError: rusak" in internal[0].message
    assert any(f.rule.id.startswith("JUD") for f in findings)
