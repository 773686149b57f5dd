"""Starts and stops the gRPC server that test_grpc_interop.py and test_http2_raw.py run against.

Which server (environment):
  INTEROP_SERVER   unset or `switchboard`: the Swift server, `SWITCHBOARD_BIN interop-server
                   --port N`; `python`: the grpcio reference peer,
                   Tools/peers/grpcio_interop_server.py
  SWITCHBOARD_BIN  the switchboard executable (default .build/debug/switchboard; relative to the
                   repository root)
  INTEROP_HOST     the address the suite connects to (default 127.0.0.1)

The Swift server must exist: a missing executable fails the suite, it is never skipped.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import interop_support as support

PYTHON_PEER = support.REPO / "Tools" / "peers" / "grpcio_interop_server.py"
DEFAULT_BIN = ".build/debug/switchboard"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0


def server_kind():
    kind = os.environ.get("INTEROP_SERVER", "switchboard") or "switchboard"
    if kind not in ("switchboard", "python"):
        pytest.fail(f"INTEROP_SERVER={kind!r}: expected `switchboard` (the default) or `python`")
    return kind


def is_python_peer():
    return server_kind() == "python"


def peer_limitation(reason):
    """Marks a test whose assertion is what GRPC-WIRE.md requires but which the grpcio reference
    peer is known not to meet (`reason` says what it does instead). It is an expected failure
    against the peer only, and strict: should the peer start passing, the mark must go. Against
    the Swift server the test is an ordinary one."""
    return pytest.mark.xfail(
        os.environ.get("INTEROP_SERVER") == "python",
        reason=f"grpcio reference peer: {reason}",
        strict=True,
    )


def free_port(host):
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def server_command(port):
    if is_python_peer():
        return [sys.executable, str(PYTHON_PEER), "--port", str(port)]
    binary = Path(os.environ.get("SWITCHBOARD_BIN") or DEFAULT_BIN)
    if not binary.is_absolute():
        binary = support.REPO / binary
    if not binary.is_file() or not os.access(binary, os.X_OK):
        pytest.fail(
            f"the Swift server {binary} does not exist (or is not executable): build it with "
            "`swift build`, set SWITCHBOARD_BIN, or run against the reference peer with "
            "INTEROP_SERVER=python",
            pytrace=False,
        )
    return [str(binary), "interop-server", "--port", str(port)]


@dataclass
class RunningServer:
    command: list
    process: subprocess.Popen
    host: str
    port: int
    log_dir: Path

    @property
    def target(self):
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def output(self, limit=8000):
        """The server's captured stdout and stderr (their last `limit` characters each)."""
        parts = []
        for name in ("stdout", "stderr"):
            text = (self.log_dir / name).read_text(errors="replace")
            parts.append(f"--- server {name} ---\n{text[-limit:]}")
        return "\n".join(parts)

    def check_alive(self):
        status = self.process.poll()
        assert status is None, (
            f"the server `{' '.join(self.command)}` exited with status {status}\n{self.output()}"
        )


def accepts_connections(host, port):
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


def start(log_dir):
    host = os.environ.get("INTEROP_HOST", "127.0.0.1")
    port = free_port(host)
    command = server_command(port)
    log_dir = Path(log_dir)
    with open(log_dir / "stdout", "wb") as stdout, open(log_dir / "stderr", "wb") as stderr:
        # Its own session, so that a server that must be killed goes with any children it has.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            cwd=support.REPO,
            start_new_session=True,
        )
    server = RunningServer(command, process, host, port, log_dir)
    deadline = time.monotonic() + START_TIMEOUT
    while not accepts_connections(host, port):
        if process.poll() is not None:
            pytest.fail(
                f"`{' '.join(command)}` exited with status {process.returncode} before it "
                f"accepted connections on {server.target}\n{server.output()}",
                pytrace=False,
            )
        if time.monotonic() > deadline:
            stop_process(process)
            pytest.fail(
                f"`{' '.join(command)}` did not accept connections on {server.target} within "
                f"{START_TIMEOUT:.0f} s\n{server.output()}",
                pytrace=False,
            )
        time.sleep(0.05)
    return server


def stop_process(process):
    """SIGTERM to the server, then SIGKILL to its process group after STOP_TIMEOUT; returns
    whether SIGTERM alone ended it."""
    if process.poll() is not None:
        return True
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT)
        return True
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(STOP_TIMEOUT)
        return False


def stop(server):
    """Stops the server and asserts it went on SIGTERM (with status 0, or by the signal itself)."""
    already_exited = server.process.poll()
    by_sigterm = stop_process(server.process)
    assert already_exited is None, (
        f"the server exited with status {already_exited} before the end of the suite\n"
        f"{server.output()}"
    )
    assert by_sigterm, (
        f"the server did not exit within {STOP_TIMEOUT:.0f} s of SIGTERM and was killed\n"
        f"{server.output()}"
    )
    assert server.process.returncode in (0, -signal.SIGTERM), (
        f"the server exited with status {server.process.returncode} on SIGTERM\n{server.output()}"
    )
