#!/usr/bin/env bash
# Makes the Word templates indstil's tests and the Vesterå example use, with LibreOffice,
# from flat ODT sources written by hand (one .fodt per template; the logo is the .svg
# beside it, put in where the .fodt says LOGO:<file>):
#
#   testkommune.fodt -> Tests/Fixtures/word-template/testkommune.dotx
#   vesteraa.fodt    -> examples/vesteraa/profiles/vesteraa-byraad/skabelon.dotx
#
# Run from anywhere: bash Tests/Fixtures/word-template/make-template.sh
# Needs soffice (apt package libreoffice-writer-nogui). The .dotx files are committed;
# LibreOffice writes today's date into them, so a new run gives new bytes, not a new look.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_template() {
  local source=$1 target=$2 name
  name=$(basename "$source" .fodt)
  # The logo as base64 in place of the marker LOGO:<file>.
  python3 - "$here/$source" "$work/$name.fodt" <<'PY'
import base64, pathlib, re, sys
source = pathlib.Path(sys.argv[1])
text = source.read_text(encoding="utf-8")
text = re.sub(r"LOGO:([\w.-]+)", lambda m: base64.b64encode((source.parent / m.group(1)).read_bytes()).decode(), text)
pathlib.Path(sys.argv[2]).write_text(text, encoding="utf-8")
PY
  soffice "-env:UserInstallation=file://$work/profile" --headless \
    --convert-to 'dotx:MS Word 2007 XML Template' --outdir "$work" "$work/$name.fodt" >/dev/null
  mkdir -p "$(dirname "$root/$target")"
  cp "$work/$name.dotx" "$root/$target"
  echo "wrote $target"
}

make_template testkommune.fodt Tests/Fixtures/word-template/testkommune.dotx
make_template vesteraa.fodt examples/vesteraa/profiles/vesteraa-byraad/skabelon.dotx
