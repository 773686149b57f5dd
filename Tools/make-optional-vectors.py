#!/usr/bin/env python3
"""Usage: Tools/make-optional-vectors.py [--check]

Writes Tests/Fixtures/optional_vectors.json: test vectors for proto3 `optional` fields, made with
Python protobuf from Tests/Fixtures/optional_fields.proto (protoc-c cannot compile proto3
`optional`, so Python protobuf is the reference for it). With --check, writes nothing and exits 1
if the file differs from what would be written.

The file is a JSON list of cases, each {"name", "hex", "fields"}:
  - "hex" is the message's deterministic serialization, lowercase hex ("" for no bytes);
  - "fields" maps proto field names to JSON values (int, string, bool, float) in field-number
    order. An optional field appears exactly when it is present, even if it holds its default
    (which is then encoded on the wire); the plain field appears only when it is non-zero.

Runs under .venv/bin/python (Tools/bootstrap.sh makes it); started with another Python, it re-runs
itself with that one.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "Tests" / "Fixtures"
PROTO = FIXTURES / "optional_fields.proto"
OUTPUT = FIXTURES / "optional_vectors.json"

try:
    import importlib.resources

    from grpc_tools import protoc
except ImportError:
    venv_python = REPO / ".venv" / "bin" / "python"
    if venv_python.exists() and Path(sys.executable) != venv_python:
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    sys.exit("needs grpcio-tools and protobuf: run Tools/bootstrap.sh first")

# The cases, in file order: (name, {field: value}). Every optional field is set to its default
# somewhere, alone and all together, because that is where presence shows on the wire.
CASES = [
    ("all_unset", {}),
    ("a_zero", {"a": 0}),
    ("b_empty", {"b": ""}),
    ("c_false", {"c": False}),
    ("d_zero", {"d": 0.0}),
    ("e_zero", {"e": 0}),
    ("all_optional_at_default", {"a": 0, "b": "", "c": False, "d": 0.0, "e": 0}),
    ("plain_zero_is_omitted", {"plain": 0}),
    ("plain_only", {"plain": 42}),
    ("all_non_zero", {"a": 150, "b": "hello", "c": True, "d": 1.5, "e": 1, "plain": 7}),
    ("negative", {"a": -1, "d": -2.25, "e": -1, "plain": -2}),
    ("int_maximums", {"a": 2**31 - 1, "e": 2**63 - 1}),
    ("int_minimums", {"a": -(2**31), "e": -(2**63)}),
    ("e_zigzag_two_bytes", {"e": -65}),
    ("b_utf8", {"b": "héllo ✓ 👋"}),
    ("d_inexact_fraction", {"c": True, "d": 0.1}),
]


def load_message_class():
    """Compiles optional_fields.proto with grpcio-tools and returns its OptionalFields class."""
    include = str(importlib.resources.files("grpc_tools") / "_proto")
    with tempfile.TemporaryDirectory(prefix="optional-vectors-") as out:
        status = protoc.main(
            ["protoc", f"-I{FIXTURES}", f"-I{include}", f"--python_out={out}", str(PROTO)]
        )
        if status != 0:
            sys.exit(f"grpc_tools.protoc failed on {PROTO} (exit {status})")
        sys.path.insert(0, out)
        try:
            import optional_fields_pb2
        finally:
            sys.path.remove(out)
    return optional_fields_pb2.OptionalFields


def make_case(message_class, name, values):
    message = message_class()
    for field, value in values.items():
        setattr(message, field, value)
    data = message.SerializeToString(deterministic=True)

    # The "fields" come from decoding the bytes, not from `values`, so the file says what the
    # wire carries (a plain field set to 0 is gone).
    decoded = message_class.FromString(data)
    fields = {}
    for descriptor in message_class.DESCRIPTOR.fields:
        value = getattr(decoded, descriptor.name)
        if descriptor.has_presence:
            if decoded.HasField(descriptor.name):
                fields[descriptor.name] = value
        elif value != descriptor.default_value:
            fields[descriptor.name] = value
    return {"name": name, "hex": data.hex(), "fields": fields}


def render():
    message_class = load_message_class()
    cases = [make_case(message_class, name, values) for name, values in CASES]
    return json.dumps(cases, indent=2, ensure_ascii=False) + "\n"


def main(argv):
    if argv in (["-h"], ["--help"]):
        print(__doc__.strip())
        return 0
    if argv not in ([], ["--check"]):
        sys.exit(__doc__.splitlines()[0])
    text = render()
    if argv == ["--check"]:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                f"{OUTPUT.relative_to(REPO)} is stale: run Tools/make-optional-vectors.py",
                file=sys.stderr,
            )
            return 1
        print(f"{OUTPUT.relative_to(REPO)} is current")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)} ({len(CASES)} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
