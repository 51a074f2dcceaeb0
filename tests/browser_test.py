#!/usr/bin/env python3
"""Browser tests of `indstil serve` in a real headless Chromium driven by Selenium.

Starts the debug binary on a copy of examples/, then: the start address trades its secret
for the cookie (closed before); the overview; a new document from
the skeleton; typing a decision point changes the findings and Antal tegn; a finding
click lands on its line; save, reload, the text on disk; an edit on disk updates the
page; a conflicting edit keeps both versions; axe-core (from axe-playwright-python,
injected through Selenium) finds no violations on the overview, document and bundle
pages. Ctrl-C ends the server with indstil's interruption message.

Usage: python3 tests/browser_test.py [path/to/indstil]   (default .build/debug/indstil)
"""
import importlib.util
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = pathlib.Path(__file__).resolve().parent.parent
BINARY = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else REPO / ".build/debug/indstil")
TIMEOUT = 30


def axe_source():
    """axe.min.js from the axe-playwright-python package (found without importing it:
    the package itself needs Playwright, which these tests do not use)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("browser tests: axe-playwright-python is missing; run `make deps`")
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    return path.read_text(encoding="utf-8")


def start_server(project):
    """Starts indstil serve; (process, base address, start address with the one-time secret)."""
    # Nothing from indstil's cache: the packet builds must run (and show) every step.
    environment = dict(os.environ, INDSTIL_CACHE_DIR="off")
    process = subprocess.Popen([str(BINARY), "serve", str(project), "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=environment)
    line = process.stdout.readline().strip()
    prefix = "indstil serve: "
    if not line.startswith(prefix) or "/?token=" not in line:
        process.kill()
        sys.exit(f"browser tests: indstil serve did not say its start address: {line!r} {process.stderr.read()}")
    start = line[len(prefix):]
    return process, start.split("/?token=")[0], start


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=da"]:
        options.add_argument(argument)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(60)
    return driver


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def expect(self, condition, what):
        if condition:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failures.append(what)
            print(f"  FAIL  {what}")


def wait_for(driver, condition, what):
    try:
        return WebDriverWait(driver, TIMEOUT, poll_frequency=0.05).until(lambda d: condition(d))
    except Exception as error:
        raise AssertionError(f"timed out waiting for: {what}") from error


def analysed(driver, after=0):
    """Waits until the page has shown an analysis newer than `after`; its number."""
    return int(wait_for(driver, lambda d: int(d.find_element(By.ID, "workspace").get_attribute("data-analysed") or 0) > after
                        and d.find_element(By.ID, "workspace").get_attribute("data-analysed"), "the analysis"))


def axe_violations(driver, source):
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => "
        "({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))))"
        ".catch(e => done([{id: 'axe-error', impact: String(e), nodes: []}]));")
    return result


CM = "document.querySelector('.CodeMirror').CodeMirror"


def editor_text(driver):
    """The text in the document page's editor (CodeMirror)."""
    return driver.execute_script(f"return {CM}.getValue()")


def editor_line_of_caret(driver):
    return driver.execute_script(f"return {CM}.getCursor().line + 1")


def type_into_editor(driver, text, select=None, at_end=False):
    """Puts the caret (or selects `select`, a (line, from, to) in CodeMirror's 0-based terms)
    and types `text` as keystrokes into the focused editor."""
    if at_end:
        driver.execute_script(f"const cm = {CM}; cm.focus(); cm.setCursor(cm.lineCount(), 0);")
    elif select is not None:
        line, start, end = select
        driver.execute_script(f"const cm = {CM}; cm.focus(); cm.setSelection({{line: {line}, ch: {start}}}, {{line: {line}, ch: {end}}});")
    driver.switch_to.active_element.send_keys(text)


def line_on_screen(driver, line):
    """Whether line `line` (1-based) is inside the editor's visible area and the window."""
    return driver.execute_script(
        f"const cm = {CM}; const box = cm.getScrollerElement().getBoundingClientRect();"
        "const at = cm.charCoords({line: arguments[0] - 1, ch: 0}, 'window');"
        "return at.top >= box.top - 1 && at.bottom <= box.bottom + 1 && at.top >= 0 && at.bottom <= window.innerHeight;", line)


def expected_word_findings(project, docx, profile):
    """The finding ids (check:paragraph) `indstil check` gives the .docx, sorted."""
    result = subprocess.run([str(BINARY), "check", "--profile", profile, "--format", "json", str(docx)], cwd=project,
                            capture_output=True, text=True, timeout=120)
    report = json.loads(result.stdout)
    return sorted(f"{d['check']}:{d['line']}" for d in report["files"][0]["diagnostics"])


def shown_word_findings(driver):
    return sorted(f"{item.get_attribute('data-check')}:{item.get_attribute('data-line')}"
                  for item in driver.find_elements(By.CSS_SELECTOR, "#word-findings li"))


def word_analysed(driver, after=0):
    """Waits until /word has shown an analysis newer than `after`; its number."""
    return int(wait_for(driver, lambda d: int(d.find_element(By.ID, "word-result").get_attribute("data-analysed") or 0) > after
                        and d.find_element(By.ID, "word-result").get_attribute("data-analysed"), "the Word analysis"))


def drop_file(driver, target, path):
    """Drops the file at `path` on `target` as a browser does (a DataTransfer with the file)."""
    carrier = driver.execute_script(
        "const input = document.createElement('input'); input.type = 'file'; input.id = 'test-drop-carrier';"
        "input.hidden = true; document.body.append(input); return input;")
    carrier.send_keys(str(path))
    driver.execute_script(
        "const [target, input] = arguments; const transfer = new DataTransfer(); transfer.items.add(input.files[0]);"
        "input.remove();"
        "for (const type of ['dragenter', 'dragover', 'drop']) {"
        "  target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: transfer})); }",
        target, carrier)


def check_word_page(driver, address, project, work, checks, axe):
    """/word: a pandoc-made .docx picked and dropped gives `indstil check`'s findings; nothing is
    written until it is imported; the import lands on the new document's page."""
    docx = work / "moedelokaler.docx"
    subprocess.run(["pandoc", str(project / "aarhus-byraad/ny-ordning-moedelokaler.md"), "-f", "markdown", "-t", "docx",
                    "-o", str(docx)], check=True, timeout=120)
    expected = expected_word_findings(project, docx, "aarhus-byraad")
    before = sorted(str(path) for path in project.rglob("*"))
    driver.get(address + "/")
    driver.find_element(By.LINK_TEXT, "Kontrollér et Word-dokument").click()
    wait_for(driver, lambda d: d.current_url == address + "/word", "the Word page")
    Select(driver.find_element(By.ID, "word-profile")).select_by_value("aarhus-byraad")
    driver.find_element(By.ID, "word-file").send_keys(str(docx))
    seen = word_analysed(driver)
    shown = shown_word_findings(driver)
    checks.expect(expected != [] and shown == expected, f"picked: the findings of indstil check ({len(shown)} of {len(expected)})")
    checks.expect("under »" in driver.find_element(By.ID, "word-findings").text, "findings name their heading")
    checks.expect("beslutningspunkt" in driver.find_element(By.ID, "word-decision-count").text, "decision points counted")
    preview = driver.execute_script("return document.getElementById('word-preview').srcdoc")
    checks.expect('<base target="_blank">' in preview and "mødelokaler" in preview, "the preview, its links opening in a new tab")
    violations = axe_violations(driver, axe)
    checks.expect(violations == [], f"axe: no violations on /word with a result {violations}")
    drop_file(driver, driver.find_element(By.ID, "drop-zone"), docx)
    word_analysed(driver, seen)
    checks.expect(shown_word_findings(driver) == expected, "dropped on /word: the same findings")
    checks.expect(sorted(str(path) for path in project.rglob("*")) == before, "nothing is written in the project by checking")

    original = (project / "aarhus-byraad/ny-ordning-moedelokaler.md").read_text(encoding="utf-8")
    driver.get(address + "/dokument/aarhus-byraad/ny-ordning-moedelokaler.md")
    analysed(driver)
    drop_file(driver, driver.find_element(By.CSS_SELECTOR, ".CodeMirror"), docx)
    wait_for(driver, lambda d: d.current_url == address + "/word", "a .docx dropped on a document page taken to /word")
    word_analysed(driver)
    checks.expect((project / "aarhus-byraad/ny-ordning-moedelokaler.md").read_text(encoding="utf-8") == original
                  and shown_word_findings(driver) != [], "a .docx dropped on a document page is checked on /word, the document untouched")

    driver.get(address + "/")
    drop_file(driver, driver.find_element(By.TAG_NAME, "main"), docx)
    wait_for(driver, lambda d: d.current_url == address + "/word", "the dropped file taken to /word")
    seen = word_analysed(driver)
    profile = Select(driver.find_element(By.ID, "word-profile"))
    if profile.first_selected_option.get_attribute("value") != "aarhus-byraad":
        profile.select_by_value("aarhus-byraad")
        word_analysed(driver, seen)
    checks.expect(shown_word_findings(driver) == expected, "dropped on the overview: the same findings on /word")
    path_field = driver.find_element(By.ID, "import-path")
    checks.expect(path_field.get_attribute("value") == "moedelokaler.md", "the import path defaults to the .docx name with .md")
    path_field.clear()
    path_field.send_keys("importeret/moedelokaler.md")
    driver.find_element(By.ID, "import").click()
    wait_for(driver, lambda d: d.current_url.endswith("/dokument/importeret/moedelokaler.md"), "the imported document's page")
    imported = subprocess.run([str(BINARY), "import", "--profile", "aarhus-byraad", str(docx)], cwd=project,
                              capture_output=True, text=True, timeout=120).stdout
    checks.expect((project / "importeret/moedelokaler.md").read_text(encoding="utf-8") == imported,
                  "the import writes what indstil import writes")


def check_overview_filters(driver, address, project, checks):
    """The overview lists titles, the path as a second line; type and state filters combine
    (an indstilling with errors is added, so "with errors" has something to show)."""
    draft = project / "udkast/udkast-med-fejl.md"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text("---\nprofil: aarhus-byraad\ntitel: Udkast med fejl\n---\n\n# Indstilling\n\nTODO\n", encoding="utf-8")
    driver.get(address + "/")
    rows = driver.find_elements(By.CSS_SELECTOR, "#documents tbody tr")
    titles = [row.find_element(By.CSS_SELECTOR, "a.title").text for row in rows]
    checks.expect(any("mødelokaler" in title.lower() for title in titles), "the overview lists documents by title")
    checks.expect(any(row.find_element(By.CSS_SELECTOR, ".path").text == "aarhus-byraad/ny-ordning-moedelokaler.md"
                      for row in rows), "the path is a second line")
    kind, state = Select(driver.find_element(By.ID, "kind-filter")), Select(driver.find_element(By.ID, "state-filter"))
    status = driver.find_element(By.ID, "filter-status")
    kind.select_by_value("indstilling")
    indstillinger = [row for row in rows if row.is_displayed()]
    state.select_by_value("errors")
    both = [row for row in rows if row.is_displayed()]
    expected = [row for row in rows if row.get_attribute("data-kind") == "indstilling" and int(row.get_attribute("data-errors")) > 0]
    checks.expect(len(both) >= 1 and both == expected and len(both) < len(indstillinger),
                  f"type and errors combine ({len(both)} of {len(indstillinger)} rows)")
    checks.expect(any("Udkast med fejl" in row.text for row in both), "the draft with errors is among them")
    noun = "dokument" if len(both) == 1 else "dokumenter"
    checks.expect(status.text == f"{len(both)} {noun} vist", f"the status says »{status.text}«")
    state.select_by_value("closed")
    closed = [row for row in rows if row.is_displayed()]
    checks.expect(all(row.get_attribute("data-closed") == "true" and row.get_attribute("data-kind") == "indstilling"
                      for row in closed), f"type and closed combine ({len(closed)} rows)")
    kind.select_by_value("")
    state.select_by_value("")
    checks.expect(all(row.is_displayed() for row in rows), "all documents shown again")
    draft.unlink()


def check_no_sideways_scroll(driver, address, checks):
    """Overview, /ny, /word, a document page, a packet page and the agenda's and minutes' manifest pages fit 390 px and 960 px; on a phone selects and buttons are ≥ 44 px tall."""
    for width in (390, 960):
        driver.set_window_size(width, 900)
        # The window's outer size includes the browser's frame: make the page itself `width` wide.
        inner = driver.execute_script("return window.innerWidth;")
        if inner != width:
            driver.set_window_size(width + (width - inner), 900)
        for page in ["/", "/ny", "/word", "/dokument/aarhus-byraad/ny-ordning-moedelokaler.md", "/pakke/raadmandsmoede/dagsorden.yml",
                     "/manifest/raadmandsmoede/dagsorden.yml", "/manifest/raadmandsmoede/referat.yml"]:
            driver.get(address + page)
            if page.startswith(("/dokument/", "/manifest/")):
                analysed(driver)
            sizes = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            checks.expect(sizes[0] <= sizes[1], f"{page} at {width} px: no sideways scroll {sizes}")
            if width == 390:
                low = driver.execute_script(
                    "return Array.from(document.querySelectorAll('main select, main button, main .button'))"
                    ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44).map(e => e.id || e.textContent)")
                checks.expect(low == [], f"{page} at 390 px: selects and buttons at least 44 px tall {low}")
    driver.set_window_size(1400, 1000)


def tab_to(driver, wanted, what, limit=400):
    """Presses Tab (only the keyboard) until the focused element is `wanted` (an id)."""
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.switch_to.active_element.get_attribute("id") == wanted:
            return driver.switch_to.active_element
    raise AssertionError(f"Tab never reached {what} (#{wanted})")


def check_desk_by_keyboard(driver, address, project, checks, axe):
    """The secretariat's desk on an agenda's manifest page, by keyboard only: every item
    approved (with a name), the agenda sent, both packets built with their steps shown."""
    manifest = project / "raadmandsmoede/dagsorden.yml"
    manifest.write_text((REPO / "examples/raadmandsmoede/dagsorden.yml").read_text(encoding="utf-8"), encoding="utf-8")
    driver.get(address + "/manifest/raadmandsmoede/dagsorden.yml")
    analysed(driver)
    wait_for(driver, lambda d: d.find_element(By.ID, "desk").is_displayed(), "the agenda's desk")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    person = tab_to(driver, "desk-person", "the name field")
    person.send_keys(Keys.CONTROL, "a")
    person.send_keys("Ida Holm")
    items = len(driver.find_elements(By.CSS_SELECTOR, "#desk-items tbody tr"))
    for number in range(1, items + 1):
        select = tab_to(driver, f"desk-state-{number}", f"item {number}'s state")
        select.send_keys("g")  # type-ahead: Godkendt
        wait_for(driver, lambda d: d.find_element(By.ID, "desk-status").text == f"Punkt {number} er nu godkendt; gemt i manifestet.",
                 f"item {number} approved and saved")
    text = manifest.read_text(encoding="utf-8")
    checks.expect(text.count("tilstand: godkendt") == items and text.count("tilstand_af: Ida Holm") == items,
                  f"by keyboard: all {items} items approved, with who, in the manifest")
    violations = axe_violations(driver, axe)
    checks.expect(violations == [], f"axe: no violations on the manifest page with its desk {violations}")
    button = tab_to(driver, "desk-send", "Send dagsordenen")
    checks.expect(button.text == "Send dagsordenen", f"the send button says what it sends ({button.text!r})")
    button.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.find_element(By.ID, "desk-status").text.startswith("Dagsordenen er sendt med"), "the agenda sent")
    text = manifest.read_text(encoding="utf-8")
    checks.expect("\nudsendt: " in text and text.count("udsendt_version: ") == items, "sending is recorded in the manifest")
    wait_for(driver, lambda d: not d.find_element(By.ID, "desk-send").is_displayed(), "nothing more to send")
    build = tab_to(driver, "build-start", "Byg pakkerne")
    build.send_keys(Keys.ENTER)
    WebDriverWait(driver, 240).until(lambda d: d.find_element(By.ID, "build").get_attribute("data-result") in ("done", "failure"))
    steps = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#build-steps li")]
    results = [link.text for link in driver.find_elements(By.CSS_SELECTOR, "#build-results a")]
    checks.expect(any(step.startswith("Sætter PDF") for step in steps) and any(step.startswith("Sætter stempler") for step in steps),
                  f"the build shows its steps as they happen ({len(steps)} steps)")
    checks.expect(results == ["Hent Dagsorden (PDF)", "Hent Lukket dagsorden (PDF)"],
                  f"by keyboard: the build ends with the public and the closed packet {results} "
                  f"({driver.find_element(By.ID, 'build-status').text})")
    checks.expect(driver.switch_to.active_element.get_attribute("id") == "build-start", "the focus stays where the user was")

    # A late item, by keyboard, with an appendix chosen in the file field: it goes on the
    # supplementary agenda, which is sent and built.
    appendix = project.parent / "Notat om vejene.pdf"
    shutil.copy(project / "raadmandsmoede/punkt-2/referat-2026-08-28.pdf", appendix)
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    tab_to(driver, "item-panel-summary", "the item form").send_keys(Keys.ENTER)
    tab_to(driver, "item-title", "the new item's title").send_keys("Vinterberedskab på vejene")
    tab_to(driver, "item-minutes", "its minutes").send_keys("10")
    tab_to(driver, "item-files", "the file field").send_keys(str(appendix))
    wait_for(driver, lambda d: "punkt-7/Notat-om-vejene.pdf" in d.find_element(By.ID, "item-appendix-list").text, "the appendix saved and listed")
    tab_to(driver, "item-save", "Gem punktet").send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.find_element(By.ID, "item-status-text").text == "Punkt 7 er tilføjet og gemt.", "the item added")
    text = manifest.read_text(encoding="utf-8")
    checks.expect(text.endswith("  - titel: Vinterberedskab på vejene\n    minutter: 10\n"
                                "    bilag: [{fil: punkt-7/Notat-om-vejene.pdf, titel: Notat om vejene}]\n")
                  and (project / "raadmandsmoede/punkt-7/Notat-om-vejene.pdf").exists(),
                  "by keyboard: a new item with its appendix in the manifest and the project")
    wait_for(driver, lambda d: d.find_element(By.ID, "desk-send").text == "Send tillægsdagsordenen", "the late item waits for a supplement")
    checks.expect("Tillægsdagsorden" in driver.find_element(By.ID, "desk-items").text, "the late item is marked in the table")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    tab_to(driver, "desk-send", "Send tillægsdagsordenen").send_keys(Keys.ENTER)
    try:
        wait_for(driver, lambda d: d.find_element(By.ID, "desk-status").text.startswith("Punkt 7 er ikke godkendt"),
                 "the supplement waits until its item is approved")
    except AssertionError:
        raise AssertionError(f"the supplement waits until its item is approved; the page says {driver.find_element(By.ID, 'desk-status').text!r}")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    tab_to(driver, "desk-state-7", "item 7's state").send_keys("g")
    wait_for(driver, lambda d: d.find_element(By.ID, "desk-status").text == "Punkt 7 er nu godkendt; gemt i manifestet.", "item 7 approved")
    tab_to(driver, "desk-send", "Send tillægsdagsordenen").send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.find_element(By.ID, "desk-status").text.startswith("Tillægsdagsordenen er sendt med punkt 7"), "the supplement sent")
    tab_to(driver, "build-start", "Byg pakkerne").send_keys(Keys.ENTER)
    WebDriverWait(driver, 240).until(lambda d: d.find_element(By.ID, "build").get_attribute("data-result") in ("done", "failure")
                                     and d.find_element(By.ID, "build").get_attribute("data-state") == "idle")
    results = [link.text for link in driver.find_elements(By.CSS_SELECTOR, "#build-results a")]
    checks.expect(results == ["Hent Dagsorden (PDF)", "Hent Lukket dagsorden (PDF)", "Hent Tillægsdagsorden (PDF)"],
                  f"by keyboard: the late item's supplementary agenda is built with the others {results}")


def check_minutes_by_keyboard(driver, address, project, checks, axe):
    """The minutes form by keyboard only: an outcome per decision point (»godkendt med
    ændringer« refused until the changes are written), who was absent, saved to referat.yml."""
    minutes = project / "raadmandsmoede/referat.yml"
    driver.get(address + "/manifest/raadmandsmoede/referat.yml")
    analysed(driver)
    wait_for(driver, lambda d: d.find_element(By.ID, "minutes").is_displayed(), "the minutes form")
    violations = axe_violations(driver, axe)
    checks.expect(violations == [], f"axe: no violations on the minutes form {violations}")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    select = tab_to(driver, "referat-3-2", "item 3's decision point 2")
    select.send_keys("godkendt m")  # type-ahead: Godkendt med ændringer
    checks.expect(Select(select).first_selected_option.get_attribute("value") == "godkendt med ændringer", "the outcome chosen by typing")
    text = tab_to(driver, "referat-3-2-tekst", "its text")
    checks.expect(text.get_attribute("required") is not None, "»godkendt med ændringer« makes the changes required")
    text.send_keys(Keys.CONTROL, "a")
    text.send_keys(Keys.DELETE)
    tab_to(driver, "referat-3-gem", "Gem beslutningen for punkt 3").send_keys(Keys.ENTER)
    wait_for(driver, lambda d: "kræver, at ændringerne skrives" in d.find_element(By.ID, "minutes-status").text,
             "the outcome refused without the changes")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    tab_to(driver, "referat-3-2-tekst", "its text").send_keys("Godkendt, idet nedsat tid også beskrives.")
    absent = driver.execute_script("""return [...document.querySelectorAll('#minutes-items input[type=checkbox]')]
        .find((box) => box.id.startsWith('referat-3-') && box.value === 'Direktør Birthe Prøve').id""")
    tab_to(driver, absent, "the absence of Direktør Birthe Prøve").send_keys(Keys.SPACE)
    tab_to(driver, "referat-3-gem", "Gem beslutningen for punkt 3").send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.find_element(By.ID, "minutes-status").text == "Beslutningen for punkt 3 er skrevet i referatet og gemt.",
             "the decision written and saved")
    text = minutes.read_text(encoding="utf-8")
    checks.expect('2: {udfald: godkendt med ændringer, tekst: "Godkendt, idet nedsat tid også beskrives."}' in text
                  and "    fravaerende: [Direktør Birthe Prøve]" in text,
                  "by keyboard: the outcome, its changes and the absence are in referat.yml")


def check_register_filters(driver, project, work, checks, axe):
    """The standalone register (indstil register --format html): its filters show the right
    decision points, »(intet udfald)« only those without an outcome; it fits a phone."""
    register = work / "beslutningsregister.html"
    fresh = work / "register-examples"  # the examples as shipped (the other checks change their copy)
    shutil.copytree(REPO / "examples", fresh)
    subprocess.run([str(BINARY), "register", str(fresh), "--format", "html", "-o", str(register)], check=True,
                   capture_output=True, timeout=120)
    driver.set_window_size(1280, 900)
    driver.get(register.as_uri())
    points = driver.find_elements(By.CSS_SELECTOR, ".register li[data-udfald]")
    empty = [point for point in points if point.get_attribute("data-udfald") == ""]
    Select(driver.find_element(By.ID, "filter-udfald")).select_by_visible_text("(intet udfald)")
    shown = [point for point in points if point.is_displayed()]
    checks.expect(len(points) == 6 and len(empty) == 2 and shown == empty,
                  f"»(intet udfald)« shows the {len(empty)} decision points without an outcome ({len(shown)} of {len(points)} shown)")
    checks.expect(driver.find_element(By.ID, "antal").text == f"{len(empty)} af {len(points)} beslutningspunkter vises", "the count says so")
    Select(driver.find_element(By.ID, "filter-udfald")).select_by_visible_text("Godkendt")
    shown = [point for point in points if point.is_displayed()]
    checks.expect(len(shown) >= 1 and all(point.get_attribute("data-udfald") == "Godkendt" for point in shown), "»Godkendt« shows only those")
    hidden_items = [item for item in driver.find_elements(By.CSS_SELECTOR, ".register .punkt") if not item.is_displayed()]
    checks.expect(len(hidden_items) >= 1, "an item with no point shown is hidden with its heading")
    Select(driver.find_element(By.ID, "filter-udfald")).select_by_visible_text("Alle")
    checks.expect(all(point.is_displayed() for point in points), "»Alle« shows every point again")
    violations = axe_violations(driver, axe)
    checks.expect(violations == [], f"axe: no violations on the register {violations}")
    driver.set_window_size(390, 900)
    inner = driver.execute_script("return window.innerWidth;")
    if inner != 390:
        driver.set_window_size(390 + (390 - inner), 900)
    sizes = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    heights = driver.execute_script("return [...document.querySelectorAll('select')].map(s => s.getBoundingClientRect().height)")
    checks.expect(sizes[0] <= sizes[1] and min(heights) >= 44, f"the register at 390 px: no sideways scroll {sizes}, selects {heights} px tall")


def main():
    if not BINARY.exists():
        sys.exit(f"browser tests: {BINARY} is missing; build first (swift build)")
    checks = Checks()
    axe = axe_source()
    work = pathlib.Path(tempfile.mkdtemp(prefix="indstil-browser-"))
    project = work / "examples"
    shutil.copytree(REPO / "examples", project)
    server, address, start = start_server(project)
    driver = None
    try:
        driver = make_driver()

        print("overview")
        driver.get(address + "/")
        checks.expect("Adgang nægtet" in driver.page_source, "without the start address the workspace is closed")
        driver.get(start)
        wait_for(driver, lambda d: d.current_url == address + "/", "the start secret traded for the cookie and left out of the address")
        checks.expect(driver.execute_script("return document.cookie") == "", "the cookie is HttpOnly (no script can read it)")
        checks.expect(driver.find_elements(By.CSS_SELECTOR, 'meta[name="indstil-token"]') == [], "no page carries the secret")
        rows = driver.find_elements(By.CSS_SELECTOR, "#documents tbody tr")
        checks.expect(len(rows) >= 8, f"the overview lists the project's documents ({len(rows)} rows)")
        checks.expect("ny-ordning-moedelokaler.md" in driver.page_source, "the recommendation is listed")
        Select(driver.find_element(By.ID, "kind-filter")).select_by_value("dagsorden")
        visible = [row for row in rows if row.is_displayed()]
        checks.expect(len(visible) == 1 and "dagsorden.yml" in visible[0].text, "the filter shows only the agenda")
        violations = axe_violations(driver, axe)
        checks.expect(violations == [], f"axe: no violations on the overview {violations}")

        print("overview by title, filters that combine")
        check_overview_filters(driver, address, project, checks)
        print("no sideways scroll at 390 and 960 px")
        check_no_sideways_scroll(driver, address, checks)
        print("Word documents on /word")
        check_word_page(driver, address, project, work, checks, axe)
        driver.get(address + "/")

        print("new document from the skeleton")
        driver.find_element(By.LINK_TEXT, "Nyt dokument").click()
        Select(driver.find_element(By.ID, "profile")).select_by_value("aarhus-byraad")
        path_field = driver.find_element(By.ID, "new-path")
        path_field.clear()
        path_field.send_keys("browser/ny-indstilling.md")
        driver.find_element(By.ID, "create").click()
        wait_for(driver, lambda d: d.current_url.endswith("/dokument/browser/ny-indstilling.md"), "the new document's page")
        on_disk = project / "browser/ny-indstilling.md"
        checks.expect(on_disk.read_text(encoding="utf-8").startswith("---\nprofil: aarhus-byraad"), "the skeleton is written in the project")

        print("typing a decision point")
        seen = analysed(driver)
        findings_before = len(driver.find_elements(By.CSS_SELECTOR, "#findings li"))
        characters_before = driver.find_element(By.ID, "count-total").get_attribute("data-characters")
        checks.expect(driver.execute_script("return !!document.querySelector('.CodeMirror')"), "the editor is CodeMirror, with line numbers")
        checks.expect(len(driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-linenumber")) > 10, "line numbers are shown")
        checks.expect(len(driver.find_elements(By.CSS_SELECTOR, ".finding-marker.error")) > 0, "findings are marked in the gutter")
        checks.expect(driver.find_element(By.ID, "save-status").text == "", "a fresh page is not marked unsaved")
        line_index = next(i for i, text in enumerate(editor_text(driver).split("\n")) if "1. Byrådet […]" in text)
        column = editor_text(driver).split("\n")[line_index].index("1. Byrådet […]") + len("1. Byrådet ")
        started = time.monotonic()
        type_into_editor(driver, "godkender den nye ordning for mødelokaler", select=(line_index, column, column + 3))
        checks.expect(driver.find_element(By.ID, "save-status").text == "Ikke gemt." and driver.title.startswith("Ikke gemt"),
                      "»Ikke gemt« shows on typing, in the page and the tab title")
        seen = analysed(driver, seen)
        wait_for(driver, lambda d: "godkender den nye ordning" in d.find_element(By.ID, "decisions").text, "the decision point listed")
        elapsed = time.monotonic() - started
        findings_after = len(driver.find_elements(By.CSS_SELECTOR, "#findings li"))
        characters_after = driver.find_element(By.ID, "count-total").get_attribute("data-characters")
        checks.expect(findings_after != findings_before, f"the finding count changed ({findings_before} → {findings_after})")
        checks.expect(characters_after != characters_before, f"Antal tegn changed ({characters_before} → {characters_after})")
        print(f"        (typing to updated findings: {elapsed * 1000:.0f} ms, Selenium's typing included)")
        wait_for(driver, lambda d: "godkender den nye ordning" in d.execute_script(
            "return document.getElementById('preview').contentDocument.body.textContent"), "the preview shows the decision point")

        print("the preview keeps its place while the text changes")
        driver.execute_script("document.getElementById('preview').contentWindow.scrollTo(0, 400)")
        before = driver.execute_script("return document.getElementById('preview').contentWindow.scrollY")
        type_into_editor(driver, " ", select=(line_index, column, column))
        seen = analysed(driver, seen)
        after = driver.execute_script("return document.getElementById('preview').contentWindow.scrollY")
        checks.expect(before > 0 and abs(after - before) <= 2, f"the preview's scroll survives an edit ({before} → {after})")
        links = driver.execute_script(
            "return [...document.getElementById('preview').contentDocument.querySelectorAll('a[href]')]"
            ".map(a => [a.getAttribute('href'), a.target])")
        checks.expect(all(href.startswith("#") or target == "_blank" for href, target in links),
                      f"preview links open in a new tab or stay in the page ({links[:4]})")

        print("an unknown word gets a quiet underline of its own")
        type_into_editor(driver, " Denne beslutnig gælder.", select=(line_index, column, column))
        seen = analysed(driver, seen)
        spelt = wait_for(driver, lambda d: d.execute_script(
            "return [...document.querySelectorAll('.CodeMirror .cm-spelling')].map(e => [e.textContent, e.title])"), "the spelling mark")
        checks.expect(any(text == "beslutnig" and "»beslutning«" in title for text, title in spelt),
                      f"»beslutnig« alone is underlined, its title suggests »beslutning« ({spelt[:3]})")
        checks.expect(any("beslutnig" in item.text and "spelling.unknown-word" in item.text
                          for item in driver.find_elements(By.CSS_SELECTOR, "#findings li")), "the unknown word is listed with the findings")

        print("the fields as a form")
        title = driver.find_element(By.CSS_SELECTOR, '#fields [data-key="titel"]')
        title.send_keys("Nye regler for mødelokaler")
        title.send_keys(Keys.TAB)
        wait_for(driver, lambda d: "\ntitel: Nye regler for mødelokaler\n" in editor_text(d), "the title from the form in the text")
        checks.expect(editor_text(driver).count("\ntitel: ") == 1, "a field typed in the form is written into the text, once")
        driver.find_element(By.XPATH, "//button[normalize-space(.)='Fjern bilag 1']").click()
        wait_for(driver, lambda d: "\nbilag: []\n" in editor_text(d), "the emptied list in the text")
        checks.expect("bilag/[…].pdf" not in editor_text(driver), "removing the last appendix in the form writes »bilag: []«, its lines gone")
        seen = analysed(driver, seen)
        checks.expect(driver.find_element(By.CSS_SELECTOR, '#fields [data-key="titel"]').get_attribute("value")
                      == "Nye regler for mødelokaler", "the form shows the text's values after the analysis")

        print("what changed since the saved version")
        tab_to(driver, "changes-show", "the »Vis ændringer« button")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_for(driver, lambda d: "i forhold til den gemte udgave" in d.find_element(By.ID, "changes-summary").text, "the changes listed")
        changes = driver.find_element(By.ID, "changes").text
        checks.expect("Beslutningspunkt 1 ændret" in changes and "godkender den nye ordning" in changes,
                      f"the decision point typed is a changed decision point ({changes[:200]!r})")
        checks.expect("Felt »titel« ændret" in changes, "the title typed in the form is a changed field")
        checks.expect(len(driver.find_elements(By.CSS_SELECTOR, "#changes ins .visually-hidden")) > 0,
                      "insertions are said in words for a screen reader")
        violations = axe_violations(driver, axe)
        checks.expect(violations == [], f"axe: no violations with the changes shown {violations}")

        print("a finding leads to its line")
        # The list is rebuilt by every analysis; one still under way may replace the button
        # between finding and clicking it: then it is found again.
        for attempt in range(5):
            try:
                last = driver.find_elements(By.CSS_SELECTOR, "#findings li button")[-1]
                line = int(last.get_attribute("data-line"))
                driver.execute_script(f"{CM}.scrollTo(0, 0)")
                last.click()
                break
            except StaleElementReferenceException:
                time.sleep(0.3)
        checks.expect(editor_line_of_caret(driver) == line, f"clicking a finding puts the caret on line {line}")
        checks.expect(line_on_screen(driver, line), f"line {line} is inside the visible editor area")
        checks.expect(driver.execute_script(f"return {CM}.hasFocus()"), "the editor has the focus")
        checks.expect(driver.find_element(By.ID, "line-findings").text.startswith(f"Linje {line}:"),
                      "the line's findings are read out at the caret")
        violations = axe_violations(driver, axe)
        checks.expect(violations == [], f"axe: no violations on the document page {violations}")

        print("save, reload, the text on disk")
        driver.find_element(By.ID, "save").click()
        wait_for(driver, lambda d: d.find_element(By.ID, "save-status").text == "Gemt.", "Gemt.")
        checks.expect(not driver.title.startswith("Ikke gemt"), "»Ikke gemt« goes on save")
        checks.expect("godkender den nye ordning for mødelokaler" in on_disk.read_text(encoding="utf-8"), "the saved text is on disk")
        driver.refresh()
        wait_for(driver, lambda d: d.execute_script("return !!document.querySelector('.CodeMirror')"), "the editor after reload")
        checks.expect("godkender den nye ordning for mødelokaler" in editor_text(driver), "the reloaded page shows the saved text")

        print("a draft survives a closed tab")
        type_into_editor(driver, "Kladdetekst, der ikke blev gemt.", at_end=True)
        wait_for(driver, lambda d: d.execute_script("return localStorage.length") > 0, "the draft kept in the browser")
        driver.execute_script("window.onbeforeunload = null; window.addEventListener('beforeunload', e => e.stopImmediatePropagation(), true)")
        driver.get(driver.current_url)
        wait_for(driver, lambda d: d.find_element(By.ID, "draft").is_displayed(), "the draft offered")
        checks.expect("Kladdetekst" not in editor_text(driver), "the page shows the saved text until the draft is restored")
        driver.find_element(By.ID, "draft-restore").click()
        checks.expect("Kladdetekst, der ikke blev gemt." in editor_text(driver), "the restored draft is in the editor")
        checks.expect(driver.find_element(By.ID, "save-status").text == "Ikke gemt.", "a restored draft is unsaved")
        driver.find_element(By.ID, "save").click()
        wait_for(driver, lambda d: d.find_element(By.ID, "save-status").text == "Gemt.", "Gemt. after the draft")
        checks.expect(driver.execute_script("return localStorage.length") == 0, "a saved draft is dropped")
        seen = analysed(driver)

        print("an edit in another editor updates the page")
        on_disk.write_text(on_disk.read_text(encoding="utf-8") + "\nTilføjet i en anden editor.\n", encoding="utf-8")
        wait_for(driver, lambda d: "Tilføjet i en anden editor." in editor_text(d), "the page following the edit on disk")
        checks.expect(editor_text(driver).count("Tilføjet i en anden editor.") == 1, "the page shows the text changed on disk, once")

        print("a conflicting edit keeps both versions")
        type_into_editor(driver, "Min ændring i browseren.", at_end=True)
        on_disk.write_text(on_disk.read_text(encoding="utf-8") + "Deres ændring på disken.\n", encoding="utf-8")
        driver.find_element(By.ID, "save").click()
        wait_for(driver, lambda d: d.find_element(By.ID, "conflict").is_displayed(), "the conflict shown")
        mine = editor_text(driver)
        theirs = driver.find_element(By.ID, "disk-version").get_attribute("value")
        checks.expect("Min ændring i browseren." in mine and "Deres ændring på disken." not in mine, "my version stays in the editor")
        checks.expect("Deres ændring på disken." in theirs, "the version on disk is shown beside it")
        checks.expect("Min ændring i browseren." not in on_disk.read_text(encoding="utf-8"), "nothing was overwritten")
        driver.find_element(By.ID, "keep-mine").click()
        wait_for(driver, lambda d: d.find_element(By.ID, "save-status").text == "Gemt.", "Gemt. after choosing")
        checks.expect("Min ændring i browseren." in on_disk.read_text(encoding="utf-8"), "the chosen version is saved")

        print("bundle and agenda pages")
        for page in ["/pakke/bilagsmateriale/bundle.yml", "/pakke/raadmandsmoede/dagsorden.yml"]:
            driver.get(address + page)
            checks.expect("Se webstedet" in driver.page_source, f"{page} offers its site")
            violations = axe_violations(driver, axe)
            checks.expect(violations == [], f"axe: no violations on {page} {violations}")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Se webstedet").click()
        wait_for(driver, lambda d: "/websted/offentlig/raadmandsmoede/dagsorden.yml/" in d.current_url, "the agenda's site")
        checks.expect("Rådmandsmøde" in driver.page_source, "the agenda's public site is browsed")

        print("an agenda's manifest in the editor")
        driver.get(address + "/pakke/raadmandsmoede/dagsorden.yml")
        driver.find_element(By.LINK_TEXT, "Redigér manifestet").click()
        wait_for(driver, lambda d: d.current_url.endswith("/manifest/raadmandsmoede/dagsorden.yml"), "the manifest's page")
        seen = analysed(driver)
        lines = editor_text(driver).split("\n")
        line_index = next(i for i, text in enumerate(lines) if text.strip() == "minutter: 5")
        column = lines[line_index].index("5")
        type_into_editor(driver, "500", select=(line_index, column, column + 1))
        seen = analysed(driver, seen)
        shown = sorted({button.get_attribute("data-line") + " " + button.text.split("[")[-1].rstrip("]")
                        for button in driver.find_elements(By.CSS_SELECTOR, "#findings li button")})
        copy = work / "cli-copy"
        shutil.copytree(project, copy)
        (copy / "raadmandsmoede/dagsorden.yml").write_text(editor_text(driver), encoding="utf-8")
        report = json.loads(subprocess.run([str(BINARY), "check", "raadmandsmoede/dagsorden.yml", "--format", "json"], cwd=copy,
                                           capture_output=True, text=True, timeout=120).stdout)
        expected = sorted({f"{d['line']} {d['check']}" for f in report["files"] if f["path"] == "raadmandsmoede/dagsorden.yml"
                           for d in f["diagnostics"]})
        checks.expect(any("agenda.time" in item for item in shown) and shown == expected,
                      f"an item's minutes edited in the workspace: the findings of indstil check {shown} vs {expected}")
        checks.expect("Punkterne varer" in driver.execute_script(
            "return document.getElementById('preview').contentDocument.body.textContent"), "the preview shows the agenda's items")
        violations = axe_violations(driver, axe)
        checks.expect(violations == [], f"axe: no violations on the manifest page {violations}")
        driver.switch_to.active_element.send_keys(Keys.CONTROL, "s")
        wait_for(driver, lambda d: d.find_element(By.ID, "save-status").text == "Gemt.", "the manifest saved with Ctrl-S")
        checks.expect("minutter: 500" in (project / "raadmandsmoede/dagsorden.yml").read_text(encoding="utf-8"),
                      "Ctrl-S saves the manifest")

        print("the secretariat's desk, by keyboard only")
        check_desk_by_keyboard(driver, address, project, checks, axe)
        print("the register's filters")
        check_register_filters(driver, project, work, checks, axe)
        print("the minutes form, by keyboard only")
        check_minutes_by_keyboard(driver, address, project, checks, axe)
    except AssertionError as error:
        checks.failures.append(str(error))
        print(f"  FAIL  {error}")
    finally:
        if driver is not None:
            driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            status = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            status = None
        stderr = server.stderr.read()
        checks.expect(status == 130 and "indstil: afbrudt (Ctrl-C)" in stderr, f"Ctrl-C ends indstil serve (status {status})")
        shutil.rmtree(work, ignore_errors=True)
    print(f"browser tests: {checks.passed} passed, {len(checks.failures)} failed")
    if checks.failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
