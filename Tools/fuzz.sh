#!/usr/bin/env bash
# Usage: Tools/fuzz.sh [SECONDS]                    build the decoder fuzzer (Tools/Fuzz) and run it, 60 s by default
#        Tools/fuzz.sh --corpus                     regenerate the seed corpus Tools/Fuzz/corpus/ with libprotobuf-c
#        Tools/fuzz.sh server-connection [SECONDS]  build the server-connection fuzzer and run it, 60 s by default
#        Tools/fuzz.sh server-connection --corpus   regenerate Tools/ServerConnectionFuzzer/corpus/
#
# Two fuzzers. The decoder fuzzer decodes each input as a protobuf message (below). The
# server-connection fuzzer (Tools/ServerConnectionFuzzer, a target of the main package) feeds each
# input to one server connection as the bytes a client sent: HTTP2Transport's connection handler
# and nghttp2 session on an EmbeddedChannel, RPCCore's dispatcher, and the interop server's
# services (TestService, health, reflection). An input's first byte chooses the size of the reads
# and whether the clock jumps past the keepalive and idle timeouts; the rest are the client's
# bytes. Its seed corpus is valid HTTP/2 made by Tools/ServerConnectionFuzzer/make-corpus.py
# (unary and streaming calls, PING, RST_STREAM, GOAWAY, CONTINUATION, WINDOW_UPDATE, gzip, ...).
# It builds with its own scratch path, .build-fuzz; -D LIBFUZZER leaves out the target's replay
# `main`, since libFuzzer brings its own. LeakSanitizer is on, minus the false positives that
# Tools/ServerConnectionFuzzer/lsan-suppressions.txt explains. New inputs go to
# .build-fuzz/corpus; a crashing input is saved as .build-fuzz/crash-<sha1> and replayed without
# libFuzzer (the target's normal build) by
#   swift run server-connection-fuzzer .build-fuzz/crash-<sha1>
# Its run in one line, from the repository root:
#   swift build -c release --scratch-path .build-fuzz --product server-connection-fuzzer --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER && mkdir -p .build-fuzz/corpus && LSAN_OPTIONS=suppressions=Tools/ServerConnectionFuzzer/lsan-suppressions.txt .build-fuzz/release/server-connection-fuzzer -max_total_time=60 -artifact_prefix=.build-fuzz/ .build-fuzz/corpus Tools/ServerConnectionFuzzer/corpus
#
# The decoder fuzzer's run in one line, from the repository root:
#   swift build -c release --package-path Tools/Fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library && mkdir -p Tools/Fuzz/.build/corpus && Tools/Fuzz/.build/release/DecoderFuzzer -max_total_time=60 -artifact_prefix=Tools/Fuzz/.build/ Tools/Fuzz/.build/corpus Tools/Fuzz/corpus
#
# Both sanitizer flags are needed: SwiftPM's --sanitize=fuzzer makes it keep libFuzzer's main (it
# otherwise renames the executable's entry point to DecoderFuzzer_main, which -parse-as-library
# leaves undefined), and -Xswiftc -sanitize=fuzzer,address gives the compiler both sanitizers in one
# flag (SwiftPM's --sanitize=fuzzer --sanitize=address passes two, and only the last takes effect,
# which leaves the code without coverage instrumentation).
#
# New inputs go to Tools/Fuzz/.build/corpus (the committed seed corpus is only read); a crashing
# input is saved as Tools/Fuzz/.build/crash-<sha1>, and replayed with
#   Tools/Fuzz/.build/release/DecoderFuzzer Tools/Fuzz/.build/crash-<sha1>
# An input's first byte selects the message type (fuzzedTypes in
# Tools/Fuzz/Sources/DecoderFuzzer/DecoderFuzzer.swift); the rest is its encoding.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "${1:-}" = "server-connection" ]; then
  if [ "${2:-}" = "--corpus" ]; then
    exec Tools/ServerConnectionFuzzer/make-corpus.py
  fi
  seconds="${2:-60}"
  case "$seconds" in
    '' | *[!0-9]*) echo "usage: $0 server-connection [SECONDS] | server-connection --corpus" >&2; exit 2 ;;
  esac
  swift build -c release --scratch-path .build-fuzz --product server-connection-fuzzer --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER && mkdir -p .build-fuzz/corpus && LSAN_OPTIONS=suppressions=Tools/ServerConnectionFuzzer/lsan-suppressions.txt .build-fuzz/release/server-connection-fuzzer -max_total_time="$seconds" -artifact_prefix=.build-fuzz/ .build-fuzz/corpus Tools/ServerConnectionFuzzer/corpus
  exit
fi

if [ "${1:-}" = "--corpus" ]; then
  # The types of fuzzedTypes, in the same order.
  types=(
    switchboard.v1.Transcript
    switchboard.v1.ConversationEvent
    switchboard.v1.BotContext
    switchboard.v1.NotificationsResponse
    switchboard.v1.WatchEventsResponse
    switchboard.v1.ConversationDetail
    grpc.reflection.v1.ServerReflectionResponse
    grpc.testing.StreamingOutputCallRequest
  )
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  cat > "$work/make_corpus.c" <<'C'
/* Writes, for each type named on the command line (argv[2 + i]), a few small random encodings
 * made by libprotobuf-c, each prefixed with the type's index, into the directory argv[1]. */
#include "ProtobufCReference.h"
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  for (int i = 2; i < argc; i++) {
    const struct ProtobufCMessageDescriptor *descriptor = pbref_find_message(argv[i]);
    if (descriptor == NULL) { fprintf(stderr, "unknown message %s\n", argv[i]); return 1; }
    const char *short_name = strrchr(argv[i], '.') + 1;
    int written = 0;
    for (uint64_t seed = 0; seed < 1000 && written < 5; seed++) {
      uint8_t *bytes;
      size_t length;
      if (pbref_random_encoded(descriptor, seed, &bytes, &length) != 0) return 1;
      /* Small ones, and the empty message once. */
      if (length <= 600 && (length > 0 || written == 0)) {
        char path[512];
        snprintf(path, sizeof path, "%s/%d-%s-%03d", argv[1], i - 2, short_name, (int)seed);
        FILE *file = fopen(path, "wb");
        unsigned char selector = (unsigned char)(i - 2);
        if (file == NULL || fwrite(&selector, 1, 1, file) != 1 ||
            (length > 0 && fwrite(bytes, 1, length, file) != length) || fclose(file) != 0) {
          perror(path);
          return 1;
        }
        written++;
      }
      pbref_free(bytes);
    }
  }
  return 0;
}
C
  reference=Tests/ProtobufCReference
  # shellcheck disable=SC2046
  "${CC:-cc}" -std=gnu11 -O1 -I "$reference/include" -I "$reference/generated" -o "$work/make_corpus" \
    "$work/make_corpus.c" "$reference/harness.c" $(find "$reference/generated" -name '*.c' | sort) -lprotobuf-c
  rm -rf Tools/Fuzz/corpus
  mkdir -p Tools/Fuzz/corpus
  "$work/make_corpus" Tools/Fuzz/corpus "${types[@]}"
  echo "Wrote $(find Tools/Fuzz/corpus -type f | wc -l) seed inputs to Tools/Fuzz/corpus."
  exit 0
fi

seconds="${1:-60}"
case "$seconds" in
  '' | *[!0-9]*) echo "usage: $0 [SECONDS] | --corpus | server-connection [SECONDS | --corpus]" >&2; exit 2 ;;
esac

swift build -c release --package-path Tools/Fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library && mkdir -p Tools/Fuzz/.build/corpus && Tools/Fuzz/.build/release/DecoderFuzzer -max_total_time="$seconds" -artifact_prefix=Tools/Fuzz/.build/ Tools/Fuzz/.build/corpus Tools/Fuzz/corpus
