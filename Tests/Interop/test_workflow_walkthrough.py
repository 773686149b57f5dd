"""The seed's walk-through end to end over gRPC (issue 4, "Tests"): a bot escalates a customer
with context → an agent of the queue is offered it with the preview → accepts → greets →
messages both ways → transfers to another queue with a note → a second agent accepts and sees
the note → closes with a category → the customer rates it → the transcript is read back.

Then the same flow's promises one by one: resuming a dropped Follow stream without gap or
duplicate, and idempotent sends (messages, StartConversation, CreateTicket, notes).
"""

from workflow_support import (  # noqa: F401 (fixtures)
    Code,
    assert_gapless,
    assert_increasing,
    durable_events,
    expect_status,
    is_kind,
    sb,
    seconds_of,
    switchboard,
)


def event_of(reader, kind, timeout=5.0, **where):
    """The next untaken event of `kind` on a Follow/Monitor reader (its ConversationEvent)."""
    return reader.take(is_kind(kind, **where), timeout, f"a `{kind}` event {where or ''}").event


def test_seed_walkthrough(sb):
    P = sb.P
    queue_a = sb.queue("billing")
    queue_b = sb.queue("technical")
    agent1 = sb.agent([queue_a], capacity=2, display_name="Alice Agent")
    agent2 = sb.agent([queue_b], capacity=2, display_name="Bob Agent")
    context = sb.bot_context()

    # A bot escalates with its context and the customer's first message.
    customer = sb.conversation(
        queue_a, subject="Refund not received", customer_name="Dana Customer",
        initial_message="My refund for order A-1001 never arrived.", bot_context=context,
        idempotency_key=sb.uid("start"),
    )
    conversation_id = customer.conversation_id
    assert customer.start.queue_id == queue_a
    assert customer.start.queue_position == 1
    assert not customer.start.duplicate
    follow = customer.follow()
    first = event_of(follow, "message")
    assert first.sequence == 1 and first.message.text == "My refund for order A-1001 never arrived."
    assert first.message.author.role == P.ROLE_CUSTOMER

    # The agent of queue A is offered it with the preview and the bot's context.
    offer = agent1.offer_for(conversation_id)
    assert offer.queue_id == queue_a
    assert offer.subject == "Refund not received"
    assert offer.customer_display_name == "Dana Customer"
    assert offer.bot_summary == context.summary
    assert offer.detected_intent == "billing.refund"
    assert offer.bot_context == context
    assert offer.mode == P.OFFER_MODE_SINGLE_AGENT
    assert offer.priority == P.PRIORITY_NORMAL  # the queue's default (unset -> normal)
    assert seconds_of(offer.expires_at) > seconds_of(offer.offered_at)
    assert not offer.HasField("transfer")

    # Accept returns everything needed to take over.
    detail = agent1.accept(offer)
    assert detail.summary.conversation_id == conversation_id
    assert detail.summary.state == P.CONVERSATION_STATE_ACTIVE
    assert detail.summary.assigned_agent_id == agent1.agent_id
    assert detail.summary.queue_id == queue_a
    assert detail.customer.display_name == "Dana Customer"
    assert detail.customer.contact.email == "dana@example.com"
    assert detail.bot_context == context
    assert [m.text for m in detail.transcript] == ["My refund for order A-1001 never arrived."]
    assert agent1.agent_id in [p.participant_id for p in detail.participants]
    assert list(detail.transfers) == []

    # The agent greets; the customer sees the agent join, then the greeting.
    greeting = agent1.say(conversation_id, "Hello Dana, I am Alice. Let me check your refund.", "greet-1")
    assert greeting.sequence > 1 and not greeting.duplicate
    assigned = event_of(follow, "assigned")
    assert assigned.assigned.agent.participant_id == agent1.agent_id
    assert assigned.assigned.agent.role == P.ROLE_AGENT
    seen_greeting = event_of(follow, "message", sequence=greeting.sequence)
    assert seen_greeting.message.text.startswith("Hello Dana")
    assert seen_greeting.message.author.participant_id == agent1.agent_id

    # Messages both ways; the agent is notified of the customer's message.
    reply = customer.say("Thanks! It was 49.90 EUR.", "cust-1")
    assert reply.sequence > greeting.sequence
    notified = agent1.notifications.take(
        is_kind("customer_message", conversation_id=conversation_id), what="the customer message")
    assert notified.customer_message.text == "Thanks! It was 49.90 EUR."
    agent_view = agent1.follow(conversation_id)
    event_of(agent_view, "message", sequence=reply.sequence)
    second = agent1.say(conversation_id, "I see it; our technical team must look at the payout.")

    # Transfer to queue B with a note and a reason: the conversation leaves agent 1 at once.
    note = "Payout stuck in the PSP; please check the webhook logs for order A-1001."
    transfer = agent1.client.agents.Transfer(
        conversation_id=conversation_id, target=P.TransferTarget(queue_id=queue_b),
        reason=P.TRANSFER_REASON_EXPERTISE, note=note,
    ).transfer
    assert transfer.note == note and transfer.reason == P.TRANSFER_REASON_EXPERTISE
    assert transfer.target.queue_id == queue_b
    assert transfer.transferred_by.participant_id == agent1.agent_id
    marker = len(agent1.notifications.all())
    status1 = sb.agent_status(agent1.agent_id)
    assert status1.active_conversations == 0, status1
    expect_status(Code.PERMISSION_DENIED, agent1.say, conversation_id, "still here?")

    # Agent 2 of queue B is offered it with the transfer record, accepts and sees everything.
    offer2 = agent2.offer_for(conversation_id)
    assert offer2.queue_id == queue_b
    assert offer2.HasField("transfer") and offer2.transfer.note == note
    assert offer2.transfer.transferred_by.participant_id == agent1.agent_id
    detail2 = agent2.accept(offer2)
    assert detail2.summary.assigned_agent_id == agent2.agent_id
    assert detail2.summary.transfer_count == 1
    assert [(t.note, t.reason) for t in detail2.transfers] == [(note, P.TRANSFER_REASON_EXPERTISE)]
    assert detail2.bot_context == context
    assert [m.sequence for m in detail2.transcript] == [1, greeting.sequence, reply.sequence, second.sequence]
    transferred = event_of(follow, "transferred")
    assert transferred.transferred.note == "", "the customer must not see the transfer note"
    assigned2 = event_of(follow, "assigned")
    assert assigned2.assigned.agent.participant_id == agent2.agent_id

    answer = agent2.say(conversation_id, "Hi Dana, Bob here: the refund is on its way now.")
    thanks = customer.say("Great, thank you!")
    assert thanks.sequence > answer.sequence

    # Close with a category and notes: the customer gets the closing and the survey offer.
    closed = agent2.close(conversation_id, "refund-issued", "Re-sent payout 49.90 EUR")
    assert closed.resolution.category_id == "refund-issued"
    assert closed.resolution.reason == P.CLOSE_REASON_AGENT_CLOSED
    assert closed.resolution.notes == "Re-sent payout 49.90 EUR"
    assert closed.survey_offered
    closed_event = event_of(follow, "closed")
    assert closed_event.closed.reason == P.CLOSE_REASON_AGENT_CLOSED
    assert closed_event.closed.notes == "" and closed_event.closed.category_id == ""
    survey = event_of(follow, "survey_offered").survey_offered
    assert survey.survey_id and survey.prompt
    assert follow.wait_end()[0] == Code.OK

    # The customer's view: strictly increasing durable sequences, closed then survey last.
    customer_events = durable_events(follow)
    assert_increasing([e.sequence for e in customer_events], "customer Follow")
    assert [e.WhichOneof("kind") for e in customer_events][-2:] == ["closed", "survey_offered"]
    about_it = [item for item in agent1.notifications.all()[marker:] if conversation_id in str(item)]
    assert about_it == [], f"agent 1 was notified after transferring it away: {about_it}"

    # The survey is accepted once.
    rated = customer.client.conversations.SubmitSurvey(
        conversation_id=conversation_id, survey_id=survey.survey_id, rating=5, comment="Fast and kind")
    assert rated.survey.rating == 5 and rated.survey.conversation_id == conversation_id
    expect_status(Code.ALREADY_EXISTS, customer.client.conversations.SubmitSurvey,
                  conversation_id=conversation_id, survey_id=survey.survey_id, rating=4)

    # The agent's view of the whole conversation is gapless and ends after `closed`.
    replay = agent2.follow(conversation_id)
    assert replay.wait_end()[0] == Code.OK
    agent_events = durable_events(replay)
    assert_gapless([e.sequence for e in agent_events], 1, "agent Follow replay")
    kinds = [e.WhichOneof("kind") for e in agent_events]
    assert "closed" in kinds and kinds.index("closed") >= len(kinds) - 2, kinds

    # The transcript holds messages, transfer, resolution, survey and metrics.
    transcript = sb.transcript(conversation_id)
    assert transcript.conversation.state == P.CONVERSATION_STATE_CLOSED
    assert [m.sequence for m in transcript.messages] == [
        1, greeting.sequence, reply.sequence, second.sequence, answer.sequence, thanks.sequence]
    assert [t.note for t in transcript.transfers] == [note]
    assert transcript.resolution.category_id == "refund-issued"
    assert transcript.resolution.notes == "Re-sent payout 49.90 EUR"
    assert transcript.survey.rating == 5 and transcript.survey.comment == "Fast and kind"
    assert transcript.bot_context == context
    metrics = transcript.metrics
    for name in ("wait_time", "time_to_accept", "first_response_time", "handle_time"):
        assert metrics.HasField(name), f"metrics.{name} unset: {metrics}"
    assert metrics.transfer_count == 1
    assert metrics.offer_count >= 2
    assert metrics.customer_message_count == 3  # initial message, reply, thanks
    assert metrics.agent_message_count == 3
    participants = [p.participant_id for p in transcript.participants]
    assert agent1.agent_id in participants and agent2.agent_id in participants

    # The customer reads its own transcript in the public view only.
    public = customer.client.transcripts.GetTranscript(conversation_id=conversation_id).transcript
    assert [t.note for t in public.transfers] == [""]
    assert public.resolution.notes == ""
    expect_status(Code.PERMISSION_DENIED, customer.client.transcripts.GetTranscript,
                  conversation_id=conversation_id, include_internal=True)
    assert sb.agent_status(agent2.agent_id).active_conversations == 0


def active_conversation(sb, queue_prefix="q"):
    """A queue, a connected agent and an accepted conversation: (agent, customer)."""
    queue_id = sb.queue(queue_prefix)
    agent = sb.agent([queue_id], capacity=3)
    customer = sb.conversation(queue_id, initial_message="Hello?")
    agent.take_conversation(customer.conversation_id)
    return agent, customer


def test_follow_resumes_without_gap_or_duplicate(sb):
    P = sb.P
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id
    agent.say(conversation_id, "Hi, how can I help?")
    customer.say("My invoice is wrong.")

    first = customer.follow()
    events = []
    while True:
        events.append(first.take(lambda item: not item.event.ephemeral, what="a durable event").event)
        if events[-1].WhichOneof("kind") == "message" and events[-1].message.text == "My invoice is wrong.":
            break
    last_seen = events[-1].sequence
    first.cancel()
    assert first.wait_end()[0] == Code.CANCELLED

    # While the customer is away: messages both ways and an internal note.
    sent = [agent.say(conversation_id, "Which invoice number?").sequence,
            customer.say("INV-2024-0042").sequence]
    note = agent.client.agents.AddNote(conversation_id=conversation_id, client_message_id="n1",
                                       text="Customer on the legacy tariff").sequence
    sent.append(agent.say(conversation_id, "Found it, correcting now.").sequence)

    resumed = customer.follow(after_sequence=last_seen)
    seen = [resumed.take(lambda item: not item.event.ephemeral, what="a resumed event").event
            for _ in range(len(sent))]
    assert [e.sequence for e in seen] == sent, "resume must deliver exactly what came after the cursor"
    resumed.expect_none(lambda item: not item.event.ephemeral, what="event after the resumed ones")
    assert note not in [e.sequence for e in seen], "the internal note must not reach the customer"

    # The agent's view resumes gapless, note included.
    agent_resumed = agent.follow(conversation_id, after_sequence=last_seen)
    agent_seen = [agent_resumed.take(lambda item: not item.event.ephemeral).event for _ in range(4)]
    assert_gapless([e.sequence for e in agent_seen], last_seen + 1, "agent resume")
    assert agent_seen[2].message.visibility == P.MESSAGE_VISIBILITY_INTERNAL_NOTE

    # A cursor beyond the latest sequence is invalid.
    beyond = customer.follow(after_sequence=sent[-1] + 5)
    assert beyond.wait_end()[0] == Code.INVALID_ARGUMENT


def test_idempotent_sends(sb):
    P = sb.P
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id

    original = customer.say("Is the refund processed?", "dup-1")
    again = customer.say("Is the refund processed?", "dup-1")
    assert not original.duplicate and again.duplicate
    assert (again.sequence, again.message_id) == (original.sequence, original.message_id)
    changed = customer.say("another text, same id", "dup-1")
    assert changed.duplicate and changed.sequence == original.sequence

    agent_original = agent.say(conversation_id, "Yes, since Monday.", "agent-dup")
    agent_again = agent.say(conversation_id, "Yes, since Monday.", "agent-dup")
    assert agent_again.duplicate and agent_again.sequence == agent_original.sequence

    note = agent.client.agents.AddNote(conversation_id=conversation_id, client_message_id="note-dup", text="n")
    note_again = agent.client.agents.AddNote(conversation_id=conversation_id, client_message_id="note-dup", text="n")
    assert note_again.duplicate and note_again.sequence == note.sequence

    after = customer.say("Thanks", "dup-2")
    assert after.sequence == max(original.sequence, agent_original.sequence, note.sequence) + 1, (
        "a duplicate must not take a sequence number")
    transcript = sb.transcript(conversation_id)
    texts = [m.text for m in transcript.messages]
    assert texts.count("Is the refund processed?") == 1 and "another text, same id" not in texts
    assert texts.count("Yes, since Monday.") == 1
    assert texts.count("n") == 1

    # StartConversation by idempotency key.
    queue_id = customer.queue_id
    key = sb.uid("idem")
    started = sb.conversation(queue_id, idempotency_key=key, subject="Same", customer_id="c-same")
    retried = sb.conversation(queue_id, idempotency_key=key, subject="Same", customer_id="c-same")
    assert retried.start.duplicate and not started.start.duplicate
    assert retried.conversation_id == started.conversation_id
    expect_status(Code.ALREADY_EXISTS, sb.conversation, queue_id, idempotency_key=key, subject="Different",
                  customer_id="c-same")

    # CreateTicket by idempotency key.
    ticket = agent.client.agents.CreateTicket(
        conversation_id=conversation_id, subject="Refund check", description="Check PSP",
        priority=P.PRIORITY_HIGH, idempotency_key="t-1")
    ticket_again = agent.client.agents.CreateTicket(
        conversation_id=conversation_id, subject="Refund check", description="Check PSP",
        priority=P.PRIORITY_HIGH, idempotency_key="t-1")
    assert not ticket.duplicate and ticket_again.duplicate
    assert ticket_again.ticket.ticket_id == ticket.ticket.ticket_id
    expect_status(Code.ALREADY_EXISTS, agent.client.agents.CreateTicket,
                  conversation_id=conversation_id, subject="Other subject", idempotency_key="t-1")
    tickets = sb.transcript(conversation_id).tickets
    assert [t.ticket_id for t in tickets] == [ticket.ticket.ticket_id]
