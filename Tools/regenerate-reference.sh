#!/usr/bin/env bash
# Usage: Tools/regenerate-reference.sh [--check]
#
# Regenerates the libprotobuf-c reference code of the ProtobufCReference test target:
#   Tests/ProtobufCReference/generated/<path>.pb-c.{c,h}  protoc-c output for every .proto under
#       Protos/, the test-only Tests/ProtobufCReference/protos/, google/protobuf/timestamp.proto,
#       google/protobuf/duration.proto and anything they import;
#   Tests/ProtobufCReference/generated/descriptor_table.c  every message descriptor, top-level and
#       nested, except map entries (found through MessageOptions.map_entry in the descriptor set).
# --check regenerates into a temporary directory and exits 1 if the committed files differ (CI).
#
# Needs protoc, protoc-c (apt: protobuf-compiler, protobuf-c-compiler) and python3 (standard
# library only). PROTOBUF_INCLUDE overrides where google/protobuf/*.proto are (/usr/include).
set -euo pipefail
export LC_ALL=C

mode=write
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dest=Tests/ProtobufCReference/generated
test_protos=Tests/ProtobufCReference/protos
wkt_include="${PROTOBUF_INCLUDE:-/usr/include}"

for tool in protoc protoc-c python3; do
  command -v "$tool" > /dev/null || { echo "error: $tool not found" >&2; exit 2; }
done
[ -f "$wkt_include/google/protobuf/timestamp.proto" ] ||
  { echo "error: $wkt_include/google/protobuf/timestamp.proto not found (set PROTOBUF_INCLUDE)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/generated"
mkdir -p "$out"

# Inputs, as paths relative to their import root, in a fixed order.
inputs=()
while IFS= read -r file; do inputs+=("${file#Protos/}"); done < <(find Protos -name '*.proto' -type f | sort)
while IFS= read -r file; do inputs+=("${file#"$test_protos"/}"); done < <(find "$test_protos" -name '*.proto' -type f | sort)
inputs+=(google/protobuf/timestamp.proto google/protobuf/duration.proto)
include_flags=(-I Protos -I "$test_protos" -I "$wkt_include")

# The descriptor set of the inputs and everything they import: the list of files to generate and
# the source of truth for which messages are map entries.
protoc "${include_flags[@]}" --include_imports --descriptor_set_out="$work/set.pb" "${inputs[@]}"

python3 - "$work/set.pb" "$out" <<'PYTHON'
"""Reads the FileDescriptorSet with a minimal wire-format reader (no protobuf package needed) and
writes files.txt (every file, imports first) and names.txt (the messages that are not map entries)."""
import os, sys

def varint(buf, i):
    result = shift = 0
    while True:
        byte = buf[i]; i += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80: return result, i
        shift += 7

def fields(buf):
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0: value, i = varint(buf, i)
        elif wire == 1: value, i = buf[i:i + 8], i + 8
        elif wire == 2:
            length, i = varint(buf, i)
            value, i = buf[i:i + length], i + length
        elif wire == 5: value, i = buf[i:i + 4], i + 4
        else: raise SystemExit("unexpected wire type %d in descriptor set" % wire)
        yield number, value

def messages(prefix, descriptor):
    """(full name, is map entry) of a DescriptorProto and its nested types, depth first."""
    name, nested, map_entry = "", [], False
    for number, value in fields(descriptor):
        if number == 1: name = value.decode()
        elif number == 3: nested.append(value)
        elif number == 7:  # MessageOptions
            map_entry = any(n == 7 and v != 0 for n, v in fields(value))
    full = prefix + "." + name if prefix else name
    yield full, map_entry
    for child in nested: yield from messages(full, child)

set_path, out = sys.argv[1:3]
files, names = [], []
for number, file in fields(open(set_path, "rb").read()):
    if number != 1: continue
    path, package, bodies = "", "", []
    for n, value in fields(file):
        if n == 1: path = value.decode()
        elif n == 2: package = value.decode()
        elif n == 4: bodies.append(value)
    files.append(path)
    for body in bodies:
        names += [name for name, map_entry in messages(package, body) if not map_entry]

open(os.path.join(out, "files.txt"), "w").write("\n".join(files) + "\n")
open(os.path.join(out, "names.txt"), "w").write("\n".join(names) + "\n")
PYTHON

# Every file of the set, imports included, so each generated #include has its header.
mapfile -t all_files < "$out/files.txt"
protoc-c "${include_flags[@]}" --c_out="$out" "${all_files[@]}"

# descriptor_table.c: match each wanted message's full name to the C symbol protoc-c gave it.
python3 - "$out" "$(protoc-c --version | head -n 1)" "$(protoc --version)" <<'PYTHON'
import os, re, sys

out, protoc_c_version, protoc_version = sys.argv[1:4]
files = open(os.path.join(out, "files.txt")).read().split()
names = open(os.path.join(out, "names.txt")).read().split()
os.remove(os.path.join(out, "files.txt"))
os.remove(os.path.join(out, "names.txt"))

pattern = re.compile(
    r'const ProtobufCMessageDescriptor (\w+) =\s*\{\s*PROTOBUF_C__MESSAGE_DESCRIPTOR_MAGIC,\s*"([^"]+)"')
symbols, headers = {}, []
for path in files:
    base = path[:-len(".proto")]
    headers.append(base + ".pb-c.h")
    for symbol, full_name in pattern.findall(open(os.path.join(out, base + ".pb-c.c")).read()):
        symbols[full_name] = symbol
missing = [name for name in names if name not in symbols]
if missing:
    raise SystemExit("error: no protoc-c descriptor for: " + ", ".join(missing))

lines = [
    "/* Generated by Tools/regenerate-reference.sh from the .proto files below. DO NOT EDIT. */",
    "/* %s, %s */" % (protoc_c_version, protoc_version),
    "",
    "#include <stddef.h>",
    "",
]
lines += ['#include "%s"' % header for header in sorted(headers)]
lines += [
    "",
    "/* Every message descriptor, top-level and nested, except map entries; sorted by full name. */",
    "const ProtobufCMessageDescriptor *const pbref_descriptor_table[] = {",
]
lines += ["  &%s, /* %s */" % (symbols[name], name) for name in sorted(names)]
lines += [
    "};",
    "",
    "/* The number of entries of pbref_descriptor_table. */",
    "const size_t pbref_descriptor_table_count = %d;" % len(names),
    "",
]
open(os.path.join(out, "descriptor_table.c"), "w").write("\n".join(lines))
PYTHON

if [ "$mode" = check ]; then
  if ! diff -r -q "$dest" "$out" > "$work/diff.txt" 2>&1; then
    echo "error: $dest is out of date with the .proto files; run Tools/regenerate-reference.sh" >&2
    sed 's/^/  /' "$work/diff.txt" | sed "s#$work/generated#(regenerated)#g" >&2
    exit 1
  fi
  echo "$dest is up to date."
else
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -R "$out" "$dest"
  count=$(grep -c '^  &' "$dest/descriptor_table.c")
  echo "Regenerated $dest: ${#all_files[@]} .proto files, $count message descriptors."
fi
