"""50 agents and 500 concurrent conversations with random accepts, declines, ignored offers,
late accepts, transfers (to queues and to agents), customers leaving and agents disconnecting
(issue 4, "Tests"). A seeded RNG drives every choice; timing still varies from run to run.

Checked during the run (client side and through Supervision.ListAgents) and after it:
- no agent ever holds more conversations than its capacity;
- no conversation is held by two agents at once, and an Accept that loses (broadcast race,
  withdrawn or expired offer) fails with FAILED_PRECONDITION, never anything else;
- an agent is offered only conversations of its queues (or transferred to it by name);
- at the end every conversation is somewhere known: after a drain phase in which every agent
  accepts and closes everything, each of the 500 is closed, and no agent holds anything.

A conversation counts as held by an agent from the moment its Accept returned until the moment
it sends Close or Transfer; that interval lies inside the server's own, so any overlap or excess
seen here is a real one.
"""

import heapq
import random
import threading
import time
import traceback
from collections import Counter, defaultdict

import grpc

from workflow_support import (  # noqa: F401 (fixtures)
    CALL_TIMEOUT,
    Agent,
    Client,
    Code,
    kind_of,
    list_all,
    parallel,
    rpc_status,
    sb,
    switchboard,
)

SWITCHBOARD_SERVE_ARGS = ("--agent-disconnect-grace", "1s")
SEED = 4_2024
AGENT_COUNT = 50
CONVERSATION_COUNT = 500
CHAOS_SECONDS = 10.0  # at least; the chaos phase also lasts until every conversation started
DRAIN_TIMEOUT = 30.0
OFFER_TIMEOUT = 1.5
CHANNELS = 5


class Tracker:
    """What the clients saw, and every violation of the rules."""

    def __init__(self, capacities):
        self.lock = threading.Lock()
        self.capacities = capacities
        self.holding = defaultdict(set)
        self.owner = {}
        self.violations = []
        self.counts = Counter()
        self.started = {}  # conversation id -> queue id
        self.left = set()

    def violation(self, text):
        with self.lock:
            self.violations.append(text)

    def count(self, name, amount=1):
        with self.lock:
            self.counts[name] += amount

    def acquired(self, agent_id, conversation_id, how):
        with self.lock:
            holder = self.owner.get(conversation_id)
            if holder is not None:
                self.violations.append(f"{conversation_id} {how} by {agent_id} while {holder} holds it")
            self.owner[conversation_id] = agent_id
            held = self.holding[agent_id]
            held.add(conversation_id)
            if len(held) == self.capacities[agent_id]:
                self.counts["held at full capacity"] += 1
            if len(held) > self.capacities[agent_id]:
                self.violations.append(
                    f"{agent_id} holds {len(held)} conversations, capacity {self.capacities[agent_id]}: {sorted(held)}")

    def released(self, agent_id, conversation_id):
        with self.lock:
            self.holding[agent_id].discard(conversation_id)
            if self.owner.get(conversation_id) == agent_id:
                del self.owner[conversation_id]

    def held_by(self, agent_id):
        with self.lock:
            return set(self.holding[agent_id])


class LoadAgent:
    """One agent's behaviour, on its own thread."""

    def __init__(self, run, agent, rng):
        self.run_state = run
        self.agent = agent
        self.rng = rng
        self.tracker = run.tracker
        self.P = run.P
        self.due = []  # heap of (time, conversation id): when to act on a held conversation
        self.ignored = set()
        self.disconnect_at = None
        self.offline_for = 0.0
        self.thread = threading.Thread(target=self.main, name=f"load {agent.agent_id}", daemon=True)

    @property
    def agent_id(self):
        return self.agent.agent_id

    def main(self):
        try:
            self.loop()
        except Exception:  # noqa: BLE001 (reported as a violation with its traceback)
            self.tracker.violation(f"{self.agent_id} crashed:\n{traceback.format_exc()}")

    def loop(self):
        run = self.run_state
        for offer in self.agent.snapshot.pending_offers:
            self.on_offer(offer)
        drain_prepared = False
        while not run.stop.is_set():
            if run.draining and not drain_prepared:
                drain_prepared = True
                self.agent.client.agents.SetPresence(presence=self.P.PRESENCE_AVAILABLE)
            if self.disconnect_at is not None and time.monotonic() >= self.disconnect_at and not run.draining:
                self.disconnect_and_return()
            item = self.agent.notifications.wait_next(0.03)
            if item is not None:
                self.on_notification(item)
            while self.due and self.due[0][0] <= time.monotonic():
                _, conversation_id = heapq.heappop(self.due)
                if conversation_id in self.tracker.held_by(self.agent_id):
                    self.act(conversation_id)

    def on_notification(self, item):
        kind = kind_of(item)
        if kind == "offer":
            self.on_offer(item.offer)
        elif kind == "offer_withdrawn":
            self.tracker.count(f"withdrawn {self.P.OfferWithdrawnReason.Name(item.offer_withdrawn.reason)}")
            if item.offer_withdrawn.offer_id in self.ignored and self.rng.random() < 0.5:
                code, details, _ = rpc_status(self.agent.accept, item.offer_withdrawn.offer_id)
                self.tracker.count("late accepts rejected" if code == Code.FAILED_PRECONDITION else "late accepts ???")
                if code != Code.FAILED_PRECONDITION:
                    self.tracker.violation(f"{self.agent_id}: Accept of withdrawn offer "
                                           f"{item.offer_withdrawn.offer_id} gave {code.name} {details}")
                    if code == Code.OK:
                        self.tracker.acquired(self.agent_id, item.offer_withdrawn.conversation_id, "late-accepted")
        elif kind == "presence_changed":
            if item.presence_changed.presence == self.P.PRESENCE_AWAY:
                self.tracker.count("set away after missed offers")
                self.agent.client.agents.SetPresence(presence=self.P.PRESENCE_AVAILABLE)
        elif kind == "handed_over":
            self.take(item.handed_over.conversation.conversation_id, "handed over")

    def on_offer(self, offer):
        run, P = self.run_state, self.P
        self.tracker.count("offers")
        direct = offer.HasField("transfer") and offer.transfer.target.agent_id == self.agent_id
        if not direct and offer.queue_id not in self.agent.queues:
            self.tracker.violation(f"{self.agent_id} (queues {self.agent.queues}) offered {offer.conversation_id} "
                                   f"of queue {offer.queue_id}")
        if offer.conversation_id in self.tracker.held_by(self.agent_id):
            self.tracker.violation(f"{self.agent_id} offered {offer.conversation_id}, which it holds")
        choice = 0.0 if run.draining else self.rng.random()
        if choice < 0.72:
            code, details, response = rpc_status(self.agent.accept, offer)
            if code == Code.OK:
                self.tracker.count("accepts")
                assigned = response.summary.assigned_agent_id
                if assigned != self.agent_id:
                    self.tracker.violation(f"{self.agent_id} accepted {offer.conversation_id}, assigned to {assigned}")
                self.take(offer.conversation_id, "accepted")
            elif code == Code.FAILED_PRECONDITION:
                self.tracker.count("accepts lost (FAILED_PRECONDITION)")
            else:
                self.tracker.violation(f"{self.agent_id}: Accept {offer.offer_id} gave {code.name} {details}")
        elif choice < 0.88:
            code, details, _ = rpc_status(self.agent.client.agents.Decline, offer_id=offer.offer_id,
                                          reason=P.DECLINE_REASON_BUSY)
            self.tracker.count("declines" if code == Code.OK else f"declines {code.name}")
            if code not in (Code.OK, Code.FAILED_PRECONDITION):
                self.tracker.violation(f"{self.agent_id}: Decline {offer.offer_id} gave {code.name} {details}")
        else:
            self.ignored.add(offer.offer_id)
            self.tracker.count("offers ignored")

    def take(self, conversation_id, how):
        self.tracker.acquired(self.agent_id, conversation_id, how)
        delay = 0.0 if self.run_state.draining else self.rng.uniform(0.05, 0.5)
        heapq.heappush(self.due, (time.monotonic() + delay, conversation_id))

    def act(self, conversation_id):
        run, P = self.run_state, self.P
        agents = self.agent.client.agents
        choice = 0.0 if run.draining else self.rng.random()
        if choice < 0.55:
            self.tracker.released(self.agent_id, conversation_id)
            code, details, _ = rpc_status(agents.Close, conversation_id=conversation_id,
                                          resolution_category_id="resolved")
            self.tracker.count("closes" if code == Code.OK else f"closes {code.name}")
            if code != Code.OK:
                self.tracker.violation(f"{self.agent_id}: Close {conversation_id} gave {code.name} {details}")
            return
        if choice < 0.9:
            if choice < 0.78:
                others = [q for q in run.queue_ids if q != run.tracker.started[conversation_id]]
                target = P.TransferTarget(queue_id=self.rng.choice(others))
            else:
                target = P.TransferTarget(agent_id=self.rng.choice(
                    [a for a in run.agent_ids if a != self.agent_id]))
            self.tracker.released(self.agent_id, conversation_id)
            code, details, _ = rpc_status(agents.Transfer, conversation_id=conversation_id, target=target,
                                          reason=P.TRANSFER_REASON_WORKLOAD, note=f"from {self.agent_id}")
            self.tracker.count(f"transfers to {target.WhichOneof('destination')} {code.name}")
            if code == Code.OK:
                run.tracker.started[conversation_id] = target.queue_id or run.tracker.started[conversation_id]
                return
            if code != Code.FAILED_PRECONDITION:
                self.tracker.violation(f"{self.agent_id}: Transfer {conversation_id} gave {code.name} {details}")
            self.take(conversation_id, "kept after a refused transfer")
            return
        code, details, _ = rpc_status(self.agent.say, conversation_id, "Still looking into it")
        if code not in (Code.OK, Code.FAILED_PRECONDITION):
            self.tracker.violation(f"{self.agent_id}: SendMessage {conversation_id} gave {code.name} {details}")
        heapq.heappush(self.due, (time.monotonic() + self.rng.uniform(0.05, 0.3), conversation_id))

    def disconnect_and_return(self):
        self.disconnect_at = None
        self.tracker.count("disconnects")
        for conversation_id in self.tracker.held_by(self.agent_id):
            self.tracker.released(self.agent_id, conversation_id)
        self.agent.disconnect()
        time.sleep(self.offline_for)
        snapshot = self.agent.connect(become_available=True)
        if snapshot.status.presence != self.P.PRESENCE_AVAILABLE:
            self.agent.client.agents.SetPresence(presence=self.P.PRESENCE_AVAILABLE)
        self.due = []
        self.ignored.clear()
        for summary in snapshot.active_conversations:
            self.take(summary.conversation_id, "found in the snapshot after reconnecting")
        for offer in snapshot.pending_offers:
            self.on_offer(offer)


class LoadRun:
    def __init__(self, sb, channels):
        self.sb = sb
        self.P = sb.P
        self.channels = channels
        self.rng = random.Random(SEED)
        self.stop = threading.Event()
        self.draining = False
        self.queue_ids = []
        self.agent_ids = []
        self.tracker = None
        self.server_violations = []
        self.leavers = []  # heap of (when, conversation id, customer token)
        self.leavers_lock = threading.Lock()

    def client(self, token, label, index):
        return Client(self.P, self.channels[index % len(self.channels)], token, label, self.sb.module.register)

    def setup(self):
        sb, P, rng = self.sb, self.P, self.rng
        self.queue_ids = [
            sb.queue("load-a", offer_timeout=OFFER_TIMEOUT),
            sb.queue("load-b", offer_timeout=OFFER_TIMEOUT),
            sb.queue("load-broadcast", offer_timeout=OFFER_TIMEOUT, offer_mode=P.OFFER_MODE_BROADCAST),
        ]
        profiles = []
        for index in range(AGENT_COUNT):
            queues = [q for q, p in zip(self.queue_ids, (0.6, 0.6, 0.4)) if rng.random() < p]
            queues = queues or [self.queue_ids[index % 3]]
            if index < 9:  # every queue has members for sure
                queues = sorted(set(queues) | {self.queue_ids[index % 3]})
            profiles.append((sb.uid("load-agent"), queues, rng.randint(1, 4)))
        for agent_id, queues, capacity in profiles:
            sb.admin.admin.UpsertAgent(agent=P.AgentProfile(
                agent_id=agent_id, display_name=agent_id, role=P.ROLE_AGENT, queue_ids=queues, capacity=capacity))
        tokens = parallel(lambda profile: sb.module.token("agent", profile[0]), profiles)
        self.agent_ids = [profile[0] for profile in profiles]
        self.tracker = Tracker({agent_id: capacity for agent_id, _, capacity in profiles})
        agents = []
        for index, ((agent_id, queues, capacity), token) in enumerate(zip(profiles, tokens)):
            client = self.client(token, f"agent:{agent_id}", index)
            agents.append(Agent(agent_id, client, queues, capacity, P.ROLE_AGENT))
        parallel(lambda agent: agent.connect(become_available=True), agents)
        self.workers = [LoadAgent(self, agent, random.Random(SEED + index)) for index, agent in enumerate(agents)]
        for worker in rng.sample(self.workers, 10):
            worker.disconnect_at = time.monotonic() + rng.uniform(1.0, CHAOS_SECONDS - 3)
            worker.offline_for = rng.choice([0.3, 0.6, 1.6, 2.5])

    def start_conversations(self, index, count):
        rng = random.Random(SEED * 7 + index)
        P = self.P
        bot = self.client(self.sb.module.token("bot", f"load-bot-{index}"), f"bot {index}", index)
        for number in range(count):
            queue_id = rng.choices(self.queue_ids, weights=(4, 4, 2))[0]
            request = P.StartConversationRequest(
                queue_id=queue_id, priority=rng.choice([P.PRIORITY_LOW, P.PRIORITY_NORMAL, P.PRIORITY_HIGH,
                                                        P.PRIORITY_URGENT]),
                customer=P.CustomerInfo(display_name=f"Load customer {index}-{number}"),
                subject=f"load {index}-{number}", initial_message="Help please",
                idempotency_key=f"load-{index}-{number}",
            )
            response = bot.conversations.StartConversation(request)
            with self.tracker.lock:
                self.tracker.started[response.conversation_id] = queue_id
            if rng.random() < 0.08:
                with self.leavers_lock:
                    heapq.heappush(self.leavers, (time.monotonic() + rng.uniform(0.05, 1.5),
                                                  response.conversation_id, response.customer_token))
            time.sleep(rng.uniform(0.0, 0.01))

    def leave(self):
        """Customers leaving: while waiting (abandoned), while active (wrap-up), or after closing."""
        while not self.stop.is_set():
            with self.leavers_lock:
                due = self.leavers[0] if self.leavers and self.leavers[0][0] <= time.monotonic() else None
                if due is not None:
                    heapq.heappop(self.leavers)
            if due is None:
                time.sleep(0.02)
                continue
            _, conversation_id, token = due
            customer = self.client(token, "customer", 0)
            code, details, left = rpc_status(customer.conversations.Leave, conversation_id=conversation_id)
            if code != Code.OK:
                self.tracker.violation(f"Leave {conversation_id} gave {code.name} {details}")
            else:
                self.tracker.count(f"customers left ({self.P.ConversationState.Name(left.state)})")

    def watch_capacity(self):
        """Polls ListAgents: the server's own count never passes an agent's capacity."""
        admin = self.sb.admin
        while not self.stop.is_set():
            try:
                statuses = list_all(admin.supervision.ListAgents, "agents", page_size=200)
            except grpc.RpcError as error:
                self.server_violations.append(f"ListAgents failed: {error.code().name} {error.details()}")
                return
            for status in statuses:
                if status.agent_id in self.tracker.capacities and status.active_conversations > status.capacity:
                    self.server_violations.append(
                        f"ListAgents: {status.agent_id} active {status.active_conversations} > capacity {status.capacity}")
            self.tracker.count("ListAgents polls")
            time.sleep(0.2)

    def open_conversations(self):
        listed = list_all(self.sb.admin.supervision.ListConversations, "conversations", page_size=100,
                          queue_ids=self.queue_ids)
        return [c for c in listed if c.conversation_id in self.tracker.started]


def test_fifty_agents_five_hundred_conversations(switchboard, sb):
    channels = [grpc.insecure_channel(switchboard.server.target) for _ in range(CHANNELS)]
    run = LoadRun(sb, channels)
    try:
        for channel in channels:
            grpc.channel_ready_future(channel).result(timeout=CALL_TIMEOUT)
        run.setup()
        began = time.monotonic()
        for worker in run.workers:
            worker.thread.start()
        monitor = threading.Thread(target=run.watch_capacity, daemon=True)
        monitor.start()
        leaver = threading.Thread(target=run.leave, daemon=True)
        leaver.start()
        per_starter = CONVERSATION_COUNT // 4
        starters = [threading.Thread(target=run.start_conversations, args=(index, per_starter), daemon=True)
                    for index in range(4)]
        for starter in starters:
            starter.start()
        for starter in starters:
            starter.join(60)
        assert len(run.tracker.started) == CONVERSATION_COUNT, "every conversation started"
        time.sleep(max(0.0, began + CHAOS_SECONDS - time.monotonic()))

        run.draining = True
        drain_began = time.monotonic()
        remaining = None
        while time.monotonic() - drain_began < DRAIN_TIMEOUT:
            remaining = run.open_conversations()
            if not remaining:
                break
            time.sleep(0.3)
        drain_seconds = time.monotonic() - drain_began
        run.stop.set()
        for worker in run.workers:
            worker.thread.join(10)
        monitor.join(5)
        leaver.join(5)
        chaos_seconds = drain_began - began

        tracker = run.tracker
        summary = (f"chaos {chaos_seconds:.1f} s, drain {drain_seconds:.1f} s; "
                   + ", ".join(f"{name}: {value}" for name, value in sorted(tracker.counts.items())))
        print(summary)
        assert tracker.violations == [], "\n".join(tracker.violations[:30]) + f"\n{summary}"
        assert run.server_violations == [], "\n".join(run.server_violations[:30])
        assert not remaining, (
            f"{len(remaining)} conversations still open after the drain: "
            + "; ".join(f"{c.conversation_id} {run.P.ConversationState.Name(c.state)} "
                        f"agent={c.assigned_agent_id!r} queue={c.queue_id}" for c in remaining[:20])
        )

        # Every conversation ended somewhere known: closed, exactly once in the transcripts.
        transcripts = parallel(
            lambda cid: rpc_status(sb.admin.transcripts.GetTranscript, conversation_id=cid), list(tracker.started))
        states = Counter()
        for conversation_id, (code, details, response) in zip(tracker.started, transcripts):
            assert code == Code.OK, f"GetTranscript {conversation_id}: {code.name} {details}"
            transcript = response.transcript
            assert transcript.conversation.conversation_id == conversation_id
            assert transcript.conversation.state == run.P.CONVERSATION_STATE_CLOSED, transcript.conversation
            states[run.P.CloseReason.Name(transcript.resolution.reason)] += 1
        assert sum(states.values()) == CONVERSATION_COUNT, states
        print(f"close reasons: {dict(states)}")
        statuses = list_all(sb.admin.supervision.ListAgents, "agents", page_size=200)
        busy = [(s.agent_id, s.active_conversations) for s in statuses
                if s.agent_id in tracker.capacities and s.active_conversations]
        assert busy == [], f"agents still holding conversations: {busy}"

        # The run exercised what it claims to.
        counts = tracker.counts
        for name in ("accepts", "declines", "offers ignored", "disconnects", "closes", "late accepts rejected",
                     "accepts lost (FAILED_PRECONDITION)", "held at full capacity"):
            assert counts[name] > 0, f"no `{name}` in the run: {summary}"
        assert counts["customers left (CONVERSATION_STATE_WRAP_UP)"] + states["CLOSE_REASON_ABANDONED"] > 0, summary
        assert counts["transfers to queue_id OK"] > 0 and counts["transfers to agent_id OK"] > 0, summary
        assert counts["withdrawn OFFER_WITHDRAWN_REASON_TIMED_OUT"] > 0, summary
        assert counts["withdrawn OFFER_WITHDRAWN_REASON_ACCEPTED_ELSEWHERE"] > 0, summary
        assert time.monotonic() - began < 60, f"the run took {time.monotonic() - began:.0f} s: {summary}"
    finally:
        run.stop.set()
        for channel in channels:
            channel.close()
