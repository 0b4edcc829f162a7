#!/usr/bin/env bash
# Side-by-side benchmarks of the event store: bench/run.sh --quick|--full [--mongodb-uri URI]
# Builds the bench jar (offline, no install) unless it exists, then runs it with enough heap for the memory backend
# (about 5.5 KB per stored document). Results go to bench/results/quick.json or full.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=--quick
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick|--full|--smoke) mode="$1" ;;
    --mongodb-uri) args+=("$1" "$2"); shift ;;
    --only) args+=("$1" "$2"); shift ;;
    --rebuild) rm -rf bench/target ;;  # a fresh repackage, so the jar holds the current shared-kernel
    *) echo "usage: bench/run.sh --quick|--full [--mongodb-uri URI] [--only append|replay|system|commands|lag|lookup|germany] [--rebuild]" >&2; exit 2 ;;
  esac
  shift
done

if [ ! -f bench/target/bench.jar ]; then
  ./mvnw -q -B -o package -pl bench -am -DskipTests
fi

heap="${BENCH_HEAP:-}"
if [ -z "$heap" ]; then
  if [ "$mode" = --full ]; then heap=14g; else heap=8g; fi
fi
# G1, not the parallel collector: the embedded server keeps every document on this heap, and the parallel
# collector's full collections of it stopped every request for seconds (a real MongoDB server has no such pauses)
# GC logs of both JVMs (bench/target/bench-gc.log, standalone-gc.log): a stall in a latency figure is then either a
# collection or not
mkdir -p bench/target
exec java "-Xmx$heap" -XX:+UseG1GC "-Xlog:gc:file=bench/target/bench-gc.log:uptime,time" -jar bench/target/bench.jar "$mode" "${args[@]}"
