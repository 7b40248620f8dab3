"""``legaldraft new … --tanya``: a first spec by answering questions (jenis, daerah, tentang, konsiderans, dasar
hukum picked by searching the registry), written as the commented scaffold with the answers in place.

The questions use click's prompts, so a test drives them with ``CliRunner.invoke(..., input=...)``. The search
is :func:`search_registry`, one function: the registry command's own search replaces it at merge time.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import click
import yaml

from ..model.reference import JenisPeraturan, Peraturan
from .errors import SpecError
from .loader import loads
from .profiles import builtin_names, load_profile
from .registry import national
from .search import index_of, parse_query
from .scaffold import default_daerah, scaffold

JENIS_BARU = ("perbup", "perwali", "pergub", "keputusan", "pedoman")
#: words a drafter types for a kind of regulation -> the kinds meant
_KIND_WORDS = {
    "uud": {"uud"}, "uu": {"uu"}, "undang-undang": {"uu"}, "perppu": {"perppu"}, "pp": {"pp"},
    "perpres": {"perpres"}, "permen": {"permen"}, "permendagri": {"permen"}, "permensos": {"permen"},
    "perda": {"perda", "perda_prov"}, "pergub": {"pergub"}, "perbup": {"perbup"},
}
_MINISTRY_WORDS = {"permendagri": "dalam negeri", "permensos": "sosial"}
_WORD = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def search_registry(words: str, limit: int = 8, registry=None) -> list[tuple[str, Peraturan]]:
    """(key, regulation) of the registry entries that best match ``words`` ('pemerintahan daerah', 'uu 23 2014',
    'perpres 95 2018', a key): every word must match the key, kind, number, year, issuer or title.

    The hand-verified and profile entries are all scored; of the thousands generated from data-peraturan, the
    candidates of the registry's word index (:mod:`legaldraft.spec.search`) are, so that the generated layer is
    never materialised whole."""
    if registry is None:
        registry = national()
    query = _words(words)
    if not query:
        return []
    phrase = " ".join(w for w in query if not w.isdigit() and w not in _KIND_WORDS)
    candidates = dict(registry.verified) if hasattr(registry, "verified") else dict(registry.items())
    if hasattr(registry, "verified"):
        for hit in index_of(registry).search(parse_query(words), 60):
            reg = registry[hit.key]
            # a generated entry without its Lembaran Negara cannot be cited in full: not proposed (DH-008)
            if reg.lembaran is not None or hit.key in candidates:
                candidates.setdefault(hit.key, reg)
    scored = []
    for key, reg in candidates.items():
        score = _score(query, key, reg)
        if score:
            title = " ".join(_words(reg.tentang or ""))
            if phrase and phrase in title:
                score += 3  # the words as a phrase of the title
            # ties: the most specific title (shortest) first, then the newest
            scored.append((-score, len(title), -(reg.tahun or 0), key, reg))
    scored.sort(key=lambda s: s[:4])
    return [(s[3], s[4]) for s in scored[:limit]]


def _score(query: list[str], key: str, reg: Peraturan) -> int:
    title = set(_words(f"{reg.tentang or ''} {reg.penerbit or ''}"))
    total = 0
    for word in query:
        if word == key.lower():
            total += 10
        elif word in _KIND_WORDS and reg.jenis.value in _KIND_WORDS[word]:
            ministry = _MINISTRY_WORDS.get(word)
            if ministry and ministry not in (reg.penerbit or "").lower():
                return 0
            total += 3
        elif word.isdigit() and word == str(reg.nomor or "").lower():
            total += 4
        elif word.isdigit() and word == str(reg.tahun or ""):
            total += 4
        elif word in title:
            total += 2
        elif len(word) >= 4 and any(t.startswith(word) for t in title):
            total += 1
        else:
            return 0  # every word must match
    return total


def describe(key: str, reg: Peraturan) -> str:
    from ..naskah.citation import judul_peraturan  # lazy: start-up time

    return f"{key}: {judul_peraturan(reg)}"


@dataclass
class Answers:
    jenis: str
    daerah: str
    tentang: str
    konsiderans: list[str] = field(default_factory=list)
    dasar_hukum: list[dict | str] = field(default_factory=list)


def ask(jenis: str | None, daerah: str | None, where: Path) -> Answers:
    """Ask the drafter, with a hint and a way out at every question."""

    click.echo("Jawab pertanyaan berikut; Enter menerima nilai dalam [kurung]. Ctrl+C membatalkan tanpa menulis apa pun.")
    if jenis is None:
        jenis = click.prompt("Jenis naskah (perbup/perwali/pergub: Peraturan Bupati/Wali Kota/Gubernur, keputusan: "
                             "Keputusan kepala daerah, pedoman: Peraturan dengan pedoman di lampiran)",
                             type=click.Choice(JENIS_BARU), default="perbup")
    while True:
        daerah = click.prompt("Daerah (nama profil, mis. purwakarta)", default=daerah or default_daerah(jenis)).strip().lower()
        try:
            profile, _ = load_profile(daerah, where)
            click.echo(f"  profil: {profile.jabatan} (Provinsi {profile.provinsi})")
            break
        except SpecError as exc:
            click.echo(f"  {exc.problems[0].message} ({exc.problems[0].hint}); profil bawaan: {', '.join(builtin_names())}")
            daerah = None
    from ..naskah.jenis import jenis_for, tingkat_problem  # lazy: start-up time

    if tingkat_problem(jenis, profile):  # 'perbup' asked first, then a kota chosen: its Peraturan is a perwali
        click.echo(f"  jenis '{jenis}' diganti '{jenis_for(profile)}' sesuai profil {profile.nama_daerah}")
        jenis = jenis_for(profile)
    kata = f"Keputusan {profile.kepala_daerah}" if jenis == "keputusan" else profile.formula.nama_jenis_peraturan
    while True:
        tentang = click.prompt(f"Tentang (nama {kata}, huruf biasa, tanpa titik)").strip().rstrip(".").strip()
        if len(tentang) >= 3:
            break
        click.echo("  tulis nama naskah, mis. 'Sistem Layanan Rujukan Terpadu'")
    click.echo("Konsiderans (Menimbang): satu pokok pikiran per baris, diawali 'bahwa'; butir penutup \"bahwa "
               "berdasarkan pertimbangan …\" dibuat otomatis. Kosongkan untuk selesai.")
    konsiderans: list[str] = []
    while True:
        point = click.prompt(f"  butir {chr(ord('a') + len(konsiderans))}", default="", show_default=False).strip()
        if not point:
            if konsiderans:
                break
            click.echo("  isi setidaknya satu pokok pikiran")
            continue
        if not point.lower().startswith("bahwa"):
            point = f"bahwa {point[:1].lower()}{point[1:]}"
        konsiderans.append(point.rstrip(";.,") + ";")
    return Answers(jenis, daerah, tentang, konsiderans, ask_dasar_hukum(jenis, profile))


def ask_dasar_hukum(jenis: str, profile) -> list[dict | str]:
    """Dasar hukum picked from registry searches; the usual opening items proposed first."""

    registry = national().extended(profile.registry)
    chosen: list[dict | str] = []
    if jenis != "keputusan" and "uud-1945" in registry:
        chosen.append({"ref": "uud-1945", "pasal": "Pasal 18 ayat (6)"})
    if "uu-23-2014" in registry:
        chosen.append("uu-23-2014")
    click.echo("Dasar hukum (Mengingat). Sudah dipilih: " + ", ".join(_key(c) for c in chosen) + ".")
    click.echo("Cari peraturan dengan kata kunci (mis. 'pelayanan publik', 'uu 25 2009', 'permendagri'); "
               "kosongkan untuk selesai.")
    while True:
        words = click.prompt("  cari", default="", show_default=False).strip()
        if not words:
            return chosen
        found = search_registry(words, 8, registry)
        if not found:
            click.echo("  tidak ada di registry. Kata lain, atau tulis nanti sebagai 'peraturan:' lengkap "
                       "(lihat docs/spec.md, 'Mengutip peraturan yang tidak ada di registry').")
            continue
        for i, (key, reg) in enumerate(found, 1):
            click.echo(f"  {i}. {describe(key, reg)}")
        pick = click.prompt("  pilih nomor (boleh beberapa: 1 3; kosong: cari lagi)", default="", show_default=False)
        for part in pick.replace(",", " ").split():
            if part.isdigit() and 1 <= int(part) <= len(found):
                key = found[int(part) - 1][0]
                if key not in [_key(c) for c in chosen]:
                    chosen.append(key)
                    click.echo(f"  + {describe(key, registry[key])}")
            else:
                click.echo(f"  '{part}' bukan nomor pada daftar di atas")


def _key(item) -> str:
    return item["ref"] if isinstance(item, dict) else item


def _scalar(text: str) -> str:
    """A YAML scalar for ``text``: plain when safe, else double-quoted (JSON quoting is valid YAML)."""

    plain = yaml.safe_dump(text, allow_unicode=True, width=10_000).strip()
    if plain.endswith("\n..."):
        plain = plain[: -len("\n...")]
    if plain.startswith(("'", '"')) or "\n" in plain or ": " in plain or " #" in plain:
        return json.dumps(text, ensure_ascii=False)
    return plain if yaml.safe_load(plain) == text else json.dumps(text, ensure_ascii=False)


def _item(item) -> str:
    if isinstance(item, dict):
        return f"  - ref: {item['ref']}\n    pasal: {_scalar(item['pasal'])}"
    return f"  - {item}"


def _replace_block(text: str, key: str, body: str) -> str:
    """Replace the top-level ``key:`` block (up to the next blank line) by ``key:`` + its comment + ``body``."""
    m = re.search(rf"(?m)^{key}:([^\n]*)\n(?:(?:  |[ \t]*#)[^\n]*\n)*", text)
    if m is None:
        raise ValueError(key)
    return text[: m.start()] + f"{key}:{m.group(1)}\n{body}\n" + text[m.end():]


def in_hierarchy(items: list, registry) -> list:
    """Dasar hukum in the order of the hierarchy (DH-004), then by year."""
    def rank(item):
        reg = registry.get(_key(item))
        return (reg.jenis.rank, reg.tahun or 0) if reg is not None else (99, 0)

    return sorted(items, key=rank)


def write_spec(answers: Answers, where: Path) -> str:
    """The scaffold of ``answers.jenis`` with the answers in place (comments kept), checked to load."""

    profile, _ = load_profile(answers.daerah, where)
    answers.dasar_hukum = in_hierarchy(answers.dasar_hukum, national().extended(profile.registry))
    text = scaffold(answers.jenis, answers.daerah, where)
    text = re.sub(r"(?m)^tentang: .*$", f"tentang: {_scalar(answers.tentang)}", text, count=1)
    text = _replace_block(text, "konsiderans", "\n".join(f"  - {_scalar(k)}" for k in answers.konsiderans))
    text = _replace_block(text, "dasar_hukum", "\n".join(_item(d) for d in answers.dasar_hukum))
    header = (f"# Dibuat dengan 'legaldraft new {answers.jenis} --tanya'. Lanjutkan dengan menulis batang tubuh "
              f"di bawah (contohnya sudah ada), lalu:\n#   legaldraft check FILE   dan   legaldraft build FILE -o out/\n")
    text = header + text
    loads(text, str(where / "spec.yaml"), where)  # a SpecError here is a bug of this module, never the drafter's
    return text


__all__ = ["search_registry", "ask", "write_spec", "Answers", "JenisPeraturan"]
