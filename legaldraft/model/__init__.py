"""Typed model of Peraturan Bupati, Keputusan Bupati and Pedoman (pydantic v2)."""
from .asal import Asal
from .base import Node, assign_locations, walk
from .body import Ayat, Bab, Bagian, Butir, Definisi, Paragraf, Pasal
from .document import (
    Abaikan, BeritaDaerah, Diktum, KeputusanBupati, Konsiderans, KonsideransPoin, Paraf,
    Pedoman, Penetapan, Pengundangan, Penjelasan, PenjelasanPasal, PeraturanBupati, PeraturanGubernur,
    PeraturanWaliKota, Status,
)
from .kinds import JENIS, Dokumen
from .lampiran import (
    BabLampiran, BlokDaftar, BlokGambar, BlokMarkdown, BlokTabel, BlokTeks, ItemDaftar, Lampiran, SubBab, Tabel,
)
from .perubahan import (
    AngkaPerubahan, Letak, PencabutanBupati, PeraturanDiubah, PerubahanBupati, printed_form, raw_label,
)
from .profile import Formula, Halaman, ProfilDaerah
from .tingkat import TINGKAT, WALI_KOTA_SEJAK, Tingkat
from .reference import DasarHukum, JenisPeraturan, Peraturan, Publikasi

__all__ = [n for n in dir() if not n.startswith("_")]
