"""The README's walk-through stays true: `Tools/demo.py` plays the whole help-page story against
`switchboard serve --demo` (its demo queues, agents and supervisor) and exits 0."""

import subprocess
import sys

import pytest

import interop_server
import interop_support as support
import workflow_support as ws

pytestmark = pytest.mark.skipif(
    interop_server.is_python_peer(), reason="the Python peer server has no switchboard services"
)


def test_demo_walkthrough(tmp_path):
    server = ws.start_server(tmp_path, ["--demo"])
    try:
        result = subprocess.run(
            [
                sys.executable, str(support.REPO / "Tools" / "demo.py"), "--server", server.target,
                "--switchboard", server.command[0], "--token-key-file", str(server.key_file),
            ],
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\n{server.output()}"
        for line in (
            "Alice gets the offer with the preview",
            "transfer note from Alice",
            "survey offered: True",
            "rated 5",
            "resolution: Resolved; survey: 5/5",
            "demo: done",
        ):
            assert line in result.stdout, f"missing {line!r} in:\n{result.stdout}"
        server.check_alive()
    finally:
        ws.stop_server(server)
