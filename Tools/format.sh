#!/usr/bin/env bash
# Usage: Tools/format.sh [--lint] [PATH...]
#
# Formats the Swift code in place with `swift format` (shipped with the toolchain) and the
# repository's .swift-format (grpc-swift-2's style: 2 spaces, 100 columns). With --lint, changes
# nothing and exits non-zero if any file is not formatted or breaks a lint rule.
# PATHs default to Sources/ Tests/ Tools/ (those that exist).
set -euo pipefail

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; }

lint=false
paths=()
for argument in "$@"; do
  case "$argument" in
    --lint | -l) lint=true ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*)
      usage
      exit 2
      ;;
    *) paths+=("$argument") ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi

if [[ ${#paths[@]} -eq 0 ]]; then
  for directory in Sources Tests Tools; do
    [[ -d "$directory" ]] && paths+=("$directory")
  done
fi

if "$lint"; then
  if ! swift format lint --configuration .swift-format --parallel --recursive --strict "${paths[@]}"; then
    echo "format.sh: swift format lint found problems; Tools/format.sh fixes the formatting ones" >&2
    exit 1
  fi
  echo "format.sh: lint clean (${paths[*]})"
else
  swift format format --configuration .swift-format --parallel --recursive --in-place "${paths[@]}"
  echo "format.sh: formatted ${paths[*]}"
fi
