"""The server under test at the HTTP/2 frame level (h2c with prior knowledge, the `h2` library over
a plain socket): what /work/shared/GRPC-WIRE.md requires on the wire, where a gRPC library would
hide it — request validation, flow control, RST_STREAM, GOAWAY, PING, SETTINGS, trailers-only
errors, grpc-timeout, percent-encoded grpc-message, per-message compression flags.

Tests marked `peer_limitation` assert what GRPC-WIRE.md requires and are expected failures against
the grpcio reference peer only (INTEROP_SERVER=python).
"""

import time

import pytest
from h2.errors import ErrorCodes
from h2.settings import SettingCodes

import grpc_h2
from grpc_h2 import H2Connection
from interop_server import peer_limitation

pytestmark = pytest.mark.usefixtures("server_stays_up")

SERVICE = "/grpc.testing.TestService"
EMPTY_CALL = f"{SERVICE}/EmptyCall"
UNARY_CALL = f"{SERVICE}/UnaryCall"
STREAMING_OUTPUT_CALL = f"{SERVICE}/StreamingOutputCall"
STREAMING_INPUT_CALL = f"{SERVICE}/StreamingInputCall"
FULL_DUPLEX_CALL = f"{SERVICE}/FullDuplexCall"

# gRPC status codes (doc/statuscodes.md).
OK, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL = 0, 2, 3, 4, 12, 13
SPECIAL_STATUS_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"
CONNECTION_SPECIFIC = {
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"
}
MIB = 1024 * 1024
MAX_MESSAGE = 4 * MIB


@pytest.fixture
def pb(interop_protos):
    return interop_protos.messages_pb2


@pytest.fixture
def connect(interop_target):
    """Opens H2Connections to the server under test; closes them after the test."""
    connections = []

    def make(**kwargs):
        connections.append(H2Connection(interop_target, **kwargs))
        return connections[-1]

    yield make
    for connection in connections:
        connection.close()


def assert_ok(response):
    assert response.grpc_status == OK, response.describe()


def output_request(pb, *parameters, **fields):
    """A StreamingOutputCallRequest; each parameter is a size or a dict of ResponseParameters."""
    return pb.StreamingOutputCallRequest(
        response_parameters=[
            pb.ResponseParameters(**(p if isinstance(p, dict) else {"size": p})) for p in parameters
        ],
        **fields,
    ).SerializeToString()


def empty_call_works(connection):
    assert_ok(connection.unary(EMPTY_CALL, b""))


# --- connection (GRPC-WIRE.md 1-3) ----------------------------------------------------------------


def test_settings_is_the_first_frame_the_server_sends(connect):
    connection = connect()
    first = connection.frames[0]
    assert first.type == grpc_h2.SETTINGS and not first.flags & grpc_h2.FLAG_ACK, connection.frames
    assert first.stream_id == 0


def test_max_concurrent_streams_if_advertised_is_at_least_100(connect):
    connection = connect()
    limit = connection.remote_settings.get(SettingCodes.MAX_CONCURRENT_STREAMS)
    assert limit is None or limit >= 100, f"MAX_CONCURRENT_STREAMS {limit}"


def test_ping_is_answered_with_the_same_data(connect):
    connection = connect()
    opaque = b"\x00swb\xffp\x01g"
    connection.ping(opaque)
    acks = [f for f in connection.frames if f.type == grpc_h2.PING and f.flags & grpc_h2.FLAG_ACK]
    assert [ack.payload for ack in acks] == [opaque]
    empty_call_works(connection)


def test_priority_frames_are_tolerated(connect, pb):
    connection = connect()
    stream_id = connection.start_call(FULL_DUPLEX_CALL)
    connection.conn.prioritize(stream_id, weight=200)
    connection.conn.prioritize(stream_id + 2, weight=16)  # an idle stream
    connection.flush()
    connection.send_message(stream_id, output_request(pb, 3), end_stream=True)
    response = connection.wait_closed(stream_id)
    assert_ok(response)
    assert [len(m.data) for m in response.messages] == [len(output_pb_response(pb, 3))]
    empty_call_works(connection)


# --- requests (GRPC-WIRE.md 7-9) ------------------------------------------------------------------


def test_get_is_not_served(connect):
    connection = connect()
    stream_id = connection.start_call(EMPTY_CALL, method="GET", end_stream=True)
    response = connection.wait_closed(stream_id)
    described = response.describe()
    assert response.grpc_status != OK, f"a GET was served with grpc-status 0: {described}"
    refused = (
        response.reset_code is not None
        or response.http_status == 405
        or (response.http_status == 200 and response.grpc_status not in (None, OK))
    )
    assert refused, f"expected HTTP 405, a gRPC error or RST_STREAM: {described}"
    empty_call_works(connection)


@peer_limitation("serves a text/plain request as gRPC: HTTP 200 and grpc-status 0")
def test_text_plain_content_type_gets_415(connect):
    connection = connect()
    response = connection.unary(EMPTY_CALL, b"", content_type="text/plain")
    assert response.http_status == 415, response.describe()
    empty_call_works(connection)


@pytest.mark.parametrize("content_type", ["application/grpc", "application/grpc+proto"])
def test_grpc_content_types_are_served(connect, content_type):
    connection = connect()
    response = connection.unary(EMPTY_CALL, b"", content_type=content_type)
    assert_ok(response)


@peer_limitation("resets the stream (RST_STREAM PROTOCOL_ERROR) when `te: trailers` is missing")
def test_request_without_te_trailers_is_served(connect):
    connection = connect()
    response = connection.unary(EMPTY_CALL, b"", te=False)
    assert_ok(response)


def test_messages_split_across_and_packed_into_data_frames(connect, pb):
    connection = connect()
    stream_id = connection.start_call(FULL_DUPLEX_CALL)
    two = grpc_h2.frame_message(output_request(pb, 11)) + grpc_h2.frame_message(
        output_request(pb, 12)
    )
    connection.send_data(stream_id, two)  # two messages in one DATA frame
    third = grpc_h2.frame_message(output_request(pb, 13, payload=pb.Payload(body=bytes(3000))))
    connection.send_data(stream_id, third, end_stream=True, max_frame=7)  # one message, many frames
    response = connection.wait_closed(stream_id)
    assert_ok(response)
    expected = [len(output_pb_response(pb, size)) for size in (11, 12, 13)]
    assert [len(m.data) for m in response.messages] == expected


def output_pb_response(pb, size):
    return pb.StreamingOutputCallResponse(payload=pb.Payload(body=bytes(size))).SerializeToString()


def test_binary_metadata_unpadded_base64_is_accepted(connect, pb):
    connection = connect()
    value = b"\xab"  # base64 "qw==", sent without its padding
    response = connection.unary(
        UNARY_CALL,
        pb.SimpleRequest(response_size=1).SerializeToString(),
        metadata=[("x-grpc-test-echo-trailing-bin", grpc_h2.b64_unpadded(value))],
    )
    assert_ok(response)
    echoed = response.trailer("x-grpc-test-echo-trailing-bin")
    assert echoed is not None, response.describe()
    assert grpc_h2.b64_decode_any(echoed) == value


# --- responses (GRPC-WIRE.md 13-16) ---------------------------------------------------------------


def test_unary_response_shape(connect, pb):
    connection = connect()
    response = connection.unary(UNARY_CALL, pb.SimpleRequest(response_size=10).SerializeToString())
    assert response.http_status == 200
    assert response.header("content-type").startswith("application/grpc"), response.headers
    assert response.header_blocks == 2 and response.ended, response.describe()
    assert_ok(response)
    for name, _ in response.headers + response.trailers:
        assert name == name.lower(), f"header name {name!r} is not lowercase"
        assert name not in CONNECTION_SPECIFIC, f"connection-specific header {name!r}"
    assert len(response.messages) == 1
    headers_end = connection.frames_on(response.stream_id, grpc_h2.HEADERS)[-1]
    assert headers_end.flags & grpc_h2.FLAG_END_STREAM, "the trailers must end the stream"


def test_error_before_any_message_is_trailers_only(connect, pb):
    connection = connect()
    request = pb.SimpleRequest(response_status=pb.EchoStatus(code=UNKNOWN, message="nope"))
    response = connection.unary(UNARY_CALL, request.SerializeToString())
    assert response.trailers_only, response.describe()
    assert response.http_status == 200
    assert response.header("content-type").startswith("application/grpc")
    assert response.grpc_status == UNKNOWN
    assert response.grpc_message == "nope"
    assert not response.body
    frames = connection.frames_on(response.stream_id, grpc_h2.HEADERS)
    assert len(frames) == 1 and frames[0].flags & grpc_h2.FLAG_END_STREAM


def test_grpc_message_is_percent_encoded(connect, pb):
    connection = connect()
    request = pb.SimpleRequest(
        response_status=pb.EchoStatus(code=UNKNOWN, message=SPECIAL_STATUS_MESSAGE)
    )
    response = connection.unary(UNARY_CALL, request.SerializeToString())
    raw = response.raw_grpc_message
    assert raw is not None, response.describe()
    assert all(0x20 <= ord(c) <= 0x7E for c in raw), f"grpc-message not percent-encoded: {raw!r}"
    assert response.grpc_message == SPECIAL_STATUS_MESSAGE
    assert response.grpc_status == UNKNOWN


def test_unknown_method_is_unimplemented(connect):
    connection = connect()
    response = connection.unary(f"{SERVICE}/NoSuchMethod", b"")
    assert response.grpc_status == UNIMPLEMENTED, response.describe()
    response = connection.unary("/no.such.Service/Method", b"")
    assert response.grpc_status == UNIMPLEMENTED, response.describe()


# --- grpc-timeout (GRPC-WIRE.md 11) ---------------------------------------------------------------


def test_server_enforces_grpc_timeout(connect, pb):
    """The client does not enforce the deadline here: only the server can end the call."""
    connection = connect()
    start = time.monotonic()
    response = connection.unary(
        STREAMING_OUTPUT_CALL,
        output_request(pb, {"size": 1, "interval_us": 3_000_000}),
        grpc_timeout="200m",
        wait=5.0,
    )
    elapsed = time.monotonic() - start
    assert response.grpc_status == DEADLINE_EXCEEDED, response.describe()
    assert 0.15 <= elapsed < 1.5, f"grpc-timeout 200m ended the call after {elapsed:.2f} s"
    assert not response.messages
    empty_call_works(connection)


@pytest.mark.parametrize("timeout", ["99999999H", "99999999S", "1H", "10000m", "5000000u"])
def test_grpc_timeout_values_parse(connect, timeout):
    connection = connect()
    assert_ok(connection.unary(EMPTY_CALL, b"", grpc_timeout=timeout))


# --- flow control (GRPC-WIRE.md 5) ----------------------------------------------------------------


def test_flow_control_16k_windows_1_mib_each_way(connect, pb):
    """One UnaryCall with a 1 MiB request and a 1 MiB response over a connection whose client
    SETTINGS_INITIAL_WINDOW_SIZE is 16384 and whose connection window stays the default 65535:
    the client sends only as the server's windows allow, waiting for its WINDOW_UPDATEs, and hands
    window back only as it reads (grpc_h2 acknowledges each DATA frame once it has read it); the
    server must wait for those. h2 fails the connection if the server sends past our windows or
    our frame size."""
    connection = connect(settings={SettingCodes.INITIAL_WINDOW_SIZE: 16384})
    request = pb.SimpleRequest(response_size=MIB, payload=pb.Payload(body=bytes(MIB)))
    response = connection.unary(UNARY_CALL, request.SerializeToString(), wait=30.0)
    assert_ok(response)
    [message] = response.messages
    assert pb.SimpleResponse.FromString(message.decoded(None)).payload.body == bytes(MIB)
    data = connection.frames_on(response.stream_id, grpc_h2.DATA)
    assert max(len(f.payload) for f in data) <= connection.conn.local_settings.max_frame_size
    empty_call_works(connection)


def test_server_grants_window_only_as_its_handler_reads(connect, pb):
    """GRPC-WIRE.md 5: WINDOW_UPDATE as the application consumes data, not before (that is the
    backpressure). FullDuplexCall's handler sleeps 1.5 s (interval_us) after the first request;
    meanwhile the client pushes 1 MiB messages as fast as the server's windows allow. A server that
    gives window back as data arrives lets them all through; one that waits for its handler stops
    the client at its initial stream window, plus at most one max-size message it may buffer."""
    connection = connect()
    connection.ping(b"windows1")
    initial = connection.remote_settings.get(SettingCodes.INITIAL_WINDOW_SIZE, 65535)
    buffer_allowance = MAX_MESSAGE + 5 + 64 * 1024
    stream_id = connection.start_call(FULL_DUPLEX_CALL)
    first = grpc_h2.frame_message(output_request(pb, {"size": 1, "interval_us": 1_500_000}))
    connection.send_data(stream_id, first)
    bulk = grpc_h2.frame_message(output_request(pb, payload=pb.Payload(body=bytes(MIB))))
    count = (initial + buffer_allowance) // len(bulk) + 2
    flood = bulk * count
    sent = connection.send_data(stream_id, flood, deadline=time.monotonic() + 0.75)
    limit = initial + buffer_allowance
    assert sent <= limit, (
        f"the client sent {sent} bytes past the first request while the handler slept: the "
        f"server gave window back beyond its initial {initial} and one buffered message"
    )
    # The handler wakes, answers, reads the rest: everything goes through.
    connection.send_data(stream_id, flood[sent:], end_stream=True)
    response = connection.wait_closed(stream_id, timeout=30.0)
    assert_ok(response)
    assert [len(m.data) for m in response.messages] == [len(output_pb_response(pb, 1))]


def test_upload_larger_than_the_initial_window_does_not_stall(connect, pb):
    """3 MiB through StreamingInputCall in 64 KiB messages, waiting for the server's windows."""
    connection = connect()
    stream_id = connection.start_call(STREAMING_INPUT_CALL)
    chunk = pb.StreamingInputCallRequest(payload=pb.Payload(body=bytes(64 * 1024)))
    for _ in range(48):
        connection.send_message(stream_id, chunk.SerializeToString())
    connection.end_stream(stream_id)
    response = connection.wait_closed(stream_id, timeout=30.0)
    assert_ok(response)
    [message] = response.messages
    aggregated = pb.StreamingInputCallResponse.FromString(message.data).aggregated_payload_size
    assert aggregated == 48 * 65536


# --- RST_STREAM and GOAWAY (GRPC-WIRE.md 4, 6, 12) ------------------------------------------------


def test_client_cancel_mid_full_duplex_keeps_connection_usable(connect, pb):
    connection = connect()
    stream_id = connection.start_call(FULL_DUPLEX_CALL)
    # Forty responses 50 ms apart: the handler would go on sending for two seconds.
    slow = [{"size": 10, "interval_us": 50_000}] * 40
    connection.send_message(stream_id, output_request(pb, *slow))
    response = connection.responses[stream_id]
    connection.wait_for(lambda: len(response.messages) >= 1, "the first response")
    connection.reset(stream_id, ErrorCodes.CANCEL)
    # Frames the server sent before it read the RST_STREAM may still arrive; the PING ACK comes
    # after the server has read it, so after the ACK nothing more may come on the stream.
    connection.ping(b"cancel01")
    frames_before = len(connection.frames_on(stream_id))
    empty_call_works(connection)
    connection.settle(0.3)
    late = connection.frames_on(stream_id)[frames_before:]
    assert not late, f"the server went on sending on a cancelled stream: {late}"

    stream_id = connection.start_call(FULL_DUPLEX_CALL)
    connection.send_message(stream_id, output_request(pb, 7), end_stream=True)
    response = connection.wait_closed(stream_id)
    assert_ok(response)
    assert len(response.messages) == 1


def test_in_flight_call_completes_after_client_goaway(connect, pb):
    connection = connect()
    stream_id = connection.start_call(FULL_DUPLEX_CALL)
    connection.send_message(stream_id, output_request(pb, 10))
    response = connection.responses[stream_id]
    connection.wait_for(lambda: len(response.messages) >= 1, "the first response")
    connection.send_goaway(ErrorCodes.NO_ERROR, last_stream_id=0)
    connection.settle(0.2)
    connection.send_message(stream_id, output_request(pb, 20), end_stream=True)
    response = connection.wait_closed(stream_id)
    assert_ok(response)
    assert [len(m.data) for m in response.messages] == [
        len(output_pb_response(pb, 10)),
        len(output_pb_response(pb, 20)),
    ]


# --- compression (GRPC-WIRE.md 18-19; interop client_compressed_*, server_compressed_*) -----------


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_client_compressed_streaming_per_message_flags(connect, pb, encoding):
    """client_compressed_streaming as described: the first message compressed (flag 1), the
    second not (flag 0), in one call that announced `encoding`."""
    connection = connect()
    stream_id = connection.start_call(STREAMING_INPUT_CALL, encoding=encoding)
    first = pb.StreamingInputCallRequest(
        payload=pb.Payload(body=bytes(27182)), expect_compressed=pb.BoolValue(value=True)
    ).SerializeToString()
    second = pb.StreamingInputCallRequest(
        payload=pb.Payload(body=bytes(45904)), expect_compressed=pb.BoolValue(value=False)
    ).SerializeToString()
    connection.send_message(stream_id, grpc_h2.compress(first, encoding), compressed=True)
    connection.send_message(stream_id, second, compressed=False, end_stream=True)
    response = connection.wait_closed(stream_id)
    assert_ok(response)
    [message] = response.messages
    decoded = message.decoded(response.header("grpc-encoding"))
    assert pb.StreamingInputCallResponse.FromString(decoded).aggregated_payload_size == 73086


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_client_compressed_unary_message(connect, pb, encoding):
    connection = connect()
    request = pb.SimpleRequest(
        response_size=314159,
        payload=pb.Payload(body=bytes(271828)),
        expect_compressed=pb.BoolValue(value=True),
    ).SerializeToString()
    response = connection.unary(
        UNARY_CALL, grpc_h2.compress(request, encoding), compressed=True, encoding=encoding
    )
    assert_ok(response)
    [message] = response.messages
    decoded = message.decoded(response.header("grpc-encoding"))
    assert len(pb.SimpleResponse.FromString(decoded).payload.body) == 314159


@peer_limitation("cannot see the compressed flag: the uncompressed probe succeeds (OK)")
def test_expect_compressed_with_flag_0_is_invalid_argument(connect, pb):
    """The call announces gzip but the message is sent with flag 0: not compressed."""
    connection = connect()
    request = pb.SimpleRequest(response_size=1, expect_compressed=pb.BoolValue(value=True))
    response = connection.unary(UNARY_CALL, request.SerializeToString(), encoding="gzip")
    assert response.grpc_status == INVALID_ARGUMENT, response.describe()


def test_compressed_flag_without_grpc_encoding_is_internal(connect, pb):
    connection = connect()
    request = pb.SimpleRequest(response_size=1).SerializeToString()
    response = connection.unary(UNARY_CALL, grpc_h2.compress(request, "gzip"), compressed=True)
    assert response.grpc_status == INTERNAL, response.describe()
    empty_call_works(connection)


@peer_limitation("answers INTERNAL (\"Error parsing 'grpc-encoding' metadata\"), not UNIMPLEMENTED")
def test_unknown_grpc_encoding_is_unimplemented_with_accept_encoding(connect, pb):
    connection = connect()
    request = pb.SimpleRequest(response_size=1).SerializeToString()
    response = connection.unary(UNARY_CALL, request, compressed=True, encoding="x-snappy-unknown")
    assert response.grpc_status == UNIMPLEMENTED, response.describe()
    accepted = response.header("grpc-accept-encoding")
    assert accepted is not None, response.describe()
    listed = {name.strip() for name in accepted.split(",")}
    assert {"gzip", "deflate"} <= listed, accepted
    empty_call_works(connection)


SERVER_ENCODINGS = [
    "gzip",
    pytest.param(
        "deflate",
        marks=peer_limitation("compresses with gzip whatever the client's grpc-accept-encoding"),
    ),
]


@pytest.mark.parametrize("encoding", SERVER_ENCODINGS)
def test_server_compressed_unary_sets_the_flag(connect, pb, encoding):
    """server_compressed_unary with its flag checks, for a client that accepts `encoding`."""
    connection = connect()
    for compressed in (True, False):
        request = pb.SimpleRequest(
            response_size=314159,
            payload=pb.Payload(body=bytes(271828)),
            response_compressed=pb.BoolValue(value=compressed),
        )
        response = connection.unary(
            UNARY_CALL, request.SerializeToString(), accept_encoding=f"identity,{encoding}"
        )
        assert_ok(response)
        [message] = response.messages
        assert message.compressed == compressed, response.describe()
        if compressed:
            assert response.header("grpc-encoding") == encoding, response.headers
        decoded = message.decoded(response.header("grpc-encoding"))
        assert pb.SimpleResponse.FromString(decoded).payload.body == bytes(314159)


def test_server_compressed_streaming_sets_the_flag_per_message(connect, pb):
    connection = connect()
    request = output_request(
        pb,
        {"size": 31415, "compressed": pb.BoolValue(value=True)},
        {"size": 92653, "compressed": pb.BoolValue(value=False)},
    )
    response = connection.unary(
        STREAMING_OUTPUT_CALL, request, accept_encoding="identity,deflate,gzip"
    )
    assert_ok(response)
    assert [m.compressed for m in response.messages] == [True, False], response.describe()
    encoding = response.header("grpc-encoding")
    assert encoding in ("gzip", "deflate"), response.headers
    sizes = [
        len(pb.StreamingOutputCallResponse.FromString(m.decoded(encoding)).payload.body)
        for m in response.messages
    ]
    assert sizes == [31415, 92653]


@peer_limitation("compresses with gzip for a client whose grpc-accept-encoding is identity only")
def test_server_does_not_compress_with_an_algorithm_the_client_did_not_list(connect, pb):
    connection = connect()
    request = pb.SimpleRequest(response_size=1000, response_compressed=pb.BoolValue(value=True))
    response = connection.unary(UNARY_CALL, request.SerializeToString(), accept_encoding="identity")
    assert_ok(response)
    assert response.header("grpc-encoding") in (None, "identity"), response.headers
    assert not any(m.compressed for m in response.messages), response.describe()
