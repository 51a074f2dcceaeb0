# indstil – build, demo and test.
#
#   make demo   build a release binary and run it on the shipped examples (writes out/)
#   make test   build and run the whole test suite (unit + end-to-end + browser tests of indstil serve)
#   make fuzz   build the libFuzzer targets in Fuzz/ and run each for FUZZ_SECONDS (default 600)
#   make stage; make install / uninstall   the release binary, profiles, manual page and completions
#               below $(DESTDIR)$(PREFIX) (default /usr/local); uninstall removes exactly what install wrote
#   make deb    a Debian package (dist/indstil_<version>_<arch>.deb) that needs no Swift toolchain
#   make docs   regenerate the check tables in docs/checks.md and docs/checks-en.md (indstil checks --format markdown)
#
# Both install what is missing first (`make deps`, Debian/Ubuntu apt packages).

SHELL        := /bin/bash
.SHELLFLAGS  := -eu -o pipefail -c
.DEFAULT_GOAL := build

SWIFT        ?= swift
APT_PACKAGES := libcmark-dev libhunspell-dev hunspell-da pkg-config cmark poppler-utils qpdf weasyprint hyphen-da libjs-codemirror libreoffice-writer-nogui python3-uno python3-jsonschema pandoc \
                chromium chromium-driver python3-selenium
# (python3-selenium only when python3 cannot import selenium already: tests/browser_test.py needs the module)
# WeasyPrint for the archive copy (`--arkiv`, PDF/A-2a; Debian's 57 cannot tag PDF/A), project-local;
# indstil uses it for --arkiv when it is there (or what INDSTIL_WEASYPRINT names)
WEASYPRINT_VENV    := .venv-weasyprint
WEASYPRINT_ARCHIVE := 70.0
# outloud, the fuller PDF/UA-1 and WCAG 2.2 checker the tagged-PDF tests run (with pikepdf and PyMuPDF), project-local
OUTLOUD_VENV       := .venv-outloud
OUTLOUD_VERSION    := 0.2.1
SUDO         := $(if $(filter 0,$(shell id -u)),,sudo)
APT          := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

# The release build links the Swift runtime and Foundation statically (no toolchain needed where it
# runs) and names its commit (BuildStamp); its own scratch folder keeps it apart from the debug build.
# It builds the two products it needs by name: a plain `swift build` also compiles every dependency
# of indstil a second time, for the host (the *-tool modules the command plugin runs), which only
# `swift package indstil-check` uses, and that runs on the debug build.
RELEASE_SCRATCH := .build-static
RELEASE_FLAGS   := -c release --static-swift-stdlib --scratch-path $(RELEASE_SCRATCH) -Xswiftc -DINDSTIL_BUILD_STAMP
RELEASE_BIN     := $(RELEASE_SCRATCH)/release/indstil
DEMO_DOC     := examples/aarhus-byraad/ny-ordning-moedelokaler.md
VESTERAA_DOC := examples/vesteraa/vintertjeneste-cykelstier.md
OUT          := out

.PHONY: deps deps-bench deps-packaging build demo test plugin-test package-test stage install uninstall deb bench bench-word fuzz fuzz-build fuzz-regress fuzz-merge clean

## deps: install the apt packages that are missing (quiet and idempotent when all are present)
deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "make deps: not a Debian/Ubuntu system; install libcmark (pkg-config libcmark), cmark, poppler, qpdf and weasyprint yourself" >&2; \
	else \
	  missing=""; \
	  for package in $(APT_PACKAGES); do \
	    if [ "$$package" = python3-selenium ] && python3 -c 'import selenium' 2>/dev/null; then continue; fi; \
	    if ! dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'install ok installed'; then \
	      missing="$$missing $$package"; \
	    fi; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    if ! command -v apt-get >/dev/null 2>&1; then \
	      echo "make deps: missing packages:$$missing (install them with your package manager)" >&2; exit 1; \
	    fi; \
	    echo "make deps: installing$$missing"; \
	    $(APT) update -qq; \
	    $(APT) install -y -qq$$missing >/dev/null; \
	  fi; \
	fi; \
	if ! command -v $(SWIFT) >/dev/null 2>&1; then \
	  echo "make deps: '$(SWIFT)' not found; install a Swift 6 toolchain from https://swift.org/install" >&2; exit 1; \
	fi; \
	if ! python3 -c 'import selenium' 2>/dev/null; then \
	  echo "make deps: installing selenium for this python3 (Debian's python3-selenium is only for /usr/bin/python3)"; \
	  python3 -m pip install --quiet selenium 2>/dev/null || python3 -m pip install --quiet --user --break-system-packages selenium; \
	fi; \
	if ! python3 -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("axe_playwright_python") is None)' 2>/dev/null; then \
	  echo "make deps: installing axe-playwright-python (only its axe.min.js is used, by tests/browser_test.py)"; \
	  python3 -m pip install --quiet --no-deps axe-playwright-python 2>/dev/null \
	    || python3 -m pip install --quiet --no-deps --user --break-system-packages axe-playwright-python; \
	fi; \
	if ! command -v pdfua >/dev/null 2>&1; then \
	  echo "make deps: installing pdfua (the PDF/UA checker the tagged-PDF tests run)"; \
	  python3 -m pip install --quiet pdfua 2>/dev/null || python3 -m pip install --quiet --user --break-system-packages pdfua; \
	fi; \
	if [ ! -x $(WEASYPRINT_VENV)/bin/weasyprint ]; then \
	  echo "make deps: installing WeasyPrint $(WEASYPRINT_ARCHIVE) into $(WEASYPRINT_VENV)/ (the archive copy, --arkiv: tagged PDF/A-2)"; \
	  python3 -m venv $(WEASYPRINT_VENV) && $(WEASYPRINT_VENV)/bin/pip install --quiet "weasyprint==$(WEASYPRINT_ARCHIVE)"; \
	fi; \
	if [ ! -x $(OUTLOUD_VENV)/bin/outloud ]; then \
	  echo "make deps: installing outloud $(OUTLOUD_VERSION) into $(OUTLOUD_VENV)/ (the fuller PDF/UA checker the tagged-PDF tests run)"; \
	  python3 -m venv $(OUTLOUD_VENV) && $(OUTLOUD_VENV)/bin/pip install --quiet "outloud==$(OUTLOUD_VERSION)"; \
	fi

## deps-bench: the tools `make bench` compares against and times with
deps-bench: deps
	@missing=""; \
	for package in pandoc hyperfine; do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then echo "make deps-bench: installing$$missing"; $(APT) update -qq; $(APT) install -y -qq$$missing >/dev/null; fi

## bench: indstil against cmark and pandoc on the generated corpus; writes BENCHMARKS.md
bench: deps-bench build
	python3 bench/run.py

## bench-word: `indstil import` on 407 real .docx files from five projects' test suites, words
##             scored against pandoc 3's text (fetches the files and pandoc 3 once; needs the network then);
##             writes BENCHMARKS-word.md
WORD_CORPUS := .bench-word-corpus
PANDOC3_DIR := .bench-pandoc3
bench-word: build
	@if [ ! -d $(WORD_CORPUS)/files ]; then python3 bench/docx_corpus.py collect $(WORD_CORPUS); fi
	@if [ ! -x $(PANDOC3_DIR)/pypandoc/files/pandoc ]; then python3 -m pip install --quiet --target $(PANDOC3_DIR) pypandoc_binary; fi
	@if [ ! -d $(WORD_CORPUS)/ref ]; then python3 bench/docx_corpus.py refs $(WORD_CORPUS) --pandoc $(PANDOC3_DIR)/pypandoc/files/pandoc; fi
	python3 bench/word_recall.py --indstil $(RELEASE_BIN) --corpus $(WORD_CORPUS) --min-weighted 0.995 --min-p10 0.98 \
	  --markdown BENCHMARKS-word.md

## build: release build of the indstil binary (and swift-argument-parser's generate-manual for the manual page)
build: deps
	packaging/write-build-stamp.sh
	$(SWIFT) build $(RELEASE_FLAGS) --product indstil
	$(SWIFT) build $(RELEASE_FLAGS) --product generate-manual

## demo: check the shipped examples, show their statistics, render one as text, build the agenda packet
##       and render the second municipality's example (examples/vesteraa) to HTML, DOCX and PDF
demo: build
	@mkdir -p $(OUT)
	$(RELEASE_BIN) check examples/
	$(RELEASE_BIN) stats $(DEMO_DOC)
	$(RELEASE_BIN) render --to txt $(DEMO_DOC) -o $(OUT)/ny-ordning-moedelokaler.txt
	@echo "Wrote $(OUT)/ny-ordning-moedelokaler.txt ($$(wc -c < $(OUT)/ny-ordning-moedelokaler.txt) bytes)"
	$(RELEASE_BIN) check examples/raadmandsmoede/dagsorden.yml
	$(RELEASE_BIN) bundle examples/raadmandsmoede/dagsorden.yml -o $(OUT)/dagsorden
	$(RELEASE_BIN) bundle examples/raadmandsmoede/dagsorden.yml --to pdf -o $(OUT)/dagsorden.pdf
	@echo "Wrote $(OUT)/dagsorden/ (public), $(OUT)/dagsorden-lukket/ (closed) and $(OUT)/dagsorden.pdf, $(OUT)/dagsorden-lukket.pdf"
	$(RELEASE_BIN) check --strict $(VESTERAA_DOC)
	@for format in html docx pdf; do \
	  $(RELEASE_BIN) render --to $$format $(VESTERAA_DOC) -o $(OUT)/vintertjeneste-cykelstier.$$format; \
	done
	@echo "Wrote $(OUT)/vintertjeneste-cykelstier.html, .docx and .pdf (Vesterå Kommune's own look: examples/vesteraa)"

## test: debug build with tests, then every test (swift test prints the summary)
test: deps deps-packaging
	$(SWIFT) build --build-tests
	$(SWIFT) test
	python3 tests/browser_test.py
	python3 tests/serve_security_test.py
	python3 tests/axe_pages.py
	@$(MAKE) --no-print-directory plugin-test
	@$(MAKE) --no-print-directory package-test

## docs: regenerate the check tables of docs/checks.md (Danish) and docs/checks-en.md (English) from the
##       check registry, `indstil checks --format markdown`, between <!-- checks:begin --> and <!-- checks:end -->
.PHONY: docs
docs:
	$(SWIFT) build --product indstil
	@bin="$$($(SWIFT) build --show-bin-path)/indstil"; \
	for pair in docs/checks.md:da docs/checks-en.md:en; do \
	  file=$${pair%%:*}; lang=$${pair##*:}; \
	  grep -q '^<!-- checks:begin -->$$' "$$file" && grep -q '^<!-- checks:end -->$$' "$$file" \
	    || { echo "make docs: $$file lacks the lines <!-- checks:begin --> and <!-- checks:end -->" >&2; exit 1; }; \
	  "$$bin" checks --format markdown --lang "$$lang" > "$$file.table.tmp"; \
	  awk -v table="$$file.table.tmp" \
	    '/^<!-- checks:end -->$$/ { print ""; while ((getline row < table) > 0) print row; print ""; skip = 0 } \
	     !skip { print } \
	     /^<!-- checks:begin -->$$/ { skip = 1 }' "$$file" > "$$file.tmp"; \
	  echo "make docs: $$file: $$(grep -c '^| `' "$$file.table.tmp") checks"; \
	  rm "$$file.table.tmp"; mv "$$file.tmp" "$$file"; \
	done

## plugin-test: the SwiftPM command plugin passes on clean examples and fails on findings
plugin-test:
	$(SWIFT) package indstil-check examples > /dev/null 2>&1 || { echo "swift package indstil-check examples failed" >&2; exit 1; }
	@if $(SWIFT) package indstil-check Tests/Fixtures/aarhuskompasset-2021 > /dev/null 2>&1; then \
	  echo "swift package indstil-check should fail on the over-long fixture" >&2; exit 1; \
	else echo "plugin-test: swift package indstil-check passes clean files and fails on findings"; fi

## Installing and packaging (issue 18) ------------------------------------------------------------
PREFIX         ?= /usr/local
DESTDIR        ?=
STAGE          := $(RELEASE_SCRATCH)/stage
DEB_DIR        ?= dist
GENERATE_MANUAL := $(RELEASE_SCRATCH)/release/generate-manual
PACKAGING_APT_PACKAGES := dpkg-dev binutils lintian man-db

## deps-packaging: what `make deb` and the package test use (dpkg-shlibdeps, strip, lintian, man)
deps-packaging:
	@if command -v dpkg-query >/dev/null 2>&1; then \
	  missing=""; \
	  for package in $(PACKAGING_APT_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; \
	  done; \
	  if [ -n "$$missing" ]; then echo "make deps-packaging: installing$$missing"; $(APT) update -qq; $(APT) install -y -qq$$missing >/dev/null; fi; \
	fi

## stage: the stripped binary, profiles, manual page and completions in $(STAGE) (what install copies)
stage: build
	packaging/stage.sh $(RELEASE_BIN) $(GENERATE_MANUAL) $(STAGE)

## install: copy the staged files below $(DESTDIR)$(PREFIX) and list them in share/indstil/install-manifest.
##          It builds nothing (`sudo` may not find swift): `make stage && sudo make install`.
install:
	@test -x $(STAGE)/indstil || { echo "make install: nothing staged in $(STAGE); run 'make stage' first (as yourself, then sudo make install)" >&2; exit 1; }
	packaging/install.sh install $(STAGE) "$(DESTDIR)" "$(PREFIX)"

## uninstall: remove what the manifest lists (files, and the folders install created when empty)
uninstall:
	packaging/install.sh uninstall "$(DESTDIR)" "$(PREFIX)"

## deb: the Debian package in $(DEB_DIR)/ (dpkg-deb), files below /usr
deb: deps-packaging stage
	packaging/build-deb.sh $(STAGE) $(DEB_DIR)

## package-test: install into a temporary DESTDIR and uninstall, the .deb without a toolchain, lintian,
##               the manual page and the bash completion (Tests/Packaging/test-package.sh)
package-test: deps-packaging stage
	Tests/Packaging/test-package.sh $(STAGE)

## fuzz: build the libFuzzer targets (Fuzz/) and run each for FUZZ_SECONDS, one after the other
##       (crashers land in Fuzz/crashers/; not part of `make test`). FUZZ_PARALLEL=1 runs both at once.
FUZZ_SECONDS  ?= 600
FUZZ_TARGETS  ?= FuzzDocument FuzzBundleManifest
FUZZ_PARALLEL ?= 0
fuzz: fuzz-build
	@if [ "$(FUZZ_PARALLEL)" = 1 ]; then \
	  pids=""; for target in $(FUZZ_TARGETS); do Fuzz/run.sh $$target $(FUZZ_SECONDS) & pids="$$pids $$!"; done; \
	  status=0; for pid in $$pids; do wait $$pid || status=1; done; exit $$status; \
	else \
	  for target in $(FUZZ_TARGETS); do Fuzz/run.sh $$target $(FUZZ_SECONDS); done; \
	fi

fuzz-build: deps
	Fuzz/build.sh $(FUZZ_TARGETS)

## fuzz-regress: replay the seed corpus and every regression input through the fuzz binaries
fuzz-regress: fuzz-build
	@set -e; for pair in FuzzDocument:document FuzzBundleManifest:bundle; do \
	  target=$${pair%%:*}; name=$${pair##*:}; \
	  inputs=$$(for folder in Fuzz/corpus/$$name Tests/Fixtures/fuzz/$$name; do if [ -d $$folder ]; then echo $$folder; fi; done); \
	  Fuzz/.build-fuzz/release/$$target -runs=0 $$inputs 2>&1 | grep -E '^#[0-9]+[[:space:]]+DONE'; \
	done

## fuzz-merge: add to Fuzz/corpus/ the smallest set of found inputs (Fuzz/.build-fuzz/corpus/, at most
##             FUZZ_MERGE_MAX_BYTES each) that reaches their new coverage; keeps the committed corpus small
FUZZ_MERGE_MAX_BYTES ?= 4000
fuzz-merge: fuzz-build
	@set -e; for pair in FuzzDocument:document FuzzBundleManifest:bundle; do \
	  target=$${pair%%:*}; name=$${pair##*:}; small=Fuzz/.build-fuzz/merge-candidates/$$name; \
	  rm -rf $$small; mkdir -p $$small Fuzz/.build-fuzz/corpus/$$name; \
	  find Fuzz/.build-fuzz/corpus/$$name -type f -size -$$(( $(FUZZ_MERGE_MAX_BYTES) + 1 ))c -exec cp {} $$small/ \; ; \
	  Fuzz/.build-fuzz/release/$$target -set_cover_merge=1 -max_len=32768 Fuzz/corpus/$$name $$small > Fuzz/.build-fuzz/merge-$$name.log 2>&1; \
	  echo "fuzz-merge: Fuzz/corpus/$$name: $$(ls Fuzz/corpus/$$name | wc -l) files, $$(cat Fuzz/corpus/$$name/* | wc -c) bytes"; \
	done

clean:
	rm -rf .build $(RELEASE_SCRATCH) $(OUT) $(DEB_DIR)
