"""Build the bulk registry of national regulations from a snapshot of mblonyox/data-peraturan.

    python tools/build_registry.py SNAPSHOT_DIR [-o legaldraft/spec/data/national.json.gz] [--commit SHA]

SNAPSHOT_DIR holds ``<jenis>/<tahun>/<nomor>.md`` (jenis: uu, perppu/perpu, pp, perpres), e.g. the tree of
``git archive HEAD uu pp | tar -x`` of the repository. The snapshot is not part of legaldraft; the output is.

For every text the script reads, and marks as *extracted* (never verified by hand):
  - jenis, nomor, tahun and judul from the heading (the judul in the case other regulations cite it in,
    by majority over every citation of it found in the snapshot; else title-cased by rule);
  - tanggal penetapan ("Disahkan/Ditetapkan di Jakarta pada tanggal …") and tanggal diundangkan;
  - Lembaran Negara year/number and Tambahan number from the closing lines or the "Kutipan: LN …" note,
    and, where the text does not state them, from the citations of it in other regulations
    (provenance ``rujukan``: the value most regulations cite);
  - ``mengubah`` from a judul "Perubahan … atas …" / "Penetapan Perppu … menjadi Undang-Undang" and
    ``mencabut`` from a judul "Pencabutan …" and from closing provisions "… dicabut dan dinyatakan tidak
    berlaku" (whole regulations only: an article or a part revoked is not a revocation); a relation to a
    regulation above the reader in the hierarchy of UU 12/2011 Pasal 7 ayat (1) (a PP "revoking" a UU is a
    misreading of a sentence that names the UU) is dropped.
The hand-verified entries of ``registry.yaml`` are not read here: the loader lets them win on conflict.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

JENIS_DIRS = {"uu": "uu", "perppu": "perppu", "perpu": "perppu", "pp": "pp", "perpres": "perpres"}
HEAD = {
    "uu": r"UNDANG-UNDANG",
    "perppu": r"PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG",
    "pp": r"PERATURAN PEMERINTAH",
    "perpres": r"PERATURAN PRESIDEN",
}
# how a regulation is named inside another one's text -> jenis
CITED_JENIS = [
    (r"Peraturan\s+Pemerintah\s+Pengganti\s+Undang[\s-]*[Uu]ndang", "perppu"),
    (r"Undang[\s-]*[Uu]ndang(?!\s+Dasar)", "uu"),
    (r"Peraturan\s+Pemerintah", "pp"),
    (r"Peraturan\s+Presiden", "perpres"),
]
CITED = re.compile(r"(?P<jenis>" + "|".join(p for p, _ in CITED_JENIS) + r")(?:\s+Republik\s+Indonesia)?\s+"
                   r"(?:Nomor|No\.?)\s*(?P<nomor>\d+[A-Z]?)\s+Tahun\s+(?P<tahun>\d{4})", re.I)
MONTHS = {m: i + 1 for i, m in enumerate(
    "januari februari maret april mei juni juli agustus september oktober november desember".split())}
MONTHS.update({"pebruari": 2, "nopember": 11, "agustos": 8, "djuni": 6, "djuli": 7, "djanuari": 1})
DATE = r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})"
PENETAPAN = re.compile(r"(?:Disahkan|Ditetapkan)\s+di\s+\w+\s*,?\s*pada\s+tanggal\s+" + DATE, re.I)
DIUNDANGKAN = re.compile(r"Diundangkan\s+di\s+\w+\s*,?\s*pada\s+tanggal\s+" + DATE, re.I)
LN_CLOSING = re.compile(r"(?<!TAMBAHAN )(?<!TAMBAHAN  )LEMBARAN[\s-]+NEGARA\s+REPUBLIK\s+INDONESIA\s+TAHUN\s+(\d{4})\s+NOMOR\s+(\d+)")
TLN_CLOSING = re.compile(r"TAMBAHAN\s+LEMBARAN[\s-]+NEGARA\s+(?:REPUBLIK\s+INDONESIA\s+)?(?:TAHUN\s+\d{4}\s+)?"
                         r"NOMOR\s+(\d+)")
KUTIPAN_LN = re.compile(r"Kutipan:\s*LN\.?\s*(\d{4})\s*/\s*(\d+)", re.I)
KUTIPAN_TLN = re.compile(r"Kutipan:[^\n]{0,60}?TLN\.?\s*(?:No(?:mor)?\.?)?\s*(\d+)", re.I)
CITED_PUB = re.compile(r"\(\s*Lembaran\s+Negara\s+(?:Republik\s+Indonesia\s+)?Tahun\s+(\d{4})\s+Nomor\s+(\d+)"
                       r"(?:\s*,?\s*Tambahan\s+Lembaran\s+Negara\s+(?:Republik\s+Indonesia\s+)?Nomor\s+(\d+))?", re.I)
ORDINALS = "kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan kesepuluh".split()

# words kept lowercase inside a judul (UU 12/2011 Lampiran II: only the first letter of each word is capital,
# except conjunctions and prepositions)
LOWER = set("""dan atau atas tentang di ke dari yang untuk dengan pada dalam oleh serta bagi terhadap sebagai
antara kepada tentang mengenai menjadi beserta sampai hingga dari daripada secara dalam""".split())


def norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def fold(text: str) -> str:
    """Comparison form: case, spacing, hyphen spacing and OCR carets do not count."""
    text = text.replace("^", "").lower()
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"[^\w/-]+", " ", text)
    return norm_space(text)


def ocr_numbers(text: str) -> str:
    """'2O11', '2o11', '20l6' -> digits: a number token misread by OCR (letters O, o, l, I among digits)."""
    def fix(m):
        token = m.group(0)
        return token.translate(str.maketrans("OoIlL", "00111")) if sum(ch.isdigit() for ch in token) >= 2 else token
    return re.sub(r"\b[0-9OoIlL]{4}\b", fix, text)


ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def title_case(upper: str) -> str:
    words = []
    for i, word in enumerate(upper.split()):
        low = word.lower()
        if ROMAN.match(low.strip(",.;()")) and low not in ("di", "dim", "mi", "cm", "lim"):
            words.append(word.upper())
            continue
        if i and low in LOWER:
            words.append(low)
            continue
        parts = low.split("-")
        if len(parts) == 2 and parts[0] == parts[1]:  # Undang-Undang, Orang-Orang
            words.append("-".join(p[:1].upper() + p[1:] for p in parts))
        elif low.startswith("perundang-undangan"):
            words.append("Perundang-undangan" + low[len("perundang-undangan"):])
        else:
            words.append(re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), low))
    return " ".join(words)


def to_date(day: str, month: str, year: str) -> str | None:
    m = MONTHS.get(month.lower())
    try:
        return dt.date(int(year), m, int(day)).isoformat() if m else None
    except ValueError:
        return None


def jenis_of(cited: str) -> str | None:
    for pattern, jenis in CITED_JENIS:
        if re.fullmatch(pattern, cited, re.I):
            return jenis
    return None


def read_heading(jenis: str, text: str) -> tuple[str | None, str]:
    """(judul in capitals, as the heading gives it, or None), the text after the heading."""
    flat = norm_space(text[:6000])
    m = re.search(r"NOMOR\s*\S*?\s*TAHUN\s+\S{4}\s+TENTANG\s+(.+?)"
                  r"(?=\s+(?:DENGAN\s+RAHMAT|PRESIDEN\s+REPUBLIK|Presiden\s+Republik|Menimbang|Mengingat|"
                  + HEAD[jenis] + r"\s+REPUBLIK)|$)", flat)
    if not m:
        return None, flat
    judul = m.group(1)
    lower = re.search(r"\s\S*[a-z]{3}", judul)  # the judul is in capitals: a word in lowercase ends it
    judul = ocr_numbers((judul[:lower.start()] if lower else judul).strip(" ,.;:"))
    return (judul if judul and len(judul) < 600 else None), flat


def _leading_citation(text: str) -> list[tuple[str, str, str]]:
    """The regulation named at the start of ``text`` ('UNDANG-UNDANG NOMOR 23 TAHUN 2014 …'), as a list of 0 or 1."""
    c = CITED.search(text)
    return [(jenis_of(c.group("jenis")), c.group("nomor"), c.group("tahun"))] if c and c.start() < 5 else []


def relations_from_title(judul: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(amended, revoked) regulations named by a judul, as (jenis, nomor, tahun)."""
    amended, revoked = [], []
    up = norm_space(judul)
    m = re.match(r"(?:PERUBAHAN(?:\s+(?:" + "|".join(o.upper() for o in ORDINALS) + r"))?\s+ATAS\s+)(.+)", up, re.I)
    if m:
        amended += _leading_citation(m.group(1))
    m = re.match(r"PENETAPAN\s+(PERATURAN\s+PEMERINTAH\s+PENGGANTI\s+UNDANG-UNDANG.+?)\s+MENJADI\s+UNDANG", up, re.I)
    if m:
        c = CITED.search(m.group(1))
        if c:
            amended.append(("perppu", c.group("nomor"), c.group("tahun")))  # the Perppu it confirms
            sub = re.search(r"TENTANG\s+PERUBAHAN(?:\s+\w+)?\s+ATAS\s+(.+)", m.group(1)[c.end():], re.I)
            if sub:
                amended += _leading_citation(sub.group(1))
    m = re.match(r"PENCABUTAN\s+(.+)", up, re.I)
    if m:
        for c in CITED.finditer(m.group(1)):
            revoked.append((jenis_of(c.group("jenis")), c.group("nomor"), c.group("tahun")))
    return amended, revoked


REVOKE = re.compile(r"dicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku|dinyatakan\s+dicabut|dicabut\s*\.", re.I)
ARTICLE = re.compile(r"(?<=[.:]\s)Pasal\s+\d+[A-Z]?\s+(?=[A-Z(])")
PARTIAL = re.compile(r"\b(?:Pasal|ayat|huruf|angka|Bab|Bagian|Lampiran|ketentuan|peraturan\s+pelaksana\w*)\b", re.I)


def revoked_in_closing(body: str) -> list[tuple[str, str, str]]:
    """Whole regulations a closing provision revokes: '… Nomor N Tahun Y tentang … dicabut dan dinyatakan
    tidak berlaku', item by item of a list; not 'Pasal 5 …', not the implementing regulations, not a
    revocation 'sepanjang …' (partial), not the regulation an amendment in the list was amending."""
    found = []
    for m in REVOKE.finditer(body):
        window = body[max(0, m.start() - 8000):m.start()]
        starts = [window.rfind("Pada saat")] + [a.end() for a in ARTICLE.finditer(window)][-1:]
        if max(starts) < 0:  # no article heading in sight: from the end of the last sentence
            starts = [e.end() for e in re.finditer(r"[a-z]{2}\.\s+(?=[A-Z])", window)][-1:] or [len(window) - 600]
        sentence = window[max(starts):]
        for part in sentence.split(";"):
            cites = list(CITED.finditer(part))
            if not cites or re.search(r"\bsepanjang\b|\bkecuali\b", part, re.I):
                continue
            lead = part[:cites[0].start()]
            lead = re.sub(r"^.*?\b(?:berlaku|ini)\s*[,:]?", "", lead, flags=re.S) if "Pada saat" in lead else lead
            if PARTIAL.search(lead):
                continue
            c = cites[0]  # the regulation of the item; later ones are its judul or its amendments
            before = part[max(0, c.start() - 40):c.start()]
            if re.search(r"(?:atas|Penetapan|dalam|berdasarkan|dimaksud(?:\s+(?:dalam|pada))?)\s+$", before, re.I):
                continue
            found.append((jenis_of(c.group("jenis")), c.group("nomor"), c.group("tahun")))
    return found


# UU 12/2011 Pasal 7 ayat (1): UU and Perppu share a level, then PP, then Perpres. A regulation amends or
# revokes only regulations of its own level or below.
LEVEL = {"uu": 1, "perppu": 1, "pp": 2, "perpres": 3}


def within_reach(jenis: str, other: str | None) -> bool:
    """Whether a regulation of ``jenis`` can amend or revoke one of ``other`` (same level or below)."""
    return other is not None and LEVEL.get(other, 0) >= LEVEL[jenis]


def read_one(jenis: str, nomor: str, tahun: int, text: str) -> dict:
    judul_up, flat_head = read_heading(jenis, text)
    flat = ocr_numbers(norm_space(text))
    split = re.search(r"\bPENJELASAN\s+ATAS\b", flat)
    body = flat[:split.start()] if split else flat
    entry: dict = {"j": jenis, "n": nomor, "t": tahun, "prov": {}}
    if judul_up:
        entry["JUDUL"] = judul_up
    m = PENETAPAN.search(body) or PENETAPAN.search(flat)
    if m and (d := to_date(*m.groups())):
        entry["tp"] = d
        entry["prov"]["tp"] = "teks"
    m = DIUNDANGKAN.search(body) or DIUNDANGKAN.search(flat)
    if m and (d := to_date(*m.groups())):
        entry["du"] = d
        entry["prov"]["du"] = "teks"
    after = flat[m.end():] if m else flat[len(flat) // 2:]
    ln = LN_CLOSING.search(after) or KUTIPAN_LN.search(flat)
    if ln and int(ln.group(1)) - tahun in (0, 1):  # promulgated in its year or the next, never before
        entry["ln"] = [int(ln.group(1)), int(ln.group(2))]
        entry["prov"]["ln"] = "teks"
    tln = [int(x) for x in TLN_CLOSING.findall(flat[split.start():] if split else after)] or \
        [int(x) for x in TLN_CLOSING.findall(after)] or [int(x) for x in KUTIPAN_TLN.findall(flat)]
    if tln:
        entry["tln"] = tln[0]
        entry["prov"]["tln"] = "teks"
    # a Lembaran number in the thousands, or equal to the Tambahan, is a Tambahan read as the Lembaran
    if "ln" in entry and (entry["ln"][1] > 500 or entry["ln"][1] == entry.get("tln")):
        del entry["ln"], entry["prov"]["ln"]
    amended, revoked = relations_from_title(judul_up or "")
    revoked += revoked_in_closing(body)
    own = (jenis, nomor, str(tahun))
    entry["ubah"] = sorted({f"{j}-{n.lower()}-{t}" for j, n, t in amended
                            if within_reach(jenis, j) and (j, n, t) != own})
    entry["cabut"] = sorted({f"{j}-{n.lower()}-{t}" for j, n, t in revoked
                             if within_reach(jenis, j) and (j, n, t) != own} - set(entry["ubah"]))
    if entry["ubah"]:
        entry["prov"]["ubah"] = "judul"
    if entry["cabut"]:
        entry["prov"]["cabut"] = "penutup"
    return entry


def citations(text: str):
    """(key, judul as written, (ln tahun, ln nomor, tln) or None) of every regulation cited in a text."""
    flat = norm_space(text).replace("^", "")
    for c in CITED.finditer(flat):
        jenis = jenis_of(c.group("jenis"))
        if not jenis:
            continue
        rest = flat[c.end():c.end() + 700]
        t = re.match(r"\s+tentang\s+(.+?)\s*(?=\(|;|\.\s|,\s+sebagaimana|\s+sebagaimana|\s+dan\s+(?:Peraturan|Undang)|$)",
                     rest)
        judul = t.group(1).strip(" ,") if t else None
        pub = None
        tail = rest[t.end():] if t else rest
        p = CITED_PUB.match(tail)
        if p:
            pub = (int(p.group(1)), int(p.group(2)), int(p.group(3)) if p.group(3) else None)
            after = tail[p.end():]
            close = after.find(")")
            more = after[close + 1:] if close >= 0 else ""
            # a bracket inside the title ('Penetapan Perppu 3/1964 … (LN 1964 No. 8) menjadi Undang-Undang (LN 1964
            # No. 95, TLN 2688)'): the title goes on after it, and the regulation's own bracket, with its Tambahan, follows
            inner = re.search(r"\bPenetapan\s+$", flat[max(0, c.start() - 12):c.start()])  # itself named in a title
            if pub[2] is None and not inner and re.match(r"\s+(?!sebagaimana\b|dan\s+(?:Peraturan|Undang)\b)[a-z]", more):
                nxt = CITED_PUB.search(more[:400])
                if nxt and nxt.group(3) and ";" not in more[:nxt.start()]:
                    pub = (int(nxt.group(1)), int(nxt.group(2)), int(nxt.group(3)))
        yield f"{jenis}-{c.group('nomor').lower()}-{c.group('tahun')}", judul, pub


def choose_judul(upper: str, variants: Counter) -> tuple[str, str]:
    want = fold(upper)
    good = [(n, v) for v, n in variants.items() if fold(v) == want and not v.isupper() and v[:1].isupper()]
    if good:
        best = max(good, key=lambda nv: (nv[0], nv[1]))
        return best[1], f"rujukan:{best[0]}"
    return title_case(upper), "kapital"


def build(root: Path) -> dict:
    texts = {}
    for sub in sorted(p for p in root.iterdir() if p.is_dir() and p.name in JENIS_DIRS):
        jenis = JENIS_DIRS[sub.name]
        for path in sorted(sub.glob("*/*.md")):
            if not path.parent.name.isdigit():
                continue
            nomor = path.stem
            key = f"{jenis}-{nomor.lower()}-{path.parent.name}"
            texts[key] = (jenis, nomor, int(path.parent.name), path.read_text(encoding="utf-8", errors="replace"),
                          f"{sub.name}/{path.parent.name}/{path.name}")
    print(f"{len(texts)} teks", file=sys.stderr)
    cited_judul: dict[str, Counter] = defaultdict(Counter)
    cited_pub: dict[str, Counter] = defaultdict(Counter)
    for key, (_, _, _, text, _) in texts.items():
        for ckey, judul, pub in citations(text):
            if ckey == key:
                continue
            if judul:
                cited_judul[ckey][norm_space(judul)] += 1
            if pub:
                cited_pub[ckey][pub] += 1
    entries = {}
    for key, (jenis, nomor, tahun, text, src) in texts.items():
        e = read_one(jenis, nomor, tahun, text)
        e["src"] = src
        upper = e.pop("JUDUL", None)
        if upper:
            e["judul"], e["prov"]["judul"] = choose_judul(upper, cited_judul.get(key, Counter()))
        else:
            variants = cited_judul.get(key)
            if variants:
                e["judul"], n = variants.most_common(1)[0]
                e["prov"]["judul"] = f"rujukan:{n}"
        pubs = cited_pub.get(key)
        if pubs:
            (ly, ln, tln), n = pubs.most_common(1)[0]
            if "ln" not in e and ly - tahun in (0, 1):
                e["ln"], e["prov"]["ln"] = [ly, ln], f"rujukan:{n}"
            if "tln" not in e and tln and (e.get("ln") == [ly, ln]):
                e["tln"], e["prov"]["tln"] = tln, f"rujukan:{n}"
            # A number read in the text (often OCR) that five or more citations contradict, in the same year, gives
            # way to the citations; the text's number is kept in 'beda'. A clash below that is recorded only.
            # (A cited Lembaran of another year is an amendment's data read as the base's: never trusted.)
            same_year = ly in (tahun, int(e.get("du", "0000")[:4] or 0))
            if e.get("ln") and e["prov"].get("ln") == "teks" and [ly, ln] != e["ln"] and n >= 3:
                if n >= 5 and same_year:
                    e.setdefault("beda", {})["ln"] = [*e["ln"], "teks"]
                    e["ln"], e["prov"]["ln"] = [ly, ln], f"rujukan:{n}"
                else:
                    e.setdefault("beda", {})["ln"] = [ly, ln, n]
            if e.get("tln") and e["prov"].get("tln") == "teks" and tln and tln != e["tln"] and n >= 3:
                if n >= 5 and same_year and e.get("ln") == [ly, ln]:
                    e.setdefault("beda", {})["tln"] = [e["tln"], "teks"]
                    e["tln"], e["prov"]["tln"] = tln, f"rujukan:{n}"
                else:
                    e.setdefault("beda", {})["tln"] = [tln, n]
        for field in ("ubah", "cabut"):
            if not e[field]:
                del e[field]
        entries[key] = e
    return entries


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("-o", "--output", type=Path,
                    default=Path(__file__).resolve().parent.parent / "legaldraft/spec/data/national.json.gz")
    ap.add_argument("--commit", default="", help="commit of the snapshot, recorded in the output")
    args = ap.parse_args(argv)
    entries = build(args.snapshot)
    data = {"format": 1, "sumber": {"repo": "mblonyox/data-peraturan", "commit": args.commit},
            "catatan": "diekstrak otomatis oleh tools/build_registry.py; belum diverifikasi tangan",
            "entries": entries}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    args.output.write_bytes(gzip.compress(raw, 9, mtime=0))
    counts = Counter(e["j"] for e in entries.values())
    have = {f: sum(f in e for e in entries.values()) for f in ("judul", "tp", "du", "ln", "tln", "ubah", "cabut")}
    print(f"{args.output}: {len(entries)} entri {dict(counts)}; {have}; {args.output.stat().st_size} bytes",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
