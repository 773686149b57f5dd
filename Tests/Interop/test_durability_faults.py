"""Writes the store cannot make durable (issue 5, "Faults"), on small filesystems the tests mount
(they need root; without it, or where mounting is not permitted, they skip and say why):

- disk full: the data directory on a 16 MiB tmpfs, filled up by a filler file;
- read-only files: the data directory on a loop-mounted ext4 image whose database files and
  directory get the immutable attribute (`chattr +i`: every write to them, also through the
  server's open descriptors, fails with EPERM). `mount -o remount,ro` cannot stand in for it:
  Linux refuses to remount a filesystem read-only (EBUSY) while a process holds a file on it
  open for writing, which the server always does.

In both: a write fails with UNAVAILABLE saying the store could not write, and later writes fail
fast the same way; reads keep working (GetConversation, GetTranscript, Follow replay); nothing of
a failed write ever becomes visible (a retry of a failed message later is new, not a duplicate);
open streams end, if at all, with UNAVAILABLE and resume from their cursors; once the fault
clears, writes work again within a few seconds without a restart; everything acknowledged is
still there, also after a restart.
"""

import contextlib
import time

from durability_support import (
    Connection,
    DataDir,
    configure,
    durable,
    ext4_image,
    fill,
    finish,
    is_store_failure,
    protos,
    read_durable_through,
    set_immutable,
    stop,
    tmpfs,
)
from workflow_support import Code, kind_of, rpc_status

SYNC = ("--sync", "full")
RECOVERY = 5.0  # seconds within which writes must work again once the fault is gone
FAIL_FAST = 2.0  # seconds a write may take to fail while the store cannot write
MAX_WRITES_UNTIL_FULL = 200


class FaultScenario:
    """One queue, one agent holding one conversation, a few messages both ways; records every
    acknowledged sequence."""

    def __init__(self, data, server, P):
        self.data = data
        self.P = P
        self.server = server
        self.connect()
        configure(self.admin, P, ["q"], {"agent-1": (["q"], 2)})
        started = self.bot.conversations.StartConversation(
            queue_id="q", subject="Disk trouble", initial_message="Hello?", idempotency_key="start-1",
            customer=P.CustomerInfo(customer_id="cust-1", display_name="Dana"))
        self.conversation_id = started.conversation_id
        self.customer_token = started.customer_token
        self.customer = self.connection.token_client(self.customer_token, "customer")
        self.notifications = self.connect_agent(expect_active=False)
        offer = self.notifications.take(lambda item: kind_of(item) == "offer", what="the offer").offer
        self.agent.agents.Accept(offer_id=offer.offer_id)
        self.acknowledged = {}  # client message id -> (sequence, text)
        self.counter = 0
        for _ in range(3):
            assert self.say_customer()[0] == Code.OK
            assert self.say_agent()[0] == Code.OK

    def connect(self):
        self.connection = Connection(self.data, self.server, self.P)
        self.admin = self.connection.client("admin", "admin")
        self.bot = self.connection.client("bot", "bot-main")
        self.agent = self.connection.client("agent", "agent-1")
        if hasattr(self, "customer_token"):
            self.customer = self.connection.token_client(self.customer_token, "customer")

    def restart(self):
        """SIGTERM, then a new server on the same data directory."""
        self.connection.close()
        stop(self.server)
        self.server = self.data.start(SYNC)
        self.connect()

    def connect_agent(self, expect_active=True):
        notifications = self.agent.agents.Notifications(become_available=True)
        first = notifications.take(what="the agent's snapshot")
        assert kind_of(first) == "snapshot", first
        if expect_active:
            active = [c.conversation_id for c in first.snapshot.active_conversations]
            assert active == [self.conversation_id], f"the agent's snapshot holds {active}"
        return notifications

    def next_id(self, side):
        self.counter += 1
        return f"{side}-{self.counter}"

    def say_customer(self, client_id=None):
        return self.send(self.customer.conversations.SendMessage, client_id or self.next_id("c"))

    def say_agent(self, client_id=None):
        return self.send(self.agent.agents.SendMessage, client_id or self.next_id("a"))

    def send(self, method, client_id):
        text = f"text of {client_id}"
        started = time.monotonic()
        code, details, response = rpc_status(method, conversation_id=self.conversation_id,
                                             client_message_id=client_id, text=text)
        took = time.monotonic() - started
        if code == Code.OK:
            assert not response.duplicate, f"{client_id} was sent once, yet is a duplicate"
            self.acknowledged[client_id] = (response.sequence, text)
        return code, details, client_id, took

    def write_until_failure(self):
        """Sends messages until one fails; returns its client id (the ones before it are
        acknowledged and recorded)."""
        for number in range(MAX_WRITES_UNTIL_FULL):
            code, details, client_id, _ = (self.say_customer if number % 2 else self.say_agent)()
            if code != Code.OK:
                assert is_store_failure(code, details), (
                    f"a write the store cannot make durable must fail UNAVAILABLE saying the store "
                    f"could not write; got {code.name}: {details!r}")
                return client_id
        raise AssertionError(f"{MAX_WRITES_UNTIL_FULL} writes succeeded although the store cannot write")

    def check_failing(self):
        """Writes of several kinds fail fast with UNAVAILABLE; returns their client ids."""
        failed = []
        for send in (self.say_customer, self.say_agent):
            code, details, client_id, took = send()
            assert is_store_failure(code, details), f"{client_id} while the store cannot write: {code.name} {details!r}"
            assert took < FAIL_FAST, f"{client_id} took {took:.2f} s to fail; writes must fail fast"
            failed.append(client_id)
        P = self.P
        for what, method, fields in (
            ("StartConversation", self.bot.conversations.StartConversation, dict(
                queue_id="q", subject="Another", idempotency_key="start-during-fault",
                customer=P.CustomerInfo(customer_id="cust-2", display_name="Eve"))),
            ("CreateTicket", self.agent.agents.CreateTicket, dict(
                conversation_id=self.conversation_id, subject="During the fault",
                idempotency_key="ticket-during-fault")),
        ):
            code, details, _ = rpc_status(method, **fields)
            assert is_store_failure(code, details), f"{what} while the store cannot write: {code.name} {details!r}"
        return failed

    def check_reads(self, failed):
        """Reads work and show exactly the acknowledged messages, none of `failed`."""
        detail = self.agent.agents.GetConversation(conversation_id=self.conversation_id).conversation
        assert detail.summary.state == self.P.CONVERSATION_STATE_ACTIVE, detail.summary
        self.check_messages(detail.transcript, failed, "GetConversation")
        transcript = self.admin.transcripts.GetTranscript(
            conversation_id=self.conversation_id, include_internal=True).transcript
        self.check_messages(transcript.messages, failed, "GetTranscript")
        replay = self.customer.conversations.Follow(conversation_id=self.conversation_id, after_sequence=0)
        events = read_durable_through(replay, max(sequence for sequence, _ in self.acknowledged.values()))
        replay.cancel()
        sequences = [event.sequence for event in events]
        assert sequences == list(range(1, len(sequences) + 1)), f"Follow replay sequences: {sequences}"
        replayed = {e.message.client_message_id for e in events if e.WhichOneof("kind") == "message"}
        assert not replayed & set(failed), f"Follow replay shows failed writes {replayed & set(failed)}"

    def check_messages(self, messages, failed, where):
        stored = {}
        for message in messages:
            if message.client_message_id:
                assert message.client_message_id not in stored, f"{where}: {message.client_message_id} twice"
                stored[message.client_message_id] = (message.sequence, message.text)
        assert not set(failed) & set(stored), f"{where} shows failed writes: {sorted(set(failed) & set(stored))}"
        assert stored == self.acknowledged, (
            f"{where}: stored messages differ from the acknowledged ones:\n  stored {stored}\n  "
            f"acknowledged {self.acknowledged}")
        sequences = [m.sequence for m in messages]
        assert sequences == sorted(sequences) and len(set(sequences)) == len(sequences), f"{where}: {sequences}"

    def check_recovers(self, failed):
        """Writes work again within RECOVERY seconds; a failed message retried is new."""
        deadline = time.monotonic() + RECOVERY
        while True:
            code, details, _, _ = self.say_customer()
            if code == Code.OK:
                break
            assert is_store_failure(code, details), f"{code.name} {details!r}"
            assert time.monotonic() < deadline, (
                f"writes still fail {RECOVERY} s after the fault cleared: {code.name} {details!r}")
            time.sleep(0.1)
        for client_id in failed:
            send = self.say_customer if client_id.startswith("c-") else self.say_agent
            code, details, _, _ = send(client_id)
            assert code == Code.OK, f"retrying {client_id} after the recovery: {code.name} {details!r}"
        assert self.say_agent()[0] == Code.OK

    def check_all(self):
        """Everything acknowledged is stored exactly once, sequences 1..N without gap."""
        transcript = self.admin.transcripts.GetTranscript(
            conversation_id=self.conversation_id, include_internal=True).transcript
        self.check_messages(transcript.messages, [], "GetTranscript")
        monitor = self.admin.supervision.Monitor(conversation_id=self.conversation_id, after_sequence=0)
        events = read_durable_through(monitor, transcript.conversation.last_sequence)
        monitor.cancel()
        sequences = [event.sequence for event in events]
        assert sequences == list(range(1, transcript.conversation.last_sequence + 1)), sequences


def check_stream_during_fault(reader, failed, what):
    """A stream open during the fault ends (if at all) with UNAVAILABLE and never shows a
    failed write; returns whether it ended."""
    shown = set()
    for item in reader.all():
        kind = kind_of(item)
        if kind == "message":
            shown.add(item.event.message.client_message_id)
        elif kind == "customer_message":
            shown.add(item.customer_message.client_message_id)
    assert not shown & set(failed), f"{what} delivered failed writes {shown & set(failed)}"
    if reader.status is not None:
        assert reader.status[0] == Code.UNAVAILABLE, f"{what} ended with {reader.status}"
        return True
    return False


def run_fault(scenario, make_fault, clear_fault):
    """The common course of a fault test."""
    follow = scenario.customer.conversations.Follow(conversation_id=scenario.conversation_id, after_sequence=0)
    read_durable_through(follow, max(sequence for sequence, _ in scenario.acknowledged.values()))

    make_fault()
    failed = [scenario.write_until_failure()]
    scenario.check_reads(failed)  # at once: the failed write is not visible, not even briefly
    failed += scenario.check_failing()
    scenario.check_reads(failed)
    time.sleep(1.2)  # a few failed probes later, still consistent and still failing fast
    failed += scenario.check_failing()
    scenario.check_reads(failed)
    follow_ended = check_stream_during_fault(follow, failed, "the customer Follow")
    check_stream_during_fault(scenario.notifications, failed, "the agent's Notifications")

    clear_fault()
    scenario.check_recovers(failed)
    if follow_ended or scenario.notifications.status is not None:
        # Resume from the cursor: exactly the rest, no gap, no duplicate.
        last_seen = max([e.sequence for e in durable(follow)], default=0)
        transcript = scenario.admin.transcripts.GetTranscript(conversation_id=scenario.conversation_id).transcript
        resumed = scenario.customer.conversations.Follow(conversation_id=scenario.conversation_id,
                                                         after_sequence=last_seen)
        events = read_durable_through(resumed, transcript.conversation.last_sequence)
        assert [e.sequence for e in events] == list(range(last_seen + 1, transcript.conversation.last_sequence + 1))
        resumed.cancel()
        scenario.notifications.cancel()
        scenario.notifications = scenario.connect_agent()
    scenario.check_all()

    scenario.restart()
    scenario.check_all()
    scenario.connect_agent()
    assert scenario.say_customer()[0] == Code.OK


def test_disk_full_fails_writes_keeps_reads_and_recovers(protos_python, tmp_path):
    P = protos(protos_python)
    with tmpfs("16m") as mount:
        filler = mount / "filler"
        data = DataDir(tmp_path, mount / "data")
        running = []
        try:
            running.append(data.start(SYNC))
            scenario = FaultScenario(data, running[0], P)
            running.append(scenario)
            run_fault(scenario, lambda: fill(mount), filler.unlink)
        finally:
            finish(running[-1].server if len(running) > 1 else running[0] if running else None)
            with contextlib.suppress(FileNotFoundError):
                filler.unlink()


def test_read_only_files_fail_writes_keep_reads_and_recover(protos_python, tmp_path):
    P = protos(protos_python)
    with ext4_image(32) as mount:
        data = DataDir(tmp_path, mount / "data")
        protected = [data.database, data.data_dir / "switchboard.sqlite-wal", data.data_dir]
        running = []
        try:
            running.append(data.start(SYNC))
            scenario = FaultScenario(data, running[0], P)
            running.append(scenario)
            missing = [path for path in protected if not path.exists()]
            assert not missing, f"the store's files are not where DURABILITY-SPEC says: {missing}"
            run_fault(scenario, lambda: set_immutable(protected, True), lambda: set_immutable(protected, False))
        finally:
            with contextlib.suppress(AssertionError):
                set_immutable([path for path in protected if path.exists()], False)
            finish(running[-1].server if len(running) > 1 else running[0] if running else None)
