"""Start-up refuses a database it must not touch (issue 5, "The store"): a corrupt file, one
from a newer schema version, one locked by a running server. `serve` exits non-zero with a
clear message on stderr, never prints `listening on`, and leaves the file as it was; it never
resets it silently.
"""

import hashlib
import os
import re
import sqlite3
import time

from durability_support import DATABASE, DataDir, finish, stop
from workflow_support import START_TIMEOUT


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(data, what):
    """Runs `serve` on `data`, which must refuse to start; returns its stderr."""
    server = data.spawn(["--sync", "full"])
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while server.process.poll() is None:
            listening = "listening on" in (server.directory / "stdout").read_text(errors="replace")
            assert not listening, f"`serve` on {what} started listening\n{server.output()}"
            assert time.monotonic() < deadline, (
                f"`serve` on {what} did not exit within {START_TIMEOUT:.0f} s\n{server.output()}")
            time.sleep(0.02)
    finally:
        finish(server)
    assert server.process.returncode > 0, (
        f"`serve` on {what} exited with status {server.process.returncode}\n{server.output()}")
    assert "listening on" not in (server.directory / "stdout").read_text(errors="replace")
    return (server.directory / "stderr").read_text(errors="replace")


def test_corrupt_database_stops_startup_untouched(tmp_path):
    data = DataDir(tmp_path)
    data.data_dir.mkdir()
    data.database.write_bytes(b"this is not an SQLite database\n" + os.urandom(16 * 1024))
    before = digest(data.database)
    stderr = refused(data, "a corrupt database")
    assert str(data.database) in stderr, f"stderr does not name the database file:\n{stderr}"
    assert re.search(r"corrupt|not a database|malformed", stderr, re.IGNORECASE), (
        f"stderr does not say the database is corrupt:\n{stderr}")
    assert digest(data.database) == before, "the corrupt database file was changed"


def test_newer_schema_stops_startup_untouched(tmp_path):
    data = DataDir(tmp_path)
    server = data.start(["--sync", "full"])
    try:
        stop(server)
    finally:
        finish(server)
    assert data.database.is_file(), f"no {DATABASE} in {data.data_dir} after a start"
    connection = sqlite3.connect(data.database)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        assert version >= 1, f"the schema version of a fresh database is {version}"
        connection.execute(f"PRAGMA user_version = {version + 1}")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    before = digest(data.database)

    stderr = refused(data, "a database from a newer schema version")
    assert str(data.database) in stderr, f"stderr does not name the database file:\n{stderr}"
    assert re.search(r"newer", stderr, re.IGNORECASE) and str(version + 1) in stderr, (
        f"stderr does not say the schema version {version + 1} is newer:\n{stderr}")
    assert digest(data.database) == before, "the database file was changed"
    connection = sqlite3.connect(data.database)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == version + 1
    finally:
        connection.close()


def test_second_server_on_one_data_dir_is_refused(tmp_path):
    data = DataDir(tmp_path)
    first = data.start(["--sync", "full"])
    try:
        stderr = refused(data, "a data directory in use")
        assert str(data.data_dir) in stderr and re.search(r"in use|locked", stderr, re.IGNORECASE), (
            f"stderr does not say the data directory is in use:\n{stderr}")
        first.check_alive()
        stop(first)
    finally:
        finish(first)
