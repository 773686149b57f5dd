"""The contract in Protos/: it compiles with every generator we rely on, the generated Python
exposes its services, and the switchboard.v1 files keep the contract's style rules
(docs: ARCHITECTURE.md, "Protos")."""

import importlib
from collections import defaultdict

import grpc
import pytest

import interop_support as support

PROTO_FILES = support.proto_files()
SWITCHBOARD_FILES = [proto for proto in PROTO_FILES if proto.startswith("switchboard/v1/")]
PACKAGE = "switchboard.v1"

# Field numbers inside descriptor.proto, for SourceCodeInfo.Location.path.
FILE_MESSAGE_TYPE, FILE_ENUM_TYPE, FILE_SERVICE = 4, 5, 6
MESSAGE_FIELD, MESSAGE_NESTED_TYPE, MESSAGE_ENUM_TYPE = 2, 3, 4
ENUM_VALUE = 2
SERVICE_METHOD = 2


def test_there_are_protos():
    assert PROTO_FILES, "no .proto files under Protos/"
    assert SWITCHBOARD_FILES, "no .proto files under Protos/switchboard/v1/"


# --- (a) every proto compiles with each generator ------------------------------------------------


@pytest.mark.parametrize("proto", PROTO_FILES)
def test_compiles_with_grpc_tools(proto, tmp_path):
    status, output = support.grpc_tools_protoc(
        [f"--python_out={tmp_path}", f"--grpc_python_out={tmp_path}", f"--pyi_out={tmp_path}", proto]
    )
    assert status == 0, f"grpc_tools.protoc failed on {proto}:\n{output}"
    stem = proto.removesuffix(".proto")
    for suffix in ("_pb2.py", "_pb2_grpc.py", "_pb2.pyi"):
        assert (tmp_path / f"{stem}{suffix}").is_file(), f"grpc_tools.protoc made no {stem}{suffix}"


@pytest.mark.parametrize("proto", PROTO_FILES)
def test_compiles_with_system_protoc(proto, tmp_path):
    out = tmp_path / "set.pb"
    status, output = support.system_protoc([f"--descriptor_set_out={out}", proto])
    assert status == 0, f"protoc failed on {proto}:\n{output}"
    assert [file.name for file in support.read_descriptor_set(out).file] == [proto]


@pytest.mark.parametrize("proto", PROTO_FILES)
def test_compiles_with_protoc_c(proto, tmp_path):
    status, output = support.protoc_c([f"--c_out={tmp_path}", proto])
    assert status == 0, f"protoc-c failed on {proto}:\n{output}"
    stem = proto.removesuffix(".proto")
    for suffix in (".pb-c.c", ".pb-c.h"):
        assert (tmp_path / f"{stem}{suffix}").is_file(), f"protoc-c made no {stem}{suffix}"


# --- (b) the generated Python imports and exposes the services -----------------------------------


def file_descriptor(descriptor_set, proto):
    for file in descriptor_set.file:
        if file.name == proto:
            return file
    raise AssertionError(f"{proto} is not in the descriptor set of Protos/")


@pytest.mark.parametrize("proto", PROTO_FILES)
def test_generated_python_exposes_messages_and_services(
    proto, protos_python, protos_descriptor_set
):
    file = file_descriptor(protos_descriptor_set, proto)
    messages = importlib.import_module(support.module_name(proto, "_pb2"))
    services = importlib.import_module(support.module_name(proto, "_pb2_grpc"))
    assert (protos_python / proto.replace(".proto", "_pb2.pyi")).is_file()

    for message in file.message_type:
        assert hasattr(messages, message.name), f"{proto}: _pb2 has no message class {message.name}"
    for enum in file.enum_type:
        assert hasattr(messages, enum.name), f"{proto}: _pb2 has no enum {enum.name}"

    assert sorted(messages.DESCRIPTOR.services_by_name) == sorted(s.name for s in file.service)
    with grpc.insecure_channel("localhost:1") as channel:  # never connects: no call is made
        for service in file.service:
            where = f"{proto}: service {file.package}.{service.name}"
            stub_class = getattr(services, f"{service.name}Stub", None)
            assert stub_class is not None, f"{where}: _pb2_grpc has no {service.name}Stub"
            assert hasattr(services, f"{service.name}Servicer"), f"{where}: no Servicer"
            assert hasattr(services, f"add_{service.name}Servicer_to_server"), f"{where}: no add_"
            stub = stub_class(channel)
            for method in service.method:
                assert callable(getattr(stub, method.name, None)), f"{where}: stub lacks {method.name}"


# --- (c) the contract's style rules, for every switchboard.v1 file --------------------------------


def described(descriptor_set, proto):
    file = file_descriptor(descriptor_set, proto)
    locations = {tuple(location.path): location for location in file.source_code_info.location}
    return file, locations


def line_of(proto, locations, path):
    location = locations.get(tuple(path))
    return f"{proto}:{location.span[0] + 1}" if location else proto


def enums_in(file):
    """(full name, EnumDescriptorProto, path) of every enum, nested ones included."""

    def in_message(message, scope, path):
        name = f"{scope}.{message.name}"
        for index, enum in enumerate(message.enum_type):
            yield f"{name}.{enum.name}", enum, (*path, MESSAGE_ENUM_TYPE, index)
        for index, nested in enumerate(message.nested_type):
            yield from in_message(nested, name, (*path, MESSAGE_NESTED_TYPE, index))

    for index, enum in enumerate(file.enum_type):
        yield f"{file.package}.{enum.name}", enum, (FILE_ENUM_TYPE, index)
    for index, message in enumerate(file.message_type):
        yield from in_message(message, file.package, (FILE_MESSAGE_TYPE, index))


def elements_in(file):
    """(kind, full name, path) of every message, field, enum, enum value, service and method."""

    def in_enum(name, enum, path):
        yield "enum", name, path
        for index, value in enumerate(enum.value):
            yield "enum value", f"{name}.{value.name}", (*path, ENUM_VALUE, index)

    def in_message(message, scope, path):
        if message.options.map_entry:  # synthetic: the map field carries the comment
            return
        name = f"{scope}.{message.name}"
        yield "message", name, path
        for index, field in enumerate(message.field):
            yield "field", f"{name}.{field.name}", (*path, MESSAGE_FIELD, index)
        for index, nested in enumerate(message.nested_type):
            yield from in_message(nested, name, (*path, MESSAGE_NESTED_TYPE, index))
        for index, enum in enumerate(message.enum_type):
            yield from in_enum(f"{name}.{enum.name}", enum, (*path, MESSAGE_ENUM_TYPE, index))

    for index, message in enumerate(file.message_type):
        yield from in_message(message, file.package, (FILE_MESSAGE_TYPE, index))
    for index, enum in enumerate(file.enum_type):
        yield from in_enum(f"{file.package}.{enum.name}", enum, (FILE_ENUM_TYPE, index))
    for index, service in enumerate(file.service):
        name = f"{file.package}.{service.name}"
        yield "service", name, (FILE_SERVICE, index)
        for method_index, method in enumerate(service.method):
            path = (FILE_SERVICE, index, SERVICE_METHOD, method_index)
            yield "method", f"{name}.{method.name}", path


def fail_on(problems):
    """Fails the test with one line per offending element, if there is any."""
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n  " + "\n  ".join(problems), pytrace=False)


@pytest.mark.parametrize("proto", SWITCHBOARD_FILES)
def test_is_proto3_in_package_switchboard_v1(proto, protos_descriptor_set):
    file = file_descriptor(protos_descriptor_set, proto)
    assert file.syntax == "proto3", f'{proto}: syntax is "{file.syntax or "proto2"}", not "proto3"'
    assert file.package == PACKAGE, f'{proto}: package is "{file.package}", not "{PACKAGE}"'


@pytest.mark.parametrize("proto", SWITCHBOARD_FILES)
def test_enums_start_with_unspecified_zero(proto, protos_descriptor_set):
    file, locations = described(protos_descriptor_set, proto)
    problems = []
    for name, enum, path in enums_in(file):
        first = enum.value[0]
        if not (first.name.endswith("_UNSPECIFIED") and first.number == 0):
            where = line_of(proto, locations, (*path, ENUM_VALUE, 0))
            problems.append(
                f"{where}: enum {name} starts with {first.name} = {first.number}, "
                "not *_UNSPECIFIED = 0"
            )
    fail_on(problems)


@pytest.mark.parametrize("proto", SWITCHBOARD_FILES)
def test_rpcs_take_requests_and_return_responses(proto, protos_descriptor_set):
    file, locations = described(protos_descriptor_set, proto)
    problems = []
    for service_index, service in enumerate(file.service):
        for method_index, method in enumerate(service.method):
            where = line_of(proto, locations, (FILE_SERVICE, service_index, SERVICE_METHOD, method_index))
            rpc = f"{file.package}.{service.name}.{method.name}"
            if not method.input_type.endswith("Request"):
                problems.append(f"{where}: rpc {rpc} takes {method.input_type.lstrip('.')}, not a *Request")
            if not method.output_type.endswith("Response"):
                problems.append(f"{where}: rpc {rpc} returns {method.output_type.lstrip('.')}, not a *Response")
    fail_on(problems)


def test_no_message_serves_two_rpcs(protos_descriptor_set):
    uses = defaultdict(list)
    for proto in SWITCHBOARD_FILES:
        file = file_descriptor(protos_descriptor_set, proto)
        for service in file.service:
            for method in service.method:
                rpc = f"{file.package}.{service.name}.{method.name}"
                uses[method.input_type.lstrip(".")].append(f"input of {rpc}")
                uses[method.output_type.lstrip(".")].append(f"output of {rpc}")
    problems = [
        f"{message} is the " + " and the ".join(places)
        for message, places in sorted(uses.items())
        if len(places) > 1
    ]
    fail_on(problems)


@pytest.mark.parametrize("proto", SWITCHBOARD_FILES)
def test_every_element_has_a_leading_comment(proto, protos_descriptor_set):
    file, locations = described(protos_descriptor_set, proto)
    assert locations, f"{proto}: the descriptor set has no source info"
    problems = []
    for kind, name, path in elements_in(file):
        location = locations.get(tuple(path))
        if location is None or not location.leading_comments.strip():
            problems.append(f"{line_of(proto, locations, path)}: {kind} {name} has no leading comment")
    fail_on(problems)
