"""Fuzzing the importer with random DOCX/ODT/PDF/text structures and hostile zips (issue 17).

Run as a script by tests/test_hostile.py in a process with a memory cap: ``python fuzz_importer.py SEED COUNT
FOLDER``. Every input must give an Imported result or a refusal the CLI shows as bad input (ImportError_,
SpecError); anything else (an IndexError deep in the parser, a MemoryError, a hang past PER_INPUT_SECONDS) is
printed as a failure. The last line of output is a JSON summary.
"""
from __future__ import annotations

import io
import json
import random
import signal
import sys
import time
import traceback
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import hostile_cases  # noqa: E402
from importer_support import pdf_bytes  # noqa: E402

PER_INPUT_SECONDS = 20
LINES = ["PERATURAN BUPATI PURWAKARTA", "NOMOR 12 TAHUN 2026", "TENTANG", "SISTEM LAYANAN RUJUKAN TERPADU",
         "DENGAN RAHMAT TUHAN YANG MAHA ESA", "BUPATI PURWAKARTA,", "Menimbang :", "a. bahwa arsip perlu dikelola;",
         "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan;", "Mengingat :",
         "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;", "MEMUTUSKAN:", "Menetapkan :",
         "BAB I", "KETENTUAN UMUM", "Bagian Kesatu", "Paragraf 1", "Pasal 1", "Pasal 2A", "(1) Arsip dikelola Dinas.",
         "(2) Ketentuan sebagaimana dimaksud pada ayat (1) berlaku.", "a. huruf;", "1. angka;", "1) angka kurung;",
         "Ditetapkan di Purwakarta", "pada tanggal 2 Maret 2026", "Diundangkan di Purwakarta", "ttd.",
         "BERITA DAERAH KABUPATEN PURWAKARTA TAHUN 2026 NOMOR 12", "LAMPIRAN", "PENJELASAN", "Cukup jelas.",
         "KESATU :", "KEDUA :", "- 2 -", "Undang-undang ………….. 2", "." * 500, "…" * 300, "[... text truncated ...]",
         "Pasal " + "1" * 200, "(" * 300, "Rp" + "9" * 400, "\u202e\u200b", "ا ب ت", "中文", "😀", "\t\t:\t",
         "sebagaimana dimaksud dalam Pasal 1 ayat (2) huruf a angka 3", "[[x]]", "{{ 7*7 }}", "&amp;<>"]


def random_text(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        choice = rng.random()
        if choice < 0.75:
            out.append(rng.choice(LINES))
        elif choice < 0.9:
            out.append(" ".join(rng.choice(LINES) for _ in range(rng.randint(2, 6))))
        else:
            out.append("".join(chr(rng.choice([rng.randint(32, 126), rng.randint(160, 0x2FFF)]))
                               for _ in range(rng.randint(0, 80))))
    return "\n".join(out)


def _escape(text: str) -> str:
    text = "".join(c for c in text if c in "\t\n" or ord(c) >= 32)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def random_body(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 40 if depth == 0 else 5)):
        kind = rng.random()
        if kind < 0.7 or depth > 2:
            runs = "".join(f"<w:r><w:t xml:space=\"preserve\">{_escape(rng.choice(LINES))}</w:t></w:r>"
                           + rng.choice(["", "<w:r><w:tab/></w:r>", "<w:r><w:br/></w:r>"])
                           for _ in range(rng.randint(0, 4)))
            parts.append(f"<w:p>{runs}</w:p>")
        else:
            rows = "".join("<w:tr>" + "".join(f"<w:tc>{random_body(rng, depth + 1)}</w:tc>"
                                              for _ in range(rng.randint(0, 4))) + "</w:tr>"
                           for _ in range(rng.randint(0, 6)))
            parts.append(f"<w:tbl>{rows}</w:tbl>")
    return "".join(parts)


def random_docx(rng: random.Random) -> bytes:
    document = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main"><w:body>' + random_body(rng) + "</w:body></w:document>").encode("utf-8")
    parts = hostile_cases.minimal_docx(document)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buf.getvalue()


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    action = rng.random()
    if action < 0.4 and data:
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif action < 0.7:
        data = data[: rng.randrange(len(data) + 1)]
    else:
        start = rng.randrange(len(data) + 1)
        data[start:start] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))
    return bytes(data)


def member_soup(rng: random.Random, odt: bool = False) -> bytes:
    """A zip of random members: missing, duplicated, odd names, random contents, sometimes a bomb."""
    buf = io.BytesIO()
    base = ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"}
            if odt else hostile_cases.minimal_docx(random_docx(rng)[:0] or b"<w:document/>"))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in base.items():
            if rng.random() < 0.8:
                package.writestr(name, data if rng.random() < 0.7 else bytes(rng.randrange(256) for _ in range(50)))
        for _ in range(rng.randint(0, 5)):
            name = rng.choice(["../../etc/x", "/abs", "word/document.xml", "a" * 200, "ü.xml", "x.rels"])
            package.writestr(name, random_text(rng, 3).encode("utf-8"))
        if rng.random() < 0.15:
            package.writestr("word/bomb.xml", b" " * (80 << 20))
    return buf.getvalue()


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` (Helvetica), offsets computed so that pdftotext reads it."""
    lines = [ln.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
             for ln in text.split("\n")[:60]]
    content = b"BT /F1 10 Tf 40 800 Td 12 TL " + b" ".join(b"(" + ln[:120] + b") '" for ln in lines) + b" ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return pdf_bytes(objects)


def inputs(rng: random.Random, count: int):
    """(suffix, bytes) of random inputs, every family in turn."""
    for i in range(count):
        family = i % 7
        if family == 0:
            yield ".docx", random_docx(rng)
        elif family == 1:
            yield ".docx", mutate(rng, random_docx(rng))
        elif family == 2:
            yield ".docx", member_soup(rng)
        elif family == 3:
            yield ".odt", member_soup(rng, odt=True)
        elif family == 4:
            yield ".pdf", minimal_pdf(random_text(rng, rng.randint(1, 60)))
        elif family == 5:
            yield ".pdf", mutate(rng, minimal_pdf(random_text(rng, 20)))
        else:
            yield ".txt", random_text(rng, rng.randint(0, 300)).encode("utf-8", "surrogatepass")


class Timeout(Exception):
    pass


def main(seed: int, count: int, folder: Path) -> int:
    from legaldraft.importer import ImportError_, check_source, import_file
    from legaldraft.spec.errors import SpecError

    def alarm(signum, frame):
        raise Timeout()

    signal.signal(signal.SIGALRM, alarm)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    summary = {"inputs": 0, "imported": 0, "refused": 0, "failures": [], "slowest": 0.0, "slowest_input": ""}
    for i, (suffix, data) in enumerate(inputs(rng, count)):
        path = folder / f"masukan-{i:03d}{suffix}"
        path.write_bytes(data)
        start = time.monotonic()
        signal.alarm(PER_INPUT_SECONDS)
        try:
            if suffix == ".odt":
                check_source(path)    # ODT reading itself is the importer's; its package checks are here
            else:
                import_file(path, spec_dir=folder)
            summary["imported"] += 1
        except (ImportError_, SpecError):
            summary["refused"] += 1
        except Timeout:
            summary["failures"].append(f"{path.name}: more than {PER_INPUT_SECONDS} s")
        except BaseException as exc:  # noqa: BLE001 - every other exception is the defect being looked for
            summary["failures"].append(f"{path.name}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}")
        finally:
            signal.alarm(0)
        summary["inputs"] += 1
        took = round(time.monotonic() - start, 2)
        if took > summary["slowest"]:
            summary["slowest"], summary["slowest_input"] = took, path.name
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])))
