#!/usr/bin/env python3
"""Hostile-HTTP tests of `indstil serve` (issue 25), against the real binary.

Starts the debug binary on a copy of examples/ (made 0700) with hostile files in it: a
bundle whose appendices are HTML, SVG and a script, a FIFO and a link to /dev/null named
as documents. Then:

* in headless Chromium (Selenium): the start address trades its one-time secret for the
  cookie; each HTML/SVG appendix, opened directly and in a frame of a workspace page, runs
  no script (the marker its script would set is absent and nothing is written);
* a second local user (uid 65534 through setpriv, when the tests run as root) can neither
  read a document nor write one;
* 100 concurrent clients for 30 s (documents, refusals and hostile requests: a FIFO, a
  device, a symbolic link) are all answered, none times out.

Usage: python3 tests/serve_security_test.py [path/to/indstil] [--seconds N]
"""
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser_test import Checks  # noqa: E402  (the same ok/FAIL tally as the workspace's browser tests)

REPO = pathlib.Path(__file__).resolve().parent.parent
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
BINARY = pathlib.Path(ARGS[0] if ARGS else REPO / ".build/debug/indstil")
SECONDS = int(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 30
CLIENTS = 100
MARKER = "SCRIPT-KOERTE"
SCRIPT = f"""document.title = "{MARKER}";
document.documentElement.setAttribute("data-marker", "{MARKER}");
try {{ parent.document.documentElement.setAttribute("data-marker", "{MARKER}"); }} catch (e) {{}}
fetch("/api/documents/skrevet-af-script.md", {{method: "PUT", headers: {{"Content-Type": "application/json"}},
      body: JSON.stringify({{text: "skrevet", version: "missing"}})}});
"""
HTML = '<!DOCTYPE html><html lang="da"><head><title>Bilag</title><script src="B1.5-kode.js"></script></head><body><p>Bilag</p></body></html>\n'
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
       '<script xlink:href="B1.5-kode.js"/><rect width="10" height="10"/></svg>\n')


def make_project(work):
    project = work / "examples"
    shutil.copytree(REPO / "examples", project)
    farlig = project / "farlig"
    shutil.copytree(project / "bilagsmateriale", farlig)
    (farlig / "kapitel-1/side.html").write_text(HTML, encoding="utf-8")
    (farlig / "kapitel-1/tegning.svg").write_text(SVG, encoding="utf-8")
    (farlig / "kapitel-1/kode.js").write_text(SCRIPT, encoding="utf-8")
    manifest = farlig / "bundle.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "      - id: spoergeskema\n",
        "      - id: side\n        fil: kapitel-1/side.html\n        titel: \"Side\"\n"
        "      - id: tegning\n        fil: kapitel-1/tegning.svg\n        titel: \"Tegning\"\n"
        "      - id: kode\n        fil: kapitel-1/kode.js\n        titel: \"Kode\"\n"
        "      - id: spoergeskema\n"), encoding="utf-8")
    os.mkfifo(project / "fifo.md")
    os.symlink("/dev/null", project / "nul.md")
    (project / ".env").write_text("HEMMELIGT=ja\n", encoding="utf-8")
    os.chmod(work, 0o700)
    os.chmod(project, 0o700)
    return project


def start_server(project):
    process = subprocess.Popen([str(BINARY), "serve", str(project), "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline().strip()
    match = re.fullmatch(r"indstil serve: (http://127\.0\.0\.1:(\d+))/\?token=([0-9a-f]{64})", line)
    if not match:
        process.kill()
        sys.exit(f"serve security tests: no start address with a secret: {line!r} {process.stderr.read()}")
    return process, match.group(1), int(match.group(2)), line[len("indstil serve: "):], match.group(3)


def request(port, method, path, token=None, body=None, timeout=20):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Host": f"127.0.0.1:{port}"}
    if token:
        headers["X-Indstil-Token"] = token
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body).encode()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def make_driver(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900", "--lang=da"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def browser_checks(checks, address, start, port, token, project, work):
    print("appendices in Chromium")
    status, index = request(port, "GET", "/websted/offentlig/farlig/bundle.yml/index.html", token)
    checks.expect(status == 200, f"the hostile bundle's site is built ({status})")
    pages = [index.decode()]
    for name in set(re.findall(r'href="([^"/]+\.html)"', pages[0])):
        pages.append(request(port, "GET", f"/websted/offentlig/farlig/bundle.yml/{name}", token)[1].decode())
    appendices = sorted({link for page in pages for link in re.findall(r'href="(bilag/[^"]+\.(?:html|svg))"', page)})
    checks.expect(len(appendices) >= 2, f"the site links the HTML and SVG appendices {appendices}")
    driver = make_driver(work / "hentet")
    try:
        driver.get(start)
        checks.expect(driver.current_url == address + "/", "the start address is traded for the cookie")
        for appendix in appendices:
            url = f"{address}/websted/offentlig/farlig/bundle.yml/{appendix}"
            driver.get(address + "/")
            driver.execute_script(
                "const f = document.createElement('iframe'); f.src = arguments[0]; document.body.appendChild(f);", url)
            time.sleep(2)
            driver.get(url)
            time.sleep(2)
            marker = driver.execute_script("return document.title + ' ' + (document.documentElement.getAttribute('data-marker') || '')")
            checks.expect(MARKER not in marker and MARKER not in driver.page_source, f"{appendix}: no script ran")
        driver.get(address + "/")
        checks.expect(MARKER not in driver.page_source, "the workspace page is untouched")
        checks.expect(not (project / "skrevet-af-script.md").exists(), "no appendix script wrote into the project")
    finally:
        driver.quit()


def second_user_checks(checks, port, token, project):
    if os.geteuid() != 0 or not shutil.which("setpriv") or not shutil.which("curl"):
        print("second local user: skipped (needs root, setpriv and curl)")
        return
    print("a second local user")
    base = f"http://127.0.0.1:{port}"

    def curl(*arguments):
        result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "curl", "-s", "-m", "20",
                                 "-o", "-", "-w", "\n%{http_code}", *arguments], capture_output=True, text=True, errors="replace", timeout=30)
        body, _, code = result.stdout.rpartition("\n")
        return code, body

    for path in ["/", "/word", "/api/documents", "/dokument/aarhus-byraad/ny-ordning-moedelokaler.md",
                 "/api/documents/raadmandsmoede/punkt-4/omplacering.md", "/api/packets/lukket/raadmandsmoede/dagsorden.yml"]:
        code, body = curl(base + path)
        checks.expect(code == "403" and "Byrådet" not in body and token not in body, f"uid 65534 cannot read {path} ({code})")
    code, _ = curl("-X", "PUT", "-H", "Content-Type: application/json", "-H", f"Origin: {base}",
                   "--data", '{"text": "fremmed", "version": "missing"}', base + "/api/documents/fremmed.md")
    checks.expect(code == "403" and not (project / "fremmed.md").exists(), f"uid 65534 cannot write ({code})")
    code, _ = curl("-X", "POST", "-H", "Content-Type: application/octet-stream", "-H", f"Origin: {base}", "--data", "%PDF-1.4",
                   base + "/api/upload?manifest=raadmandsmoede%2Fdagsorden.yml&punkt=9&navn=fremmed.pdf")
    checks.expect(code == "403" and not (project / "raadmandsmoede/punkt-9").exists(), f"uid 65534 cannot upload an appendix ({code})")


def load_checks(checks, port, token, project):
    print(f"{CLIENTS} clients for {SECONDS} s")
    kinds = [
        ("GET", "/api/documents/aarhus-byraad/ny-ordning-moedelokaler.md", token, None, {200}),
        ("GET", "/static/serve.css", None, None, {200}),
        ("GET", "/api/documents/aarhus-byraad/ny-ordning-moedelokaler.md", None, None, {403}),
        ("GET", "/api/documents/fifo.md", token, None, {403}),
        ("PUT", "/api/documents/fifo.md", token, {"text": "x", "version": "missing"}, {403}),
        ("PUT", "/api/documents/nul.md", token, {"text": "x", "version": "missing"}, {403}),
        ("GET", "/api/documents/.env", token, None, {403}),
        ("GET", "/dokument/aarhus-byraad/ny-ordning-moedelokaler.md", token, None, {200}),
        ("GET", "/word", None, None, {403}),
        ("POST", "/api/analyse-word", None, {"x": 1}, {403}),
        ("POST", "/api/import-word?sti=fremmed-word.md", None, {"x": 1}, {403}),
        ("POST", "/api/import-word?sti=fremmed-word.md", token, {"x": 1}, {415}),
        ("POST", "/api/import-word?sti=..%2F..%2Fetc%2Fudenfor.md", token, {"x": 1}, {415}),
        ("POST", "/api/upload?manifest=raadmandsmoede%2Fdagsorden.yml&punkt=9&navn=fremmed.pdf", None, {"x": 1}, {403}),
        ("POST", "/api/upload?manifest=indstil.yml&punkt=9&navn=fremmed.pdf", token, {"x": 1}, {403, 404}),
        ("POST", "/api/agenda/item-state", None, {"path": "raadmandsmoede/dagsorden.yml", "text": "", "item": 1, "state": "klar", "by": "x"}, {403}),
        ("POST", "/api/agenda/send", None, {"path": "raadmandsmoede/dagsorden.yml", "text": ""}, {403}),
        ("GET", "/api/build-result/x/dagsorden.pdf", None, None, {403}),
        ("POST", "/api/diff", None, {"path": "aarhus-byraad/ny-ordning-moedelokaler.md", "text": "x"}, {403}),
        ("POST", "/api/diff", token, {"path": "../udenfor.md", "text": "x"}, {403, 404}),
        ("POST", "/api/diff", token, {"path": "fifo.md", "text": "x"}, {403}),
        ("POST", "/api/diff", token, {"path": "aarhus-byraad/ny-ordning-moedelokaler.md", "text": "---\ntitel: Kort\n---\n\n# 1. Resume\n\nTekst.\n"}, {200}),
    ]
    counts = {"answered": 0, "unexpected": 0, "timeouts": 0, "errors": 0}
    slowest = [0.0]
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS

    def client(number):
        index = number
        while time.monotonic() < stop:
            method, path, key, body, wanted = kinds[index % len(kinds)]
            index += 1
            started = time.monotonic()
            try:
                status, _ = request(port, method, path, key, body, timeout=20)
                outcome = "answered" if status in wanted else "unexpected"
            except TimeoutError:
                outcome = "timeouts"
            except OSError:
                outcome = "errors"
            with lock:
                counts[outcome] += 1
                slowest[0] = max(slowest[0], time.monotonic() - started)

    threads = [threading.Thread(target=client, args=(number,)) for number in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"        ({counts}, slowest answer {slowest[0]:.2f} s)")
    checks.expect(counts["timeouts"] == 0 and counts["errors"] == 0, f"no time-outs or dropped connections {counts}")
    checks.expect(counts["unexpected"] == 0 and counts["answered"] > CLIENTS, f"every request answered as expected {counts}")
    checks.expect(request(port, "GET", "/api/documents", token, timeout=60)[0] == 200, "the server still answers afterwards")
    checks.expect(not (project / "fremmed-word.md").exists(), "no Word import was written by a refused request")
    checks.expect(stat_is_fifo(project / "fifo.md") and os.readlink(project / "nul.md") == "/dev/null",
                  "the FIFO and the link are as they were")


def stat_is_fifo(path):
    import stat
    return stat.S_ISFIFO(os.lstat(path).st_mode)


def main():
    if not BINARY.exists():
        sys.exit(f"serve security tests: {BINARY} is missing; build first (swift build)")
    checks = Checks()
    work = pathlib.Path(tempfile.mkdtemp(prefix="indstil-serve-security-"))
    project = make_project(work)
    server, address, port, start, token = start_server(project)
    try:
        browser_checks(checks, address, start, port, token, project, work)
        second_user_checks(checks, port, token, project)
        load_checks(checks, port, token, project)
    except Exception as error:  # a time-out or a refused connection is a failure too, never a crash of the test
        checks.failures.append(repr(error))
        print(f"  FAIL  {error!r}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    print(f"serve security tests: {checks.passed} passed, {len(checks.failures)} failed")
    if checks.failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
