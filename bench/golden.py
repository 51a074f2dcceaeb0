#!/usr/bin/env python3
"""Golden output of one indstil binary: every command a user has, run over examples/ and the
bench corpus, recorded so that two binaries (before and after a refactor) can be compared
byte for byte (issue 26: "output of every command is byte-identical").

usage:
  bench/golden.py BINARY OUTDIR [--templates DIR] [--archive-weasyprint VENV] [--pdf-sample N] [--docs N]
      run BINARY and write its golden output to OUTDIR (replaced)
  bench/golden.py --compare DIR_A DIR_B
      compare two golden outputs; prints a summary, exit 1 on any difference
  bench/golden-compare.sh A B
      A and B are binaries or golden output folders; runs what is needed, then --compare

What is run (the list is built in `runs()`; read it for the exact argv):
  * examples/ (copied to a temporary folder; each document run from its project's folder, the
    nearest indstil.yml upward): `check` of every project and every document and manifest in every
    `--format` (text json sarif junit github) in Danish and `--lang en`, with `--strict` and
    `--report FORMAT=FILE`; `stats` (text, json) of every document; `render` of every document
    `--to txt|md|html` (stdout), `--to docx|pdf` (-o), html to a file, docx beside the document, several
    documents to a folder, `--strict` and `--arkiv`; `bundle` of every bundle, agenda and minutes
    manifest to a site and `--to pdf` (`--lang en` and the default output path too, except for
    manifests with Word appendices: each costs a LibreOffice run); `register` csv/json/html, `--lukket`, -o;
    `import` of every .docx (examples/ and the Word files `render --to docx` wrote) to stdout and -o;
    `check`/`stats` of those Word files; `new` for every type × every profile in the templates;
    `profiles`, `checks` (`--lang en`, `--examples`), `plugins`; `--help` of every subcommand,
    `--version`; a few usage errors (a missing file, an unknown format, a missing profile).
  * the bench corpus of shared/bench/gen_corpus.py (seed 685, the bench's default corpus,
    generated into the temporary folder): `check` of the 1000 recommendations in every format and
    both languages, of the 200-appendix bundle and of a 50-item agenda (as bench/run.py builds it);
    `stats` text/json of all; `render` of all to txt, md, html and docx (one process, -o folder);
    the bundle and the agenda to a site; PDF only for a sample (--pdf-sample, default 20 documents,
    every 50th; a 5-item agenda; a 12-appendix bundle from the same generator: the 200-appendix
    bundle takes about two minutes as PDF); `import`, `check` and `stats` of the sample's Word files.
  * `serve` is a server: only its `--help` is recorded (the browser tests cover it).

What is recorded, per run, in OUTDIR/runs/<name>/: `argv` (with the folder it ran in),
`exit` (exit code), `stdout`, `stderr`, and `files/`: every file the run wrote or changed in
the project tree, and `tmp-left/`: anything the run left in its TMPDIR. After each run the tree is
put back as it was, so runs do not see each other's output. OUTDIR/timings.tsv (seconds per run)
and OUTDIR/meta.txt are not compared.

Normalisation (ONLY what must differ between two binaries or two runs):
  * the temporary working folder's path -> `<WORK>` and the templates folder's path ->
    `<TEMPLATES>`, in stdout, stderr and text output files (not in DOCX or PDF: those are
    compared byte for byte; a path inside them would show up as a difference);
  * `--version`: the " (commit …)" that a `make build` stamps onto the version line is removed.
Nothing else: DOCX (zip) and PDF are compared as bytes; they are meant to be deterministic
(fixed zip dates; SOURCE_DATE_EPOCH and qpdf --deterministic-id for PDF). When two PDFs differ
--compare also says whether their text (pdftotext) and their `qpdf --qdf --deterministic-id`
forms differ, and for DOCX which zip members differ, to help find the cause; it still
counts as a difference.

Environment of every run: HOME, TMPDIR inside the working folder, LANG=LC_ALL=C.UTF-8, TZ=UTC,
PATH as given, INDSTIL_TEMPLATES=--templates (default: Templates/ of the checkout holding this
script; the same data for both binaries, so only code is compared — pass the other checkout's
Templates to compare data too). Nothing else from the caller's environment is passed on.
"""
import argparse, difflib, hashlib, os, re, shutil, subprocess, sys, tempfile, time, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen_corpus.py")
SEED = 685
FORMATS = ["text", "json", "sarif", "junit", "github"]
SUBCOMMANDS = ["check", "stats", "new", "render", "profiles", "checks", "plugins", "bundle", "import", "register", "serve"]
RUN_TIMEOUT = 900


def has_front_matter(path):
    with open(path, "rb") as f:
        return f.read(4) in (b"---\n", b"---\r")


def manifest_type(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"type:\s*(\w+)", line)
            if m:
                return m.group(1)
    return None


def manifest_names_word(tree, rel):
    with open(os.path.join(tree, rel), encoding="utf-8", errors="replace") as f:
        return ".docx" in f.read()


def project_of(tree, rel):
    """The folder (relative to tree) of the nearest indstil.yml above rel; "" for the tree."""
    folder = os.path.dirname(rel)
    while folder:
        if os.path.exists(os.path.join(tree, folder, "indstil.yml")):
            return folder
        folder = os.path.dirname(folder)
    return ""


def slug(text):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")


class Harness:
    def __init__(self, binary, outdir, templates, archive_weasyprint=None):
        self.archive_weasyprint = archive_weasyprint
        self.binary = os.path.abspath(binary)
        self.outdir = os.path.abspath(outdir)
        self.templates = os.path.realpath(templates)
        self.work = os.path.realpath(tempfile.mkdtemp(prefix="indstil-golden-"))
        self.home = os.path.join(self.work, "home")
        self.tmp = os.path.join(self.work, "tmp")
        self.pristine = os.path.join(self.work, "pristine")
        for d in (self.home, self.tmp, self.pristine):
            os.makedirs(d)
        self.names = set()
        self.timings = []
        self.env = {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"), "HOME": self.home,
                    "TMPDIR": self.tmp, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC",
                    "INDSTIL_TEMPLATES": self.templates}

    # -- normalisation -------------------------------------------------------------------------
    def normalise(self, data):
        """Paths that differ between runs, in text only (bytes with a NUL or that are not
        UTF-8 are left alone: DOCX, PDF)."""
        if b"\0" in data:
            return data
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return data
        for path, token in ((self.work, b"<WORK>"), (self.templates, b"<TEMPLATES>")):
            data = data.replace(path.encode(), token)
        return data

    # -- trees ---------------------------------------------------------------------------------
    def add_tree(self, name, source=None):
        """A project tree under the working folder (a copy of source, or made by the caller
        and then frozen with freeze())."""
        tree = os.path.join(self.work, name)
        if source:
            shutil.copytree(source, tree, symlinks=True)
        return tree

    def freeze(self, tree):
        """Remember the tree's files so that each run's output can be found and removed."""
        copy = os.path.join(self.pristine, os.path.basename(tree))
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(tree, copy, symlinks=True)

    @staticmethod
    def snapshot(tree):
        files, dirs = {}, set()
        for folder, subdirs, names in os.walk(tree):
            subdirs.sort()
            rel_folder = os.path.relpath(folder, tree)
            for d in subdirs:
                dirs.add(os.path.normpath(os.path.join(rel_folder, d)))
            for n in names:
                full = os.path.join(folder, n)
                st = os.lstat(full)
                files[os.path.normpath(os.path.join(rel_folder, n))] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_mode)
        return files, dirs

    # -- one run -------------------------------------------------------------------------------
    def run(self, name, tree, cwd, args, keep=None):
        """Run the binary with args in tree/cwd and record everything. keep: (relative path in
        the tree, destination) pairs of outputs copied out before the tree is put back."""
        name = slug(name)
        assert name not in self.names, f"two runs named {name}"
        self.names.add(name)
        record = os.path.join(self.outdir, "runs", name)
        os.makedirs(record)
        folder = os.path.join(tree, cwd)
        before_files, before_dirs = self.snapshot(tree)
        start = time.monotonic()
        try:
            result = subprocess.run([self.binary] + args, cwd=folder, env=self.env, stdin=subprocess.DEVNULL,
                                    capture_output=True, timeout=RUN_TIMEOUT)
            code, stdout, stderr = str(result.returncode), result.stdout, result.stderr
        except subprocess.TimeoutExpired as e:
            code, stdout, stderr = "timeout", e.stdout or b"", e.stderr or b""
        seconds = time.monotonic() - start
        self.timings.append((name, seconds))
        if args == ["--version"]:
            stdout = re.sub(rb" \(commit [^)\n]*\)", b"", stdout)
        where = os.path.relpath(folder, self.work)
        with open(os.path.join(record, "argv"), "wb") as f:
            f.write(self.normalise((f"cd <WORK>/{where}\nindstil " + " ".join(args) + "\n").encode()))
        for part, data in (("exit", (code + "\n").encode()), ("stdout", self.normalise(stdout)), ("stderr", self.normalise(stderr))):
            with open(os.path.join(record, part), "wb") as f:
                f.write(data)
        after_files, after_dirs = self.snapshot(tree)
        for rel, stat in sorted(after_files.items()):
            if before_files.get(rel) == stat:
                continue
            full = os.path.join(tree, rel)
            target = os.path.join(record, "files", rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if os.path.islink(full):
                with open(target + ".symlink", "w") as f:
                    f.write(os.readlink(full))
            else:
                with open(full, "rb") as src, open(target, "wb") as dst:
                    dst.write(self.normalise(src.read()))
        for rel in sorted(before_files.keys() - after_files.keys()):
            os.makedirs(os.path.join(record, "files"), exist_ok=True)
            with open(os.path.join(record, "files", ".removed"), "a") as f:
                f.write(rel + "\n")
        for rel, dest in keep or []:
            if os.path.exists(os.path.join(tree, rel)):
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copyfile(os.path.join(tree, rel), dest)
        # Put the tree back: new files and folders go, changed or removed files come back.
        pristine = os.path.join(self.pristine, os.path.basename(tree))
        for rel, stat in after_files.items():
            if before_files.get(rel) != stat:
                os.remove(os.path.join(tree, rel))
        for rel in sorted(after_dirs - before_dirs, key=len, reverse=True):
            shutil.rmtree(os.path.join(tree, rel), ignore_errors=True)
        for rel, stat in before_files.items():
            if after_files.get(rel) != stat:
                os.makedirs(os.path.dirname(os.path.join(tree, rel)), exist_ok=True)
                shutil.copy2(os.path.join(pristine, rel), os.path.join(tree, rel), follow_symlinks=False)
        left = sorted(os.listdir(self.tmp))
        if left:
            os.makedirs(os.path.join(record, "tmp-left"))
            for entry in left:
                shutil.move(os.path.join(self.tmp, entry), os.path.join(record, "tmp-left", entry))
        return code

    def finish(self):
        with open(os.path.join(self.outdir, "timings.tsv"), "w") as f:
            for name, seconds in self.timings:
                f.write(f"{name}\t{seconds:.3f}\n")
        shutil.rmtree(self.work, ignore_errors=True)


def example_runs(h, keep_dir):
    """Every command over examples/: (name, tree, cwd, argv, keep) tuples."""
    tree = h.add_tree("examples", os.path.join(ROOT, "examples"))
    h.freeze(tree)
    docs, manifests, words = [], [], []
    for folder, subdirs, names in os.walk(tree):
        subdirs.sort()
        for n in sorted(names):
            rel = os.path.relpath(os.path.join(folder, n), tree)
            if n.endswith(".md") and has_front_matter(os.path.join(tree, rel)):
                docs.append(rel)
            elif n.endswith(".yml") and manifest_type(os.path.join(tree, rel)) in ("betaenkning", "dagsorden", "referat"):
                manifests.append(rel)
            elif n.endswith(".docx"):
                words.append(rel)
    projects = sorted({project_of(tree, d) for d in docs + manifests} | {""})
    runs = []

    def add(name, cwd, args, keep=None):
        runs.append((name, tree, cwd, args, keep))

    if h.archive_weasyprint:
        # `render --arkiv` needs WeasyPrint >= 63; indstil looks for .venv-weasyprint/ in the
        # current folder (among others): a link to the one given, for the runs in the tree's root.
        os.symlink(h.archive_weasyprint, os.path.join(tree, ".venv-weasyprint"))
        h.freeze(tree)
    for p in projects:
        label = p or "root"
        for fmt in FORMATS:
            for lang in ("da", "en"):
                add(f"ex-check-{label}-{fmt}-{lang}", p, ["check", ".", "--format", fmt, "--lang", lang])
        add(f"ex-check-{label}-strict", p, ["check", "--strict"])
        add(f"ex-check-{label}-reports", p, ["check", ".", "--report", "sarif=golden-rapport.sarif", "--report", "junit=golden-rapport.xml",
                                             "--report", "json=golden-rapport.json", "--report", "github=golden-rapport.txt", "--report", "text=golden-rapport-da.txt"])
        add(f"ex-profiles-{label}", p, ["profiles"])
        add(f"ex-plugins-{label}", p, ["plugins"])
    for d in docs + manifests + words:
        p = project_of(tree, d)
        rel = os.path.relpath(d, p or ".")
        for fmt in FORMATS:
            add(f"ex-check-{d}-{fmt}", p, ["check", rel, "--format", fmt])
        add(f"ex-check-{d}-en", p, ["check", rel, "--lang", "en"])
    for d in docs + words:
        p = project_of(tree, d)
        rel = os.path.relpath(d, p or ".")
        for fmt in ("text", "json"):
            add(f"ex-stats-{d}-{fmt}", p, ["stats", rel, "--format", fmt])
        if d.endswith(".docx"):
            add(f"ex-stats-{d}-profile", p, ["stats", rel, "--profile", "aarhus-raadmand"])
            add(f"ex-check-{d}-profile", p, ["check", rel, "--profile", "aarhus-raadmand"])
    word_dir = os.path.join(keep_dir, "examples-docx")
    for d in docs:
        p = project_of(tree, d)
        rel = os.path.relpath(d, p or ".")
        stem = os.path.splitext(os.path.basename(d))[0]
        for fmt in ("txt", "md", "html"):
            add(f"ex-render-{d}-{fmt}", p, ["render", rel, "--to", fmt])
        out_docx = f"golden-ud/{stem}.docx"
        add(f"ex-render-{d}-docx", p, ["render", rel, "--to", "docx", "-o", out_docx],
            keep=[(os.path.join(p, out_docx), os.path.join(word_dir, slug(d) + ".docx"))])
        add(f"ex-render-{d}-pdf", p, ["render", rel, "--to", "pdf", "-o", f"golden-ud/{stem}.pdf"])
        add(f"ex-render-{d}-md-strict", p, ["render", rel, "--to", "md", "--strict"])
    first = "aarhus-byraad/ny-ordning-moedelokaler.md"
    add("ex-render-html-file", "", ["render", first, "-o", "golden-ud/side.html"])
    add("ex-render-docx-beside", "", ["render", first, "--to", "docx"])
    add("ex-render-html-strict", "", ["render", first, "--strict", "-o", "golden-ud/streng.html"])
    add("ex-render-pdf-arkiv", "", ["render", first, "--to", "pdf", "--arkiv", "-o", "golden-ud/arkiv.pdf"])
    add("ex-render-pdf-beside", "", ["render", first, "--to", "pdf"])
    root_docs = [d for d in docs if project_of(tree, d) == ""]
    for fmt in ("html", "txt", "md", "docx"):
        add(f"ex-render-many-{fmt}", "", ["render", "--to", fmt, "-o", "golden-mange"] + root_docs)
    for m in manifests:
        p = project_of(tree, m)
        rel = os.path.relpath(m, p or ".")
        base = os.path.dirname(rel)
        add(f"ex-bundle-{m}-html", p, ["bundle", rel, "-o", os.path.join(base, "golden-site")])
        if not manifest_names_word(tree, m):  # each Word appendix costs a LibreOffice run (seconds)
            add(f"ex-bundle-{m}-html-en", p, ["bundle", rel, "--lang", "en", "-o", os.path.join(base, "golden-site")])
            add(f"ex-bundle-{m}-default", os.path.dirname(m), ["bundle", os.path.basename(m)])
        add(f"ex-bundle-{m}-pdf", p, ["bundle", rel, "--to", "pdf", "-o", os.path.join(base, "golden.pdf")])
    for fmt in ("csv", "json", "html"):
        add(f"ex-register-{fmt}", "", ["register", "--format", fmt])
        add(f"ex-register-{fmt}-lukket", "raadmandsmoede", ["register", "--format", fmt, "--lukket"])
    add("ex-register-file", "", ["register", "raadmandsmoede", "-o", "golden-register.csv"])
    add("ex-register-en", "", ["register", "raadmandsmoede/referat.yml", "--lang", "en"])
    for w in words:
        p = project_of(tree, w)
        rel = os.path.relpath(w, p or ".")
        add(f"ex-import-{w}", p, ["import", rel])
        add(f"ex-import-{w}-o", p, ["import", rel, "-o", "golden-import.md", "--profile", "aarhus-raadmand"])
    profiles = sorted(n for n in os.listdir(h.templates) if os.path.exists(os.path.join(h.templates, n, "profile.yml")))
    kinds = {"indstilling", "bilag"}
    for profile in profiles:
        with open(os.path.join(h.templates, profile, "profile.yml"), encoding="utf-8") as f:
            kinds |= set(re.findall(r"(?m)^document_type:\s*(\w+)", f.read()))
    for kind in sorted(kinds):
        add(f"ex-new-{kind}", "", ["new", kind])
        for profile in profiles:
            add(f"ex-new-{kind}-{profile}", "", ["new", kind, f"golden-ny-{profile}.md", "--profile", profile])
    add("ex-new-randers", "randers", ["new", "indstilling", "ny.md", "--profile", "randers-byraad"])
    add("ex-new-exists", "", ["new", "indstilling", first])
    add("ex-new-force", "", ["new", "indstilling", first, "--force"])
    for lang in ("da", "en"):
        add(f"ex-checks-{lang}", "", ["checks", "--lang", lang])
        add(f"ex-checks-examples-{lang}", "", ["checks", "--examples", "--lang", lang])
    add("help", "", ["--help"])
    add("help-h", "", ["-h"])
    add("version", "", ["--version"])
    add("no-arguments", "", [])
    for sub in SUBCOMMANDS:
        add(f"help-{sub}", "", [sub, "--help"])
        add(f"help-word-{sub}", "", ["help", sub])
    add("err-missing-file", "", ["check", "findes-ikke.md"])
    add("err-unknown-format", "", ["check", "--format", "pdf"])
    add("err-unknown-profile", "", ["check", first, "--profile", "findes-ikke"])
    add("err-unknown-command", "", ["udgiv"])
    add("err-render-many-no-o", "", ["render"] + root_docs[:2])
    add("err-arkiv-html", "", ["render", first, "--arkiv"])
    add("err-bundle-missing", "", ["bundle", "findes-ikke.yml"])
    add("err-import-md", "", ["import", first])
    add("err-stats-no-front-matter", "", ["stats", "indstil.yml"])
    return runs, word_dir


def corpus_runs(h, docs_count, pdf_sample, keep_dir):
    tree = os.path.join(h.work, "corpus")
    subprocess.run([sys.executable, GEN, tree, "--seed", str(SEED), "--docs", str(docs_count)], check=True, capture_output=True)
    docs = sorted(f for f in os.listdir(os.path.join(tree, "indstillinger")) if f.endswith(".md"))
    defective = {line.split("\t")[0].split("/")[-1] for line in open(os.path.join(tree, "defects.tsv")) if line.strip()}
    clean = [d for d in docs if d not in defective]

    def agenda(name, items):
        lines = "".join(f"  - indstilling: indstillinger/{d}\n    minutter: 5\n" for d in items)
        end = 8 * 60 + 5 * len(items)
        with open(os.path.join(tree, name), "w") as out:
            out.write(f'type: dagsorden\nudvalg: Byrådet\ndato: 2026-09-04\nstart: "08:00"\nslut: "{end // 60:02d}:{end % 60:02d}"\npunkter:\n{lines}')

    agenda("dagsorden.yml", clean[:50])   # as bench/run.py
    # The 200-appendix bundle to PDF takes minutes: a 12-appendix one (same generator) instead.
    small = os.path.join(h.work, "corpus-lille")
    subprocess.run([sys.executable, GEN, small, "--seed", str(SEED), "--docs", "0", "--appendices", "12", "--chapters", "2"],
                   check=True, capture_output=True)
    shutil.move(os.path.join(small, "bundle"), os.path.join(tree, "bundle-lille"))
    shutil.rmtree(small)
    agenda("dagsorden-lille.yml", clean[:5])
    h.freeze(tree)
    paths = [f"indstillinger/{d}" for d in docs]
    # The PDF sample: spread over the corpus, defective ones included (marked UDKAST).
    step = max(1, len(docs) // pdf_sample)
    sample = paths[::step][:pdf_sample]
    runs = []

    def add(name, args, keep=None):
        runs.append((name, tree, "", args, keep))

    for fmt in FORMATS:
        for lang in ("da", "en"):
            add(f"corpus-check-{fmt}-{lang}", ["check", "indstillinger", "--format", fmt, "--lang", lang])
    add("corpus-check-bundle", ["check", "bundle/bundle.yml"])
    add("corpus-check-bundle-json", ["check", "bundle/bundle.yml", "--format", "json"])
    add("corpus-check-dagsorden", ["check", "dagsorden.yml"])
    add("corpus-check-dagsorden-sarif", ["check", "dagsorden.yml", "--format", "sarif"])
    add("corpus-check-all-strict", ["check", "--strict"])
    for fmt in ("text", "json"):
        add(f"corpus-stats-{fmt}", ["stats", "--format", fmt] + paths)
    for fmt in ("txt", "md", "html", "docx"):
        add(f"corpus-render-{fmt}", ["render", "--to", fmt, "-o", f"golden-{fmt}"] + paths)
    add("corpus-render-pdf-sample", ["render", "--to", "pdf", "-o", "golden-pdf"] + sample)
    word_dir = os.path.join(keep_dir, "corpus-docx")
    add("corpus-render-docx-sample", ["render", "--to", "docx", "-o", "golden-docx-udvalg"] + sample,
        keep=[(f"golden-docx-udvalg/{os.path.splitext(os.path.basename(s))[0]}.docx",
               os.path.join(word_dir, os.path.splitext(os.path.basename(s))[0] + ".docx")) for s in sample])
    add("corpus-bundle-html", ["bundle", "bundle/bundle.yml", "-o", "golden-site"])
    add("corpus-check-bundle-lille", ["check", "bundle-lille/bundle.yml"])
    add("corpus-bundle-lille-html", ["bundle", "bundle-lille/bundle.yml", "-o", "golden-site-lille"])
    add("corpus-bundle-lille-pdf", ["bundle", "bundle-lille/bundle.yml", "--to", "pdf", "-o", "golden-bundle.pdf"])
    add("corpus-agenda-html", ["bundle", "dagsorden.yml", "-o", "golden-dagsorden"])
    add("corpus-agenda-pdf-small", ["bundle", "dagsorden-lille.yml", "--to", "pdf", "-o", "golden-dagsorden.pdf"])
    return runs, word_dir, tree


def word_runs(h, tree, cwd, word_dir, prefix):
    """import (and check/stats) of the Word files an earlier render wrote, copied into the tree."""
    runs = []
    if not os.path.isdir(word_dir):
        return runs
    target = os.path.join(tree, cwd, "golden-word")
    os.makedirs(target, exist_ok=True)
    for n in sorted(os.listdir(word_dir)):
        shutil.copyfile(os.path.join(word_dir, n), os.path.join(target, n))
    h.freeze(tree)
    for n in sorted(os.listdir(target)):
        rel = f"golden-word/{n}"
        runs.append((f"{prefix}-import-{n}", tree, cwd, ["import", rel], None))
        runs.append((f"{prefix}-import-{n}-o", tree, cwd, ["import", rel, "-o", "golden-import.md", "--profile", "aarhus-byraad"], None))
        runs.append((f"{prefix}-check-word-{n}", tree, cwd, ["check", rel, "--format", "json", "--profile", "aarhus-byraad"], None))
        runs.append((f"{prefix}-stats-word-{n}", tree, cwd, ["stats", rel, "--format", "json", "--profile", "aarhus-byraad"], None))
    return runs


def record(args):
    templates = args.templates or os.path.join(ROOT, "Templates")
    if not os.path.exists(args.binary):
        sys.exit(f"golden: {args.binary} not found")
    if not os.path.exists(GEN):
        sys.exit(f"golden: {GEN} not found (shared/ must sit beside the checkout)")
    shutil.rmtree(args.outdir, ignore_errors=True)
    os.makedirs(args.outdir)
    venv = args.archive_weasyprint or os.path.join(ROOT, ".venv-weasyprint")
    venv = os.path.realpath(venv) if os.path.isdir(venv) else None
    h = Harness(args.binary, args.outdir, templates, venv)
    keep_dir = os.path.join(h.work, "kept")
    start = time.monotonic()
    try:
        runs, example_words = example_runs(h, keep_dir)
        for name, tree, cwd, argv, keep in runs:
            h.run(name, tree, cwd, argv, keep)
        for name, tree, cwd, argv, keep in word_runs(h, os.path.join(h.work, "examples"), "", example_words, "ex-word"):
            h.run(name, tree, cwd, argv, keep)
        runs, corpus_words, corpus = corpus_runs(h, args.docs, args.pdf_sample, keep_dir)
        for name, tree, cwd, argv, keep in runs:
            h.run(name, tree, cwd, argv, keep)
        for name, tree, cwd, argv, keep in word_runs(h, corpus, "", corpus_words, "corpus-word"):
            h.run(name, tree, cwd, argv, keep)
    finally:
        h.finish()
    total = time.monotonic() - start
    with open(os.path.join(args.outdir, "meta.txt"), "w") as f:
        f.write(f"binary {os.path.abspath(args.binary)}\nsha256 {sha256_file(args.binary)}\ntemplates {os.path.realpath(templates)}\narchive-weasyprint {venv}\n"
                f"options --pdf-sample {args.pdf_sample} --docs {args.docs}\nruns {len(h.timings)}\nseconds {total:.1f}\nwhen {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n")
    print(f"golden: {len(h.timings)} runs of {args.binary} in {total:.1f} s -> {args.outdir}", file=sys.stderr)


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# -- compare ---------------------------------------------------------------------------------------
def tree_files(root):
    out = {}
    for folder, subdirs, names in os.walk(root):
        subdirs.sort()
        for n in names:
            full = os.path.join(folder, n)
            out[os.path.relpath(full, root)] = full
    return out


def explain(path_a, path_b):
    """A few lines on how two differing files differ."""
    a, b = open(path_a, "rb").read(), open(path_b, "rb").read()
    lines = [f"    {len(a)} vs {len(b)} bytes"]
    if a[:4] == b"%PDF":
        def text(p):
            r = subprocess.run(["pdftotext", "-layout", p, "-"], capture_output=True)
            return r.stdout
        def qdf(p):
            with tempfile.NamedTemporaryFile(suffix=".pdf") as t:
                subprocess.run(["qpdf", "--qdf", "--deterministic-id", "--object-streams=disable", p, t.name], capture_output=True)
                return open(t.name, "rb").read()
        lines.append("    pdftotext: " + ("same text" if text(path_a) == text(path_b) else "TEXT DIFFERS"))
        lines.append("    qpdf --qdf --deterministic-id: " + ("same" if qdf(path_a) == qdf(path_b) else "differs"))
        return lines
    if a[:2] == b"PK":
        try:
            za, zb = zipfile.ZipFile(path_a), zipfile.ZipFile(path_b)
            ma = {i.filename: (za.read(i), i.date_time) for i in za.infolist()}
            mb = {i.filename: (zb.read(i), i.date_time) for i in zb.infolist()}
            changed = sorted(k for k in ma.keys() | mb.keys() if ma.get(k) != mb.get(k))
            lines.append("    zip members differing: " + (", ".join(changed[:10]) if changed else "none (order/compression/header bytes)"))
        except zipfile.BadZipFile:
            pass
        return lines
    try:
        ta, tb = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return lines
    diff = list(difflib.unified_diff(ta, tb, "A", "B", lineterm="", n=1))
    return lines + ["    " + line[:200] for line in diff[2:14]] + (["    …"] if len(diff) > 14 else [])


def compare(dir_a, dir_b):
    runs_a, runs_b = os.path.join(dir_a, "runs"), os.path.join(dir_b, "runs")
    for d in (runs_a, runs_b):
        if not os.path.isdir(d):
            sys.exit(f"golden: {d} is not a golden output (no runs/)")
    # How each was recorded (not compared as output): a different templates folder, archive
    # WeasyPrint or options explain differences that are not the binary's.
    def meta(d):
        try:
            lines = open(os.path.join(d, "meta.txt"), encoding="utf-8").read().splitlines()
        except OSError:
            return {}
        return dict(line.split(" ", 1) for line in lines if " " in line)
    ma, mb = meta(dir_a), meta(dir_b)
    for key in ("templates", "archive-weasyprint", "options"):
        if ma.get(key) != mb.get(key):
            print(f"note: recorded with a different {key}: A {ma.get(key)} / B {mb.get(key)}")
    fa, fb = tree_files(runs_a), tree_files(runs_b)
    names_a = set(os.listdir(runs_a))
    names_b = set(os.listdir(runs_b))
    problems = 0
    only_a, only_b = sorted(names_a - names_b), sorted(names_b - names_a)
    for label, names in (("only in A", only_a), ("only in B", only_b)):
        if names:
            problems += len(names)
            print(f"{len(names)} runs {label}: " + ", ".join(names[:20]) + (" …" if len(names) > 20 else ""))
    by_run = {}
    for rel in sorted(fa.keys() | fb.keys()):
        run = rel.split(os.sep)[0]
        if run not in names_a or run not in names_b:
            continue
        if rel not in fa or rel not in fb:
            by_run.setdefault(run, []).append((rel, "only in " + ("A" if rel in fa else "B"), None))
        elif open(fa[rel], "rb").read() != open(fb[rel], "rb").read():
            by_run.setdefault(run, []).append((rel, "differs", explain(fa[rel], fb[rel])))
    shown_details = 0
    for run in sorted(by_run):
        problems += 1
        argv = open(os.path.join(runs_a, run, "argv"), encoding="utf-8").read().strip().splitlines()[-1]
        print(f"DIFF {run}: {argv}")
        for rel, what, details in by_run[run][:8]:
            print(f"  {os.path.relpath(rel, run)}: {what}")
            if details and shown_details < 40:
                shown_details += 1
                print("\n".join(details))
        if len(by_run[run]) > 8:
            print(f"  … and {len(by_run[run]) - 8} more files")
    compared = len(names_a & names_b)
    files = sum(1 for rel in fa if rel.split(os.sep)[0] in names_b)
    if problems:
        print(f"golden: DIFFERENT: {len(by_run)} of {compared} runs differ, {len(only_a)} only in A, {len(only_b)} only in B ({files} files compared)")
        return 1
    print(f"golden: identical: {compared} runs, {files} files (argv, exit code, stdout, stderr, written files) byte for byte")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--compare", nargs=2, metavar=("DIR_A", "DIR_B"), help="compare two golden outputs")
    ap.add_argument("binary", nargs="?")
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--templates", help="INDSTIL_TEMPLATES for the binary (default: Templates/ beside this script)")
    ap.add_argument("--archive-weasyprint", metavar="VENV", help="a .venv-weasyprint folder (WeasyPrint >= 63) for "
                    "`render --arkiv` (default: .venv-weasyprint/ of the checkout holding this script, when there is one)")
    ap.add_argument("--pdf-sample", type=int, default=20, help="corpus documents rendered to PDF (default 20)")
    ap.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000, the bench's)")
    args = ap.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if not args.binary or not args.outdir:
        ap.error("BINARY and OUTDIR are required (or --compare DIR_A DIR_B)")
    record(args)


if __name__ == "__main__":
    main()
