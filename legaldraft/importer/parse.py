"""Line stream of an issued (or draft) Perbup / Keputusan -> spec dict (+ the daerah profile it needs).

The document is cut at its fixed words (Menimbang, Mengingat, Memperhatikan, MEMUTUSKAN, Menetapkan,
Ditetapkan di, Diundangkan di, BERITA DAERAH, Tembusan, LAMPIRAN) and each part is read by its own function.
Generated text (the konsiderans closing point, Ketentuan Umum opening, mulai berlaku, perintah pengundangan,
signature defaults) is left out of the spec when the document says exactly what legaldraft would print, and
kept verbatim otherwise.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..naskah.assembler import NAMA_BELUM_ADA
from ..naskah import rumusan
from ..model import ProfilDaerah
from ..naskah.numbers import bulan, letters
from .body import BodyParser, is_heading, parse_diktum, DIKTUM
from .citation import dasar_hukum_item
from .items import join, paragraphs
from .lampiran import parse_lampiran
from .text import Line, Notes, ocr_number
from .penjelasan import parse_penjelasan
from ..spec.profiles import _load_profile_file, find_profile
from ..spec.registry import national

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
_JUDUL = re.compile(r"^(PERATURAN|KEPUTUSAN)\s+(BUPATI|WALI ?KOTA)\s+(.+)$")
_NOMOR = re.compile(r"^NOMOR\s*:?\s*(.*?)(?:\s+TAHUN\s+(\S+))?$")
_AGAR = re.compile(r"Agar setiap orang mengetahuinya")
_BERITA = re.compile(r"^(BERITA DAERAH .+?) TAHUN (\d{4}|\.\.\.|…) NOMOR (\S+)(?: SERI\s*:?\s*(\S+))?\s*$")


class DocumentParser:
    def __init__(self, lines: list[Line], notes: Notes, spec_dir: Path | None = None):
        self.lines = lines
        self.notes = notes
        self.spec_dir = spec_dir
        self.spec: dict = {}
        self.nama_jenis = "Peraturan Bupati"
        self.is_keputusan = False
        self.kop: dict = {}

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
        if i_pjl is not None and (i_pjl > end_body or self.is_keputusan):
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
        self._incomplete_source()
        if self.spec.get("lampiran") and not self.is_keputusan and any(
                "bab" in b for lamp in self.spec["lampiran"] for b in lamp.get("isi", []) if isinstance(b, dict)):
            self.spec["jenis"] = "pedoman"
        return Imported(self.ordered(), self.profile_, self.profile_data, self.notes, self.lines)

    def _incomplete_source(self) -> None:
        """A copy cut off before the batang tubuh: the empty body is the copy's, not the document's (BT-001).
        The spec says so with a reasoned 'abaikan', so that a check of the import reports what the text shows."""
        cut = self.notes.truncated_at
        empty = not self.spec.get("diktum") if self.is_keputusan else not self.spec.get("batang_tubuh")
        if cut and empty:
            self.spec["abaikan"] = [{"aturan": "BT-001", "alasan": "naskah sumber terpotong: "
                                     f"{'diktum' if self.is_keputusan else 'batang tubuh'} tidak tersedia pada salinan"}]
            self.notes.warn(cut, "naskah sumber terpotong; spec hanya memuat bagian yang tersedia")

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
        order = ["jenis", "daerah", "status", "salinan", "kepala_naskah", "nomor", "tahun", "tentang", "konsiderans", "dasar_hukum",
                 "memperhatikan", "batang_tubuh", "diktum", "mulai_berlaku", "perintah_pengundangan", "penetapan",
                 "pengundangan", "tembusan", "penjelasan", "lampiran", "abaikan"]
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
                    state = "after"
                continue
            if "jenis" not in self.kop and text.upper() != "SALINAN" and not text.upper().startswith("RANCANGAN") \
                    and not _JUDUL.match(text):
                top.append(text)
            if text.upper() == "SALINAN":
                self.spec["salinan"] = True
            elif text.upper().startswith("RANCANGAN") and len(text) < 40:
                status = "rancangan"
            elif (m := _JUDUL.match(text)) and "jenis" not in self.kop:
                self.kop["jenis"] = m.group(1)
                self.kop["daerah"] = m.group(3).strip()
                self.is_keputusan = m.group(1) == "KEPUTUSAN"
                self.nama_jenis = "Keputusan Bupati" if self.is_keputusan else "Peraturan Bupati"
            elif (m := _NOMOR.match(text)) and "nomor" not in self.kop and "jenis" in self.kop:
                self.kop["nomor"] = ocr_number(m.group(1).strip())
                self.kop["tahun"] = ocr_number(m.group(2)) if m.group(2) else None
            elif re.fullmatch(r"TENTANG\s*:?", text):
                state = "tentang"
            elif state == "tentang" and not text.startswith("DENGAN RAHMAT") \
                    and not re.fullmatch(r"(BUPATI|WALI ?KOTA)\s+[A-Z .'-]+,", text):
                tentang_lines.append(text)
            elif text.startswith("DENGAN RAHMAT"):
                self.kop["pembukaan"] = text
                state = "after"
            elif (m := re.fullmatch(r"PROVINSI\s+(.+)", text)) and "jenis" not in self.kop:
                self.kop["provinsi"] = title_case(m.group(1))
            elif re.fullmatch(r"(BUPATI|WALI ?KOTA)\s+[A-Z .'-]+,?", text):
                self.kop.setdefault("jabatan", text.rstrip(","))
                if state == "tentang":
                    state = "after"
            elif "jenis" not in self.kop:
                kepala.append(text)
            else:
                self.notes.warn(ln.no, f"baris kepala naskah tidak ada tempatnya di spec dan tidak dibawa: '{text[:60]}'")
        daerah = self.kop.get("daerah") or (self.kop.get("jabatan", "BUPATI CONTOH").split(" ", 1)[-1])
        self.kop["daerah"] = daerah
        self.spec["jenis"] = "keputusan" if self.is_keputusan else "perbup"
        self.spec["daerah"] = slug(daerah)
        self.spec["status"] = status
        nomor, tahun = self.kop.get("nomor"), self.kop.get("tahun")
        if nomor and not re.fullmatch(r"(\.{3}|…)", nomor):
            self.spec["nomor"] = nomor
        elif nomor and status == "final":
            self.spec["nomor"] = nomor
        if tahun and tahun.isdigit() and 1945 <= int(tahun) <= 2200:
            self.spec["tahun"] = int(tahun)
        elif tahun and tahun not in ("...", "…"):
            self.notes.warn(None, f"tahun '{tahun}' pada baris NOMOR tidak terbaca")
        if kepala:
            self.spec["kepala_naskah"] = top
            self.notes.info(lines[0].no if lines else None, "kop naskah yang tidak baku disimpan apa adanya (kepala_naskah)")
        self.title_upper = " ".join(tentang_lines)
        self.spec["tentang"] = title_case(self.title_upper) if self.title_upper else "(judul tidak terbaca)"
        if not self.title_upper:
            self.notes.warn(None, "judul (TENTANG ...) tidak ditemukan")

    # -- profile ------------------------------------------------------------------------------------
    def profile(self) -> tuple[ProfilDaerah, Optional[dict]]:
        name = self.spec["daerah"]
        nama = title_case(self.kop["daerah"])
        path = find_profile(name, self.spec_dir)
        if path is not None:
            profile = _load_profile_file(str(path))
            if profile.nama.upper() == nama.upper():
                return profile, None
        provinsi = self.kop.get("provinsi") or self._provinsi_from_text(nama)
        data = {"nama": nama, "sebutan": "Kabupaten", "provinsi": provinsi, "tempat_penetapan": self._tempat() or nama}
        jabatan = self.kop.get("jabatan")
        if jabatan and jabatan != f"BUPATI {nama.upper()}":
            data["jabatan_kepala"] = jabatan
        if self.kop.get("pembukaan") and self.kop["pembukaan"] != "DENGAN RAHMAT TUHAN YANG MAHA ESA":
            data["formula"] = {"pembukaan": self.kop["pembukaan"]}
        return ProfilDaerah.model_validate(data), data

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
        paras = [p for p in paragraphs(lines)]
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
        poin = points[:-1] if len(points) > 1 and "berdasarkan pertimbangan" in closing else points
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
            out[rumusan.penutup_konsiderans(huruf, self.nama_jenis, self.spec['tentang'], comma)] = comma
        return out

    def _tentang_from_closing(self, closing: str) -> None:
        """The konsiderans closing point writes the name in normal case: prefer it to a guessed title case."""
        m = re.search(rf"{re.escape(self.nama_jenis)} tentang (.+?);?$", closing)
        if m and self.title_upper and m.group(1).upper() == self.title_upper:
            self.spec["tentang"] = m.group(1)

    def _strip_label(self, lines: list[Line]) -> list[Line]:
        out = list(lines)
        for i, ln in enumerate(out):
            if not ln.blank:
                rest = _LABEL.sub("", ln.text, count=1).strip()
                out[i] = Line(ln.no, rest)
                break
        return [ln for ln in out if not ln.blank]

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
        registry = national().extended(self.profile_.registry)
        on = self._penetapan_date() or self.on_date()
        out = []
        for no, text in self.numbered(lines):
            item, parsed = dasar_hukum_item(text, registry, on)
            if "teks" in item:
                tahun = "" if parsed.tahun_in_nomor else parsed.tahun or ""
                what = f"{parsed.jenis.value} {parsed.nomor or ''}/{tahun}" if parsed.jenis else "tidak terbaca"
                self.notes.info(no, f"dasar hukum ({what}) disimpan apa adanya (teks): rumusan registry berbeda")
            out.append(item["ref"] if set(item) == {"ref"} else item)
        return out

    def _penetapan_date(self) -> Optional[dt.date]:
        for i, ln in enumerate(self.lines):
            if re.match(r"^Ditetapkan\s+di\b", ln.text, re.I) and i + 1 < len(self.lines):
                return parse_tanggal(self.lines[i + 1].text)
        return None

    # -- MEMUTUSKAN, batang tubuh / diktum ---------------------------------------------------------
    def body(self, lines: list[Line]) -> None:
        lines = [ln for ln in lines if not ln.blank]
        i = 1
        # the Menetapkan line is generated; skip it (and its continuation) up to the first unit
        while i < len(lines) and not (is_heading(lines[i].text) or DIKTUM.match(lines[i].text)):
            i += 1
        if i > 1:
            written = " ".join(_LABEL.sub("", ln.text).strip() for ln in lines[1:i]).strip()
            expected = f"{self.nama_jenis.upper()} TENTANG {self.title_upper}."
            if re.sub(r"\W", "", written.upper()) != re.sub(r"\W", "", expected):
                self.notes.info(lines[1].no, f"baris Menetapkan dibuat ulang dari judul: '{written[:70]}'")
        rest = lines[i:]
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
        self.spec["batang_tubuh"] = BodyParser(self.nama_jenis, self.notes).parse(rest)
        if perintah:
            generated = rumusan.perintah_pengundangan(self.nama_jenis, self.profile_.nama_berita_daerah)
            if perintah != generated:
                self.spec["perintah_pengundangan"] = perintah

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
