#!/usr/bin/env bash
# Usage: Tools/test.sh
#
# The one test command (CI runs it through .ci/run). In order, stopping at the first failure:
#   1. Tools/bootstrap.sh                      install what is missing (Debian packages, .venv/)
#   2. Tools/regenerate-reference.sh --check   generated code is current: the libprotobuf-c
#      Tools/generate-descriptor-set.sh --check  reference code and reflection's descriptor set
#   3. swift build --build-tests -Xswiftc -warnings-as-errors   (everything, `switchboard` too)
#   4. swift test --skip-build
#   5. .venv/bin/python -m pytest Tests/Interop -q   against the `switchboard` just built
# Exits non-zero if any step failed.
set -euo pipefail

if [[ $# -gt 0 ]]; then
  case "$1" in
    -h | --help)
      sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: Tools/test.sh" >&2
      exit 2
      ;;
  esac
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# The toolchain lives in /opt/swift on the project's machines; find it even if PATH lacks it.
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi

step_count=5
step_number=0
step_name=""
step_started=0
started=$SECONDS

step() {
  step_number=$((step_number + 1))
  step_name="$1"
  step_started=$SECONDS
  printf '\n==> [%d/%d] %s\n\n' "$step_number" "$step_count" "$step_name"
}

step_done() {
  printf '\n--- %s: ok (%ds)\n' "$step_name" $((SECONDS - step_started))
}

on_exit() {
  local status=$?
  if [[ $status -ne 0 && -n "$step_name" ]]; then
    printf '\n*** Tools/test.sh FAILED at step %d/%d (%s), exit %d, after %ds\n' \
      "$step_number" "$step_count" "$step_name" "$status" $((SECONDS - started)) >&2
  fi
}
trap on_exit EXIT

step "bootstrap"
Tools/bootstrap.sh
step_done

step "generated code is current"
bash Tools/regenerate-reference.sh --check
bash Tools/generate-descriptor-set.sh --check
step_done

step "swift build (warnings are errors)"
swift build --build-tests -Xswiftc -warnings-as-errors
# The server that Tests/Interop starts (interop_server.py) is the one just built.
SWITCHBOARD_BIN="$(swift build --show-bin-path)/switchboard"
[[ -x "$SWITCHBOARD_BIN" ]] || { echo "the build made no $SWITCHBOARD_BIN" >&2; exit 1; }
export SWITCHBOARD_BIN
step_done

step "swift test"
swift test --skip-build
step_done

step "pytest Tests/Interop"
pytest_status=0
.venv/bin/python -m pytest Tests/Interop -q || pytest_status=$?
if [[ $pytest_status -eq 5 ]]; then
  # pytest's 5 means it collected no tests: an error only if there are test files to collect.
  if [[ -n "$(find Tests/Interop -name 'test_*.py' -o -name '*_test.py' | head -n 1)" ]]; then
    echo "pytest collected no tests, but Tests/Interop has test files" >&2
    exit 5
  fi
  echo "no Python test files in Tests/Interop yet"
elif [[ $pytest_status -ne 0 ]]; then
  exit "$pytest_status"
fi
step_done

printf '\n==> Tools/test.sh: all %d steps passed in %ds\n' "$step_count" $((SECONDS - started))
