"""Line stream of an issued (or draft) Perbup / Keputusan -> spec dict (+ the daerah profile it needs).

The document is cut at its fixed words (Menimbang, Mengingat, Memperhatikan, MEMUTUSKAN, Menetapkan,
Ditetapkan di, Diundangkan di, BERITA DAERAH, Tembusan, LAMPIRAN) and each part is read by its own function.
Generated text (the konsiderans closing point, Ketentuan Umum opening, mulai berlaku, perintah pengundangan,
signature defaults) is left out of the spec when the document says exactly what legaldraft would print, and
kept verbatim otherwise.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..naskah.assembler import NAMA_BELUM_ADA
from ..naskah.citation_reader import Citation
from ..naskah import rumusan
from ..model import ProfilDaerah
from ..naskah.numbers import bulan, from_roman, letters, ordinal, roman
from . import amendment
from .body import BodyParser, is_heading, loose_headings, parse_diktum, DIKTUM
from .citation import dasar_hukum_item, parse_citation
from .items import Para, join, paragraphs
from .lampiran import parse_lampiran
from .text import KEPALA_DAERAH, Line, Notes, ocr_number
from .penjelasan import parse_penjelasan
from ..spec.profiles import _load_profile_file, find_profile
from ..spec.registry import verified_national

_SMALL = {"dan", "serta", "atau", "di", "ke", "dari", "yang", "pada", "dalam", "untuk", "tentang", "dengan", "bagi",
          "oleh", "atas", "antara", "terhadap", "sebagai", "melalui", "jo.", "juncto"}


@dataclass
class Imported:
    spec: dict
    profile: ProfilDaerah
    profile_data: Optional[dict]       # to write as profil/<daerah>.yaml (None: a shipped/nearby profile is used)
    notes: Notes
    lines: list[Line] = field(default_factory=list)


def title_case(upper: str) -> str:
    words = upper.lower().split(" ")
    out = []
    for i, w in enumerate(words):
        if i and w in _SMALL:
            out.append(w)
        elif "(" in w or "/" in w or "-" in w:
            out.append(re.sub(r"[a-z]+", lambda m: m.group().capitalize(), w))
        else:
            out.append(w.capitalize())
    return " ".join(out)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def parse_tanggal(text: str) -> Optional[dt.date]:
    m = re.search(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)
    if not m:
        return None
    names = [b.lower() for b in bulan()]
    month = m.group(2).lower()
    if month not in names:
        return None
    try:
        return dt.date(int(m.group(3)), names.index(month) + 1, int(m.group(1)))
    except ValueError:
        return None


_ANCHORS = {
    "menimbang": re.compile(r"^Menimbang\b", re.I),
    "mengingat": re.compile(r"^Mengingat\b", re.I),
    "memperhatikan": re.compile(r"^Memperhatikan\b", re.I),
    "memutuskan": re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b\s*:?", re.I),
    "ditetapkan": re.compile(r"^Ditetapkan\s+di\b", re.I),
    "diundangkan": re.compile(r"^Diundangkan\s+di\b", re.I),
    "tembusan": re.compile(r"^Tembusan\b", re.I),
    "penjelasan": re.compile(r"^PENJELASAN(\s+ATAS\b|$)"),
    "lampiran": re.compile(r"^LAMPIRAN\b"),
}
_LABEL = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*:?\s*", re.I)
# the regional head's title as printed: BUPATI, WALIKOTA / WALI KOTA / WALIKOTAMADYA, GUBERNUR, and the
# pre-1999 'KEPALA DAERAH TINGKAT I/II' forms
_JABATAN = rf"(?:{KEPALA_DAERAH})(?:\s+KEPALA\s+DAERAH(?:\s+TINGKAT\s+(?:I|II|1|11))?)?"
_JUDUL = re.compile(rf"^(PERATURAN|KEPUTUSAN)\s+({_JABATAN})\s+(.+)$")
_JABATAN_LINE = re.compile(rf"^{_JABATAN}\s+[A-Z .'-]+,?$")
_NOMOR = re.compile(r"^NOMOR\s*:?\s*(.*?)(?:\s+TAHUN\s+(\S+)(?:\s+\S{1,4}){0,3})?(?:\s+TENTANG)?$")
#: the Peraturan of each level's head (a Keputusan is 'keputusan' at every level)
_PERATURAN_OF = {"kabupaten": "perbup", "kota": "perwali", "provinsi": "pergub"}


def _tingkat(kepala: str) -> Optional[str]:
    """'BUPATI' -> kabupaten, 'WALIKOTA'/'WALI KOTA'/'WALIKOTAMADYA' -> kota, 'GUBERNUR' -> provinsi."""
    return {"BUP": "kabupaten", "WAL": "kota", "GUB": "provinsi"}.get(kepala.strip().upper()[:3])


_SEBUTAN = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}
_PERUBAHAN = re.compile(r"^(PERUBAHAN(?:\s+(?:KEDUA|KETIGA|KEEMPAT|KELIMA|\w+))?\s+ATAS|PENCABUTAN(?:\s+ATAS)?)\s+"
                        rf"(PER\w*AN|KEPUTUSAN)\s+({_JABATAN})?\s*(.*?)\s*NOMOR\s+(\S+)\s+TAHUN\s+(\d{{4}})")
_AGAR = re.compile(r"Agar setiap orang mengetahuinya")
_BERITA = re.compile(r"^(BERITA DAERAH .+?) TAHUN (\d{4}|\.\.\.|…) NOMOR (\S+)(?: SERI\s*:?\s*(\S+))?\s*$")


# the konsiderans closing point: 'berdasarkan pertimbangan …', or its older and looser forms ('bahwa untuk
# maksud tersebut huruf a di atas perlu ditetapkan Peraturan Bupati …', '… perlu menetapkan Peraturan …')
_CLOSING = re.compile(r"berdasarkan\s+pert\w{0,3}mbangan|berdasarkan\s+pert\w*\b.{0,200}?\bperlu\s+(?:\w+\s+)?"
                      r"(?:menetapkan|ditetapkan)\b|\bperlu\s+(?:\w+\s+){0,2}(?:menetapkan|ditetapkan|mengatur|membentuk)\s+"
                      r"(?:\w+\s+){0,3}(?:Peraturan|Keputusan)|(?:ditetapkan|diatur)\s+dengan\s+(?:Peraturan|Keputusan)", re.I)


_NO_BAB = "(JUDUL BAB TIDAK ADA PADA SALINAN)"


def _plausible_judul(rest: str) -> bool:
    """'ALOR', 'PROVINSI DAERAH KHUSUS', 'ALOR NOMOR 11 TAHUN 2021': a daerah (and its nomor), not a whole
    garbled cover page that happens to begin with 'PERATURAN GUBERNUR'."""
    return len(re.split(r"\s+NOMOR\b", rest, maxsplit=1)[0]) <= 60


_INLINE_ITEM = re.compile(r"(?<=;)\s*(?=\d{1,2}\s?\.\s*(?:Undang|Peraturan|Keputusan|Qanun|Instruksi)\b)")


def _pasal_form(lines: list[Line]) -> bool:
    """The body opens with a BAB or Pasal heading and carries no diktum label (KESATU, PERTAMA …): Pasal form."""
    first = next((ln.text for ln in lines if not ln.blank), "")
    if not re.match(r"^(BAB\s+[IVXLC]+\b|Pasal\s+\d+\b)", first):
        return False
    return not any(DIKTUM.match(ln.text) or re.match(r"^(PERTAMA|KEDUA|KETIGA)\s*:", ln.text) for ln in lines)


_PEMBUKAAN_LINE = re.compile(r"^(DENGAN\s+(RAHMAT|RAKHMAT|NAMA)\b|ATAS\s+RAHMAT\b|BI\s?SMI|BISMILLAH)")


class DocumentParser:
    def __init__(self, lines: list[Line], notes: Notes, spec_dir: Path | None = None):
        self.lines = lines
        self.notes = notes
        self.spec_dir = spec_dir
        self.spec: dict = {}
        self.nama_jenis = "Peraturan Bupati"
        self.is_keputusan = False
        self.kop: dict = {}
        self.asal: dict = {}
        self.closing_found = True       # the konsiderans has its closing point (or is a single point)
        self.amending: Optional[str] = None     # 'perubahan' / 'pencabutan': read as its own kind (importer.amendment)
        self.amended: list[dict] = []           # the regulation(s) amended or revoked, as the judul names them
        self.amendment_no = 1                   # 2 for a 'Perubahan Kedua', …
        self.body_closed = False
        self.earlier: list[dict] = []           # the amendments before this one, from the Mengingat chain
        self.amended_cited = False              # the copy's Mengingat cites the amended regulation

    # -- sections -----------------------------------------------------------------------------------
    def find(self, name: str, start: int = 0) -> Optional[int]:
        for i in range(start, len(self.lines)):
            if _ANCHORS[name].match(self.lines[i].text):
                return i
        return None

    def parse(self) -> Imported:
        n = len(self.lines)
        i_men = self.find("menimbang")
        i_ing = self.find("mengingat", i_men or 0)
        i_per = self.find("memperhatikan", i_ing or 0)
        i_mem = self.find("memutuskan", i_ing or i_men or 0)
        if i_mem is None:
            # a copy without MEMUTUSKAN (cut above it, or starting inside the body): the body begins at the
            # first BAB or Pasal heading, found by its content
            first = next((k for k in range(i_ing or i_men or 0, n)
                          if re.fullmatch(r"(BAB\s+[IVXL]+|Pasal\s+1)", self.lines[k].text)), None)
            if first is not None:
                self.lines.insert(first, Line(self.lines[first].no, "MEMUTUSKAN"))
                n += 1
                i_mem = first
                self.notes.warn(self.lines[first].no, "'MEMUTUSKAN' tidak ada pada salinan; batang tubuh dibaca "
                                "mulai dari BAB/Pasal pertama")
                self.asal.setdefault("isian", []).append("menetapkan")
        i_lam = self._first_lampiran(i_mem or i_ing or 0)
        end_body = i_lam if i_lam is not None else n
        i_det = self.find("ditetapkan", i_mem or 0)
        if i_det is not None and i_det > end_body:
            i_det = None
        i_und = self.find("diundangkan", i_det or end_body) if i_det is not None else None
        if i_und is not None and i_und > end_body:
            i_und = None
        i_tem = self.find("tembusan", i_det or end_body) if i_det is not None else None
        if i_tem is not None and i_tem > end_body:
            i_tem = None
        i_pjl = self.find("penjelasan", i_det or i_mem or 0)
        if i_pjl is not None and (i_pjl > end_body or self.is_keputusan or self.amending):
            i_pjl = None

        def upto(*candidates):
            found = [c for c in candidates if c is not None]
            return min(found) if found else end_body

        self.title_block(self.lines[: upto(i_men, i_ing, i_mem)])
        self.profile_, self.profile_data = self.profile()
        if i_men is not None:
            self.konsiderans(self.lines[i_men: upto(i_ing, i_mem, i_det)])
        else:
            self.notes.warn(None, "bagian Menimbang tidak ditemukan")
            self.spec["konsiderans"] = ["-"]
        if i_ing is not None:
            self.spec["dasar_hukum"] = self.numbered_citations(self.lines[i_ing: upto(i_per, i_mem, i_det)])
        if i_per is not None and self.is_keputusan:
            self.spec["memperhatikan"] = [t for _, t in self.numbered(self.lines[i_per: upto(i_mem, i_det)])]
        elif i_per is not None:
            self.notes.warn(self.lines[i_per].no, "Peraturan Bupati tidak memuat 'Memperhatikan'; bagian itu tidak dibawa")
        if i_mem is not None:
            self.body(self.lines[i_mem: upto(i_det, i_pjl)])
        if i_det is not None:
            self.penetapan(self.lines[i_det: upto(i_und, i_tem, i_pjl)], "penetapan")
        if i_und is not None:
            self.penetapan(self.lines[i_und: upto(i_tem, i_pjl)], "pengundangan")
        if i_tem is not None and self.is_keputusan:
            # "Yth." before each addressee is the daerah's printing practice (profile formula.tembusan_yth)
            self.spec["tembusan"] = [re.sub(r"^Yth\.?\s*", "", t) for _, t in self.numbered(self.lines[i_tem + 1: upto(i_pjl)])]
        elif i_tem is not None:
            self.notes.warn(self.lines[i_tem].no, "Peraturan Bupati tidak memuat tembusan; bagian itu tidak dibawa")
        if i_pjl is not None:
            count = self._pasal_count()
            penjelasan = parse_penjelasan(self.lines[i_pjl: end_body], count, self.notes)
            if penjelasan:
                self.spec["penjelasan"] = penjelasan
        if i_lam is not None:
            self.lampiran(self.lines[i_lam:])
            if self.profile_data is not None:
                self.profile_ = ProfilDaerah.model_validate(self.profile_data)
        if self.amending:
            self._as_amendment()
        self._incomplete_source()
        if self.spec.get("lampiran") and not self.is_keputusan and not self.amending and any(
                "bab" in b for lamp in self.spec["lampiran"] for b in lamp.get("isi", []) if isinstance(b, dict)):
            self.spec["jenis"] = "pedoman"
        return Imported(self.ordered(), self.profile_, self.profile_data, self.notes, self.lines)

    def _incomplete_source(self) -> None:
        """A copy cut off before the batang tubuh: the empty body is the copy's, not the document's (BT-001).
        The spec says so with a reasoned 'abaikan', so that a check of the import reports what the text shows."""
        cut = self.notes.truncated_at
        diktum = self.is_keputusan and not self.spec.get("batang_tubuh")   # (a Keputusan may have Pasal)
        empty = not self.spec.get("diktum") if diktum else not self.spec.get("batang_tubuh") \
            if not self.amending else not self.body_closed and not self.spec.get("perubahan")
        if self.spec.get("status") == "final" and "penetapan" not in self.spec:
            # an issued regulation is signed: a copy without the signature block stops somewhere before it
            self.asal["terpotong"] = ("konsiderans" if not self.spec.get("dasar_hukum") and empty
                                      and not self.closing_found else
                                      "mengingat" if empty else "penutup" if self._body_closed() else
                                      "diktum" if diktum else "batang_tubuh")
        if (cut or self.asal.get("terpotong")) and empty and not self.amending:
            self.spec["abaikan"] = [{"aturan": "BT-001", "alasan": "naskah sumber terpotong: "
                                     f"{'diktum' if diktum else 'batang tubuh'} tidak tersedia pada salinan"}]
            self.notes.warn(cut, "naskah sumber terpotong; spec hanya memuat bagian yang tersedia")
        if self.spec.get("konsiderans") == ["-"]:
            self.asal.setdefault("isian", []).append("konsiderans")

    def _body_closed(self) -> bool:
        """The body ends with its 'mulai berlaku' provision: the copy stops after it, in the penutup."""
        if self.amending:
            return self.body_closed
        if self.is_keputusan and not self.spec.get("batang_tubuh"):
            return bool(self.spec.get("diktum")) and ("mulai_berlaku" in self.spec or "mulai berlaku" in
                                                      str(self.spec["diktum"][-1]))
        import json  # lazy: only a copy cut off in the body needs it

        tail = json.dumps(self.spec.get("batang_tubuh", [])[-1:], ensure_ascii=False, default=str)
        return "mulai berlaku" in tail or "mulai_berlaku" in tail

    def _pasal_count(self) -> int:
        def count(nodes) -> int:
            return sum(1 if "pasal" in n else count(n.get("isi", [])) for n in nodes)

        return count(self.spec.get("batang_tubuh", []))

    def _first_lampiran(self, start: int) -> Optional[int]:
        for i in range(start, len(self.lines)):
            text = self.lines[i].text
            if _ANCHORS["lampiran"].match(text) and not re.match(r"^LAMPIRAN\s+(ini|tersebut)\b", text, re.I):
                nxt = " ".join([ln.text for ln in self.lines[i:] if not ln.blank][:3])
                if re.search(r"(PERATURAN|KEPUTUSAN)\s+(BUPATI|WALI)", nxt):
                    return i
        return None

    def ordered(self) -> dict:
        order = ["jenis", "daerah", "status", "salinan", "kepala_naskah", "nomor", "tahun", "tentang", "mengubah",
                 "perubahan_sebelumnya", "dicabut", "belum_berlaku", "konsiderans", "dasar_hukum",
                 "memperhatikan", "batang_tubuh", "diktum", "perubahan", "pasal_ii", "berlaku", "mulai_berlaku",
                 "perintah_pengundangan", "penetapan",
                 "pengundangan", "tembusan", "penjelasan", "lampiran", "abaikan", "asal"]
        asal = {k: v for k, v in self.asal.items() if v}
        if asal:
            self.spec["asal"] = asal
        return {k: self.spec[k] for k in order if k in self.spec}

    # -- title block --------------------------------------------------------------------------------
    def title_block(self, lines: list[Line]) -> None:
        status = "final"
        tentang_lines: list[str] = []
        kepala: list[str] = []        # lines above the title other than the usual BUPATI / PROVINSI kop
        top: list[str] = []
        state = None
        for ln in lines:
            text = ln.text
            if ln.blank:
                if state == "tentang" and tentang_lines:
                    state = "tentang_gap"      # a name broken by a blank line goes on in capitals
                continue
            if state == "tentang_gap":
                state = "tentang" if text == text.upper() and re.search(r"[A-Z]{3}", text) \
                    and not _PEMBUKAAN_LINE.match(text) and not _JABATAN_LINE.match(text) else "after"
            if "jenis" not in self.kop and text.upper() != "SALINAN" and not text.upper().startswith("RANCANGAN") \
                    and not ((jm := _JUDUL.match(text)) and _plausible_judul(jm.group(3))):
                top.append(text)
            if text.upper() == "SALINAN":
                self.spec["salinan"] = True
            elif text.upper().startswith("RANCANGAN") and len(text) < 40:
                status = "rancangan"
            elif (m := _JUDUL.match(text)) and "jenis" not in self.kop and _plausible_judul(m.group(3)):
                self.kop["jenis"] = m.group(1)
                self.kop["jabatan_judul"] = re.sub(r"\s+", " ", m.group(2))
                daerah_text = m.group(3).strip()
                if (nm := re.search(r"\s+(NOMOR\b.*)$", daerah_text)) and _NOMOR.match(nm.group(1)):
                    # 'PERATURAN BUPATI ALOR NOMOR 11 TAHUN 2021' on one line
                    daerah_text = daerah_text[: nm.start()]
                    got = _NOMOR.match(nm.group(1))
                    self.kop["nomor"] = ocr_number(got.group(1).strip())
                    self.kop["tahun"] = ocr_number(got.group(2)) if got.group(2) else None
                self.kop["daerah"] = re.sub(r"^(PROVINSI|PROPINSI|KABUPATEN|KOTA)\s+", "", daerah_text)
                self.is_keputusan = m.group(1) == "KEPUTUSAN"
                self.nama_jenis = f"{m.group(1).capitalize()} {title_case(self.kop['jabatan_judul'])}"
                state = "judul"
            elif state == "judul" and not re.match(r"^(NOMOR|TENTANG)\b", text) and not _JABATAN_LINE.match(text) \
                    and re.fullmatch(r"[A-Z .'-]+", text):
                self.kop["daerah"] += " " + text           # a daerah name broken over two lines
            elif (m := _NOMOR.match(text)) and "nomor" not in self.kop and "jenis" in self.kop:
                self.kop["nomor"] = ocr_number(m.group(1).strip())
                self.kop["tahun"] = ocr_number(m.group(2)) if m.group(2) else None
                if text.rstrip().endswith("TENTANG"):
                    state = "tentang"
                else:
                    state = None
            elif re.fullmatch(r"TENTANG\s*:?", text):
                state = "tentang"
            elif state == "tentang" and not _PEMBUKAAN_LINE.match(text) \
                    and not re.fullmatch(rf"{_JABATAN}\s+[A-Z .'-]+,", text):
                tentang_lines.append(text)
            elif _PEMBUKAAN_LINE.match(text):
                # 'DENGAN RAHMAT TUHAN YANG MAHA ESA', or Aceh's Bismillah + 'DENGAN NAMA ALLAH …' over lines
                self.kop["pembukaan"] = f"{self.kop['pembukaan']} {text}" if state == "pembukaan" else text
                state = "pembukaan"
            elif (m := re.fullmatch(r"PROVINSI\s+(.+)", text)) and "jenis" not in self.kop:
                self.kop["provinsi"] = title_case(m.group(1))
            elif _JABATAN_LINE.match(text):
                self.kop.setdefault("jabatan", text.rstrip(",").strip())
                if state == "tentang":
                    state = "after"
            elif "jenis" not in self.kop:
                kepala.append(text)
            else:
                self.notes.warn(ln.no, f"baris kepala naskah tidak ada tempatnya di spec dan tidak dibawa: '{text[:60]}'")
        if "jenis" not in self.kop and not tentang_lines:
            tentang_lines = self._judul_from_closing()
        daerah = self.kop.get("daerah") or self._daerah_from_jabatan()
        from_jabatan = self._daerah_from_jabatan()
        if daerah and from_jabatan and from_jabatan != daerah and re.fullmatch(r"[A-Z .'-]+", from_jabatan) \
                and not re.fullmatch(r"[A-Z '-]+", re.sub(r"\.(\s|$)", r"\1", daerah)) \
                and difflib.SequenceMatcher(None, daerah.upper(), from_jabatan).ratio() >= 0.75:
            # the OCR garbled the daerah in the judul ('OGAN KOMERINI UI,U TIMUR') and read the jabatan line clean
            self.notes.info(None, f"nama daerah dibaca dari baris jabatan: '{from_jabatan}' (judul: '{daerah}')")
            daerah = from_jabatan
        if not daerah:
            self.notes.warn(lines[0].no if lines else None, "judul dan baris jabatan tidak terbaca: jenis naskah dan "
                            "daerah tidak diketahui; isi 'daerah' dan profilnya sebelum spec dipakai")
            daerah = "TIDAK TERBACA"
            self.asal.setdefault("isian", []).append("daerah")
        self.kop["daerah"] = daerah
        self.spec["jenis"] = "keputusan" if self.is_keputusan else "perbup"
        self.spec["daerah"] = slug(daerah)[:60].strip("-") or "tidak-terbaca"
        self.spec["status"] = status
        nomor, tahun = self.kop.get("nomor"), self.kop.get("tahun")
        if nomor and not re.fullmatch(r"(\.{3}|…)+", nomor) and (not re.search(r"\d", nomor)
                                                                   or re.search(r"[^\w./ :-]|\b[A-Z]{4,}\b", nomor)):
            # OCR beyond reading ('I reHuN zor+'): kept as the copy shows it, marked as not the document's number
            self.notes.warn(None, f"nomor '{nomor[:40]}' pada baris NOMOR tidak terbaca; isi 'nomor' dari naskah asli")
            self.asal.setdefault("isian", []).append("nomor")
        if nomor and not re.fullmatch(r"(\.{3}|…)", nomor):
            self.spec["nomor"] = nomor
        elif nomor and status == "final":
            self.spec["nomor"] = nomor
        if not tahun and nomor and (ym := re.search(r"/\s*((?:19|20)\d{2})\s*$", nomor)):
            tahun = ym.group(1)      # a number in the daerah's form carries its year: '1 / 23 / I /2014'
        if tahun and tahun.isdigit() and 1945 <= int(tahun) <= 2200:
            self.spec["tahun"] = int(tahun)
        elif tahun and tahun not in ("...", "…"):
            self.notes.warn(None, f"tahun '{tahun}' pada baris NOMOR tidak terbaca")
            self.asal.setdefault("isian", []).append("tahun")
        elif status == "final" and ("nomor" in self.kop or "jenis" not in self.kop):
            # an issued document has its year; this copy does not show it readably
            self.asal.setdefault("isian", []).append("tahun")
        if kepala:
            self.spec["kepala_naskah"] = top
            self.notes.info(lines[0].no if lines else None, "kop naskah yang tidak baku disimpan apa adanya (kepala_naskah)")
        self.title_upper = " ".join(tentang_lines)
        self._kind()
        self.spec["tentang"] = title_case(self.title_upper) if self.title_upper else "(judul tidak terbaca)"
        if not self.title_upper:
            self.notes.warn(None, "judul (TENTANG ...) tidak ditemukan")
            self.asal.setdefault("isian", []).append("tentang")

    _NAMED_IN_CLOSING = re.compile(rf"\bperlu\s+(?:\w+\s+){{0,2}}?(?:menetapkan|ditetapkan)\s+(?:dengan\s+)?"
                                   rf"(Peraturan|Keputusan)\s+({KEPALA_DAERAH})\s+(?:[A-Z][\w-]*\s+){{0,3}}?tentang\s+(.+?)\s*[;.]?$",
                                   re.I)

    def _judul_from_closing(self) -> list[str]:
        """A copy without its judul block (a report quoting the konsiderans, a page cut above Menimbang): the
        konsiderans closing point names the document ('… perlu menetapkan Peraturan Bupati tentang Pencabutan
        Peraturan Bupati Majene Nomor 4 Tahun 2023 …'); kind, level and name are read from it, and the daerah
        from a regulation of the same head it names."""
        for ln in self.lines[:200]:
            m = self._NAMED_IN_CLOSING.search(ln.text)
            if not m or not re.match(r"^(?:[a-z]\.\s*)?(?:bahwa|Bahwa)\b|^Menimbang", ln.text) \
                    or not 3 <= len(m.group(3)) <= 600:
                continue
            kind, kepala, name = m.group(1).upper(), re.sub(r"\s+", " ", m.group(2)).upper(), m.group(3)
            self.kop.update(jenis=kind, jabatan_judul=kepala)
            self.is_keputusan = kind == "KEPUTUSAN"
            self.nama_jenis = f"{kind.capitalize()} {title_case(kepala)}"
            daerah = re.search(rf"\b{re.escape(title_case(kepala))}\s+((?:[A-Z][a-z]+\s+){{1,3}}?)Nomor\b", ln.text)
            if daerah and "daerah" not in self.kop:
                self.kop["daerah"] = daerah.group(1).strip().upper()
            self.notes.warn(ln.no, "judul tidak ada pada salinan; jenis dan nama naskah dibaca dari butir penutup "
                            "konsiderans")
            self.asal.setdefault("isian", []).append("judul")
            return [name.upper()]
        return []

    def _daerah_from_jabatan(self) -> Optional[str]:
        m = re.match(rf"^{_JABATAN}\s+(.+)$", self.kop.get("jabatan", ""))
        return m.group(1).strip() if m else None

    def _kind(self) -> None:
        """Kind and level from the judul and the jabatan line, never assumed: Peraturan/Keputusan of a Bupati,
        Wali Kota or Gubernur, and a Perubahan/Pencabutan with the regulation it amends."""
        word = self.kop.get("jabatan_judul") or (self.kop.get("jabatan") or "").split(" KEPALA")[0]
        base = re.match(rf"({KEPALA_DAERAH})", word or "")
        tingkat = _tingkat(base.group(1)) if base else None
        if tingkat is None and "jenis" not in self.kop:
            tingkat = self._kind_from_text()
        if tingkat is None:
            self.notes.warn(None, "jenis naskah tidak terbaca dari judul maupun baris jabatan (Bupati, Wali Kota, "
                            "Gubernur?); spec ditulis sebagai Peraturan Bupati, periksa 'jenis' dan profil daerah")
            self.asal.setdefault("isian", []).append("jenis")
        jenis = "keputusan" if self.is_keputusan else _PERATURAN_OF.get(tingkat, "perbup")
        self.asal.update({"jenis": jenis, "tingkat": tingkat, "nama_jenis": self.nama_jenis})
        self.spec["jenis"] = jenis      # the form: a Peraturan of this level's head, or a Keputusan
        m = _PERUBAHAN.match(re.sub(r"\s+", " ", self.title_upper or ""))
        if m:
            self.asal["induk"] = jenis
            self.asal["jenis"] = "pencabutan" if m.group(1).startswith("PENCABUTAN") else "perubahan"
            if m.group(3):
                self.asal["induk"] = "keputusan" if m.group(2) == "KEPUTUSAN" else _PERATURAN_OF.get(_tingkat(m.group(3)))
            nama = title_case(f"{'Keputusan' if m.group(2) == 'KEPUTUSAN' else 'Peraturan'} "
                              f"{m.group(3) or self.kop.get('jabatan_judul', '')} {m.group(4)}".strip())
            self.asal["mengubah"] = re.sub(r"\s+", " ", f"{nama} Nomor {m.group(5)} Tahun {m.group(6)}")
            if not self.is_keputusan and self.asal["induk"] == jenis:
                # a Peraturan amending or revoking a Peraturan of its own head: the kind legaldraft drafts
                self.amending = self.asal["jenis"]
                self.amendment_no = amendment.amendment_count(m.group(1))
                self.amended = self._amended_from_title(m.start(2))

    def _kind_from_text(self) -> Optional[str]:
        """A judul and jabatan line the OCR made unreadable: the kind as the konsiderans names the document
        ('… ditetapkan dengan Peraturan Bupati'), the level from it or from a head's title opening a kop line
        ('BUPATI mUNGAGU‖ G'); said in a warning, never assumed."""
        end = next((i for i, ln in enumerate(self.lines) if _ANCHORS["mengingat"].match(ln.text)
                    or _ANCHORS["memutuskan"].match(ln.text)), min(len(self.lines), 80))
        text = " ".join(ln.text for ln in self.lines[:end])
        named = list(re.finditer(rf"\b(Peraturan|Keputusan)\s+({KEPALA_DAERAH}|Bupati|Wali\s?[Kk]ota|Gubernur)\b", text))
        if named:
            kind, kepala = named[-1].group(1).upper(), re.sub(r"\s+", " ", named[-1].group(2)).upper()
            self.is_keputusan = kind == "KEPUTUSAN"
            self.nama_jenis = f"{kind.capitalize()} {title_case(kepala)}"
            self.kop["jabatan_judul"] = kepala
            self.notes.warn(None, f"judul tidak terbaca; jenis naskah dibaca dari konsiderans: {self.nama_jenis}")
            return _tingkat(kepala)
        head = next((m for ln in self.lines[:end] if (m := re.match(rf"^({KEPALA_DAERAH})\b", ln.text))), None)
        if head:
            self.notes.warn(None, f"judul tidak terbaca; tingkat daerah dibaca dari kop '{head.group(1)}'")
            return _tingkat(head.group(1))
        return None

    def _amended_from_title(self, start: int) -> list[dict]:
        """'PERATURAN BUPATI X NOMOR 5 TAHUN 2010 TENTANG A DAN PERATURAN BUPATI X NOMOR 7 TAHUN 2012 TENTANG B'
        -> [{nomor, tahun, tentang}, …] (tentang in title case until the Mengingat or the konsiderans gives it)."""
        title = re.sub(r"\s+", " ", self.title_upper)[start:]
        parts = re.split(r"\s+DAN\s+(?=(?:PERATURAN|KEPUTUSAN)\s)", title) if self.amending == "pencabutan" else [title]
        out = []
        for part in parts:
            m = re.match(r"^(?:PER\w*AN|KEPUTUSAN)\b.*?\bNOMOR\s+(\S+)\s+TAHUN\s+(\d{4})(?:\s+TENTANG\s+(.+))?$", part)
            if m:
                ref = {"nomor": ocr_number(m.group(1)), "tahun": int(m.group(2))}
                if m.group(3):
                    ref["tentang"] = title_case(m.group(3).strip())
                out.append(ref)
        return out

    def _amended_name(self, ref: dict) -> str:
        """The amended regulation as the generated texts name it ('Peraturan Bupati Bangli Nomor 47 Tahun 2011
        tentang …'), for recognising the generated konsiderans closing point."""
        return (f"{self.nama_jenis} {self.profile_.nama} Nomor {ref.get('nomor', '...')} Tahun {ref.get('tahun', '...')} "
                f"tentang {ref.get('tentang', '...')}")

    def full_tentang(self) -> str:
        """The tentang legaldraft prints for this document (a Perubahan's and a Pencabutan's is generated)."""
        if self.amending == "perubahan" and self.amended:
            return rumusan.judul_perubahan(self.amendment_no, self._amended_name(self.amended[0]), ordinal)
        if self.amending == "pencabutan" and self.amended:
            return rumusan.judul_pencabutan([self._amended_name(r) for r in self.amended])
        return self.spec["tentang"]

    def _as_amendment(self) -> None:
        """The spec of a Perubahan / Pencabutan: the generated tentang gives way to the regulation(s) named."""
        if not self.amended:
            return
        self.spec["jenis"] = self.amending
        self.spec.pop("tentang", None)
        if self.amending == "pencabutan":
            self.spec["dicabut"] = self.amended
            return
        self.spec["mengubah"] = self.amended[0]
        lampiran = self.spec.get("lampiran", [])
        for item in self.spec.get("perubahan", []):
            if item["unit"] == "lampiran" and item["aksi"] in ("ganti_lampiran", "tambah") and lampiran:
                # the Lampiran this Perubahan carries is the one the change names (ids as finish.assign_ids gives them)
                k = 0 if item["nomor"][0] == "-" or len(lampiran) == 1 else (from_roman(item["nomor"][0]) or 0) - 1
                if 0 <= k < len(lampiran):
                    item["lampiran"] = "lampiran" if len(lampiran) == 1 else f"lampiran-{roman(k + 1).lower()}"
        if self.amendment_no > 1:
            earlier = self.earlier[-(self.amendment_no - 1):] if self.earlier else []
            if len(earlier) < self.amendment_no - 1:
                # 'beberapa kali diubah terakhir dengan …' names the last one only: the others are not printed
                earlier = [{"nomor": "...", "tentang": "..."}] * (self.amendment_no - 1 - len(earlier)) + earlier
                self.asal.setdefault("isian", []).append("perubahan_sebelumnya")
            self.spec["perubahan_sebelumnya"] = earlier
        if not self.amended_cited:
            # legaldraft prints the amended regulation as the last Mengingat item; this copy does not show it
            self.asal.setdefault("isian", []).append("mengubah")

    # -- profile ------------------------------------------------------------------------------------
    def profile(self) -> tuple[ProfilDaerah, Optional[dict]]:
        name = self.spec["daerah"]
        nama = title_case(self.kop["daerah"])
        tingkat = self.asal.get("tingkat")
        # 'surabaya', or a profile named with its level ('kota-surabaya', 'provinsi-jawa-timur') as shipped ones are
        for candidate in (name, *([f"{tingkat}-{name}", f"{name}-{tingkat}"] if tingkat else [])):
            path = find_profile(candidate, self.spec_dir)
            if path is not None:
                profile = _load_profile_file(str(path))
                if profile.nama.upper() == nama.upper() and tingkat in (None, profile.tingkat or "kabupaten") \
                        and (candidate == name or self._same_officials(profile)):
                    self.spec["daerah"] = candidate
                    return profile, None
        tingkat = self.asal.get("tingkat") or "kabupaten"
        provinsi = self.kop.get("provinsi") or (nama if tingkat == "provinsi" else self._provinsi_from_text(nama))
        data = {"nama": nama, "tingkat": tingkat, "sebutan": _SEBUTAN[tingkat], "provinsi": provinsi,
                "tempat_penetapan": self._tempat() or nama}
        kepala = title_case(self.kop.get("jabatan_judul") or "BUPATI")
        if kepala != "Bupati":
            data["kepala_daerah"] = kepala
        jabatan = self.kop.get("jabatan")
        expected = f"{kepala.upper()} {nama.upper()}"
        slip = len(jabatan or "") == len(expected) and [(a, b) for a, b in zip(jabatan or "", expected) if a != b]
        if jabatan and jabatan != expected and not (slip and len(slip) == 1 and slip[0][0].isalpha() and slip[0][1].isalpha()):
            # (a jabatan line one OCR'd letter away from the judul's, 'WALIKOTA KENDARJ', is the same jabatan)
            data["jabatan_kepala"] = jabatan
        if not self.is_keputusan and self.nama_jenis != "Peraturan Bupati":
            data.setdefault("formula", {})["nama_jenis_peraturan"] = self.nama_jenis
        if self.kop.get("pembukaan") and self.kop["pembukaan"] != "DENGAN RAHMAT TUHAN YANG MAHA ESA":
            data.setdefault("formula", {})["pembukaan"] = self.kop["pembukaan"]
        return ProfilDaerah.model_validate(data), data

    def _same_officials(self, profile: ProfilDaerah) -> bool:
        """A shipped profile named with its level ('kota-surabaya') is this document's only when the document's
        jabatan line is the profile's and its head (if the profile names one) signs it: a profile of today's
        officials is not the profile of a 2008 document."""
        jabatan = self.kop.get("jabatan")
        if jabatan and jabatan.upper() != profile.jabatan.upper():
            return False
        head = (profile.nama_bupati or "").strip().upper()
        return not head or any(ln.text.strip().upper() == head for ln in self.lines)

    def _provinsi_from_text(self, nama: str) -> str:
        text = " ".join(ln.text for ln in self.lines)
        m = re.search(rf"{re.escape(nama)} di Provinsi ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text, re.I)
        if m:
            return title_case(m.group(1).upper())
        self.notes.warn(None, "provinsi tidak disebut dalam naskah; isi 'provinsi' di profil daerah")
        return "..."

    def _tempat(self) -> Optional[str]:
        for ln in self.lines:
            m = re.match(r"^Ditetapkan\s+di\s+(.+)$", ln.text, re.I)
            if m:
                return m.group(1).strip()
        return None

    # -- konsiderans and dasar hukum --------------------------------------------------------------
    def konsiderans(self, lines: list[Line]) -> None:
        lines = self._strip_label(lines)
        if lines and re.match(r"^[Bb]ahwa\b", lines[0].text) and any(re.match(r"^b\s?\.\s+[Bb]ahwa\b", ln.text)
                                                                    for ln in lines[1:]):
            lines[0] = Line(lines[0].no, "a. " + lines[0].text)     # the first point lost its 'a.' (OCR, a scan)
        paras = [p for p in paragraphs(lines)]
        numbered = [p for p in paras if p.kind == "number"]
        if not any(p.kind == "letter" for p in paras) and len(numbered) >= 2 \
                and all(re.match(r"^[Bb]ahwa\b", p.text) for p in numbered):
            # points numbered '1.', '2.' (a database page renumbers them): the points, by their 'bahwa'
            paras = [Para(p.no, "letter", p.index, p.text, p.marker) if p.kind == "number" else p for p in paras]
        marked = [p for p in paras if p.kind == "letter"]
        if not marked:
            text = " ".join(p.text for p in paras) or "-"
            poin = [text]
            self.spec["konsiderans"] = poin if "perlu menetapkan" in text else {"poin": poin, "tunggal": True}
            return
        points: list[str] = []
        for p in paras:
            if p.kind == "letter" and p.index == len(points):
                points.append(p.text)
            elif points:
                points[-1] = join(points[-1], p.text)
            else:
                self.notes.warn(p.no, "teks sebelum butir a konsiderans digabung ke butir a")
                points.append(p.text)
        closing = points[-1]
        poin = points[:-1] if len(points) > 1 and _CLOSING.search(closing) else points
        self.closing_found = poin is not points
        kon: dict = {"poin": poin}
        if poin is not points:
            self._tentang_from_closing(closing)
            generated = self._generated_closings(len(poin))
            koma = self.profile_.formula.koma_sebelum_perlu
            if generated.get(closing) is koma:
                pass
            elif closing in generated and self.profile_data is not None:
                # a daerah profile written from this document takes the document's form
                self.profile_data.setdefault("formula", {})["koma_sebelum_perlu"] = generated[closing]
                self.profile_ = ProfilDaerah.model_validate(self.profile_data)
            else:
                kon["penutup"] = closing
        self.spec["konsiderans"] = kon if len(kon) > 1 else poin

    def _generated_closings(self, n: int) -> dict[str, bool]:
        huruf = [letters(i) for i in range(n)]
        out = {}
        for comma in (False, True):
            out[rumusan.penutup_konsiderans(huruf, self.nama_jenis, self.full_tentang(), comma)] = comma
        return out

    def _tentang_from_closing(self, closing: str) -> None:
        """The konsiderans closing point writes the name in normal case: prefer it to a guessed title case."""
        m = re.search(rf"{re.escape(self.nama_jenis)} tentang (.+?);?$", closing)
        if m and self.title_upper and m.group(1).upper() == self.title_upper:
            self.spec["tentang"] = m.group(1)
            if self.amending and self.amended and (t := re.search(r" tentang (.+)$", m.group(1))) \
                    and t.group(1).upper() == self.amended[-1].get("tentang", "").upper():
                self.amended[-1]["tentang"] = t.group(1)       # the name in normal case

    def _strip_label(self, lines: list[Line]) -> list[Line]:
        out = list(lines)
        for i, ln in enumerate(out):
            if not ln.blank:
                rest = _LABEL.sub("", ln.text, count=1).strip()
                rest = re.sub(r"^[.:;,]+\s*(?=\S)", "", rest)      # 'Menimbang :. bahwa' - a stray mark after the label
                out[i] = Line(ln.no, rest)
                break
        out = [ln for ln in out if not ln.blank]
        if out and re.fullmatch(r"[.:;,]+", out[0].text):       # the label's colon on a line of its own
            out = out[1:]
        if out:
            out[0] = Line(out[0].no, re.sub(r"^[:;]\s*(?=\S)", "", out[0].text))
        return out

    def numbered(self, lines: list[Line]) -> list[tuple[int, str]]:
        lines = self._strip_label(lines)
        paras = paragraphs(lines)
        items: list[tuple[int, str]] = []
        for p in paras:
            if p.kind == "number" and p.index == len(items):
                items.append((p.no, p.text))
            elif items:
                items[-1] = (items[-1][0], join(items[-1][1], p.text))
            else:
                items.append((p.no, p.text))
        return items

    def on_date(self) -> dt.date:
        tahun = self.spec.get("tahun")
        return dt.date(tahun, 12, 31) if tahun else dt.date.today()

    def numbered_citations(self, lines: list[Line]) -> list:
        registry = verified_national().extended(self.profile_.registry)
        on = self._penetapan_date() or self.on_date()
        out = []
        # an item that runs on after the one before on the same line: '… Nomor 5049}; 4.Undang― Undang …'
        lines = [Line(ln.no, part) for ln in lines for part in _INLINE_ITEM.split(ln.text) if part] if any(
            _INLINE_ITEM.search(ln.text) for ln in lines) else lines
        for no, text in self.numbered(lines):
            parsed = parse_citation(text)       # read once: as the amended regulation or as a dasar hukum
            if self._amended_citation(text, parsed):
                continue
            item, parsed = dasar_hukum_item(text, registry, on, parsed)
            if "teks" in item:
                tahun = "" if parsed.tahun_in_nomor else parsed.tahun or ""
                what = f"{parsed.jenis.value} {parsed.nomor or ''}/{tahun}" if parsed.jenis else "tidak terbaca"
                self.notes.info(no, f"dasar hukum ({what}) disimpan apa adanya (teks): rumusan registry berbeda")
            out.append(item["ref"] if set(item) == {"ref"} else item)
        return out

    def _amended_citation(self, text: str, parsed: Citation) -> bool:
        """A Perubahan's Mengingat item citing the amended regulation: legaldraft prints it from ``mengubah``
        (with the amendments before this one), so its data go there instead of the dasar hukum."""
        if self.amending != "perubahan" or not self.amended or self.amended_cited:
            return False
        ref = self.amended[0]
        found = amendment.amended_citation(text, ref["nomor"], ref["tahun"], parsed)
        if found is None:
            return False
        if found.get("tentang") and found["tentang"].upper().rstrip(" ;.,") == ref.get("tentang", "").upper():
            ref["tentang"] = found["tentang"].rstrip(" ;.,")
        if found.get("lembaran"):
            ref["lembaran"] = found["lembaran"]
        self.earlier = found["chain"]
        self.amended_cited = True
        return True

    def _penetapan_date(self) -> Optional[dt.date]:
        for i, ln in enumerate(self.lines):
            if re.match(r"^Ditetapkan\s+di\b", ln.text, re.I) and i + 1 < len(self.lines):
                return parse_tanggal(self.lines[i + 1].text)
        return None

    # -- MEMUTUSKAN, batang tubuh / diktum ---------------------------------------------------------
    def body(self, lines: list[Line]) -> None:
        lines = loose_headings([ln for ln in lines if not ln.blank], self.notes)
        i = 1
        # the Menetapkan line is generated; skip it (and its continuation) up to the first unit
        while i < len(lines) and not (is_heading(lines[i].text) or DIKTUM.match(lines[i].text)
                                      or re.match(r"^Pasal\s+\d+\s+\S", lines[i].text)):   # 'Pasal 1 Dengan …' on one line
            i += 1
        if i > 1:
            written = " ".join(_LABEL.sub("", ln.text).strip() for ln in lines[1:i]).strip()
            expected = f"{self.nama_jenis.upper()} TENTANG {self.title_upper}."
            if re.sub(r"\W", "", written.upper()) != re.sub(r"\W", "", expected):
                self.notes.info(lines[1].no, f"baris Menetapkan dibuat ulang dari judul: '{written[:70]}'")
        rest = lines[i:]
        if self.is_keputusan and _pasal_form(rest):
            # a Keputusan of the older form (before the diktum was standard): its body is Pasal, read as such
            self.spec["batang_tubuh"] = self._orphans_in_bab(BodyParser(self.nama_jenis, self.notes).parse(rest))
            self.notes.info(rest[0].no, "Keputusan ber-Pasal (bentuk lama): isinya dibaca sebagai batang tubuh")
            return
        if self.is_keputusan:
            diktum, mulai = parse_diktum(rest, self.nama_jenis, self.notes)
            self.spec["diktum"] = diktum
            if mulai:
                self.spec["mulai_berlaku"] = mulai
            return
        cut = next((k for k, ln in enumerate(rest) if _AGAR.search(ln.text)), None)
        perintah = None
        if cut is not None:
            ln = rest[cut]
            pos = _AGAR.search(ln.text).start()
            before, perintah_text = ln.text[:pos].strip(), ln.text[pos:]
            perintah = " ".join([perintah_text] + [x.text for x in rest[cut + 1:]])
            rest = rest[:cut] + ([Line(ln.no, before)] if before else [])
        if self.amending:
            self._amending_body(rest)
        else:
            self.spec["batang_tubuh"] = self._orphans_in_bab(BodyParser(self.nama_jenis, self.notes).parse(rest))
        if perintah:
            generated = rumusan.perintah_pengundangan(self.nama_jenis, self.profile_.nama_berita_daerah)
            if perintah != generated:
                self.spec["perintah_pengundangan"] = perintah

    def _amending_body(self, lines: list[Line]) -> None:
        """Pasal I / Pasal II of a Perubahan; Pasal 1 / Pasal 2 of a Pencabutan."""
        if self.amending == "perubahan":
            pasal_i = amendment.PasalI(self.nama_jenis, self.notes)
            found = pasal_i.parse(lines)
            for key in ("perubahan", "pasal_ii", "berlaku"):
                if found.get(key):
                    self.spec[key] = found[key]
            self.body_closed = pasal_i.closed
            if not found and lines:
                self.notes.warn(lines[0].no, "Pasal I tidak ditemukan; batang tubuh Perubahan tidak dibawa")
            return
        found = amendment.pencabutan_body(lines, self.nama_jenis, self.notes)
        for ref in found.pop("dicabut", []):
            same = next((r for r in self.amended if str(r.get("nomor")) == ref["nomor"] and r.get("tahun") == ref["tahun"]), None)
            if same is not None and ref.get("lembaran"):
                same["lembaran"] = ref["lembaran"]
            if same is not None and ref.get("tentang", "").upper() == same.get("tentang", "").upper():
                same["tentang"] = ref["tentang"]
        self.spec.update(found)
        self.body_closed = bool(lines)

    def _orphans_in_bab(self, units: list) -> list:
        """A Bagian or Paragraf lives in a BAB: a copy that lost the BAB heading above one keeps it inside a BAB
        whose title is marked as the importer's placeholder."""
        out: list = []
        for unit in units:
            if isinstance(unit, dict) and ("bagian" in unit or "paragraf" in unit):
                if not (out and out[-1].get("bab") == _NO_BAB):
                    line = next((ln.no for ln in self.lines if ln.text.startswith(("Bagian", "Paragraf"))), None)
                    self.notes.warn(line, "Bagian/Paragraf tanpa judul BAB di atasnya; ditempatkan dalam BAB yang "
                                    "judulnya diisi importer")
                    self.asal.setdefault("isian", []).append("batang_tubuh")
                    out.append({"bab": _NO_BAB, "isi": []})
                out[-1]["isi"].append(unit)
            else:
                out.append(unit)
        return out

    # -- signatures ---------------------------------------------------------------------------------
    def penetapan(self, lines: list[Line], key: str) -> None:
        lines = [ln for ln in lines if not ln.blank]
        if not lines:  # 'Diundangkan' as the very last line: nothing to read (found by tests/fuzz_importer.py)
            return
        out: dict = {}
        m = re.match(r"^(?:Ditetapkan|Diundangkan)\s+di\s+(.+)$", lines[0].text, re.I)
        tempat = m.group(1).strip() if m else None
        if tempat and tempat != self.profile_.tempat_penetapan:
            out["tempat"] = tempat
        i = 1
        if i < len(lines) and re.match(r"^pada\s+tanggal\b", lines[i].text, re.I):
            tanggal = parse_tanggal(lines[i].text)
            if tanggal:
                out["tanggal"] = tanggal
            elif re.search(r"\d", lines[i].text):
                self.notes.warn(lines[i].no, f"tanggal tidak terbaca: '{lines[i].text}'")
            i += 1
        rest = lines[i:]
        for ln in [ln for ln in rest if not re.search(r"[A-Za-z]{2,}", ln.text)]:
            # a year or specks left by a scan's columns ('2022', '•'): no jabatan, no name
            self.notes.warn(ln.no, f"baris tanpa kata di blok tanda tangan tidak dibawa: '{ln.text[:30]}'")
        rest = [ln for ln in rest if re.search(r"[A-Za-z]{2,}", ln.text)]
        berita = None
        if key == "pengundangan" and rest and (bm := _BERITA.match(rest[-1].text)):
            berita, rest = bm, rest[:-1]
        if rest and re.match(r"^a\.\s?n\.?\s", rest[0].text, re.I):
            out["atas_nama"] = rest[0].text
            rest = rest[1:]
        default_jabatan = self.profile_.jabatan if key == "penetapan" else self.profile_.jabatan_sekda
        if rest:
            jabatan = rest[0].text.rstrip(",").strip()
            if jabatan != default_jabatan:
                out["jabatan"] = jabatan
            rest = rest[1:]
        default_nama = self.profile_.nama_bupati if key == "penetapan" else self.profile_.nama_sekretaris_daerah
        if rest and rest[0].text.upper() != (default_nama or "").upper() and rest[0].text.strip().lower() != NAMA_BELUM_ADA:
            out["nama"] = rest[0].text  # (a rancangan's visible '(nama)' is no name)
        if rest:
            for extra in rest[1:]:
                self.notes.warn(extra.no, f"baris di bawah nama penanda tangan tidak dibawa (model tidak memuatnya): '{extra.text}'")
        if berita:
            bd = {k: v for k, v in (("tahun", berita.group(2)), ("nomor", berita.group(3))) if v not in ("...", "…")}
            if "tahun" in bd:
                bd["tahun"] = int(bd["tahun"])
            if berita.group(4):
                bd["seri"] = berita.group(4)
            if bd:
                out["berita_daerah"] = bd
            if berita.group(1).upper() != self.profile_.nama_berita_daerah.upper():
                self.notes.warn(rest[-1].no if rest else None, f"nama Berita Daerah '{berita.group(1)}' berbeda dari profil")
        if key == "pengundangan" and self.is_keputusan:
            self.notes.warn(lines[0].no, "Keputusan tidak diundangkan; blok Diundangkan tidak dibawa")
            return
        if out:
            self.spec[key] = out

    # -- lampiran -----------------------------------------------------------------------------------
    def lampiran(self, lines: list[Line]) -> None:
        starts = [i for i, ln in enumerate(lines) if re.match(r"^LAMPIRAN(\s+[IVX]+)?\s*:?(\s|$)", ln.text)
                  and re.search(r"(PERATURAN|KEPUTUSAN)", " ".join([x.text for x in lines[i:] if not x.blank][:3]))]
        starts = starts or [0]
        out = []
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            out.append(parse_lampiran(lines[start:end], self, k))
        self.spec["lampiran"] = out
