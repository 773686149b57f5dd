"""Routing end to end over gRPC (issue 4, "Queues and routing"): priority then age, decline and
expiry re-offers that skip the agent, three missed offers set an agent away, broadcast offers,
overflow keeping the original age, max wait, agents' connectivity (grace period), transfers to
an agent, and ExplainRouting's candidates and rule.

The module's server runs with a one-second agent disconnect grace period.
"""

import threading
import time

from workflow_support import (  # noqa: F401 (fixtures)
    Code,
    eventually,
    expect_status,
    first_offer,
    is_kind,
    list_all,
    rpc_status,
    sb,
    seconds_of,
    switchboard,
)

SWITCHBOARD_SERVE_ARGS = ("--agent-disconnect-grace", "1s")


def decisions_of(sb, conversation_id):
    return sb.admin.supervision.ExplainRouting(conversation_id=conversation_id)


def test_priority_then_age(sb):
    P = sb.P
    queue_id = sb.queue("prio", offer_timeout=30)
    agent = sb.agent([queue_id], capacity=1, connect=False)
    arrivals = [
        ("normal-1", P.PRIORITY_NORMAL), ("low-1", P.PRIORITY_LOW), ("urgent-1", P.PRIORITY_URGENT),
        ("high-1", P.PRIORITY_HIGH), ("normal-2", P.PRIORITY_NORMAL), ("urgent-2", P.PRIORITY_URGENT),
        ("low-2", P.PRIORITY_LOW),
    ]
    positions = []
    for subject, priority in arrivals:
        customer = sb.conversation(queue_id, subject=subject, priority=priority)
        positions.append(customer.start.queue_position)
        time.sleep(0.01)
    assert positions == [1, 2, 1, 2, 4, 2, 7], "queue_position must rank by priority, then age"
    waiting = sb.queue_figures(queue_id)
    assert waiting.waiting == 7 and waiting.HasField("longest_wait"), waiting

    agent.connect()
    served = []
    for _ in arrivals:
        offer = agent.next_offer()
        served.append(offer.subject)
        assert offer.priority == dict(arrivals)[offer.subject]
        agent.accept(offer)
        agent.close(offer.conversation_id)
    assert served == ["urgent-1", "urgent-2", "high-1", "normal-1", "normal-2", "low-1", "low-2"]


def test_decline_goes_to_the_next_agent_and_skips_the_decliner(sb):
    P = sb.P
    queue_id = sb.queue("decline", offer_timeout=30)
    agents = [sb.agent([queue_id]) for _ in range(3)]
    customer = sb.conversation(queue_id)
    conversation_id = customer.conversation_id

    decliners = []
    for _ in agents:
        agent, offer = first_offer(agents, conversation_id)
        assert agent not in decliners, f"{agent.agent_id} was offered it again after declining"
        decliners.append(agent)
        agent.client.agents.Decline(offer_id=offer.offer_id, reason=P.DECLINE_REASON_BUSY, note="on a call")
        expect_status(Code.FAILED_PRECONDITION, agent.accept, offer)
        expect_status(Code.FAILED_PRECONDITION, agent.client.agents.Decline, offer_id=offer.offer_id)

    # Everybody declined: it keeps waiting, offered to none of them.
    for agent in agents:
        agent.notifications.expect_none(is_kind("offer", conversation_id=conversation_id), 0.3)
    last = decisions_of(sb, conversation_id).decisions[-1]
    assert last.rule == P.ROUTING_RULE_NONE_ELIGIBLE and not last.chosen_agent_id, last
    assert last.trigger == P.ROUTING_TRIGGER_OFFER_DECLINED, last
    outcomes = {candidate.agent_id: candidate.outcome for candidate in last.candidates}
    for agent in agents:
        assert outcomes.get(agent.agent_id) == P.CANDIDATE_OUTCOME_PREVIOUSLY_DECLINED, last
    assert sb.queue_figures(queue_id).waiting == 1

    # A new agent of the queue gets it.
    newcomer = sb.agent([queue_id])
    detail = newcomer.take_conversation(conversation_id)
    assert detail.summary.assigned_agent_id == newcomer.agent_id
    metrics = sb.transcript(conversation_id).metrics
    assert (metrics.offer_count, metrics.declined_offer_count) == (4, 3), metrics


def test_expired_offer_is_withdrawn_and_offered_to_another_agent(sb):
    P = sb.P
    queue_id = sb.queue("expiry", offer_timeout=1)
    agents = [sb.agent([queue_id]), sb.agent([queue_id])]
    customer = sb.conversation(queue_id)
    conversation_id = customer.conversation_id

    first, offer = first_offer(agents, conversation_id)
    second = agents[1] if first is agents[0] else agents[0]
    assert abs(seconds_of(offer.expires_at) - seconds_of(offer.offered_at) - 1.0) < 0.01, offer
    withdrawn = first.withdrawn(offer.offer_id, timeout=4)
    assert withdrawn.reason == P.OFFER_WITHDRAWN_REASON_TIMED_OUT
    assert withdrawn.conversation_id == conversation_id
    offer2 = second.offer_for(conversation_id, timeout=4)
    expect_status(Code.FAILED_PRECONDITION, first.accept, offer)
    expect_status(Code.FAILED_PRECONDITION, first.client.agents.Decline, offer_id=offer.offer_id)
    second.accept(offer2)
    first.notifications.expect_none(is_kind("offer", conversation_id=conversation_id), 0.3)
    decisions = decisions_of(sb, conversation_id)
    assert decisions.current_agent_id == second.agent_id
    assert P.ROUTING_TRIGGER_OFFER_TIMED_OUT in [d.trigger for d in decisions.decisions]


def test_offer_withdrawn_when_the_customer_leaves(sb):
    P = sb.P
    queue_id = sb.queue("leave", offer_timeout=30)
    agent = sb.agent([queue_id])
    customer = sb.conversation(queue_id)
    offer = agent.offer_for(customer.conversation_id)
    left = customer.client.conversations.Leave(conversation_id=customer.conversation_id, reason="no time")
    assert left.state == P.CONVERSATION_STATE_CLOSED
    assert agent.withdrawn(offer.offer_id).reason == P.OFFER_WITHDRAWN_REASON_CUSTOMER_LEFT
    expect_status(Code.FAILED_PRECONDITION, agent.accept, offer)
    again = customer.client.conversations.Leave(conversation_id=customer.conversation_id)
    assert again.state == P.CONVERSATION_STATE_CLOSED
    resolution = sb.transcript(customer.conversation_id).resolution
    assert resolution.reason == P.CLOSE_REASON_ABANDONED
    assert resolution.closed_by.role == P.ROLE_SYSTEM
    expect_status(Code.NOT_FOUND, agent.client.agents.Accept, offer_id="no-such-offer")


def test_three_missed_offers_in_a_row_set_the_agent_away(sb):
    P = sb.P
    queue_id = sb.queue("missed", offer_timeout=1)
    agent = sb.agent([queue_id], capacity=1)
    conversation_ids = {sb.conversation(queue_id, subject=f"missed {n}").conversation_id for n in range(3)}
    missed = set()
    for _ in range(3):
        offer = agent.next_offer(timeout=4)
        assert offer.conversation_id in conversation_ids and offer.conversation_id not in missed
        missed.add(offer.conversation_id)
        assert agent.withdrawn(offer.offer_id, timeout=4).reason == P.OFFER_WITHDRAWN_REASON_TIMED_OUT
    changed = agent.notifications.take(is_kind("presence_changed"), 4, "presence_changed").presence_changed
    assert changed.agent_id == agent.agent_id and changed.presence == P.PRESENCE_AWAY
    assert sb.agent_status(agent.agent_id).presence == P.PRESENCE_AWAY

    # Away: no offers. Available again: new work is offered.
    fresh = sb.conversation(queue_id, subject="after the break")
    agent.notifications.expect_none(is_kind("offer"), 0.5)
    status = agent.client.agents.SetPresence(presence=P.PRESENCE_AVAILABLE).status
    assert status.presence == P.PRESENCE_AVAILABLE
    assert agent.next_offer(timeout=3).conversation_id == fresh.conversation_id


def test_broadcast_first_accept_wins(sb):
    P = sb.P
    queue_id = sb.queue("broadcast", offer_mode=P.OFFER_MODE_BROADCAST, offer_timeout=30)
    agents = [sb.agent([queue_id], capacity=2) for _ in range(3)]
    customer = sb.conversation(queue_id)
    conversation_id = customer.conversation_id
    offers = [agent.offer_for(conversation_id) for agent in agents]
    assert all(offer.mode == P.OFFER_MODE_BROADCAST for offer in offers)
    assert len({offer.offer_id for offer in offers}) == 3

    decision = decisions_of(sb, conversation_id).decisions[0]
    assert decision.rule == P.ROUTING_RULE_BROADCAST and not decision.chosen_agent_id, decision
    assert sorted(decision.offer_ids) == sorted(offer.offer_id for offer in offers)
    assert {c.agent_id: c.outcome for c in decision.candidates} == {
        agent.agent_id: P.CANDIDATE_OUTCOME_OFFERED for agent in agents}

    winner = agents[1]
    winner.accept(offers[1])
    for agent, offer in ((agents[0], offers[0]), (agents[2], offers[2])):
        assert agent.withdrawn(offer.offer_id).reason == P.OFFER_WITHDRAWN_REASON_ACCEPTED_ELSEWHERE
        expect_status(Code.FAILED_PRECONDITION, agent.accept, offer)
    assert decisions_of(sb, conversation_id).current_agent_id == winner.agent_id


def test_broadcast_simultaneous_accepts_have_one_winner(sb):
    P = sb.P
    queue_id = sb.queue("race", offer_mode=P.OFFER_MODE_BROADCAST, offer_timeout=30)
    agents = [sb.agent([queue_id], capacity=3) for _ in range(3)]
    for round_number in range(3):
        customer = sb.conversation(queue_id, subject=f"race {round_number}")
        offers = [agent.offer_for(customer.conversation_id) for agent in agents]
        barrier = threading.Barrier(len(agents))
        results = [None] * len(agents)

        def race(index):
            barrier.wait(timeout=5)
            results[index] = rpc_status(agents[index].accept, offers[index])[0]

        threads = [threading.Thread(target=race, args=(index,)) for index in range(len(agents))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert sorted(code.name for code in results) == ["FAILED_PRECONDITION", "FAILED_PRECONDITION", "OK"]
        winner = agents[results.index(Code.OK)]
        assert decisions_of(sb, customer.conversation_id).current_agent_id == winner.agent_id
        winner.close(customer.conversation_id)


def test_overflow_moves_the_conversation_and_keeps_its_age(sb):
    P = sb.P
    target = sb.queue("overflow-to")
    source = sb.queue("overflow-from", max_wait=1, overflow_queue_id=target)
    agent = sb.agent([target], capacity=1, connect=False)
    old = sb.conversation(source, subject="old")
    time.sleep(0.3)
    new = sb.conversation(target, subject="new")

    def both_in_target():
        listed = list_all(sb.admin.supervision.ListConversations, "conversations", queue_ids=[target])
        by_id = {summary.conversation_id: summary for summary in listed}
        return old.conversation_id in by_id and new.conversation_id in by_id and by_id

    listed = eventually(both_in_target, timeout=4, what="the old conversation in the overflow queue")
    assert listed[old.conversation_id].queue_id == target
    assert sb.queue_figures(source).waiting == 0
    decisions = decisions_of(sb, old.conversation_id).decisions
    overflow = [d for d in decisions if d.trigger == P.ROUTING_TRIGGER_OVERFLOW]
    assert overflow and overflow[0].rule == P.ROUTING_RULE_OVERFLOW, decisions

    # The old conversation keeps its original age: it is served before the newer one.
    agent.connect()
    first = agent.next_offer()
    assert first.conversation_id == old.conversation_id, first
    assert seconds_of(first.customer_waited) >= 1.0
    agent.accept(first)
    agent.close(first.conversation_id)
    assert agent.next_offer().conversation_id == new.conversation_id


def test_max_wait_without_overflow_closes_the_conversation(sb):
    P = sb.P
    queue_id = sb.queue("max-wait", max_wait=1)
    customer = sb.conversation(queue_id)
    follow = customer.follow()
    closed = follow.take(is_kind("closed"), 4, "the closed event").event.closed
    assert closed.reason == P.CLOSE_REASON_MAX_WAIT_EXCEEDED
    assert closed.closed_by.role == P.ROLE_SYSTEM
    assert follow.wait_end()[0] == Code.OK
    assert sb.transcript(customer.conversation_id).resolution.reason == P.CLOSE_REASON_MAX_WAIT_EXCEEDED


def test_disconnected_agent_loses_pending_offers_after_the_grace_period(sb):
    P = sb.P
    queue_id = sb.queue("disconnect", offer_timeout=30)
    gone = sb.agent([queue_id])
    other = sb.agent([queue_id], connect=False)
    customer = sb.conversation(queue_id)
    offer = gone.offer_for(customer.conversation_id)
    disconnected_at = time.monotonic()
    gone.disconnect()
    other.connect()
    item = other.notifications.take(is_kind("offer", conversation_id=customer.conversation_id), 4,
                                    "the offer after the grace period")
    waited = other.notifications.arrival(item) - disconnected_at
    assert waited >= 0.9, f"re-offered {waited:.2f} s after the disconnection, within the 1 s grace period"
    offer2 = item.offer
    expect_status(Code.FAILED_PRECONDITION, gone.accept, offer)
    other.accept(offer2)

    def offline():
        status = sb.agent_status(gone.agent_id)
        assert status.presence == P.PRESENCE_OFFLINE and not status.connected, status
        return status

    eventually(offline, timeout=3, what=f"{gone.agent_id} offline")
    # No new offers while disconnected.
    waiting = sb.conversation(queue_id, subject="nobody there")
    time.sleep(0.3)
    assert sb.queue_figures(queue_id).waiting == 1
    gone.connect(become_available=True)
    assert gone.offer_for(waiting.conversation_id).conversation_id == waiting.conversation_id


def test_reconnecting_within_the_grace_period_keeps_offers_and_conversations(sb):
    P = sb.P
    queue_id = sb.queue("reconnect", offer_timeout=30)
    agent = sb.agent([queue_id], capacity=2)
    active = sb.conversation(queue_id, subject="active")
    agent.take_conversation(active.conversation_id)
    pending = sb.conversation(queue_id, subject="pending")
    offer = agent.offer_for(pending.conversation_id)

    agent.disconnect()
    snapshot = agent.connect(become_available=False)
    assert [o.offer_id for o in snapshot.pending_offers] == [offer.offer_id]
    assert [c.conversation_id for c in snapshot.active_conversations] == [active.conversation_id]
    assert snapshot.status.connected and snapshot.status.active_conversations == 1
    time.sleep(1.3)  # past the grace period: nothing is withdrawn
    agent.notifications.expect_none(is_kind("offer_withdrawn"), 0.1)
    agent.accept(offer)
    status = sb.agent_status(agent.agent_id)
    assert (status.presence, status.connected, status.active_conversations) == (P.PRESENCE_AVAILABLE, True, 2)


def test_transfer_to_an_agent_declined_goes_back_to_the_queue_not_the_sender(sb):
    P = sb.P
    queue_id = sb.queue("direct", offer_timeout=30)
    sender = sb.agent([queue_id], capacity=3)
    receiver = sb.agent([], capacity=2)
    customer = sb.conversation(queue_id)
    conversation_id = customer.conversation_id
    sender.take_conversation(conversation_id)

    transfer = sender.client.agents.Transfer(
        conversation_id=conversation_id, target=P.TransferTarget(agent_id=receiver.agent_id),
        reason=P.TRANSFER_REASON_WORKLOAD, note="Please take over, I am swamped").transfer
    assert transfer.target.agent_id == receiver.agent_id
    assert sb.agent_status(sender.agent_id).active_conversations == 0
    offer = receiver.offer_for(conversation_id)
    assert offer.transfer.note == "Please take over, I am swamped"
    direct = decisions_of(sb, conversation_id).decisions[-1]
    assert direct.rule == P.ROUTING_RULE_DIRECT and direct.chosen_agent_id == receiver.agent_id, direct
    assert direct.trigger == P.ROUTING_TRIGGER_TRANSFER
    receiver.client.agents.Decline(offer_id=offer.offer_id, reason=P.DECLINE_REASON_BUSY)

    sender.notifications.expect_none(is_kind("offer", conversation_id=conversation_id), 0.5)
    third = sb.agent([queue_id])
    detail = third.take_conversation(conversation_id)
    assert [t.note for t in detail.transfers] == ["Please take over, I am swamped"]
    outcomes = [
        candidate.outcome
        for decision in decisions_of(sb, conversation_id).decisions
        for candidate in decision.candidates if candidate.agent_id == sender.agent_id
    ]
    assert P.CANDIDATE_OUTCOME_TRANSFERRING_AGENT in outcomes, outcomes
    assert P.CANDIDATE_OUTCOME_CHOSEN not in outcomes[1:], outcomes


def test_explain_routing_lists_candidates_and_the_rule(sb):
    P = sb.P
    queue_id = sb.queue("explain", required_skills=["lang:de"], offer_timeout=30)
    side_busy, side_full = sb.queue("side"), sb.queue("side")
    busy = sb.agent([queue_id, side_busy], capacity=2, skills=["lang:de"], prefix="busy")
    full = sb.agent([queue_id, side_full], capacity=1, skills=["lang:de"], prefix="full")
    busy.take_conversation(sb.conversation(side_busy).conversation_id)
    full.take_conversation(sb.conversation(side_full).conversation_id)
    idle = sb.agent([queue_id], capacity=2, skills=["lang:de", "billing"], prefix="idle")
    away = sb.agent([queue_id], capacity=2, skills=["lang:de"], prefix="away")
    away.client.agents.SetPresence(presence=P.PRESENCE_AWAY, reason="lunch")
    unskilled = sb.agent([queue_id], capacity=2, prefix="unskilled")

    customer = sb.conversation(queue_id, subject="Rechnung falsch")
    offer = idle.offer_for(customer.conversation_id)
    explained = decisions_of(sb, customer.conversation_id)
    assert explained.current_agent_id == ""
    decision = explained.decisions[0]
    assert decision.trigger == P.ROUTING_TRIGGER_NEW_CONVERSATION
    assert decision.queue_id == queue_id
    assert decision.rule == P.ROUTING_RULE_LEAST_LOADED
    assert decision.chosen_agent_id == idle.agent_id
    assert list(decision.offer_ids) == [offer.offer_id]
    assert decision.HasField("decided_at") and decision.explanation
    assert decision.candidates[0].agent_id == idle.agent_id
    outcomes = {c.agent_id: c.outcome for c in decision.candidates}
    assert outcomes[idle.agent_id] == P.CANDIDATE_OUTCOME_CHOSEN
    assert outcomes[away.agent_id] == P.CANDIDATE_OUTCOME_NOT_AVAILABLE
    assert outcomes[unskilled.agent_id] == P.CANDIDATE_OUTCOME_MISSING_SKILL
    assert outcomes[full.agent_id] == P.CANDIDATE_OUTCOME_AT_CAPACITY
    assert outcomes[busy.agent_id] == P.CANDIDATE_OUTCOME_RANKED_LOWER
    by_id = {c.agent_id: c for c in decision.candidates}
    assert (by_id[busy.agent_id].active_conversations, by_id[busy.agent_id].capacity) == (1, 2)
    assert by_id[idle.agent_id].score > by_id[busy.agent_id].score
    assert by_id[away.agent_id].presence == P.PRESENCE_AWAY
    idle.accept(offer)
    assert decisions_of(sb, customer.conversation_id).current_agent_id == idle.agent_id
