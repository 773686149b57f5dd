"""The rest of the agent workflow end to end over gRPC (issue 4): the Events feed and its
cursors, moving a customer to phone or e-mail, assistance with whispers, monitor, join and
reassign, live queue figures, typing and read receipts, leaving, queue position updates, the
survey window, and the error statuses the protos promise for bad input.
"""

import time

from workflow_support import (  # noqa: F401 (fixtures)
    SURVEY_PROMPT,
    Code,
    duration,
    eventually,
    expect_status,
    first_offer,
    is_kind,
    kind_of,
    list_all,
    rpc_status,
    sb,
    seconds_of,
    switchboard,
)


def active_conversation(sb, queue_id=None, **conversation):
    """A queue (unless given), a connected agent of it and an accepted conversation."""
    queue_id = queue_id or sb.queue("q")
    agent = sb.agent([queue_id], capacity=3)
    customer = sb.conversation(queue_id, **conversation)
    agent.take_conversation(customer.conversation_id)
    return agent, customer


def survey_of(customer, follow=None):
    """The survey offer on the customer's Follow stream (replayed if `follow` is None)."""
    follow = follow or customer.follow()
    return follow.take(is_kind("survey_offered"), what="the survey offer").event.survey_offered


def events_for(reader, conversation_ids):
    return [item.event for item in reader.all() if item.event.conversation_id in conversation_ids]


# --- Events feed ------------------------------------------------------------------------------


def test_event_feed_delivers_once_and_resumes_from_a_cursor(sb):
    P = sb.P
    agent, customer = active_conversation(sb)
    first_id = customer.conversation_id
    ticket = agent.client.agents.CreateTicket(
        conversation_id=first_id, subject="Check refund", description="PSP payout",
        priority=P.PRIORITY_HIGH, idempotency_key="feed-ticket").ticket
    agent.close(first_id, "follow-up-ticket", "ticket raised")
    survey = survey_of(customer)
    customer.client.conversations.SubmitSurvey(conversation_id=first_id, survey_id=survey.survey_id, rating=4)
    mover, moved = active_conversation(sb)
    second_id = moved.conversation_id
    mover.client.agents.MoveChannel(conversation_id=second_id, target_channel=P.CHANNEL_PHONE,
                                    contact=P.ContactDetails(phone_number="+14155550123"))
    expected = {
        (first_id, P.EXTERNAL_EVENT_KIND_TICKET_CREATED),
        (first_id, P.EXTERNAL_EVENT_KIND_CONVERSATION_CLOSED),
        (first_id, P.EXTERNAL_EVENT_KIND_SURVEY_SUBMITTED),
        (second_id, P.EXTERNAL_EVENT_KIND_CHANNEL_MOVE_REQUESTED),
        (second_id, P.EXTERNAL_EVENT_KIND_CONVERSATION_CLOSED),
    }
    ours = {first_id, second_id}

    feed = sb.admin.events.WatchEvents()
    eventually(lambda: {(e.conversation_id, e.kind) for e in events_for(feed, ours)} >= expected,
               what="the five events on the feed")
    time.sleep(0.3)
    mine = events_for(feed, ours)
    assert sorted((e.conversation_id, e.kind) for e in mine) == sorted(expected), "each event exactly once"
    everything = [item.event for item in feed.all()]
    assert len({e.cursor for e in everything}) == len(everything), "cursors are unique"
    assert len({e.event_id for e in everything}) == len(everything), "event ids are unique"
    for event in mine:
        assert event.WhichOneof("payload") is not None and event.HasField("occurred_at")
    by_kind = {(e.conversation_id, e.kind): e for e in mine}
    created = by_kind[(first_id, P.EXTERNAL_EVENT_KIND_TICKET_CREATED)].ticket_created
    assert created.ticket_id == ticket.ticket_id and created.subject == "Check refund"
    closed = by_kind[(first_id, P.EXTERNAL_EVENT_KIND_CONVERSATION_CLOSED)].conversation_closed
    assert closed.resolution.category_id == "follow-up-ticket" and list(closed.agent_ids) == [agent.agent_id]
    assert closed.customer.display_name == "Dana Customer"
    rated = by_kind[(first_id, P.EXTERNAL_EVENT_KIND_SURVEY_SUBMITTED)].survey_submitted
    assert rated.survey.rating == 4 and rated.agent_id == agent.agent_id
    move = by_kind[(second_id, P.EXTERNAL_EVENT_KIND_CHANNEL_MOVE_REQUESTED)].channel_move_requested
    assert move.contact.phone_number == "+14155550123" and move.conversation_id == second_id

    # Resuming after any cursor gives exactly the events after it, in the same order.
    index = everything.index(mine[1])
    resumed = sb.admin.events.WatchEvents(after_cursor=everything[index].cursor)
    rest = [e.event_id for e in everything[index + 1:]]
    eventually(lambda: len(resumed.all()) >= len(rest), what="the resumed backlog")
    assert [item.event.event_id for item in resumed.all()][:len(rest)] == rest

    # Live events reach both streams once.
    agent_live, customer_live = active_conversation(sb)
    agent_live.client.agents.CreateTicket(conversation_id=customer_live.conversation_id, subject="live")
    for reader in (feed, resumed):
        eventually(lambda reader=reader: events_for(reader, {customer_live.conversation_id}),
                   what="the live ticket event")
    time.sleep(0.2)
    for reader in (feed, resumed):
        assert len(events_for(reader, {customer_live.conversation_id})) == 1

    # A kinds filter, and a malformed cursor.
    tickets_only = sb.admin.events.WatchEvents(kinds=[P.EXTERNAL_EVENT_KIND_TICKET_CREATED])
    eventually(lambda: events_for(tickets_only, {customer_live.conversation_id}), what="the filtered feed")
    assert {item.event.kind for item in tickets_only.all()} == {P.EXTERNAL_EVENT_KIND_TICKET_CREATED}
    malformed = sb.admin.events.WatchEvents(after_cursor="not a cursor!")
    assert malformed.wait_end()[0] == Code.INVALID_ARGUMENT


# --- MoveChannel -----------------------------------------------------------------------------


def test_move_channel_to_phone(sb):
    P = sb.P
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id
    follow = customer.follow()
    move_channel = agent.client.agents.MoveChannel
    expect_status(Code.INVALID_ARGUMENT, move_channel, conversation_id=conversation_id,
                  target_channel=P.CHANNEL_WEB)
    expect_status(Code.INVALID_ARGUMENT, move_channel, conversation_id=conversation_id,
                  target_channel=P.CHANNEL_PHONE, contact=P.ContactDetails(phone_number="12345"))

    # Empty contact fields fall back to the customer's contact details.
    move = move_channel(conversation_id=conversation_id, target_channel=P.CHANNEL_PHONE,
                        note="Call back about the refund").move
    assert move.contact.phone_number == "+4915112345678"
    assert (move.target_channel, move.conversation_id, move.requested_by) == (
        P.CHANNEL_PHONE, conversation_id, agent.agent_id)
    system = follow.take(lambda item: kind_of(item) == "message"
                         and item.event.message.author.role == P.ROLE_SYSTEM, what="the system message")
    assert "+4915112345678" in system.event.message.text
    closed = follow.take(is_kind("closed"), what="the closing").event.closed
    assert closed.reason == P.CLOSE_REASON_AGENT_CLOSED
    assert follow.wait_end()[0] == Code.OK

    transcript = sb.transcript(conversation_id)
    assert transcript.conversation.state == P.CONVERSATION_STATE_CLOSED
    assert transcript.resolution.category_id == "moved-to-phone"
    assert [m.contact.phone_number for m in transcript.channel_moves] == ["+4915112345678"]
    assert sb.agent_status(agent.agent_id).active_conversations == 0
    expect_status(Code.FAILED_PRECONDITION, move_channel, conversation_id=conversation_id,
                  target_channel=P.CHANNEL_PHONE)
    feed = sb.admin.events.WatchEvents(kinds=[P.EXTERNAL_EVENT_KIND_CHANNEL_MOVE_REQUESTED])
    event = feed.take(lambda item: item.event.conversation_id == conversation_id, what="the move event").event
    assert event.channel_move_requested.contact.phone_number == "+4915112345678"


def test_move_channel_to_email(sb):
    P = sb.P
    agent, customer = active_conversation(sb, contact=P.ContactDetails())
    conversation_id = customer.conversation_id
    move_channel = agent.client.agents.MoveChannel
    expect_status(Code.INVALID_ARGUMENT, move_channel, conversation_id=conversation_id,
                  target_channel=P.CHANNEL_EMAIL)  # no address known
    expect_status(Code.INVALID_ARGUMENT, move_channel, conversation_id=conversation_id,
                  target_channel=P.CHANNEL_EMAIL, contact=P.ContactDetails(email="dana@localhost"))
    move = move_channel(conversation_id=conversation_id, target_channel=P.CHANNEL_EMAIL,
                        contact=P.ContactDetails(email="dana@example.org")).move
    assert move.contact.email == "dana@example.org"
    assert sb.transcript(conversation_id).resolution.category_id == "moved-to-email"


# --- Supervision ------------------------------------------------------------------------------


def test_assistance_whisper_monitor_join(sb):
    P = sb.P
    supervisor = sb.supervisor()
    queue_id = sb.queue("assist", supervisor_ids=[supervisor.agent_id])
    agent, customer = active_conversation(sb, queue_id)
    conversation_id = customer.conversation_id
    customer_follow = customer.follow()
    agent_follow = agent.follow(conversation_id)
    watch = supervisor.client.supervision.WatchQueues(queue_ids=[queue_id])
    snapshot = watch.take(lambda item: kind_of(item) == "figures" and item.figures.snapshot, what="the snapshot")
    assert [q.queue_id for q in snapshot.figures.queues] == [queue_id]

    asked = agent.client.agents.RequestAssistance(
        conversation_id=conversation_id, question="Customer asks for a goodwill voucher",
        urgency=P.PRIORITY_HIGH).assistance
    assert (asked.status, asked.queue_id, asked.agent_id) == (P.ASSISTANCE_STATUS_OPEN, queue_id, agent.agent_id)
    raised = watch.take(is_kind("assistance", assistance_id=asked.assistance_id), what="the request").assistance
    assert raised.question == "Customer asks for a goodwill voucher"
    expect_status(Code.ALREADY_EXISTS, agent.client.agents.RequestAssistance,
                  conversation_id=conversation_id, question="again?")
    listed = supervisor.client.supervision.ListAssistanceRequests(queue_ids=[queue_id]).requests
    assert [r.assistance_id for r in listed] == [asked.assistance_id]
    assert [r.assistance_id for r in agent.client.agents.GetConversation(
        conversation_id=conversation_id).conversation.open_assistance] == [asked.assistance_id]

    # Monitor is silent; a whisper reaches the agent only.
    monitor = supervisor.client.supervision.Monitor(conversation_id=conversation_id)
    whisper = supervisor.client.supervision.Whisper(
        conversation_id=conversation_id, client_message_id="w-1", text="Offer 10 percent, approved")
    seen = agent_follow.take(is_kind("message", sequence=whisper.sequence), what="the whisper").event.message
    assert seen.visibility == P.MESSAGE_VISIBILITY_WHISPER and seen.recipient_agent_id == agent.agent_id
    assert agent.notifications.take(is_kind("whisper"), what="the whisper notification").whisper.text == (
        "Offer 10 percent, approved")
    monitor.take(is_kind("message", sequence=whisper.sequence), what="the whisper on Monitor")

    resolved = supervisor.client.supervision.ResolveAssistance(
        assistance_id=asked.assistance_id, answer="Voucher approved").assistance
    assert (resolved.status, resolved.resolved_by, resolved.answer) == (
        P.ASSISTANCE_STATUS_RESOLVED, supervisor.agent_id, "Voucher approved")
    answered = agent.notifications.take(
        is_kind("assistance_answered", assistance_id=asked.assistance_id), what="assistance_answered")
    assert answered.assistance_answered.answer == "Voucher approved"
    watch.take(is_kind("assistance", assistance_id=asked.assistance_id, status=P.ASSISTANCE_STATUS_RESOLVED),
               what="the resolved request on WatchQueues")
    expect_status(Code.FAILED_PRECONDITION, supervisor.client.supervision.ResolveAssistance,
                  assistance_id=asked.assistance_id, answer="twice")

    # Join is visible to the customer; then the supervisor may write, and leave.
    expect_status(Code.PERMISSION_DENIED, supervisor.client.agents.SendMessage,
                  conversation_id=conversation_id, client_message_id="s-0", text="before joining")
    joined = supervisor.client.supervision.Join(conversation_id=conversation_id, greeting="Hello, I am the team lead.")
    assert joined.participant.participant_id == supervisor.agent_id
    assert joined.participant.role == P.ROLE_SUPERVISOR
    event = customer_follow.take(is_kind("participant_joined"), what="the supervisor joining").event
    assert event.participant_joined.participant_id == supervisor.agent_id
    expect_status(Code.ALREADY_EXISTS, supervisor.client.supervision.Join, conversation_id=conversation_id)
    said = supervisor.client.agents.SendMessage(conversation_id=conversation_id, client_message_id="s-1",
                                                text="We approved a voucher for you.")
    customer_follow.take(is_kind("message", sequence=said.sequence), what="the supervisor's message")
    supervisor.client.supervision.Leave(conversation_id=conversation_id)
    expect_status(Code.FAILED_PRECONDITION, supervisor.client.supervision.Leave, conversation_id=conversation_id)
    expect_status(Code.PERMISSION_DENIED, supervisor.client.agents.SendMessage,
                  conversation_id=conversation_id, client_message_id="s-2", text="after leaving")

    agent.close(conversation_id)
    assert customer_follow.wait_end()[0] == Code.OK
    assert monitor.wait_end()[0] == Code.OK
    customer_messages = [item.event.message for item in customer_follow.all() if kind_of(item) == "message"]
    assert all(m.visibility in (P.MESSAGE_VISIBILITY_PUBLIC, P.MESSAGE_VISIBILITY_UNSPECIFIED)
               for m in customer_messages), customer_messages
    assert "Offer 10 percent, approved" not in str(customer_follow.all())
    joins = [item for item in customer_follow.all() if kind_of(item) == "participant_joined"]
    assert len(joins) == 1, "Monitor must stay invisible; only the Join is seen"
    expect_status(Code.FAILED_PRECONDITION, supervisor.client.supervision.Whisper,
                  conversation_id=conversation_id, client_message_id="w-2", text="too late")
    public = customer.client.transcripts.GetTranscript(conversation_id=conversation_id).transcript
    assert "Offer 10 percent, approved" not in [m.text for m in public.messages]

    # A queue without supervisors cannot be asked.
    lone_agent, lone = active_conversation(sb)
    expect_status(Code.FAILED_PRECONDITION, lone_agent.client.agents.RequestAssistance,
                  conversation_id=lone.conversation_id, question="anyone?")


def test_supervisor_reassigns_an_active_conversation(sb):
    P = sb.P
    supervisor = sb.supervisor()
    queue_id = sb.queue("reassign", supervisor_ids=[supervisor.agent_id], offer_timeout=30)
    agents = [sb.agent([queue_id], capacity=2), sb.agent([queue_id], capacity=2)]
    customer = sb.conversation(queue_id)
    conversation_id = customer.conversation_id
    owner, offer = first_offer(agents, conversation_id)
    owner.accept(offer)
    other = agents[1] if owner is agents[0] else agents[0]
    expect_status(Code.INVALID_ARGUMENT, supervisor.client.supervision.Reassign,
                  conversation_id=conversation_id, target=P.TransferTarget(agent_id=owner.agent_id), note="x")

    record = supervisor.client.supervision.Reassign(
        conversation_id=conversation_id, target=P.TransferTarget(agent_id=other.agent_id),
        note="Balancing the load").transfer
    assert record.reason == P.TRANSFER_REASON_SUPERVISOR_REASSIGN
    assert record.transferred_by.participant_id == supervisor.agent_id
    away = owner.notifications.take(is_kind("reassigned_away"), what="reassigned_away").reassigned_away
    assert away.conversation_id == conversation_id and away.note == "Balancing the load"
    handed = other.notifications.take(
        lambda item: kind_of(item) in ("offer", "handed_over"), what="the offer or hand-over")
    if kind_of(handed) == "offer":
        other.accept(handed.offer)
    eventually(lambda: sb.admin.supervision.ExplainRouting(
        conversation_id=conversation_id).current_agent_id == other.agent_id, what="the new owner")
    assert sb.agent_status(owner.agent_id).active_conversations == 0
    expect_status(Code.PERMISSION_DENIED, owner.say, conversation_id, "still mine?")
    other.say(conversation_id, "Hi, I am taking over.")


# --- queue figures ------------------------------------------------------------------------------


def test_queue_figures_move_with_the_work(sb):
    P = sb.P
    supervisor = sb.supervisor()
    queue_id = sb.queue("figures", supervisor_ids=[supervisor.agent_id], offer_timeout=30)
    watch = supervisor.client.supervision.WatchQueues(queue_ids=[queue_id], min_interval=duration(1))
    first = watch.take(lambda item: kind_of(item) == "figures", what="the snapshot").figures
    assert first.snapshot and [(q.queue_id, q.waiting, q.agents_online) for q in first.queues] == [(queue_id, 0, 0)]

    def figures(**expected):
        def check():
            listed = supervisor.client.supervision.ListQueues(queue_ids=[queue_id]).queues[0]
            mismatched = {k: getattr(listed, k) for k, v in expected.items() if getattr(listed, k) != v}
            assert not mismatched, f"ListQueues {queue_id}: expected {expected}, differs in {mismatched}"
            return listed
        return eventually(check, what=f"figures {expected}")

    customer = sb.conversation(queue_id)
    waiting = figures(waiting=1, agents_online=0, active_conversations=0)
    assert waiting.HasField("longest_wait")
    watch.take(lambda item: kind_of(item) == "figures" and not item.figures.snapshot
               and item.figures.queues[0].waiting == 1, what="an update with one waiting")

    agent = sb.agent([queue_id], capacity=2)
    agent.take_conversation(customer.conversation_id)
    agent.say(customer.conversation_id, "Hello")
    figures(waiting=0, agents_online=1, agents_available=1, active_conversations=1)
    watch.take(lambda item: kind_of(item) == "figures" and not item.figures.snapshot
               and item.figures.queues[0].active_conversations == 1, 4, "an update with one active")

    agent.close(customer.conversation_id)
    customer.client.conversations.SubmitSurvey(
        conversation_id=customer.conversation_id, survey_id=survey_of(customer).survey_id, rating=4)
    agent.client.agents.SetPresence(presence=P.PRESENCE_AWAY, reason="break")
    leaver = sb.conversation(queue_id)
    leaver.client.conversations.Leave(conversation_id=leaver.conversation_id)
    done = figures(waiting=0, active_conversations=0, abandoned_count=1, agents_available=0, csat_responses=1)
    assert done.closed_count >= 1 and done.abandonment_rate == 0.5 and done.csat_average == 4.0, done
    assert done.HasField("average_time_to_accept") and done.HasField("average_first_response_time"), done

    updates = [item for item in watch.all() if kind_of(item) == "figures" and not item.figures.snapshot]
    times = [seconds_of(item.sent_at) for item in updates]
    assert all(b - a >= 0.9 for a, b in zip(times, times[1:])), f"updates closer than min_interval: {times}"


# --- conversation details ---------------------------------------------------------------------


def test_typing_is_relayed_not_stored_and_read_marks_only_grow(sb):
    P = sb.P
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id
    agent_follow = agent.follow(conversation_id)
    customer_follow = customer.follow()
    customer.client.conversations.SetTyping(conversation_id=conversation_id, typing=True)
    typing = agent_follow.take(is_kind("typing"), what="the customer typing").event
    assert typing.ephemeral and typing.typing.typing and typing.typing.participant.role == P.ROLE_CUSTOMER
    agent.client.agents.SetTyping(conversation_id=conversation_id, typing=True)
    shown = customer_follow.take(is_kind("typing"), what="the agent typing").event
    assert shown.ephemeral and shown.typing.participant.participant_id == agent.agent_id

    first = agent.say(conversation_id, "One")
    second = agent.say(conversation_id, "Two")
    mark = customer.client.conversations.MarkRead
    assert mark(conversation_id=conversation_id, read_through_sequence=second.sequence).read_through_sequence == second.sequence
    assert mark(conversation_id=conversation_id, read_through_sequence=first.sequence).read_through_sequence == second.sequence
    expect_status(Code.INVALID_ARGUMENT, mark, conversation_id=conversation_id,
                  read_through_sequence=second.sequence + 100)
    read = agent_follow.take(is_kind("read"), what="the read receipt").event
    assert read.read.read_through_sequence == second.sequence and not read.ephemeral

    replay = agent.follow(conversation_id)
    eventually(lambda: any(kind_of(item) == "read" for item in replay.all()), what="the replayed receipt")
    assert not any(kind_of(item) == "typing" for item in replay.all()), "typing must not be replayed"


def test_customer_leaving_an_active_conversation_moves_it_to_wrap_up(sb):
    P = sb.P
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id
    agent_follow = agent.follow(conversation_id)
    left = customer.client.conversations.Leave(conversation_id=conversation_id, reason="problem solved")
    assert left.state == P.CONVERSATION_STATE_WRAP_UP
    gone = agent_follow.take(is_kind("participant_left"), what="the customer leaving").event
    assert gone.participant_left.role == P.ROLE_CUSTOMER
    expect_status(Code.FAILED_PRECONDITION, agent.say, conversation_id, "are you there?")
    expect_status(Code.FAILED_PRECONDITION, customer.say, "back again")
    agent.client.agents.AddNote(conversation_id=conversation_id, client_message_id="wrap", text="left happy")
    summary = agent.client.agents.GetConversation(conversation_id=conversation_id).conversation.summary
    assert summary.state == P.CONVERSATION_STATE_WRAP_UP
    agent.close(conversation_id)
    assert sb.agent_status(agent.agent_id).active_conversations == 0
    assert customer.client.conversations.Leave(conversation_id=conversation_id).state == P.CONVERSATION_STATE_CLOSED


def test_queue_position_updates_reach_the_waiting_customer(sb):
    queue_id = sb.queue("position")
    ahead = sb.conversation(queue_id)
    behind = sb.conversation(queue_id)
    assert (ahead.start.queue_position, behind.start.queue_position) == (1, 2)
    assert not behind.start.HasField("estimated_wait"), "no agent online: no estimate"
    follow = behind.follow()
    ahead.client.conversations.Leave(conversation_id=ahead.conversation_id)
    update = follow.take(is_kind("queue_position", position=1), what="position 1").event
    assert update.ephemeral and update.queue_position.queue_id == queue_id


def test_topic_routes_to_its_queue(sb):
    topic = sb.uid("topic")
    queue_id = sb.queue("topic", topics=[topic])
    customer = sb.conversation(topic=topic)
    assert customer.queue_id == queue_id == customer.start.queue_id


def test_survey_window_and_disabled_surveys(sb):
    P = sb.P
    settings = sb.admin.admin.SetSurveySettings
    try:
        settings(settings=P.SurveySettings(enabled=True, response_window=duration(1), prompt="Rate us"))
        agent, customer = active_conversation(sb)
        agent.close(customer.conversation_id)
        survey = survey_of(customer)
        assert survey.prompt == "Rate us"
        assert abs(seconds_of(survey.expires_at) - time.time() - 1) < 1.5
        time.sleep(1.3)
        expect_status(Code.FAILED_PRECONDITION, customer.client.conversations.SubmitSurvey,
                      conversation_id=customer.conversation_id, survey_id=survey.survey_id, rating=5)

        settings(settings=P.SurveySettings(enabled=False))
        agent2, quiet = active_conversation(sb)
        follow = quiet.follow()
        assert not agent2.close(quiet.conversation_id).survey_offered
        assert follow.wait_end()[0] == Code.OK
        assert not any(kind_of(item) == "survey_offered" for item in follow.all())
        expect_status(Code.INVALID_ARGUMENT, settings,
                      settings=P.SurveySettings(enabled=True, response_window=duration(31 * 86400)))
    finally:
        settings(settings=P.SurveySettings(enabled=True, response_window=duration(86400), prompt=SURVEY_PROMPT))


# --- bad input ----------------------------------------------------------------------------------


def test_close_errors(sb):
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id
    close = agent.client.agents.Close
    expect_status(Code.INVALID_ARGUMENT, close, conversation_id=conversation_id)
    expect_status(Code.NOT_FOUND, close, conversation_id=conversation_id, resolution_category_id="no-such-category")
    expect_status(Code.FAILED_PRECONDITION, close, conversation_id=conversation_id, resolution_category_id="legacy")
    expect_status(Code.INVALID_ARGUMENT, close, conversation_id=conversation_id,
                  resolution_category_id="refund-issued", notes="")
    expect_status(Code.NOT_FOUND, close, conversation_id="no-such-conversation", resolution_category_id="resolved")
    close(conversation_id=conversation_id, resolution_category_id="refund-issued", notes="refunded")
    expect_status(Code.FAILED_PRECONDITION, close, conversation_id=conversation_id, resolution_category_id="resolved")
    expect_status(Code.FAILED_PRECONDITION, agent.say, conversation_id, "after closing")
    expect_status(Code.FAILED_PRECONDITION, customer.say, "after closing")
    listed = sb.admin.admin.ListResolutionCategories(include_retired=True).categories
    by_id = {c.category_id: c for c in listed}
    assert not by_id["legacy"].active and by_id["resolved"].active
    assert {"moved-to-phone", "moved-to-email"} <= set(by_id), "the built-in categories are always there"


def test_survey_errors(sb):
    agent, customer = active_conversation(sb)
    submit = customer.client.conversations.SubmitSurvey
    code, _, _ = rpc_status(submit, conversation_id=customer.conversation_id, survey_id="none-yet", rating=5)
    assert code in (Code.FAILED_PRECONDITION, Code.NOT_FOUND), f"a survey before closing: {code}"
    agent.close(customer.conversation_id)
    survey = survey_of(customer)
    for rating in (0, 6, -1):
        expect_status(Code.INVALID_ARGUMENT, submit, conversation_id=customer.conversation_id,
                      survey_id=survey.survey_id, rating=rating)
    expect_status(Code.NOT_FOUND, submit, conversation_id=customer.conversation_id,
                  survey_id="no-such-survey", rating=3)
    submit(conversation_id=customer.conversation_id, survey_id=survey.survey_id, rating=1, comment="slow")
    expect_status(Code.ALREADY_EXISTS, submit, conversation_id=customer.conversation_id,
                  survey_id=survey.survey_id, rating=5)


def test_message_errors(sb):
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id
    customer_send = customer.client.conversations.SendMessage
    agent_send = agent.client.agents.SendMessage
    for send in (customer_send, agent_send):
        expect_status(Code.INVALID_ARGUMENT, send, conversation_id=conversation_id, client_message_id="e1", text="")
        expect_status(Code.INVALID_ARGUMENT, send, conversation_id=conversation_id, client_message_id="", text="hi")
        expect_status(Code.INVALID_ARGUMENT, send, conversation_id=conversation_id, client_message_id="e2",
                      text="x" * 5000)
    expect_status(Code.NOT_FOUND, agent_send, conversation_id="no-such-conversation", client_message_id="e3", text="hi")
    expect_status(Code.INVALID_ARGUMENT, agent.client.agents.AddNote, conversation_id=conversation_id,
                  client_message_id="e4", text="")
    assert customer_send(conversation_id=conversation_id, client_message_id="ok", text="x" * 4000).sequence > 0


def test_start_conversation_errors(sb):
    P = sb.P
    queue_id = sb.queue("start")
    start = sb.bot.conversations.StartConversation
    customer = P.CustomerInfo(display_name="Erin")
    expect_status(Code.INVALID_ARGUMENT, start, customer=customer, subject="no destination")
    expect_status(Code.NOT_FOUND, start, queue_id="no-such-queue", customer=customer)
    expect_status(Code.NOT_FOUND, start, topic="no-such-topic", customer=customer)
    expect_status(Code.INVALID_ARGUMENT, start, queue_id=queue_id, customer=P.CustomerInfo())
    expect_status(Code.INVALID_ARGUMENT, start, queue_id=queue_id, customer=customer, channel=P.CHANNEL_PHONE)
    expect_status(Code.INVALID_ARGUMENT, start, queue_id=queue_id, customer=customer, subject="s" * 300)
    expect_status(Code.INVALID_ARGUMENT, start, queue_id=queue_id, customer=customer, initial_message="m" * 5000)
    started = start(queue_id=queue_id, customer=customer, channel=P.CHANNEL_MOBILE_APP)
    assert started.queue_id == queue_id and started.HasField("token_expires_at")


def test_transfer_errors(sb):
    P = sb.P
    agent, customer = active_conversation(sb)
    conversation_id = customer.conversation_id
    transfer = agent.client.agents.Transfer
    other_queue = sb.queue("other")
    reason = P.TRANSFER_REASON_EXPERTISE
    expect_status(Code.INVALID_ARGUMENT, transfer, conversation_id=conversation_id, reason=reason, note="n")
    expect_status(Code.INVALID_ARGUMENT, transfer, conversation_id=conversation_id, reason=reason, note="n",
                  target=P.TransferTarget(agent_id=agent.agent_id))
    expect_status(Code.INVALID_ARGUMENT, transfer, conversation_id=conversation_id, note="n",
                  reason=P.TRANSFER_REASON_SUPERVISOR_REASSIGN, target=P.TransferTarget(queue_id=other_queue))
    expect_status(Code.INVALID_ARGUMENT, transfer, conversation_id=conversation_id, reason=reason, note="",
                  target=P.TransferTarget(queue_id=other_queue))
    expect_status(Code.NOT_FOUND, transfer, conversation_id=conversation_id, reason=reason, note="n",
                  target=P.TransferTarget(queue_id="no-such-queue"))
    expect_status(Code.NOT_FOUND, transfer, conversation_id=conversation_id, reason=reason, note="n",
                  target=P.TransferTarget(agent_id="no-such-agent"))
    offline = sb.agent([other_queue], connect=False)
    expect_status(Code.FAILED_PRECONDITION, transfer, conversation_id=conversation_id, reason=reason, note="n",
                  target=P.TransferTarget(agent_id=offline.agent_id))
    assert sb.agent_status(agent.agent_id).active_conversations == 1, "a failed transfer keeps the conversation"


def test_admin_errors(sb):
    P = sb.P
    admin = sb.admin.admin
    queue_id = sb.queue("admin")
    expect_status(Code.ALREADY_EXISTS, admin.CreateQueue, queue=P.QueueConfig(queue_id=queue_id, name="Another name"))
    expect_status(Code.INVALID_ARGUMENT, admin.CreateQueue, queue=P.QueueConfig(queue_id="Bad Id!", name="Bad"))
    fresh = sb.uid("q")
    expect_status(Code.INVALID_ARGUMENT, admin.CreateQueue,
                  queue=P.QueueConfig(queue_id=fresh, name=fresh, overflow_queue_id=fresh))
    expect_status(Code.NOT_FOUND, admin.CreateQueue,
                  queue=P.QueueConfig(queue_id=fresh, name=fresh, overflow_queue_id="no-such-queue"))
    expect_status(Code.INVALID_ARGUMENT, admin.CreateQueue,
                  queue=P.QueueConfig(queue_id=fresh, name=fresh, offer_timeout=duration(-1)))

    # Update: optimistic concurrency and overflow cycles.
    second = sb.queue("admin", overflow_queue_id=queue_id)
    config = next(q for q in list_all(admin.ListQueues, "queues") if q.queue_id == queue_id)
    config.overflow_queue_id = second
    expect_status(Code.INVALID_ARGUMENT, admin.UpdateQueue, queue=config, expected_version=config.version)
    config.overflow_queue_id = ""
    config.name = "Renamed"
    expect_status(Code.ABORTED, admin.UpdateQueue, queue=config, expected_version=config.version + 7)
    updated = admin.UpdateQueue(queue=config, expected_version=config.version).queue
    assert (updated.name, updated.version) == ("Renamed", config.version + 1)

    # Agents.
    agent_id = sb.uid("agent")
    expect_status(Code.INVALID_ARGUMENT, admin.UpsertAgent, agent=P.AgentProfile(
        agent_id=agent_id, display_name="Zero", role=P.ROLE_AGENT, queue_ids=[queue_id], capacity=0))
    expect_status(Code.INVALID_ARGUMENT, admin.UpsertAgent, agent=P.AgentProfile(
        agent_id=agent_id, display_name="Admin?", role=P.ROLE_ADMIN, capacity=1))
    expect_status(Code.NOT_FOUND, admin.UpsertAgent, agent=P.AgentProfile(
        agent_id=agent_id, display_name="Lost", role=P.ROLE_AGENT, queue_ids=["no-such-queue"], capacity=1))
    busy_agent, customer = active_conversation(sb)
    expect_status(Code.FAILED_PRECONDITION, admin.DeleteAgent, agent_id=busy_agent.agent_id)
    expect_status(Code.NOT_FOUND, admin.DeleteAgent, agent_id="no-such-agent")

    # Deleting a queue with waiting conversations needs a drain queue.
    waiting = sb.conversation(second)
    expect_status(Code.FAILED_PRECONDITION, admin.DeleteQueue, queue_id=second)
    expect_status(Code.FAILED_PRECONDITION, admin.DeleteQueue, queue_id=queue_id)  # `second` overflows into it
    drain = sb.queue("drain")
    assert admin.DeleteQueue(queue_id=second, drain_to_queue_id=drain).drained_conversations == 1
    listed = list_all(sb.admin.supervision.ListConversations, "conversations", queue_ids=[drain])
    assert [c.conversation_id for c in listed] == [waiting.conversation_id]

    # Other validation.
    expect_status(Code.INVALID_ARGUMENT, busy_agent.client.agents.SetPresence, presence=P.PRESENCE_UNSPECIFIED)
    expect_status(Code.INVALID_ARGUMENT, busy_agent.client.agents.ListMyConversations, page_size=1000)
    expect_status(Code.INVALID_ARGUMENT, busy_agent.client.agents.ListMyConversations, page_token="garbage!!")
    mine = busy_agent.client.agents.ListMyConversations().conversations
    assert [c.conversation_id for c in mine] == [customer.conversation_id]
    expect_status(Code.INVALID_ARGUMENT, admin.SetResolutionCategories, categories=[
        P.ResolutionCategory(category_id="dup", label="A"), P.ResolutionCategory(category_id="dup", label="B")])
    expect_status(Code.INVALID_ARGUMENT, admin.CreateAccessToken, role=P.ROLE_SYSTEM, subject="x")
    expect_status(Code.INVALID_ARGUMENT, admin.CreateAccessToken, role=P.ROLE_BOT, subject="")


def test_revoked_token_is_rejected(sb):
    P = sb.P
    issued = sb.admin.admin.CreateAccessToken(role=P.ROLE_BOT, subject="bot-revoked", ttl=duration(600))
    bot = sb.raw_client(issued.token, "revoked bot")
    queue_id = sb.queue("revoke")
    sb.conversation(queue_id, bot=bot)
    sb.admin.admin.RevokeAccessToken(token_id=issued.token_id)
    sb.admin.admin.RevokeAccessToken(token_id=issued.token_id)  # revoking twice succeeds
    code, _, _ = rpc_status(sb.conversation, queue_id, bot=bot)
    assert code == Code.UNAUTHENTICATED
    expect_status(Code.NOT_FOUND, sb.admin.admin.RevokeAccessToken, token_id="no-such-token")
