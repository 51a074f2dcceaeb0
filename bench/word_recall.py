#!/usr/bin/env python3
"""Word recall of `indstil import` over a corpus of real Word files, measured against
pandoc 3's plain-text reading of the same files.

usage:
  python3 bench/word_recall.py --indstil BINARY --corpus DIR [--jobs 2] [--json OUT]
                               [--min-weighted 0.995] [--min-p10 0.98]
                               [--timeout 60] [--only SUBSTRING] [--include-unreferenced]
                               [--ignore-list-markers]

Corpus layout (DIR):
  DIR/files/**/NAME.docx   the Word files (any depth; .docx, .docm or whatever is there)
  DIR/ref/**/NAME.docx.txt the reference text of each, at the same relative path plus ".txt":
                           the output of `pandoc -f docx -t plain --wrap=none NAME.docx`
                           (pandoc 3). A file without a reference text is not run (unless
                           --include-unreferenced: then it is run for the crash/hang check only).

For each file, `BINARY import FILE` is run (Markdown on stdout, findings on stderr; exit 0
normally, nonzero with a message when the file is refused) with a timeout; a timeout is a hang.

Words: both texts are NFKC-normalised and casefolded, then split into runs of letters and
digits ([^\\W_]+, i.e. \\w+ without the underscore, so that Markdown's `_emphasis_` and
`__strong__` do not glue underscores to words). Markdown syntax (#, *, |, >, [](), escapes)
and pandoc's table rules fall away by the same tokenisation; only emphasis markers inside a
word ("abc**de**fg": formatting that changes mid-word) are removed from the Markdown first,
and superscript and subscript digits (the Markdown's note references, "¹") are set apart as
words of their own (in both texts), as pandoc's "[1]" is.
The YAML front matter of the Markdown is kept: a title that moved into front matter still
counts as kept.

With --ignore-list-markers, a list label at the start of a line or of a table cell ("4.",
"c)", "(viii)", "II.") is removed from both texts first: pandoc's plain text writes Word's
computed numbering ("C.", "(ix)") while Markdown can only write "1."-style numbers, so
without this option a lettered or roman list costs one word per item (which may be what you
want to measure).

Recall of a file = sum over distinct words w of min(count_import(w), count_ref(w)) / number of
ref words (multiset recall; extra words in the import, such as link targets, cost nothing).
Weighted recall = matched words / ref words over all files. p10 = the 10th percentile of the
per-file recall (nearest rank). Files with no ref words are run but have no recall.
A refused file counts with what it wrote to stdout (normally nothing, so recall 0); a hang
has no recall (it fails the run anyway).

Outcome of each run:
  crash   exit code >= 128 or killed by a signal, or a nonzero exit with nothing on stderr
  hang    no exit within --timeout seconds
  refused nonzero exit (below 128) with a message on stderr
  ok      exit 0

Exit code 1 when there is a crash or a hang, when the weighted recall or p10 is below the
given minimum, or when a file has recall < 0.95 and nothing at all on stderr (words were lost
without the user being told). Otherwise 0.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import math
import re
import statistics
import subprocess
import os
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

# A file below this recall must have said something on stderr.
LOW_RECALL = 0.95
# How many of the lowest-recall files the summary lists, and how many missing words each.
WORST_LISTED = 40
MISSING_LISTED = 8

# Letters and digits: \w without the underscore.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A finding id at the end of a stderr line, e.g. "... [word.tracked-change]".
FINDING_ID_RE = re.compile(r"\[([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)\]\s*$")
# A list label at the start of a line or of a table cell (after indentation, a blockquote's ">"
# or a cell's "|"): a number, one letter or a roman numeral, followed by "." or ")" or enclosed
# in parentheses, then a blank.
_LABEL = r"(?:\d{1,9}|[A-Za-z]|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})"
LIST_MARKER_RE = re.compile(
    rf"(?:^|(?<=\|))([ \t>]*)(?:\({_LABEL}\)|{_LABEL}[.)])(?=[ \t])", re.MULTILINE)
# Emphasis or strikethrough inside a word, as Markdown writes formatting that changes
# mid-word ("abc**de**fg", "ab~~cd~~"): removed from the Markdown before tokenising, or the
# word would count as three.
INTRAWORD_MARKUP_RE = re.compile(r"(?<=[^\W_])(?:\*+|~~)(?=[^\W_])")
# Superscript and subscript digits: the Markdown writes a note reference as "¹", which NFKC
# turns into "1" and would glue to the word before or after it ("Blahdeblah¹1"); pandoc writes
# "[1]". Subscripts are treated alike so that "m²" and "m₂" both read as "m 2".
SUPERSCRIPT_DIGITS_RE = re.compile(r"[\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u2080-\u2089]+")
# "FILE:LINE:COL:" positions, removed when grouping refusal messages.
POSITION_RE = re.compile(r":\d+:\d+:")


def words(text: str, ignore_list_markers: bool = False) -> collections.Counter[str]:
    """The multiset of words of a text (NFKC, casefolded, letters and digits)."""
    if ignore_list_markers:
        text = LIST_MARKER_RE.sub(r"\1", text)
    text = SUPERSCRIPT_DIGITS_RE.sub(lambda m: f" {m.group(0)} ", text)
    norm = unicodedata.normalize("NFKC", text).casefold()
    return collections.Counter(WORD_RE.findall(norm))


@dataclass
class Result:
    file: str                      # path relative to corpus/files
    ref_words: int = 0             # words in the reference text (0 when there is none)
    matched: int = 0               # words of the reference found in the import (multiset)
    recall: float | None = None    # matched / ref_words; None when ref_words == 0 or no ref
    has_ref: bool = True
    outcome: str = "ok"            # ok | refused | crash | hang
    exit_code: int | None = None   # None on a hang
    time_ms: float = 0.0
    stderr_lines: int = 0
    finding_ids: dict[str, int] = field(default_factory=dict)  # id -> count
    first_stderr: str = ""         # first stderr line (the reason of a refusal or crash)
    missing: list[tuple[str, int]] = field(default_factory=list)  # most frequent missing words


def run_one(binary: str, corpus: Path, path: Path, timeout: float,
            ignore_list_markers: bool = False) -> Result:
    """Import one file and compare its words with the reference text."""
    rel = path.relative_to(corpus / "files")
    res = Result(file=str(rel))
    ref_path = corpus / "ref" / (str(rel) + ".txt")
    if ref_path.exists():
        ref = words(ref_path.read_text(encoding="utf-8", errors="replace"), ignore_list_markers)
    else:
        res.has_ref = False
        ref = collections.Counter()
    res.ref_words = sum(ref.values())

    start = time.monotonic()
    try:
        proc = subprocess.run([binary, "import", str(path)], capture_output=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        # subprocess.run has killed the child.
        res.time_ms = (time.monotonic() - start) * 1000
        res.outcome = "hang"
        return res
    res.time_ms = (time.monotonic() - start) * 1000
    res.exit_code = proc.returncode

    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr_lines = [l for l in proc.stderr.decode("utf-8", errors="replace").splitlines()
                    if l.strip()]
    res.stderr_lines = len(stderr_lines)
    if stderr_lines:
        # The file's path is noise in a message (and differs per file): drop it.
        res.first_stderr = POSITION_RE.sub(":", stderr_lines[0].replace(str(path), "FILE"))
    ids = collections.Counter()
    for line in stderr_lines:
        m = FINDING_ID_RE.search(line)
        if m:
            ids[m.group(1)] += 1
    res.finding_ids = dict(sorted(ids.items()))

    # Python reports death by a signal as a negative return code.
    if proc.returncode < 0 or proc.returncode >= 128:
        res.outcome = "crash"
    elif proc.returncode != 0:
        res.outcome = "refused" if stderr_lines else "crash"

    if res.ref_words:
        got = words(INTRAWORD_MARKUP_RE.sub("", stdout), ignore_list_markers)
        res.matched = sum(min(n, got[w]) for w, n in ref.items())
        res.recall = res.matched / res.ref_words
        missing = ref - got  # Counter subtraction keeps positive counts only
        res.missing = missing.most_common(MISSING_LISTED)
    return res


def nearest_rank(values: list[float], pct: float) -> float | None:
    """The pct-th percentile by the nearest-rank method."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def fmt(x: float | None, digits: int = 4) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--indstil", required=True, help="the binary to run (`BINARY import FILE`)")
    ap.add_argument("--corpus", required=True, type=Path, help="folder with files/ and ref/")
    ap.add_argument("--jobs", type=int, default=2, help="runs at once (default 2)")
    ap.add_argument("--json", type=Path, help="write the summary and every file's result here")
    ap.add_argument("--min-weighted", type=float, default=None,
                    help="exit 1 when the weighted recall is below this")
    ap.add_argument("--min-p10", type=float, default=None,
                    help="exit 1 when the 10th percentile of per-file recall is below this")
    ap.add_argument("--timeout", type=float, default=60, help="seconds before a run is a hang")
    ap.add_argument("--only", help="run only files whose relative path contains this")
    ap.add_argument("--include-unreferenced", action="store_true",
                    help="also run files without a reference text (crash/hang check only)")
    ap.add_argument("--ignore-list-markers", action="store_true",
                    help="drop list labels (4. c) (viii) II.) at line starts from both texts")
    ap.add_argument("--markdown", type=Path, help="also write the report as a Markdown page here")
    args = ap.parse_args()

    if not os.access(args.indstil, os.X_OK):
        print(f"{args.indstil}: no such program (build it first)", file=sys.stderr)
        return 2
    corpus: Path = args.corpus.resolve()
    files = []
    for path in sorted(p for p in (corpus / "files").rglob("*") if p.is_file()):
        rel = str(path.relative_to(corpus / "files"))
        if args.only and args.only not in rel:
            continue
        if not args.include_unreferenced and not (corpus / "ref" / (rel + ".txt")).exists():
            continue
        files.append(path)
    if not files:
        print("no files to run", file=sys.stderr)
        return 2

    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(
            lambda p: run_one(args.indstil, corpus, p, args.timeout, args.ignore_list_markers),
            files))

    # --- Totals --------------------------------------------------------------------------
    scored = [r for r in results if r.recall is not None]
    ref_total = sum(r.ref_words for r in scored)
    matched_total = sum(r.matched for r in scored)
    weighted = matched_total / ref_total if ref_total else None
    p10 = nearest_rank([r.recall for r in scored], 10)
    not_refused = [r for r in scored if r.outcome != "refused"]
    ref_nr = sum(r.ref_words for r in not_refused)
    weighted_nr = sum(r.matched for r in not_refused) / ref_nr if ref_nr else None
    median_ms = statistics.median(r.time_ms for r in results)
    crashes = [r for r in results if r.outcome == "crash"]
    hangs = [r for r in results if r.outcome == "hang"]
    refusals = [r for r in results if r.outcome == "refused"]
    low = [r for r in scored if r.recall < LOW_RECALL]
    silent_low = [r for r in low if r.stderr_lines == 0]

    # --- Report --------------------------------------------------------------------------
    out = []
    out.append(f"files run:          {len(results)} ({len(scored)} with ref words, "
               f"{sum(1 for r in results if r.has_ref and r.ref_words == 0)} with an empty ref, "
               f"{sum(1 for r in results if not r.has_ref)} without a ref)")
    out.append(f"ref words:          {ref_total} (matched {matched_total})")
    out.append(f"weighted recall:    {fmt(weighted)}"
               f"   (without refused files: {fmt(weighted_nr)})")
    out.append(f"p10 recall:         {fmt(p10)}")
    out.append(f"median recall:      "
               f"{fmt(statistics.median(r.recall for r in scored) if scored else None)}")
    out.append(f"median time:        {median_ms:.0f} ms   (max {max(r.time_ms for r in results):.0f} ms)")
    out.append(f"crashes:            {len(crashes)}")
    for r in crashes:
        out.append(f"    {r.file}: exit {r.exit_code}: {r.first_stderr}")
    out.append(f"hangs:              {len(hangs)}")
    for r in hangs:
        out.append(f"    {r.file}: no exit within {args.timeout:g} s")
    out.append(f"refusals:           {len(refusals)}")
    reasons = collections.defaultdict(list)
    for r in refusals:
        reasons[(r.exit_code, r.first_stderr)].append(r)
    for (code, reason), rs in sorted(reasons.items(), key=lambda kv: -len(kv[1])):
        out.append(f"    {len(rs)} x exit {code}: {reason}")
        for r in rs:
            out.append(f"        {r.file} ({r.ref_words} ref words)")
    out.append(f"recall < {LOW_RECALL}:      {len(low)} files, "
               f"{len(silent_low)} of them with nothing on stderr")
    for r in silent_low:
        out.append(f"    SILENT {fmt(r.recall)} {r.file}")

    out.append("")
    out.append(f"{WORST_LISTED} lowest recall:")
    out.append(f"{'recall':>7} {'words':>6}  file / missing (count) / finding ids")
    worst = sorted(scored, key=lambda r: (r.recall, -r.ref_words))[:WORST_LISTED]
    for r in worst:
        flag = "" if r.outcome == "ok" else f"  [{r.outcome}]"
        out.append(f"{r.recall:7.3f} {r.ref_words:6d}  {r.file}{flag}")
        missing = ", ".join(f"{w} ({n})" for w, n in r.missing) or "-"
        out.append(f"{'':15}missing: {missing}")
        ids = ", ".join(f"{i} x{n}" if n > 1 else i for i, n in r.finding_ids.items())
        if not ids:
            ids = f"(stderr: {r.stderr_lines} lines, no ids)" if r.stderr_lines else "(stderr empty)"
        out.append(f"{'':15}findings: {ids}")

    # --- Verdict -------------------------------------------------------------------------
    failures = []
    if crashes:
        failures.append(f"{len(crashes)} crash(es)")
    if hangs:
        failures.append(f"{len(hangs)} hang(s)")
    if args.min_weighted is not None and (weighted is None or weighted < args.min_weighted):
        failures.append(f"weighted recall {fmt(weighted)} < {args.min_weighted}")
    if args.min_p10 is not None and (p10 is None or p10 < args.min_p10):
        failures.append(f"p10 {fmt(p10)} < {args.min_p10}")
    if silent_low:
        failures.append(f"{len(silent_low)} file(s) below {LOW_RECALL} with nothing on stderr")
    out.append("")
    out.append("FAIL: " + "; ".join(failures) if failures else "OK")
    print("\n".join(out))
    if args.markdown:
        # The report as a page of its own, for the project's benchmark notes.
        sources = corpus / "SOURCES.tsv"
        repositories = sorted({line.split("\t")[0] + " " + line.split("\t")[1][:10]
                               for line in sources.read_text().splitlines()[1:] if line}) if sources.exists() else []
        page = ["# Word import: words kept on real .docx files", "",
                "Written by `make bench-word`: `indstil import` on every Word file of these projects' test",
                "suites (pinned commits), each file's words compared with pandoc 3's plain text",
                "(`bench/docx_corpus.py`, `bench/word_recall.py`).", ""]
        page += [f"- {repository}" for repository in repositories]
        page += ["", "```", *out, "```", ""]
        args.markdown.write_text("\n".join(page), encoding="utf-8")

    if args.json:
        summary = {
            "files": len(results), "scored_files": len(scored), "ref_words": ref_total,
            "matched_words": matched_total, "weighted_recall": weighted,
            "weighted_recall_without_refused": weighted_nr, "p10_recall": p10,
            "median_time_ms": median_ms, "crashes": len(crashes), "hangs": len(hangs),
            "refusals": len(refusals), "low_recall_files": len(low),
            "low_recall_silent_files": len(silent_low), "failures": failures,
            "binary": args.indstil, "timeout_s": args.timeout,
            "ignore_list_markers": args.ignore_list_markers,
        }
        args.json.write_text(json.dumps(
            {"summary": summary, "files": [asdict(r) for r in results]},
            ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
