"""A template's package set up for one profile with zipfile alone: the fast path of the DOCX writer.

``legaldraft build`` of a document on a packaged template (every daerah without ``templates:``) used to open the
template with python-docx, apply the page set-up through its proxies, save the package and unzip it again; the
import of python-docx alone is about a tenth of the whole command. Here the packaged template's parts are read
with zipfile, and the few parts the page set-up changes (document.xml's sectPr, the Normal style and document
defaults in styles.xml, the header and footer parts) are edited as text, each edit the one python-docx makes
(:func:`legaldraft.render.templates.apply_page_setup`, which still serves the daerah templates). The result is
the same bytes python-docx's save would write: tests/test_render_package.py compares both paths part by part
over many page set-ups, marks and footer notes on every packaged template.

The core properties, the PNG pictures and the content types of a document's new parts are written here too, the
way python-docx writes them; a picture in another format still goes through python-docx's image readers.
"""
from __future__ import annotations

import os
import re
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path


CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CORE_RELTYPE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
FOOTNOTES_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
#: (extension, content type) written as a Default of [Content_Types].xml (python-docx: docx.opc.spec)
DEFAULT_CONTENT_TYPES = frozenset({
    ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"),
    ("bmp", "image/bmp"), ("emf", "image/x-emf"), ("fntdata", "application/x-fontdata"), ("gif", "image/gif"),
    ("jpe", "image/jpeg"), ("jpeg", "image/jpeg"), ("jpg", "image/jpeg"), ("png", "image/png"),
    ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("tif", "image/tiff"),
    ("tiff", "image/tiff"), ("wdp", "image/vnd.ms-photo"), ("wmf", "image/x-wmf"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("xml", "application/xml"),
})


def serialize_part(element) -> bytes:
    from lxml import etree  # lazy: start-up time

    return etree.tostring(element, encoding="UTF-8", standalone=True)


# -- lengths as python-docx converts them -----------------------------------------------------------------------
def mm_emu(mm: float) -> int:
    return int(mm * 36000)


def _twips(emu: float) -> str:
    return str(int(round(emu / 635.0)))


def _half_points(points: float) -> str:
    return str(int(int(points * 12700) / 12700.0 * 2))


# -- the template ---------------------------------------------------------------------------------------------
@dataclass
class TemplateParts:
    """A template package as written: its parts in the order of the zip, and where the main ones are."""

    parts: dict[str, bytes]
    document: str
    document_rels: str
    core: str | None
    rels: dict[str, tuple[str, str]]          # the document's relationships: rId -> (type, part name)
    #: each deflated part's compressed stream and CRC as stored, written again as is for an unchanged part
    compressed: dict[str, tuple[bytes, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> "TemplateParts":
        with zipfile.ZipFile(path) as zf:
            parts = {name: zf.read(name) for name in zf.namelist()}      # read checks every part's CRC
            compressed = {}
            with open(path, "rb") as raw:
                for info in zf.infolist():
                    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
                        continue
                    raw.seek(info.header_offset)
                    header = raw.read(30)
                    if header[:4] != b"PK\x03\x04":
                        continue
                    name_length, extra_length = struct.unpack("<HH", header[26:30])
                    raw.seek(info.header_offset + 30 + name_length + extra_length)
                    compressed[info.filename] = (raw.read(info.compress_size), info.CRC)
        package_rels = _relationships(parts["_rels/.rels"], "")
        document = next(target for reltype, target in package_rels.values() if reltype.endswith("/officeDocument"))
        core = next((target for reltype, target in package_rels.values() if reltype == CORE_RELTYPE), None)
        folder, _, name = document.rpartition("/")
        document_rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        rels = _relationships(parts.get(document_rels, b""), folder)
        return cls(parts, document, document_rels, core, rels, compressed)

    def has_footnotes(self) -> bool:
        return any(reltype == FOOTNOTES_RELTYPE for reltype, _ in self.rels.values())


def _unescape(value: str) -> str:
    """An attribute value as XML reads it (the five predefined entities; the rels lxml writes use no others)."""
    if "&" not in value:
        return value
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        value = value.replace(entity, char)
    return value


def _relationships(data: bytes, folder: str) -> dict[str, tuple[str, str]]:
    out = {}
    for rel in re.findall(r"<Relationship\b[^>]*/>", data.decode("utf-8")):
        values = {name: _unescape(value) for name, value in _ATTRS.findall(rel)}
        if values.get("TargetMode") == "External":
            continue
        target = os.path.normpath(os.path.join(folder, values["Target"])).replace(os.sep, "/").lstrip("/")
        out[values["Id"]] = (values["Type"], target)
    return out


# -- XML as lxml writes it ------------------------------------------------------------------------------------
_ATTR_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t]')
_TEXT_SPECIAL = re.compile("[&<>]")
#: characters XML 1.0 cannot hold: lxml refuses them, so this path leaves such a value to python-docx
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def attr(value: str) -> str:
    return _ATTR_SPECIAL.sub(lambda m: _ATTR_ESCAPES[m.group()], value)


def text(value: str) -> str:
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group()], value)


def xml_text(value: str) -> str:
    """``value`` as XML character data, as lxml writes it after parsing: the characters XML cannot hold dropped,
    a carriage return read as a line end, then escaped. Every text the writers put into a part goes through here."""
    value = NOT_XML.sub("", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return text(value)


_ATTRS = re.compile(r'\s([\w:]+)="([^"]*)"')


def _set_attrs(tag: str, values: dict[str, str]) -> str:
    """An empty element's start tag (``<w:x a="1"/>``) with ``values`` set: an attribute in place, a new one at
    the end (lxml's order)."""
    attrs = dict(_ATTRS.findall(tag))
    attrs.update(values)
    name = tag[1:].split(None, 1)[0].rstrip("/>")
    return f"<{name}" + "".join(f' {key}="{value}"' for key, value in attrs.items()) + "/>"


def _one(pattern: str, xml: str, flags: int = 0):
    found = list(re.finditer(pattern, xml, flags))
    return found[0] if len(found) == 1 else None


def _replace(xml: str, match, new: str) -> str:
    return xml[:match.start()] + new + xml[match.end():]


# -- the page set-up ------------------------------------------------------------------------------------------
@dataclass
class SetUp:
    """A packaged template with one profile's page set-up: every part's bytes, and document.xml cut around the
    place of the body (``head`` + body + ``tail``)."""

    parts: dict[str, bytes]
    head: str
    tail: str
    next_shape_id: int
    declared: frozenset[str]         # the namespace prefixes the w:document element declares


_BODY = re.compile(r"<w:body>(<w:sectPr\b.*</w:sectPr>)</w:body>", re.S)
_PARAGRAPHS = re.compile(r"(?:<w:p(?:\s[^>]*)?/>|<w:p(?:\s[^>]*)?(?<!/)>(?:(?!<w:p\b).)*?</w:p>)+", re.S)
_ROOT = re.compile(r"^(<\?xml[^>]*\?>\s*<w:(hdr|ftr)\b[^>]*[^/]>)(.*)(</w:\2>)$", re.S)


def body_is_empty(document_xml: bytes) -> bool | None:
    """True when the body holds only the section properties; None when this cannot tell without parsing."""
    return True if _BODY.search(document_xml.decode("utf-8")) else None


def page_setup(template: TemplateParts, halaman, mark: str | None = None,
               footer_note: str | None = None) -> SetUp | None:
    """The parts of ``template`` with the page set-up of ``halaman`` (paper, margins, fonts, page number, the header
    mark, the footer note), written as python-docx's ``apply_page_setup`` then save would write them; None when the
    template (or a value) is not of the plain shape this path edits in place: python-docx then does it."""
    if any(NOT_XML.search(value) for value in (halaman.huruf, halaman.format_nomor_halaman, mark or "",
                                               footer_note or "")):
        return None
    document = template.parts[template.document].decode("utf-8")
    body = _BODY.search(document)
    if body is None:
        return None
    sect = body.group(1)
    refs = {}
    for ref in re.finditer(r"<w:(header|footer)Reference\b[^>]*/>", sect):
        values = dict(_ATTRS.findall(ref.group()))
        rel = template.rels.get(values.get("r:id", ""))
        if rel is None:
            return None
        refs[(ref.group(1), values.get("w:type"))] = rel[1]
    if set(refs) != {("header", "default"), ("footer", "default"), ("header", "first"), ("footer", "first")}:
        return None
    pg_sz, pg_mar = _one(r"<w:pgSz\b[^>]*/>", sect), _one(r"<w:pgMar\b[^>]*/>", sect)
    if pg_sz is None or pg_mar is None or "<w:titlePg/>" not in sect:
        return None
    styles_name = next((target for reltype, target in template.rels.values() if reltype.endswith("/styles")), None)
    if styles_name is None:
        return None
    styles = template.parts[styles_name].decode("utf-8")
    defaults = _one(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
    normal = _one(r'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>', styles, re.S)
    if defaults is None or normal is None or styles.count('w:styleId="Normal"') != 1:
        return None
    headers = {}
    for key, name in refs.items():
        root = _ROOT.match(template.parts[name].decode("utf-8"))
        if root is None or not _PARAGRAPHS.fullmatch(root.group(3)):
            return None
        headers[key] = root

    # the section: paper, orientation, margins (its first page of its own is already there)
    size = {}
    if halaman.lebar_mm > halaman.tinggi_mm:
        size["w:orient"] = "landscape"
    size["w:w"], size["w:h"] = _twips(mm_emu(halaman.lebar_mm)), _twips(mm_emu(halaman.tinggi_mm))
    margins = {f"w:{side}": _twips(mm_emu(mm)) for side, mm in (
        ("top", halaman.margin_atas_mm), ("bottom", halaman.margin_bawah_mm), ("left", halaman.margin_kiri_mm),
        ("right", halaman.margin_kanan_mm), ("header", min(12.0, halaman.margin_atas_mm / 2)),
        ("footer", min(12.0, halaman.margin_bawah_mm / 2)))}
    new_sect = sect.replace(pg_sz.group(), _set_attrs(pg_sz.group(), size), 1)
    new_sect = new_sect.replace(pg_mar.group(), _set_attrs(pg_mar.group(), margins), 1)

    # the fonts (never theme fonts), the size and the line spacing of Normal
    font = attr(halaman.huruf)
    fonts = {f"w:{a}": font for a in ("ascii", "hAnsi", "cs", "eastAsia")}
    new_defaults = defaults.group()
    rpr_default = _one(r"<w:rPrDefault><w:rPr>.*?</w:rPr>", new_defaults, re.S)
    if rpr_default is not None:
        tag = _one(r"<w:rFonts\b[^>]*/>", rpr_default.group())
        if tag is None or "heme=" in tag.group():
            return None
        new_defaults = _replace(new_defaults, rpr_default,
                                _replace(rpr_default.group(), tag, _set_attrs(tag.group(), fonts)))
    new_normal = normal.group()
    rpr = _one(r"<w:rPr>.*?</w:rPr>", new_normal, re.S)
    ppr = _one(r"<w:pPr>.*?</w:pPr>", new_normal, re.S)
    if rpr is None or ppr is None:
        return None
    tag, sz = _one(r"<w:rFonts\b[^>]*/>", rpr.group()), _one(r'<w:sz w:val="[^"]*"/>', rpr.group())
    spacing = _one(r"<w:spacing\b[^>]*/>", ppr.group())
    if tag is None or sz is None or spacing is None or "heme=" in tag.group():
        return None
    new_rpr = rpr.group().replace(tag.group(), _set_attrs(tag.group(), fonts), 1)
    new_rpr = new_rpr.replace(sz.group(), f'<w:sz w:val="{_half_points(halaman.ukuran_huruf)}"/>', 1)
    new_ppr = ppr.group().replace(spacing.group(), _set_attrs(spacing.group(), {
        "w:line": _twips(int(halaman.spasi * int(240 * 635))), "w:lineRule": "auto"}), 1)
    if rpr.start() < ppr.start():
        new_normal = new_normal[:rpr.start()] + new_rpr + new_normal[rpr.end():ppr.start()] + new_ppr + new_normal[ppr.end():]
    else:
        new_normal = new_normal[:ppr.start()] + new_ppr + new_normal[ppr.end():rpr.start()] + new_rpr + new_normal[rpr.end():]
    if defaults.start() < normal.start():
        styles = (styles[:defaults.start()] + new_defaults + styles[defaults.end():normal.start()] + new_normal
                  + styles[normal.end():])
    else:
        return None

    # headers and footers: the first paragraph emptied (its own attributes kept), the page number, the note, the mark
    width = halaman.lebar_mm - halaman.margin_kiri_mm - halaman.margin_kanan_mm
    content: dict[tuple, list[str]] = {key: [] for key in refs}
    for key in (("header", "default"), ("footer", "default"), ("header", "first")):
        content[key].append(_prepared(width))
    where = halaman.nomor_halaman
    if where != "tanpa":
        key = ("header" if where == "tengah-atas" else "footer", "default")
        before, _, after = halaman.format_nomor_halaman.partition("{n}")
        content[key] += [_run("\t" if where.startswith("tengah") else "\t\t"), _run(before),
                         '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve"> PAGE </w:instrText>'
                         '<w:fldChar w:fldCharType="separate"/><w:t>2</w:t><w:fldChar w:fldCharType="end"/></w:r>',
                         _run(after)]
    if mark:
        for key in (("header", "default"), ("header", "first")):
            numbered = key == ("header", "default") and where == "tengah-atas"
            content[key].append(_run(("\t" if numbered else "\t\t") + mark, "<w:b/>", "18"))
    parts = dict(template.parts)
    for key, root in headers.items():
        first = re.match(r"<w:p\b([^>]*?)/?>", root.group(3)).group(1)
        inner = "".join(content[key])
        paragraph = f"<w:p{first}>{inner}</w:p>" if inner else f"<w:p{first}/>"
        if footer_note and key[0] == "footer":
            paragraph += f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run(footer_note, "<w:i/>", "16")}</w:p>'
        parts[refs[key]] = (root.group(1) + paragraph + root.group(4)).encode("utf-8")
    head = document[:body.start()] + "<w:body>"
    tail = new_sect + document[body.end(1):]
    parts[template.document] = (head + tail).encode("utf-8")
    parts[styles_name] = styles.encode("utf-8")
    root_tag = re.search(r"<w:document\b[^>]*>", document).group()
    declared = frozenset(re.findall(r'xmlns:(\w+)="', root_tag))
    return SetUp(parts, head, tail, next_shape_id(document), declared)


def _prepared(width: float) -> str:
    """Left-aligned, no space around, a centre tab in the middle and a right tab at the margin."""
    return (f'<w:pPr><w:tabs><w:tab w:pos="{_twips(mm_emu(width / 2))}" w:val="center"/>'
            f'<w:tab w:pos="{_twips(mm_emu(width))}" w:val="right"/></w:tabs>'
            '<w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr>')


def _run(value: str, flags: str = "", size: str | None = None) -> str:
    """python-docx's ``add_run(text)``: tabs become w:tab, line ends w:br, the rest w:t (space kept when the
    text starts or ends with it); bold/italic and the size in the run's properties."""
    props = flags + (f'<w:sz w:val="{size}"/>' if size else "")
    out = [f"<w:rPr>{props}</w:rPr>" if props else ""]
    for chunk in re.split(r"(\t|\r|\n)", value):
        if chunk == "\t":
            out.append("<w:tab/>")
        elif chunk in ("\r", "\n"):
            out.append("<w:br/>")
        elif chunk:
            space = ' xml:space="preserve"' if len(chunk.strip()) < len(chunk) else ""
            out.append(f"<w:t{space}>{text(chunk)}</w:t>")
    inner = "".join(out)
    return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"


# -- per document ---------------------------------------------------------------------------------------------
_CORE_TAGS = {"title": "dc:title", "subject": "dc:subject", "author": "dc:creator", "comments": "dc:description"}


def core_xml(data: bytes, **values: str) -> bytes:
    """docProps/core.xml with ``values`` (title, subject, author, comments) set as python-docx's CoreProperties
    sets them: an existing element's text replaced, a missing one appended; more than 255 characters refused."""
    xml = data.decode("utf-8")
    for name, value in values.items():
        if len(value) > 255:
            raise ValueError(f"exceeded 255 char limit for property, got:\n\n'{value}'")
        tag = _CORE_TAGS[name]
        element = f"<{tag}>{text(value)}</{tag}>"
        found = re.search(rf"<{tag}/>|<{tag}>[^<]*</{tag}>", xml)
        if found is not None:
            xml = _replace(xml, found, element)
        else:
            cut = xml.rindex("</cp:coreProperties>")
            xml = xml[:cut] + element + xml[cut:]
    return xml.encode("utf-8")


_TYPE_ENTRY = re.compile(r'<(Default|Override) (Extension|PartName)="([^"]*)" ContentType="([^"]*)"/>')


def content_types(data: bytes, new_parts: list[tuple[str, str]]) -> bytes:
    """[Content_Types].xml (written by python-docx from the package's parts) with ``new_parts`` (part name,
    content type) added as python-docx adds them: a Default per known extension, else an Override; sorted."""
    xml = data.decode("utf-8")
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for kind, _, key, ctype in _TYPE_ENTRY.findall(xml):
        (defaults if kind == "Default" else overrides)[key] = ctype
    for partname, ctype in new_parts:
        ext = partname.rpartition(".")[2] if "." in partname.rpartition("/")[2] else ""
        if (ext.lower(), ctype) in DEFAULT_CONTENT_TYPES:
            defaults[ext.lower()] = attr(ctype)
        else:
            overrides[attr(partname)] = attr(ctype)
    head = xml[:xml.index("<Types")]
    entries = [f'<Default Extension="{ext}" ContentType="{defaults[ext]}"/>' for ext in sorted(defaults)]
    entries += [f'<Override PartName="{name}" ContentType="{overrides[name]}"/>' for name in sorted(overrides)]
    return (head + f'<Types xmlns="{CT_NS}">' + "".join(entries) + "</Types>").encode("utf-8")


def next_shape_id(document_xml: str) -> int:
    """python-docx's ``next_id`` of a story: one more than the largest numeric ``id`` attribute."""
    used = [int(v) for v in re.findall(r'\sid="(\d+)"', document_xml)]
    return max(used) + 1 if used else 1


# -- pictures -------------------------------------------------------------------------------------------------
_INLINE_NS = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
              "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
              "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
              "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def inline_xml(declared: frozenset[str], shape_id: int, picture_id: int, rid: str, filename: str, cx: int,
               cy: int) -> str:
    """A picture's ``wp:inline`` as it stands in document.xml when python-docx's ``new_pic_inline`` builds it, the
    writer numbers it ``picture_id`` and sets its four distances to 0, and lxml moves it under a w:document that
    declares the prefixes ``declared`` (it then declares only the others itself)."""
    own = "".join(f' xmlns:{p}="{uri}"' for p, uri in _INLINE_NS.items() if p not in declared)
    return (f'<wp:inline{own} distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{picture_id}" name="Picture {shape_id}"/><wp:cNvGraphicFramePr>'
            '<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
            f'<pic:cNvPr id="0" name="{attr(filename)}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
            f'<a:blip r:embed="{attr(rid)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
            f'<a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
            "</pic:pic></a:graphicData></a:graphic></wp:inline>")


# -- the package ----------------------------------------------------------------------------------------------
def zip_package(parts: dict[str, bytes], template: TemplateParts) -> bytes:
    """The zip of ``parts`` as zipfile's ``writestr`` writes it (deflated at zlib's default level, stamped now,
    mode 0600); a part still equal to the template's is written as the template stores it, compressed once when
    the template was made instead of on every build."""
    out = bytearray()
    central = []
    now = time.localtime(time.time())
    dostime = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
    dosdate = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
    for name, data in parts.items():
        stored = template.compressed.get(name)
        if stored is not None and template.parts.get(name) == data:
            stream, crc = stored
        else:
            deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            stream, crc = deflate.compress(data) + deflate.flush(), zlib.crc32(data)
        encoded = name.encode("ascii") if name.isascii() else name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800
        if len(out) > 0xFFFFFFFE or len(data) > 0xFFFFFFFE or len(stream) > 0xFFFFFFFE:
            raise ValueError("paket DOCX melebihi 4 GiB")
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, zipfile.ZIP_DEFLATED, dostime, dosdate, crc,
                           len(stream), len(data), len(encoded), 0) + encoded
        out += stream
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20 | 3 << 8, 20, flags, zipfile.ZIP_DEFLATED,
                                   dostime, dosdate, crc, len(stream), len(data), len(encoded), 0, 0, 0, 0,
                                   0o600 << 16, offset) + encoded)
    start = len(out)
    for entry in central:
        out += entry
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(out) - start, start, 0)
    return bytes(out)
