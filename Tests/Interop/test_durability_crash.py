"""kill -9 at random moments (issue 5, "Faults"): nothing acknowledged is ever lost.

Customers (a bot starting conversations, then the customer's own token) and agents work on
their own threads against one server: conversations started with idempotency keys, messages
both ways with client message ids, accepts, transfers between two queues with notes, tickets
with idempotency keys, closings with categories and surveys. A Ledger records every item whose
RPC returned OK, every item whose RPC failed when the server died (it may or may not exist),
and every durable event the customers' Follow streams delivered. At a random moment the server
gets SIGKILL while calls are in flight; it is started again on the same data directory (one
round with `--sync full`, the others `--sync normal`), and before the next round:

- every agent's Notifications snapshot holds the conversations it certainly had (and nothing it
  never had); every waiting conversation is offered again;
- every acknowledged message, transfer, closing, survey and ticket is there exactly once
  (GetTranscript), an unacknowledged one at most once; each conversation's durable events are
  1..N without gap (Monitor replay from 0) and contain every event a stream had delivered;
- a customer's Follow resumed after its last seen sequence gets exactly the rest;
- retries with the same client message id, idempotency key or survey are duplicates of the
  original (same sequence, same ticket, same conversation), and add nothing.
"""

import random
import threading
import time
import traceback
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field


from durability_support import (
    Connection,
    DataDir,
    configure,
    durable,
    finish,
    kill9,
    protos,
    read_durable_through,
    stop,
)
from workflow_support import Code, kind_of, list_all, rpc_status

QUEUES = ("qa", "qb")
AGENTS = {"a1": (["qa"], 3), "a2": (["qa"], 3), "b1": (["qb"], 3), "b2": (["qb"], 3)}
CUSTOMERS = 6  # at most one open conversation each: fewer than the agents' 12 places
SYNC_BY_ROUND = ("normal", "normal", "full", "normal", "normal")
ACTIVITY = (0.8, 2.0)  # seconds of work before the kill (uniform)
OFFER_AGAIN = 5.0  # seconds until a conversation waiting at the restart must be offered
CATEGORIES = ("resolved", "follow-up-ticket")
# What a call may fail with while the server is up (anything else is a violation).
RACES = {Code.FAILED_PRECONDITION, Code.NOT_FOUND}


# --- what the clients were told ------------------------------------------------------------


@dataclass
class Message:
    """A message a client sent, with the sequence its acknowledgement gave."""

    client_message_id: str
    text: str
    side: str  # "customer" or the agent id
    sequence: int = 0  # 0 while unacknowledged


@dataclass
class Conversation:
    """What the clients know of one conversation: acknowledged items, attempted ones, and the
    customer's view of its events."""

    conversation_id: str
    queue_id: str
    start_key: str
    start_fields: dict  # the StartConversation request, for exact retries
    customer_token: str
    messages: dict = field(default_factory=dict)  # client message id -> Message (acknowledged)
    maybe_messages: dict = field(default_factory=dict)  # client message id -> Message
    transfers: list = field(default_factory=list)  # acknowledged transfer ids
    maybe_transfers: int = 0
    closed: str = ""  # category of an acknowledged Close
    maybe_closed: list = field(default_factory=list)  # categories of failed Close calls
    survey: tuple = ()  # (survey id, rating) acknowledged
    maybe_survey: tuple = ()
    tickets: dict = field(default_factory=dict)  # idempotency key -> (ticket id, agent id, subject)
    maybe_tickets: dict = field(default_factory=dict)  # idempotency key -> (agent id, subject)
    seen: dict = field(default_factory=dict)  # sequence -> (kind, id) delivered to the customer
    last_seen: int = 0  # the customer's Follow cursor
    survey_offer: str = ""  # survey id seen on the customer's stream
    absent: set = field(default_factory=set)  # client message ids certainly not stored

    @property
    def done(self):
        """Closed and the survey answered."""
        return bool(self.survey)


class Ledger:
    """Everything acknowledged (or attempted) by the clients, and every rule they saw broken."""

    def __init__(self):
        self.lock = threading.RLock()
        self.conversations = {}
        self.maybe_starts = {}  # idempotency key -> request fields, for starts that failed
        self.held = defaultdict(set)  # agent id -> conversations it certainly holds
        self.maybe_held = defaultdict(set)  # agent id -> conversations it may hold
        self.violations = []
        self.killed = threading.Event()  # set right before the SIGKILL
        self.counts = Counter()

    def violation(self, text):
        with self.lock:
            self.violations.append(text)

    def failed(self, what, code, details):
        """A failed call: a violation unless the server was being killed."""
        if not self.killed.is_set():
            self.violation(f"{what} failed with {code.name}: {details}")

    def count(self, name):
        with self.lock:
            self.counts[name] += 1

    def conversation(self, conversation_id):
        """The conversation, or None if its starter has not recorded it yet."""
        with self.lock:
            return self.conversations.get(conversation_id)

    def add(self, conversation):
        with self.lock:
            self.conversations[conversation.conversation_id] = conversation
            self.maybe_starts.pop(conversation.start_key, None)

    def release(self, agent_id, conversation_id, certain):
        """The agent sent Transfer or Close: it no longer holds the conversation, or (the call
        failed) maybe still does."""
        with self.lock:
            if certain:
                self.maybe_held[agent_id].discard(conversation_id)
            elif conversation_id in self.held[agent_id]:
                self.maybe_held[agent_id].add(conversation_id)
            self.held[agent_id].discard(conversation_id)


def seen_item(event):
    """What identifies a durable event across a restart: its kind and the id it carries."""
    kind = event.WhichOneof("kind")
    value = getattr(event, kind)
    for name in ("message_id", "transfer_id", "survey_id", "participant_id"):
        if name in value.DESCRIPTOR.fields_by_name:
            return kind, getattr(value, name)
    return kind, ""


# --- the clients ----------------------------------------------------------------------------


class Round:
    """One server process's life: its connection, clients and the threads working on it."""

    def __init__(self, run, server):
        self.run = run
        self.server = server
        self.connection = Connection(run.data, server, run.P)
        self.admin = self.connection.client("admin", "admin")
        self.bot = self.connection.client("bot", "bot-main")
        self.stop = threading.Event()

    def close(self):
        self.stop.set()
        self.connection.close()


class Worker:
    """A client on its own thread; it stops at the round's end or once the kill is on."""

    def __init__(self, round_, name, seed):
        self.round = round_
        self.ledger = round_.run.ledger
        self.P = round_.run.P
        self.rng = random.Random(seed)
        self.thread = threading.Thread(target=self.main, name=name, daemon=True)

    def main(self):
        try:
            self.loop()
        except Exception:  # noqa: BLE001 (reported with its traceback)
            self.ledger.violation(f"{self.thread.name} crashed:\n{traceback.format_exc()}")

    def alive(self):
        return not self.round.stop.is_set() and not self.ledger.killed.is_set()


class CustomerWorker(Worker):
    """Starts conversations one after another (as the bot), follows each as the customer,
    talks, and answers the survey after the agent closed it."""

    def __init__(self, round_, slot, seed):
        super().__init__(round_, f"customer {slot}", seed)
        self.slot = slot
        self.conversation = round_.run.open_by_slot.get(slot)
        self.client = None
        self.follow = None
        self.next_message = 0.0

    def loop(self):
        while self.alive():
            if self.conversation is None:
                self.start_conversation()
                continue
            if self.follow is None:
                self.open_follow()
            self.read_stream()
            conversation = self.conversation
            if conversation.survey_offer and not conversation.survey:
                self.answer_survey()
            elif conversation.done:
                self.finish_conversation()
            elif time.monotonic() >= self.next_message and not conversation.closed:
                self.say()
            time.sleep(0.01)

    def start_conversation(self):
        P, run = self.P, self.round.run
        key = run.new_id(f"start-{self.slot}")
        fields = dict(
            queue_id=self.rng.choice(QUEUES), subject=f"Subject {key}",
            initial_message=f"Hello from {key}",
            customer=P.CustomerInfo(customer_id=f"cust-{key}", display_name=f"Customer {key}"),
            idempotency_key=key,
        )
        code, details, response = rpc_status(self.round.bot.conversations.StartConversation, **fields)
        if code != Code.OK:
            with self.ledger.lock:
                self.ledger.maybe_starts[key] = fields
            self.ledger.failed(f"StartConversation {key}", code, details)
            return
        conversation = Conversation(response.conversation_id, response.queue_id, key, fields,
                                    response.customer_token)
        self.ledger.add(conversation)
        self.ledger.count("started")
        self.conversation = conversation
        run.open_by_slot[self.slot] = conversation

    def open_follow(self):
        conversation = self.conversation
        self.client = self.round.connection.token_client(
            conversation.customer_token, f"customer:{conversation.conversation_id}")
        self.follow = self.client.conversations.Follow(
            conversation_id=conversation.conversation_id, after_sequence=conversation.last_seen)

    def read_stream(self):
        conversation = self.conversation
        while True:
            item = self.follow.wait_next(0)
            if item is None:
                break
            event = item.event
            if event.ephemeral:
                continue
            with self.ledger.lock:
                if event.sequence <= conversation.last_seen:
                    self.ledger.violation(
                        f"{conversation.conversation_id}: customer Follow delivered {event.sequence} "
                        f"after {conversation.last_seen}")
                conversation.seen[event.sequence] = seen_item(event)
                conversation.last_seen = event.sequence
                if event.WhichOneof("kind") == "survey_offered":
                    conversation.survey_offer = event.survey_offered.survey_id
        if self.follow.status is not None and self.follow.status[0] != Code.OK and self.alive():
            self.ledger.failed(f"customer Follow of {conversation.conversation_id}", *self.follow.status)
            self.follow = None

    def say(self):
        conversation = self.conversation
        client_id = self.round.run.new_id("c")
        text = f"customer says {client_id}"
        code, details, response = rpc_status(
            self.client.conversations.SendMessage, conversation_id=conversation.conversation_id,
            client_message_id=client_id, text=text)
        message = Message(client_id, text, "customer")
        with self.ledger.lock:
            if code == Code.OK:
                message.sequence = response.sequence
                conversation.messages[client_id] = message
                self.ledger.counts["customer messages"] += 1
            elif code == Code.FAILED_PRECONDITION:
                pass  # closed meanwhile: rejected, so it must never appear
            else:
                conversation.maybe_messages[client_id] = message
        if code not in (Code.OK, Code.FAILED_PRECONDITION):
            self.ledger.failed(f"customer SendMessage {client_id}", code, details)
        self.next_message = time.monotonic() + self.rng.uniform(0.05, 0.2)

    def answer_survey(self):
        conversation = self.conversation
        rating = self.rng.randint(1, 5)
        code, details, _ = rpc_status(
            self.client.conversations.SubmitSurvey, conversation_id=conversation.conversation_id,
            survey_id=conversation.survey_offer, rating=rating, comment=f"rated {rating}")
        with self.ledger.lock:
            if code == Code.OK:
                conversation.survey = (conversation.survey_offer, rating)
                self.ledger.counts["surveys"] += 1
            else:
                conversation.maybe_survey = (conversation.survey_offer, rating)
        if code != Code.OK:
            self.ledger.failed(f"SubmitSurvey of {conversation.conversation_id}", code, details)

    def finish_conversation(self):
        if self.follow is not None:
            self.follow.cancel()
        self.follow = None
        self.conversation = None
        self.round.run.open_by_slot.pop(self.slot, None)


class AgentWorker(Worker):
    """Accepts what it is offered (up to its capacity), then per conversation a few actions:
    messages, tickets, a transfer to the other queue, and finally a close."""

    def __init__(self, round_, agent_id, notifications, snapshot, seed):
        super().__init__(round_, f"agent {agent_id}", seed)
        self.agent_id = agent_id
        self.capacity = AGENTS[agent_id][1]
        self.client = round_.connection.client("agent", agent_id)
        self.notifications = notifications
        self.pending = list(snapshot.pending_offers)
        self.holding = {c.conversation_id: self.rng.randint(1, 5) for c in snapshot.active_conversations}
        self.next_action = 0.0

    def loop(self):
        while self.alive():
            if self.notifications.status is not None:
                self.ledger.failed(f"{self.agent_id} Notifications", *self.notifications.status)
                return
            offer = self.pending.pop(0) if self.pending else None
            if offer is None:
                item = self.notifications.wait_next(0.01)
                if item is not None and kind_of(item) == "offer":
                    offer = item.offer
            if offer is not None:
                self.consider(offer)
            if self.holding and time.monotonic() >= self.next_action:
                self.act(self.rng.choice(sorted(self.holding)))
                self.next_action = time.monotonic() + self.rng.uniform(0.03, 0.12)

    def consider(self, offer):
        if len(self.holding) >= self.capacity:
            return
        conversation_id = offer.conversation_id
        code, details, _ = rpc_status(self.client.agents.Accept, offer_id=offer.offer_id)
        ledger = self.ledger
        with ledger.lock:
            if code == Code.OK:
                ledger.held[self.agent_id].add(conversation_id)
                ledger.maybe_held[self.agent_id].discard(conversation_id)
                ledger.counts["accepts"] += 1
                self.holding[conversation_id] = self.rng.randint(1, 6)
            elif code not in RACES:
                ledger.maybe_held[self.agent_id].add(conversation_id)
        if code not in RACES and code != Code.OK:
            ledger.failed(f"{self.agent_id} Accept of {conversation_id}", code, details)

    def act(self, conversation_id):
        left = self.holding[conversation_id]
        roll = self.rng.random()
        conversation = self.ledger.conversation(conversation_id)
        if conversation is None:
            return  # its StartConversation has not returned to the customer thread yet
        if left <= 0:
            self.close(conversation)
        elif roll < 0.12 and len(conversation.transfers) + conversation.maybe_transfers < 2:
            self.transfer(conversation)
        elif roll < 0.3:
            self.ticket(conversation)
            self.holding[conversation_id] = left - 1
        else:
            self.say(conversation)
            self.holding[conversation_id] = left - 1

    def call(self, what, method, **fields):
        code, details, response = rpc_status(method, **fields)
        if code != Code.OK:
            self.ledger.failed(f"{self.agent_id} {what}", code, details)
        return code, response

    def say(self, conversation):
        client_id = self.round.run.new_id(f"{self.agent_id}-m")
        text = f"{self.agent_id} says {client_id}"
        code, response = self.call(f"SendMessage {client_id}", self.client.agents.SendMessage,
                                   conversation_id=conversation.conversation_id,
                                   client_message_id=client_id, text=text)
        message = Message(client_id, text, self.agent_id)
        with self.ledger.lock:
            if code == Code.OK:
                message.sequence = response.sequence
                conversation.messages[client_id] = message
                self.ledger.counts["agent messages"] += 1
            else:
                conversation.maybe_messages[client_id] = message

    def ticket(self, conversation):
        key = self.round.run.new_id(f"{self.agent_id}-t")
        subject = f"Follow up {key}"
        code, response = self.call(f"CreateTicket {key}", self.client.agents.CreateTicket,
                                   conversation_id=conversation.conversation_id, subject=subject,
                                   description="check it", idempotency_key=key)
        with self.ledger.lock:
            if code == Code.OK:
                conversation.tickets[key] = (response.ticket.ticket_id, self.agent_id, subject)
                self.ledger.counts["tickets"] += 1
            else:
                conversation.maybe_tickets[key] = (self.agent_id, subject)

    def transfer(self, conversation):
        P = self.P
        target = "qb" if conversation.queue_id == "qa" else "qa"
        del self.holding[conversation.conversation_id]
        code, response = self.call(
            f"Transfer of {conversation.conversation_id}", self.client.agents.Transfer,
            conversation_id=conversation.conversation_id, target=P.TransferTarget(queue_id=target),
            reason=P.TRANSFER_REASON_EXPERTISE, note=f"over to {target}")
        with self.ledger.lock:
            if code == Code.OK:
                conversation.transfers.append(response.transfer.transfer_id)
                conversation.queue_id = target
                self.ledger.counts["transfers"] += 1
            else:
                conversation.maybe_transfers += 1
            self.ledger.release(self.agent_id, conversation.conversation_id, code == Code.OK)

    def close(self, conversation):
        category = self.rng.choice(CATEGORIES)
        del self.holding[conversation.conversation_id]
        code, _ = self.call(f"Close of {conversation.conversation_id}", self.client.agents.Close,
                            conversation_id=conversation.conversation_id,
                            resolution_category_id=category)
        with self.ledger.lock:
            if code == Code.OK:
                conversation.closed = category
                self.ledger.counts["closings"] += 1
            else:
                conversation.maybe_closed.append(category)
            self.ledger.release(self.agent_id, conversation.conversation_id, code == Code.OK)


# --- the run --------------------------------------------------------------------------------


class CrashRun:
    """The rounds on one data directory, the ledger across them and the checks after each
    restart."""

    def __init__(self, data, P, seed):
        self.data = data
        self.P = P
        self.rng = random.Random(seed)
        self.ledger = Ledger()
        self.open_by_slot = {}  # customer slot -> its open Conversation
        self.ids = 0
        self.id_lock = threading.Lock()

    def new_id(self, prefix):
        with self.id_lock:
            self.ids += 1
            return f"{prefix}-{self.ids}"

    def start(self, sync):
        return self.data.start(["--sync", sync])

    # before the work: agents reconnect

    def connect_agents(self, round_):
        """Connects every agent; checks the snapshots against what they held; returns
        {agent id: (notifications reader, snapshot)}."""
        ledger = self.ledger
        connected = {}
        for agent_id in AGENTS:
            client = round_.connection.client("agent", agent_id)
            reader = client.agents.Notifications(become_available=True)
            first = reader.take(what=f"the snapshot of {agent_id}")
            assert kind_of(first) == "snapshot", f"{agent_id}: first notification {first}"
            snapshot = first.snapshot
            active = {c.conversation_id for c in snapshot.active_conversations}
            with ledger.lock:
                certain = set(ledger.held[agent_id])
                possible = certain | ledger.maybe_held[agent_id]
            missing = certain - active
            assert not missing, (
                f"{agent_id}'s snapshot after the restart lacks its active conversations {sorted(missing)} "
                f"(snapshot: {sorted(active)})")
            unexpected = active - possible
            assert not unexpected, (
                f"{agent_id}'s snapshot after the restart holds {sorted(unexpected)}, which it never "
                f"accepted (certain: {sorted(certain)}, possible: {sorted(possible)})")
            with ledger.lock:  # the snapshot settles what the agent holds
                ledger.held[agent_id] = set(active)
                ledger.maybe_held[agent_id].clear()
            connected[agent_id] = (reader, snapshot)
        return connected

    def check_offered_again(self, round_, connected):
        """Conversations nobody holds are waiting, active ones are in their agent's snapshot,
        and every waiting one is offered to a connected agent; returns how many waited."""
        P = self.P
        waiting = list_all(round_.admin.supervision.ListConversations, "conversations",
                           states=[P.CONVERSATION_STATE_QUEUED, P.CONVERSATION_STATE_OFFERED])
        waiting_ids = {summary.conversation_id for summary in waiting}
        with self.ledger.lock:
            expected = {
                conversation_id for conversation_id, conversation in self.ledger.conversations.items()
                if not conversation.closed and not conversation.maybe_closed
                and not any(conversation_id in held for held in self.ledger.held.values())
                and not any(conversation_id in held for held in self.ledger.maybe_held.values())
            }
        assert expected <= waiting_ids, (
            f"conversations nobody held are not waiting after the restart: {sorted(expected - waiting_ids)}")
        active = list_all(round_.admin.supervision.ListConversations, "conversations",
                          states=[P.CONVERSATION_STATE_ACTIVE, P.CONVERSATION_STATE_WRAP_UP])
        for summary in active:
            _, snapshot = connected.get(summary.assigned_agent_id, (None, None))
            assert snapshot is not None and summary.conversation_id in {
                c.conversation_id for c in snapshot.active_conversations}, (
                f"{summary.conversation_id} is active with {summary.assigned_agent_id} after the restart, "
                f"but not in that agent's Notifications snapshot")
        deadline = time.monotonic() + OFFER_AGAIN
        while True:
            offered = set()
            for reader, snapshot in connected.values():
                offered |= {offer.conversation_id for offer in snapshot.pending_offers}
                offered |= {item.offer.conversation_id for item in reader.all() if kind_of(item) == "offer"}
            if waiting_ids <= offered:
                return len(waiting_ids)
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waiting conversations not offered again within {OFFER_AGAIN} s of the agents "
                    f"reconnecting: {sorted(waiting_ids - offered)}")
            time.sleep(0.02)

    # the work, then the kill

    def work_and_kill(self, round_, connected):
        workers = [
            AgentWorker(round_, agent_id, reader, snapshot, self.rng.randrange(1 << 30))
            for agent_id, (reader, snapshot) in connected.items()
        ] + [CustomerWorker(round_, slot, self.rng.randrange(1 << 30)) for slot in range(CUSTOMERS)]
        self.ledger.killed.clear()
        for worker in workers:
            worker.thread.start()
        time.sleep(self.rng.uniform(*ACTIVITY))
        self.ledger.killed.set()
        kill9(round_.server)
        round_.stop.set()
        for worker in workers:
            worker.thread.join(15)
            assert not worker.thread.is_alive(), f"{worker.thread.name} did not stop after the kill"
        round_.close()
        with self.ledger.lock:
            violations = list(self.ledger.violations)
        assert not violations, "\n".join(violations[:20])

    # after the restart: everything acknowledged is there exactly once

    def retry_start(self, round_, key, fields):
        """A StartConversation that failed in the kill, retried with its key: afterwards the
        conversation exists (once: a second retry is a duplicate of it)."""
        response = round_.bot.conversations.StartConversation(**fields)
        again = round_.bot.conversations.StartConversation(**fields)
        assert again.duplicate and again.conversation_id == response.conversation_id, (
            f"StartConversation {key} retried twice: {response.conversation_id} then {again}")
        conversation = Conversation(response.conversation_id, response.queue_id, key, fields,
                                    response.customer_token)
        self.ledger.add(conversation)
        self.open_by_slot.setdefault(int(key.split("-")[1]), conversation)

    def verify(self, round_):
        ledger = self.ledger
        with ledger.lock:
            starts = dict(ledger.maybe_starts)
        for key, fields in starts.items():
            self.retry_start(round_, key, fields)
        with ledger.lock:
            conversations = list(ledger.conversations.values())
        with ThreadPoolExecutor(max_workers=6) as pool:
            resumed = list(pool.map(lambda c: self.verify_conversation(round_, c), conversations))
        time.sleep(0.3)  # nothing beyond "the rest" may arrive on the resumed streams
        for conversation, reader, count in resumed:
            extra = [(e.sequence, e.WhichOneof("kind")) for e in durable(reader)[count:]]
            assert not extra, (f"{conversation.conversation_id}: the customer Follow resumed after "
                               f"{conversation.last_seen} delivered more than the rest: {extra}")
            reader.cancel()
        return len(conversations)

    def verify_conversation(self, round_, conversation):
        """Checks one conversation after a restart, retries what may be retried, checks again;
        returns (conversation, its resumed customer Follow, number of events it must hold)."""
        admin = round_.admin
        conversation_id = conversation.conversation_id
        retried = round_.bot.conversations.StartConversation(**conversation.start_fields)
        assert retried.duplicate and retried.conversation_id == conversation_id, (
            f"StartConversation {conversation.start_key} retried after the restart: {retried} "
            f"(the original created {conversation_id})")

        transcript = self.transcript(admin, conversation_id)
        self.check_stored(conversation, transcript)
        last = transcript.conversation.last_sequence
        monitor = admin.supervision.Monitor(conversation_id=conversation_id, after_sequence=0)
        events = read_durable_through(monitor, last)
        monitor.cancel()
        self.check_replay(conversation, transcript, events)

        # The customer's Follow resumed from its cursor gets exactly the rest.
        customer = round_.connection.token_client(conversation.customer_token, f"customer:{conversation_id}")
        rest = [(e.sequence, e.WhichOneof("kind")) for e in events if e.sequence > conversation.last_seen]
        reader = customer.conversations.Follow(conversation_id=conversation_id,
                                               after_sequence=conversation.last_seen)
        if rest:
            got = read_durable_through(reader, rest[-1][0])
            assert [(e.sequence, e.WhichOneof("kind")) for e in got] == rest, (
                f"{conversation_id}: the customer Follow resumed after {conversation.last_seen} "
                f"delivered {[(e.sequence, e.WhichOneof('kind')) for e in got]}, expected {rest}")
            for event in got:
                conversation.seen[event.sequence] = seen_item(event)
                if event.WhichOneof("kind") == "survey_offered":
                    conversation.survey_offer = event.survey_offered.survey_id
            conversation.last_seen = rest[-1][0]

        added = self.retry(round_, customer, conversation, transcript)
        after = self.transcript(admin, conversation_id)
        assert after.conversation.last_sequence == last + added, (
            f"{conversation_id}: retries of acknowledged sends changed the conversation: last sequence "
            f"{last} + {added} new expected, now {after.conversation.last_sequence}")
        self.check_stored(conversation, after)
        return conversation, reader, len(rest) + added

    @staticmethod
    def transcript(admin, conversation_id):
        return admin.transcripts.GetTranscript(conversation_id=conversation_id,
                                               include_internal=True).transcript

    def check_stored(self, conversation, transcript):
        """Every acknowledged item of `conversation` is in `transcript` exactly once, every
        unacknowledged one at most once (found ones count as acknowledged from now on)."""
        P = self.P
        conversation_id = conversation.conversation_id
        where = f"{conversation_id} after the restart"

        stored = Counter(m.client_message_id for m in transcript.messages)
        for message in transcript.messages:
            known = message.client_message_id in conversation.messages or \
                message.client_message_id in conversation.maybe_messages
            if not message.client_message_id:
                assert message.sequence == 1 and message.text == conversation.start_fields["initial_message"], (
                    f"{where}: a message without client id that is not the initial one: {message}")
            else:
                assert known and message.client_message_id not in conversation.absent, (
                    f"{where}: a message nobody sent (or whose send was rejected): {message}")
        for client_id, message in conversation.messages.items():
            copies = [m for m in transcript.messages if m.client_message_id == client_id]
            assert len(copies) == 1, f"{where}: acknowledged message {client_id} stored {len(copies)} times"
            assert (copies[0].sequence, copies[0].text) == (message.sequence, message.text), (
                f"{where}: acknowledged message {client_id} was ({message.sequence}, {message.text!r}), "
                f"stored ({copies[0].sequence}, {copies[0].text!r})")
        for client_id, message in list(conversation.maybe_messages.items()):
            assert stored[client_id] <= 1, (
                f"{where}: unacknowledged message {client_id} stored {stored[client_id]} times")
            if stored[client_id]:
                message.sequence = next(m.sequence for m in transcript.messages if m.client_message_id == client_id)
                conversation.messages[client_id] = conversation.maybe_messages.pop(client_id)

        transfer_ids = [t.transfer_id for t in transcript.transfers]
        assert len(set(transfer_ids)) == len(transfer_ids), f"{where}: transfers twice: {transfer_ids}"
        missing = [t for t in conversation.transfers if t not in transfer_ids]
        assert not missing, f"{where}: acknowledged transfers {missing} missing (stored: {transfer_ids})"
        assert len(transfer_ids) <= len(conversation.transfers) + conversation.maybe_transfers, (
            f"{where}: {len(transfer_ids)} transfers stored, {len(conversation.transfers)} acknowledged "
            f"and {conversation.maybe_transfers} attempted")
        conversation.transfers, conversation.maybe_transfers = transfer_ids, 0

        state = transcript.conversation.state
        if conversation.closed:
            assert state == P.CONVERSATION_STATE_CLOSED, f"{where}: acknowledged close lost (state {state})"
            assert transcript.resolution.category_id == conversation.closed, (
                f"{where}: closed as {conversation.closed}, stored {transcript.resolution}")
        elif state == P.CONVERSATION_STATE_CLOSED:
            assert transcript.resolution.category_id in conversation.maybe_closed, (
                f"{where}: closed although no Close was sent: {transcript.resolution}")
            conversation.closed = transcript.resolution.category_id
        conversation.maybe_closed = []

        survey = transcript.survey if transcript.HasField("survey") else None
        if conversation.survey:
            assert survey is not None and (survey.survey_id, survey.rating) == conversation.survey, (
                f"{where}: acknowledged survey {conversation.survey} stored as {survey}")
        elif survey is not None and survey.survey_id:
            assert conversation.maybe_survey and (survey.survey_id, survey.rating) == conversation.maybe_survey, (
                f"{where}: a survey nobody submitted: {survey}")
            conversation.survey, conversation.maybe_survey = conversation.maybe_survey, ()

        ticket_ids = Counter(t.ticket_id for t in transcript.tickets)
        for key, (ticket_id, _, _) in conversation.tickets.items():
            assert ticket_ids[ticket_id] == 1, (
                f"{where}: acknowledged ticket {key} ({ticket_id}) stored {ticket_ids[ticket_id]} times")
        acknowledged = {ticket_id for ticket_id, _, _ in conversation.tickets.values()}
        for ticket in transcript.tickets:
            if ticket.ticket_id in acknowledged:
                continue
            keys = [key for key, (_, subject) in conversation.maybe_tickets.items() if subject == ticket.subject]
            assert len(keys) == 1 and ticket_ids[ticket.ticket_id] == 1, (
                f"{where}: a ticket nobody created (or twice): {ticket}")
            agent_id, subject = conversation.maybe_tickets.pop(keys[0])
            conversation.tickets[keys[0]] = (ticket.ticket_id, agent_id, subject)

    def check_replay(self, conversation, transcript, events):
        """The durable events replayed from 0: 1..N without gap, matching the transcript and
        everything a stream delivered before the kill."""
        conversation_id = conversation.conversation_id
        sequences = [event.sequence for event in events]
        assert sequences == list(range(1, len(events) + 1)), (
            f"{conversation_id}: replayed sequences are not 1..N: {sequences}")
        assert len(events) == transcript.conversation.last_sequence, (
            f"{conversation_id}: replayed through {len(events)}, last sequence {transcript.conversation.last_sequence}")
        kinds = Counter(event.WhichOneof("kind") for event in events)
        replayed = [e.sequence for e in events if e.WhichOneof("kind") == "message"]
        assert replayed == [m.sequence for m in transcript.messages], (
            f"{conversation_id}: replayed messages {replayed} differ from the transcript's")
        assert kinds["transferred"] == len(transcript.transfers), (
            f"{conversation_id}: {kinds['transferred']} transferred events, {len(transcript.transfers)} transfers")
        closed = transcript.conversation.state == self.P.CONVERSATION_STATE_CLOSED
        assert kinds["closed"] == (1 if closed else 0), f"{conversation_id}: closed events {kinds['closed']}"
        for sequence, item in sorted(conversation.seen.items()):
            stored = seen_item(events[sequence - 1]) if sequence <= len(events) else None
            assert stored == item, (
                f"{conversation_id}: the customer's stream delivered {item} at {sequence} before the kill; "
                f"after the restart that sequence holds {stored}")

    def retry(self, round_, customer, conversation, transcript):
        """Retries acknowledged and unacknowledged sends with their ids; returns how many new
        durable events the unacknowledged ones (found missing) added."""
        P = self.P
        conversation_id = conversation.conversation_id
        closed = transcript.conversation.state == P.CONVERSATION_STATE_CLOSED
        holder = transcript.conversation.assigned_agent_id \
            if transcript.conversation.state == P.CONVERSATION_STATE_ACTIVE else ""
        added = 0

        # Messages: the last acknowledged one of each side, every unacknowledged one.
        by_side = {}
        for message in conversation.messages.values():
            by_side[message.side] = message
        for message in [*by_side.values(), *list(conversation.maybe_messages.values())]:
            if message.side == "customer":
                sender = customer.conversations.SendMessage
            elif message.side == holder:
                sender = round_.connection.client("agent", holder).agents.SendMessage
            else:
                continue  # the agent no longer holds it: no retry possible
            code, details, response = rpc_status(sender, conversation_id=conversation_id,
                                                 client_message_id=message.client_message_id, text=message.text)
            if message.sequence:
                assert code == Code.OK and response.duplicate and response.sequence == message.sequence, (
                    f"{conversation_id}: retrying acknowledged message {message.client_message_id} "
                    f"(sequence {message.sequence}) gave {code.name} {details} {response}")
            elif closed:
                assert code == Code.FAILED_PRECONDITION, (
                    f"{conversation_id} is closed and {message.client_message_id} was not stored; the retry "
                    f"gave {code.name} {details} {response}")
                conversation.maybe_messages.pop(message.client_message_id)
                conversation.absent.add(message.client_message_id)
            else:
                assert code == Code.OK and not response.duplicate, (
                    f"{conversation_id}: {message.client_message_id} was not stored; the retry gave "
                    f"{code.name} {details} {response}")
                message.sequence = response.sequence
                conversation.messages[message.client_message_id] = conversation.maybe_messages.pop(
                    message.client_message_id)
                added += 1

        # Tickets: every one, with its key, by the agent that created it.
        for key, (ticket_id, agent_id, subject) in list(conversation.tickets.items()):
            again = round_.connection.client("agent", agent_id).agents.CreateTicket(
                conversation_id=conversation_id, subject=subject, description="check it", idempotency_key=key)
            assert again.duplicate and again.ticket.ticket_id == ticket_id, (
                f"{conversation_id}: CreateTicket {key} retried after the restart: {again} (was {ticket_id})")
        for key, (agent_id, subject) in list(conversation.maybe_tickets.items()):
            created = round_.connection.client("agent", agent_id).agents.CreateTicket(
                conversation_id=conversation_id, subject=subject, description="check it", idempotency_key=key)
            assert not created.duplicate, f"{conversation_id}: ticket {key} not stored, yet the retry is a duplicate"
            conversation.tickets[key] = (created.ticket.ticket_id, agent_id, subject)
            del conversation.maybe_tickets[key]

        # The survey: an answered one cannot be answered again; an unanswered one is answered.
        if conversation.survey:
            code, details, _ = rpc_status(customer.conversations.SubmitSurvey, conversation_id=conversation_id,
                                          survey_id=conversation.survey[0], rating=conversation.survey[1])
            assert code == Code.ALREADY_EXISTS, (
                f"{conversation_id}: answering survey {conversation.survey} again gave {code.name} {details}")
        elif closed and conversation.survey_offer:
            rating = conversation.maybe_survey[1] if conversation.maybe_survey else 3
            customer.conversations.SubmitSurvey(conversation_id=conversation_id,
                                                survey_id=conversation.survey_offer, rating=rating)
            conversation.survey, conversation.maybe_survey = (conversation.survey_offer, rating), ()
        return added


def test_kill9_at_random_moments_loses_nothing_acknowledged(protos_python, tmp_path):
    P = protos(protos_python)
    seed = random.randrange(1 << 32)
    print(f"seed {seed}")
    run = CrashRun(DataDir(tmp_path), P, seed)
    server = None
    try:
        for number, sync in enumerate([*SYNC_BY_ROUND, None]):
            server = run.start(sync or "normal")
            round_ = Round(run, server)
            try:
                if number == 0:
                    configure(round_.admin, P, QUEUES, AGENTS)
                connected = run.connect_agents(round_)
                waiting = run.check_offered_again(round_, connected)
                verified = run.verify(round_) if number else 0
                print(f"round {number} (--sync {sync}): {verified} conversations verified, "
                      f"{waiting} offered again")
                if sync is not None:
                    run.work_and_kill(round_, connected)
            finally:
                round_.close()
        stop(server)
    finally:
        finish(server)
    counts = run.ledger.counts
    print(dict(counts))
    for name in ("started", "customer messages", "agent messages", "accepts", "transfers", "closings",
                 "surveys", "tickets"):
        assert counts[name], f"the run acknowledged no {name} (seed {seed}): {dict(counts)}"
