"""A text layer with every character spaced ('P E R A T U R A N B U P A T I B E R A U'): words put back.

Some PDF generators place each glyph on its own, and pdftotext (or a web transcription) then separates every
character with a space, word boundaries lost. The words are recovered by segmenting each spaced run against a
vocabulary of the language of regulations: the words of the national registry's titles, of the fixed sentences
(naskah/rumusan.py), of the names of the provinces, and of the words every regulation uses. A stretch that is
no known word stays one word as it was spelled (a daerah's name, a rare word). Digits and punctuation keep
their place.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

#: words every regional regulation uses, beyond those of the registry's titles and the fixed sentences
COMMON = """
menimbang mengingat memperhatikan menetapkan memutuskan bahwa untuk dalam pada dengan yang dan atau serta dari
oleh bagi kepada terhadap tentang nomor tahun pasal ayat huruf angka peraturan keputusan daerah kabupaten kota
provinsi propinsi pemerintah pemerintahan bupati walikota wali gubernur rahmat tuhan maha esa perlu ditetapkan
menetapkan sebagai landasan pelaksanaan operasional berdasarkan pertimbangan sebagaimana dimaksud maka
memenuhi melaksanakan ketentuan anggaran pendapatan belanja perubahan penjabaran lembaran negara tambahan
republik indonesia undang dasar tingkat pembentukan darurat penetapan telah diubah beberapa kali terakhir
kedua ketiga atas tata cara pedoman pengelolaan keuangan desa dinas badan kantor bagian sekretariat perangkat
organisasi susunan kedudukan tugas fungsi kerja pegawai sipil aparatur pelayanan umum tim penyelenggaraan
berita salinan diundangkan ditetapkan tanggal sekretaris kepala satuan polisi pamong praja rencana pembangunan
jangka menengah panjang program kegiatan standar biaya harga belanja hibah bantuan sosial retribusi pajak izin
""".split()

#: the provinces (their names are words of many regulations' kop, judul and Mengingat)
PROVINCES = """
aceh sumatera utara barat selatan riau jambi bengkulu lampung kepulauan bangka belitung jakarta khusus ibukota
jawa tengah timur yogyakarta istimewa banten bali nusa tenggara kalimantan sulawesi gorontalo maluku papua
pegunungan daya
""".split()

MAX_WORD = 24


@functools.lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    base = Path(__file__).resolve().parent.parent
    words = set(COMMON) | set(PROVINCES)
    for path in (base / "spec" / "data" / "registry.yaml", base / "naskah" / "rumusan.py"):
        if path.is_file():
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{2,}", path.read_text(encoding="utf-8", errors="ignore")))
    words.update({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"})    # point letters
    return frozenset(words)


def is_letter_spaced(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 12 and sum(1 for t in tokens if len(t) == 1) >= 0.8 * len(tokens)


def _segment(run: str) -> list[str]:
    """Letters without spaces -> words: fewest pieces, known words preferred, unknown letters grouped."""
    vocab = vocabulary()
    n = len(run)
    lower = run.lower()
    best: list[tuple[float, int, bool]] = [(0.0, 0, True)] + [(float("inf"), 0, False)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_WORD), end):
            if best[start][0] == float("inf"):
                continue
            piece = lower[start:end]
            if piece in vocab and (len(piece) > 1 or not piece.isalpha() or end - start == n):
                cost = best[start][0] + 1.0
                if cost < best[end][0]:
                    best[end] = (cost, start, True)
        # one unknown character (grouped with its unknown neighbours below)
        if best[end - 1][0] + 1.6 < best[end][0]:
            best[end] = (best[end - 1][0] + 1.6, end - 1, False)
    pieces: list[tuple[str, bool]] = []
    end = n
    while end > 0:
        _, start, known = best[end]
        pieces.append((run[start:end], known))
        end = start
    pieces.reverse()
    words: list[str] = []
    for piece, known in pieces:
        if not known and words and words[-1].startswith("\0"):
            words[-1] += piece
        else:
            words.append(piece if known else "\0" + piece)
    return [w.lstrip("\0") for w in words]


def unspace(text: str) -> str:
    """A letter-spaced line -> words; punctuation and digits where they were."""
    chars = text.split()
    out: list[str] = []
    i = 0
    while i < len(chars):
        if chars[i].isalpha():
            j = i
            while j < len(chars) and chars[j].isalpha():
                j += 1
            out.extend(_segment("".join(chars[i:j])))
            i = j
        elif chars[i].isdigit():
            j = i
            while j < len(chars) and chars[j].isdigit():
                j += 1
            out.append("".join(chars[i:j]))
            i = j
        else:
            out.append(chars[i])
            i += 1
    joined = " ".join(out)
    joined = re.sub(r"\s+([.,;:)])", r"\1", joined)
    joined = re.sub(r"\(\s+", "(", joined)
    joined = re.sub(r"(\w)\s+-\s+(\w)", r"\1-\2", joined)
    return joined
