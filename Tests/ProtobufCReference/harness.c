/*
 * A generic libprotobuf-c harness, driven only by ProtobufCMessageDescriptors: random messages,
 * repacking and a canonical text dump, for the Swift codec's conformance tests. No per-type code.
 *
 * Thread-safe: no global mutable state (Swift Testing runs cases in parallel).
 */
#include "ProtobufCReference.h"

#include <protobuf-c/protobuf-c.h>

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* From generated/descriptor_table.c (Tools/regenerate-reference.sh). */
extern const ProtobufCMessageDescriptor *const pbref_descriptor_table[];
extern const size_t pbref_descriptor_table_count;

/* ---------------------------------------------------------------------------------------------
 * The descriptor table
 */

size_t pbref_message_count(void) { return pbref_descriptor_table_count; }

const ProtobufCMessageDescriptor *pbref_message_at(size_t index) {
  return index < pbref_descriptor_table_count ? pbref_descriptor_table[index] : NULL;
}

const ProtobufCMessageDescriptor *pbref_find_message(const char *full_name) {
  for (size_t i = 0; i < pbref_descriptor_table_count; i++) {
    if (strcmp(pbref_descriptor_table[i]->name, full_name) == 0) return pbref_descriptor_table[i];
  }
  return NULL;
}

const char *pbref_message_name(const ProtobufCMessageDescriptor *descriptor) {
  return descriptor->name;
}

void pbref_free(void *pointer) { free(pointer); }

/* ---------------------------------------------------------------------------------------------
 * Descriptor helpers
 */

/* The size of one element of a repeated field's array. */
static size_t element_size(ProtobufCType type) {
  switch (type) {
  case PROTOBUF_C_TYPE_INT32:
  case PROTOBUF_C_TYPE_SINT32:
  case PROTOBUF_C_TYPE_SFIXED32:
  case PROTOBUF_C_TYPE_UINT32:
  case PROTOBUF_C_TYPE_FIXED32:
  case PROTOBUF_C_TYPE_FLOAT:
  case PROTOBUF_C_TYPE_ENUM:
    return 4;
  case PROTOBUF_C_TYPE_INT64:
  case PROTOBUF_C_TYPE_SINT64:
  case PROTOBUF_C_TYPE_SFIXED64:
  case PROTOBUF_C_TYPE_UINT64:
  case PROTOBUF_C_TYPE_FIXED64:
  case PROTOBUF_C_TYPE_DOUBLE:
    return 8;
  case PROTOBUF_C_TYPE_BOOL:
    return sizeof(protobuf_c_boolean);
  case PROTOBUF_C_TYPE_STRING:
    return sizeof(char *);
  case PROTOBUF_C_TYPE_BYTES:
    return sizeof(ProtobufCBinaryData);
  case PROTOBUF_C_TYPE_MESSAGE:
    return sizeof(ProtobufCMessage *);
  }
  return 0;
}

/* The type's name as written in a .proto file. */
static const char *type_name(ProtobufCType type) {
  switch (type) {
  case PROTOBUF_C_TYPE_INT32: return "int32";
  case PROTOBUF_C_TYPE_SINT32: return "sint32";
  case PROTOBUF_C_TYPE_SFIXED32: return "sfixed32";
  case PROTOBUF_C_TYPE_INT64: return "int64";
  case PROTOBUF_C_TYPE_SINT64: return "sint64";
  case PROTOBUF_C_TYPE_SFIXED64: return "sfixed64";
  case PROTOBUF_C_TYPE_UINT32: return "uint32";
  case PROTOBUF_C_TYPE_FIXED32: return "fixed32";
  case PROTOBUF_C_TYPE_UINT64: return "uint64";
  case PROTOBUF_C_TYPE_FIXED64: return "fixed64";
  case PROTOBUF_C_TYPE_FLOAT: return "float";
  case PROTOBUF_C_TYPE_DOUBLE: return "double";
  case PROTOBUF_C_TYPE_BOOL: return "bool";
  case PROTOBUF_C_TYPE_ENUM: return "enum";
  case PROTOBUF_C_TYPE_STRING: return "string";
  case PROTOBUF_C_TYPE_BYTES: return "bytes";
  case PROTOBUF_C_TYPE_MESSAGE: return "message";
  }
  return "?";
}

static void *member_at(const void *message, unsigned offset) {
  return (char *)message + offset;
}

static bool ends_with(const char *string, const char *suffix) {
  size_t length = strlen(string), suffix_length = strlen(suffix);
  return length >= suffix_length && strcmp(string + length - suffix_length, suffix) == 0;
}

/* Whether a repeated message field is a map: its entry type is `<Name>Entry`, nested in the
 * message that has the field, with exactly `key = 1` and `value = 2`. (A hand-declared message of
 * that shape has the same encoding, so treating it as a map only constrains the random values.) */
static bool is_map_field(const ProtobufCMessageDescriptor *owner, const ProtobufCFieldDescriptor *field) {
  if (field->label != PROTOBUF_C_LABEL_REPEATED || field->type != PROTOBUF_C_TYPE_MESSAGE) return false;
  const ProtobufCMessageDescriptor *entry = field->descriptor;
  size_t owner_length = strlen(owner->name);
  return entry->n_fields == 2 && entry->fields[0].id == 1 && entry->fields[1].id == 2 &&
         strcmp(entry->fields[0].name, "key") == 0 && strcmp(entry->fields[1].name, "value") == 0 &&
         ends_with(entry->short_name, "Entry") && strncmp(entry->name, owner->name, owner_length) == 0 &&
         entry->name[owner_length] == '.' && strchr(entry->name + owner_length + 1, '.') == NULL;
}

/* The descriptor's field indices in ascending field number. */
static void fields_in_number_order(const ProtobufCMessageDescriptor *descriptor, unsigned *order) {
  for (unsigned i = 0; i < descriptor->n_fields; i++) {
    unsigned j = i;
    while (j > 0 && descriptor->fields[order[j - 1]].id > descriptor->fields[i].id) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
}

/* ---------------------------------------------------------------------------------------------
 * Random messages
 */

enum profile {
  PROFILE_SPARSE, /* few fields, small values */
  PROFILE_DENSE,  /* most fields */
  PROFILE_EDGE,   /* mostly edge values */
  PROFILE_ZERO,   /* mostly zero and empty values (omitted unless in a oneof) */
  PROFILE_DEEP,   /* every message field present, down to the depth limit */
  PROFILE_LARGE,  /* long strings, bytes and repeated fields */
};

typedef struct {
  uint64_t state;
  long budget;          /* work left; fields stop being filled when it runs out */
  enum profile profile;
  unsigned fill_percent; /* chance that a field gets a value */
  unsigned edge_percent; /* chance that a value is an edge value */
  unsigned zero_percent; /* chance that a value is zero or empty */
} Gen;

/* Messages nest at most this deep below the top-level one. */
#define MAX_DEPTH 6

static uint64_t gen_next(Gen *g) { /* splitmix64 */
  uint64_t z = (g->state += UINT64_C(0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static uint64_t gen_below(Gen *g, uint64_t bound) { return bound == 0 ? 0 : gen_next(g) % bound; }

static bool gen_chance(Gen *g, unsigned percent) { return gen_below(g, 100) < percent; }

/* A value of 0 to 64 significant bits, so that every varint length turns up. */
static uint64_t gen_bits(Gen *g, unsigned max_bits) {
  unsigned bits = (unsigned)gen_below(g, max_bits + 1);
  if (bits == 0) return 0;
  uint64_t value = gen_next(g);
  return bits >= 64 ? value : value & ((UINT64_C(1) << bits) - 1);
}

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

static int32_t gen_int32(Gen *g) {
  static const int32_t edges[] = {
      0, 1, -1, 2, -2, 63, -64, 127, 128, -128, 8191, 8192, 16383, 16384, 2097151, 2097152,
      268435455, 268435456, INT32_MAX, INT32_MIN, INT32_MAX - 1, INT32_MIN + 1, 1000000000};
  if (gen_chance(g, g->zero_percent)) return 0;
  if (gen_chance(g, g->edge_percent)) return edges[gen_below(g, COUNT_OF(edges))];
  uint32_t value = (uint32_t)gen_bits(g, 32);
  return gen_chance(g, 30) ? (int32_t)(0u - value) : (int32_t)value;
}

static uint32_t gen_uint32(Gen *g) {
  static const uint32_t edges[] = {
      0, 1, 2, 127, 128, 16383, 16384, 2097151, 2097152, 268435455, 268435456,
      0x7FFFFFFF, 0x80000000, UINT32_MAX, UINT32_MAX - 1};
  if (gen_chance(g, g->zero_percent)) return 0;
  if (gen_chance(g, g->edge_percent)) return edges[gen_below(g, COUNT_OF(edges))];
  return (uint32_t)gen_bits(g, 32);
}

static int64_t gen_int64(Gen *g) {
  static const int64_t edges[] = {
      0, 1, -1, 2, -2, INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, INT32_MAX, INT32_MIN,
      (int64_t)INT32_MAX + 1, (int64_t)INT32_MIN - 1, (int64_t)UINT32_MAX, INT64_C(1) << 35,
      -(INT64_C(1) << 35), (INT64_C(1) << 56) - 1, INT64_C(1) << 56, INT64_C(1) << 62,
      -(INT64_C(1) << 62), 253402300799 /* 9999-12-31T23:59:59Z */, -62135596800 /* year 1 */};
  if (gen_chance(g, g->zero_percent)) return 0;
  if (gen_chance(g, g->edge_percent)) return edges[gen_below(g, COUNT_OF(edges))];
  uint64_t value = gen_bits(g, 64);
  return gen_chance(g, 30) ? (int64_t)(UINT64_C(0) - value) : (int64_t)value;
}

static uint64_t gen_uint64(Gen *g) {
  static const uint64_t edges[] = {
      0, 1, 2, 127, 128, UINT32_MAX, (uint64_t)UINT32_MAX + 1, UINT64_MAX, UINT64_MAX - 1,
      UINT64_C(1) << 63, (UINT64_C(1) << 63) - 1, (UINT64_C(1) << 35) - 1, UINT64_C(1) << 35,
      UINT64_C(1) << 42, UINT64_C(1) << 49, UINT64_C(1) << 56, (UINT64_C(1) << 56) - 1};
  if (gen_chance(g, g->zero_percent)) return 0;
  if (gen_chance(g, g->edge_percent)) return edges[gen_below(g, COUNT_OF(edges))];
  return gen_bits(g, 64);
}

static float gen_float(Gen *g) {
  static const float edges[] = {
      1.0f, -1.0f, 0.5f, -2.5f, FLT_MIN, -FLT_MIN, FLT_MAX, -FLT_MAX, FLT_TRUE_MIN, -FLT_TRUE_MIN,
      INFINITY, -INFINITY, 16777216.0f, 1e-30f, 3.14159274f, 0.1f};
  if (gen_chance(g, g->zero_percent)) return 0.0f;
  if (gen_chance(g, g->edge_percent)) return edges[gen_below(g, COUNT_OF(edges))];
  for (;;) {
    uint32_t bits = (uint32_t)gen_next(g);
    float value;
    memcpy(&value, &bits, sizeof value);
    if (isnan(value)) continue;
    return value == 0.0f ? 0.0f : value; /* never -0.0 */
  }
}

static double gen_double(Gen *g) {
  static const double edges[] = {
      1.0, -1.0, 0.5, -2.5, DBL_MIN, -DBL_MIN, DBL_MAX, -DBL_MAX, DBL_TRUE_MIN, -DBL_TRUE_MIN,
      INFINITY, -INFINITY, 9007199254740992.0, 1e-300, 1e300, 3.141592653589793, 0.1, 4.9, 5.0};
  if (gen_chance(g, g->zero_percent)) return 0.0;
  if (gen_chance(g, g->edge_percent)) return edges[gen_below(g, COUNT_OF(edges))];
  if (gen_chance(g, 30)) return (double)(int64_t)gen_below(g, 2000001) / 1000.0 - 1000.0;
  for (;;) {
    uint64_t bits = gen_next(g);
    double value;
    memcpy(&value, &bits, sizeof value);
    if (isnan(value)) continue;
    return value == 0.0 ? 0.0 : value; /* never -0.0 */
  }
}

/* A length for a string or bytes value: often empty or short, sometimes up to a few KB (each 4
 * bytes cost one unit of budget, and a value never takes more than the budget left). */
static size_t gen_length(Gen *g) {
  if (gen_chance(g, g->zero_percent)) return 0;
  unsigned roll = (unsigned)gen_below(g, 100);
  unsigned long_percent = g->profile == PROFILE_LARGE ? 30 : 3;
  size_t length;
  if (roll < 10) length = 0;
  else if (roll < 100 - long_percent - 15) length = 1 + gen_below(g, 12);
  else if (roll < 100 - long_percent) length = 13 + gen_below(g, 200);
  else length = 213 + gen_below(g, 4000);
  size_t affordable = g->budget > 0 ? (size_t)g->budget * 4 : 0;
  return length > 12 && length > affordable ? (affordable > 12 ? affordable : 12) : length;
}

/* Appends one code point as UTF-8: ASCII (never NUL: protobuf-c strings are C strings), or two-,
 * three- (no surrogates) or four-byte sequences. Returns the number of bytes. */
static size_t put_code_point(Gen *g, unsigned char *out) {
  unsigned kind = (unsigned)gen_below(g, 10);
  uint32_t c;
  if (kind < 5) {
    out[0] = (unsigned char)(1 + gen_below(g, 0x7F));
    return 1;
  } else if (kind < 7) {
    c = 0x80 + (uint32_t)gen_below(g, 0x800 - 0x80);
    out[0] = (unsigned char)(0xC0 | (c >> 6));
    out[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  } else if (kind < 9) {
    do c = 0x800 + (uint32_t)gen_below(g, 0x10000 - 0x800); while (c >= 0xD800 && c <= 0xDFFF);
    out[0] = (unsigned char)(0xE0 | (c >> 12));
    out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  c = 0x10000 + (uint32_t)gen_below(g, 0x110000 - 0x10000);
  out[0] = (unsigned char)(0xF0 | (c >> 18));
  out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

/* A malloc'd NUL-terminated valid UTF-8 string (malloc'd even when empty: a oneof member that
 * points at the field's default is not packed). */
static char *gen_string(Gen *g) {
  /* Strings that are distinct bytes but equal to Swift's String == (canonical equivalence), and
   * other oddities; as map keys they must stay distinct keys. */
  static const char *const tricky[] = {
      "\xC3\xA9",          /* U+00E9, precomposed */
      "e\xCC\x81",         /* e + U+0301: the same in NFC */
      "\xC3\x85",          /* U+00C5 */
      "\xE2\x84\xAB",      /* U+212B ANGSTROM SIGN, canonically U+00C5 */
      "A\xCC\x8A",         /* A + U+030A */
      "\xEF\xBB\xBF",      /* a byte-order mark */
      "\r\n",              /* one grapheme */
      "\xEF\xBF\xBF",      /* U+FFFF */
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", /* a ZWJ sequence */
  };
  if (gen_chance(g, 4)) {
    const char *pick = tricky[gen_below(g, COUNT_OF(tricky))];
    char *copy = malloc(strlen(pick) + 1);
    if (copy == NULL) abort();
    strcpy(copy, pick);
    g->budget -= 1;
    return copy;
  }
  size_t target = gen_length(g);
  char *string = malloc(target + 4);
  if (string == NULL) abort();
  size_t length = 0;
  while (length < target) length += put_code_point(g, (unsigned char *)string + length);
  string[length] = '\0';
  g->budget -= 1 + (long)(length / 4);
  return string;
}

static ProtobufCBinaryData gen_bytes(Gen *g) {
  ProtobufCBinaryData data = {gen_length(g), NULL};
  if (data.len > 0) {
    data.data = malloc(data.len);
    if (data.data == NULL) abort();
    unsigned pattern = (unsigned)gen_below(g, 4);
    for (size_t i = 0; i < data.len; i++) {
      switch (pattern) {
      case 0: data.data[i] = (uint8_t)gen_next(g); break;
      case 1: data.data[i] = 0; break;
      case 2: data.data[i] = 0xFF; break;
      default: data.data[i] = (uint8_t)(0x80 | gen_below(g, 0x80)); break; /* not UTF-8 */
      }
    }
  }
  g->budget -= 1 + (long)(data.len / 4);
  return data;
}

static int32_t gen_enum(Gen *g, const ProtobufCEnumDescriptor *descriptor) {
  if (gen_chance(g, g->zero_percent)) return 0;
  if (descriptor->n_values > 0 && gen_chance(g, 75)) {
    return descriptor->values[gen_below(g, descriptor->n_values)].value;
  }
  static const int32_t unknown[] = {-1, 99, 1000, -1000, INT32_MAX, INT32_MIN, 16384};
  return gen_chance(g, 50) ? unknown[gen_below(g, COUNT_OF(unknown))] : gen_int32(g);
}

static ProtobufCMessage *gen_message(Gen *g, const ProtobufCMessageDescriptor *descriptor, int depth);

/* Stores a random value of the field's type at `storage`. A message is created only while the
 * depth allows, unless `must_exist` (a selected oneof member), which gives an empty one. */
static void gen_value(Gen *g, const ProtobufCFieldDescriptor *field, void *storage, int depth,
                      bool must_exist) {
  g->budget -= 1;
  switch (field->type) {
  case PROTOBUF_C_TYPE_INT32:
  case PROTOBUF_C_TYPE_SINT32:
  case PROTOBUF_C_TYPE_SFIXED32: *(int32_t *)storage = gen_int32(g); break;
  case PROTOBUF_C_TYPE_UINT32:
  case PROTOBUF_C_TYPE_FIXED32: *(uint32_t *)storage = gen_uint32(g); break;
  case PROTOBUF_C_TYPE_INT64:
  case PROTOBUF_C_TYPE_SINT64:
  case PROTOBUF_C_TYPE_SFIXED64: *(int64_t *)storage = gen_int64(g); break;
  case PROTOBUF_C_TYPE_UINT64:
  case PROTOBUF_C_TYPE_FIXED64: *(uint64_t *)storage = gen_uint64(g); break;
  case PROTOBUF_C_TYPE_FLOAT: *(float *)storage = gen_float(g); break;
  case PROTOBUF_C_TYPE_DOUBLE: *(double *)storage = gen_double(g); break;
  case PROTOBUF_C_TYPE_BOOL:
    *(protobuf_c_boolean *)storage = gen_chance(g, g->zero_percent) ? 0 : (protobuf_c_boolean)gen_below(g, 2);
    break;
  case PROTOBUF_C_TYPE_ENUM: *(int32_t *)storage = gen_enum(g, field->descriptor); break;
  case PROTOBUF_C_TYPE_STRING: *(char **)storage = gen_string(g); break;
  case PROTOBUF_C_TYPE_BYTES: *(ProtobufCBinaryData *)storage = gen_bytes(g); break;
  case PROTOBUF_C_TYPE_MESSAGE: {
    const ProtobufCMessageDescriptor *sub = field->descriptor;
    ProtobufCMessage *message = NULL;
    if (depth < MAX_DEPTH && g->budget > 0) {
      message = gen_message(g, sub, depth + 1);
    } else if (must_exist) {
      message = malloc(sub->sizeof_message);
      if (message == NULL) abort();
      sub->message_init(message);
    }
    *(ProtobufCMessage **)storage = message;
    break;
  }
  }
}

/* How many elements a repeated field gets: often 0 or 1, sometimes up to 100. */
static size_t gen_count(Gen *g) {
  unsigned roll = (unsigned)gen_below(g, 100);
  unsigned long_percent = g->profile == PROFILE_LARGE ? 40 : (g->profile == PROFILE_DENSE ? 12 : 5);
  size_t count;
  if (roll < 30) count = 0;
  else if (roll < 55) count = 1;
  else if (roll < 100 - long_percent) count = 2 + gen_below(g, 7);
  else count = 9 + gen_below(g, 92);
  if (g->budget <= 0) return 0;
  if ((long)count > g->budget) count = (size_t)g->budget;
  return count;
}

/* Orders two map keys of `type`, numerically or by strcmp. */
static int compare_keys(ProtobufCType type, const void *a, const void *b) {
  switch (type) {
  case PROTOBUF_C_TYPE_INT32:
  case PROTOBUF_C_TYPE_SINT32:
  case PROTOBUF_C_TYPE_SFIXED32: {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
  }
  case PROTOBUF_C_TYPE_UINT32:
  case PROTOBUF_C_TYPE_FIXED32: {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
  }
  case PROTOBUF_C_TYPE_INT64:
  case PROTOBUF_C_TYPE_SINT64:
  case PROTOBUF_C_TYPE_SFIXED64: {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
  }
  case PROTOBUF_C_TYPE_UINT64:
  case PROTOBUF_C_TYPE_FIXED64: {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
  }
  case PROTOBUF_C_TYPE_BOOL: {
    int x = *(const protobuf_c_boolean *)a != 0, y = *(const protobuf_c_boolean *)b != 0;
    return x - y;
  }
  case PROTOBUF_C_TYPE_STRING: return strcmp(*(char *const *)a, *(char *const *)b);
  default: return 0; /* not a valid key type */
  }
}

/* Fills a map field: unique keys, entries sorted by key. */
static void gen_map(Gen *g, const ProtobufCFieldDescriptor *field, void *message, int depth) {
  const ProtobufCMessageDescriptor *entry_descriptor = field->descriptor;
  const ProtobufCFieldDescriptor *key_field = &entry_descriptor->fields[0];
  const ProtobufCFieldDescriptor *value_field = &entry_descriptor->fields[1];
  size_t count = gen_count(g), kept = 0;
  if (count == 0) return;
  ProtobufCMessage **entries = malloc(count * sizeof *entries);
  if (entries == NULL) abort();
  for (size_t i = 0; i < count; i++) {
    if (g->budget <= 0) break;
    ProtobufCMessage *entry = malloc(entry_descriptor->sizeof_message);
    if (entry == NULL) abort();
    entry_descriptor->message_init(entry);
    gen_value(g, key_field, member_at(entry, key_field->offset), depth + 1, false);
    gen_value(g, value_field, member_at(entry, value_field->offset), depth + 1, false);
    /* Insertion in key order; a key already present drops the new entry. */
    const void *key = member_at(entry, key_field->offset);
    size_t position = kept;
    int order = 1;
    while (position > 0 &&
           (order = compare_keys(key_field->type, member_at(entries[position - 1], key_field->offset), key)) > 0) {
      position--;
    }
    if (position > 0 && order == 0) {
      protobuf_c_message_free_unpacked(entry, NULL);
      continue;
    }
    memmove(&entries[position + 1], &entries[position], (kept - position) * sizeof *entries);
    entries[position] = entry;
    kept++;
  }
  *(size_t *)member_at(message, field->quantifier_offset) = kept;
  *(ProtobufCMessage ***)member_at(message, field->offset) = entries;
}

static void gen_repeated(Gen *g, const ProtobufCFieldDescriptor *field, void *message, int depth) {
  size_t count = gen_count(g);
  if (count == 0) return;
  size_t size = element_size(field->type);
  char *array = calloc(count, size);
  if (array == NULL) abort();
  size_t filled = 0;
  for (; filled < count && g->budget > 0; filled++) {
    if (field->type == PROTOBUF_C_TYPE_MESSAGE) {
      /* Elements are never NULL; past the depth limit they are empty. */
      gen_value(g, field, array + filled * size, depth, true);
    } else {
      gen_value(g, field, array + filled * size, depth, false);
    }
  }
  *(size_t *)member_at(message, field->quantifier_offset) = filled;
  *(void **)member_at(message, field->offset) = array;
}

static ProtobufCMessage *gen_message(Gen *g, const ProtobufCMessageDescriptor *descriptor, int depth) {
  ProtobufCMessage *message = malloc(descriptor->sizeof_message);
  if (message == NULL) abort();
  descriptor->message_init(message);
  g->budget -= 2;
  for (unsigned i = 0; i < descriptor->n_fields; i++) {
    const ProtobufCFieldDescriptor *field = &descriptor->fields[i];
    if (field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      /* The whole oneof at its first member: none of it, or one member (maybe zero or empty). */
      bool first = true;
      for (unsigned j = 0; j < i; j++) {
        if ((descriptor->fields[j].flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            descriptor->fields[j].quantifier_offset == field->quantifier_offset) first = false;
      }
      if (!first) continue;
      unsigned members = 0;
      for (unsigned j = i; j < descriptor->n_fields; j++) {
        if ((descriptor->fields[j].flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            descriptor->fields[j].quantifier_offset == field->quantifier_offset) members++;
      }
      if (g->budget <= 0 || !gen_chance(g, g->fill_percent)) continue;
      unsigned pick = (unsigned)gen_below(g, members);
      for (unsigned j = i; j < descriptor->n_fields; j++) {
        const ProtobufCFieldDescriptor *member = &descriptor->fields[j];
        if (!(member->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) ||
            member->quantifier_offset != field->quantifier_offset) continue;
        if (pick-- != 0) continue;
        gen_value(g, member, member_at(message, member->offset), depth, true);
        *(uint32_t *)member_at(message, member->quantifier_offset) = member->id;
        break;
      }
      continue;
    }
    if (field->label == PROTOBUF_C_LABEL_REPEATED) {
      if (is_map_field(descriptor, field)) gen_map(g, field, message, depth);
      else gen_repeated(g, field, message, depth);
      continue;
    }
    bool fill = field->label == PROTOBUF_C_LABEL_REQUIRED ||
                (g->budget > 0 && (gen_chance(g, g->fill_percent) ||
                                   (g->profile == PROFILE_DEEP && field->type == PROTOBUF_C_TYPE_MESSAGE)));
    if (!fill) continue;
    gen_value(g, field, member_at(message, field->offset), depth, field->label == PROTOBUF_C_LABEL_REQUIRED);
    if (field->label == PROTOBUF_C_LABEL_OPTIONAL && field->quantifier_offset != 0 &&
        field->type != PROTOBUF_C_TYPE_STRING && field->type != PROTOBUF_C_TYPE_MESSAGE) {
      *(protobuf_c_boolean *)member_at(message, field->quantifier_offset) = 1;
    }
  }
  return message;
}

int pbref_random_encoded(const ProtobufCMessageDescriptor *descriptor, uint64_t seed,
                         uint8_t **out, size_t *out_len) {
  *out = NULL;
  *out_len = 0;
  if (descriptor == NULL || descriptor->magic != PROTOBUF_C__MESSAGE_DESCRIPTOR_MAGIC) return 1;
  Gen g = {.state = seed};
  (void)gen_next(&g);
  switch (gen_below(&g, 16)) {
  case 0: case 1: case 2: case 3:
    g.profile = PROFILE_SPARSE; g.budget = 300; g.fill_percent = 30; g.edge_percent = 20; g.zero_percent = 10;
    break;
  case 4: case 5: case 6:
    g.profile = PROFILE_DENSE; g.budget = 2000; g.fill_percent = 90; g.edge_percent = 20; g.zero_percent = 5;
    break;
  case 7: case 8: case 9:
    g.profile = PROFILE_EDGE; g.budget = 1000; g.fill_percent = 80; g.edge_percent = 75; g.zero_percent = 5;
    break;
  case 10: case 11:
    g.profile = PROFILE_ZERO; g.budget = 800; g.fill_percent = 70; g.edge_percent = 10; g.zero_percent = 60;
    break;
  case 12: case 13: case 14:
    g.profile = PROFILE_DEEP; g.budget = 2500; g.fill_percent = 60; g.edge_percent = 20; g.zero_percent = 10;
    break;
  default:
    g.profile = PROFILE_LARGE; g.budget = 8000; g.fill_percent = 80; g.edge_percent = 20; g.zero_percent = 5;
    break;
  }
  ProtobufCMessage *message = gen_message(&g, descriptor, 0);
  size_t size = protobuf_c_message_get_packed_size(message);
  uint8_t *bytes = malloc(size > 0 ? size : 1);
  if (bytes == NULL) abort();
  size_t written = protobuf_c_message_pack(message, bytes);
  protobuf_c_message_free_unpacked(message, NULL);
  if (written != size) {
    free(bytes);
    return 1;
  }
  *out = bytes;
  *out_len = size;
  return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Repacking
 */

int pbref_repack(const ProtobufCMessageDescriptor *descriptor, const uint8_t *bytes, size_t len,
                 uint8_t **out, size_t *out_len) {
  static const uint8_t empty[1] = {0};
  *out = NULL;
  *out_len = 0;
  ProtobufCMessage *message = protobuf_c_message_unpack(descriptor, NULL, len, bytes ? bytes : empty);
  if (message == NULL) return 1;
  size_t size = protobuf_c_message_get_packed_size(message);
  uint8_t *packed = malloc(size > 0 ? size : 1);
  if (packed == NULL) abort();
  size_t written = protobuf_c_message_pack(message, packed);
  protobuf_c_message_free_unpacked(message, NULL);
  if (written != size) {
    free(packed);
    return 1;
  }
  *out = packed;
  *out_len = size;
  return 0;
}

/* ---------------------------------------------------------------------------------------------
 * The canonical dump
 */

typedef struct {
  char *data;
  size_t length, capacity;
} Text;

static void text_append(Text *text, const char *data, size_t length) {
  if (text->length + length + 1 > text->capacity) {
    size_t capacity = text->capacity ? text->capacity : 256;
    while (text->length + length + 1 > capacity) capacity *= 2;
    char *grown = realloc(text->data, capacity);
    if (grown == NULL) abort();
    text->data = grown;
    text->capacity = capacity;
  }
  memcpy(text->data + text->length, data, length);
  text->length += length;
  text->data[text->length] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void text_printf(Text *text, const char *format, ...) {
  char buffer[64];
  va_list arguments;
  va_start(arguments, format);
  int length = vsnprintf(buffer, sizeof buffer, format, arguments);
  va_end(arguments);
  if (length < 0 || (size_t)length >= sizeof buffer) abort();
  text_append(text, buffer, (size_t)length);
}

static void text_hex(Text *text, const uint8_t *bytes, size_t length) {
  static const char digits[] = "0123456789abcdef";
  char pair[2];
  for (size_t i = 0; i < length; i++) {
    pair[0] = digits[bytes[i] >> 4];
    pair[1] = digits[bytes[i] & 0xF];
    text_append(text, pair, 2);
  }
}

/* Whether a field without presence holds its zero value, which protobuf-c does not pack. */
static bool is_zero(const ProtobufCFieldDescriptor *field, const void *storage) {
  switch (field->type) {
  case PROTOBUF_C_TYPE_INT32:
  case PROTOBUF_C_TYPE_SINT32:
  case PROTOBUF_C_TYPE_SFIXED32:
  case PROTOBUF_C_TYPE_UINT32:
  case PROTOBUF_C_TYPE_FIXED32:
  case PROTOBUF_C_TYPE_ENUM: return *(const uint32_t *)storage == 0;
  case PROTOBUF_C_TYPE_INT64:
  case PROTOBUF_C_TYPE_SINT64:
  case PROTOBUF_C_TYPE_SFIXED64:
  case PROTOBUF_C_TYPE_UINT64:
  case PROTOBUF_C_TYPE_FIXED64: return *(const uint64_t *)storage == 0;
  case PROTOBUF_C_TYPE_BOOL: return *(const protobuf_c_boolean *)storage == 0;
  case PROTOBUF_C_TYPE_FLOAT: return *(const float *)storage == 0.0f;
  case PROTOBUF_C_TYPE_DOUBLE: return *(const double *)storage == 0.0;
  case PROTOBUF_C_TYPE_STRING: {
    const char *string = *(char *const *)storage;
    return string == NULL || string[0] == '\0';
  }
  case PROTOBUF_C_TYPE_BYTES: return ((const ProtobufCBinaryData *)storage)->len == 0;
  case PROTOBUF_C_TYPE_MESSAGE: return *(ProtobufCMessage *const *)storage == NULL;
  }
  return true;
}

static void dump_message(Text *text, const ProtobufCMessage *message);

/* `<number>:<type>:<value>;` for one value of the field. */
static void dump_value(Text *text, const ProtobufCFieldDescriptor *field, const void *storage) {
  text_printf(text, "%u:%s:", field->id, type_name(field->type));
  switch (field->type) {
  case PROTOBUF_C_TYPE_INT32:
  case PROTOBUF_C_TYPE_SINT32:
  case PROTOBUF_C_TYPE_SFIXED32:
  case PROTOBUF_C_TYPE_ENUM: text_printf(text, "%" PRId32, *(const int32_t *)storage); break;
  case PROTOBUF_C_TYPE_UINT32:
  case PROTOBUF_C_TYPE_FIXED32: text_printf(text, "%" PRIu32, *(const uint32_t *)storage); break;
  case PROTOBUF_C_TYPE_INT64:
  case PROTOBUF_C_TYPE_SINT64:
  case PROTOBUF_C_TYPE_SFIXED64: text_printf(text, "%" PRId64, *(const int64_t *)storage); break;
  case PROTOBUF_C_TYPE_UINT64:
  case PROTOBUF_C_TYPE_FIXED64: text_printf(text, "%" PRIu64, *(const uint64_t *)storage); break;
  case PROTOBUF_C_TYPE_BOOL: text_printf(text, "%d", *(const protobuf_c_boolean *)storage != 0); break;
  case PROTOBUF_C_TYPE_FLOAT: {
    uint32_t bits;
    memcpy(&bits, storage, sizeof bits);
    text_printf(text, "0x%08" PRIx32, bits);
    break;
  }
  case PROTOBUF_C_TYPE_DOUBLE: {
    uint64_t bits;
    memcpy(&bits, storage, sizeof bits);
    text_printf(text, "0x%016" PRIx64, bits);
    break;
  }
  case PROTOBUF_C_TYPE_STRING: {
    const char *string = *(char *const *)storage;
    if (string != NULL) text_hex(text, (const uint8_t *)string, strlen(string));
    break;
  }
  case PROTOBUF_C_TYPE_BYTES: {
    const ProtobufCBinaryData *data = storage;
    text_hex(text, data->data, data->len);
    break;
  }
  case PROTOBUF_C_TYPE_MESSAGE: {
    text_append(text, "{", 1);
    const ProtobufCMessage *sub = *(ProtobufCMessage *const *)storage;
    if (sub != NULL) dump_message(text, sub);
    text_append(text, "}", 1);
    break;
  }
  }
  text_append(text, ";", 1);
}

static void dump_message(Text *text, const ProtobufCMessage *message) {
  const ProtobufCMessageDescriptor *descriptor = message->descriptor;
  unsigned order[descriptor->n_fields > 0 ? descriptor->n_fields : 1];
  fields_in_number_order(descriptor, order);
  for (unsigned i = 0; i < descriptor->n_fields; i++) {
    const ProtobufCFieldDescriptor *field = &descriptor->fields[order[i]];
    const void *storage = member_at(message, field->offset);
    if (field->label == PROTOBUF_C_LABEL_REPEATED) {
      size_t count = *(const size_t *)member_at(message, field->quantifier_offset);
      const char *array = *(char *const *)storage;
      size_t size = element_size(field->type);
      for (size_t j = 0; j < count; j++) dump_value(text, field, array + j * size);
    } else if (field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      if (*(const uint32_t *)member_at(message, field->quantifier_offset) == field->id) {
        dump_value(text, field, storage);
      }
    } else if (field->label == PROTOBUF_C_LABEL_OPTIONAL) {
      bool present;
      if (field->type == PROTOBUF_C_TYPE_STRING || field->type == PROTOBUF_C_TYPE_MESSAGE) {
        const void *pointer = *(const void *const *)storage;
        present = pointer != NULL && pointer != field->default_value;
      } else {
        present = *(const protobuf_c_boolean *)member_at(message, field->quantifier_offset) != 0;
      }
      if (present) dump_value(text, field, storage);
    } else if (field->label == PROTOBUF_C_LABEL_REQUIRED || !is_zero(field, storage)) {
      dump_value(text, field, storage);
    }
  }
}

int pbref_dump(const ProtobufCMessageDescriptor *descriptor, const uint8_t *bytes, size_t len,
               char **out_text) {
  static const uint8_t empty[1] = {0};
  *out_text = NULL;
  ProtobufCMessage *message = protobuf_c_message_unpack(descriptor, NULL, len, bytes ? bytes : empty);
  if (message == NULL) return 1;
  Text text = {NULL, 0, 0};
  text_append(&text, "", 0);
  dump_message(&text, message);
  protobuf_c_message_free_unpacked(message, NULL);
  *out_text = text.data;
  return 0;
}
