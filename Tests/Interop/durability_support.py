"""Helpers of the durability suite (test_durability_*.py, issue 5): a `switchboard serve` that is
started, killed and started again on one data directory, connections to it, and small
filesystems made by the test (a tmpfs with a size limit, a loop-mounted ext4 image) for the
fault cases.

Unlike the workflow suite's module server, the server here belongs to one test: `DataDir`
keeps the data directory and the token key across starts, so tokens minted once (and customer
tokens handed out by StartConversation) stay valid after a restart, and every start gets its
own run directory for the server's stdout and stderr.
"""

import contextlib
import errno
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import grpc
import pytest

import interop_server
import interop_support as support
from workflow_support import (
    CALL_TIMEOUT,
    LISTENING,
    START_TIMEOUT,
    Client,
    Code,
    Server,
    configure_defaults,
    duration,
    load_protos,
    switchboard_binary,
)

DATABASE = "switchboard.sqlite"
KILL_TIMEOUT = 10.0


# --- the server on one data directory -----------------------------------------------------------


class DataDir:
    """A data directory and token key that outlive the server processes started on them."""

    def __init__(self, root, data_dir=None):
        if interop_server.is_python_peer():
            pytest.skip("INTEROP_SERVER=python: the grpcio reference peer has no store")
        self.root = Path(root)
        self.data_dir = Path(data_dir) if data_dir is not None else self.root / "data"
        self.key_file = self.root / "token.key"
        self.key_file.write_text(secrets.token_hex(32))
        self.runs = 0
        self.tokens = {}
        self.lock = threading.Lock()

    @property
    def database(self):
        return self.data_dir / DATABASE

    def command(self, extra_args=()):
        return [
            str(switchboard_binary()), "serve", "--host", "127.0.0.1", "--port", "0",
            "--data-dir", str(self.data_dir), "--token-key-file", str(self.key_file), *extra_args,
        ]

    def spawn(self, extra_args=()):
        """Starts `switchboard serve` on the directory without waiting; returns the Server
        (host and port unset)."""
        self.runs += 1
        run_dir = self.root / f"run-{self.runs}"
        run_dir.mkdir()
        command = self.command(extra_args)
        with open(run_dir / "stdout", "wb") as stdout, open(run_dir / "stderr", "wb") as stderr:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, cwd=support.REPO,
                start_new_session=True,
            )
        return Server(command, process, run_dir, self.key_file)

    def start(self, extra_args=()):
        """Starts `switchboard serve` and waits for its `listening on` line."""
        server = self.spawn(extra_args)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            match = LISTENING.search((server.directory / "stdout").read_text(errors="replace"))
            if match:
                server.host, server.port = match.group(1), int(match.group(2))
                if server.host in ("0.0.0.0", "::"):
                    server.host = "127.0.0.1"
                return server
            if server.process.poll() is not None:
                pytest.fail(
                    f"`{' '.join(server.command)}` exited with status {server.process.returncode} "
                    f"before printing `listening on`\n{server.output()}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                interop_server.stop_process(server.process)
                pytest.fail(f"`{' '.join(server.command)}` did not start within {START_TIMEOUT:.0f} s"
                            f"\n{server.output()}", pytrace=False)
            time.sleep(0.02)

    def token(self, server, role, subject):
        """A token minted with the directory's key (cached: it stays valid across restarts)."""
        key = (role, subject)
        with self.lock:
            cached = self.tokens.get(key)
        if cached is None:
            cached = server.mint(role, subject)
            with self.lock:
                self.tokens[key] = cached
        return cached


def kill9(server):
    """SIGKILL to the server (no chance to flush or close anything); waits until it is gone."""
    if server.process.poll() is None:
        os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(KILL_TIMEOUT)
    assert server.process.returncode == -signal.SIGKILL, (
        f"the server exited with status {server.process.returncode} before it was killed\n"
        f"{server.output()}"
    )


def stop(server):
    """SIGTERM; asserts the server ends cleanly (status 0 or by the signal itself)."""
    already_exited = server.process.poll()
    by_sigterm = interop_server.stop_process(server.process)
    assert already_exited is None, (
        f"the server exited with status {already_exited} before it was stopped\n{server.output()}"
    )
    assert by_sigterm, f"the server ignored SIGTERM\n{server.output()}"
    assert server.process.returncode in (0, -signal.SIGTERM), (
        f"the server exited with status {server.process.returncode} on SIGTERM\n{server.output()}"
    )


def finish(server):
    """Teardown: ends the server whatever state it is in (SIGKILL to its group if needed)."""
    if server is not None and server.process.poll() is None:
        interop_server.stop_process(server.process)


class Connection:
    """One channel to one server process, with clients by principal; `close` cancels the
    streams opened through it and closes the channel."""

    def __init__(self, data, server, P):
        self.data = data
        self.server = server
        self.P = P
        self.channel = grpc.insecure_channel(server.target)
        self.streams = []
        self.lock = threading.Lock()
        grpc.channel_ready_future(self.channel).result(timeout=CALL_TIMEOUT)

    def register(self, reader):
        with self.lock:
            self.streams.append(reader)

    def client(self, role, subject):
        token = self.data.token(self.server, role, subject)
        return Client(self.P, self.channel, token, f"{role}:{subject}", self.register)

    def token_client(self, token, label):
        return Client(self.P, self.channel, token, label, self.register)

    def close(self):
        with self.lock:
            streams = list(self.streams)
        for reader in streams:
            reader.cancel()
        self.channel.close()


def protos(protos_python):
    """The generated switchboard.v1 modules (the fixture `protos_python` must have run)."""
    assert protos_python
    return load_protos()


def configure(admin, P, queues, agents):
    """The default categories and survey settings, the `queues` (ids) and `agents`
    ({agent id: (queue ids, capacity)})."""
    configure_defaults(admin, P)
    for queue_id in queues:
        admin.admin.CreateQueue(queue=P.QueueConfig(
            queue_id=queue_id, name=f"Queue {queue_id}", offer_timeout=duration(30)))
    for agent_id, (queue_ids, capacity) in agents.items():
        admin.admin.UpsertAgent(agent=P.AgentProfile(
            agent_id=agent_id, display_name=f"Agent {agent_id}", role=P.ROLE_AGENT,
            queue_ids=list(queue_ids), capacity=capacity))


def is_store_failure(code, details):
    """True for the status of a write the store could not make durable."""
    text = (details or "").lower()
    return code == Code.UNAVAILABLE and "store" in text and "write" in text


def durable(reader):
    """The durable ConversationEvents received on a Follow/Monitor reader so far."""
    return [item.event for item in reader.all() if not item.event.ephemeral]


def read_durable_through(reader, last_sequence, timeout=5.0):
    """Durable events of a Follow/Monitor reader until one with `last_sequence` arrived."""
    deadline = time.monotonic() + timeout
    while True:
        events = durable(reader)
        if events and events[-1].sequence >= last_sequence:
            return events
        if reader.status is not None or time.monotonic() > deadline:
            raise AssertionError(
                f"{reader.label}: expected durable events through sequence {last_sequence}, got "
                f"{[(e.sequence, e.WhichOneof('kind')) for e in events]}; status {reader.status}")
        time.sleep(0.01)


# --- small filesystems ----------------------------------------------------------------------------


def require_root_mounts():
    """Skips the test unless it runs as root with a usable `mount`."""
    if os.geteuid() != 0:
        pytest.skip("the fault tests mount small filesystems and need root")
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("`mount`/`umount` are not installed")


def run_tool(command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    return result.returncode, (result.stdout + result.stderr).strip()


@contextlib.contextmanager
def tmpfs(size):
    """A tmpfs of `size` (e.g. "8m") mounted on a new temporary directory; skips the test if
    mounting is not permitted; always unmounted on exit."""
    require_root_mounts()
    mount_point = Path(tempfile.mkdtemp(prefix="sb-tmpfs-"))
    status, output = run_tool(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                               str(mount_point)])
    if status != 0:
        mount_point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {output}")
    try:
        yield mount_point
    finally:
        unmount(mount_point)


@contextlib.contextmanager
def ext4_image(size_mb):
    """An ext4 filesystem in a `size_mb` MiB image file, loop-mounted on a new temporary
    directory; skips the test if that is not possible; always unmounted on exit."""
    require_root_mounts()
    if shutil.which("mkfs.ext4") is None:
        pytest.skip("mkfs.ext4 is not installed")
    work = Path(tempfile.mkdtemp(prefix="sb-ext4-"))
    image = work / "disk.img"
    mount_point = work / "mnt"
    mount_point.mkdir()
    try:
        with open(image, "wb") as handle:
            handle.truncate(size_mb * 1024 * 1024)
        status, output = run_tool(["mkfs.ext4", "-q", "-F", str(image)])
        if status != 0:
            pytest.skip(f"mkfs.ext4 failed: {output}")
        status, output = run_tool(["mount", "-o", "loop", str(image), str(mount_point)])
        if status != 0:
            pytest.skip(f"cannot loop-mount an ext4 image here: {output}")
        try:
            yield mount_point
        finally:
            unmount(mount_point)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def unmount(mount_point):
    """Unmounts (retrying while a process still lets go of it, then lazily) and removes the
    mount point."""
    for _ in range(50):
        status, output = run_tool(["umount", str(mount_point)])
        if status == 0 or not os.path.ismount(mount_point):
            break
        time.sleep(0.1)
    else:
        run_tool(["umount", "-l", str(mount_point)])
    assert not os.path.ismount(mount_point), f"{mount_point} is still mounted: {output}"
    with contextlib.suppress(OSError):
        mount_point.rmdir()


def fill(directory, name="filler"):
    """Writes a file into `directory` until the filesystem is full; returns its path."""
    path = Path(directory) / name
    chunk = b"\0" * (64 * 1024)
    with open(path, "wb", buffering=0) as handle:
        for size in (len(chunk), 4096, 512, 1):
            while True:
                try:
                    handle.write(chunk[:size])
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    return path


def set_immutable(paths, on):
    """`chattr +i` / `-i` on `paths` (ext4: writes to open files fail with EPERM)."""
    status, output = run_tool(["chattr", "+i" if on else "-i", *map(str, paths)])
    assert status == 0, f"chattr failed: {output}"
