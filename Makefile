# legaldraft — the two commands of the README:
#   make run    install what is needed, then build every spec in specs/ into out/ (DOCX, and PDF when LibreOffice is
#               present: --pdf-optional, so a machine without LibreOffice still gets its DOCX and exit code 0)
#   make test   install what is needed, then run the tests
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip
STAMP   = $(VENV)/.installed

.PHONY: run test install system-deps bench templates clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $(STAMP)

# compileall: the package's bytecode written once, also where PYTHONDONTWRITEBYTECODE is set (Python then never
# writes it itself and every legaldraft command would compile the whole package again: +0.2 s per run)
# warmstart: the compiled form of the regular expressions commands compile (up to 384; a check of 10 Pasal compiles
# ~260) and of the code compiled from source strings (dataclasses, typing annotations), kept in legaldraft/__pycache__
# beside the bytecode (a check of 10 Pasal: -15 % and -20 %); only caches, so a failure to write them stops nothing
install: $(STAMP) system-deps
	@$(PY) -m compileall -q legaldraft >/dev/null
	@$(PY) -m legaldraft.warmstart >/dev/null || echo "cache waktu mulai tidak ditulis (tidak apa-apa: pola dan kode dikompilasi saat dipakai)"

# LibreOffice and metric-compatible fonts for PDF. Installed when we can (root or sudo on Debian/Ubuntu);
# otherwise we say what to do and carry on: DOCX output does not need them.
system-deps:
	@if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'TeX Gyre Bonum' \
	   && [ -f /usr/share/hunspell/id_ID.dic ] && tesseract --list-langs 2>/dev/null | grep -qx ind; then \
	  echo "LibreOffice, font, kamus hunspell-id dan OCR: sudah terpasang"; \
	elif command -v apt-get >/dev/null 2>&1 && { [ "$$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  echo "memasang LibreOffice dan font (apt-get)..."; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui fonts-texgyre fonts-liberation poppler-utils python3-uno hunspell-id tesseract-ocr tesseract-ocr-ind >/dev/null || \
	    echo "PERINGATAN: pemasangan LibreOffice gagal; PDF tidak dibuat, DOCX tetap dibuat."; \
	else \
	  echo "PERINGATAN: LibreOffice tidak terpasang dan tidak dapat dipasang otomatis."; \
	  echo "  Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-texgyre fonts-liberation poppler-utils python3-uno hunspell-id tesseract-ocr tesseract-ocr-ind"; \
	  echo "  (tesseract-ocr + tesseract-ocr-ind: impor PDF hasil pindai dengan OCR; tanpanya PDF pindaian ditolak dengan pesan)"; \
	  echo "  Windows/macOS: pasang LibreOffice dari libreoffice.org. DOCX tetap dibuat tanpa PDF."; \
	fi

run: install
	$(VENV)/bin/legaldraft check specs/ --severity error
	$(VENV)/bin/legaldraft build specs/ -o out/ --pdf --pdf-optional

test: install
	$(PY) -m pytest

bench: install
	$(PY) bench/run.py

templates: $(STAMP)
	$(PY) -m legaldraft.render.templates

clean:
	rm -rf $(VENV) out build *.egg-info .pytest_cache
