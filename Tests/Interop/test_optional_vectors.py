"""Tests/Fixtures/optional_vectors.json is verified, not trusted: Python protobuf today must still
encode each case's fields to exactly its bytes and decode its bytes to exactly its fields.

The Swift codec is tested against the same file, so this is what ties the Swift side to protobuf's
reference behaviour for proto3 `optional` (which protoc-c cannot compile).
"""

import json
import subprocess
import sys

import pytest

import interop_support as support

VECTORS = support.FIXTURES / "optional_vectors.json"
GENERATOR = support.REPO / "Tools" / "make-optional-vectors.py"
CASES = json.loads(VECTORS.read_text(encoding="utf-8"))
OPTIONAL_FIELDS = ["a", "b", "c", "d", "e"]


@pytest.fixture(scope="module")
def message_class(fixtures_python):
    import optional_fields_pb2

    return optional_fields_pb2.OptionalFields


def typed(fields):
    """Field values with their Python types, so that 0 and False, or 1 and 1.0, differ."""
    return {name: (type(value).__name__, value) for name, value in fields.items()}


def fields_of(message):
    """The fields the wire carries: optional ones when present, the plain one when non-zero."""
    fields = {}
    for descriptor in message.DESCRIPTOR.fields:
        value = getattr(message, descriptor.name)
        if descriptor.has_presence:
            if message.HasField(descriptor.name):
                fields[descriptor.name] = value
        elif value != descriptor.default_value:
            fields[descriptor.name] = value
    return fields


def test_the_fixture_declares_optional_fields(message_class):
    fields = message_class.DESCRIPTOR.fields_by_name
    assert sorted(fields) == sorted([*OPTIONAL_FIELDS, "plain"])
    for name in OPTIONAL_FIELDS:
        assert fields[name].has_presence, f"OptionalFields.{name} should be proto3 optional"
    assert not fields["plain"].has_presence, "OptionalFields.plain should have no presence"


def test_vectors_cover_each_optional_field_at_its_default(message_class):
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "case names repeat"
    assert any(case["hex"] == "" and case["fields"] == {} for case in CASES), "no empty case"
    for name in OPTIONAL_FIELDS:
        default = message_class.DESCRIPTOR.fields_by_name[name].default_value
        assert any(
            name in case["fields"] and case["fields"][name] == default and case["hex"] != ""
            for case in CASES
        ), f"no case sets optional field {name} to its default {default!r}"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_fields_encode_to_the_hex(case, message_class):
    message = message_class()
    for name, value in case["fields"].items():
        setattr(message, name, value)
    encoded = message.SerializeToString(deterministic=True).hex()
    assert encoded == case["hex"], f"{case['name']}: Python protobuf encodes {case['fields']} as {encoded}"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_hex_decodes_to_the_fields(case, message_class):
    message = message_class.FromString(bytes.fromhex(case["hex"]))
    assert typed(fields_of(message)) == typed(case["fields"]), case["name"]


def test_generator_output_is_current():
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
