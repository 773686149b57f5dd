#!/usr/bin/env python3
"""Walks through the agent workflow against a running `switchboard serve --demo`.

Usage: .venv/bin/python Tools/demo.py [--server HOST:PORT] [--switchboard PATH] [--data-dir DIR]
                                      [--token-key-file FILE]

It plays every part of the help page's story with the demo principals, printing each step:
a bot escalates a refund question with its context to the billing queue; Alice (billing) is
notified with the preview, accepts, sees the bot's context and greets the customer; they talk;
Alice transfers the chat to the technical queue with a note; Carol (technical) accepts, reads the
note and the history, and closes the chat with a resolution category; the customer gets the survey
and rates it; Sam, the supervisor, reads the stored transcript.

Tokens are minted with `switchboard token create`, which signs them with the same key as the
server when both use the same data directory (default ./switchboard-data). Start the server first
with `Tools/run.sh` in another terminal. Needs the .venv that Tools/bootstrap.sh creates (grpcio,
grpcio-tools).
"""

import argparse
import importlib
import pathlib
import queue
import subprocess
import sys
import tempfile
import threading
import uuid

import grpc
from grpc_tools import protoc

REPO = pathlib.Path(__file__).resolve().parent.parent
PROTOS = REPO / "Protos"
WAIT_SECONDS = 10


def load_stubs(out_dir):
    """Compiles Protos/switchboard/v1 with grpcio-tools and imports the generated modules."""
    include = str(pathlib.Path(protoc.__file__).parent / "_proto")
    files = sorted(str(path.relative_to(PROTOS)) for path in (PROTOS / "switchboard" / "v1").glob("*.proto"))
    args = ["protoc", f"-I{PROTOS}", f"-I{include}", f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", *files]
    if protoc.main(args) != 0:
        sys.exit("demo: could not compile Protos/ with grpcio-tools")
    sys.path.insert(0, str(out_dir))
    names = ["common", "conversations", "agents", "transcripts"]
    pb = {name: importlib.import_module(f"switchboard.v1.{name}_pb2") for name in names}
    rpc = {name: importlib.import_module(f"switchboard.v1.{name}_pb2_grpc") for name in names}
    return pb, rpc


class Demo:
    def __init__(self, args, pb, rpc):
        self.args = args
        self.pb = pb
        self.channel = grpc.insecure_channel(args.server)
        self.conversations = rpc["conversations"].ConversationsStub(self.channel)
        self.agents = rpc["agents"].AgentsStub(self.channel)
        self.transcripts = rpc["transcripts"].TranscriptsStub(self.channel)
        self.streams = []

    def token(self, role, subject):
        command = [self.args.switchboard, "token", "create", "--role", role, "--subject", subject]
        if self.args.data_dir:
            command += ["--data-dir", self.args.data_dir]
        if self.args.token_key_file:
            command += ["--token-key-file", self.args.token_key_file]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"demo: `{' '.join(command)}` failed: {result.stderr.strip()}")
        return result.stdout.strip()

    @staticmethod
    def auth(token):
        return [("authorization", f"Bearer {token}")]

    def listen(self, label, call):
        """Reads a server stream on a thread into a queue; returns the queue."""
        items = queue.Queue()
        self.streams.append(call)

        def pump():
            try:
                for item in call:
                    items.put(item)
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.CANCELLED:
                    print(f"  [{label}] stream ended: {error.code().name} {error.details()}")
            items.put(None)

        threading.Thread(target=pump, daemon=True).start()
        return items

    @staticmethod
    def next_kind(items, field, kind, label):
        """Waits for the next stream item whose oneof `field` is `kind`, skipping others."""
        while True:
            try:
                item = items.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                sys.exit(f"demo: no {kind} on {label} within {WAIT_SECONDS} s")
            if item is None:
                sys.exit(f"demo: {label} ended before a {kind} arrived")
            carrier = item.event if hasattr(item, "event") else item
            if carrier.WhichOneof(field) == kind:
                return getattr(carrier, kind)

    def run(self):
        pb = self.pb
        common, conv, agents = pb["common"], pb["conversations"], pb["agents"]
        bot, alice, carol, sam = (
            self.token("bot", "helpbot"),
            self.token("agent", "alice"),
            self.token("agent", "carol"),
            self.token("supervisor", "sam"),
        )

        step("Alice (billing) and Carol (technical) open their notification streams")
        alice_inbox = self.listen("alice", self.agents.Notifications(
            agents.NotificationsRequest(become_available=True), metadata=self.auth(alice)))
        carol_inbox = self.listen("carol", self.agents.Notifications(
            agents.NotificationsRequest(become_available=True), metadata=self.auth(carol)))
        for inbox, name in ((alice_inbox, "alice"), (carol_inbox, "carol")):
            snapshot = self.next_kind(inbox, "kind", "snapshot", name)
            print(f"  {name}: {common.Presence.Name(snapshot.status.presence)}, "
                  f"capacity {snapshot.status.capacity}, queues {list(snapshot.status.queue_ids)}")

        step("The bot escalates a refund question with its context (topic 'refund' → billing)")
        context = common.BotContext(
            bot_id="helpbot", summary="Customer was charged twice for order 1042 and wants a refund.",
            detected_intent="billing.refund", intent_confidence=0.93,
            attributes={"order": "1042", "plan": "premium"},
            transcript=[common.BotTranscriptEntry(speaker=common.ROLE_CUSTOMER, text="I was charged twice!"),
                        common.BotTranscriptEntry(speaker=common.ROLE_BOT, text="Let me get you to a person.")])
        started = self.conversations.StartConversation(conv.StartConversationRequest(
            topic="refund", priority=common.PRIORITY_HIGH, channel=common.CHANNEL_WEB,
            customer=common.CustomerInfo(customer_id="c-1042", display_name="Dana Customer",
                                         contact=common.ContactDetails(email="dana@example.com")),
            subject="Charged twice for order 1042", bot_context=context,
            initial_message="Hi, I need my money back.", idempotency_key=str(uuid.uuid4())),
            metadata=self.auth(bot))
        cid, customer = started.conversation_id, started.customer_token
        print(f"  conversation {cid} in queue {started.queue_id}, position {started.queue_position}")
        customer_view = self.listen("customer", self.conversations.Follow(
            conv.FollowRequest(conversation_id=cid), metadata=self.auth(customer)))

        step("Alice gets the offer with the preview and accepts it")
        offer = self.next_kind(alice_inbox, "kind", "offer", "alice")
        print(f"  offer {offer.offer_id}: '{offer.subject}' from {offer.customer_display_name}; "
              f"bot says: {offer.bot_summary} ({offer.detected_intent})")
        detail = self.agents.Accept(agents.AcceptRequest(offer_id=offer.offer_id), metadata=self.auth(alice)).conversation
        print(f"  the chat opens with the bot's context: {dict(detail.bot_context.attributes)}, "
              f"{len(detail.bot_context.transcript)} bot lines, {len(detail.transcript)} message(s) so far")
        assigned = self.next_kind(customer_view, "kind", "assigned", "customer")
        print(f"  the customer sees {assigned.agent.display_name} join")

        step("Alice greets the customer; they talk")
        self.say_agent(alice, cid, "Hello Dana, I'm Alice. I see the double charge on order 1042.")
        self.say_customer(customer, cid, "Yes, and my login to the app stopped working too.")
        for _ in range(2):
            message = self.next_kind(customer_view, "kind", "message", "customer")
            print(f"  customer view #{message.sequence}: {message.author.display_name}: {message.text}")

        step("Alice transfers the chat to the technical queue with a note")
        transfer = self.agents.Transfer(agents.TransferRequest(
            conversation_id=cid, target=common.TransferTarget(queue_id="technical"),
            reason=common.TRANSFER_REASON_EXPERTISE,
            note="Refund for the double charge is done (ref R-88). Needs help with the app login."),
            metadata=self.auth(alice)).transfer
        print(f"  transfer {transfer.transfer_id} recorded; the chat left Alice's desk")

        step("Carol (technical) gets the offer, accepts, and reads the note and the history")
        offer = self.next_kind(carol_inbox, "kind", "offer", "carol")
        detail = self.agents.Accept(agents.AcceptRequest(offer_id=offer.offer_id), metadata=self.auth(carol)).conversation
        for record in detail.transfers:
            print(f"  transfer note from {record.transferred_by.display_name}: {record.note}")
        print(f"  {len(detail.transcript)} messages in the history")
        self.say_agent(carol, cid, "Hi Dana, Carol here. I've reset your app login; please try again.")
        self.say_customer(customer, cid, "It works now, thanks!")

        step("Carol closes the chat with a resolution category and notes")
        closed = self.agents.Close(agents.CloseRequest(
            conversation_id=cid, resolution_category_id="resolved",
            notes="Refund R-88 by Alice; app login reset."), metadata=self.auth(carol))
        metrics = closed.metrics
        print(f"  survey offered: {closed.survey_offered}; wait {duration(metrics.wait_time)}, "
              f"time to accept {duration(metrics.time_to_accept)}, "
              f"first response {duration(metrics.first_response_time)}, transfers {metrics.transfer_count}")

        step("The customer sees the closing and the survey, and rates the chat")
        self.next_kind(customer_view, "kind", "closed", "customer")
        survey = self.next_kind(customer_view, "kind", "survey_offered", "customer")
        print(f"  survey: {survey.prompt}")
        self.conversations.SubmitSurvey(conv.SubmitSurveyRequest(
            conversation_id=cid, survey_id=survey.survey_id, rating=5, comment="Quick and friendly."),
            metadata=self.auth(customer))
        print("  rated 5")

        step("Sam (supervisor) reads the stored transcript")
        transcript = self.transcripts.GetTranscript(pb["transcripts"].GetTranscriptRequest(
            conversation_id=cid, include_internal=True), metadata=self.auth(sam)).transcript
        for message in transcript.messages:
            print(f"  #{message.sequence} {message.author.display_name or message.author.participant_id}: {message.text}")
        print(f"  resolution: {transcript.resolution.category_label}; survey: {transcript.survey.rating}/5")

        for call in self.streams:
            call.cancel()
        print("\ndemo: done")

    def say_agent(self, token, cid, text):
        self.agents.SendMessage(self.pb["agents"].AgentSendMessageRequest(
            conversation_id=cid, client_message_id=str(uuid.uuid4()), text=text), metadata=self.auth(token))

    def say_customer(self, token, cid, text):
        self.conversations.SendMessage(self.pb["conversations"].SendMessageRequest(
            conversation_id=cid, client_message_id=str(uuid.uuid4()), text=text), metadata=self.auth(token))


def step(title):
    print(f"\n== {title}")


def duration(value):
    return f"{value.seconds + value.nanos / 1e9:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="localhost:50051", help="the server's HOST:PORT")
    parser.add_argument("--switchboard", default=str(REPO / ".build" / "debug" / "switchboard"),
                        help="the switchboard binary that mints tokens")
    parser.add_argument("--data-dir", help="the server's data directory (holds the token key)")
    parser.add_argument("--token-key-file", help="the server's token key file, if it was given one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out_dir:
        pb, rpc = load_stubs(out_dir)
        try:
            Demo(args, pb, rpc).run()
        except grpc.RpcError as error:
            sys.exit(f"demo: {error.code().name}: {error.details()}")


if __name__ == "__main__":
    main()
