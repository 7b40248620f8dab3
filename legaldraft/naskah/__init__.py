"""The wording layer: how the model becomes the words of a naskah.

Numbers (:mod:`.numbers`), the numbering of the tree and ``[[id]]`` references (:mod:`.numbering`), citations
written and read back (:mod:`.citation`, :mod:`.citation_reader`), every fixed sentence and join
(:mod:`.rumusan`), one table per kind of document (:mod:`.jenis`) and the assemblers that turn a document into
styled blocks (:mod:`.assembler`, :mod:`.perubahan`). It imports only :mod:`legaldraft.model`; spec/, rules/,
importer/, amend/ and render/ build on it (docs/architecture.md).
"""

_EXPORTS = {
    "assemble": "jenis", "assembler_for": "jenis", "jenis_of": "jenis", "JENIS_NASKAH": "jenis",
    "plain_text": "assembler", "definisi_text": "assembler", "Block": "blocks", "Blocks": "blocks", "Run": "blocks",
    "Numbering": "numbering",
}


def __getattr__(name):  # PEP 562: the stable names, imported on first use (start-up time of the CLI)
    if name in _EXPORTS:
        import importlib  # lazy: start-up time

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(name)
