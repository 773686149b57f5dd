// The libprotobuf-c side of the codec benchmark: the same message, encoded and decoded in a
// tight loop, timed with the monotonic clock.
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <protobuf-c/protobuf-c.h>

#include "CodecBenchmarkSupport.h"

uint64_t cbench_now_ns(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

int cbench_protobuf_c(const void *descriptor_pointer, const uint8_t *bytes, size_t length,
                      uint64_t iterations, cbench_figures *figures) {
  const ProtobufCMessageDescriptor *descriptor = descriptor_pointer;
  ProtobufCMessage *message = protobuf_c_message_unpack(descriptor, NULL, length, bytes);
  if (message == NULL) return -1;
  uint8_t *buffer = malloc(length);
  if (protobuf_c_message_get_packed_size(message) != length ||
      protobuf_c_message_pack(message, buffer) != length || memcmp(buffer, bytes, length) != 0) {
    free(buffer);
    protobuf_c_message_free_unpacked(message, NULL);
    return -1;
  }

  volatile size_t sink = 0;
  uint64_t allocations = cbench_allocations();
  cbench_count_allocations(1);
  uint64_t start = cbench_now_ns();
  for (uint64_t i = 0; i < iterations; i++) {
    size_t size = protobuf_c_message_get_packed_size(message);
    sink += protobuf_c_message_pack(message, buffer) + size;
  }
  uint64_t end = cbench_now_ns();
  cbench_count_allocations(0);
  figures->encode_ns = (double)(end - start) / (double)iterations;
  figures->encode_allocations = (double)(cbench_allocations() - allocations) / (double)iterations;

  allocations = cbench_allocations();
  cbench_count_allocations(1);
  start = cbench_now_ns();
  for (uint64_t i = 0; i < iterations; i++) {
    ProtobufCMessage *decoded = protobuf_c_message_unpack(descriptor, NULL, length, bytes);
    sink += decoded != NULL;
    protobuf_c_message_free_unpacked(decoded, NULL);
  }
  end = cbench_now_ns();
  cbench_count_allocations(0);
  figures->decode_ns = (double)(end - start) / (double)iterations;
  figures->decode_allocations = (double)(cbench_allocations() - allocations) / (double)iterations;

  free(buffer);
  protobuf_c_message_free_unpacked(message, NULL);
  return sink == 0 ? -1 : 0;
}
