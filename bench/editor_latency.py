#!/usr/bin/env python3
"""Keystroke to updated findings in the workspace's editor, on a 12.000-character document.

Starts `indstil serve` (the debug binary unless given) on a copy of examples/, makes the
Aarhus example about 12.000 characters long, opens it in headless Chromium and types one
character at a time, a second apart. In the page, each keydown is timed until the findings
list shows the analysis of the text that keystroke made (the workspace waits 150 ms after
the last keystroke before it asks, so that is part of every number). Prints the median and
the 95th percentile.

Usage: python3 bench/editor_latency.py [path/to/indstil] [keystrokes]
"""
import pathlib
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))
import browser_test as bt  # noqa: E402  (the same server start and browser as the tests)

REPO = pathlib.Path(__file__).resolve().parent.parent
KEYSTROKES = int(sys.argv[2]) if len(sys.argv) > 2 else 40


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="indstil-latency-"))
    project = work / "examples"
    shutil.copytree(REPO / "examples", project)
    document = project / "aarhus-byraad/ny-ordning-moedelokaler.md"
    text = document.read_text(encoding="utf-8")
    # About 12.000 characters: the background section's paragraphs repeated.
    extra = "\n\nForeningerne har i forsøget brugt lokalerne mere end ventet, og erfaringerne viser, at ordningen kan udvides." * 58
    document.write_text(text.replace("# 5.", extra.strip() + "\n\n# 5.", 1), encoding="utf-8")
    server, address, start = bt.start_server(project)
    driver = bt.make_driver()
    try:
        driver.get(start)
        driver.get(address + "/dokument/aarhus-byraad/ny-ordning-moedelokaler.md")
        bt.analysed(driver)
        characters = driver.find_element(bt.By.ID, "count-total").get_attribute("data-characters")
        driver.execute_script("""
            window.latencies = []; window.pending = null;
            const workspace = document.getElementById('workspace');
            document.addEventListener('keydown', () => { window.pending = performance.now(); }, true);
            new MutationObserver(() => {
              if (window.pending !== null) { window.latencies.push(performance.now() - window.pending); window.pending = null; }
            }).observe(workspace, { attributes: true, attributeFilter: ['data-analysed'] });
            const cm = document.querySelector('.CodeMirror').CodeMirror;
            cm.focus(); cm.setCursor(cm.lineCount() - 1, 0);
        """)
        for _ in range(KEYSTROKES):
            driver.switch_to.active_element.send_keys("x")
            time.sleep(1.0)
        latencies = driver.execute_script("return window.latencies")
    finally:
        driver.quit()
        server.kill()
        shutil.rmtree(work, ignore_errors=True)
    latencies.sort()
    p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
    print(f"editor latency on a document of {characters} counted characters: {len(latencies)} keystrokes, "
          f"median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms "
          f"(each includes the 150 ms pause the workspace waits for)")


if __name__ == "__main__":
    main()
