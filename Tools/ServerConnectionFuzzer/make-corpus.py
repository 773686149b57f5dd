#!/usr/bin/env python3
"""Usage: Tools/ServerConnectionFuzzer/make-corpus.py [--check]

Writes the seed corpus of the server-connection fuzzer into Tools/ServerConnectionFuzzer/corpus/:
valid HTTP/2 client byte streams (connection preface, SETTINGS, HEADERS with HPACK from the hpack
package, DATA carrying gRPC messages) for the interop server's methods, plus PING, RST_STREAM,
GOAWAY, CONTINUATION, flow control, padding and priority. Frames are written by hand so that each
flag and frame type appears exactly where a scenario wants it. With --check, writes nothing and
exits 1 if the directory differs from what would be written.

Each file is one connection: a selector byte, then the client's bytes. The selector's low 7 bits
are the size of each read the fuzzer makes (0: one read), its top bit advances the server's clock
by two hours before the connection closes (Tools/ServerConnectionFuzzer/Sources/FuzzedConnection
.swift). Every scenario is written whole (`NAME`); some also in small reads (`NAME.reads-N`) or
with the clock advanced (`NAME.late`).

Runs under .venv/bin/python (Tools/bootstrap.sh makes it); started with another Python, it re-runs
itself with that one.
"""

import gzip
import os
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
CORPUS = REPO / "Tools" / "ServerConnectionFuzzer" / "corpus"

try:
    import hpack
except ImportError:
    venv_python = REPO / ".venv" / "bin" / "python"
    if venv_python.exists() and Path(sys.executable) != venv_python:
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    sys.exit("needs the hpack package: run Tools/bootstrap.sh first")

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
DATA, HEADERS, PRIORITY, RST_STREAM, SETTINGS, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION = (
    0x0, 0x1, 0x2, 0x3, 0x4, 0x6, 0x7, 0x8, 0x9)
END_STREAM, ACK, END_HEADERS, PADDED, PRIORITY_FLAG = 0x1, 0x1, 0x4, 0x8, 0x20
SETTINGS_ENABLE_PUSH, SETTINGS_INITIAL_WINDOW_SIZE = 0x2, 0x4
CANCEL = 0x8

TEST_SERVICE = "/grpc.testing.TestService/"


def frame(kind, flags, stream, payload=b""):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def settings(*pairs):
    return frame(SETTINGS, 0, 0, b"".join(struct.pack(">HI", key, value) for key, value in pairs))


def start(*pairs):
    """The preface, the client's SETTINGS and its ACK of the server's."""
    return PREFACE + settings((SETTINGS_ENABLE_PUSH, 0), *pairs) + frame(SETTINGS, ACK, 0)


def varint(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, data):
    return varint(number << 3 | 2) + varint(len(data)) + data


def grpc_message(message, compressed=False):
    return bytes([1 if compressed else 0]) + struct.pack(">I", len(message)) + message


def simple_request(size):  # SimpleRequest{response_size, payload{body}}
    return varint(2 << 3) + varint(size) + field(3, field(2, b"\0" * size))


def output_request(*sizes):  # StreamingOutputCallRequest{response_parameters{size}...}
    return b"".join(field(2, varint(1 << 3) + varint(size)) for size in sizes)


def input_request(size):  # StreamingInputCallRequest{payload{body}}
    return field(1, field(2, b"\1" * size))


class Connection:
    """One client connection's HPACK state."""

    def __init__(self):
        self.encoder = hpack.Encoder()

    def block(self, path, *extra):
        return self.encoder.encode([
            (":method", "POST"), (":scheme", "http"), (":path", path),
            (":authority", "localhost"), ("content-type", "application/grpc"), ("te", "trailers"),
            *extra,
        ])

    def headers(self, stream, path, *extra, end_stream=False):
        return frame(HEADERS, END_HEADERS | (END_STREAM if end_stream else 0), stream,
                     self.block(path, *extra))


def data(stream, payload, end_stream=False):
    return frame(DATA, END_STREAM if end_stream else 0, stream, payload)


def call(stream, path, message, *extra, connection=None):
    connection = connection or Connection()
    return connection.headers(stream, path, *extra) + data(stream, grpc_message(message), True)


def scenarios():
    c = Connection()
    yield "unary-call", start() + call(1, TEST_SERVICE + "UnaryCall", simple_request(16), connection=c)

    c = Connection()
    yield "empty-call-echo-metadata", start() + call(
        1, TEST_SERVICE + "EmptyCall", b"",
        ("x-grpc-test-echo-initial", "hello"), ("x-grpc-test-echo-trailing-bin", "AAEC"),
        connection=c)

    c = Connection()
    yield "server-streaming", start() + call(
        1, TEST_SERVICE + "StreamingOutputCall", output_request(8, 0, 100), connection=c)

    c = Connection()
    first, second = grpc_message(input_request(10)), grpc_message(input_request(300))
    yield "client-streaming", (
        start() + c.headers(1, TEST_SERVICE + "StreamingInputCall") + data(1, first + second[:7])
        + data(1, second[7:]) + data(1, b"", end_stream=True))

    c = Connection()
    yield "bidi-streaming", (
        start() + c.headers(1, TEST_SERVICE + "FullDuplexCall")
        + data(1, grpc_message(output_request(5))) + data(1, grpc_message(output_request(7, 9)))
        + data(1, b"", end_stream=True))

    c = Connection()
    yield "half-duplex", (
        start() + c.headers(1, TEST_SERVICE + "HalfDuplexCall")
        + data(1, grpc_message(output_request(3)) + grpc_message(output_request(4)), True))

    c = Connection()
    yield "health-check-and-watch", (
        start() + call(1, "/grpc.health.v1.Health/Check", b"", connection=c)
        + call(3, "/grpc.health.v1.Health/Watch", field(1, b"grpc.testing.TestService"),
               connection=c))

    c = Connection()
    yield "reflection", (
        start() + c.headers(1, "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
        + data(1, grpc_message(field(7, b"")))
        + data(1, grpc_message(field(4, b"grpc.health.v1.Health")), True))

    c = Connection()
    yield "ping", (
        start() + frame(PING, 0, 0, b"12345678")
        + call(1, TEST_SERVICE + "UnaryCall", simple_request(1), connection=c)
        + frame(PING, 0, 0, b"abcdefgh"))

    c = Connection()
    yield "rst-stream", (
        start() + c.headers(1, TEST_SERVICE + "FullDuplexCall")
        + data(1, grpc_message(output_request(4)))
        + frame(RST_STREAM, 0, 1, struct.pack(">I", CANCEL))
        + call(3, TEST_SERVICE + "UnaryCall", simple_request(2), connection=c))

    c = Connection()
    yield "goaway", (
        start() + call(1, TEST_SERVICE + "UnaryCall", simple_request(4), connection=c)
        + frame(GOAWAY, 0, 0, struct.pack(">II", 0, 0)))

    c = Connection()
    block = c.block(TEST_SERVICE + "UnaryCall", ("user-agent", "seed-corpus/1.0"),
                    ("x-custom", "v" * 40))
    yield "continuation", (
        start() + frame(HEADERS, 0, 1, block[:10]) + frame(CONTINUATION, 0, 1, block[10:30])
        + frame(CONTINUATION, END_HEADERS, 1, block[30:])
        + data(1, grpc_message(simple_request(8)), True))

    # A 1 KiB stream window: the 3 x 2,000 B responses wait for the WINDOW_UPDATEs.
    c = Connection()
    yield "window-update", (
        start((SETTINGS_INITIAL_WINDOW_SIZE, 1024))
        + call(1, TEST_SERVICE + "StreamingOutputCall", output_request(2000, 2000, 2000),
               connection=c)
        + frame(WINDOW_UPDATE, 0, 1, struct.pack(">I", 4096))
        + frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", 65536))
        + frame(WINDOW_UPDATE, 0, 1, struct.pack(">I", 8192)))

    c = Connection()
    compressed = gzip.compress(simple_request(64), mtime=0)
    yield "gzip-request", start() + c.headers(
        1, TEST_SERVICE + "UnaryCall", ("grpc-encoding", "gzip"), ("grpc-accept-encoding", "gzip")
    ) + data(1, grpc_message(compressed, compressed=True), True)

    c = Connection()
    trailers = c.encoder.encode([("x-trailer", "1")])
    yield "interleaved-streams-and-trailers", (
        start() + c.headers(1, TEST_SERVICE + "UnaryCall") + c.headers(3, TEST_SERVICE + "EmptyCall")
        + data(3, grpc_message(b"")) + data(1, grpc_message(simple_request(3)))
        + frame(HEADERS, END_HEADERS | END_STREAM, 1, trailers) + data(3, b"", True))

    c = Connection()
    block = c.block(TEST_SERVICE + "UnaryCall")
    padded_priority = bytes([5]) + struct.pack(">I", 0) + bytes([15]) + block + b"\0" * 5
    yield "padding-and-priority", (
        start() + frame(HEADERS, END_HEADERS | PADDED | PRIORITY_FLAG, 1, padded_priority)
        + frame(PRIORITY, 0, 1, struct.pack(">I", 0) + bytes([31]))
        + frame(DATA, PADDED | END_STREAM, 1, bytes([3]) + grpc_message(simple_request(5)) + b"\0" * 3))


# name suffix -> selector byte, for the scenarios written more than once.
VARIANTS = {
    "unary-call": {".reads-1": 0x01, ".reads-7": 0x07},
    "bidi-streaming": {".reads-13": 0x0D},
    "continuation": {".reads-5": 0x05},
    "window-update": {".reads-9": 0x09},
    "health-check-and-watch": {".late": 0x80},
    "server-streaming": {".late": 0x80},
}


def corpus():
    files = {}
    for name, stream in scenarios():
        files[name] = b"\0" + stream
        for suffix, selector in VARIANTS.get(name, {}).items():
            files[name + suffix] = bytes([selector]) + stream
    return files


def write(directory, files):
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.iterdir():
        old.unlink()
    for name, content in files.items():
        (directory / name).write_bytes(content)


def main():
    files = corpus()
    if sys.argv[1:] == ["--check"]:
        current = {p.name: p.read_bytes() for p in CORPUS.iterdir()} if CORPUS.exists() else {}
        if current != files:
            sys.exit(f"{CORPUS.relative_to(REPO)} is stale: run {Path(__file__).relative_to(REPO)}")
        return
    if sys.argv[1:]:
        sys.exit(__doc__.splitlines()[0])
    write(CORPUS, files)
    print(f"Wrote {len(files)} seed inputs to {CORPUS.relative_to(REPO)}.")


if __name__ == "__main__":
    main()
