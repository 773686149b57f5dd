"""The server under test against a real gRPC client (grpcio): the gRPC interop test cases of the
gRPC repository's doc/interop-test-descriptions.md, written from their descriptions, then the
limits, concurrency, deadlines and the standard Health and reflection services that
/work/shared/GRPC-WIRE.md requires.

The server is the Swift switchboard by default, the grpcio reference peer with
INTEROP_SERVER=python (interop_server.py). Every call has a deadline, so nothing hangs. Tests
marked `peer_limitation` assert what GRPC-WIRE.md requires and are expected failures against the
grpcio peer only.
"""

import queue
import threading
import time

import grpc
import pytest
from google.protobuf import descriptor_pool
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)

from interop_server import peer_limitation

pytestmark = pytest.mark.usefixtures("server_stays_up")

CALL_TIMEOUT = 10.0  # seconds: the deadline of every call that is expected to succeed
MIB = 1024 * 1024
MAX_MESSAGE = 4 * MIB  # the default message limit a server must accept (GRPC-WIRE.md 10)

TEST_SERVICE = "grpc.testing.TestService"
ECHO_INITIAL = ("x-grpc-test-echo-initial", "test_initial_metadata_value")
ECHO_TRAILING = ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab")
SPECIAL_STATUS_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"

COMPRESSIONS = {"gzip": grpc.Compression.Gzip, "deflate": grpc.Compression.Deflate}
# grpc.compression_enabled_algorithms_bitset: bit 0 identity, bit 1 deflate, bit 2 gzip. A channel
# with a bitset lists only those in grpc-accept-encoding, and fails a call whose response uses
# another algorithm.
ACCEPT_BITSETS = {"gzip": 0b101, "deflate": 0b011}


# --- fixtures and helpers -------------------------------------------------------------------------


def open_channel(target, **options):
    return grpc.insecure_channel(
        target,
        options=[
            ("grpc.max_receive_message_length", 16 * MIB),
            ("grpc.max_send_message_length", 16 * MIB),
            *options.items(),
        ],
    )


@pytest.fixture
def channel(interop_target):
    with open_channel(interop_target) as channel:
        grpc.channel_ready_future(channel).result(timeout=CALL_TIMEOUT)
        yield channel


@pytest.fixture
def pb(interop_protos):
    return interop_protos


@pytest.fixture
def stub(channel, pb):
    return pb.test_pb2_grpc.TestServiceStub(channel)


class RequestStream:
    """A request iterator the test feeds one message at a time; `close` half-closes the call."""

    _END = object()

    def __init__(self):
        self._queue = queue.Queue()

    def __iter__(self):
        return self

    def __next__(self):
        item = self._queue.get()
        if item is self._END:
            raise StopIteration
        return item

    def send(self, message):
        self._queue.put(message)

    def close(self):
        self._queue.put(self._END)


@pytest.fixture
def request_stream():
    """Makes RequestStreams; any left open are closed after the test, so no thread waits on them."""
    streams = []

    def make():
        streams.append(RequestStream())
        return streams[-1]

    yield make
    for stream in streams:
        stream.close()


def zeros(pb, size):
    return pb.messages_pb2.Payload(body=bytes(size))


def simple_request(pb, response_size=314159, request_size=271828, **fields):
    return pb.messages_pb2.SimpleRequest(
        response_size=response_size, payload=zeros(pb, request_size), **fields
    )


def output_request(pb, sizes, request_size=0, **fields):
    """A StreamingOutputCallRequest for responses of `sizes` (ints, or ResponseParameters)."""
    parameters = [
        size if isinstance(size, pb.messages_pb2.ResponseParameters)
        else pb.messages_pb2.ResponseParameters(size=size)
        for size in sizes
    ]
    return pb.messages_pb2.StreamingOutputCallRequest(
        response_parameters=parameters, payload=zeros(pb, request_size), **fields
    )


def bool_value(pb, value):
    return pb.messages_pb2.BoolValue(value=value)


def status_of(call_or_error):
    return call_or_error.code()


def assert_zeros(payload, size):
    assert len(payload.body) == size
    assert payload.body == bytes(size)


def metadata_value(metadata, key):
    values = [item.value for item in metadata or () if item.key == key]
    assert len(values) == 1, f"{key}: expected one value in {metadata}"
    return values[0]


# --- interop-test-descriptions.md: the client test cases ------------------------------------------


def test_empty_unary(stub, pb):
    response = stub.EmptyCall(pb.empty_pb2.Empty(), timeout=CALL_TIMEOUT)
    assert response == pb.empty_pb2.Empty()


def test_large_unary(stub, pb):
    response = stub.UnaryCall(simple_request(pb), timeout=CALL_TIMEOUT)
    assert_zeros(response.payload, 314159)


def test_client_streaming(stub, pb):
    requests = [
        pb.messages_pb2.StreamingInputCallRequest(payload=zeros(pb, size))
        for size in (27182, 8, 1828, 45904)
    ]
    response = stub.StreamingInputCall(iter(requests), timeout=CALL_TIMEOUT)
    assert response.aggregated_payload_size == 74922


def test_server_streaming(stub, pb):
    sizes = [31415, 9, 2653, 58979]
    responses = list(stub.StreamingOutputCall(output_request(pb, sizes), timeout=CALL_TIMEOUT))
    assert [len(response.payload.body) for response in responses] == sizes
    for response, size in zip(responses, sizes):
        assert_zeros(response.payload, size)


def test_server_streaming_observes_interval_us(stub, pb):
    parameters = [pb.messages_pb2.ResponseParameters(size=1, interval_us=100_000)] * 3
    start = time.monotonic()
    arrivals = []
    for _ in stub.StreamingOutputCall(output_request(pb, parameters), timeout=CALL_TIMEOUT):
        arrivals.append(time.monotonic() - start)
    assert len(arrivals) == 3
    # interval_us is a sleep before each response, accumulating from one to the next.
    assert arrivals[0] >= 0.09 and arrivals[2] >= 0.29, arrivals


def test_ping_pong(stub, pb, request_stream):
    requests = request_stream()
    responses = stub.FullDuplexCall(requests, timeout=CALL_TIMEOUT)
    for request_size, response_size in ((27182, 31415), (8, 9), (1828, 2653), (45904, 58979)):
        requests.send(output_request(pb, [response_size], request_size))
        response = next(responses)
        assert_zeros(response.payload, response_size)
    requests.close()
    assert list(responses) == []
    assert responses.code() == grpc.StatusCode.OK


def test_half_duplex(stub, pb):
    sizes = [31415, 9, 2653]
    requests = [output_request(pb, [size], 8) for size in sizes]
    responses = list(stub.HalfDuplexCall(iter(requests), timeout=CALL_TIMEOUT))
    assert [len(response.payload.body) for response in responses] == sizes


def test_empty_stream(stub):
    responses = stub.FullDuplexCall(iter([]), timeout=CALL_TIMEOUT)
    assert list(responses) == []
    assert responses.code() == grpc.StatusCode.OK


def test_cancel_after_begin(stub, request_stream):
    call = stub.StreamingInputCall.future(request_stream(), timeout=CALL_TIMEOUT)
    call.cancel()
    assert call.code() == grpc.StatusCode.CANCELLED
    assert call.cancelled()


def test_cancel_after_first_response(stub, pb, request_stream):
    requests = request_stream()
    responses = stub.FullDuplexCall(requests, timeout=CALL_TIMEOUT)
    requests.send(output_request(pb, [31415], 27182))
    assert_zeros(next(responses).payload, 31415)
    responses.cancel()
    assert responses.code() == grpc.StatusCode.CANCELLED
    with pytest.raises(grpc.RpcError) as raised:
        next(responses)
    assert status_of(raised.value) == grpc.StatusCode.CANCELLED


def test_timeout_on_sleeping_server(stub, pb, request_stream):
    requests = request_stream()
    responses = stub.FullDuplexCall(requests, timeout=0.001)
    requests.send(output_request(pb, [], 27182))
    with pytest.raises(grpc.RpcError) as raised:
        next(responses)
    assert status_of(raised.value) == grpc.StatusCode.DEADLINE_EXCEEDED


def test_custom_metadata_unary(stub, pb):
    response, call = stub.UnaryCall.with_call(
        simple_request(pb), metadata=[ECHO_INITIAL, ECHO_TRAILING], timeout=CALL_TIMEOUT
    )
    assert_zeros(response.payload, 314159)
    assert metadata_value(call.initial_metadata(), ECHO_INITIAL[0]) == ECHO_INITIAL[1]
    assert metadata_value(call.trailing_metadata(), ECHO_TRAILING[0]) == ECHO_TRAILING[1]


def test_custom_metadata_full_duplex(stub, pb, request_stream):
    requests = request_stream()
    responses = stub.FullDuplexCall(
        requests, metadata=[ECHO_INITIAL, ECHO_TRAILING], timeout=CALL_TIMEOUT
    )
    requests.send(output_request(pb, [314159], 271828))
    requests.close()
    received = list(responses)
    assert [len(response.payload.body) for response in received] == [314159]
    assert responses.code() == grpc.StatusCode.OK
    assert metadata_value(responses.initial_metadata(), ECHO_INITIAL[0]) == ECHO_INITIAL[1]
    assert metadata_value(responses.trailing_metadata(), ECHO_TRAILING[0]) == ECHO_TRAILING[1]


def test_custom_metadata_binary_values_round_trip(stub, pb):
    """Every byte value, and lengths that need base64 padding of 0, 1 and 2 characters."""
    for value in (bytes(range(256)), b"\x00", b"\xff\xfe", b"\x80\x81\x82\x83"):
        _, call = stub.UnaryCall.with_call(
            simple_request(pb, 1, 1),
            metadata=[("x-grpc-test-echo-trailing-bin", value)],
            timeout=CALL_TIMEOUT,
        )
        assert metadata_value(call.trailing_metadata(), "x-grpc-test-echo-trailing-bin") == value


def test_status_code_and_message_unary(stub, pb):
    request = pb.messages_pb2.SimpleRequest(
        response_status=pb.messages_pb2.EchoStatus(code=2, message="test status message")
    )
    with pytest.raises(grpc.RpcError) as raised:
        stub.UnaryCall(request, timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.UNKNOWN
    assert raised.value.details() == "test status message"


def test_status_code_and_message_full_duplex(stub, pb):
    request = output_request(
        pb, [], response_status=pb.messages_pb2.EchoStatus(code=2, message="test status message")
    )
    responses = stub.FullDuplexCall(iter([request]), timeout=CALL_TIMEOUT)
    with pytest.raises(grpc.RpcError) as raised:
        list(responses)
    assert status_of(raised.value) == grpc.StatusCode.UNKNOWN
    assert raised.value.details() == "test status message"


@pytest.mark.parametrize("code", [grpc.StatusCode.NOT_FOUND, grpc.StatusCode.RESOURCE_EXHAUSTED,
                                  grpc.StatusCode.UNAUTHENTICATED])
def test_status_code_echo_other_codes(stub, pb, code):
    request = pb.messages_pb2.SimpleRequest(
        response_status=pb.messages_pb2.EchoStatus(code=code.value[0], message=code.name)
    )
    with pytest.raises(grpc.RpcError) as raised:
        stub.UnaryCall(request, timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == code
    assert raised.value.details() == code.name


def test_special_status_message(stub, pb):
    request = pb.messages_pb2.SimpleRequest(
        response_status=pb.messages_pb2.EchoStatus(code=2, message=SPECIAL_STATUS_MESSAGE)
    )
    with pytest.raises(grpc.RpcError) as raised:
        stub.UnaryCall(request, timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.UNKNOWN
    assert raised.value.details() == SPECIAL_STATUS_MESSAGE


def test_unimplemented_method(stub, pb):
    with pytest.raises(grpc.RpcError) as raised:
        stub.UnimplementedCall(pb.empty_pb2.Empty(), timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.UNIMPLEMENTED


def test_unimplemented_service(channel, pb):
    stub = pb.test_pb2_grpc.UnimplementedServiceStub(channel)
    with pytest.raises(grpc.RpcError) as raised:
        stub.UnimplementedCall(pb.empty_pb2.Empty(), timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.UNIMPLEMENTED


def test_unknown_method_of_a_known_service(channel, pb):
    call = channel.unary_unary(f"/{TEST_SERVICE}/NoSuchMethod")
    with pytest.raises(grpc.RpcError) as raised:
        call(b"", timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.UNIMPLEMENTED


# --- compression (interop: client_compressed_*, server_compressed_*) ------------------------------


@peer_limitation("cannot see whether a request was compressed, so the probe succeeds (OK)")
def test_client_compressed_unary_probe_is_rejected(stub, pb):
    """Step 1 of client_compressed_unary: an uncompressed request that expects compression."""
    probe = simple_request(pb, expect_compressed=bool_value(pb, True))
    with pytest.raises(grpc.RpcError) as raised:
        stub.UnaryCall(probe, timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize("algorithm", sorted(COMPRESSIONS))
def test_client_compressed_unary(stub, pb, algorithm):
    """Steps 2 and 3 of client_compressed_unary: a compressed then an uncompressed request."""
    compressed = simple_request(pb, expect_compressed=bool_value(pb, True))
    response = stub.UnaryCall(
        compressed, compression=COMPRESSIONS[algorithm], timeout=CALL_TIMEOUT
    )
    assert_zeros(response.payload, 314159)
    uncompressed = simple_request(pb, expect_compressed=bool_value(pb, False))
    response = stub.UnaryCall(
        uncompressed, compression=grpc.Compression.NoCompression, timeout=CALL_TIMEOUT
    )
    assert_zeros(response.payload, 314159)


@peer_limitation("cannot see whether a request was compressed, so the probe succeeds (OK)")
def test_client_compressed_streaming_probe_is_rejected(stub, pb):
    """Step 1 of client_compressed_streaming."""
    probe = pb.messages_pb2.StreamingInputCallRequest(
        payload=zeros(pb, 27182), expect_compressed=bool_value(pb, True)
    )
    with pytest.raises(grpc.RpcError) as raised:
        stub.StreamingInputCall(iter([probe]), timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize("algorithm", sorted(COMPRESSIONS))
def test_client_compressed_streaming(stub, pb, algorithm):
    """Steps 2 and 3 of client_compressed_streaming. grpcio compresses a whole call or none of
    it, so here the second message (expect_compressed false) is compressed too, which the server
    must accept; test_http2_raw.py sends the per-message flags exactly as described."""
    requests = [
        pb.messages_pb2.StreamingInputCallRequest(
            payload=zeros(pb, 27182), expect_compressed=bool_value(pb, True)
        ),
        pb.messages_pb2.StreamingInputCallRequest(
            payload=zeros(pb, 45904), expect_compressed=bool_value(pb, False)
        ),
    ]
    response = stub.StreamingInputCall(
        iter(requests), compression=COMPRESSIONS[algorithm], timeout=CALL_TIMEOUT
    )
    assert response.aggregated_payload_size == 73086


ACCEPTED = [
    "gzip",
    pytest.param(
        "deflate",
        marks=peer_limitation(
            "compresses with gzip although the client accepts only identity and deflate; grpcio "
            "fails the call with INTERNAL 'Compression algorithm not supported: gzip'"
        ),
    ),
]


@pytest.mark.parametrize("accepted", ACCEPTED)
def test_server_compressed_unary(interop_target, pb, accepted):
    """server_compressed_unary with a client that accepts identity and `accepted`: both calls
    succeed (grpcio fails a response compressed with an algorithm it did not list). The
    compressed flag itself is checked in test_http2_raw.py: grpcio does not show it."""
    options = {"grpc.compression_enabled_algorithms_bitset": ACCEPT_BITSETS[accepted]}
    with open_channel(interop_target, **options) as channel:
        stub = pb.test_pb2_grpc.TestServiceStub(channel)
        for compressed in (True, False):
            request = simple_request(pb, response_compressed=bool_value(pb, compressed))
            response = stub.UnaryCall(request, timeout=CALL_TIMEOUT)
            assert_zeros(response.payload, 314159)


@pytest.mark.parametrize("accepted", ACCEPTED)
def test_server_compressed_streaming(interop_target, pb, accepted):
    options = {"grpc.compression_enabled_algorithms_bitset": ACCEPT_BITSETS[accepted]}
    with open_channel(interop_target, **options) as channel:
        stub = pb.test_pb2_grpc.TestServiceStub(channel)
        parameters = [
            pb.messages_pb2.ResponseParameters(size=31415, compressed=bool_value(pb, True)),
            pb.messages_pb2.ResponseParameters(size=92653, compressed=bool_value(pb, False)),
        ]
        responses = list(
            stub.StreamingOutputCall(output_request(pb, parameters), timeout=CALL_TIMEOUT)
        )
        assert [len(response.payload.body) for response in responses] == [31415, 92653]


# --- message size limits (GRPC-WIRE.md 10) --------------------------------------------------------


def test_message_just_under_4_mib_each_way(stub, pb):
    size = MAX_MESSAGE - 64
    request = simple_request(pb, response_size=size, request_size=size)
    assert request.ByteSize() < MAX_MESSAGE
    response = stub.UnaryCall(request, timeout=CALL_TIMEOUT)
    assert_zeros(response.payload, size)


def test_oversize_request_is_resource_exhausted_and_channel_survives(stub, pb):
    request = simple_request(pb, response_size=1, request_size=MAX_MESSAGE + 1024)
    with pytest.raises(grpc.RpcError) as raised:
        stub.UnaryCall(request, timeout=CALL_TIMEOUT)
    assert status_of(raised.value) == grpc.StatusCode.RESOURCE_EXHAUSTED
    # The same channel (so the same HTTP/2 connection) goes on working.
    assert stub.EmptyCall(pb.empty_pb2.Empty(), timeout=CALL_TIMEOUT) == pb.empty_pb2.Empty()
    response = stub.UnaryCall(simple_request(pb), timeout=CALL_TIMEOUT)
    assert_zeros(response.payload, 314159)


# --- concurrency and deadlines --------------------------------------------------------------------


def test_100_concurrent_streams_on_one_channel(stub, pb, request_stream):
    """100 FullDuplex calls open at once on one channel, each ping-ponging three times; every
    call answers while all the others are still open."""
    calls = []
    for _ in range(100):
        requests = request_stream()
        calls.append((requests, stub.FullDuplexCall(requests, timeout=30.0)))
    for round_number in range(3):
        for index, (requests, _) in enumerate(calls):
            requests.send(output_request(pb, [index + round_number], 16))
        for index, (_, responses) in enumerate(calls):
            assert len(next(responses).payload.body) == index + round_number
    for requests, _ in calls:
        requests.close()
    for _, responses in calls:
        assert list(responses) == []
        assert responses.code() == grpc.StatusCode.OK


def test_concurrent_unary_calls_from_threads(stub, pb):
    errors = []

    def worker():
        try:
            for _ in range(5):
                response = stub.UnaryCall(simple_request(pb, 1000, 1000), timeout=CALL_TIMEOUT)
                assert len(response.payload.body) == 1000
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(CALL_TIMEOUT * 2)
    assert not errors, errors[:3]


def test_deadline_exceeded_on_sleeping_server_and_server_stays_healthy(stub, channel, pb):
    sleeping = output_request(
        pb, [pb.messages_pb2.ResponseParameters(size=1, interval_us=2_000_000)]
    )
    start = time.monotonic()
    with pytest.raises(grpc.RpcError) as raised:
        list(stub.StreamingOutputCall(sleeping, timeout=0.2))
    elapsed = time.monotonic() - start
    assert status_of(raised.value) == grpc.StatusCode.DEADLINE_EXCEEDED
    assert elapsed < 1.5, f"DEADLINE_EXCEEDED after {elapsed:.2f} s for a 200 ms deadline"

    start = time.monotonic()
    assert stub.EmptyCall(pb.empty_pb2.Empty(), timeout=CALL_TIMEOUT) == pb.empty_pb2.Empty()
    health = pb.health_pb2_grpc.HealthStub(channel)
    status = health.Check(pb.health_pb2.HealthCheckRequest(service=""), timeout=CALL_TIMEOUT)
    assert status.status == pb.health_pb2.HealthCheckResponse.SERVING
    assert time.monotonic() - start < 1.0


def test_deadline_exceeded_on_full_duplex_mid_stream(stub, pb, request_stream):
    requests = request_stream()
    responses = stub.FullDuplexCall(requests, timeout=0.5)
    requests.send(output_request(pb, [10]))
    assert len(next(responses).payload.body) == 10
    requests.send(
        output_request(pb, [pb.messages_pb2.ResponseParameters(size=1, interval_us=3_000_000)])
    )
    with pytest.raises(grpc.RpcError) as raised:
        next(responses)
    assert status_of(raised.value) == grpc.StatusCode.DEADLINE_EXCEEDED
    assert stub.EmptyCall(pb.empty_pb2.Empty(), timeout=CALL_TIMEOUT) == pb.empty_pb2.Empty()


# --- grpc.health.v1.Health (GRPC-WIRE.md 20) ------------------------------------------------------


@pytest.fixture
def health(channel, pb):
    return pb.health_pb2_grpc.HealthStub(channel)


@pytest.mark.parametrize("service", ["", TEST_SERVICE])
def test_health_check_serving(health, pb, service):
    response = health.Check(pb.health_pb2.HealthCheckRequest(service=service), timeout=CALL_TIMEOUT)
    assert response.status == pb.health_pb2.HealthCheckResponse.SERVING


def test_health_check_unknown_service_is_not_found(health, pb):
    with pytest.raises(grpc.RpcError) as raised:
        health.Check(
            pb.health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=CALL_TIMEOUT
        )
    assert status_of(raised.value) == grpc.StatusCode.NOT_FOUND


@pytest.mark.parametrize("service", ["", TEST_SERVICE])
def test_health_watch_yields_serving(health, pb, service):
    updates = health.Watch(pb.health_pb2.HealthCheckRequest(service=service), timeout=CALL_TIMEOUT)
    try:
        assert next(updates).status == pb.health_pb2.HealthCheckResponse.SERVING
    finally:
        updates.cancel()


def test_health_watch_unknown_service_is_service_unknown(health, pb):
    updates = health.Watch(
        pb.health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=CALL_TIMEOUT
    )
    try:
        assert next(updates).status == pb.health_pb2.HealthCheckResponse.SERVICE_UNKNOWN
    finally:
        updates.cancel()


# --- server reflection (GRPC-WIRE.md 21) ----------------------------------------------------------


@pytest.fixture
def reflection_db(channel):
    """grpcio-reflection's client, which speaks grpc.reflection.v1alpha (as older tools do)."""
    return ProtoReflectionDescriptorDatabase(channel)


def test_reflection_v1alpha_lists_services(reflection_db):
    services = list(reflection_db.get_services())
    assert TEST_SERVICE in services
    assert len(services) == len(set(services)), services


def test_reflection_v1alpha_every_listed_service_is_described(reflection_db):
    """What `grpcurl describe` does: each listed service resolves, with its dependencies."""
    pool = descriptor_pool.DescriptorPool(reflection_db)
    for name in reflection_db.get_services():
        service = pool.FindServiceByName(name)
        assert service.methods, f"{name} has no methods"


def test_reflection_v1alpha_file_containing_symbol(reflection_db):
    file = reflection_db.FindFileContainingSymbol("grpc.testing.SimpleRequest")
    assert file.name == "grpc/testing/messages.proto"
    assert file.package == "grpc.testing"
    assert "SimpleRequest" in [message.name for message in file.message_type]

    pool = descriptor_pool.DescriptorPool(reflection_db)
    service = pool.FindServiceByName(TEST_SERVICE)
    unary = service.methods_by_name["UnaryCall"]
    assert unary.input_type.full_name == "grpc.testing.SimpleRequest"
    assert unary.output_type.full_name == "grpc.testing.SimpleResponse"
    assert service.methods_by_name["FullDuplexCall"].input_type.fields_by_name[
        "response_parameters"
    ].message_type.full_name == "grpc.testing.ResponseParameters"


def test_reflection_v1alpha_file_by_name(reflection_db):
    file = reflection_db.FindFileByName("grpc/testing/test.proto")
    assert file.package == "grpc.testing"
    assert "TestService" in [service.name for service in file.service]
    assert set(file.dependency) == {"grpc/testing/empty.proto", "grpc/testing/messages.proto"}


def test_reflection_v1alpha_unknown_symbol_is_not_found(reflection_db):
    with pytest.raises(KeyError):
        reflection_db.FindFileContainingSymbol("no.such.Symbol")


def reflect_v1(channel, pb, request):
    stub = pb.reflection_pb2_grpc.ServerReflectionStub(channel)
    responses = list(stub.ServerReflectionInfo(iter([request]), timeout=CALL_TIMEOUT))
    assert len(responses) == 1
    return responses[0]


def test_reflection_v1_list_services(channel, pb):
    request = pb.reflection_pb2.ServerReflectionRequest(list_services="")
    response = reflect_v1(channel, pb, request)
    assert response.WhichOneof("message_response") == "list_services_response"
    assert TEST_SERVICE in [service.name for service in response.list_services_response.service]
    assert response.original_request == request


def test_reflection_v1_file_containing_symbol(channel, pb):
    from google.protobuf import descriptor_pb2

    request = pb.reflection_pb2.ServerReflectionRequest(
        file_containing_symbol=f"{TEST_SERVICE}.UnaryCall"
    )
    response = reflect_v1(channel, pb, request)
    assert response.WhichOneof("message_response") == "file_descriptor_response"
    names = []
    for serialized in response.file_descriptor_response.file_descriptor_proto:
        file = descriptor_pb2.FileDescriptorProto()
        file.ParseFromString(serialized)
        names.append(file.name)
    assert "grpc/testing/test.proto" in names


def test_reflection_v1_unknown_symbol_is_not_found(channel, pb):
    request = pb.reflection_pb2.ServerReflectionRequest(file_containing_symbol="no.such.Symbol")
    response = reflect_v1(channel, pb, request)
    assert response.WhichOneof("message_response") == "error_response"
    assert response.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]
