#!/bin/bash
# Builds the libFuzzer targets (swiftc -sanitize=fuzzer,address) into Fuzz/.build-fuzz/release/.
#   Fuzz/build.sh                 both targets
#   Fuzz/build.sh FuzzDocument    one target
set -euo pipefail
cd "$(dirname "$0")"
SWIFT=${SWIFT:-swift}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
products=("$@")
[ ${#products[@]} -gt 0 ] || products=(FuzzDocument FuzzBundleManifest)
for product in "${products[@]}"; do
  "$SWIFT" build --scratch-path "$SCRATCH" -c release --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link \
    -Xswiftc -parse-as-library \
    --product "$product"
done
