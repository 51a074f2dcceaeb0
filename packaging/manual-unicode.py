#!/usr/bin/env python3
"""Carries æ, ø, å (any non-ASCII character) through swift-argument-parser's generate-manual,
which drops every non-ASCII character from the page it writes.

  manual-unicode.py encode < help.json > ascii.json   each non-ASCII character → a marker
  manual-unicode.py decode < page.1 > page.1          each marker → groff's \\[uXXXX] escape
"""
import re
import sys

MARKER = re.compile(r"QXU([0-9A-F]{4,6})XQ")


def encode(text):
    return "".join(c if ord(c) < 128 else "QXU%04X" % ord(c) + "XQ" for c in text)


def decode(text):
    return MARKER.sub(lambda match: "\\[u%s]" % match.group(1), text)


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("encode", "decode"):
        sys.exit(__doc__)
    source = sys.stdin.read()
    if sys.argv[1] == "encode" and MARKER.search(source):
        sys.exit("manual-unicode.py: the help text already contains a marker (QXU…XQ)")
    sys.stdout.write((encode if sys.argv[1] == "encode" else decode)(source))
