#!/bin/sh
# Byte-identity of two indstil builds (issue 26): bench/golden-compare.sh A B
#
# A and B are each an indstil binary (its golden output is recorded now, by bench/golden.py,
# into a temporary folder) or a folder golden.py already wrote (e.g. /work/golden/baseline,
# the output of the build before the refactor). Prints a summary of every difference and
# exits 1 on any; 0 when argv, exit code, stdout, stderr and every written file are identical.
#
# The two binaries are run one after the other (each uses both cores). Extra options for
# golden.py (e.g. --pdf-sample 5, --templates DIR) can be given in GOLDEN_OPTIONS.
#
#   bench/golden-compare.sh /work/golden/baseline .build/release/indstil
#   bench/golden-compare.sh /work/golden/baseline-indstil .build/release/indstil
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 A B   (each an indstil binary or a golden output folder)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/golden-compare-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

golden() {  # $1 binary or folder, $2 name -> prints the folder holding the golden output
    if [ -d "$1" ]; then
        echo "$1"
    else
        # shellcheck disable=SC2086
        python3 "$here/golden.py" ${GOLDEN_OPTIONS:-} "$1" "$scratch/$2" >&2 || exit 2
        echo "$scratch/$2"
    fi
}

a=$(golden "$1" a)
b=$(golden "$2" b)
python3 "$here/golden.py" --compare "$a" "$b"
