#!/usr/bin/env bash
# The installed indstil works where a user or a server has it (issue 18):
#
#   Tests/Packaging/test-package.sh STAGE      (make package-test; STAGE from make stage)
#
#  1. make install into a temporary DESTDIR; the installed binary, started by name through PATH
#     from an unrelated folder, finds its profiles below DESTDIR, checks examples/ and renders a
#     PDF; make uninstall leaves DESTDIR empty, and keeps a folder that was there before.
#  2. make deb: dpkg-deb -I names the dependencies; the binary extracted with dpkg-deb -x runs with
#     no Swift toolchain on PATH and no LD_LIBRARY_PATH, and links no Swift library; lintian
#     reports no errors.
#  3. man -l renders the manual page, æ, ø and å included; the bash completion completes `indstil ch` to `check`.
#
# Every step that fails prints why and the script exits 1 at the end.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 STAGE" >&2; exit 2; }
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
stage=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "package-test: ok   $1"; }
fail() { echo "package-test: FAIL $1" >&2; failures=$((failures + 1)); }
# Runs "$@" with a minimal environment: no Swift toolchain on PATH, no LD_LIBRARY_PATH.
plain() { env -i HOME="$work/home" LANG=C.UTF-8 PATH="$1:/usr/bin:/bin" "${@:2}"; }
mkdir -p "$work/home" "$work/elsewhere"
if env -i PATH=/usr/bin:/bin bash -c 'command -v swift' >/dev/null; then
  fail "a swift on /usr/bin:/bin: the toolchain-free runs below would prove nothing"
fi

# 1. make install / make uninstall ---------------------------------------------------------------
destdir="$work/destdir"
make -C "$repo" --no-print-directory install DESTDIR="$destdir" PREFIX=/usr/local >/dev/null
installed="$destdir/usr/local"
for file in bin/indstil share/indstil/Templates/aarhus-byraad/profile.yml share/man/man1/indstil.1.gz \
            share/bash-completion/completions/indstil share/zsh/site-functions/_indstil \
            share/fish/vendor_completions.d/indstil.fish share/indstil/install-manifest; do
  [ -f "$installed/$file" ] || fail "make install wrote no $file"
done
profiles=$(cd "$work/elsewhere" && plain "$installed/bin" indstil profiles)
if grep -q "aarhus-byraad .*($installed/share/indstil/Templates/aarhus-byraad)" <<< "$profiles"; then
  pass "installed indstil, started by name from an unrelated folder, finds its profiles in share/indstil/Templates"
else
  fail "indstil profiles did not name $installed/share/indstil/Templates:"$'\n'"$profiles"
fi
if (cd "$work/elsewhere" && plain "$installed/bin" indstil check "$repo/examples/" >/dev/null); then
  pass "installed indstil checks examples/ without findings"
else
  fail "installed indstil check $repo/examples/ failed"
fi
pdf="$work/elsewhere/moedelokaler.pdf"
if (cd "$work/elsewhere" && plain "$installed/bin" indstil render --to pdf "$repo/examples/aarhus-byraad/ny-ordning-moedelokaler.md" -o "$pdf") \
   && pdfinfo "$pdf" | grep -Eq '^Pages: +[1-9]'; then
  pass "installed indstil renders a PDF ($(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages)"
else
  fail "installed indstil render --to pdf wrote no PDF"
fi
make -C "$repo" --no-print-directory uninstall DESTDIR="$destdir" PREFIX=/usr/local >/dev/null
left=$(cd "$destdir" && find . -mindepth 1)
if [ -z "$left" ]; then pass "make uninstall leaves DESTDIR empty"; else fail "make uninstall left:"$'\n'"$left"; fi

shared="$work/shared"
mkdir -p "$shared/usr/local/bin"
echo 'another tool' > "$shared/usr/local/bin/other-tool"
make -C "$repo" --no-print-directory install DESTDIR="$shared" PREFIX=/usr/local >/dev/null
make -C "$repo" --no-print-directory uninstall DESTDIR="$shared" PREFIX=/usr/local >/dev/null
left=$(cd "$shared" && find . -mindepth 1 | LC_ALL=C sort | tr '\n' ' ')
if [ "$left" = "./usr ./usr/local ./usr/local/bin ./usr/local/bin/other-tool " ]; then
  pass "make uninstall keeps the folders and files that were there before"
else
  fail "make uninstall in a used prefix left: $left"
fi

# 2. make deb -------------------------------------------------------------------------------------
deb=$(make -C "$repo" --no-print-directory -o stage -o deps-packaging deb DEB_DIR="$work/deb" | tail -1)
info=$(dpkg-deb -I "$deb")
depends=$(sed -n 's/^ Depends: //p' <<< "$info")
recommends=$(sed -n 's/^ Recommends: //p' <<< "$info")
missing=""
for package in libc6 libcmark0.30.2 libhunspell-1.7-0 hunspell-da weasyprint qpdf poppler-utils libjs-codemirror; do
  grep -Eq "(^|, )$package( |,|$)" <<< "$depends" || missing="$missing $package"
done
if [ -z "$missing" ] && grep -q libreoffice-writer <<< "$recommends"; then
  pass "dpkg-deb -I: Depends: $depends; Recommends: $recommends"
else
  fail "dpkg-deb -I lacks$missing (Depends: $depends; Recommends: $recommends)"
fi
root="$work/root"
dpkg-deb -x "$deb" "$root"
if ldd "$root/usr/bin/indstil" | grep -qi swift; then
  fail "the packaged binary links Swift libraries:"$'\n'"$(ldd "$root/usr/bin/indstil" | grep -i swift)"
else
  pass "the packaged binary links no Swift library ($(du -k "$root/usr/bin/indstil" | cut -f1) KB)"
fi
version=$(plain "$root/usr/bin" indstil --version)
head=$(git -C "$repo" rev-parse --short=12 HEAD)
package_version=$(dpkg-deb -f "$deb" Version)
if [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+\ \(commit\ [0-9a-f]{12}(-dirty)?\)$ ]] && [[ $version == *"$head"* ]] \
   && [[ $package_version == "${version%% *}"* ]] && [[ $package_version == *"$head"* || $package_version == "${version%% *}" ]]; then
  pass "indstil --version without a toolchain: $version (package $package_version)"
else
  fail "indstil --version from the .deb said '$version'"
fi
if (cd "$work/elsewhere" && plain "$root/usr/bin" indstil profiles | grep -q "($root/usr/share/indstil/Templates/aarhus-raadmand)") \
   && (cd "$work/elsewhere" && plain "$root/usr/bin" indstil check "$repo/examples/" >/dev/null); then
  pass "the extracted package finds its profiles and checks examples/"
else
  fail "the binary extracted from the .deb did not find its profiles or failed on examples/"
fi
lintian_output=$(lintian "$deb" 2>&1 || true)
if grep -q '^E: ' <<< "$lintian_output"; then
  fail "lintian reports errors:"$'\n'"$lintian_output"
else
  pass "lintian: no errors ($(grep -c '^[WIP]: ' <<< "$lintian_output" || true) warnings and notes)"
fi

# 3. manual page and completion -------------------------------------------------------------------
manual=$(LANG=C.UTF-8 MANWIDTH=100 man -P cat -l "$root/usr/share/man/man1/indstil.1.gz" 2>&1)
if grep -q '^NAME' <<< "$manual" && grep -q 'indstil — Skriv, kontrollér og udgiv indstillinger til byråd og rådmand' <<< "$manual" \
   && grep -Eq '^ +check +Kontrollér indstillinger' <<< "$manual"; then
  pass "man -l renders the manual page with its Danish letters ($(wc -l <<< "$manual") lines)"
else
  fail "man -l did not render the manual page:"$'\n'"$(head -20 <<< "$manual")"
fi
completion=$(plain /usr/bin bash --norc --noprofile -c '
  source "$1"
  function=$(complete -p indstil | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
  COMP_WORDS=(indstil ch); COMP_CWORD=1; COMP_LINE="indstil ch"; COMP_POINT=${#COMP_LINE}
  "$function" indstil ch indstil
  printf "%s\n" "${COMPREPLY[@]}"' _ "$root/usr/share/bash-completion/completions/indstil")
common=$(python3 -c 'import os, sys; words = sys.argv[1].split(); print(os.path.commonprefix(words) if words else "")' "$completion")
if [ "$common" = check ]; then
  pass "bash completion: indstil ch<TAB> → check ($(tr '\n' ' ' <<< "$completion"))"
else
  fail "bash completion of 'indstil ch' gave '$(tr '\n' ' ' <<< "$completion")'"
fi

if [ "$failures" -gt 0 ]; then echo "package-test: $failures failures" >&2; exit 1; fi
echo "package-test: all passed"
