"""Pembukaan rules: PMB-* (butir 14-16, 55-56): the formula "DENGAN RAHMAT …", the jabatan pembentuk, and no
DPRD approval line in a Perbup."""
from __future__ import annotations

import re

from .judul import ALL_KINDS, PERATURAN, PERATURAN_KINDS, blocks_styled
from .dated import WALI_KOTA_SPELLING, wali_kota_variant
from .engine import rule

SRC = "UU 12/2011 Lampiran II"
KNOWN_FORMULAE = ("DENGAN RAHMAT TUHAN YANG MAHA ESA", "DENGAN RAHMAT ALLAH YANG MAHA KUASA")
_ATAS_NAMA = re.compile(r"^\s*a\.?\s?n\.?\s*", re.I)
_PREFIXES = re.compile(r"^(?:PLT\.?|PJ\.?|PLH\.?|PENJABAT)\s+", re.I)


def bare_jabatan(text: str | None) -> str:
    """'Plt. BUPATI PURWAKARTA,' -> 'BUPATI PURWAKARTA'."""
    text = re.sub(r"\s+", " ", (text or "").strip().rstrip(",")).strip()
    return _PREFIXES.sub("", text).upper()


@rule("PMB-001", "error", "'DENGAN RAHMAT TUHAN YANG MAHA ESA' dengan huruf kapital", f"{SRC} butir 14, 15; Pergub Aceh 43/2016",
      "Sebelum jabatan pembentuk ditulis frasa 'DENGAN RAHMAT TUHAN YANG MAHA ESA' dengan huruf kapital di tengah. "
      "Profil Aceh memakai 'DENGAN RAHMAT ALLAH YANG MAHA KUASA'. Rumusan ini diambil dari profil daerah.",
      wrong="Dengan Rahmat Tuhan Yang Maha Esa", right="DENGAN RAHMAT TUHAN YANG MAHA ESA",
      verification="P/S", applies_to=PERATURAN_KINDS)
def rahmat(ctx):
    blocks = blocks_styled(ctx, "LD Pembukaan")
    text = blocks[0].text if blocks else ""
    if not text:
        ctx.report("frasa 'DENGAN RAHMAT TUHAN YANG MAHA ESA' tidak ada", ctx.doc, "daerah", "",
                   "isi 'formula.pembukaan' di profil daerah")
    elif text != text.upper():
        ctx.report(f"frasa pembukaan '{text}' tidak seluruhnya huruf kapital", ctx.doc, "daerah", text,
                   "tulis 'formula.pembukaan' di profil daerah dengan huruf kapital")
    elif text not in KNOWN_FORMULAE:
        ctx.report(f"frasa pembukaan '{text}' bukan rumusan baku", ctx.doc, "daerah", text,
                   f"gunakan '{KNOWN_FORMULAE[0]}'", severity="warning")


@rule("PMB-002", "error", "Jabatan pembentuk sama dengan jabatan penanda tangan dan daerah judul", f"{SRC} butir 16, 166",
      "Jabatan pembentuk ('BUPATI PURWAKARTA,') ditulis dengan huruf kapital diakhiri koma, dan sama dengan jabatan "
      "pada blok penetapan (tanpa 'Plt.'/'Pj.') serta dengan nama daerah dalam judul.",
      wrong="BUPATI PURWAKARTA, … Ditetapkan … BUPATI CIANJUR,", right="BUPATI PURWAKARTA, … BUPATI PURWAKARTA,", applies_to=ALL_KINDS)
def jabatan_pembentuk(ctx):
    blocks = blocks_styled(ctx, "LD Jabatan")
    pembentuk = blocks[0].text if blocks else ""
    if not pembentuk.endswith(",") or pembentuk != pembentuk.upper():
        ctx.report(f"jabatan pembentuk '{pembentuk}' tidak berhuruf kapital diakhiri koma", ctx.doc, "daerah", pembentuk,
                   "periksa 'jabatan_kepala' di profil daerah")
    if ctx.profile.nama.upper() not in pembentuk.upper():
        ctx.report(f"jabatan pembentuk '{pembentuk}' tidak memuat nama daerah '{ctx.profile.nama.upper()}'", ctx.doc,
                   "daerah", pembentuk, "periksa 'jabatan_kepala' di profil daerah")
    pen = ctx.doc.penetapan
    signer = _ATAS_NAMA.sub("", pen.atas_nama) if pen.atas_nama else pen.jabatan
    if signer and bare_jabatan(signer) != bare_jabatan(pembentuk):
        field = "atas_nama" if pen.atas_nama else "jabatan"
        spelling = wali_kota_variant(bare_jabatan(signer), bare_jabatan(pembentuk))  # one office, two spellings: warning
        ctx.report(f"jabatan penanda tangan '{signer.strip()}' berbeda dengan jabatan pembentuk '{pembentuk}'"
                   + (WALI_KOTA_SPELLING if spelling else ""), pen, field,
                   signer.strip(), f"tulis '{bare_jabatan(pembentuk)}' (boleh didahului 'Plt.' atau 'Pj.')",
                   severity="warning" if spelling else None)


_DPRD = re.compile(r"dengan persetujuan bersama", re.I)


@rule("PMB-003", "error", "Tanpa 'Dengan Persetujuan Bersama DPRD' dalam Peraturan Bupati", f"{SRC} butir 55, 56",
      "Frasa 'Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT DAERAH …' hanya ada pada Undang-Undang dan Perda, "
      "tidak pada Peraturan Bupati.", wrong="Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN …",
      right="(tidak ada)", applies_to=ALL_KINDS)
def no_dprd_approval(ctx):
    kon = ctx.doc.konsiderans
    candidates = [(p, "teks", p.teks) for p in kon.poin] + [(d, "teks", d.teks) for d in ctx.doc.dasar_hukum if d.teks]
    if kon.penutup:
        candidates.append((kon, "penutup", kon.penutup))
    for node, field, text in candidates:
        m = _DPRD.search(text)
        if m:
            ctx.report("teks memuat 'Dengan Persetujuan Bersama' (hanya untuk Undang-Undang dan Perda)", node, field,
                       text[m.start():m.start() + 60], "hapus frasa persetujuan DPRD")
