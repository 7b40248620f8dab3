"""Dated drafting sources: which form a document is held to depends on the day it was set.

Lampiran II of UU 12/2011 (as amended by UU 13/2022) prescribes today's forms. Documents set earlier followed the
sources of their day, and a rule must not ask a document for a form (or a law) that did not exist then. Each
:class:`DatedForm` below names a form that a rule asks for, the source that first prescribed it, the day from which
documents are held to it, and what earlier documents wrote instead, each with its citation. A rule reports a
finding about such a form with ``ctx.report(..., since=FORM)``: a document certainly set before the day gets the
finding as info, with the source named (:meth:`legaldraft.rules.engine.CheckContext.report`).

Sources read (transcribed texts in the GitHub repository mblonyox/data-peraturan, and stored public pages):

- **UU 10/2004** (LN 2004 No. 53): Pasal 58 — "mulai berlaku pada tanggal diundangkan [22 Juni 2004], yang mulai
  dilaksanakan pada tanggal 1 November 2004"; its Penjelasan Umum angka 4 huruf e names Keppres 44/1999 among the
  overlapping rules it replaces. Lampiran butir 22 and 24 (closing point "… perlu menetapkan …"), butir 30 (the
  UUD as "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", both U capital), butir 31 ("kedua huruf u ditulis
  dengan huruf kapital"; UU, PP and Perpres "dilengkapi dengan pencantuman Lembaran Negara Republik Indonesia dan
  Tambahan Lembaran Negara Republik Indonesia yang diletakkan di antara tanda baca kurung"). It says nothing of the
  Lembaran Daerah in a citation. Pasal 56: the regulating Keputusan of regional heads made before it "harus dibaca
  peraturan". Its butir 233 huruf b (and UU 12/2011's, as enacted) gives for an amended regulation only the Pasal I
  form "… yang telah beberapa kali diubah dengan Undang-Undang: a. …, b. …".
- **Keppres 44/1999** (LN 1999 No. 70), before it: Pasal 2 applies its technique to regulations "tingkat pusat dan
  tingkat daerah"; its own Mengingat reads "Pasal 4 ayat (1) Undang-Undang Dasar 1945", its Pasal 3 ayat (2) writes
  "Rancangan Undang-undang", and its example of a revocation cites "(Lembaran Negara Nomor 36, Tambahan Lembaran
  Negara Nomor 3086)" without "Republik Indonesia" (pasal.id copy). Before 1999 the rules named in UU 10/2004
  Penjelasan Umum angka 4 concern, by their titles, the preparation of RUU and RPP (Inpres 15/1970, Keppres
  188/1998, the basis of Keppres 44/1999 per its konsiderans); their texts were not read, and no citation form for a
  regional Keputusan of that time was found.
- **UU 12/2011** (LN 2011 No. 82), in force on its promulgation, 12 August 2011: Lampiran II butir 49 adds the
  Lembaran Daerah and Tambahan Lembaran Daerah of a cited Perda; butir 47-48 keep LN/TLN for UU and PP, and for a
  Perpres only on treaties and states of emergency.
- **UU 13/2022** (LN 2022 No. 143), in force on 16 June 2022: the butir it inserted or changed.
- **UU 23/2014** (LN 2014 No. 244), 2 October 2014: Pasal 1 angka 26 writes "bupati/wali kota" (two words);
  UU 32/2004 wrote "Bupati/Walikota".

Where this table and reference/tata-naskah-rules.md differ, the source read here wins (the catalogue gives the
forms of UU 12/2011 without dates).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model.tingkat import WALI_KOTA_SEJAK
from ..naskah import rumusan
from .engine import UU_13_2022 as UU_13_2022_DAY


@dataclass(frozen=True)
class DatedSource:
    """A regulation that sets, from a day on, the form a rule asks for."""

    short: str          # 'UU 10/2004'
    day: dt.date        # documents set on or after this day are held to the forms it prescribes
    why: str            # the exact citation of that day


@dataclass(frozen=True)
class DatedForm:
    """A form asked for by some rules, and the regulation from whose day it holds."""

    key: str
    rules: tuple[str, ...]   # the rules that ask for this form
    since: DatedSource
    form: str                # what is asked (Indonesian)
    source: str              # where the form is prescribed
    before: str              # what documents set earlier wrote, and where that is seen
    earlier: str = "naskah yang lebih dahulu hanya diberi info."   # what a finding on an earlier document becomes

    @property
    def day(self) -> dt.date:
        return self.since.day

    @property
    def short(self) -> str:
        return self.since.short


UU_10_2004 = DatedSource("UU 10/2004", dt.date(2004, 11, 1),
                         "UU 10/2004 Pasal 58: berlaku sejak diundangkan 22 Juni 2004, mulai dilaksanakan 1 November 2004")
UU_12_2011 = DatedSource("UU 12/2011", dt.date(2011, 8, 12),
                         "UU 12/2011: diundangkan dan berlaku 12 Agustus 2011 (LN 2011 Nomor 82)")
UU_23_2014 = DatedSource("UU 23/2014", WALI_KOTA_SEJAK,
                         "UU 23/2014: diundangkan dan berlaku 2 Oktober 2014 (LN 2014 Nomor 244)")
UU_13_2022 = DatedSource("UU 13/2022", UU_13_2022_DAY,
                         "UU 13/2022: diundangkan dan berlaku 16 Juni 2022 (LN 2022 Nomor 143)")

LN_TLN = DatedForm(
    "ln-tln", ("DH-008", "DH-015"), UU_10_2004,
    "Undang-Undang dan Peraturan Pemerintah dikutip dengan Lembaran Negara dan Tambahan Lembaran Negara di dalam kurung",
    "UU 10/2004 Lampiran butir 31; UU 12/2011 Lampiran II butir 47",
    "sebelumnya tidak ada bentuk kutipan yang mewajibkannya bagi naskah daerah: Keputusan Gubernur Jawa Timur 35/1995 "
    "mengutip 'Undang-undang Nomor 5 Tahun 1974;' tanpa nama dan tanpa Lembaran Negara")
LN_WORDING = DatedForm(
    "ln-republik-indonesia", ("DH-014",), UU_10_2004,
    "'Lembaran Negara Republik Indonesia Tahun … Nomor …, Tambahan Lembaran Negara Republik Indonesia Nomor …'",
    "UU 10/2004 Lampiran butir 31; UU 12/2011 Lampiran II butir 47",
    "Keppres 44/1999 Lampiran I (contoh pencabutan): '(Lembaran Negara Nomor 36, Tambahan Lembaran Negara Nomor 3086)'")
LD_TLD = DatedForm(
    "ld-tld", ("DH-008", "DH-014", "DH-015"), UU_12_2011,
    "Peraturan Daerah dikutip dengan Lembaran Daerah dan Tambahan Lembaran Daerah di dalam kurung",
    "UU 12/2011 Lampiran II butir 49",
    "UU 10/2004 Lampiran butir 31 meminta data pengundangan hanya untuk Undang-Undang, Peraturan Pemerintah dan "
    "Peraturan Presiden")
UUD_NAME = DatedForm(
    "nama-uud", ("DH-006", "DH-016"), UU_10_2004,
    "'Undang-Undang Dasar Negara Republik Indonesia Tahun 1945', kedua huruf U kapital",
    "UU 10/2004 Lampiran butir 30; UU 12/2011 Lampiran II butir 44",
    "Keppres 44/1999, Mengingat: 'Pasal 4 ayat (1) Undang-Undang Dasar 1945'")
UNDANG_UNDANG = DatedForm(
    "undang-undang", ("DH-007",), UU_10_2004,
    "'Undang-Undang' dengan dua huruf U kapital dalam dasar hukum",
    "UU 10/2004 Lampiran butir 31 ('kedua huruf u ditulis dengan huruf kapital'); UU 12/2011 Lampiran II butir 46",
    "Keppres 44/1999 Pasal 3 ayat (2): 'Rancangan Undang-undang'; Keputusan Bupati Majalengka 700/2003")
CLOSING_POINT = DatedForm(
    "penutup-konsiderans", ("KON-009",), UU_10_2004,
    "pertimbangan terakhir (atau tunggal) berakhir '… perlu menetapkan [jenis] tentang [nama];'",
    "UU 10/2004 Lampiran butir 22, 24; UU 12/2011 Lampiran II butir 23-27",
    "Keputusan Gubernur Jawa Timur 35/1995: '… perlu menyempurnakan … dengan menuangkannya dalam suatu Keputusan "
    "Gubernur …'")
WALI_KOTA = DatedForm(
    "wali-kota", ("PMB-002", "KON-006", "KU-002"), UU_23_2014,
    "'Wali Kota' (dua kata) pada jabatan dan jenis naskah",
    "UU 23/2014 Pasal 1 angka 26; KBBI",
    "UU 32/2004 menulis 'Bupati/Walikota': naskah sebelum 2 Oktober 2014 memakainya "
    "(legaldraft.model.tingkat memilih kata menurut tanggal); ejaan yang lain pada jabatan atau jenis yang ditulis tangan "
    "hanya peringatan, bukan jabatan lain: kota tetap memakai 'Walikota' sesudah 2014 (Perwali Mataram 42/2016)",
    earlier="kata profil mengikuti tanggal; ejaan yang lain, sebelum atau sesudahnya, hanya peringatan.")

CHAIN = DatedForm(
    "rantai-perubahan", ("DH-010",), UU_13_2022,
    f"peraturan yang telah diubah dikutip dengan perubahannya: '{rumusan.DIUBAH_DENGAN}' / "
    f"'{rumusan.BEBERAPA_KALI_DIUBAH}' dan kutipan perubahan terakhir",
    "UU 12/2011 Lampiran II butir 41a dan contoh 2 (disisipkan UU 13/2022)",
    "Lampiran UU 10/2004 dan Lampiran II UU 12/2011 semula tidak memberi rumusan ini (tidak ada butir atau contohnya); "
    "praktik beragam: 'sebagaimana telah diubah beberapa kali, terakhir dengan' (Perbup Tulungagung 33/2022), "
    "'diubah kedua kali' (Perwali Surabaya 64/2012). Perubahan terakhir yang keliru disebut tetap galat/peringatan pada "
    "tanggal mana pun: itu fakta, bukan bentuk")
RANCANGAN = DatedForm(
    "rancangan", ("JUD-004",), UU_13_2022,
    "rancangan bertanda RANCANGAN dengan nomor dan tahun '...' (tanpa nomor)",
    "UU 12/2011 Lampiran II butir 4a (disisipkan UU 13/2022)",
    "sebelumnya tidak ada bentuk judul rancangan dalam Lampiran II")

KEPUTUSAN_DIKTUM = DatedForm(
    "keputusan-diktum", ("KEP-005",), UU_10_2004,
    "Keputusan kepala daerah berisi penetapan dengan diktum KESATU, KEDUA …; yang mengatur ditetapkan dengan Peraturan "
    "(Pasal/BAB)",
    "UU 10/2004 Pasal 7 ayat (4) dan Pasal 56 (Peraturan Gubernur/Bupati/Walikota; keputusan yang mengatur dibaca "
    "peraturan); UU 12/2011 Pasal 8 dan 100",
    "sebelum UU 10/2004 kepala daerah mengatur dengan Keputusan yang berpasal (Keputusan Gubernur Jawa Timur 35/1995: "
    "'Pasal 1 Dengan Keputusan ini, dibentuk …'); UU 10/2004 Pasal 56 menyebut 'Keputusan Gubernur, Keputusan "
    "Bupati/Walikota … yang sifatnya mengatur, yang sudah ada sebelum Undang-Undang ini berlaku'")

FORMS: tuple[DatedForm, ...] = (LN_TLN, LN_WORDING, LD_TLD, UUD_NAME, UNDANG_UNDANG, CLOSING_POINT, CHAIN, RANCANGAN,
                                KEPUTUSAN_DIKTUM, WALI_KOTA)


#: butir inserted into Lampiran II by UU 13/2022 (Pasal I angka 19; read in data-peraturan uu/2022/13.md)
INSERTED_2022 = ("2a", "3a", "4a", "27a", "27b", "41a", "41b", "41c", "41d", "66a", "69a", "109a", "111a", "111b", "111c",
                 "111d", "111e", "111f", "111g", "111h", "111i", "111j", "111k", "189a", "190a", "190b", "233a", "233b",
                 "234a", "236a", "236b", "236c", "256a", "270a", "270b", "270c", "284a")

#: Rules whose source names a butir inserted or changed by UU 13/2022 but which ask an older document for nothing
#: new (the audit of this session): what they ask was already in Lampiran II as enacted in 2011 (read in
#: data-peraturan uu/2011/12.md), or they read only what legaldraft generates. The others carry ``since``
#: (JUD-003, BHS-003, BHS-004, DH-012, FMT-003, FMT-004, DH-006's ayat) or a dated form above (DH-010, JUD-004).
AUDIT_2022 = {
    "BHS-002": "'paling singkat/lama/lambat/cepat/sedikit/banyak/rendah/tinggi' is butir 256 as enacted (2011); 256a only "
               "adds 'minimal' for criteria, which the rule accepts",
    "BIL-003": "the words after an amount: butir 86 as enacted (2011) asks every number in a pasal or ayat to be followed "
               "by words in brackets; 270c only names the pay items",
    "BT-013": "butir 65 as enacted (2011) already forbids one sanksi BAB for several norms; 66a adds no requirement the "
              "rule reads",
    "JUD-009": "practice (one number, one text); butir 4a is named only for the draft/final distinction",
    "KEP-003": "info: Keputusan numbering is a profile setting; butir 2a is named to say it covers Peraturan only",
    "KON-008": "the pertimbangan of a delegation: butir 24, 25, 27 as enacted (2011); 27a adds examples",
    "PJL-001": "the Penjelasan form: butir 174-191 as enacted (2011); the rule does not read 190b's 'Dihapus.' there",
    "PRB-002": "Pasal I names the amended regulation and its publication: butir 233 huruf a-b as enacted (2011); 233a is "
               "about Pasal II",
    "PRB-003": "reads the instruction sentences legaldraft writes for a spec's 'perubahan:' (the 234a forms are generated), "
               "not a document's own wording",
    "PRB-005": "'Dihapus.' with a capital D and a period: the examples of butir 236 as enacted (2011) write '(2) Dihapus.'",
    "PRB-006": "warning; checks that each Lampiran of a Perubahan is named by a change (consistency of the spec); the 236c "
               "sentence is generated",
}


_WALI_KOTA = re.compile(r"\bwali\s*kota\b", re.I)


#: said after a finding whose only difference is that spelling (a warning, not an error)
WALI_KOTA_SPELLING = " (ejaan 'Walikota'/'Wali Kota')"


def wali_kota_variant(a: str, b: str) -> bool:
    """Two jabatan or jenis that differ only as 'Walikota' and 'Wali Kota' (WALI_KOTA): one office in the spelling of
    UU 32/2004 or of UU 23/2014 Pasal 1 angka 26, not two; kota kept 'Walikota' after 2014 (Perwali Mataram 42/2016)."""
    return a != b and _WALI_KOTA.sub("walikota", a).lower() == _WALI_KOTA.sub("walikota", b).lower()
