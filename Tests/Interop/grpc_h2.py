"""A gRPC client made of HTTP/2 frames, for the wire checks grpcio cannot make.

`H2Connection` speaks h2c with prior knowledge over a plain socket through the `h2` library, and
records every frame the server sends (type, flags, stream, payload) beside h2's events, so a test
can look at what happened on the wire: which frame came first, the WINDOW_UPDATE increments, the
compressed flag of each gRPC message, frames after a RST_STREAM. Everything blocks with a timeout;
nothing waits forever.
"""

import base64
import gzip
import socket
import struct
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field

import h2.config
import h2.connection
import h2.events
import h2.settings
from h2.errors import ErrorCodes
from h2.settings import SettingCodes
from hyperframe.frame import GoAwayFrame

# HTTP/2 frame types (RFC 9113 section 6).
DATA, HEADERS, PRIORITY, RST_STREAM, SETTINGS, PUSH_PROMISE, PING, GOAWAY, WINDOW_UPDATE = range(9)
CONTINUATION = 9
FRAME_NAMES = {
    DATA: "DATA",
    HEADERS: "HEADERS",
    PRIORITY: "PRIORITY",
    RST_STREAM: "RST_STREAM",
    SETTINGS: "SETTINGS",
    PUSH_PROMISE: "PUSH_PROMISE",
    PING: "PING",
    GOAWAY: "GOAWAY",
    WINDOW_UPDATE: "WINDOW_UPDATE",
    CONTINUATION: "CONTINUATION",
}
FLAG_END_STREAM = 0x1
FLAG_ACK = 0x1
FLAG_PADDED = 0x8

DEFAULT_TIMEOUT = 10.0


@dataclass
class Frame:
    """One frame as the server sent it."""

    type: int
    flags: int
    stream_id: int
    payload: bytes

    @property
    def name(self):
        return FRAME_NAMES.get(self.type, f"type {self.type}")

    @property
    def window_increment(self):
        assert self.type == WINDOW_UPDATE
        return struct.unpack(">I", self.payload[:4])[0] & 0x7FFFFFFF

    def settings(self):
        assert self.type == SETTINGS
        return {
            struct.unpack(">H", self.payload[i : i + 2])[0]: struct.unpack(
                ">I", self.payload[i + 2 : i + 6]
            )[0]
            for i in range(0, len(self.payload) - 5, 6)
        }

    def __repr__(self):
        return (
            f"<{self.name} flags=0x{self.flags:x} stream={self.stream_id} "
            f"len={len(self.payload)}>"
        )


@dataclass
class Message:
    """One length-prefixed gRPC message: its compressed flag and its bytes as sent."""

    compressed: bool
    data: bytes

    def decoded(self, encoding):
        """The message bytes, decompressed with `encoding` when the flag says so."""
        if not self.compressed:
            return self.data
        return decompress(self.data, encoding)


@dataclass
class Response:
    """What the server sent on one stream."""

    stream_id: int
    headers: list = field(default_factory=list)  # [(str, str)] of the first header block
    trailers: list = field(default_factory=list)  # [(str, str)] of a second header block
    header_blocks: int = 0
    body: bytearray = field(default_factory=bytearray)
    ended: bool = False
    reset_code: int | None = None  # the RST_STREAM error code the server sent, if it did

    @property
    def closed(self):
        return self.ended or self.reset_code is not None

    def header(self, name):
        return lookup(self.headers, name)

    def trailer(self, name):
        return lookup(self.trailers, name)

    @property
    def http_status(self):
        value = self.header(":status")
        return int(value) if value is not None else None

    @property
    def trailers_only(self):
        """One HEADERS block, which ended the stream and carries grpc-status."""
        return self.header_blocks == 1 and self.ended and self.header("grpc-status") is not None

    @property
    def grpc_status(self):
        value = self.trailer("grpc-status")
        if value is None and self.trailers_only:
            value = self.header("grpc-status")
        return int(value) if value is not None else None

    @property
    def raw_grpc_message(self):
        if self.trailers:
            return self.trailer("grpc-message")
        return self.header("grpc-message")

    @property
    def grpc_message(self):
        """grpc-message, percent-decoded as UTF-8 (PROTOCOL-HTTP2.md)."""
        value = self.raw_grpc_message
        return None if value is None else urllib.parse.unquote(value, errors="strict")

    @property
    def messages(self):
        return split_messages(bytes(self.body))

    def describe(self):
        return (
            f"stream {self.stream_id}: headers={self.headers} trailers={self.trailers} "
            f"body={len(self.body)} bytes ended={self.ended} reset_code={self.reset_code}"
        )


def lookup(headers, name):
    found = None
    for key, value in headers:
        if key == name:
            found = value
    return found


def frame_message(data, compressed=False):
    """The gRPC length-prefixed framing: flag byte, 4-byte big-endian length, bytes."""
    return struct.pack(">BI", 1 if compressed else 0, len(data)) + data


def split_messages(body):
    messages = []
    offset = 0
    while offset < len(body):
        assert len(body) - offset >= 5, f"truncated gRPC message prefix at byte {offset}"
        flag, length = struct.unpack(">BI", body[offset : offset + 5])
        assert flag in (0, 1), f"gRPC message flag {flag} at byte {offset}"
        data = body[offset + 5 : offset + 5 + length]
        assert len(data) == length, f"truncated gRPC message at byte {offset}"
        messages.append(Message(bool(flag), data))
        offset += 5 + length
    return messages


def compress(data, encoding):
    if encoding == "gzip":
        return gzip.compress(data)
    if encoding == "deflate":  # gRPC's "deflate" is the zlib format (RFC 1950)
        return zlib.compress(data)
    raise ValueError(f"unknown encoding {encoding}")


def decompress(data, encoding):
    if encoding == "gzip":
        return gzip.decompress(data)
    if encoding == "deflate":
        return zlib.decompress(data)
    raise AssertionError(f"a compressed message with grpc-encoding {encoding!r}")


def b64_unpadded(data):
    return base64.b64encode(data).rstrip(b"=").decode("ascii")


def b64_decode_any(text):
    return base64.b64decode(text + "=" * (-len(text) % 4))


class H2Connection:
    """One h2c connection to `target` ("host:port"). Settings are the client's SETTINGS values by
    h2 SettingCodes; the connection is established (both SETTINGS exchanged and our SETTINGS
    acknowledged) when the constructor returns."""

    def __init__(self, target, settings=None, timeout=DEFAULT_TIMEOUT, auto_ack_data=True):
        host, port = target.rsplit(":", 1)
        host = host.strip("[]")
        self.target = target
        self.timeout = timeout
        self.auto_ack_data = auto_ack_data
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        config = h2.config.H2Configuration(client_side=True, header_encoding=None)
        self.conn = h2.connection.H2Connection(config=config)
        initial = {SettingCodes.ENABLE_PUSH: 0}
        initial.update(settings or {})
        self.conn.local_settings = h2.settings.Settings(client=True, initial_values=initial)
        self.frames = []  # every frame the server sent, in order
        self.events = []  # every h2 event
        self.responses = {}
        self.pings = []
        self.remote_settings = {}
        self.server_goaway = None
        self.settings_acked = False
        self.closed_by_server = False
        self._raw = bytearray()
        self.conn.initiate_connection()
        self.flush()
        self.wait_for(
            lambda: self.settings_acked and self.remote_settings_received,
            "the server's SETTINGS and its ACK of ours",
        )

    # --- plumbing -------------------------------------------------------------------------------

    @property
    def remote_settings_received(self):
        return any(f.type == SETTINGS and not f.flags & FLAG_ACK for f in self.frames)

    def flush(self):
        data = self.conn.data_to_send()
        if data:
            self.sock.sendall(data)

    def send_raw(self, data):
        """Bytes straight onto the socket, behind h2's back (it never learns of them)."""
        self.flush()
        self.sock.sendall(data)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def pump(self, timeout):
        """Reads once (waiting at most `timeout`), feeds h2, answers what h2 wants answered.
        Returns False when the server closed the connection."""
        if self.closed_by_server:
            return False
        self.sock.settimeout(max(timeout, 0.001))
        try:
            data = self.sock.recv(65536)
        except socket.timeout:
            return True
        except ConnectionResetError:
            data = b""
        if not data:
            self.closed_by_server = True
            return False
        self._record_frames(data)
        for event in self.conn.receive_data(data):
            self._handle(event)
        self.flush()
        return True

    def _record_frames(self, data):
        self._raw += data
        while len(self._raw) >= 9:
            length = int.from_bytes(self._raw[0:3], "big")
            if len(self._raw) < 9 + length:
                break
            frame_type, flags = self._raw[3], self._raw[4]
            stream_id = int.from_bytes(self._raw[5:9], "big") & 0x7FFFFFFF
            payload = bytes(self._raw[9 : 9 + length])
            del self._raw[: 9 + length]
            self.frames.append(Frame(frame_type, flags, stream_id, payload))

    def _response(self, stream_id):
        return self.responses.setdefault(stream_id, Response(stream_id))

    def _handle(self, event):
        self.events.append(event)
        if isinstance(event, (h2.events.ResponseReceived, h2.events.InformationalResponseReceived)):
            response = self._response(event.stream_id)
            response.header_blocks += 1
            response.headers = decode_headers(event.headers)
        elif isinstance(event, h2.events.TrailersReceived):
            response = self._response(event.stream_id)
            response.header_blocks += 1
            response.trailers = decode_headers(event.headers)
        elif isinstance(event, h2.events.DataReceived):
            self._response(event.stream_id).body += event.data
            if self.auto_ack_data and event.flow_controlled_length:
                self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
        elif isinstance(event, h2.events.StreamEnded):
            self._response(event.stream_id).ended = True
        elif isinstance(event, h2.events.StreamReset):
            if event.remote_reset:
                self._response(event.stream_id).reset_code = int(event.error_code)
        elif isinstance(event, h2.events.PingAckReceived):
            self.pings.append(event.ping_data)
        elif isinstance(event, h2.events.RemoteSettingsChanged):
            for code, change in event.changed_settings.items():
                self.remote_settings[int(code)] = change.new_value
        elif isinstance(event, h2.events.SettingsAcknowledged):
            self.settings_acked = True
        elif isinstance(event, h2.events.ConnectionTerminated):
            self.server_goaway = event

    def wait_for(self, predicate, what, timeout=None):
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"timed out waiting for {what}; frames: {self.frames[-20:]}")
            if not self.pump(remaining) and not predicate():
                raise ConnectionError(
                    f"the server closed the connection while waiting for {what}; "
                    f"frames: {self.frames[-20:]}"
                )

    def settle(self, seconds):
        """Reads whatever arrives during `seconds`."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            if not self.pump(remaining):
                return

    # --- requests -------------------------------------------------------------------------------

    def start_call(
        self,
        path,
        metadata=(),
        method="POST",
        content_type="application/grpc",
        te=True,
        grpc_timeout=None,
        encoding=None,
        accept_encoding=None,
        end_stream=False,
    ):
        """Sends the request HEADERS of a call to `path`; returns the stream id."""
        stream_id = self.conn.get_next_available_stream_id()
        headers = [
            (":method", method),
            (":scheme", "http"),
            (":path", path),
            (":authority", self.target),
        ]
        if content_type is not None:
            headers.append(("content-type", content_type))
        if te:
            headers.append(("te", "trailers"))
        if grpc_timeout is not None:
            headers.append(("grpc-timeout", grpc_timeout))
        if encoding is not None:
            headers.append(("grpc-encoding", encoding))
        if accept_encoding is not None:
            headers.append(("grpc-accept-encoding", accept_encoding))
        headers.extend(metadata)
        self.conn.send_headers(stream_id, headers, end_stream=end_stream)
        self.flush()
        self._response(stream_id)
        return stream_id

    def send_data(self, stream_id, data, end_stream=False, max_frame=None, deadline=None):
        """Sends `data` on the stream in DATA frames (of at most `max_frame` bytes), never past
        the server's flow-control windows: it waits for WINDOW_UPDATEs when they are used up.
        With a `deadline` (time.monotonic()), it stops waiting then and returns how many bytes
        it sent (without END_STREAM unless all went); otherwise it returns len(data)."""
        view = memoryview(data)
        sent = 0
        while True:
            response = self.responses.get(stream_id)
            if response is not None and response.closed:
                raise ConnectionError(f"the server closed the stream: {response.describe()}")
            size = min(
                len(view),
                self.conn.local_flow_control_window(stream_id),
                self.conn.max_outbound_frame_size,
                max_frame or len(view) or 1,
            )
            if size > 0 or not view:
                last = size == len(view)
                self.conn.send_data(stream_id, bytes(view[:size]), end_stream=end_stream and last)
                self.flush()
                view = view[size:]
                sent += size
                if last:
                    return sent
                continue
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return sent
                self.pump(remaining)
                continue
            self.wait_for(
                lambda: self.conn.local_flow_control_window(stream_id) > 0
                or self.responses[stream_id].closed,
                f"flow-control window on stream {stream_id}",
            )

    def send_message(self, stream_id, data, compressed=False, end_stream=False):
        self.send_data(stream_id, frame_message(data, compressed), end_stream=end_stream)

    def end_stream(self, stream_id):
        self.conn.end_stream(stream_id)
        self.flush()

    def reset(self, stream_id, error_code=ErrorCodes.CANCEL):
        self.conn.reset_stream(stream_id, error_code)
        self.flush()

    def ping(self, opaque):
        self.conn.ping(opaque)
        self.flush()
        self.wait_for(lambda: opaque in self.pings, "the PING ACK")

    def send_goaway(self, error_code=ErrorCodes.NO_ERROR, last_stream_id=0):
        """A client GOAWAY, written behind h2's back so that h2 lets us go on using the streams
        that are already open (as RFC 9113 allows)."""
        frame = GoAwayFrame(stream_id=0, last_stream_id=last_stream_id, error_code=error_code)
        self.send_raw(frame.serialize())

    def wait_closed(self, stream_id, timeout=None):
        response = self.responses[stream_id]
        self.wait_for(lambda: response.closed, f"the end of stream {stream_id}", timeout)
        return response

    def unary(self, path, request, wait=None, compressed=False, **headers):
        """A whole call with one request message (already encoded, and compressed if
        `compressed`); waits at most `wait` seconds for its end; returns the Response."""
        stream_id = self.start_call(path, **headers)
        self.send_message(stream_id, request, compressed=compressed, end_stream=True)
        return self.wait_closed(stream_id, wait)

    def frames_on(self, stream_id, frame_type=None):
        return [
            f
            for f in self.frames
            if f.stream_id == stream_id and (frame_type is None or f.type == frame_type)
        ]


def decode_headers(headers):
    return [
        (name.decode("ascii") if isinstance(name, bytes) else name,
         value.decode("latin-1") if isinstance(value, bytes) else value)
        for name, value in headers
    ]
