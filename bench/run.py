#!/usr/bin/env python3
"""make bench: time indstil against cmark (the floor: parsing alone) and pandoc (what users
would use instead) on the same generated corpus, in the same run, and write BENCHMARKS.md.

Whole-process timings with hyperfine (median of several runs after a warm-up); peak memory
from /usr/bin/time. Ratios, not absolute times, are what carry over between machines.
"""
import json, os, shutil, subprocess, sys, time

from serve_bench import serve_section
from pdf_bench import pdf_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build-static", "release", "indstil")  # `make build`
GEN = os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen_corpus.py")
OUT = os.path.join(ROOT, "bench-out")
RUNS = os.environ.get("BENCH_RUNS", "5")
# An earlier build of indstil (BENCH_BASELINE=path/to/indstil), timed in the same hyperfine runs
# on the same bytes, so "before" and "after" are measured alike.
BASE = os.environ.get("BENCH_BASELINE")
AGENDA_ITEMS = 50
PANDOC_SAMPLE = 50


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, text=True, capture_output=True, **kw)


def hyperfine(name, commands):
    """Median seconds per named command."""
    export = os.path.join(OUT, f"{name}.json")
    args = ["hyperfine", "--warmup", "1", "--runs", RUNS, "-i", "--export-json", export, "--style", "basic"]
    for label, command in commands:
        args += ["-n", label, command]
    subprocess.run(args, check=True, cwd=os.path.join(OUT, "corpus"), stdout=sys.stderr)
    with open(export) as f:
        results = json.load(f)["results"]
    MINIMA.update({r["command"]: r["min"] for r in results})
    return {r["command"]: r["median"] for r in results}


# The fastest run of each command (hyperfine's "min"), beside the medians: on a machine that
# other work disturbs, the minimum is the least disturbed run.
MINIMA = {}


def peak_mib(command):
    """Peak memory (MiB) and cores used ((user + system) / wall) of one run."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M %e %U %S", "sh", "-c", command + " >/dev/null 2>&1"],
                            cwd=os.path.join(OUT, "corpus"), capture_output=True, text=True)
    kib, wall, user, system = result.stderr.strip().splitlines()[-1].split()
    return int(kib) / 1024, (float(user) + float(system)) / max(float(wall), 0.001)


def nested_emphasis():
    """`render --to md` of the example recommendation with 1 MB of nested emphasis in one
    section (`*` and `**_`): (label, indstil median, cmark -t commonmark median)."""
    corpus = os.path.join(OUT, "corpus")
    text = open(os.path.join(ROOT, "examples", "aarhus-byraad", "ny-ordning-moedelokaler.md"), encoding="utf-8").read()
    marker = "# 6. Hvad igangsættes?\n\n"
    results = []
    for name, opening, closing, depth in [("emphasis-stars.md", "*", "*", 500_000), ("emphasis-mixed.md", "**_", "_**", 170_000)]:
        paragraph = opening * depth + "midten" + closing * depth
        with open(os.path.join(corpus, name), "w", encoding="utf-8") as out:
            out.write(text.replace(marker, marker + paragraph + "\n\n"))
        timed = hyperfine(name, [("indstil", f"{BIN} render --to md {name} -o ud.md"), ("cmark", f"cmark -t commonmark {name}")])
        size = os.path.getsize(os.path.join(corpus, name)) / 1_000_000
        results.append((f"{size:.1f} MB of nested `{opening}` {name}", timed["indstil"], timed["cmark"]))
    return results


def main():
    for tool in ["hyperfine", "cmark", "pandoc"]:
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is missing (make deps-bench installs it)")
    if not os.path.exists(GEN):
        sys.exit(f"bench: {GEN} not found (shared/ must sit beside the checkout)")
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    sh(f"python3 {GEN} {OUT}/corpus")
    corpus = os.path.join(OUT, "corpus")
    docs = sorted(f for f in os.listdir(os.path.join(corpus, "indstillinger")) if f.endswith(".md"))
    with open(os.path.join(corpus, "all.md"), "w") as out:
        for name in docs:
            out.write(open(os.path.join(corpus, "indstillinger", name)).read())
    sample = " ".join(f"indstillinger/{d}" for d in docs[:PANDOC_SAMPLE])
    has_bundle = "bundle" in subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout
    # An agenda over the first clean recommendations of the corpus, each with its own appendices
    # (a defective one would stop the build before anything is written).
    defective = {line.split("\t")[0].split("/")[-1] for line in open(os.path.join(corpus, "defects.tsv")) if line.strip()}
    items = "".join(f"  - indstilling: indstillinger/{d}\n    minutter: 5\n" for d in [d for d in docs if d not in defective][:AGENDA_ITEMS])
    end = 8 * 60 + 5 * AGENDA_ITEMS
    with open(os.path.join(corpus, "dagsorden.yml"), "w") as out:
        out.write(f'type: dagsorden\nudvalg: Byrådet\ndato: 2026-09-04\nstart: "08:00"\nslut: "{end // 60:02d}:{end % 60:02d}"\npunkter:\n{items}')

    def both(label, command):
        """The command with this build, and with the baseline build when there is one."""
        pairs = [(label, command.format(bin=BIN))]
        if BASE:
            pairs.append((label + " (before)", command.format(bin=BASE)))
        return pairs

    # The spelling answers kept between runs (see docs/ci.md) in a folder of the bench's own:
    # the warm-up run fills it, so "indstil check" is a run after the first; the first run on
    # a machine (nothing kept: the dictionary loaded, every word asked) is timed beside it.
    cache = os.path.join(OUT, "spelling-cache")
    os.makedirs(cache, mode=0o700, exist_ok=True)
    check = hyperfine("check", [("cmark", "cmark all.md")]
                      + both("indstil check", f"env INDSTIL_CACHE_DIR={cache} {{bin}} check --format json indstillinger")
                      + both("indstil check, first run", "env INDSTIL_CACHE_DIR=off {bin} check --format json indstillinger"))
    fastest = dict(MINIMA)  # this run's cmark, before the render runs time it again
    render = hyperfine("render", [("cmark", "cmark all.md")]
                       + both("indstil render --to html", "rm -rf html && {bin} render --to html -o html indstillinger/[0-9]*.md")
                       + [(f"pandoc ({PANDOC_SAMPLE} files)", f"for f in {sample}; do pandoc -f markdown -t html -s --metadata title=x $f; done")])
    bundle = {}
    if has_bundle:
        bundle = hyperfine("bundle", both("indstil bundle (html)", "rm -rf site && {bin} bundle bundle/bundle.yml -o site")
                           + both("indstil bundle dagsorden (html)", "rm -rf ud ud-lukket && {bin} bundle dagsorden.yml -o ud"))

    measured = {
        "indstil check": peak_mib(f"env INDSTIL_CACHE_DIR={cache} {BIN} check --format json indstillinger"),
        "indstil render --to html": peak_mib(f"rm -rf html && {BIN} render --to html -o html indstillinger/[0-9]*.md"),
    }
    if has_bundle:
        measured["indstil bundle (html)"] = peak_mib(f"rm -rf site && {BIN} bundle bundle/bundle.yml -o site")
        measured["indstil bundle dagsorden (html)"] = peak_mib(f"rm -rf ud ud-lukket && {BIN} bundle dagsorden.yml -o ud")

    memory = {name: mib for name, (mib, _) in measured.items()}
    cores = {name: used for name, (_, used) in measured.items()}
    n = len(docs)
    pandoc_per_doc = render[f"pandoc ({PANDOC_SAMPLE} files)"] / PANDOC_SAMPLE
    indstil_per_doc = render["indstil render --to html"] / n
    def before(results, label, floor):
        """The baseline's ratio to the floor (or its seconds), for the "before" column."""
        seconds = results.get(label + " (before)")
        if seconds is None:
            return "–"
        return f"{seconds / floor:.1f}×" if floor else f"{seconds:.3f} s"

    rows = [
        ("`indstil check` over %d files" % n, check["indstil check"], check["indstil check"] / check["cmark"],
         before(check, "indstil check", check["cmark"]), "≤ 3× cmark", memory["indstil check"], cores["indstil check"]),
        ("`indstil check` over %d files, first run (no spelling answers kept)" % n, check["indstil check, first run"],
         check["indstil check, first run"] / check["cmark"], before(check, "indstil check, first run", check["cmark"]), "≤ 3× cmark", None, None),
        ("`indstil render --to html`, %d files, one process" % n, render["indstil render --to html"], render["indstil render --to html"] / render["cmark"],
         before(render, "indstil render --to html", render["cmark"]), "≤ 5× cmark", memory["indstil render --to html"], cores["indstil render --to html"]),
    ]
    if has_bundle:
        rows.append(("`indstil bundle` to HTML, 200 appendices", bundle["indstil bundle (html)"], None,
                     before(bundle, "indstil bundle (html)", None), "< 1 s", memory["indstil bundle (html)"], cores["indstil bundle (html)"]))
        rows.append((f"`indstil bundle` of an agenda: {AGENDA_ITEMS} items with their appendices read and checked", bundle["indstil bundle dagsorden (html)"], None,
                     before(bundle, "indstil bundle dagsorden (html)", None), "< 1 s", memory["indstil bundle dagsorden (html)"], cores["indstil bundle dagsorden (html)"]))
    # render --to md of 1 MB of nested emphasis (once quadratic): one process on one file each,
    # beside cmark's own CommonMark renderer on the same bytes.
    for label, seconds, floor in nested_emphasis():
        rows.append((f"`indstil render --to md`, {label}", seconds, None, "–", f"< 1 s (`cmark -t commonmark` {floor:.3f} s)",
                     peak_mib(f"{BIN} render --to md {label.split()[-1]} -o ud.md")[0], None))
    cpu = os.cpu_count()
    lines = [
        "# Benchmarks",
        "",
        f"Made by `make bench` on {time.strftime('%Y-%m-%d')} ({cpu} cores): the corpus of `shared/bench/gen_corpus.py`",
        f"({n} recommendations, a 200-appendix bundle), whole-process medians of {RUNS} runs after a warm-up",
        "(hyperfine), peak memory from `/usr/bin/time`. The ratios compare tools measured in the same run on the same",
        "bytes; absolute times depend on the machine."
        + (" \"Before\" is the build at `BENCH_BASELINE`, timed in the same hyperfine runs." if BASE else ""),
        "",
        "| what | median | ratio to `cmark all.md` | before | goal | peak memory | cores used |",
        "|---|---|---|---|---|---|---|",
    ]
    for what, seconds, ratio, was, goal, mib, used in rows:
        lines.append(f"| {what} | {seconds:.3f} s | {'%.1f×' % ratio if ratio else '–'} | {was} | {goal} | {'%.0f MiB' % mib if mib is not None else '–'} | {'%.1f' % used if used else '–'} |")
    lines += [
        f"| `cmark all.md` (parsing and HTML, the floor) | {check['cmark']:.3f} s | 1× | | | | |",
        "",
        f"Fastest of the {RUNS} runs instead of the median: `indstil check` {fastest['indstil check']:.3f} s against `cmark all.md`"
        f" {fastest['cmark']:.3f} s, **{fastest['indstil check'] / fastest['cmark']:.1f}×**"
        + (f" (before: {fastest['indstil check (before)'] / fastest['cmark']:.1f}×)" if 'indstil check (before)' in fastest else "") + ".",
        "",
        f"Per document: indstil renders one in {indstil_per_doc * 1000:.2f} ms (all {n} in one process); pandoc takes",
        f"{pandoc_per_doc * 1000:.1f} ms ({PANDOC_SAMPLE} files, one process each, as a user would run it): indstil is",
        f"**{pandoc_per_doc / indstil_per_doc:.0f}× faster than pandoc per document** (goal ≥ 20×).",
        "",
        "Cores used: (user + system CPU time) / wall time of one run, from `/usr/bin/time`; other processes on",
        "the machine lower it.",
        "",
    ]
    # Tables (issue 14): the process time a 50-table catalogue adds to a check.
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import tables
    lines += tables.markdown(*tables.measure(BIN, os.path.join(OUT, "tabeller")))
    lines += serve_section(BIN, ROOT)
    if has_bundle:
        lines += pdf_section(BIN, BASE, ROOT, OUT, RUNS, os.path.join(OUT, "corpus"))
    # What bounds the figures: written by hand from profiles (bench/bounds.md), kept with the table.
    bounds = os.path.join(ROOT, "bench", "bounds.md")
    if os.path.exists(bounds):
        lines += [open(bounds).read().rstrip("\n"), ""]
    with open(os.path.join(ROOT, "BENCHMARKS.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
