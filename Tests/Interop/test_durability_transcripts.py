"""Transcripts and the event feed are read from the database across restarts (issue 5,
"Transcripts"): conversations in two queues are handled and closed, then the server is stopped
(SIGTERM) and started again on the same data directory, and later killed (SIGKILL) and started
again. Each time GetTranscript (the handling agent's, a supervisor's and the customer's views),
SearchTranscripts (by text, queue, agent, resolution category and closing time),
ExportTranscripts and WatchEvents from cursor 0 answer exactly as before, and the permission
rules still hold for conversations no longer in the server's memory.
"""

import time

from google.protobuf import timestamp_pb2

from durability_support import Connection, DataDir, finish, kill9, protos, stop
from workflow_support import (
    Agent,
    Code,
    configure_defaults,
    expect_status,
    list_all,
    WAIT,
)

QUEUES = {"billing": "sam", "technical": "tess"}  # queue id: its supervisor
AGENTS = {"alice": "billing", "bob": "technical"}


def configure(admin, P):
    configure_defaults(admin, P)
    for supervisor in QUEUES.values():
        admin.admin.UpsertAgent(agent=P.AgentProfile(
            agent_id=supervisor, display_name=supervisor.title(), role=P.ROLE_SUPERVISOR, capacity=1))
    for queue_id, supervisor in QUEUES.items():
        admin.admin.CreateQueue(queue=P.QueueConfig(
            queue_id=queue_id, name=queue_id.title(), supervisor_ids=[supervisor]))
    for agent_id, queue_id in AGENTS.items():
        admin.admin.UpsertAgent(agent=P.AgentProfile(
            agent_id=agent_id, display_name=agent_id.title(), role=P.ROLE_AGENT,
            queue_ids=[queue_id], capacity=3))


def handle(connection, P, agents, queue_id, text, note, category, notes=""):
    """A conversation in `queue_id`: the customer writes `text`, the queue's agent replies, adds
    the internal `note` and closes with `category`; returns (conversation id, customer token)."""
    agent = agents[next(a for a, q in AGENTS.items() if q == queue_id)]
    bot = connection.client("bot", "bot-main")
    started = bot.conversations.StartConversation(
        queue_id=queue_id, subject=f"About {queue_id}", initial_message="Hello",
        customer=P.CustomerInfo(customer_id=f"cust-{queue_id}", display_name="Dana Customer"))
    conversation_id = started.conversation_id
    customer = connection.token_client(started.customer_token, f"customer:{conversation_id}")
    agent.take_conversation(conversation_id)
    customer.conversations.SendMessage(
        conversation_id=conversation_id, text=text, client_message_id="c-1")
    agent.say(conversation_id, "Let me check that for you.", "a-1")
    agent.client.agents.AddNote(conversation_id=conversation_id, text=note, client_message_id="n-1")
    agent.close(conversation_id, category, notes)
    return conversation_id, started.customer_token


def views(connection, conversation_id, customer_token, agent_id, supervisor_id):
    """(agent's internal view, supervisor's internal view, customer's public view)."""
    def get(client, internal):
        return client.transcripts.GetTranscript(
            conversation_id=conversation_id, include_internal=internal).transcript
    return (
        get(connection.client("agent", agent_id), True),
        get(connection.client("supervisor", supervisor_id), True),
        get(connection.token_client(customer_token, "customer"), False),
    )


def searches(connection, P, closed_range):
    """The results (ids, snippets, total) of a fixed set of searches by admin and by sam."""
    admin = connection.client("admin", "admin")
    sam = connection.client("supervisor", "sam")
    queries = {
        "text": (admin, dict(text="REFUND")),
        "note text": (admin, dict(text="loyal")),
        "queue": (admin, dict(queue_id="technical")),
        "agent": (admin, dict(agent_id="alice")),
        "category": (admin, dict(resolution_category_id="refund-issued")),
        "time range": (admin, dict(closed=closed_range)),
        "supervisor reach": (sam, dict()),
    }
    results = {}
    for name, (client, request) in queries.items():
        response = client.transcripts.SearchTranscripts(page_size=10, **request)
        results[name] = (
            [(hit.conversation_id, hit.resolution_category_id, hit.snippet) for hit in response.results],
            response.total_estimate,
        )
    return results


def export(connection, P, **request):
    """Every transcript ExportTranscripts streams to admin, with the resume tokens."""
    reader = connection.client("admin", "admin").transcripts.ExportTranscripts(**request)
    status = reader.wait_end(timeout=WAIT * 2)
    assert status[0] == Code.OK, status
    return [(item.transcript, item.resume_token) for item in reader.all()]


def feed(connection, count):
    """The first `count` events of WatchEvents from cursor 0 (cursor, id, kind, conversation)."""
    reader = connection.client("admin", "admin").events.WatchEvents(after_cursor="0")
    try:
        events = [reader.take(what=f"feed event {n + 1}").event for n in range(count)]
    finally:
        reader.cancel()
    return [(e.cursor, e.event_id, e.kind, e.conversation_id) for e in events]


def connect_agents(connection, P):
    agents = {}
    for agent_id, queue_id in AGENTS.items():
        agent = Agent(agent_id, connection.client("agent", agent_id), [queue_id], 3, P.ROLE_AGENT)
        agent.connect()
        agents[agent_id] = agent
    return agents


def snapshot(connection, P, conversations, closed_range):
    """Everything the transcript and feed RPCs answer about `conversations`."""
    return dict(
        views={c[0]: views(connection, *c) for c in conversations},
        search=searches(connection, P, closed_range),
        export=export(connection, P, include_internal=True),
        public=export(connection, P, queue_id="billing"),
        feed=feed(connection, len(conversations)),
    )


def check_after_restart(connection, P, conversations, closed_range, before, refund, tokens):
    """The same answers as `before`, resumable export, and the access rules on conversations
    the server only has on disk."""
    assert snapshot(connection, P, conversations, closed_range) == before
    resumed = export(connection, P, include_internal=True, resume_token=before["export"][0][1])
    assert resumed == before["export"][1:]
    outsiders = [
        connection.client("agent", "bob"),
        connection.client("supervisor", "tess"),
        connection.token_client(tokens["login"], "customer of another conversation"),
    ]
    for outsider in outsiders:
        expect_status(
            Code.PERMISSION_DENIED, outsider.transcripts.GetTranscript,
            conversation_id=refund, include_internal=False)
    expect_status(
        Code.PERMISSION_DENIED,
        connection.token_client(tokens["refund"], "customer").transcripts.GetTranscript,
        conversation_id=refund, include_internal=True)
    expect_status(
        Code.NOT_FOUND, connection.client("admin", "admin").transcripts.GetTranscript,
        conversation_id="c-does-not-exist")
    bob_sees = list_all(connection.client("agent", "bob").transcripts.SearchTranscripts, "results")
    assert refund not in [hit.conversation_id for hit in bob_sees]


def test_transcripts_search_export_and_feed_survive_restarts(protos_python, tmp_path):
    P = protos(protos_python)
    data = DataDir(tmp_path)
    server = data.start()
    try:
        connection = Connection(data, server, P)
        configure(connection.client("admin", "admin"), P)
        agents = connect_agents(connection, P)
        refund, refund_token = handle(
            connection, P, agents, "billing", "Where is my refund?", "loyal customer",
            "refund-issued", "refunded in full")
        time.sleep(0.01)
        middle_start = timestamp_pb2.Timestamp()
        middle_start.GetCurrentTime()
        login, login_token = handle(
            connection, P, agents, "technical", "Login fails", "reset the password", "resolved")
        middle_end = timestamp_pb2.Timestamp()
        middle_end.GetCurrentTime()
        time.sleep(0.01)
        parcel, parcel_token = handle(
            connection, P, agents, "billing", "Parcel missing", "courier notified", "resolved")
        closed_range = P.TimeRange(start=middle_start, end=middle_end)
        tokens = {"refund": refund_token, "login": login_token}
        conversations = [
            (refund, refund_token, "alice", "sam"),
            (login, login_token, "bob", "tess"),
            (parcel, parcel_token, "alice", "sam"),
        ]

        before = snapshot(connection, P, conversations, closed_range)
        agent_view, supervisor_view, customer_view = before["views"][refund]
        assert [m.text for m in customer_view.messages] == [
            "Hello", "Where is my refund?", "Let me check that for you."]
        assert "loyal customer" in [m.text for m in agent_view.messages]
        assert supervisor_view == agent_view
        assert agent_view.resolution.category_id == "refund-issued"
        assert customer_view.resolution.category_id == "" and customer_view.resolution.notes == ""
        ids = {name: [hit[0] for hit in hits] for name, (hits, _) in before["search"].items()}
        assert ids == {
            "text": [refund], "note text": [refund], "queue": [login], "agent": [parcel, refund],
            "category": [refund], "time range": [login], "supervisor reach": [parcel, refund],
        }
        assert [t.conversation.conversation_id for t, _ in before["export"]] == [refund, login, parcel]
        assert [len(t.messages) for t, _ in before["public"]] == [3, 3], "no notes in public view"
        assert [event[3] for event in before["feed"]] == [refund, login, parcel]
        connection.close()
        stop(server)

        server = data.start()
        connection = Connection(data, server, P)
        check_after_restart(connection, P, conversations, closed_range, before, refund, tokens)
        # A new closing continues the feed after the restored cursor.
        agents = connect_agents(connection, P)
        later, later_token = handle(connection, P, agents, "technical", "Again", "n", "resolved")
        reader = connection.client("admin", "admin").events.WatchEvents(after_cursor="3")
        event = reader.take(what="the new closing").event
        reader.cancel()
        assert (event.cursor, event.conversation_id) == ("4", later)
        conversations.append((later, later_token, "bob", "tess"))
        before = snapshot(connection, P, conversations, closed_range)
        connection.close()
        kill9(server)

        server = data.start()
        connection = Connection(data, server, P)
        check_after_restart(connection, P, conversations, closed_range, before, refund, tokens)
        connection.close()
        stop(server)
    finally:
        finish(server)
