#!/usr/bin/env python3
"""axe-core on every kind of HTML page indstil writes, in a real headless Chromium.

Builds with the debug binary: a single document (`indstil render --to html`) for each
shipped example profile, the bundle site, the agenda sites (public and closed), the
minutes sites (public and closed), the decision register and a redline (`indstil diff --to html`). Every page of every site is
opened at 1200 px and at 360 px width; axe-core (axe.min.js from axe-playwright-python,
injected through Selenium, as tests/browser_test.py does) must find no violation, and at
360 px the page must not scroll sideways (scrollWidth <= innerWidth).

Usage: python3 tests/axe_pages.py [path/to/indstil]   (default .build/debug/indstil)
       INDSTIL_AXE_FAULT=1 adds a page with a known fault, which must make the run fail.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser_test import axe_source, axe_violations, make_driver, start_server  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parent.parent
BINARY = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else REPO / ".build/debug/indstil").resolve()
WIDTHS = [1200, 360]

# One document per shipped example profile (profil: in its front matter).
DOCUMENTS = [
    "examples/aarhus-byraad/ny-ordning-moedelokaler.md",
    "examples/aarhus-raadmand/status-praktikpladser.md",
    "examples/betaenkning-bilag/kortlaegning-moedebelastning.md",
    "examples/aarhus-budgetkatalog/spareforslag-2027.md",
    "examples/randers/aabningstider-borgerservice.md",
    "examples/vesteraa/vintertjeneste-cykelstier.md",
    # A closed document (its LUKKET banner) and one with errors (its UDKAST banner).
    "examples/raadmandsmoede/punkt-4/omplacering.md",
    "Tests/Fixtures/aarhuskompasset-2021/aarhuskompasset.md",
]
# Manifests whose sites are built; an agenda's and minutes' closed site lands beside it.
SITES = [
    ("bundle", "examples/bilagsmateriale/bundle.yml"),
    ("dagsorden", "examples/raadmandsmoede/dagsorden.yml"),
    ("referat", "examples/raadmandsmoede/referat.yml"),
]

# A page axe must fault (an image without alt text, a link without text): proves the check can fail.
FAULTY_PAGE = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Fejl</title></head>
<body><main><h1>Fejl</h1><img src="x.png"><a href="x.html"></a></main></body></html>
"""


def run(*arguments):
    result = subprocess.run([str(BINARY), *arguments], cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"axe pages: indstil {' '.join(arguments)} failed ({result.returncode}): {result.stderr.strip()}")


def build_pages(out):
    """Every HTML page to check: (what, path)."""
    pages = []
    for document in DOCUMENTS:
        target = out / "dokumenter" / (pathlib.Path(document).stem + ".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        run("render", "--to", "html", document, "-o", str(target))
        pages.append((f"document {document}", target))
    for name, manifest in SITES:
        site = out / name
        run("bundle", manifest, "-o", str(site))
        for folder in [site, out / f"{name}-lukket"]:
            if folder.is_dir():
                pages += [(f"{folder.name}/{page.name}", page) for page in sorted(folder.glob("*.html"))]
    register = out / "beslutningsregister.html"
    run("register", "examples/raadmandsmoede/referat.yml", "--format", "html", "-o", str(register))
    pages.append(("decision register", register))
    closed_register = out / "beslutningsregister-lukket.html"
    run("register", "examples/raadmandsmoede/referat.yml", "--format", "html", "--lukket", "-o", str(closed_register))
    pages.append(("decision register (lukket)", closed_register))
    # What changed between two versions (indstil diff --to html; exit 1: there are changes).
    redline = out / "aendringer.html"
    result = subprocess.run([str(BINARY), "diff", "Tests/Fixtures/aarhuskompasset-2021/aarhuskompasset.md", DOCUMENTS[0],
                             "--to", "html", "-o", str(redline)], cwd=REPO, capture_output=True, text=True)
    if result.returncode != 1:
        sys.exit(f"axe pages: indstil diff failed ({result.returncode}): {result.stderr.strip()}")
    pages.append(("redline (indstil diff --to html)", redline))
    if os.environ.get("INDSTIL_AXE_FAULT"):
        faulty = out / "fejl.html"
        faulty.write_text(FAULTY_PAGE, encoding="utf-8")
        pages.append(("a page with a known fault", faulty))
    return pages


# The workspace's own pages (indstil serve on a copy of examples/), after the start secret.
SERVE_PAGES = ["/", "/ny", "/word"]


def start_workspace(driver, work):
    """indstil serve on a copy of examples/ in `work`, its cookie in `driver`; (process, address)."""
    project = work / "examples"
    shutil.copytree(REPO / "examples", project)
    server, address, start = start_server(project)
    driver.get(start)
    return server, address


def check_serve_pages(driver, axe, address, width, failures):
    """axe on the workspace's overview, Nyt dokument and /word; no sideways scroll on a phone. The number checked."""
    for page in SERVE_PAGES:
        driver.get(address + page)
        violations = axe_violations(driver, axe)
        if violations:
            failures.append(f"{width} px serve {page}: axe {violations}")
            print(f"  FAIL  {width} px serve {page}: {violations}")
        if width <= 400 and horizontal_overflow(driver) > 0:
            failures.append(f"{width} px serve {page}: the page scrolls sideways by {horizontal_overflow(driver)} px")
            print(f"  FAIL  {width} px serve {page}: scrolls sideways")
    return len(SERVE_PAGES)


def horizontal_overflow(driver):
    """How many CSS pixels the page is wider than the window (0: no sideways scrolling)."""
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")


def main():
    if not BINARY.exists():
        sys.exit(f"axe pages: {BINARY} is missing; build first (swift build)")
    axe = axe_source()
    out = pathlib.Path(tempfile.mkdtemp(prefix="indstil-axe-"))
    failures = []
    checked = 0
    driver = None
    server = None
    try:
        pages = build_pages(out)
        kinds = {"document", "index.html", "kapitel", "b1", "punkt", "bilag", "beslutninger", "register"}
        missing = [kind for kind in kinds if not any(kind in what for what, _ in pages)]
        if missing:
            failures.append(f"no page of these kinds was built: {missing}")
        driver = make_driver()
        server, address = start_workspace(driver, out)
        for width in WIDTHS:
            driver.set_window_size(width, 900)
            # The window's outer size includes the browser's frame: make the page itself `width` wide.
            inner = driver.execute_script("return window.innerWidth;")
            if inner != width:
                driver.set_window_size(width + (width - inner), 900)
            for what, path in pages:
                driver.get(path.as_uri())
                violations = axe_violations(driver, axe)
                checked += 1
                if violations:
                    failures.append(f"{width} px {what}: axe {violations}")
                    print(f"  FAIL  {width} px {what}: {violations}")
                if width <= 400:
                    overflow = horizontal_overflow(driver)
                    if overflow > 0:
                        failures.append(f"{width} px {what}: the page scrolls sideways by {overflow} px")
                        print(f"  FAIL  {width} px {what}: scrolls sideways by {overflow} px")
            checked += check_serve_pages(driver, axe, address, width, failures)
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(out, ignore_errors=True)
    print(f"axe pages: {checked} page views checked at {', '.join(f'{w} px' for w in WIDTHS)}, {len(failures)} failed")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
