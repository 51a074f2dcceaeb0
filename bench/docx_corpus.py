#!/usr/bin/env python3
"""Collects the corpus of real Word files that `bench/word_recall.py` scores `indstil import`
on, and pandoc 3's plain text of each file as the reference for its words.

The files are the test documents of five public projects that read or write .docx, at the
commits named below (so every run scores the same files):

    python3 bench/docx_corpus.py collect DEST            # clones from GitHub
    python3 bench/docx_corpus.py collect DEST --source jgm/pandoc=/path/to/a/clone ...
    python3 bench/docx_corpus.py refs DEST --pandoc PANDOC3

`collect` writes DEST/files/<repo>/<path with / as __> and DEST/SOURCES.tsv (repository,
commit, path, size, licence file); `refs` writes DEST/ref/<same>.txt with
`pandoc -f docx -t plain --wrap=none` and DEST/pandoc-failures.tsv. The files stay out of
the project: they are other projects' test data, under their own licences.
"""
import argparse
import concurrent.futures
import pathlib
import re
import subprocess
import sys
import tempfile

# Repository, commit measured in the notes, its licence file.
REPOSITORIES = [
    ("jgm/pandoc", "0a9a2f261510322ee5a33a2a7facce54b8a718ec", "COPYING.md"),
    ("mwilliamson/mammoth.js", "e3b9cecdaa3df0d9007ed7b06add53c65516e429", "LICENSE"),
    ("python-openxml/python-docx", "e45454602b53e8e572b179ccf1c91093ec9f4ed7", "LICENSE"),
    ("ShayHill/docx2python", "fd4f0653eb861ad4a7431e9a4f62f9a74ab9d9a1", "LICENSE.txt"),
    ("apache/poi", "a528d43590b3f71aa94310de881a35af887fdd0f", "legal/LICENSE"),
]

WORD_FILE = re.compile(r"\.(docx|docm)$", re.IGNORECASE)


def git(git_dir, *arguments):
    return subprocess.run(["git", f"--git-dir={git_dir}", *arguments], capture_output=True, check=True).stdout


def fetch(repository, commit, source, scratch):
    """A git directory holding `commit`: `source` itself when it is a local repository that
    has it, else a blob-less clone of `source` (default: GitHub)."""
    if source and pathlib.Path(source).exists():
        path = pathlib.Path(source)
        git_dir = path / ".git" if (path / ".git").exists() else path
        return git_dir
    url = source or f"https://github.com/{repository}.git"
    target = pathlib.Path(scratch) / repository.replace("/", "+")
    subprocess.run(["git", "clone", "--quiet", "--bare", "--filter=blob:none", url, str(target)], check=True)
    return target


def collect(destination, sources):
    files = destination / "files"
    rows = ["repo\tcommit\tpath\tsize\tlicence"]
    with tempfile.TemporaryDirectory() as scratch:
        for repository, commit, licence_file in REPOSITORIES:
            git_dir = fetch(repository, commit, sources.get(repository), scratch)
            # The pinned commit when the source has it, else its HEAD (said in SOURCES.tsv).
            try:
                revision = git(git_dir, "rev-parse", "--verify", f"{commit}^{{commit}}").decode().strip()
            except subprocess.CalledProcessError:
                revision = git(git_dir, "rev-parse", "HEAD").decode().strip()
                print(f"{repository}: {commit[:10]} not found, using {revision[:10]}", file=sys.stderr)
            try:
                licence = next((line.strip() for line in git(git_dir, "show", f"{revision}:{licence_file}").decode(errors="replace").splitlines() if line.strip()), "")
            except subprocess.CalledProcessError:
                licence = "?"
            short = repository.split("/")[1]
            (files / short).mkdir(parents=True, exist_ok=True)
            for entry in git(git_dir, "ls-tree", "-r", "-z", revision).split(b"\0"):
                if not entry:
                    continue
                meta, path = entry.split(b"\t", 1)
                path = path.decode()
                _, kind, sha = meta.decode().split()
                if kind != "blob" or not WORD_FILE.search(path):
                    continue
                try:
                    data = git(git_dir, "cat-file", "blob", sha)
                except subprocess.CalledProcessError:
                    print(f"{repository}: {path} is missing from this copy, left out", file=sys.stderr)
                    continue
                if not data or data.startswith(b"version https://git-lfs"):
                    continue
                (files / short / path.replace("/", "__")).write_bytes(data)
                rows.append(f"{repository}\t{revision}\t{path}\t{len(data)}\t{licence_file}: {licence}")
    (destination / "SOURCES.tsv").write_text("\n".join(rows) + "\n")
    print(f"{len(rows) - 1} Word files in {files}")


def references(destination, pandoc):
    files = sorted(path for path in (destination / "files").rglob("*") if path.is_file())
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    if not re.match(r"pandoc(\.exe)? 3\.", version):
        sys.exit(f"the reference is pandoc 3's text; {pandoc} is {version}")

    def one(path):
        relative = path.relative_to(destination / "files")
        out = destination / "ref" / (str(relative) + ".txt")
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            result = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(path)], capture_output=True, timeout=30)
        except subprocess.TimeoutExpired:
            return (str(relative), "timeout", "")
        if result.returncode != 0:
            out.unlink(missing_ok=True)
            line = next((line for line in result.stderr.decode(errors="replace").splitlines() if line.strip()), "")
            return (str(relative), str(result.returncode), line)
        out.write_bytes(result.stdout)
        return None

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        failures = [failure for failure in pool.map(one, files) if failure]
    with open(destination / "pandoc-failures.tsv", "w") as out:
        out.write("file\texit\tstderr\n")
        for failure in failures:
            out.write("\t".join(failure) + "\n")
    print(f"{version}: {len(files)} files, {len(failures)} that pandoc cannot read")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    collect_parser = sub.add_parser("collect", help="extract the Word files at the pinned commits")
    collect_parser.add_argument("destination", type=pathlib.Path)
    collect_parser.add_argument("--source", action="append", default=[], metavar="OWNER/NAME=PATH_OR_URL",
                                help="where to read a repository (a local clone or a git URL) instead of GitHub")
    refs_parser = sub.add_parser("refs", help="write pandoc 3's plain text of every file")
    refs_parser.add_argument("destination", type=pathlib.Path)
    refs_parser.add_argument("--pandoc", required=True, help="a pandoc 3 binary")
    arguments = parser.parse_args()
    if arguments.command == "collect":
        sources = dict(item.split("=", 1) for item in arguments.source)
        collect(arguments.destination, sources)
    else:
        references(arguments.destination, arguments.pandoc)


if __name__ == "__main__":
    main()
