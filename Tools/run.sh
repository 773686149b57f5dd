#!/usr/bin/env bash
# Usage: Tools/run.sh [SERVE OPTION...]
#
# Runs the Switchboard server in one command, on a fresh Debian 12 machine too: installs what is
# missing (Tools/bootstrap.sh), builds (swift build), then replaces itself with
#   .build/debug/switchboard serve --demo [SERVE OPTION...]
# Options go to `switchboard serve`, such as --port 50052, --config FILE or --log-level debug
# (Tools/run.sh --help lists them). Stop the server with Ctrl-C or SIGTERM. Everything but the
# server's `listening on HOST:PORT` line goes to standard error.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# The toolchain lives in /opt/swift on the project's machines; find it even if PATH lacks it.
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "run: error: no swift on PATH or in /opt/swift" >&2; exit 1; }

Tools/bootstrap.sh >&2
swift build --product switchboard >&2
exec .build/debug/switchboard serve --demo "$@"
