"""The permission matrix (issue 4, "Identity and permissions"): every RPC of Conversations,
Agents, Supervision, Admin, Transcripts and Events called by every kind of principal.

Without a token, with a malformed, a wrongly signed or an expired one: UNAUTHENTICATED. With a
valid token: OK for the roles the RPC's "Roles:" line in the protos lists (with the scope it
names: the customer of this conversation, the bot that started it, the agent assigned to it, a
supervisor of its queue), PERMISSION_DENIED for everybody else: a customer scoped to another
conversation, another bot, an agent not assigned, a supervisor of another queue, an admin where
admins are not listed.

Every case runs against real objects (a conversation that exists, an offer that is pending ...):
RPCs that change what they touch get a fresh object per case, so cases stay independent.
"""

import time
from dataclasses import dataclass, field

import pytest

from workflow_support import (  # noqa: F401 (fixtures)
    SURVEY_PROMPT,
    Code,
    Scenario,
    default_categories,
    duration,
    is_kind,
    rpc_status,
    switchboard,
)

# The principals.
NONE, GARBAGE, FORGED, EXPIRED = "no-token", "garbage-token", "forged-token", "expired-token"
CUSTOMER, CUSTOMER_OTHER, CUSTOMER_UNSCOPED = "customer", "customer-of-another-conversation", "customer-unscoped"
BOT, BOT_OTHER = "bot", "another-bot"
AGENT, AGENT_OTHER = "agent-assigned", "agent-not-assigned"
SUPERVISOR, SUPERVISOR_OTHER = "supervisor-of-queue", "supervisor-of-another-queue"
ADMIN = "admin"
UNAUTHENTICATED_ROLES = (NONE, GARBAGE, FORGED, EXPIRED)
ROLES = UNAUTHENTICATED_ROLES + (
    CUSTOMER, CUSTOMER_OTHER, CUSTOMER_UNSCOPED, BOT, BOT_OTHER, AGENT, AGENT_OTHER, SUPERVISOR,
    SUPERVISOR_OTHER, ADMIN,
)
SUPERVISORS = {SUPERVISOR, SUPERVISOR_OTHER}
ALL_AGENTS = {AGENT, AGENT_OTHER, SUPERVISOR, SUPERVISOR_OTHER}


@dataclass
class Row:
    """One RPC (with one kind of request): who may call it, on what, with which request."""

    service: str  # Client attribute: conversations, agents, ...
    method: str
    allowed: set
    request: object  # (P, target, world) -> request keyword arguments
    target: str = "shared"  # World method making the target (see World.target)
    variant: str = ""
    ok_codes: tuple = (Code.OK,)

    @property
    def name(self):
        return f"{self.service}.{self.method}{self.variant}"


def conversation(P, target, world):
    return {"conversation_id": target.conversation_id}


def message(P, target, world):
    return {"conversation_id": target.conversation_id, "client_message_id": world.sb.uid("m"), "text": "hi"}


ROWS = [
    # Conversations
    Row("conversations", "StartConversation", {BOT, BOT_OTHER, CUSTOMER_UNSCOPED},
        lambda P, t, w: {"queue_id": w.sink, "customer": P.CustomerInfo(display_name="Perm")}),
    Row("conversations", "SendMessage", {CUSTOMER, BOT}, message),
    Row("conversations", "Follow", {CUSTOMER, BOT}, conversation),
    Row("conversations", "SetTyping", {CUSTOMER, BOT}, lambda P, t, w: {"conversation_id": t.conversation_id, "typing": True}),
    Row("conversations", "MarkRead", {CUSTOMER, BOT},
        lambda P, t, w: {"conversation_id": t.conversation_id, "read_through_sequence": 1}),
    Row("conversations", "SubmitSurvey", {CUSTOMER, BOT},
        lambda P, t, w: {"conversation_id": t.conversation_id, "survey_id": t.survey_id, "rating": 5}, "closed"),
    Row("conversations", "Leave", {CUSTOMER, BOT}, conversation, "waiting"),
    # Agents
    Row("agents", "SetPresence", ALL_AGENTS, lambda P, t, w: {"presence": P.PRESENCE_AVAILABLE}, variant="(own)"),
    Row("agents", "SetPresence", {AGENT, SUPERVISOR, ADMIN},
        lambda P, t, w: {"presence": P.PRESENCE_AVAILABLE, "agent_id": w.agent.agent_id}, variant="(of the agent)"),
    Row("agents", "Notifications", ALL_AGENTS, lambda P, t, w: {}),
    Row("agents", "Accept", {AGENT}, lambda P, t, w: {"offer_id": t.offer_id}, "offer"),
    Row("agents", "Decline", {AGENT}, lambda P, t, w: {"offer_id": t.offer_id}, "offer"),
    Row("agents", "SendMessage", {AGENT}, message),
    Row("agents", "Follow", {AGENT, SUPERVISOR}, conversation),
    Row("agents", "SetTyping", {AGENT}, lambda P, t, w: {"conversation_id": t.conversation_id, "typing": True}),
    Row("agents", "AddNote", {AGENT, SUPERVISOR}, message),
    Row("agents", "Transfer", {AGENT}, lambda P, t, w: {
        "conversation_id": t.conversation_id, "target": P.TransferTarget(queue_id=w.sink),
        "reason": P.TRANSFER_REASON_EXPERTISE, "note": "perm"}, "active"),
    Row("agents", "Close", {AGENT, SUPERVISOR},
        lambda P, t, w: {"conversation_id": t.conversation_id, "resolution_category_id": "resolved"}, "active"),
    Row("agents", "RequestAssistance", {AGENT},
        lambda P, t, w: {"conversation_id": t.conversation_id, "question": "help"},
        ok_codes=(Code.OK, Code.ALREADY_EXISTS)),
    Row("agents", "CreateTicket", {AGENT, SUPERVISOR},
        lambda P, t, w: {"conversation_id": t.conversation_id, "subject": "perm ticket"}),
    Row("agents", "MoveChannel", {AGENT},
        lambda P, t, w: {"conversation_id": t.conversation_id, "target_channel": P.CHANNEL_PHONE}, "active"),
    Row("agents", "ListMyConversations", ALL_AGENTS, lambda P, t, w: {}),
    Row("agents", "GetConversation", {AGENT, SUPERVISOR}, conversation),
    # Supervision
    Row("supervision", "ListQueues", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("supervision", "ListQueues", {SUPERVISOR, ADMIN}, lambda P, t, w: {"queue_ids": [w.queue]}, variant="(named)"),
    Row("supervision", "WatchQueues", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("supervision", "WatchQueues", {SUPERVISOR, ADMIN}, lambda P, t, w: {"queue_ids": [w.queue]}, variant="(named)"),
    Row("supervision", "ListAgents", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("supervision", "ListAgents", {SUPERVISOR, ADMIN}, lambda P, t, w: {"queue_id": w.queue}, variant="(named)"),
    Row("supervision", "ListConversations", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("supervision", "ListConversations", {SUPERVISOR, ADMIN}, lambda P, t, w: {"queue_ids": [w.queue]},
        variant="(named)"),
    Row("supervision", "Monitor", {SUPERVISOR, ADMIN}, conversation),
    Row("supervision", "Whisper", {SUPERVISOR}, message),
    Row("supervision", "Join", {SUPERVISOR}, conversation, "active"),
    Row("supervision", "Leave", {SUPERVISOR}, conversation, "joined"),
    Row("supervision", "Reassign", {SUPERVISOR, ADMIN}, lambda P, t, w: {
        "conversation_id": t.conversation_id, "target": P.TransferTarget(queue_id=w.sink), "note": "perm"}, "active"),
    Row("supervision", "ListAssistanceRequests", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("supervision", "ResolveAssistance", {SUPERVISOR},
        lambda P, t, w: {"assistance_id": t.assistance_id, "answer": "ok"}, "assistance"),
    Row("supervision", "ExplainRouting", {SUPERVISOR, ADMIN}, conversation),
    # Admin
    Row("admin", "CreateQueue", {ADMIN},
        lambda P, t, w: {"queue": P.QueueConfig(queue_id=w.sb.uid("pq"), name=w.sb.uid("Perm queue"))}),
    Row("admin", "UpdateQueue", {ADMIN},
        lambda P, t, w: {"queue": P.QueueConfig(queue_id=t.queue_id, name=w.sb.uid("Renamed"))}, "queue"),
    Row("admin", "DeleteQueue", {ADMIN}, lambda P, t, w: {"queue_id": t.queue_id}, "queue"),
    Row("admin", "ListQueues", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("admin", "UpsertAgent", {ADMIN}, lambda P, t, w: {"agent": P.AgentProfile(
        agent_id=w.sb.uid("pa"), display_name="Perm", role=P.ROLE_AGENT, capacity=1)}),
    Row("admin", "DeleteAgent", {ADMIN}, lambda P, t, w: {"agent_id": t.agent_id}, "agent"),
    Row("admin", "ListAgents", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("admin", "SetResolutionCategories", {ADMIN}, lambda P, t, w: {"categories": default_categories(P)}),
    Row("admin", "ListResolutionCategories", ALL_AGENTS | {ADMIN}, lambda P, t, w: {}),
    Row("admin", "GetSurveySettings", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    Row("admin", "SetSurveySettings", {ADMIN}, lambda P, t, w: {"settings": P.SurveySettings(
        enabled=True, response_window=duration(86400), prompt=SURVEY_PROMPT)}),
    Row("admin", "CreateAccessToken", {ADMIN}, lambda P, t, w: {"role": P.ROLE_BOT, "subject": "perm-bot"}),
    Row("admin", "RevokeAccessToken", {ADMIN}, lambda P, t, w: {"token_id": t.token_id}, "token"),
    # Transcripts
    Row("transcripts", "GetTranscript", {CUSTOMER, AGENT, SUPERVISOR, ADMIN}, conversation),
    Row("transcripts", "GetTranscript", {AGENT, SUPERVISOR, ADMIN},
        lambda P, t, w: {"conversation_id": t.conversation_id, "include_internal": True}, variant="(internal)"),
    Row("transcripts", "SearchTranscripts", ALL_AGENTS | {ADMIN}, lambda P, t, w: {}),
    Row("transcripts", "ExportTranscripts", SUPERVISORS | {ADMIN}, lambda P, t, w: {}),
    # Events
    Row("events", "WatchEvents", {ADMIN}, lambda P, t, w: {}),
]


@dataclass
class Target:
    """What one case acts on; fields unused by a row stay empty."""

    conversation_id: str = ""
    customer_token: str = ""
    offer_id: str = ""
    survey_id: str = ""
    assistance_id: str = ""
    queue_id: str = ""
    agent_id: str = ""
    token_id: str = ""
    fresh: bool = False  # made for this case: cleaned up after it


@dataclass
class World:
    """The module's principals and objects: queue `queue` (agent `agent`, supervisor
    `supervisor`), `other_queue` (agent_other, supervisor_other), `sink` (no agents; both
    supervisors), the shared conversation (active with `agent`, started by bot-main) and
    another conversation (waiting in sink, started by another bot)."""

    sb: Scenario
    queue: str = ""
    other_queue: str = ""
    sink: str = ""
    agent: object = None
    supervisor: object = None
    shared: Target = None
    tokens: dict = field(default_factory=dict)

    def conversation_in_queue(self):
        customer = self.sb.conversation(self.queue, initial_message="hello")
        offer = self.agent.offer_for(customer.conversation_id)
        return customer, offer

    def target(self, kind):
        sb, P = self.sb, self.sb.P
        if kind == "shared":
            return self.shared
        if kind == "offer":
            customer, offer = self.conversation_in_queue()
            return Target(customer.conversation_id, customer.start.customer_token, offer_id=offer.offer_id,
                          fresh=True)
        if kind in ("active", "closed", "joined", "assistance"):
            customer, offer = self.conversation_in_queue()
            self.agent.accept(offer)
            target = Target(customer.conversation_id, customer.start.customer_token, fresh=True)
            if kind == "closed":
                follow = customer.follow()
                self.agent.close(customer.conversation_id)
                target.survey_id = follow.take(is_kind("survey_offered")).event.survey_offered.survey_id
                follow.cancel()
            elif kind == "joined":
                self.supervisor.client.supervision.Join(conversation_id=customer.conversation_id)
            elif kind == "assistance":
                target.assistance_id = self.agent.client.agents.RequestAssistance(
                    conversation_id=customer.conversation_id, question="help").assistance.assistance_id
            return target
        if kind == "waiting":
            customer = sb.conversation(self.sink)
            return Target(customer.conversation_id, customer.start.customer_token)
        if kind == "queue":
            return Target(queue_id=sb.queue("tmp"))
        if kind == "agent":
            return Target(agent_id=sb.agent([], connect=False).agent_id)
        if kind == "token":
            issued = sb.admin.admin.CreateAccessToken(role=P.ROLE_BOT, subject="perm-revoke")
            return Target(token_id=issued.token_id)
        raise AssertionError(f"unknown target kind {kind}")

    def clean_up(self, target):
        """Keeps the agent's load low: declines a fresh offer still pending, closes a fresh
        conversation it still holds (either may have happened in the case already)."""
        if not target.fresh:
            return
        agents = self.agent.client.agents
        if target.offer_id:
            rpc_status(agents.Decline, offer_id=target.offer_id)
        rpc_status(agents.Close, conversation_id=target.conversation_id, resolution_category_id="resolved")

    def token(self, role, target):
        if role == CUSTOMER:
            return target.customer_token or self.shared.customer_token
        return self.tokens[role]


@pytest.fixture(scope="module")
def world(switchboard):
    sb = Scenario(switchboard)
    P = sb.P
    expired = switchboard.token("admin", "admin-expiring", ttl="1s")
    minted_at = time.monotonic()
    supervisor = sb.supervisor()
    supervisor_other = sb.supervisor()
    world = World(sb)
    world.supervisor = supervisor
    world.queue = sb.queue("perm", supervisor_ids=[supervisor.agent_id], offer_timeout=600)
    world.other_queue = sb.queue("perm-other", supervisor_ids=[supervisor_other.agent_id])
    world.sink = sb.queue("perm-sink", supervisor_ids=[supervisor.agent_id, supervisor_other.agent_id])
    world.agent = sb.agent([world.queue], capacity=20)
    agent_other = sb.agent([world.other_queue], capacity=2, connect=False)
    customer, offer = world.conversation_in_queue()
    world.agent.accept(offer)
    world.agent.say(customer.conversation_id, "Hello from the agent")
    world.agent.client.agents.CreateTicket(conversation_id=customer.conversation_id, subject="feed backlog")
    world.shared = Target(customer.conversation_id, customer.start.customer_token)
    bot_other = sb.client("bot", "bot-other")
    other = sb.conversation(world.sink, bot=bot_other)
    admin_token = switchboard.token("admin", "admin")
    header, payload, signature = admin_token.split(".")
    world.tokens = {
        NONE: None,
        GARBAGE: "not-a-token",
        FORGED: f"{header}.{payload}.{signature[:-4]}{'AAAA' if signature[-4:] != 'AAAA' else 'BBBB'}",
        EXPIRED: expired,
        CUSTOMER_OTHER: other.start.customer_token,
        CUSTOMER_UNSCOPED: switchboard.token("customer", "walk-in"),
        BOT: switchboard.token("bot", "bot-main"),
        BOT_OTHER: switchboard.token("bot", "bot-other"),
        AGENT: world.agent.client.token,
        AGENT_OTHER: agent_other.client.token,
        SUPERVISOR: supervisor.client.token,
        SUPERVISOR_OTHER: sb.module.token("supervisor", supervisor_other.agent_id),
        ADMIN: admin_token,
    }
    time.sleep(max(0.0, minted_at + 2.2 - time.monotonic()))  # let the 1 s token expire
    yield world
    sb.close_streams()


def outcome(world, row, role):
    """The status of `row`'s RPC called as `role` (for streams: OK once the first item came)."""
    target = world.target(row.target)
    try:
        client = world.sb.raw_client(world.token(role, target), role)
        method = getattr(getattr(client, row.service), row.method)
        request = row.request(world.sb.P, target, world)
        descriptor = getattr(client, row.service)._descriptor.methods_by_name[row.method]
        if descriptor.server_streaming:
            reader = method(**request)
            first = reader.first_or_end()
            reader.cancel()
            return (Code.OK, "") if first is not None else reader.status
        code, details, _ = rpc_status(method, **request)
        return code, details
    finally:
        world.clean_up(target)


CASES = [pytest.param(row, role, id=f"{row.name}-{role}") for row in ROWS for role in ROLES]


@pytest.mark.parametrize("row, role", CASES)
def test_permission(world, row, role):
    code, details = outcome(world, row, role)
    if role in UNAUTHENTICATED_ROLES:
        expected = (Code.UNAUTHENTICATED,)
    elif role in row.allowed:
        expected = row.ok_codes
    else:
        expected = (Code.PERMISSION_DENIED,)
    assert code in expected, (
        f"{row.name} as {role}: expected {'/'.join(c.name for c in expected)}, got {code.name} ({details!r})"
    )
    world.sb.server.check_alive()


def test_every_rpc_is_in_the_matrix(switchboard):
    P = switchboard.P
    covered = {(row.service, row.method) for row in ROWS}
    services = {"conversations": "Conversations", "agents": "Agents", "supervision": "Supervision",
                "admin": "Admin", "transcripts": "Transcripts", "events": "Events"}
    every = {
        (short, method.name)
        for short, name in services.items()
        for method in P.modules[short].DESCRIPTOR.services_by_name[name].methods
    }
    assert every - covered == set(), f"RPCs missing from the permission matrix: {sorted(every - covered)}"
