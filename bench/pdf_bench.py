"""make bench, PDF part: packets set as PDF, each against the build at BENCH_BASELINE in the
same run (one process per packet build on both sides, the same files).

- the corpus's 200-appendix bundle as one PDF, nothing kept (an empty cache folder each run);
- the example agenda's two packets (public and closed): cold (an empty cache folder), again
  with nothing changed, and with one item's text changed before each run;
- what must not change: page count and text (pdftotext) equal to the baseline's output,
  tagged (pdfinfo), the PDF/UA checker (`pdfua`) finding nothing, the same bytes twice.
Called from bench/run.py (`pdf_section`).
"""
import json, os, shutil, subprocess, sys

AGENDA = "examples/raadmandsmoede/dagsorden.yml"
CHANGED_ITEM = "examples/raadmandsmoede/punkt-3/seniorundersoegelse.md"


def _hyperfine(cwd, out, name, commands, runs, warmup):
    """Median seconds per label; `commands` holds (label, command, prepare)."""
    export = os.path.join(out, f"{name}.json")
    args = ["hyperfine", "--warmup", str(warmup), "--runs", str(runs), "-i", "--export-json", export, "--style", "basic"]
    for _, _, prepare in commands:
        args += ["--prepare", prepare]
    for label, command, _ in commands:
        args += ["-n", label, command]
    subprocess.run(args, check=True, cwd=cwd, stdout=sys.stderr)
    with open(export) as f:
        return {r["command"]: r["median"] for r in json.load(f)["results"]}


def _edit_script(work):
    """A script that changes one sentence of one agenda item, differently each time it runs."""
    path = os.path.join(work, "edit_item.py")
    with open(path, "w") as out:
        out.write(f'''import os
path = {os.path.join(work, CHANGED_ITEM)!r}
counter = path + ".n"
n = int(open(counter).read()) + 1 if os.path.exists(counter) else 1
open(counter, "w").write(str(n))
text = open(path, encoding="utf-8").read()
marker = "<!-- bench -->"
if marker not in text:
    head, sep, body = text.partition("\\n---\\n")
    lines = body.split("\\n")
    for i, line in enumerate(lines):
        if line[:1].isalpha():
            lines[i] = line + " " + marker
            break
    text = head + sep + "\\n".join(lines)
start = text.index(marker)
end = text.index("\\n", start)
text = text[:start] + marker + f" Rettet {{n}}. gang." + text[end:]
open(path, "w", encoding="utf-8").write(text)
''')
    return path


def _pages_and_text(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
    tagged = any(line.startswith("Tagged:") and line.split()[-1] == "yes" for line in info.splitlines())
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True).stdout
    return pages, text, tagged


def _checker(pdf):
    if not shutil.which("pdfua"):
        return "pdfua missing"
    result = subprocess.run(["pdfua", "check", "--format", "json", pdf], capture_output=True, text=True)
    try:
        findings = json.loads(result.stdout).get("findings", [])
    except ValueError:
        return f"pdfua failed ({result.returncode})"
    return "none" if not findings and result.returncode == 0 else f"{len(findings)} findings"


def pdf_section(binary, baseline, root, out, runs, corpus):
    work = os.path.join(out, "pdf")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copytree(os.path.join(root, "examples"), os.path.join(work, "examples"))
    cache = os.path.join(work, "cache")
    edit = _edit_script(work)
    agenda = f"env INDSTIL_CACHE_DIR={cache} {binary} bundle {AGENDA} --to pdf -o ud/dagsorden.pdf"
    commands = [
        ("agenda, cold", agenda, f"rm -rf {cache}"),
        ("agenda, nothing changed", agenda, "true"),
        ("agenda, one item changed", agenda, f"python3 {edit}"),
    ]
    if baseline:
        # The baseline with a cache folder of its own: cold, nothing changed and one item changed,
        # each prepared as the new build's are (a baseline without a cache is cold every time).
        before_cache = os.path.join(work, "cache-before")
        before = f"env INDSTIL_CACHE_DIR={before_cache} {baseline} bundle {AGENDA} --to pdf -o ud/foer.pdf"
        commands += [
            ("agenda (before), cold", before, f"rm -rf {before_cache}"),
            ("agenda (before), nothing changed", before, "true"),
            ("agenda (before), one item changed", before, f"python3 {edit}"),
        ]
    timed = _hyperfine(work, out, "pdf-agenda", commands, runs, 1)

    bundle_cache = os.path.join(out, "pdf-bundle-cache")
    bundle = f"env INDSTIL_CACHE_DIR={bundle_cache} {binary} bundle bundle/bundle.yml --to pdf -o {work}/bilag.pdf"
    timed.update(_hyperfine(corpus, out, "pdf-bundle", [("bundle, 200 appendices", bundle, f"rm -rf {bundle_cache}")], 2, 0))
    if baseline:
        # The baseline took minutes on this bundle: one run.
        # With an empty cache folder of its own: a baseline that keeps a cache would otherwise copy
        # the bundle it kept in the user's cache.
        before_bundle_cache = os.path.join(out, "pdf-bundle-cache-before")
        before_bundle = f"env INDSTIL_CACHE_DIR={before_bundle_cache} {baseline} bundle bundle/bundle.yml --to pdf -o {work}/bilag-foer.pdf"
        timed.update(_hyperfine(corpus, out, "pdf-bundle-before",
                                [("bundle (before)", before_bundle, f"rm -rf {before_bundle_cache}")], 1, 0))

    # What must hold: the same bytes without the cache and from it, and the baseline's pages and text
    # (the edited item put back first).
    shutil.copy(os.path.join(root, CHANGED_ITEM), os.path.join(work, CHANGED_ITEM))
    checks = []
    for label, env in [("cold", "off"), ("kept", cache)]:
        subprocess.run(f"env INDSTIL_CACHE_DIR={env} {binary} bundle {AGENDA} --to pdf -o ud/{label}.pdf", shell=True, cwd=work,
                       check=True, capture_output=True)
    if baseline:
        subprocess.run(f"{baseline} bundle {AGENDA} --to pdf -o ud/foer.pdf", shell=True, cwd=work, check=True, capture_output=True)
    for packet in ["", "-lukket"]:
        new = os.path.join(work, f"ud/cold{packet}.pdf")
        same = open(new, "rb").read() == open(os.path.join(work, f"ud/kept{packet}.pdf"), "rb").read()
        pages, text, tagged = _pages_and_text(new)
        row = ["agenda, closed packet" if packet else "agenda, public packet", pages, "yes" if tagged else "no", _checker(new), "yes" if same else "no"]
        if baseline:
            old_pages, old_text, _ = _pages_and_text(os.path.join(work, f"ud/foer{packet}.pdf"))
            row.append("yes" if (pages, text) == (old_pages, old_text) else f"no ({old_pages} pages before)")
        checks.append(row)
    pages, text, tagged = _pages_and_text(os.path.join(work, "bilag.pdf"))
    row = ["bundle, 200 appendices", pages, "yes" if tagged else "no", _checker(os.path.join(work, "bilag.pdf")), "–"]
    if baseline and os.path.exists(os.path.join(work, "bilag-foer.pdf")):
        old_pages, old_text, _ = _pages_and_text(os.path.join(work, "bilag-foer.pdf"))
        row.append("yes" if (pages, text) == (old_pages, old_text) else f"no ({old_pages} pages before)")
    checks.append(row)

    def before(label):
        return f"{timed[label]:.2f} s" if label in timed else "–"
    lines = [
        "## Packets as PDF",
        "",
        "One `indstil bundle … --to pdf` process per build, medians (hyperfine); \"cold\" starts from an empty cache folder",
        "(`INDSTIL_CACHE_DIR`), \"nothing changed\" rebuilds with the cache the previous run left, \"one item changed\" edits",
        f"one sentence of `{CHANGED_ITEM.split('/', 1)[1]}` before each run. \"Before\" is the baseline build on the same files in the",
        "same run, with a cache folder of its own prepared as this build's (cold: emptied; one item changed: the same edit).",
        "",
        "| what | this build | before | goal |",
        "|---|---|---|---|",
        f"| the 200-appendix bundle as one PDF, cold | {timed['bundle, 200 appendices']:.2f} s | {before('bundle (before)')} | ≤ 15 s |",
        f"| the example agenda's two packets, cold | {timed['agenda, cold']:.2f} s | {before('agenda (before), cold')} | ≤ 2 s |",
        f"| the same, nothing changed | {timed['agenda, nothing changed']:.2f} s | {before('agenda (before), nothing changed')} | ≤ 0.5 s |",
        f"| the same, one item changed | {timed['agenda, one item changed']:.2f} s | {before('agenda (before), one item changed')} | ≤ 1.5 s |",
        "",
        "| PDF | pages | tagged | PDF/UA checker findings | same bytes cold and from the cache | page count and text as before |",
        "|---|---|---|---|---|---|",
    ]
    for row in checks:
        lines.append("| " + " | ".join(row + (["–"] if len(row) < 6 else [])) + " |")
    lines.append("")
    return lines
