#ifndef CODEC_BENCHMARK_SUPPORT_H
#define CODEC_BENCHMARK_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// Figures of one libprotobuf-c run over one message.
typedef struct {
  /// Nanoseconds per encode (get_packed_size + pack into a preallocated buffer).
  double encode_ns;
  /// Nanoseconds per decode (unpack + free_unpacked).
  double decode_ns;
  /// malloc calls per encode.
  double encode_allocations;
  /// malloc calls per decode.
  double decode_allocations;
} cbench_figures;

/// Times libprotobuf-c encoding and decoding `iterations` times the message whose encoding is
/// `bytes`, using `descriptor` (a `const ProtobufCMessageDescriptor *`). Returns 0, or -1 when
/// libprotobuf-c cannot decode the bytes or re-encodes them to other bytes.
int cbench_protobuf_c(const void *descriptor, const uint8_t *bytes, size_t length,
                      uint64_t iterations, cbench_figures *figures);

/// Starts counting malloc, calloc, realloc and aligned allocations made by this process.
void cbench_count_allocations(int enabled);

/// Allocations counted so far.
uint64_t cbench_allocations(void);

/// Monotonic time in nanoseconds.
uint64_t cbench_now_ns(void);

#endif
