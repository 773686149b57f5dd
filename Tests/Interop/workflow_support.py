"""Fixtures and helpers of the agent-workflow suite (test_workflow_*.py): the `switchboard serve`
server under test, tokens, typed clients per principal, stream readers with timeouts, and
builders for queues, agents and conversations.

Every test module gets its own server (module-scoped fixture `switchboard`), started as

    $SWITCHBOARD_BIN serve --host 127.0.0.1 --port 0 --data-dir DIR --token-key-file FILE
                           [SWITCHBOARD_SERVE_ARGS of the module]

and stopped with SIGTERM after the module. Tests use the function-scoped fixture `sb` (a
`Scenario`): it names objects uniquely (queues, agents, ... of one test never meet another
test's), and cancels every stream the test opened when it ends. Every wait has a timeout; a
stream is read by a thread into a buffer, so no test can hang on a stream.

Test modules import the fixtures they use: `from workflow_support import switchboard, sb`.
"""

import importlib
import itertools
import os
import re
import secrets
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import grpc
import pytest

import interop_server
import interop_support as support

START_TIMEOUT = 60.0  # seconds until `listening on` must appear
STOP_TIMEOUT = 15.0
CALL_TIMEOUT = 10.0  # deadline of every unary call
STREAM_DEADLINE = 600.0  # safety deadline of every stream (they are cancelled long before)
WAIT = 5.0  # default time to wait for an expected stream item
QUIET = 0.5  # default time a stream is watched to show that nothing (more) arrives

SERVICES = {
    # attribute of a Client: (proto module, service name)
    "conversations": ("conversations", "Conversations"),
    "agents": ("agents", "Agents"),
    "supervision": ("supervision", "Supervision"),
    "admin": ("admin", "Admin"),
    "transcripts": ("transcripts", "Transcripts"),
    "events": ("events", "Events"),
}
PROTO_MODULES = ("common", "conversations", "agents", "supervision", "admin", "transcripts", "events")

Code = grpc.StatusCode


# --- the generated Python modules -------------------------------------------------------------


def load_protos():
    """One namespace with every message class and enum value of switchboard.v1 (all names are
    unique across its files), plus `P.modules` (short name -> _pb2 module) and `P.grpc_modules`
    (short name -> _pb2_grpc module)."""
    namespace = SimpleNamespace(modules={}, grpc_modules={})
    for short in PROTO_MODULES:
        module = importlib.import_module(f"switchboard.v1.{short}_pb2")
        namespace.modules[short] = module
        for name, value in vars(module).items():
            if not name.startswith("_") and name not in ("DESCRIPTOR",):
                setattr(namespace, name, value)
        if module.DESCRIPTOR.services_by_name:
            namespace.grpc_modules[short] = importlib.import_module(f"switchboard.v1.{short}_pb2_grpc")
    from google.protobuf import duration_pb2, timestamp_pb2

    namespace.Duration = duration_pb2.Duration
    namespace.Timestamp = timestamp_pb2.Timestamp
    return namespace


def duration(seconds):
    """A google.protobuf.Duration of `seconds` (float)."""
    from google.protobuf import duration_pb2

    value = duration_pb2.Duration()
    value.FromNanoseconds(int(round(seconds * 1e9)))
    return value


def seconds_of(value):
    """Seconds (float) of a Duration or Timestamp message."""
    return value.seconds + value.nanos / 1e9


def status_name(code):
    return code.name if isinstance(code, grpc.StatusCode) else str(code)


# --- the server ---------------------------------------------------------------------------------


def switchboard_binary():
    binary = Path(os.environ.get("SWITCHBOARD_BIN") or interop_server.DEFAULT_BIN)
    if not binary.is_absolute():
        binary = support.REPO / binary
    if not binary.is_file() or not os.access(binary, os.X_OK):
        pytest.fail(
            f"the Swift server {binary} does not exist (or is not executable): build it with "
            "`swift build`, or set SWITCHBOARD_BIN",
            pytrace=False,
        )
    return binary


LISTENING = re.compile(r"listening on (\S+):(\d+)")


@dataclass
class Server:
    """A running `switchboard serve`."""

    command: list
    process: subprocess.Popen
    directory: Path
    key_file: Path
    host: str = ""
    port: int = 0

    @property
    def target(self):
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def output(self, limit=6000):
        parts = []
        for name in ("stdout", "stderr"):
            text = (self.directory / name).read_text(errors="replace")
            parts.append(f"--- server {name} ---\n{text[-limit:]}")
        return "\n".join(parts)

    def check_alive(self):
        status = self.process.poll()
        assert status is None, (
            f"`{' '.join(self.command)}` exited with status {status}\n{self.output()}"
        )

    def mint(self, role, subject, conversation=None, ttl=None):
        """A bearer token from `switchboard token create`."""
        command = [
            str(self.command[0]), "token", "create", "--role", role, "--subject", subject,
            "--token-key-file", str(self.key_file),
        ]
        if conversation:
            command += ["--conversation", conversation]
        if ttl:
            command += ["--ttl", ttl]
        result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
        assert result.returncode == 0, (
            f"`{' '.join(command)}` failed with status {result.returncode}:\n"
            f"{result.stdout}{result.stderr}"
        )
        lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
        assert lines, f"`{' '.join(command)}` printed no token"
        return lines[-1]


def start_server(directory, extra_args=()):
    binary = switchboard_binary()
    directory = Path(directory)
    data_dir = directory / "data"
    data_dir.mkdir()
    key_file = directory / "token.key"
    key_file.write_text(secrets.token_hex(32))
    command = [
        str(binary), "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", str(data_dir),
        "--token-key-file", str(key_file), *extra_args,
    ]
    with open(directory / "stdout", "wb") as stdout, open(directory / "stderr", "wb") as stderr:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, cwd=support.REPO,
            start_new_session=True,
        )
    server = Server(command, process, directory, key_file)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        match = LISTENING.search((directory / "stdout").read_text(errors="replace"))
        if match:
            server.host, server.port = match.group(1), int(match.group(2))
            if server.host in ("0.0.0.0", "::"):
                server.host = "127.0.0.1"
            return server
        if process.poll() is not None:
            pytest.fail(
                f"`{' '.join(command)}` exited with status {process.returncode} before "
                f"printing `listening on`\n{server.output()}",
                pytrace=False,
            )
        if time.monotonic() > deadline:
            interop_server.stop_process(process)
            pytest.fail(f"`{' '.join(command)}` did not start within {START_TIMEOUT:.0f} s\n"
                        f"{server.output()}", pytrace=False)
        time.sleep(0.05)


def stop_server(server):
    already_exited = server.process.poll()
    by_sigterm = interop_server.stop_process(server.process)
    assert already_exited is None, (
        f"the server exited with status {already_exited} before the end of the module\n"
        f"{server.output()}"
    )
    assert by_sigterm, f"the server ignored SIGTERM for {STOP_TIMEOUT:.0f} s\n{server.output()}"
    assert server.process.returncode in (0, -signal.SIGTERM), (
        f"the server exited with status {server.process.returncode} on SIGTERM\n{server.output()}"
    )


# --- streams ------------------------------------------------------------------------------------


class StreamReader:
    """Reads a server stream on a thread into a buffer, so a test can wait for items with a
    timeout. `take` returns the first not yet taken item matching a predicate (items taken
    by nobody stay available); `all` is every item received, in order."""

    def __init__(self, call, label):
        self.call = call
        self.label = label
        self._items = []
        self._arrivals = []  # time.monotonic() of each item's arrival
        self._taken = set()
        self._condition = threading.Condition()
        self.status = None  # (StatusCode, details) once the stream ended
        self._thread = threading.Thread(target=self._run, name=f"stream {label}", daemon=True)
        self._thread.start()

    def _run(self):
        try:
            for item in self.call:
                with self._condition:
                    self._items.append(item)
                    self._arrivals.append(time.monotonic())
                    self._condition.notify_all()
            ending = (Code.OK, "")
        except grpc.RpcError as error:
            ending = (error.code(), error.details())
        with self._condition:
            self.status = ending
            self._condition.notify_all()

    def all(self):
        with self._condition:
            return list(self._items)

    def arrival(self, item):
        """When (time.monotonic()) `item`, received on this stream, arrived."""
        with self._condition:
            for index, candidate in enumerate(self._items):
                if candidate is item:
                    return self._arrivals[index]
        raise AssertionError(f"{self.label}: {describe_item(item)} was not received here")

    def _describe(self):
        items = self.all()
        shown = [describe_item(item) for item in items[-12:]]
        more = f" (last 12 of {len(items)})" if len(items) > 12 else ""
        return f"received{more}: {shown}; status: {self.status}"

    def take(self, predicate=None, timeout=WAIT, what="an item"):
        """The first untaken item matching `predicate` (any item if None), waiting up to
        `timeout` seconds; fails the test if none arrives or the stream ends first."""
        deadline = time.monotonic() + timeout
        with self._condition:
            start = 0
            while True:
                for index in range(start, len(self._items)):
                    if index not in self._taken and (predicate is None or predicate(self._items[index])):
                        self._taken.add(index)
                        return self._items[index]
                start = len(self._items)
                if self.status is not None:
                    raise AssertionError(f"{self.label}: the stream ended before {what}; {self._describe()}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{self.label}: no {what} within {timeout} s; {self._describe()}")
                self._condition.wait(remaining)

    def poll(self, predicate=None):
        """Like take, but returns None at once when no matching item is buffered."""
        with self._condition:
            for index, item in enumerate(self._items):
                if index not in self._taken and (predicate is None or predicate(item)):
                    self._taken.add(index)
                    return item
            return None

    def wait_next(self, timeout):
        """The next untaken item, or None if none arrives within `timeout` seconds (or the
        stream ended)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                for index in range(len(self._items)):
                    if index not in self._taken:
                        self._taken.add(index)
                        return self._items[index]
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.status is not None:
                    return None
                self._condition.wait(remaining)

    def expect_none(self, predicate, duration=QUIET, what="such item"):
        """Watches the stream for `duration` seconds and fails if an untaken item matching
        `predicate` is there (or arrives)."""
        deadline = time.monotonic() + duration
        with self._condition:
            while True:
                for index, item in enumerate(self._items):
                    if index not in self._taken and predicate(item):
                        raise AssertionError(f"{self.label}: unexpected {what}: {describe_item(item)}")
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.status is not None:
                    return
                self._condition.wait(remaining)

    def wait_end(self, timeout=WAIT):
        """Waits until the stream ends; returns (StatusCode, details)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while self.status is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{self.label}: the stream did not end within {timeout} s; "
                                         f"{self._describe()}")
                self._condition.wait(remaining)
            return self.status

    def first_or_end(self, timeout=WAIT):
        """For probing: the first item, or None if the stream ended first (see .status); fails
        if neither happens within `timeout`."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while not self._items and self.status is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{self.label}: no item and no end within {timeout} s")
                self._condition.wait(remaining)
            return self._items[0] if self._items else None

    def cancel(self):
        self.call.cancel()

    def join(self, timeout=WAIT):
        self._thread.join(timeout)


def describe_item(item):
    """A one-line description of a stream item: its oneof choice and its text, shortened."""
    text = str(item).replace("\n", " ")
    return f"{kind_of(item)}: {text[:220]}"


# --- clients ------------------------------------------------------------------------------------


class ServiceClient:
    """One service for one principal: `client.agents.Accept(offer_id=...)` builds the request
    from keyword arguments (or takes a request message), adds the bearer token and a deadline.
    Server-streaming methods return a StreamReader registered with the scenario for cleanup."""

    def __init__(self, owner, short, service_name):
        self._owner = owner
        P = owner.P
        module = P.modules[short]
        self._descriptor = module.DESCRIPTOR.services_by_name[service_name]
        self._stub = getattr(P.grpc_modules[short], f"{service_name}Stub")(owner.channel)
        self._service = service_name

    def __getattr__(self, name):
        method = self._descriptor.methods_by_name.get(name)
        if method is None:
            raise AttributeError(f"{self._service} has no method {name}")
        request_class = getattr(self._owner.P, method.input_type.name)
        callable_ = getattr(self._stub, name)
        owner = self._owner
        label = f"{owner.label} {self._service}.{name}"

        if method.server_streaming:
            def call_stream(request=None, *, metadata=None, **fields):
                request = request if request is not None else request_class(**fields)
                call = callable_(request, metadata=owner.metadata(metadata), timeout=STREAM_DEADLINE)
                reader = StreamReader(call, label)
                owner.register(reader)
                return reader
            return call_stream

        def call_unary(request=None, *, metadata=None, timeout=CALL_TIMEOUT, **fields):
            request = request if request is not None else request_class(**fields)
            return callable_(request, metadata=owner.metadata(metadata), timeout=timeout)
        return call_unary


class Client:
    """The six services as seen by one principal (a token, or none)."""

    def __init__(self, P, channel, token, label, register):
        self.P = P
        self.channel = channel
        self.token = token
        self.label = label
        self.register = register
        for attribute, (short, service) in SERVICES.items():
            setattr(self, attribute, ServiceClient(self, short, service))

    def metadata(self, extra=None):
        items = [] if self.token is None else [("authorization", f"Bearer {self.token}")]
        return tuple(items) + tuple(extra or ())


def rpc_status(function, *args, **kwargs):
    """Calls `function`; returns (StatusCode, details, response-or-None)."""
    try:
        return Code.OK, "", function(*args, **kwargs)
    except grpc.RpcError as error:
        return error.code(), error.details(), None


def expect_status(code, function, *args, **kwargs):
    """Calls `function` and asserts it fails with `code`; returns the error's details."""
    actual, details, response = rpc_status(function, *args, **kwargs)
    assert actual == code, (
        f"expected {status_name(code)}, got {status_name(actual)} ({details!r})"
        + (f" with {str(response)[:300]!r}" if response is not None else "")
    )
    return details


def eventually(check, timeout=WAIT, interval=0.05, what="the condition"):
    """Calls `check` until it returns a truthy value (which is returned) without raising
    AssertionError; fails with the last error after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            value = check()
            if value:
                return value
            last = f"{what} is {value!r}"
        except AssertionError as error:
            last = str(error)
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout} s: {last}")
        time.sleep(interval)


# --- predicates on stream items -------------------------------------------------------------


def holder_of(item):
    """The message holding the oneof: the `event` of Follow/Monitor/WatchEvents items, else
    the item itself."""
    return item.event if "event" in item.DESCRIPTOR.fields_by_name else item


def kind_of(item):
    """The oneof choice of a stream item (of its event, for Follow/Monitor/WatchEvents items)."""
    holder = holder_of(item)
    for oneof in holder.DESCRIPTOR.oneofs:
        choice = holder.WhichOneof(oneof.name)
        if choice:
            return choice
    return None


def is_kind(kind, **where):
    """Predicate: the item's oneof choice is `kind` and the payload's fields equal `where`."""
    def predicate(item):
        if kind_of(item) != kind:
            return False
        value = payload(item)
        return all(getattr(value, key) == expected for key, expected in where.items())
    return predicate


def payload(item):
    """The oneof payload of a stream item (an Offer, a ConversationMessage, ...)."""
    return getattr(holder_of(item), kind_of(item))


def durable_events(reader):
    """The durable (non-ephemeral) ConversationEvents a Follow/Monitor reader received."""
    return [item.event for item in reader.all() if not item.event.ephemeral]


def assert_increasing(sequences, what):
    assert all(a < b for a, b in zip(sequences, sequences[1:])), f"{what}: not strictly increasing: {sequences}"


def assert_gapless(sequences, first, what):
    assert sequences == list(range(first, first + len(sequences))), (
        f"{what}: expected consecutive sequences from {first}, got {sequences}"
    )


# --- the scenario: objects of one test ------------------------------------------------------


@dataclass
class Agent:
    """An agent (or supervisor) profile with its client and, once connected, its Notifications
    stream (snapshot already read into .snapshot)."""

    agent_id: str
    client: Client
    queues: list
    capacity: int
    role: int
    notifications: StreamReader = None
    snapshot: object = None
    snapshot_offers: list = field(default_factory=list)  # pending offers of the snapshot, not yet taken

    def connect(self, become_available=True):
        self.notifications = self.client.agents.Notifications(become_available=become_available)
        first = self.notifications.take(what="the snapshot")
        assert kind_of(first) == "snapshot", f"{self.agent_id}: first notification is {describe_item(first)}"
        self.snapshot = first.snapshot
        self.snapshot_offers = list(first.snapshot.pending_offers)
        return self.snapshot

    def poll_offer(self, conversation_id=None):
        """An offer (of `conversation_id`, or any) from the snapshot or the stream, or None."""
        for offer in self.snapshot_offers:
            if conversation_id is None or offer.conversation_id == conversation_id:
                self.snapshot_offers.remove(offer)
                return offer
        where = {} if conversation_id is None else {"conversation_id": conversation_id}
        item = self.notifications.poll(is_kind("offer", **where))
        return None if item is None else item.offer

    def disconnect(self):
        if self.notifications is not None:
            self.notifications.cancel()
            self.notifications.join()
            self.notifications = None

    def offer_for(self, conversation_id, timeout=WAIT):
        """Waits for an Offer of `conversation_id` (in the snapshot or on the stream)."""
        offer = self.poll_offer(conversation_id)
        if offer is not None:
            return offer
        item = self.notifications.take(
            is_kind("offer", conversation_id=conversation_id), timeout,
            f"an offer of {conversation_id} to {self.agent_id}",
        )
        return item.offer

    def next_offer(self, timeout=WAIT):
        """The next offer of any conversation (in the snapshot or on the stream)."""
        offer = self.poll_offer()
        if offer is not None:
            return offer
        return self.notifications.take(is_kind("offer"), timeout, f"an offer to {self.agent_id}").offer

    def withdrawn(self, offer_id, timeout=WAIT):
        item = self.notifications.take(
            is_kind("offer_withdrawn", offer_id=offer_id), timeout, f"OfferWithdrawn of {offer_id}"
        )
        return item.offer_withdrawn

    def accept(self, offer):
        offer_id = offer if isinstance(offer, str) else offer.offer_id
        return self.client.agents.Accept(offer_id=offer_id).conversation

    def take_conversation(self, conversation_id, timeout=WAIT):
        """Waits for the offer of `conversation_id` and accepts it; returns the detail."""
        return self.accept(self.offer_for(conversation_id, timeout))

    def say(self, conversation_id, text, client_message_id=None):
        return self.client.agents.SendMessage(
            conversation_id=conversation_id, text=text,
            client_message_id=client_message_id or f"a-{secrets.token_hex(6)}",
        )

    def close(self, conversation_id, category="resolved", notes=""):
        return self.client.agents.Close(
            conversation_id=conversation_id, resolution_category_id=category, notes=notes
        )

    def follow(self, conversation_id, after_sequence=0):
        return self.client.agents.Follow(conversation_id=conversation_id, after_sequence=after_sequence)


def first_offer(agents, conversation_id, timeout=WAIT):
    """Waits until one of `agents` is offered `conversation_id`; returns (agent, offer)."""
    deadline = time.monotonic() + timeout
    while True:
        for agent in agents:
            offer = agent.poll_offer(conversation_id)
            if offer is not None:
                return agent, offer
        if time.monotonic() > deadline:
            raise AssertionError(
                f"none of {[a.agent_id for a in agents]} was offered {conversation_id} within {timeout} s")
        time.sleep(0.02)


@dataclass
class Customer:
    """A conversation started by a bot, with a client holding the customer token."""

    conversation_id: str
    queue_id: str
    start: object
    client: Client
    bot: Client

    def follow(self, after_sequence=0):
        return self.client.conversations.Follow(
            conversation_id=self.conversation_id, after_sequence=after_sequence
        )

    def say(self, text, client_message_id=None):
        return self.client.conversations.SendMessage(
            conversation_id=self.conversation_id, text=text,
            client_message_id=client_message_id or f"c-{secrets.token_hex(6)}",
        )


@dataclass
class ModuleServer:
    """What the module fixture `switchboard` yields: the server, the generated modules, a
    channel, tokens and an admin client, shared by the module's tests."""

    server: Server
    P: SimpleNamespace
    channel: grpc.Channel
    tag: str
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    token_cache: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    streams: list = field(default_factory=list)

    def register(self, reader):
        with self.lock:
            self.streams.append(reader)

    def client(self, token, label):
        return Client(self.P, self.channel, token, label, self.register)

    def token(self, role, subject, conversation=None, ttl=None):
        key = (role, subject, conversation, ttl)
        with self.lock:
            cached = self.token_cache.get(key)
        if cached is None:
            cached = self.server.mint(role, subject, conversation, ttl)
            with self.lock:
                self.token_cache[key] = cached
        return cached

    def uid(self, prefix):
        return f"{prefix}-{self.tag}-{next(self.counter)}"


SURVEY_PROMPT = "How did we do?"


def default_categories(P):
    return [
        P.ResolutionCategory(category_id="resolved", label="Resolved", sort_order=1),
        P.ResolutionCategory(category_id="refund-issued", label="Refund issued", sort_order=2,
                             requires_notes=True),
        P.ResolutionCategory(category_id="follow-up-ticket", label="Follow-up ticket", sort_order=3),
    ]


def configure_defaults(admin, P):
    """The module's resolution categories (with one retired: `legacy`) and survey settings."""
    admin.admin.SetResolutionCategories(categories=[
        *default_categories(P), P.ResolutionCategory(category_id="legacy", label="Legacy", sort_order=9),
    ])
    stored = admin.admin.SetResolutionCategories(categories=default_categories(P))
    assert stored.retired_count == 1, f"retiring `legacy`: {stored}"
    admin.admin.SetSurveySettings(settings=P.SurveySettings(
        enabled=True, response_window=duration(24 * 3600), prompt=SURVEY_PROMPT,
    ))


@pytest.fixture(scope="module")
def switchboard(request, protos_python, tmp_path_factory):
    """One `switchboard serve` per test module (extra arguments: the module's
    SWITCHBOARD_SERVE_ARGS), configured with the default categories and survey settings."""
    if interop_server.is_python_peer():
        pytest.skip("INTEROP_SERVER=python: the grpcio reference peer serves only the interop services")
    P = load_protos()
    extra = getattr(request.module, "SWITCHBOARD_SERVE_ARGS", ())
    tag = re.sub(r"[^a-z0-9]", "", request.module.__name__.removeprefix("test_workflow_"))[:8] or "m"
    server = start_server(tmp_path_factory.mktemp(f"switchboard-{tag}"), extra)
    channel = grpc.insecure_channel(server.target)
    try:
        grpc.channel_ready_future(channel).result(timeout=CALL_TIMEOUT)
        module = ModuleServer(server, P, channel, tag)
        configure_defaults(module.client(module.token("admin", "admin"), "admin"), P)
        yield module
        for reader in module.streams:
            reader.cancel()
    finally:
        channel.close()
        stop_server(server)


class Scenario:
    """One test's view of the module server: unique ids, clients by role, builders of queues,
    agents and conversations; cancels the test's streams at the end."""

    def __init__(self, module):
        self.module = module
        self.P = module.P
        self.server = module.server
        self.first_stream = len(module.streams)
        self.admin = self.client("admin", "admin")
        self.bot = self.client("bot", "bot-main")

    # clients

    def client(self, role, subject, conversation=None, ttl=None, label=None):
        token = self.module.token(role, subject, conversation, ttl)
        return self.module.client(token, label or f"{role}:{subject}")

    def raw_client(self, token, label):
        """A client sending `token` as is (None: no authorization metadata)."""
        return self.module.client(token, label)

    def uid(self, prefix):
        return self.module.uid(prefix)

    # admin builders

    def queue(self, prefix="q", **config):
        """Creates a queue; config fields as QueueConfig, durations in seconds (float);
        returns its id."""
        P = self.P
        queue_id = config.pop("queue_id", None) or self.uid(prefix)
        for key in ("offer_timeout", "max_wait"):
            if key in config and not isinstance(config[key], P.Duration):
                config[key] = duration(config[key])
        config.setdefault("name", f"Queue {queue_id}")
        created = self.admin.admin.CreateQueue(queue=P.QueueConfig(queue_id=queue_id, **config))
        assert created.queue.queue_id == queue_id and created.queue.version == 1, created
        return queue_id

    def agent(self, queues=(), capacity=1, skills=(), supervisor=False, connect=True,
              become_available=True, prefix=None, display_name=None):
        """Creates an agent (or supervisor) profile, its client, and (connect) its
        Notifications stream with become_available."""
        P = self.P
        role = P.ROLE_SUPERVISOR if supervisor else P.ROLE_AGENT
        agent_id = self.uid(prefix or ("sup" if supervisor else "agent"))
        self.admin.admin.UpsertAgent(agent=P.AgentProfile(
            agent_id=agent_id, display_name=display_name or f"Agent {agent_id}", role=role,
            queue_ids=list(queues), capacity=capacity, skills=list(skills),
        ))
        client = self.client("supervisor" if supervisor else "agent", agent_id)
        agent = Agent(agent_id, client, list(queues), capacity, role)
        if connect:
            agent.connect(become_available)
        return agent

    def supervisor(self, **kwargs):
        return self.agent(supervisor=True, connect=kwargs.pop("connect", False), **kwargs)

    # conversations

    def bot_context(self, summary="Customer asks about a refund", **overrides):
        P = self.P
        fields = dict(
            bot_id="bot-main", summary=summary, detected_intent="billing.refund",
            intent_confidence=0.87, attributes={"order": "A-1001", "plan": "pro"},
            transcript=[
                P.BotTranscriptEntry(speaker=P.ROLE_CUSTOMER, text="Where is my refund?"),
                P.BotTranscriptEntry(speaker=P.ROLE_BOT, text="Let me get a human for you."),
            ],
        )
        fields.update(overrides)
        return P.BotContext(**fields)

    def conversation(self, queue_id=None, *, bot=None, customer_name="Dana Customer",
                     subject="Refund not received", priority=None, initial_message="",
                     bot_context=None, idempotency_key="", topic=None, channel=None,
                     contact=None, customer_id=None):
        """Starts a conversation (as `bot`, default bot-main); returns a Customer."""
        P = self.P
        bot = bot or self.bot
        request = P.StartConversationRequest(
            customer=P.CustomerInfo(
                customer_id=customer_id or self.uid("cust"), display_name=customer_name, locale="en-GB",
                verified=True,
                contact=contact if contact is not None else P.ContactDetails(
                    email="dana@example.com", phone_number="+4915112345678"),
            ),
            subject=subject, initial_message=initial_message, idempotency_key=idempotency_key,
        )
        if queue_id is not None:
            request.queue_id = queue_id
        if topic is not None:
            request.topic = topic
        if priority is not None:
            request.priority = priority
        if channel is not None:
            request.channel = channel
        if bot_context is not None:
            request.bot_context.CopyFrom(bot_context)
        response = bot.conversations.StartConversation(request)
        assert response.conversation_id and response.customer_token, response
        client = self.module.client(response.customer_token, f"customer:{response.conversation_id}")
        return Customer(response.conversation_id, response.queue_id, response, client, bot)

    # supervision queries (as admin)

    def agent_status(self, agent_id, queue_id=""):
        statuses = list_all(self.admin.supervision.ListAgents, "agents", queue_id=queue_id)
        matching = [status for status in statuses if status.agent_id == agent_id]
        assert len(matching) == 1, f"ListAgents lists {agent_id} {len(matching)} times"
        return matching[0]

    def queue_figures(self, queue_id):
        response = self.admin.supervision.ListQueues(queue_ids=[queue_id])
        assert [figures.queue_id for figures in response.queues] == [queue_id], response
        return response.queues[0]

    def transcript(self, conversation_id, internal=True):
        return self.admin.transcripts.GetTranscript(
            conversation_id=conversation_id, include_internal=internal
        ).transcript

    def close_streams(self):
        for reader in self.module.streams[self.first_stream:]:
            reader.cancel()


def list_all(method, field_name, page_size=0, **request):
    """Every item of a paged List RPC."""
    items, token = [], ""
    for _ in range(1000):
        response = method(page_token=token, page_size=page_size, **request)
        items.extend(getattr(response, field_name))
        token = response.next_page_token
        if not token:
            return items
    raise AssertionError(f"{method}: more than 1000 pages")


@pytest.fixture
def sb(switchboard):
    """The test's Scenario; fails the test if the server died during it."""
    scenario = Scenario(switchboard)
    yield scenario
    scenario.close_streams()
    switchboard.server.check_alive()


def parallel(function, items, workers=8):
    """`function` over `items` on a thread pool; returns the results in order."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))
