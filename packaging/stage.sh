#!/usr/bin/env bash
# Gathers what `make install` and `make deb` install into one staging folder:
#
#   packaging/stage.sh BINARY GENERATE_MANUAL STAGE
#
#   STAGE/indstil              BINARY, stripped (what Debian's dh_strip does)
#   STAGE/Templates/           the shipped profiles and templates
#   STAGE/indstil.1.gz         the manual page, from swift-argument-parser's generate-manual
#   STAGE/completions/         indstil.bash, _indstil (zsh), indstil.fish: `indstil --generate-completion-script`
#
# The manual's date is the commit's date, so the same commit stages the same files.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BINARY GENERATE_MANUAL STAGE" >&2; exit 2; }
binary=$1 generate_manual=$2 stage=$3
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rm -rf "$stage"
mkdir -p "$stage/completions" "$stage/manual"
install -m 0755 "$binary" "$stage/indstil"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/indstil"
cp -R Templates "$stage/Templates"

for shell in bash zsh fish; do
  "$stage/indstil" --generate-completion-script "$shell" > "$stage/completions/$shell"
done
# bash-completion sources the file: no #! line (lintian: bash-completion-with-hashbang).
sed '1{/^#!/d}' "$stage/completions/bash" > "$stage/completions/indstil.bash"
rm "$stage/completions/bash"
mv "$stage/completions/zsh" "$stage/completions/_indstil"
mv "$stage/completions/fish" "$stage/completions/indstil.fish"

# generate-manual runs the tool with --experimental-dump-help and drops non-ASCII characters:
# it reads the help through manual-unicode.py, which marks them, and the page gets them back.
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
printf '#!/bin/sh\n"%s" "$@" | python3 "%s" encode\n' "$(realpath "$stage/indstil")" "$PWD/packaging/manual-unicode.py" > "$stage/manual/indstil"
chmod +x "$stage/manual/indstil"
mkdir "$stage/manual/page"
"$generate_manual" "$stage/manual/indstil" --date "$date" --section 1 --output-directory "$stage/manual/page"
packaging/manual-unicode.py decode < "$stage/manual/page/indstil.1" | gzip -9n > "$stage/indstil.1.gz"
rm -rf "$stage/manual"
echo "Staged indstil $("$stage/indstil" --version) in $stage ($(du -k "$stage/indstil" | cut -f1) KB binary)"
