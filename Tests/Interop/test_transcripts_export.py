"""`switchboard transcripts export`: JSON Lines read from the database of a running server.

Two conversations in two queues are handled and closed over gRPC; the CLI, run on the server's
data directory while it serves, prints them oldest closed first, each line the proto3 JSON form
of switchboard.v1.Transcript (checked by parsing it with protobuf's own JSON parser), and its
filters select them.
"""

import json
import subprocess

from google.protobuf import json_format

from workflow_support import (  # noqa: F401 (fixtures)
    sb,
    switchboard,
    switchboard_binary,
)


def export(data_dir, *args):
    """The completed `switchboard transcripts export --data-dir DATA_DIR ARGS` (text)."""
    command = [str(switchboard_binary()), "transcripts", "export", "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def exported(data_dir, *args):
    """The transcripts the export prints, as JSON objects (it must succeed)."""
    result = export(data_dir, *args)
    assert result.returncode == 0, f"export {args} failed ({result.returncode}):\n{result.stderr}"
    return [json.loads(line) for line in result.stdout.splitlines()]


def handled(sb, queue_id, customer_text, agent_text, note):
    """A conversation in `queue_id` with one message each way and an internal note, closed."""
    agent = sb.agent([queue_id])
    customer = sb.conversation(queue_id, initial_message=customer_text)
    agent.take_conversation(customer.conversation_id)
    agent.say(customer.conversation_id, agent_text)
    agent.client.agents.AddNote(
        conversation_id=customer.conversation_id, text=note, client_message_id=f"note-{customer.conversation_id}")
    agent.close(customer.conversation_id, "resolved", "all good")
    return customer.conversation_id, agent.agent_id


def test_export_prints_closed_transcripts_as_json_lines(sb):
    P = sb.P
    data_dir = sb.server.directory / "data"
    first_queue, second_queue = sb.queue("exp"), sb.queue("exp")
    first, first_agent = handled(sb, first_queue, "Where is my refund?", "Sent today.", "checked")
    second, _ = handled(sb, second_queue, "Password reset?", "Done.", "verified identity")
    open_one = sb.conversation(first_queue, initial_message="still waiting").conversation_id

    lines = exported(data_dir)
    ids = [line["conversation"]["conversation_id"] for line in lines]
    assert first in ids and second in ids and open_one not in ids, ids
    assert ids.index(first) < ids.index(second), "oldest closed first"
    by_id = {line["conversation"]["conversation_id"]: line for line in lines}

    one = by_id[first]
    # Every line is switchboard.v1.Transcript in proto3 JSON.
    parsed = json_format.ParseDict(one, P.Transcript())
    assert parsed.conversation.queue_id == first_queue
    assert parsed.conversation.state == P.CONVERSATION_STATE_CLOSED
    assert one["conversation"]["state"] == "CONVERSATION_STATE_CLOSED"
    assert one["resolution"]["category_id"] == "resolved"
    assert one["resolution"]["notes"] == "all good"
    assert one["resolution"]["closed_at"].endswith("Z")
    texts = [(m["text"], m["visibility"]) for m in one["messages"]]
    assert texts == [
        ("Where is my refund?", "MESSAGE_VISIBILITY_PUBLIC"),
        ("Sent today.", "MESSAGE_VISIBILITY_PUBLIC"),
        ("checked", "MESSAGE_VISIBILITY_INTERNAL_NOTE"),
    ], texts
    sequences = [int(m["sequence"]) for m in one["messages"]]
    assert sequences == sorted(sequences), sequences
    # The CLI agrees with GetTranscript (internal view), field for field.
    assert parsed == sb.transcript(first, internal=True)

    # --public: what the customer sees; the note and closing details are gone.
    public = {line["conversation"]["conversation_id"]: line for line in exported(data_dir, "--public")}
    assert [m["text"] for m in public[first]["messages"]] == ["Where is my refund?", "Sent today."]
    assert public[first]["resolution"]["notes"] == ""
    assert json_format.ParseDict(public[first], P.Transcript()) == sb.transcript(first, internal=False)

    # Filters.
    assert [line["conversation"]["conversation_id"] for line in exported(data_dir, "--queue", first_queue)] == [first]
    both = exported(data_dir, "--queue", first_queue, "--queue", second_queue)
    assert [line["conversation"]["conversation_id"] for line in both] == [first, second]
    assert [line["conversation"]["conversation_id"] for line in exported(data_dir, "--agent", first_agent)] == [first]
    assert exported(data_dir, "--queue", first_queue, "--closed-before", "2000-01-01") == []
    after = exported(data_dir, "--queue", second_queue, "--closed-after", "2000-01-01T00:00:00Z")
    assert [line["conversation"]["conversation_id"] for line in after] == [second]


def test_export_without_database_fails_clearly(tmp_path):
    result = export(tmp_path / "nothing-here")
    assert result.returncode != 0
    assert result.stdout == ""
    assert "there is no database at" in result.stderr, result.stderr


def test_export_rejects_bad_times(tmp_path):
    result = export(tmp_path, "--closed-after", "yesterday")
    assert result.returncode != 0
    assert "is not an RFC 3339 time" in result.stderr, result.stderr
