#!/usr/bin/env bash
# Builds the Debian package from the staging folder (`make stage`) with Debian's own tools:
#
#   packaging/build-deb.sh STAGE OUTDIR     prints the path of the .deb it wrote
#
# Version: from the staged binary's `indstil --version` ("0.2.0 (commit 1e0ef2bdf85f)"): the
# plain version when its commit carries the git tag v<version>, else <version>+git<commits>.<commit>
# (~dirty when built from a tree with uncommitted changes). Files go below /usr exactly as
# `make install PREFIX=/usr` puts them, plus /usr/share/doc/indstil/{copyright,changelog.gz}.
# Depends: what dpkg-shlibdeps finds the binary links (libc, libcmark …) and the programs
# indstil starts (and libjs-codemirror, the editor indstil serve serves); Recommends: the programs optional features need.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 STAGE OUTDIR" >&2; exit 2; }
stage=$(realpath "$1") outdir=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."

DEPENDS_PROGRAMS="weasyprint, qpdf, poppler-utils, libjs-codemirror, hunspell-da"
RECOMMENDS="libreoffice-writer-nogui | libreoffice-writer, chromium"
MAINTAINER="indstil maintainers <maintainers@users.noreply.b-seed-685eb333.example>"

said=$("$stage/indstil" --version)
number=${said%% *}
stamp=$(sed -n 's/.*(commit \([0-9a-f]*\)\(-dirty\)\{0,1\})$/\1\2/p' <<< "$said")
commit=${stamp%-dirty}
[ -n "$commit" ] || { echo "build-deb: '$said' names no commit (build with make build)" >&2; exit 1; }
if git describe --tags --exact-match --match "v$number" "$commit" >/dev/null 2>&1 && [ "$stamp" = "$commit" ]; then
  version=$number
else
  version="$number+git$(git rev-list --count "$commit").$commit"
  [ "$stamp" = "$commit" ] || version="$version~dirty"
fi
architecture=$(dpkg --print-architecture)
commit_date=$(git log -1 --format=%cD "$commit")
export SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct "$commit")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
"$here/install.sh" tree "$stage" "$root" /usr

doc="$root/usr/share/doc/indstil"
install -d -m 0755 "$doc"
install -m 0644 "$here/copyright" "$doc/copyright"
{
  printf 'indstil (%s) unstable; urgency=medium\n\n' "$version"
  printf '  * Built from commit %s%s.\n\n' "$(git rev-parse "$commit")" "${stamp#"$commit"}"
  printf ' -- %s  %s\n' "$MAINTAINER" "$commit_date"
} | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

install -d -m 0755 "$root/usr/share/lintian/overrides"
install -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/indstil"

# dpkg-shlibdeps wants a source package around the binary it looks at.
mkdir -p "$work/source/debian"
printf 'Source: indstil\n\nPackage: indstil\nArchitecture: any\n' > "$work/source/debian/control"
libraries=$(cd "$work/source" && dpkg-shlibdeps -O -e"$root/usr/bin/indstil" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$libraries" ] || { echo "build-deb: dpkg-shlibdeps found no libraries for $root/usr/bin/indstil" >&2; exit 1; }

install -d -m 0755 "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<EOF
Package: indstil
Version: $version
Architecture: $architecture
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $libraries, $DEPENDS_PROGRAMS
Recommends: $RECOMMENDS
Section: text
Priority: optional
Description: write, check and publish Danish council recommendations
 indstil checks recommendations (indstillinger) to a Danish city council or
 alderman written in Markdown against a municipality's profile, renders them
 to HTML, PDF, Word and text, and builds agenda packets and report bundles.
 It runs on the command line and in CI pipelines (GitHub, GitLab).
EOF
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$outdir"
package="$outdir/indstil_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$package" >/dev/null
echo "$package"
