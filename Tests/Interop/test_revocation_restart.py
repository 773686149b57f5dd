"""Token revocations survive a restart: tokens revoked through Admin (RevokeAccessToken by id,
DeleteAgent for every token of the agent) are still rejected by a server started again on the
same data directory (<data dir>/revocations.log), while other tokens keep working.
"""

import grpc

from workflow_support import (
    CALL_TIMEOUT,
    Client,
    Code,
    duration,
    load_protos,
    rpc_status,
    start_server,
    stop_server,
)


def connect(server, P, token, label):
    channel = grpc.insecure_channel(server.target)
    grpc.channel_ready_future(channel).result(timeout=CALL_TIMEOUT)
    return channel, Client(P, channel, token, label, lambda reader: None)


def auth_status(server, P, token):
    """The status of an admin-only call made with `token`: UNAUTHENTICATED if the token is
    rejected, PERMISSION_DENIED if it is accepted (none of these tokens is an admin's)."""
    channel, client = connect(server, P, token, "probe")
    try:
        code, _, _ = rpc_status(client.admin.ListQueues)
        return code
    finally:
        channel.close()


def test_revocations_survive_a_restart(protos_python, tmp_path):
    P = load_protos()
    (tmp_path / "first").mkdir()
    server = start_server(tmp_path / "first")
    data_dir, key_file = server.directory / "data", server.key_file
    try:
        channel, admin = connect(server, P, server.mint("admin", "admin"), "admin")
        issue = lambda role, subject: admin.admin.CreateAccessToken(  # noqa: E731
            role=role, subject=subject, ttl=duration(3600))
        revoked = issue(P.ROLE_BOT, "bot-revoked")
        kept = issue(P.ROLE_BOT, "bot-kept")
        admin.admin.UpsertAgent(agent=P.AgentProfile(
            agent_id="agent-gone", display_name="Gone", role=P.ROLE_AGENT, capacity=1))
        agent = issue(P.ROLE_AGENT, "agent-gone")
        # Minted by another process (the CLI) with the same key: revoked with the agent too.
        agent_from_cli = server.mint("agent", "agent-gone")

        revoked_at = admin.admin.RevokeAccessToken(token_id=revoked.token_id).revoked_at
        deleted = admin.admin.DeleteAgent(agent_id="agent-gone")
        assert deleted.revoked_tokens == 1, deleted
        channel.close()
        for token in (revoked.token, agent.token, agent_from_cli):
            assert auth_status(server, P, token) == Code.UNAUTHENTICATED
        assert auth_status(server, P, kept.token) == Code.PERMISSION_DENIED
    finally:
        stop_server(server)
    assert (data_dir / "revocations.log").is_file()

    # The same data directory and key; the later flags win over start_server's own.
    (tmp_path / "second").mkdir()
    again = start_server(
        tmp_path / "second", ("--data-dir", str(data_dir), "--token-key-file", str(key_file)))
    again.key_file = key_file  # for `again.mint`
    try:
        for token in (revoked.token, agent.token, agent_from_cli):
            assert auth_status(again, P, token) == Code.UNAUTHENTICATED
        assert auth_status(again, P, kept.token) == Code.PERMISSION_DENIED
        # The revoked id is still known, with its first revocation time.
        channel, admin = connect(again, P, again.mint("admin", "admin"), "admin")
        try:
            assert admin.admin.RevokeAccessToken(token_id=revoked.token_id).revoked_at == revoked_at
        finally:
            channel.close()
    finally:
        stop_server(again)
