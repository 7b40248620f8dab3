"""Rules about how a source document (DOCX, ODT, PDF, text) numbers its units by hand.

In a spec, Pasal and ayat numbers are generated, so these rules find nothing there; they are reported by
``legaldraft check FILE.docx`` and ``legaldraft review`` (legaldraft.review.sumber), which read the numbers
the author typed before the import renumbers them.
"""
from __future__ import annotations

from .engine import rule

SRC = "UU 12/2011 Lampiran II"


@rule("BT-007", "error", "Pasal bernomor urut angka Arab, tanpa loncat atau ulang",
      f"{SRC} butir 79",
      "Pasal diberi nomor urut dengan angka Arab, bersambung di seluruh Peraturan Bupati (tidak dimulai lagi di "
      "setiap BAB). Nomor yang diketik tangan di naskah Word sering meloncat atau berulang setelah pasal "
      "disisipkan atau dihapus; legaldraft menomori ulang pasal yang berurutan dan rujukan kepadanya.",
      wrong="Pasal 5 … Pasal 7", right="Pasal 5 … Pasal 6", applies_to=("perbup", "pedoman"))
def pasal_sequence(ctx):
    """Generated in a spec: nothing to check (see legaldraft.review.sumber)."""


@rule("BT-008", "error", "Ayat bernomor (1), (2) … berurutan",
      f"{SRC} butir 82",
      "Ayat diberi nomor urut dengan angka Arab di antara tanda baca kurung tanpa diakhiri tanda baca titik. "
      "Nomor ayat yang diketik tangan di naskah Word diperiksa urutannya.",
      wrong="(1) … (3) …", right="(1) … (2) …", applies_to=("perbup", "pedoman"))
def ayat_sequence(ctx):
    """Generated in a spec: nothing to check (see legaldraft.review.sumber)."""
