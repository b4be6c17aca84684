# The README's two commands: `make serve` and `make test`. Both set everything up from nothing.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SYSPKGS := fonts-noto-cjk chromium
VNU     := node_modules/vnu-jar/build/dist/vnu.jar
ADDR    ?= 127.0.0.1:8000
# Material 9.8 prints its end-of-life notice at every build (README: versions).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline test bench paper system clean

$(STAMP): pyproject.toml
	@# Debian's python3 may lack venv (ensurepip): install python3-venv when root.
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); \
	  else echo "Run:  sudo apt-get install -y python3-venv"; exit 1; fi; }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Test tools from the npm registry, the Nu HTML Checker and gift-pegjs (package.json pins them;
# package-lock.json is the record).
$(VNU): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(VNU)

# System packages: CJK fonts and Pango for the PDFs, Chromium for the browser tests, Java and npm
# for the HTML checker, qpdf for the PDF structure check.
system:
	@missing=""; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0" || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v qpdf >/dev/null || missing="$$missing qpdf"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing system packages. Run:  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload

# Builds into a temporary folder and swaps it in only when the build succeeded.
build: $(STAMP)
	$(BIN)/python -m mpsite.atomic_build site

offline: $(STAMP)
	$(BIN)/python -m mpsite.atomic_build --offline site-offline

test: $(STAMP) system $(VNU)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Exam papers (QUIZZES.md) into papers/: every config in quizzes/papers/, or one:
# make paper PAPER=quizzes/papers/x.yml. Needs only the CJK fonts, which the CLI checks.
paper: $(STAMP)
	$(BIN)/python -m mpsite.papers $(PAPER)

bench: $(STAMP) system
	$(BIN)/python -m bench

clean:
	rm -rf site site-offline site-offline.zip .cache
