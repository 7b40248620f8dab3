"""Exit codes of the ``legaldraft`` command, defined once (README "Kode keluar" and ``legaldraft --help`` list them).

Every failure maps to one of these; a traceback or exit 4 for bad input is a bug.
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1        # check: at least one finding of severity error
EXIT_INVALID = 2         # bad input: a spec, profile, configuration, image or imported document that cannot be used
EXIT_USAGE = 3           # wrong command-line usage, or an output that may not be overwritten
EXIT_INTERNAL = 4        # a bug in legaldraft (please report it)
EXIT_PDF = 5             # PDF not made: LibreOffice missing (without --pdf-optional), failed, or past --pdf-timeout
EXIT_IMPORT_BELOW = 6    # import: too little of the source landed in structural units (typed coverage below 60%)
EXIT_FINAL_REFUSED = 7   # build: a final (status: final) document refused because it still has error findings
EXIT_IO = 8              # a file cannot be read or written: permission, disk full, a symlink inside out/

#: code -> Indonesian meaning, in the order of the table in README and ``--help``.
MEANINGS = {
    EXIT_OK: "berhasil; 'check': tidak ada temuan bertingkat galat (error)",
    EXIT_FINDINGS: "'check': ada temuan bertingkat galat (error)",
    EXIT_INVALID: "masukan tidak sah: spec, profil daerah, konfigurasi, gambar atau naskah impor "
                  "tidak dapat dibaca, melampaui batas, atau tidak sah",
    EXIT_USAGE: "pemakaian perintah salah, atau berkas keluaran tidak boleh ditimpa",
    EXIT_INTERNAL: "galat internal legaldraft (mohon laporkan)",
    EXIT_PDF: "PDF tidak dibuat: LibreOffice tidak ada (tanpa --pdf-optional), gagal, atau melewati --pdf-timeout",
    EXIT_IMPORT_BELOW: "'import': terlalu sedikit teks sumber masuk ke unit bertipe (cakupan bertipe di bawah "
                       "ambang); spec tetap ditulis, rincian dengan --report",
    EXIT_FINAL_REFUSED: "'build': naskah final ditolak karena masih ada temuan bertingkat galat",
    EXIT_IO: "berkas tidak dapat dibaca atau ditulis (izin, disk penuh, symlink di folder keluaran)",
}


def help_text() -> str:
    """The exit-code table for ``legaldraft --help`` (click keeps a block starting with \\b as written)."""
    rows = "\n".join(f"  {code}  {meaning}" for code, meaning in MEANINGS.items())
    return f"\b\nKode keluar (exit code):\n{rows}\n"
