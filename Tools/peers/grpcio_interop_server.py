#!/usr/bin/env python3
"""Usage: .venv/bin/python Tools/peers/grpcio_interop_server.py [--port N] [--host ADDR]
                                                                  [--max-workers N] [--bdp-probe]

The reference gRPC peer: a grpcio (sync API) server of `grpc.testing.TestService` as the gRPC
repository's doc/interop-test-descriptions.md ("Server") describes it, plus `grpc.health.v1.Health`
(grpcio-health-checking) and server reflection under both `grpc.reflection.v1alpha` and
`grpc.reflection.v1` (grpcio-reflection). Tests/Interop runs its suite against it with
`INTEROP_SERVER=python`, and it is the Python comparator for benchmarks.

  --port N         port to listen on; 0 (the default) picks a free one
  --host ADDR      address to bind (default 127.0.0.1)
  --max-workers N  handler threads (default 256: each open streaming call holds one)
  --bdp-probe      let grpc core size its HTTP/2 windows from bandwidth-delay probes (off by
                   default: then a stream's window grows only as its handler reads, the
                   backpressure GRPC-WIRE.md asks for; with it on, grpc core may grant megabytes
                   of window to a handler that is not reading). For throughput comparisons.

Prints `listening on PORT` (and flushes) once it serves; exits 0 on SIGTERM or SIGINT after a
short grace period for calls in flight.

What a grpcio server cannot do, and so this peer does not (grpcio hides `grpc-encoding`,
`grpc-accept-encoding` and the per-message compressed flag from handlers, and decompresses before
the handler runs):
  - CompressedRequest: `expect_compressed` cannot be checked, so it is ignored; a probe that
    expects compression on an uncompressed request succeeds instead of failing with
    INVALID_ARGUMENT.
  - CompressedResponse: `response_compressed` / `compressed` compress with gzip (grpcio's
    `set_compression`) and `disable_next_message_compression` leaves a message uncompressed; the
    algorithm cannot follow the client's `grpc-accept-encoding`, and grpcio compresses with gzip
    even for a client that did not list it.
And grpcio's transport itself, where GRPC-WIRE.md asks otherwise: it serves a request whose
content-type is `text/plain` (HTTP 200, grpc-status 0; not HTTP 415), resets a request without
`te: trailers` (RST_STREAM PROTOCOL_ERROR; not served), and answers an unknown `grpc-encoding` with
INTERNAL (not UNIMPLEMENTED). A GET is reset (RST_STREAM PROTOCOL_ERROR), as allowed.
"""

import argparse
import importlib
import importlib.resources
import signal
import sys
import tempfile
import threading
import time
from concurrent import futures
from pathlib import Path

import grpc
from google.protobuf import descriptor_pool
from grpc_health.v1 import health as grpc_health
from grpc_health.v1 import health_pb2 as grpc_health_pb2
from grpc_health.v1 import health_pb2_grpc as grpc_health_pb2_grpc
from grpc_reflection.v1alpha import reflection as grpc_reflection
from grpc_reflection.v1alpha import reflection_pb2 as reflection_v1alpha_pb2

REPO = Path(__file__).resolve().parents[2]
PROTOS = REPO / "Protos"
# The health proto is not compiled here: grpcio-health-checking registers the same message names
# (as grpc_health/v1/health.proto) in the default descriptor pool, and a second copy would clash.
PROTO_FILES = [
    "grpc/testing/empty.proto",
    "grpc/testing/messages.proto",
    "grpc/testing/test.proto",
    "grpc/reflection/v1/reflection.proto",
]

TEST_SERVICE = "grpc.testing.TestService"
HEALTH_SERVICE = "grpc.health.v1.Health"
REFLECTION_V1 = "grpc.reflection.v1.ServerReflection"
REFLECTION_V1ALPHA = "grpc.reflection.v1alpha.ServerReflection"

ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"

# grpcio's own default, stated so that the peer's limit is visible: 4 MiB per received message.
MAX_RECEIVE_MESSAGE_LENGTH = 4 * 1024 * 1024
SHUTDOWN_GRACE_SECONDS = 2.0

STATUS_BY_CODE = {status.value[0]: status for status in grpc.StatusCode}


def compile_protos(out_dir):
    """Generates the Python modules of PROTO_FILES into `out_dir` with grpcio-tools."""
    from grpc_tools import protoc

    include = str(importlib.resources.files("grpc_tools") / "_proto")
    status = protoc.main(
        [
            "grpc_tools.protoc",
            f"-I{PROTOS}",
            f"-I{include}",
            f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            *PROTO_FILES,
        ]
    )
    if status != 0:
        raise SystemExit(f"grpcio_interop_server: grpc_tools.protoc failed ({status})")


def import_generated(out_dir):
    """Imports the generated modules. They live under `grpc/`, the name of grpcio's own package,
    so `out_dir/grpc` joins that package's search path (as Tests/Interop's helpers do). grpcio
    aliases `grpc.reflection` to the grpcio-reflection distribution in sys.modules; the alias is
    dropped so that `grpc.reflection.v1` is the generated package (grpcio-reflection itself stays
    importable as `grpc_reflection`)."""
    sys.path.insert(0, str(out_dir))
    importlib.invalidate_caches()
    grpc.__path__.append(str(Path(out_dir) / "grpc"))
    alias = sys.modules.get("grpc.reflection")
    if alias is not None and alias.__name__ != "grpc.reflection":
        del sys.modules["grpc.reflection"]
    empty_pb2 = importlib.import_module("grpc.testing.empty_pb2")
    messages_pb2 = importlib.import_module("grpc.testing.messages_pb2")
    importlib.import_module("grpc.testing.test_pb2")  # the services' file, for reflection
    test_pb2_grpc = importlib.import_module("grpc.testing.test_pb2_grpc")
    importlib.import_module("grpc.reflection.v1.reflection_pb2")  # into the pool, for reflection
    return empty_pb2, messages_pb2, test_pb2_grpc


def sleep_while_active(context, seconds):
    """Sleeps `seconds` unless the call ends first (deadline, cancellation); returns whether the
    call is still active."""
    if seconds <= 0:
        return context.is_active()
    ended = threading.Event()
    context.add_callback(ended.set)
    ended.wait(seconds)
    return context.is_active()


def make_servicer(empty_pb2, messages_pb2, test_pb2_grpc):
    def payload(size):
        return messages_pb2.Payload(type=messages_pb2.COMPRESSABLE, body=bytes(size))

    def echo_metadata(context):
        """Echo Metadata: the initial value back in headers, the trailing one in trailers."""
        initial, trailing = [], []
        for key, value in context.invocation_metadata():
            if key == ECHO_INITIAL:
                initial.append((key, value))
            elif key == ECHO_TRAILING:
                trailing.append((key, value))
        if initial:
            context.send_initial_metadata(initial)
        if trailing:
            context.set_trailing_metadata(trailing)

    def check_expect_compressed(request, context):
        """CompressedRequest would fail the call with INVALID_ARGUMENT when `expect_compressed` is
        true and the request was not compressed; a grpcio handler cannot see that (module doc)."""
        del request, context

    def echo_status(request, context):
        """Echo Status: a non-OK response_status ends the call with that code and message."""
        if request.HasField("response_status") and request.response_status.code != 0:
            code = STATUS_BY_CODE.get(request.response_status.code, grpc.StatusCode.UNKNOWN)
            context.abort(code, request.response_status.message)

    def stream_responses(request, context, compression_set):
        """One StreamingOutputCallResponse per ResponseParameters, `interval_us` before each."""
        for parameters in request.response_parameters:
            if not sleep_while_active(context, parameters.interval_us / 1_000_000):
                return
            compressed = parameters.HasField("compressed") and parameters.compressed.value
            if compressed and not compression_set[0]:
                context.set_compression(grpc.Compression.Gzip)
                compression_set[0] = True
            if not compressed:
                context.disable_next_message_compression()
            yield messages_pb2.StreamingOutputCallResponse(payload=payload(parameters.size))

    class TestService(test_pb2_grpc.TestServiceServicer):
        def EmptyCall(self, request, context):
            echo_metadata(context)
            return empty_pb2.Empty()

        def UnaryCall(self, request, context):
            echo_metadata(context)
            check_expect_compressed(request, context)
            echo_status(request, context)
            if request.HasField("response_compressed") and request.response_compressed.value:
                context.set_compression(grpc.Compression.Gzip)
            else:
                context.disable_next_message_compression()
            return messages_pb2.SimpleResponse(payload=payload(request.response_size))

        def CacheableUnaryCall(self, request, context):
            echo_metadata(context)
            context.send_initial_metadata([("cache-control", "max-age=60, public")])
            return messages_pb2.SimpleResponse(
                payload=messages_pb2.Payload(body=str(time.time_ns()).encode())
            )

        def StreamingOutputCall(self, request, context):
            echo_metadata(context)
            echo_status(request, context)
            yield from stream_responses(request, context, [False])

        def StreamingInputCall(self, request_iterator, context):
            echo_metadata(context)
            size = 0
            for request in request_iterator:
                check_expect_compressed(request, context)
                size += len(request.payload.body)
            return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=size)

        def FullDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            compression_set = [False]
            for request in request_iterator:
                echo_status(request, context)
                yield from stream_responses(request, context, compression_set)
                if not context.is_active():
                    return

        def HalfDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            requests = list(request_iterator)
            compression_set = [False]
            for request in requests:
                echo_status(request, context)
                yield from stream_responses(request, context, compression_set)
                if not context.is_active():
                    return

        def UnimplementedCall(self, request, context):
            context.abort(grpc.StatusCode.UNIMPLEMENTED, "UnimplementedCall is not implemented")

    return TestService()


class ReflectionPool:
    """The default descriptor pool, for grpcio-reflection, that also finds the file of a method
    (`package.Service.Method`, as `grpcurl describe` asks): protobuf's upb pool does not."""

    def __init__(self, pool):
        self._pool = pool

    def __getattr__(self, name):
        return getattr(self._pool, name)

    def FindFileContainingSymbol(self, symbol):  # noqa: N802 - the DescriptorPool API
        try:
            return self._pool.FindFileContainingSymbol(symbol)
        except KeyError:
            parent, _, member = symbol.rpartition(".")
            try:
                service = self._pool.FindServiceByName(parent)
            except KeyError:
                service = None
            if service is not None and member in service.methods_by_name:
                return service.file
            raise


def add_reflection_v1(server, service_names, pool):
    """`grpc.reflection.v1.ServerReflection`, served by grpcio-reflection's v1alpha servicer: the
    two protocols have the same messages and field numbers, so the v1alpha classes read and write
    the v1 bytes."""
    servicer = grpc_reflection.ReflectionServicer(service_names, pool=pool)
    request_class = reflection_v1alpha_pb2.ServerReflectionRequest
    response_class = reflection_v1alpha_pb2.ServerReflectionResponse
    handler = grpc.method_handlers_generic_handler(
        REFLECTION_V1,
        {
            "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
                servicer.ServerReflectionInfo,
                request_deserializer=request_class.FromString,
                response_serializer=response_class.SerializeToString,
            )
        },
    )
    server.add_generic_rpc_handlers((handler,))


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="grpcio_interop_server.py",
        description="grpcio reference server of grpc.testing.TestService, Health and reflection.",
    )
    parser.add_argument("--port", type=int, default=0, help="port to listen on (0: pick one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind")
    parser.add_argument("--max-workers", type=int, default=256, help="handler threads")
    parser.add_argument(
        "--bdp-probe", action="store_true", help="size HTTP/2 windows from bandwidth probes"
    )
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    with tempfile.TemporaryDirectory(prefix="grpcio-interop-") as out_dir:
        compile_protos(out_dir)
        empty_pb2, messages_pb2, test_pb2_grpc = import_generated(out_dir)

        server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=args.max_workers),
            options=[
                ("grpc.so_reuseport", 0),
                ("grpc.http2.bdp_probe", 1 if args.bdp_probe else 0),
                ("grpc.max_receive_message_length", MAX_RECEIVE_MESSAGE_LENGTH),
            ],
        )
        test_pb2_grpc.add_TestServiceServicer_to_server(
            make_servicer(empty_pb2, messages_pb2, test_pb2_grpc), server
        )

        health = grpc_health.HealthServicer()
        grpc_health_pb2_grpc.add_HealthServicer_to_server(health, server)
        for service in ("", TEST_SERVICE, HEALTH_SERVICE, REFLECTION_V1, REFLECTION_V1ALPHA):
            health.set(service, grpc_health_pb2.HealthCheckResponse.SERVING)

        service_names = [TEST_SERVICE, HEALTH_SERVICE, REFLECTION_V1, REFLECTION_V1ALPHA]
        pool = ReflectionPool(descriptor_pool.Default())
        grpc_reflection.enable_server_reflection(service_names, server, pool=pool)
        add_reflection_v1(server, service_names, pool)

        port = server.add_insecure_port(f"{args.host}:{args.port}")
        if port == 0:
            raise SystemExit(f"grpcio_interop_server: cannot bind {args.host}:{args.port}")
        server.start()
        print(f"listening on {port}", flush=True)

        while not stop.wait(0.5):
            pass
        health.enter_graceful_shutdown()
        server.stop(SHUTDOWN_GRACE_SECONDS).wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
