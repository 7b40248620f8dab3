"""``legaldraft registry search WORDS`` and ``legaldraft registry show KEY``: the national registry for drafters."""
from __future__ import annotations

import sys

import click


def register(main) -> None:
    @main.group()
    def registry():
        """Cari dan tampilkan peraturan nasional dalam registry (kunci untuk 'dasar_hukum')."""

    @registry.command()
    @click.argument("words", nargs=-1, required=True)
    @click.option("-n", "--limit", default=10, show_default=True, type=click.IntRange(1, 200))
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
    @click.option("--daerah", default=None, help="Cari juga entri registry profil daerah ini (Perda, Perbup …).")
    def search(words, limit, fmt, daerah):
        """Cari menurut kunci (uu-23-2014), nomor/tahun (23/2014, 'pp 12 2019') atau kata judul."""
        from ..spec.search import registry_search  # lazy: the registry loads only when a command needs it

        hits = registry_search(list(words), limit, daerah)
        if fmt == "json":
            import json  # lazy: only for --format json

            click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
            return
        if not hits:  # not an error: the answer is 'none' (exit 0), said on stderr
            click.echo(f"tidak ada peraturan untuk '{' '.join(words)}' di registry", err=True)
            return
        for hit in hits:
            click.echo(_line(hit))

    @registry.command()
    @click.argument("key")
    def show(key):
        """Semua data satu entri, dengan asal tiap data, rantai perubahan dan pencabutan."""
        from ..exitcodes import EXIT_USAGE  # lazy: start-up time of the CLI
        from ..spec.registry import national  # lazy: the registry loads only when a command needs it
        from ..spec.search import unknown_key_hint  # lazy: as above

        reg = national()
        if key not in reg:
            click.echo(f"kunci registry '{key}' tidak dikenal; {unknown_key_hint(reg, key)}", err=True)
            sys.exit(EXIT_USAGE)
        click.echo(show_text(reg, key))


def _line(hit: dict) -> str:
    pub = ""
    if hit["lembaran"]:
        pub = f"LN {hit['lembaran']['tahun']}/{hit['lembaran']['nomor']}"
        if hit["tambahan"]:
            pub += f", TLN {hit['tambahan']}"
    mark = "" if hit["verified"] else " (ekstraksi)"
    status = f"  [{hit['status']}]" if hit["status"] else ""
    return f"{hit['key']:<18} {hit['judul'] or '(judul tidak terbaca)'}" + (f"  — {pub}" if pub else "") + mark + status


def show_text(registry, key: str) -> str:
    from ..naskah.citation import cite_one  # lazy: only for show
    from ..spec.registry import provenance_text  # lazy: as above

    reg = registry[key]
    raw = registry.raw(key) if not registry.is_verified(key) else None
    prov = (raw or {}).get("prov", {})

    def source(field: str) -> str:
        if registry.is_verified(key):
            return f"diverifikasi tangan ({reg.verifikasi or '-'})"
        code = prov.get(field)
        return f"ekstraksi, belum diverifikasi: {provenance_text(code)}" if code else "tidak ada dalam teks"

    lines = [f"{key}: {reg.nama_jenis} Nomor {reg.nomor or '-'} Tahun {reg.tahun or '-'}"]
    rows = [("tentang", reg.tentang, "judul")]
    if raw and raw.get("tp"):
        rows.append(("ditetapkan", raw["tp"], "tp"))
    rows += [("diundangkan", reg.diundangkan, "du"),
             ("lembaran", f"Tahun {reg.lembaran.tahun} Nomor {reg.lembaran.nomor}" if reg.lembaran else None, "ln"),
             ("tambahan", reg.tambahan, "tln")]
    for name, value, field in rows:
        shown = "-" if value is None else str(value)
        lines.append(f"  {name:<12} {shown:<40}  [{source(field)}]")
    if raw and raw.get("beda"):
        for field, other in raw["beda"].items():
            if other[-1] == "teks":
                lines.append(f"  perhatian    teksnya (salinan OCR) menyebut {field} {other[:-1]}; dipakai yang dikutip peraturan lain")
            else:
                lines.append(f"  perhatian    peraturan lain mengutip {field} {other[:-1]} ({other[-1]}×)")
    if reg.mengubah:
        lines.append(f"  mengubah     {', '.join(reg.mengubah)}  [{source('ubah')}]")
    chain = registry.chain(key)
    if chain:
        lines.append("  perubahan    " + " -> ".join([key] + chain))
    if reg.mencabut:
        lines.append(f"  mencabut     {', '.join(reg.mencabut)}  [{source('cabut')}]")
    by = registry.revoked_by(key)
    lines.append(f"  status       {'dicabut oleh ' + by if by else 'berlaku (tidak ada pencabutan yang tercatat)'}")
    if reg.sumber:
        lines.append(f"  sumber       {reg.sumber}")
    lines += _extraction_differs(registry, key, reg)
    try:
        lines.append(f"  kutipan      {cite_one(reg)}")
    except Exception:  # an entry too incomplete to cite: show what is there
        pass
    return "\n".join(lines)


def _extraction_differs(registry, key: str, reg) -> list[str]:
    """For a hand-verified entry: what the extraction from data-peraturan reads differently (to check by hand)."""
    rec = registry.raw(key) if registry.is_verified(key) else None
    if not rec:
        return []
    from ..spec.registry import to_peraturan  # lazy: as above

    ext = to_peraturan(rec)
    out = []
    pairs = [("tentang", reg.tentang, ext.tentang), ("diundangkan", reg.diundangkan, ext.diundangkan),
             ("lembaran", reg.lembaran and (reg.lembaran.tahun, str(reg.lembaran.nomor)),
              ext.lembaran and (ext.lembaran.tahun, str(ext.lembaran.nomor))),
             ("tambahan", reg.tambahan and str(reg.tambahan), ext.tambahan and str(ext.tambahan)),
             ("mencabut", sorted(reg.mencabut), sorted(ext.mencabut)), ("mengubah", sorted(reg.mengubah), sorted(ext.mengubah))]
    for name, hand, extracted in pairs:
        if extracted and hand != extracted:
            shown = ", ".join(extracted) if isinstance(extracted, list) else extracted
            out.append(f"  ekstraksi    {name}: {shown}  [data-peraturan {rec.get('src', '')}; entri tangan yang berlaku]")
    return out
