#!/bin/bash
# Runs one libFuzzer target built by Fuzz/build.sh.
#   Fuzz/run.sh FuzzDocument 600              fuzz for 600 s
#   Fuzz/run.sh FuzzBundleManifest 60 -jobs=2 extra libFuzzer flags after the seconds
#
# New inputs go to Fuzz/.build-fuzz/corpus/<name>/ (not committed); the committed seeds in
# Fuzz/corpus/<name>/ and the regression inputs in Tests/Fixtures/fuzz/<name>/ are read too.
# Crashes, timeouts and OOMs are written to Fuzz/crashers/<name>-crash-…; the log to
# Fuzz/.build-fuzz/logs/<target>.log, whose last lines hold the run count (stat::number_of_executed_units).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: Fuzz/run.sh FuzzDocument|FuzzBundleManifest [seconds] [libFuzzer flags…]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  FuzzDocument)       name=document; max_len=32768 ;;
  FuzzBundleManifest) name=bundle;   max_len=8192 ;;
  *) echo "unknown fuzz target $target" >&2; exit 2 ;;
esac
binary=.build-fuzz/release/$target
[ -x "$binary" ] || { echo "$binary is missing; run Fuzz/build.sh $target first" >&2; exit 1; }
work=.build-fuzz/corpus/$name
mkdir -p "$work" crashers .build-fuzz/logs ../Tests/Fixtures/fuzz/$name
log=.build-fuzz/logs/$target.log
echo "fuzz: $target for ${seconds}s (log: Fuzz/$log)"
status=0
"$binary" "$work" "corpus/$name" "../Tests/Fixtures/fuzz/$name" \
  -dict="$name.dict" -max_len="$max_len" -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="crashers/$name-" "$@" > "$log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz: $target stopped with status $status; see Fuzz/$log and Fuzz/crashers/" >&2
  grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" >&2 || true
fi
exit "$status"
