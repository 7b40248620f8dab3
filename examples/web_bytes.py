"""Rendering to bytes for a web response: a tiny WSGI app that returns a spec's DOCX.

    python examples/web_bytes.py OUT_DIR [NAMA]   # calls the app once, saves the response to OUT_DIR
    python examples/web_bytes.py --serve [PORT]   # http://localhost:8000/docx?spec=purwakarta/perbup-slrt

Only specs under the repository's specs/ folder are served, by name without ".yaml"; nothing is written to
disk while serving (legaldraft.render_docx_bytes).
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import parse_qs
from wsgiref.util import setup_testing_defaults

import legaldraft
from legaldraft.spec.errors import SpecError

SPECS = Path(__file__).resolve().parent.parent / "specs"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DEFAULT = "purwakarta/perbup-slrt"


def spec_path(name: str) -> Path | None:
    """The spec called ``name`` inside SPECS, or None (unknown name, or a path leaving the folder)."""
    path = (SPECS / f"{name}.yaml").resolve()
    if SPECS.resolve() not in path.parents or not path.is_file():
        return None
    return path


def _text(start_response, status: str, message: str):
    body = message.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def app(environ, start_response):
    if environ.get("PATH_INFO", "/") not in ("/", "/docx"):
        return _text(start_response, "404 Not Found", "alamat tidak dikenal; pakai /docx?spec=NAMA")
    name = parse_qs(environ.get("QUERY_STRING", "")).get("spec", [DEFAULT])[0]
    path = spec_path(name)
    if path is None:
        return _text(start_response, "404 Not Found", f"spec '{name}' tidak ada di specs/")
    try:
        body = legaldraft.render_docx_bytes(legaldraft.load(path))
    except SpecError as exc:
        return _text(start_response, "422 Unprocessable Entity", "\n".join(str(p) for p in exc.problems))
    start_response("200 OK", [
        ("Content-Type", DOCX_TYPE),
        ("Content-Length", str(len(body))),
        ("Content-Disposition", f'attachment; filename="{path.stem}.docx"'),
    ])
    return [body]


def call(query: str = ""):
    """Call the app as a server would, without a server: (status, headers, body)."""
    environ: dict = {"PATH_INFO": "/docx", "QUERY_STRING": query}
    setup_testing_defaults(environ)
    seen: dict = {}

    def start_response(status, headers, exc_info=None):
        seen.update(status=status, headers=dict(headers))

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


def main(argv: list[str]) -> int:
    if argv[:1] == ["--serve"]:
        from wsgiref.simple_server import make_server

        port = int(argv[1]) if len(argv) > 1 else 8000
        print(f"http://localhost:{port}/docx?spec={DEFAULT}")
        make_server("", port, app).serve_forever()
        return 0
    if not argv:
        print("pemakaian: python examples/web_bytes.py OUT_DIR [NAMA] | --serve [PORT]", file=sys.stderr)
        return 3
    name = argv[1] if len(argv) > 1 else DEFAULT
    status, headers, body = call(f"spec={name}")
    print(status)
    if not status.startswith("200"):
        print(body.decode("utf-8"), file=sys.stderr)
        return 1
    out = Path(argv[0]) / headers["Content-Disposition"].split('filename="', 1)[1].rstrip('"')
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(body)
    print(f"{headers['Content-Type']}, {len(body)} bita -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
