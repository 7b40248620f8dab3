"""Every fixed sentence (rumusan baku) and every join of the naskah, written once.

The assemblers print these, the importer compares what it reads with them (to keep only what differs), the
rules compare the drafter's text with them and the amendment planner restates units with them. Nothing else
in the package spells these sentences out (tests/test_layers.py greps for them). Sources: UU 12/2011
Lampiran II as amended by UU 13/2022 (butir and formula numbers in each docstring).
"""
from __future__ import annotations

from typing import Sequence

#: the default tails of "… ini mulai berlaku …" (butir 151: a Peraturan from its promulgation; a Keputusan
#: from its adoption)
DIUNDANGKAN = "pada tanggal diundangkan"
DITETAPKAN = "pada tanggal ditetapkan"

#: the two wordings of an amendment chain (butir 60, DH-010)
DIUBAH_DENGAN = "sebagaimana telah diubah dengan"
BEBERAPA_KALI_DIUBAH = "sebagaimana telah beberapa kali diubah terakhir dengan"

#: a unit removed by an amendment, as the naskah konsolidasi prints it (formula 29)
DIHAPUS = "Dihapus."


def nama_jenis(bentuk: str, profile) -> str:
    """'Peraturan Bupati', 'Peraturan Wali Kota', 'Keputusan Bupati' … as the daerah's profile names its kind
    (``bentuk``: 'peraturan' or 'keputusan')."""
    if bentuk == "keputusan":
        return f"Keputusan {profile.kepala_daerah}"
    return profile.formula.nama_jenis_peraturan


# -- joins ----------------------------------------------------------------------------------------------
def daftar(items: Sequence[str]) -> str:
    """'a', 'a dan b', 'a, b, dan c' (butir 99: the serial comma before 'dan')."""
    items = list(items)
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + f", dan {items[-1]}"


def rentang(first: str, last: str) -> str:
    """'Pasal 3 sampai dengan Pasal 5' (butir 271: three or more consecutive Pasal)."""
    return f"{first} sampai dengan {last}"


def sebagaimana_dimaksud(cited: str, same_pasal: bool) -> str:
    """'sebagaimana dimaksud pada ayat (2)' within a Pasal, '… dalam Pasal 7' outside it (butir 272)."""
    return f"sebagaimana dimaksud {'pada' if same_pasal else 'dalam'} {cited}"


# -- pembukaan ------------------------------------------------------------------------------------------
def penutup_konsiderans(huruf: Sequence[str], nama_jenis: str, tentang: str, koma: bool = False) -> str:
    """Butir 23: 'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c perlu
    menetapkan Peraturan Bupati tentang …;' (``koma``: the daerah writes '…huruf b, perlu menetapkan')."""
    joined = daftar([f"huruf {h}" for h in huruf])
    return (f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {joined}{',' if koma else ''} perlu menetapkan "
            f"{nama_jenis} tentang {tentang};")


# -- batang tubuh ---------------------------------------------------------------------------------------
def pembuka_ketentuan_umum(nama_jenis: str) -> str:
    """Butir 107: 'Dalam Peraturan Bupati ini yang dimaksud dengan:'."""
    return f"Dalam {nama_jenis} ini yang dimaksud dengan:"


def definisi(istilah: str, arti: str, singkatan: str | None = None, sebutan: str = "disingkat") -> str:
    """Butir 109–110: 'Istilah yang selanjutnya disingkat X adalah arti'."""
    if singkatan:
        return f"{istilah} yang selanjutnya {sebutan} {singkatan} adalah {arti}"
    return f"{istilah} adalah {arti}"


def mulai_berlaku(nama_jenis: str, ekor: str | None = None) -> str:
    """Butir 151, formula 20: 'Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.'"""
    return f"{nama_jenis} ini mulai berlaku {ekor or DIUNDANGKAN}."


def perintah_pengundangan(nama_jenis: str, berita_daerah: str) -> str:
    """Butir 157: 'Agar setiap orang mengetahuinya, memerintahkan pengundangan … dalam Berita Daerah …'."""
    return (f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {nama_jenis} ini dengan "
            f"penempatannya dalam {berita_daerah}.")


def pencabutan(nama_jenis: str, names: Sequence[str], belum_berlaku: bool = False) -> tuple[str, list[str], str]:
    """Formula 23 (24 for a regulation not yet in force): the opening, the tabulated regulations when there are
    several, and the closing words."""
    verb = "ditarik kembali dan dinyatakan tidak berlaku." if belum_berlaku else "dicabut dan dinyatakan tidak berlaku."
    names = list(names)
    if len(names) == 1:
        return f"Pada saat {nama_jenis} ini mulai berlaku, {names[0]} {verb}", [], ""
    items = [f"{n};" for n in names[:-2]] + [f"{names[-2]}; dan", f"{names[-1]},"]
    return f"Pada saat {nama_jenis} ini mulai berlaku:", items, verb


def tetap_berlaku(nama_jenis: str, names: Sequence[str]) -> str:
    """Formula 25: the implementing regulations of the replaced regulation stay in force."""
    return (f"Pada saat {nama_jenis} ini mulai berlaku, semua peraturan pelaksanaan dari {daftar(names)} "
            f"dinyatakan masih tetap berlaku sepanjang tidak bertentangan dengan ketentuan dalam {nama_jenis} ini.")


# -- citations ------------------------------------------------------------------------------------------
def rantai_perubahan(text: str, count: int, last: str | None) -> str:
    """'… sebagaimana telah diubah dengan X' (one amendment), '… beberapa kali diubah terakhir dengan Z' (``count``
    amendments, ``last`` the latest), ``text`` alone when there is none."""
    if not count:
        return text
    wording = DIUBAH_DENGAN if count == 1 else BEBERAPA_KALI_DIUBAH
    return f"{text} {wording} {last}"


# -- Perubahan and Pencabutan (butir 233–236c, formulae 26–32) -------------------------------------------
def judul_perubahan(ke: int, amended: str, ordinal) -> str:
    """'Perubahan atas …', 'Perubahan Kedua atas …' (butir 229)."""
    return f"Perubahan {'' if ke == 1 else ordinal(ke) + ' '}atas {amended}"


def judul_pencabutan(names: Sequence[str]) -> str:
    return "Pencabutan " + daftar(names)


def pembuka_pasal_i(amended_chain: str, many: bool, comma: bool) -> str:
    """Formula 26: '(Beberapa) Ketentuan dalam Peraturan Bupati … diubah sebagai berikut:'."""
    return f"{'Beberapa ketentuan' if many else 'Ketentuan'} dalam {amended_chain}{',' if comma else ''} diubah sebagai berikut:"


ALASAN_PERUBAHAN = ("[ALASAN PERUBAHAN: tulis mengapa diubah, misalnya ketentuan yang tidak dapat dilaksanakan, "
                    "perubahan peraturan yang lebih tinggi, atau hasil evaluasi pelaksanaan]")


def konsiderans_perubahan(nama_peraturan: str) -> str:
    """The single pertimbangan of a planned Perubahan: it asks the drafter for the real reason (a placeholder
    that 'check' reports, KON-012), never a generic sentence."""
    return f"bahwa {ALASAN_PERUBAHAN}, sehingga {nama_peraturan} perlu diubah;"


def nama_perubahan(nama_jenis: str, nomor: str | None, tahun, ke: int, ordinal, diubah: str | None = None,
                   rancangan: bool = True) -> str:
    """'Peraturan Bupati Nomor 3 Tahun 2027' once numbered; before that its judul, naming the amended
    regulation when known ('… tentang Perubahan Kedua atas Peraturan Bupati Purwakarta Nomor 12 Tahun 2026
    tentang …'), and 'Rancangan' only for a rancangan."""
    if nomor and tahun:
        return f"{nama_jenis} Nomor {nomor} Tahun {tahun}"
    name = f"{nama_jenis} tentang {judul_perubahan(ke, diubah or nama_jenis, ordinal)}"
    return f"Rancangan {name}" if rancangan else name


def konsolidasi_sejak(names: Sequence[str]) -> str:
    """The extra judul line of a naskah konsolidasi."""
    return f"SEBAGAIMANA TELAH DIUBAH DENGAN {daftar(names).upper()}"


UNIT_TITLE = {
    "bab": lambda n: f"BAB {n}", "bagian": lambda n: f"Bagian {n}", "paragraf": lambda n: f"Paragraf {n}",
    "pasal": lambda n: f"Pasal {n}", "ayat": lambda n: f"ayat ({n})", "angka": lambda n: f"angka {n}",
    "lampiran": lambda n: f"Lampiran {n}".strip(),
}
CONTAINER_UNITS = ("bab", "bagian", "paragraf")


def instruksi(item, nama_jenis: str, bilangan) -> str:
    """The instruction sentence of one numbered change of Pasal I (formulae 27–32), from its ``aksi``, unit
    kind and numbers (a :class:`legaldraft.model.AngkaPerubahan`); ``bilangan`` writes '2 (dua) pasal'."""
    title = UNIT_TITLE[item.unit]
    names = [title(n) for n in item.nomor]
    where = _letak(item)
    count = bilangan(len(item.nomor), item.unit)
    if item.unit == "lampiran":
        name = title(item.nomor[0] if item.nomor[0] != "-" else "")
        if item.aksi == "hapus":
            return f"{name} dihapus."
        if item.aksi == "tambah":
            return (f"Ditambahkan 1 (satu) lampiran sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
                    f"terpisahkan dari {nama_jenis} ini.")
        return (f"Ketentuan {name} diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang merupakan "
                f"bagian tidak terpisahkan dari {nama_jenis} ini.")
    if item.aksi == "hapus":
        return f"{daftar(names)}{where} dihapus."
    if item.aksi == "ubah":
        if item.unit in ("ayat", "angka"):
            return f"Ketentuan {daftar(names)}{where} diubah, sehingga berbunyi sebagai berikut:"
        if item.unit in CONTAINER_UNITS:
            return f"Ketentuan judul {daftar(names)}{where} diubah sehingga berbunyi sebagai berikut:"
        return f"Ketentuan {daftar(names)} diubah sehingga berbunyi sebagai berikut:"
    tail = f"sehingga{where} berbunyi sebagai berikut:" if item.unit in ("ayat", "angka") else "sehingga berbunyi sebagai berikut:"
    if item.aksi == "tambah":
        return f"Setelah {title(item.setelah)}{where} ditambahkan {count}, yakni {daftar(names)} {tail}"
    before, after = item.antara
    if before == "0":
        return f"Sebelum {title(after)}{where} disisipkan {count}, yakni {daftar(names)} {tail}"
    return f"Di antara {title(before)} dan {title(after)}{where} disisipkan {count}, yakni {daftar(names)} {tail}"


def _letak(item) -> str:
    """' Pasal 18' for ayat/angka, ' BAB III' for a Bagian, '' otherwise."""
    if item.unit in ("ayat", "angka") and item.pasal:
        return f" Pasal {item.pasal}"
    if item.unit in ("bagian", "paragraf") and item.letak and item.letak.induk:
        return " " + " ".join(reversed(item.letak.induk.split("/")))
    return ""
