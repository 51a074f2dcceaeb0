#!/usr/bin/env bash
# Installs indstil from a staging folder (`make stage`) below DESTDIR/PREFIX, or removes it.
#
#   packaging/install.sh install   STAGE DESTDIR PREFIX   copies the files and writes a manifest
#   packaging/install.sh uninstall DESTDIR PREFIX         removes exactly what the manifest lists
#   packaging/install.sh tree      STAGE ROOT PREFIX      the same files without a manifest (the .deb)
#
# What lands below PREFIX:
#   bin/indstil                                      the binary (stripped)
#   share/indstil/Templates/                         the shipped profiles and templates
#   share/man/man1/indstil.1.gz                      the manual page
#   share/bash-completion/completions/indstil        bash completion
#   share/zsh/vendor-completions/_indstil            zsh completion (PREFIX /usr, Debian's place;
#   share/zsh/site-functions/_indstil                 any other PREFIX: zsh's own default)
#   share/fish/vendor_completions.d/indstil.fish     fish completion
#   share/indstil/install-manifest                   (install only) what was installed, for uninstall
#
# The manifest lists every file installed and every folder install created, PREFIX itself
# included, by their paths below DESTDIR ("f /usr/local/bin/indstil", "d /usr/local/share/indstil");
# folders that were there before, such as /usr/local/bin, are not listed and never removed.
set -euo pipefail

MANIFEST_NAME=share/indstil/install-manifest

usage() {
  echo "usage: $0 install STAGE DESTDIR PREFIX | uninstall DESTDIR PREFIX | tree STAGE ROOT PREFIX" >&2
  exit 2
}

# The files to install, as "source<TAB>target mode" lines (target relative to PREFIX).
file_list() {
  local stage=$1 prefix=$2 zsh_folder=share/zsh/site-functions
  [ "$prefix" = /usr ] && zsh_folder=share/zsh/vendor-completions
  printf '%s\t%s %s\n' \
    "$stage/indstil" bin/indstil 0755 \
    "$stage/indstil.1.gz" share/man/man1/indstil.1.gz 0644 \
    "$stage/completions/indstil.bash" share/bash-completion/completions/indstil 0644 \
    "$stage/completions/_indstil" "$zsh_folder/_indstil" 0644 \
    "$stage/completions/indstil.fish" share/fish/vendor_completions.d/indstil.fish 0644
  (cd "$stage/Templates" && find . -type f | LC_ALL=C sort) | while read -r file; do
    printf '%s\t%s %s\n' "$stage/Templates/${file#./}" "share/indstil/Templates/${file#./}" 0644
  done
}

# Creates DESTDIR/PATH (PATH absolute) and its missing parents, printing "d PATH" for each
# folder it created, top first.
make_folder() {
  local destdir=$1 path=$2
  local parent
  [ -d "$destdir$path" ] && return 0
  parent=$(dirname "$path")
  [ "$parent" != / ] && make_folder "$destdir" "$parent"
  mkdir -m 0755 "$destdir$path"
  echo "d $path"
}

copy_files() {
  local stage=$1 destdir=$2 prefix=$3 record=$4
  local source target mode
  [ -x "$stage/indstil" ] || { echo "install: $stage/indstil is missing (run make stage)" >&2; exit 1; }
  [[ $prefix == /* ]] || { echo "install: PREFIX must be an absolute path, not '$prefix'" >&2; exit 1; }
  prefix=${prefix%/}
  [ -z "$destdir" ] || mkdir -p "$destdir"
  while IFS=$'\t' read -r source rest; do
    target=$prefix/${rest% *}; mode=${rest##* }
    make_folder "$destdir" "$(dirname "$target")" >> "$record"
    install -m "$mode" "$source" "$destdir$target"
    echo "f $target" >> "$record"
  done < <(file_list "$stage" "$prefix")
}

install_with_manifest() {
  local stage=$1 destdir=$2 prefix=$3
  local root="$destdir${prefix%/}" record
  if [ -f "$root/$MANIFEST_NAME" ]; then
    echo "install: indstil is already installed in $root; run make uninstall first" >&2
    exit 1
  fi
  record=$(mktemp)
  trap 'rm -f "$record"' RETURN
  copy_files "$stage" "$destdir" "$prefix" "$record"
  echo "f ${prefix%/}/$MANIFEST_NAME" >> "$record"
  install -m 0644 "$record" "$root/$MANIFEST_NAME"
  echo "Installed indstil in $root ($(grep -c '^f ' "$record") files; $MANIFEST_NAME lists them)"
}

uninstall_with_manifest() {
  local destdir=$1 prefix=$2
  local root="$destdir${prefix%/}" manifest entry
  manifest="$root/$MANIFEST_NAME"
  if [ ! -f "$manifest" ]; then
    echo "uninstall: $manifest not found: nothing installed by make install in $root" >&2
    exit 1
  fi
  # Files first, then the folders install created, deepest first (only when empty).
  local kept
  kept=$(mktemp)
  cp "$manifest" "$kept"
  grep '^f ' "$kept" | while read -r _ entry; do rm -f "$destdir$entry"; done
  grep '^d ' "$kept" | sed 's/^d //' | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2- |
    while read -r entry; do rmdir "$destdir$entry" 2>/dev/null || echo "uninstall: kept $destdir$entry (not empty)" >&2; done
  echo "Removed indstil from $root ($(grep -c '^f ' "$kept") files)"
  rm -f "$kept"
}

[ $# -ge 1 ] || usage
command=$1; shift
case "$command" in
  install)   [ $# -eq 3 ] || usage; install_with_manifest "$1" "$2" "$3" ;;
  uninstall) [ $# -eq 2 ] || usage; uninstall_with_manifest "$1" "$2" ;;
  tree)      [ $# -eq 3 ] || usage; copy_files "$1" "$2" "$3" /dev/null ;;
  *)         usage ;;
esac
