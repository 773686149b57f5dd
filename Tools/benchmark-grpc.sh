#!/usr/bin/env bash
# Usage: Tools/benchmark-grpc.sh [--no-build] [--duration SECONDS] [--skip-streaming] [--servers 'ours grpcio grpc-swift-2'] [--measure 'unary idle streams streaming'] [--scratch-path DIR]
#
# The gRPC server side by side with its peers, in one sitting, by the method of PERFORMANCE.md:
# each server pinned to CPU 0, h2load to CPU 1, a 2 s warm-up run, then a measured run.
#   servers: ours (`switchboard interop-server`), the grpcio Python peer
#            (Tools/peers/grpcio_interop_server.py) and, if it builds, grpc-swift-2
#            (Tools/Benchmarks, `grpc-swift-peer`).
#   unary:   grpc.testing.TestService/UnaryCall, 100 B and 4 KiB payload echoed (response_size =
#            payload size), at c=1 m=1, c=10 m=10, c=50 m=20: req/s and mean latency, ratio ours/peer.
#            A server that crashes under a load is reported as CRASHED there and restarted.
#   idle:    RSS of the fresh server before and after 1,000 idle h2c connections (preface +
#            SETTINGS, ACKed).
#   streams: RSS of a fresh server with idle h2c connections, then with 1,000 and 5,000 open
#            FullDuplexCall streams on them (HEADERS only: each call waits for its first
#            request), 1,000 per connection (our SETTINGS_MAX_CONCURRENT_STREAMS; 100 for
#            grpc-swift-2, its own limit): KiB per open stream counted from the RSS with the
#            connections idle, and how many streams the server reset (RST_STREAM). Ours also with
#            server-streaming health Watch calls (each answers once, then waits).
#   streaming: StreamingOutputCall, 1,000,000 x 16 B responses read by h2load: msg/s and peak RSS
#            growth; a stream unfinished after 40 s is reported as "<25000".
# Every server is first checked with a real grpcio client (grpc-status 0, right payload size),
# since h2load counts HTTP 200 only. Loopback only; every server started here is stopped at exit.
# --measure picks among these four (all by default; --skip-streaming drops `streaming`), and
# --scratch-path is the build folder of ours (default .build: DIR/release/switchboard).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
DURATION=10
BUILD=1
STREAMING=1
MEASURE="unary idle streams streaming"
SCRATCH=.build
ONLY=""  # default: ours, grpcio and grpc-swift-2 if built; ours always comes first
STREAM_LIMIT=40  # seconds one 1M-message stream may take (grpcio needs minutes under load)
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --duration) DURATION=$2; shift ;;
    --skip-streaming) STREAMING=0 ;;
    --measure) MEASURE=$2; shift ;;
    --scratch-path) SCRATCH=$2; shift ;;
    --servers) ONLY=$2; shift ;;
    *) sed -n 2p "$0"; exit 2 ;;
  esac
  shift
done

[[ " $MEASURE " == *" streaming "* ]] || STREAMING=0
measures() { [[ " $MEASURE " == *" $1 "* ]]; }

WORK=$(mktemp -d /tmp/benchmark-grpc.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
echo "# work files (h2load outputs, server logs): $WORK"

if [[ $BUILD == 1 ]]; then
  swift build -c release --scratch-path "$SCRATCH" --product switchboard >&2
  swift build -c release --package-path Tools/Benchmarks >&2 ||
    echo "grpc-swift-peer did not build; measuring without it" >&2
fi
OURS_BIN=$(cd "$SCRATCH" && pwd)/release/switchboard
PEER_BIN=$ROOT/Tools/Benchmarks/.build/release/grpc-swift-peer

# The grpcio helper: request files, the correctness check, idle connections, open streams.
cat > "$WORK/helper.py" <<'PYEOF'
import socket, struct, sys, time, resource
import grpc
import hpack

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F; n >>= 7
        if n: out.append(b | 0x80)
        else: out.append(b); return bytes(out)

def field(tag, data): return varint(tag) + varint(len(data)) + data

def simple_request(size):  # SimpleRequest{response_size=size, payload{body=size bytes}}
    return varint(0x10) + varint(size) + field(0x1A, field(0x12, b"\0" * size))

def streaming_request(count, size):  # StreamingOutputCallRequest{response_parameters x count}
    return field(0x12, varint(0x08) + varint(size)) * count

def framed(message): return b"\0" + struct.pack(">I", len(message)) + message

def body_length(response):  # SimpleResponse / StreamingOutputCallResponse: payload(1).body(2)
    def fields(data):
        i = 0
        while i < len(data):
            key = 0; shift = 0
            while True:
                b = data[i]; i += 1; key |= (b & 0x7F) << shift; shift += 7
                if b < 0x80: break
            if key & 7 == 0:
                while data[i] & 0x80: i += 1
                i += 1; continue
            n = 0; shift = 0
            while True:
                b = data[i]; i += 1; n |= (b & 0x7F) << shift; shift += 7
                if b < 0x80: break
            yield key >> 3, data[i:i + n]; i += n
    for number, payload in fields(response):
        if number == 1:
            for inner, body in fields(payload):
                if inner == 2: return len(body)
            return 0
    return 0

def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1])

command = sys.argv[1]
if command == "payload":
    open(sys.argv[3], "wb").write(framed(simple_request(int(sys.argv[2]))))
elif command == "stream-payload":
    open(sys.argv[4], "wb").write(framed(streaming_request(int(sys.argv[2]), int(sys.argv[3]))))
elif command == "check":
    port, size = sys.argv[2], int(sys.argv[3])
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        call = channel.unary_unary("/grpc.testing.TestService/UnaryCall")
        response, state = call.with_call(simple_request(size), timeout=10)
        assert state.code() == grpc.StatusCode.OK, state.code()
        assert body_length(response) == size, (body_length(response), size)
        stream = channel.unary_stream("/grpc.testing.TestService/StreamingOutputCall")
        sizes = [body_length(r) for r in stream(streaming_request(1000, 16), timeout=10)]
        assert sizes == [16] * 1000, (len(sizes), set(sizes))
    print(f"ok: UnaryCall {size} B and StreamingOutputCall 1000 x 16 B, grpc-status 0")
elif command == "idle":
    port, count, pid = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_NOFILE, (count + 100, count + 100))
    before = rss_kib(pid)
    preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\0\0\0\x04\0\0\0\0\0"
    ack = b"\0\0\0\x04\x01\0\0\0\0"
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port)); s.sendall(preface); sockets.append(s)
    time.sleep(1)
    for s in sockets:
        s.settimeout(5); s.recv(65536); s.sendall(ack)  # the server's SETTINGS (and its ACK)
    time.sleep(2)
    after = rss_kib(pid)
    alive = 0
    for s in sockets:
        s.setblocking(False)
        try: alive += s.recv(1) != b""
        except BlockingIOError: alive += 1
        except OSError: pass
    print(f"{before} {after} {(after - before) / count:.1f} {alive}")
    for s in sockets: s.close()
elif command == "open-streams":
    # Opens streams on as few connections as the server's SETTINGS_MAX_CONCURRENT_STREAMS and
    # PER_CONNECTION allow, up to each of the comma-separated TOTALS in turn: FullDuplexCall calls
    # (HEADERS only: each waits for its first request), or with "watch" health Watch calls (the
    # request sent whole; each answers once, then waits for a status change). Prints the RSS with
    # the connections idle, then "RSS KiB-per-stream" for each total (counted from the idle RSS),
    # then the number of streams the server reset (RST_STREAM) and of connections it ended (GOAWAY).
    port, pid = int(sys.argv[2]), int(sys.argv[3])
    totals, per_connection = [int(n) for n in sys.argv[4].split(",")], int(sys.argv[5])
    watch = sys.argv[6:] == ["watch"]
    preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\0\0\0\x04\0\0\0\0\0"
    def frames(connection):  # the complete frames received so far, as (type, payload)
        try:
            while chunk := connection["socket"].recv(1 << 20): connection["in"] += chunk
        except BlockingIOError: pass
        data, out = connection["in"], []
        while len(data) >= 9 and len(data) >= 9 + int.from_bytes(data[:3], "big"):
            length = int.from_bytes(data[:3], "big"); out.append((data[3], data[9:9 + length]))
            data = data[9 + length:]
        connection["in"] = data
        return out
    def per_connection_limit(connection):
        time.sleep(0.5)
        for kind, payload in frames(connection):
            if kind == 4:  # SETTINGS
                for i in range(0, len(payload), 6):
                    if payload[i:i + 2] == b"\0\x03": return int.from_bytes(payload[i + 2:i + 6], "big")
        return 1 << 31
    first = {"socket": socket.create_connection(("127.0.0.1", port)), "in": b""}
    first["socket"].sendall(preface); first["socket"].setblocking(False)
    limit = min(per_connection, per_connection_limit(first))
    connections = [first] + [{"socket": socket.create_connection(("127.0.0.1", port)), "in": b""}
                             for _ in range(-(-max(totals) // limit) - 1)]
    for connection in connections[1:]:
        connection["socket"].sendall(preface); connection["socket"].setblocking(False)
    time.sleep(1)
    resets = goaways = 0
    for connection in connections:
        for kind, _ in frames(connection): resets += kind == 3; goaways += kind == 7
        connection["socket"].setblocking(True); connection["socket"].sendall(b"\0\0\0\x04\x01\0\0\0\0")
        connection["socket"].setblocking(False)
        connection["hpack"] = hpack.Encoder()
    time.sleep(2)
    idle = rss_kib(pid); row = [str(idle)]; opened = 0
    path = "/grpc.health.v1.Health/Watch" if watch else "/grpc.testing.TestService/FullDuplexCall"
    for total in totals:
        batches = {}
        while opened < total:
            connection = connections[opened // limit]; stream_id = 1 + 2 * (opened % limit)
            block = connection["hpack"].encode([(":method", "POST"), (":scheme", "http"), (":path", path),
                (":authority", "localhost"), ("content-type", "application/grpc"), ("te", "trailers")])
            header = len(block).to_bytes(3, "big") + b"\x01\x04" + stream_id.to_bytes(4, "big")
            request = b"\0\0\x05\0\x01" + stream_id.to_bytes(4, "big") + framed(b"") if watch else b""
            batches.setdefault(id(connection), [connection, b""])[1] += header + block + request
            opened += 1
        for connection, batch in batches.values():
            connection["socket"].setblocking(True); connection["socket"].sendall(batch)
            connection["socket"].setblocking(False)
        time.sleep(3)
        for connection in connections:
            for kind, _ in frames(connection): resets += kind == 3; goaways += kind == 7
        rss = rss_kib(pid); row += [str(rss), f"{(rss - idle) / total:.2f}"]
    print(" ".join(row + [str(resets), str(goaways)]))
    for connection in connections: connection["socket"].close()
PYEOF
helper() { "$PY" "$WORK/helper.py" "$@"; }
helper payload 100 "$WORK/p100.bin"
helper payload 4096 "$WORK/p4096.bin"
helper stream-payload 1000000 16 "$WORK/stream.bin"

# start NAME PORT COMMAND...: the server pinned to CPU 0; waits for its "listening" line.
declare -A PID_OF
start() {
  local name=$1 port=$2; shift 2
  # grpcio binds without SO_REUSEADDR: wait out an earlier server's sockets in TIME-WAIT.
  for _ in $(seq 70); do ss -Htan "sport = :$port" | grep -q . || break; sleep 1; done
  taskset -c 0 "$@" > "$WORK/$name.log" 2>&1 &
  PID_OF[$name]=$!; PIDS+=($!)
  for _ in $(seq 100); do
    grep -q listening "$WORK/$name.log" && return 0
    sleep 0.1
  done
  echo "$name did not start:" >&2; cat "$WORK/$name.log" >&2; return 1
}
stop() { kill "${PID_OF[$1]}" 2>/dev/null || true; wait "${PID_OF[$1]}" 2>/dev/null || true; }

H2LOAD=(taskset -c 1 h2load -H 'content-type: application/grpc' -H 'te: trailers')
# unary NAME PORT SIZE C M: prints "req/s mean_us"; req/s gets "(!OK/DONE 2xx)" appended unless
# every finished request got HTTP 200.
unary() {
  local name=$1 port=$2 size=$3 c=$4 m=$5 url="http://127.0.0.1:$2/grpc.testing.TestService/UnaryCall"
  "${H2LOAD[@]}" -D 2 -c "$c" -m "$m" -d "$WORK/p$size.bin" "$url" > /dev/null
  local out="$WORK/$name-$size-c$c-m$m.txt"
  "${H2LOAD[@]}" -D "$DURATION" -c "$c" -m "$m" -d "$WORK/p$size.bin" "$url" > "$out"
  local done_ok
  done_ok=$(awk '/^status codes:/ {print $3}' "$out")
  awk -v ok="$done_ok" '
    /^finished in/ { rps = $4 }
    /^requests:/ { done = $6 }
    /^time for request:/ { v = $6; if (v ~ /us$/) m = v + 0; else if (v ~ /ms$/) m = v * 1000; else m = v * 1e6 }
    END { if (done != ok) rps = rps "(!" ok "/" done " 2xx)"; printf "%s %.0f\n", rps, m }' "$out"
}

# stream NAME PORT: one StreamingOutputCall of 1,000,000 x 16 B, at most STREAM_LIMIT seconds;
# prints "msg/s rss_growth_kib".
stream() {
  local pid=${PID_OF[$1]} url="http://127.0.0.1:$2/grpc.testing.TestService/StreamingOutputCall"
  local before peak=0 rss
  before=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  timeout "$STREAM_LIMIT" "${H2LOAD[@]}" -n 1 -c 1 -m 1 -d "$WORK/stream.bin" "$url" \
    > "$WORK/$1-stream.txt" &
  local loader=$!
  while kill -0 "$loader" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"); (( rss > peak )) && peak=$rss
    sleep 0.05
  done
  if ! wait "$loader"; then
    echo "<$((1000000 / STREAM_LIMIT))(unfinished-in-${STREAM_LIMIT}s) $((peak - before))"; return
  fi
  awk -v growth=$((peak - before)) '
    /^finished in/ { t = $3; sub(/,$/, "", t); if (t ~ /ms$/) s = t / 1000; else s = t + 0 }
    /^traffic:/ { data = $0; sub(/ data$/, "", data); sub(/.*\(/, "", data); sub(/\).*/, "", data) }
    END { rate = sprintf("%.0f", 1000000 / s); if (data != 25000000) rate = rate "(!" data "B)"; printf "%s %d\n", rate, growth }' "$WORK/$1-stream.txt"
}

SERVERS=(ours grpcio)
[[ -x $PEER_BIN ]] && SERVERS+=(grpc-swift-2)
if [[ -n $ONLY ]]; then read -ra SERVERS <<< "ours ${ONLY//ours/}"; fi
declare -A PORT=([ours]=50601 [grpcio]=50602 [grpc-swift-2]=50603)
launch() {
  case $1 in
    ours) start ours "${PORT[ours]}" "$OURS_BIN" interop-server --port "${PORT[ours]}" --host 127.0.0.1 ;;
    grpcio) start grpcio "${PORT[grpcio]}" "$PY" Tools/peers/grpcio_interop_server.py --port "${PORT[grpcio]}" ;;
    grpc-swift-2) start grpc-swift-2 "${PORT[grpc-swift-2]}" stdbuf -oL "$PEER_BIN" --port "${PORT[grpc-swift-2]}" ;;
  esac
}

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# h2load $(h2load --version | head -1 | awk '{print $2}'), grpcio $("$PY" -c 'import grpc; print(grpc.__version__)'), measured ${DURATION} s after a 2 s warm-up"
declare -A RESULT
for server in "${SERVERS[@]}"; do
  launch "$server"
  echo "## $server: $(helper check "${PORT[$server]}" 100)"
  # Idle connections and open streams each on a fresh server, before any load has grown its heap.
  if measures idle; then
    RESULT[$server,idle]=$(helper idle "${PORT[$server]}" 1000 "${PID_OF[$server]}" || echo "failed — — —")
    # The fresh server takes another port: closed idle connections may keep the old one busy.
    measures streams && { stop "$server"; PORT[$server]=$((PORT[$server] + 10)); launch "$server"; }
  fi
  if measures streams; then
    # grpc-swift-2 advertises no stream limit but refuses streams beyond 100 per connection (and
    # closes a connection that keeps trying): 100 there, 1,000 (our limit) elsewhere.
    per_connection=$([[ $server == grpc-swift-2 ]] && echo 100 || echo 1000)
    RESULT[$server,streams]=$(helper open-streams "${PORT[$server]}" "${PID_OF[$server]}" 1000,5000 \
      "$per_connection" || echo "failed — — — — — —")
    if [[ $server == ours ]]; then  # server-streaming too, as a notification stream would be
      stop ours; PORT[ours]=$((PORT[ours] + 10)); launch ours
      RESULT[ours,watch]=$(helper open-streams "${PORT[ours]}" "${PID_OF[ours]}" 1000,5000 1000 watch ||
        echo "failed — — — — — —")
    fi
  fi
  for size in $(measures unary && echo 100 4096); do
    for cm in "1 1" "10 10" "50 20"; do
      set -- $cm
      RESULT[$server,$size,$1,$2]=$(unary "$server" "${PORT[$server]}" "$size" "$1" "$2")
      if ! kill -0 "${PID_OF[$server]}" 2>/dev/null; then  # crashed under this load: say so, go on
        RESULT[$server,$size,$1,$2]="CRASHED —"
        echo "## $server crashed at ${size} B c=$1 m=$2:" \
          "$(grep -m1 -E 'Fatal|fault|error' "$WORK/$server.log" || true)"
        cp "$WORK/$server.log" "$WORK/$server-crash-$size-c$1-m$2.log"
        launch "$server"
      fi
    done
  done
  if [[ $STREAMING == 1 ]]; then
    RESULT[$server,stream]=$(stream "$server" "${PORT[$server]}" || echo "failed —")
  fi
  echo "## $server: done at load average $(cut -d' ' -f1-3 /proc/loadavg)"
  stop "$server"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a + 0 > 0) printf "%.1f×", a / b; else printf "—" }'; }
peers=("${SERVERS[@]:1}")
if measures unary; then
  header="| payload | c | m |"; rule="|---|---:|---:|"
  for server in "${SERVERS[@]}"; do header+=" $server req/s | $server mean µs |"; rule+="---:|---:|"; done
  for peer in "${peers[@]}"; do header+=" ours/$peer |"; rule+="---:|"; done
  echo; echo "$header"; echo "$rule"
  for size in 100 4096; do
    for cm in "1 1" "10 10" "50 20"; do
      set -- $cm
      row="| $( [[ $size == 100 ]] && echo 100 B || echo 4 KiB ) | $1 | $2 |"
      for server in "${SERVERS[@]}"; do
        read -r rps mean <<< "${RESULT[$server,$size,$1,$2]}"
        if [[ ${rps%%(*} =~ ^[0-9.]+$ ]]; then rps="$(printf "%'.0f" "${rps%%(*}")${rps#"${rps%%(*}"}"; fi
        row+=" $rps | $mean |"
      done
      read -r ours_rps _ <<< "${RESULT[ours,$size,$1,$2]}"
      for peer in "${peers[@]}"; do
        read -r peer_rps _ <<< "${RESULT[$peer,$size,$1,$2]}"
        row+=" $(ratio "${ours_rps%%(*}" "${peer_rps%%(*}") |"
      done
      echo "$row"
    done
  done
fi

if measures idle; then
  echo; echo "| server | RSS before (KiB) | RSS with 1,000 idle conns (KiB) | KiB per idle conn | conns still open |"
  echo "|---|---:|---:|---:|---:|"
  for server in "${SERVERS[@]}"; do
    read -r before after per alive <<< "${RESULT[$server,idle]}"
    echo "| $server | $before | $after | $per | $alive |"
  done
fi
if measures streams; then
  echo; echo "| server | RSS, idle conns (KiB) | RSS, 1,000 open streams (KiB) | KiB per stream | RSS, 5,000 open streams (KiB) | KiB per stream | RST_STREAM / GOAWAY received |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for server in "${SERVERS[@]}"; do
    read -r idle rss1 per1 rss5 per5 resets goaways <<< "${RESULT[$server,streams]}"
    echo "| $server | $idle | $rss1 | $per1 | $rss5 | $per5 | $resets / $goaways |"
    if [[ $server == ours ]]; then
      read -r idle rss1 per1 rss5 per5 resets goaways <<< "${RESULT[ours,watch]}"
      echo "| ours, health Watch | $idle | $rss1 | $per1 | $rss5 | $per5 | $resets / $goaways |"
    fi
  done
fi
if [[ $STREAMING == 1 ]]; then
  echo; echo "| server | 1M × 16 B stream, msg/s | peak RSS growth (KiB) |"
  echo "|---|---:|---:|"
  for server in "${SERVERS[@]}"; do
    read -r rate growth <<< "${RESULT[$server,stream]}"
    [[ ${rate%%(*} =~ ^[0-9.]+$ ]] && rate="$(printf "%'.0f" "${rate%%(*}")${rate#"${rate%%(*}"}"
    echo "| $server | $rate | $growth |"
  done
fi
