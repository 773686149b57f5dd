/*
 * ProtobufCReference: libprotobuf-c as the reference the Swift codec (ProtoWire) is tested
 * against, byte for byte. Every function works from a message's ProtobufCMessageDescriptor
 * alone; the descriptors come from the protoc-c output in generated/ (Tools/regenerate-reference.sh).
 *
 * Memory returned through an out parameter is malloc'd and released with pbref_free.
 */
#ifndef PROTOBUF_C_REFERENCE_H
#define PROTOBUF_C_REFERENCE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Nullability for Swift; other compilers ignore it. */
#if defined(__clang__)
#pragma clang assume_nonnull begin
#else
#define _Nullable
#define _Nonnull
#endif

/* A protoc-c message descriptor (opaque here; defined by <protobuf-c/protobuf-c.h>). */
struct ProtobufCMessageDescriptor;

/* The number of message descriptors in the table: every message of the generated .proto files,
 * top-level and nested, except map entries. */
size_t pbref_message_count(void);

/* The descriptor at `index` (0 ..< pbref_message_count()), in full-name order. */
const struct ProtobufCMessageDescriptor *pbref_message_at(size_t index);

/* The descriptor of the message with this fully qualified name ("switchboard.v1.BotContext",
 * "grpc.health.v1.HealthCheckResponse"), or NULL. */
const struct ProtobufCMessageDescriptor *_Nullable pbref_find_message(const char *full_name);

/* The fully qualified name of a descriptor's message. */
const char *pbref_message_name(const struct ProtobufCMessageDescriptor *descriptor);

/* Builds a random message of the descriptor's type, deterministically from `seed` (every field
 * kind, edge values, nesting to depth 6, maps with unique keys in ascending key order, oneofs),
 * packs it with protobuf_c_message_pack and returns the bytes in *out (*out_len bytes).
 * Returns 0, or nonzero if the message could not be built. */
int pbref_random_encoded(const struct ProtobufCMessageDescriptor *descriptor, uint64_t seed,
                         uint8_t *_Nullable *_Nonnull out, size_t *out_len);

/* Unpacks `bytes` with protobuf_c_message_unpack and packs the result again into *out.
 * Returns 0, or nonzero if unpacking fails. */
int pbref_repack(const struct ProtobufCMessageDescriptor *descriptor,
                 const uint8_t *_Nullable bytes, size_t len,
                 uint8_t *_Nullable *_Nonnull out, size_t *out_len);

/* Unpacks `bytes` and describes the message as canonical text, field by field in field-number
 * order: `<number>:<type>:<value>;` for every field that protobuf-c would pack (a field without
 * presence only when it is not zero or empty; a oneof member whenever it is the set case; a
 * message when present), one entry per element of a repeated field, and a map as one `message`
 * entry per pair with the key (1) and value (2). Integers and enums are in decimal, bools 0/1,
 * floats and doubles the hex of their bits (0x%08x, 0x%016llx), strings and bytes lowercase hex
 * of their bytes, messages `{...}`. Returns 0, or nonzero if unpacking fails. */
int pbref_dump(const struct ProtobufCMessageDescriptor *descriptor,
               const uint8_t *_Nullable bytes, size_t len, char *_Nullable *_Nonnull out_text);

/* Frees memory returned by the functions above. */
void pbref_free(void *_Nullable pointer);

#if defined(__clang__)
#pragma clang assume_nonnull end
#endif

#ifdef __cplusplus
}
#endif

#endif /* PROTOBUF_C_REFERENCE_H */
