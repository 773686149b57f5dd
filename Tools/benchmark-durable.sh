#!/usr/bin/env bash
# Usage: Tools/benchmark-durable.sh [--no-build] [--scratch-path DIR] [durable-benchmark options: --quick --rounds N --conversations C --messages M --modes memory,normal,full ...]
#
# Durable messages per second through the whole server (BENCHMARKS.md, "Durable messages through
# the whole server"): builds `switchboard` and `durable-benchmark` in release into DIR (default
# .build), then runs DIR/release/durable-benchmark with the other options. It starts its own
# `switchboard serve` per mode and round on a fresh data directory (default under /var/tmp; not
# tmpfs), interleaving the modes --store memory, --sync normal, --sync full, and prints the
# command, machine, file system, every round, the medians per mode and the ratios to memory.
# `DIR/release/durable-benchmark --help` lists its options.
set -euo pipefail

cd "$(dirname "$0")/.."
COMMAND="Tools/benchmark-durable.sh $*"
SCRATCH=.build
BUILD=1
ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --scratch-path) SCRATCH=$2; shift ;;
    -h | --help) sed -n 2p "$0"; exit 0 ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done

if [[ $BUILD == 1 ]]; then
  swift build -c release --scratch-path "$SCRATCH" --product switchboard >&2
  swift build -c release --scratch-path "$SCRATCH" --product durable-benchmark >&2
fi
echo "# wrapper: $COMMAND"
exec "$SCRATCH/release/durable-benchmark" "${ARGS[@]}"
