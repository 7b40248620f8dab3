"""Daerah profile: one YAML per regency, referenced by name from many specs."""
# No 'from __future__ import annotations' in model/: pydantic then reads each field's type as an object instead
# of evaluating a string at class creation (start-up time).

from typing import Literal, Optional

from pydantic import ConfigDict, Field, model_validator

from .base import Node, empty_dict
from .reference import Peraturan
from .tingkat import TINGKAT, Tingkat, TingkatDaerah, tingkat_dari


class Halaman(Node):
    """Page set-up. F4 = 215 x 330 mm (FMT-002); margins per butir 284a (top is a profile setting, FMT-004).
    Bounded (finite, from a postcard to A0) so that a mistyped 0, NaN or 1e9 is an error, not a broken DOCX."""

    model_config = ConfigDict(allow_inf_nan=False)

    lebar_mm: float = Field(default=215.0, ge=50, le=1200)
    tinggi_mm: float = Field(default=330.0, ge=50, le=1200)
    margin_atas_mm: float = Field(default=30.0, ge=0, le=300)
    margin_bawah_mm: float = Field(default=25.0, ge=0, le=300)
    margin_kiri_mm: float = Field(default=25.0, ge=0, le=300)
    margin_kanan_mm: float = Field(default=25.0, ge=0, le=300)
    huruf: str = Field(default="Bookman Old Style", min_length=1, max_length=100)
    ukuran_huruf: float = Field(default=12.0, ge=4, le=72)
    spasi: float = Field(default=1.0, ge=0.5, le=5)
    nomor_halaman: Literal["tengah-atas", "tengah-bawah", "kanan-bawah", "tanpa"] = "tengah-atas"
    format_nomor_halaman: str = Field(default="- {n} -", max_length=100, description="Bentuk cetak nomor halaman.")
    baris_tanda_tangan: int = Field(default=4, ge=1, le=10, description=(
        "Ruang tanda tangan (dan cap) antara jabatan dan nama, dalam baris kosong."))

    @model_validator(mode="after")
    def _room_for_text(self):
        if self.lebar_mm - self.margin_kiri_mm - self.margin_kanan_mm < 20 or \
                self.tinggi_mm - self.margin_atas_mm - self.margin_bawah_mm < 20:
            raise ValueError("margin terlalu besar: bidang teks kurang dari 20 mm")
        return self


class Formula(Node):
    """Regional variants of the fixed sentences (Aceh: 'DENGAN RAHMAT ALLAH YANG MAHA KUASA')."""

    pembukaan: str = "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    koma_sebelum_perlu: bool = Field(default=False, description="'…huruf b, perlu menetapkan' (kedua bentuk dijumpai; contoh butir 23 tanpa koma).")
    nama_jenis_peraturan: Optional[str] = Field(default=None, description=(
        "Bawaan dari tingkat daerah: 'Peraturan Bupati', 'Peraturan Wali Kota', 'Peraturan Gubernur'."))
    tanggal_hijriah: bool = False
    naskah_kerja: str = Field(default="NASKAH KERJA — bukan naskah resmi", description=(
        "Tanda di kepala setiap halaman naskah kerja (status: revisi), menurut praktik daerah."))
    tembusan_yth: bool = Field(default=True, description="Setiap tujuan tembusan diawali 'Yth.' (praktik daerah).")


BSRE_CATATAN = ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
                "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara")


class TandaTanganElektronik(Node):
    """Placeholders of the daerah's TTE (BSrE) signing service: it stamps nomor, tanggal and the QR code over
    these texts. The defaults are the tags of the common signing services (``${nomor_naskah}``, …)."""

    nomor: str = Field(default="${nomor_naskah}", description="Penanda nomor yang diisi layanan TTE.")
    tanggal: str = Field(default="${tanggal_naskah}", description="Penanda tanggal penetapan.")
    ttd: str = Field(default="${ttd_pengirim}", description="Penanda kotak QR/tanda tangan elektronik.")
    catatan_kaki: str = Field(default=BSRE_CATATAN, description="Kalimat kaki halaman BSrE (bentuk lama: 'Balai Sertifikasi Elektronik').")


class Jdih(Node):
    """How the daerah's JDIH catalogues its documents (Permenkumham 8/2019) and where it publishes them."""

    teu_badan: Optional[str] = Field(default=None, description="T.E.U. Badan; bawaan '<Provinsi>. <Kabupaten/Kota Nama>', untuk provinsi 'Provinsi <Nama>'.")
    singkatan: dict[str, str] = Field(default_factory=empty_dict, description="Singkatan jenis per jenis: {'perwali': 'Perwal'}; bawaan dari tingkat daerah (Perbup, Perwal, Pergub; Kepbup, Kepwal, Kepgub).")
    bidang_hukum: str = "Hukum Administrasi Negara"
    lokasi: Optional[str] = Field(default=None, description="Lokasi dokumen; bawaan 'Bagian Hukum Sekretariat Daerah <Kabupaten/Kota Nama>', untuk provinsi 'Biro Hukum …'.")
    url: Optional[str] = Field(default=None, description="Alamat situs JDIH daerah (untuk urlDownload dan urlDetailPeraturan).")


class Pengiriman(Node):
    """File names of a harmonisasi/fasilitasi bundle, as the receiving system expects them."""

    pola_nama: str = Field(default="{jenis}_{daerah}_{judul}_{berkas}",
                           description="Pola nama berkas; kunci: jenis, daerah, tahun, nomor, judul, berkas, versi.")


class ProfilDaerah(Node):
    nama: str = Field(description="Nama daerah tanpa 'Kabupaten'/'Kota'/'Provinsi': 'Purwakarta', 'Bogor', 'Jawa Timur'.")
    tingkat: Optional[TingkatDaerah] = Field(default=None, description=(
        "kabupaten, kota atau provinsi: menentukan semua kata (BUPATI/WALI KOTA/GUBERNUR, Berita Daerah "
        "Kabupaten/Kota/Provinsi …); bawaan dari 'sebutan', selain itu kabupaten."))
    sebutan: Optional[str] = Field(default=None, description="Bawaan dari tingkat: 'Kabupaten', 'Kota', 'Provinsi'.")
    provinsi: str = Field(description="Provinsi daerah (untuk profil provinsi: namanya sendiri).")
    jabatan_kepala: Optional[str] = Field(default=None, description="Bawaan '<KEPALA DAERAH> <NAMA>': 'BUPATI PURWAKARTA', 'WALI KOTA BOGOR'.")
    kepala_daerah: Optional[str] = Field(default=None, description=(
        "Bawaan dari tingkat: Bupati / Wali Kota (naskah sebelum 2 Oktober 2014: Walikota) / Gubernur; "
        "isi 'Walikota' bila daerah tetap memakai ejaan itu."))
    tempat_penetapan: str
    nama_bupati: Optional[str] = None
    nama_sekretaris_daerah: Optional[str] = None
    lambang: Optional[str] = Field(default=None, description="Path gambar Garuda Pancasila; kosong = placeholder bertanda.")
    berita_daerah: Optional[str] = Field(default=None, description="Bawaan 'Berita Daerah Kabupaten <Nama>'.")
    seri_berita_daerah: Optional[str] = None
    halaman: Halaman = Field(default_factory=Halaman)
    formula: Formula = Field(default_factory=Formula)
    templates: Optional[str] = Field(default=None, description="Folder templat DOCX pengganti templat bawaan.")
    registry: dict[str, Peraturan] = Field(default_factory=empty_dict, description="Peraturan daerah dan UU pembentukan daerah, dengan kuncinya.")
    nomor_keputusan: Optional[str] = Field(default=None, description="Regex penomoran Keputusan daerah (KEP-003, hanya info).")
    lampiran_tanggal: Optional[bool] = Field(default=None, description=(
        "Kepala lampiran memuat baris TANGGAL (opsi profil, LAM-003/KEP-010); bawaan: ya untuk Keputusan, "
        "tidak untuk Peraturan."))
    aturan: dict[str, str] = Field(default_factory=empty_dict, description="Ubah tingkat aturan: {'KON-005': 'off'}.")
    tte: Optional[TandaTanganElektronik] = Field(default=None, description="Tanda tangan elektronik (BSrE): penanda untuk layanan TTE; kosong = tanda tangan basah.")
    jdih: Jdih = Field(default_factory=Jdih)
    pengiriman: Pengiriman = Field(default_factory=Pengiriman)

    @model_validator(mode="after")
    def _words_from_tingkat(self):
        """Fill the words left out from the tingkat table (without marking them as set: ``model_fields_set``
        keeps telling which the daerah chose itself, see :meth:`for_date`)."""
        values = self.__dict__
        if self.tingkat is None:
            values["tingkat"] = tingkat_dari(self.sebutan, self.kepala_daerah)
        row = TINGKAT[self.tingkat]
        if self.sebutan is None:
            values["sebutan"] = row.sebutan
        if self.kepala_daerah is None:
            values["kepala_daerah"] = row.kepala
        if self.formula.nama_jenis_peraturan is None:
            self.formula.__dict__["nama_jenis_peraturan"] = f"Peraturan {self.kepala_daerah}"
        return self

    @property
    def tingkat_daerah(self) -> Tingkat:
        return TINGKAT[self.tingkat]

    def for_date(self, tanggal) -> "ProfilDaerah":
        """The profile as a document of ``tanggal`` words it: a kota profile that does not fix its own spelling
        writes 'Walikota' before UU 23/2014 (see legaldraft/model/tingkat.py)."""
        kepala = self.tingkat_daerah.kepala_pada(tanggal)
        if "kepala_daerah" in self.model_fields_set or kepala == self.kepala_daerah:
            return self
        formula = self.formula
        if "nama_jenis_peraturan" not in formula.model_fields_set:
            formula = formula.model_copy()
            formula.__dict__["nama_jenis_peraturan"] = f"Peraturan {kepala}"
        copy = self.model_copy(update={"formula": formula})
        copy.__dict__["kepala_daerah"] = kepala
        return copy

    @property
    def kop(self) -> list[str]:
        """The kop lines under the lambang: 'BUPATI PURWAKARTA' / 'PROVINSI JAWA BARAT'; a Gubernur's kop names
        only the head ('GUBERNUR JAWA TIMUR')."""
        lines = [self.jabatan]
        if self.tingkat_daerah.baris_provinsi:
            lines.append(f"PROVINSI {self.provinsi.upper()}")
        return lines

    @property
    def nama_daerah(self) -> str:
        return f"{self.sebutan} {self.nama}"

    @property
    def jabatan(self) -> str:
        return self.jabatan_kepala or f"{self.kepala_daerah.upper()} {self.nama.upper()}"

    @property
    def jabatan_sekda(self) -> str:
        return f"SEKRETARIS DAERAH {self.nama_daerah.upper()}"

    @property
    def nama_berita_daerah(self) -> str:
        return self.berita_daerah or f"Berita Daerah {self.nama_daerah}"
