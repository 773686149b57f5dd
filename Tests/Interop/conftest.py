"""Session fixtures for Tests/Interop: the contract in Protos/ compiled for Python and described.

Run with `Tools/test.sh`, or after `Tools/bootstrap.sh`: `.venv/bin/python -m pytest Tests/Interop`.
"""

import importlib
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import interop_server as server_control
import interop_support as support


@pytest.fixture(scope="session")
def protos_python(tmp_path_factory):
    """Every .proto under Protos/ compiled by grpcio-tools (--python_out, --grpc_python_out,
    --pyi_out) into a temporary directory that is put on sys.path; yields that directory."""
    out_dir = tmp_path_factory.mktemp("protos_python")
    support.compile_python(out_dir)
    support.add_to_sys_path(out_dir)
    unalias_generated_grpc_packages(out_dir)
    return out_dir


def unalias_generated_grpc_packages(out_dir):
    """Lets `grpc.health` and `grpc.reflection` mean the packages generated from Protos/.

    grpcio's `__init__` registers the grpcio-health-checking and grpcio-reflection distributions
    (installed for the reference peer and the reflection client) under those names, in
    sys.modules. Such an alias hides the generated package of the same name, so it is dropped for
    every generated `grpc/<name>` directory. The distributions stay importable as `grpc_health`
    and `grpc_reflection`; the test process must not import `grpc_health.v1.health_pb2`, whose
    messages have the same full names as Protos/grpc/health/v1/health.proto's and would clash in
    the default descriptor pool.
    """
    generated = Path(out_dir) / "grpc"
    if not generated.is_dir():
        return
    for directory in sorted(path for path in generated.iterdir() if path.is_dir()):
        name = f"grpc.{directory.name}"
        module = sys.modules.get(name)
        if module is not None and module.__name__ != name:
            del sys.modules[name]


@pytest.fixture(scope="session")
def fixtures_python(tmp_path_factory):
    """Every .proto under Tests/Fixtures/ compiled likewise (package switchboard.testing)."""
    out_dir = tmp_path_factory.mktemp("fixtures_python")
    support.compile_python(out_dir, root=support.FIXTURES)
    support.add_to_sys_path(out_dir)
    return out_dir


@pytest.fixture(scope="session")
def protos_descriptor_set(tmp_path_factory):
    """A FileDescriptorSet of everything under Protos/ and its imports, with source info (the
    comments), made by the system protoc."""
    path = tmp_path_factory.mktemp("descriptors") / "protos.pb"
    status, output = support.system_protoc(
        [
            "--include_imports",
            "--include_source_info",
            f"--descriptor_set_out={path}",
            *support.proto_files(),
        ]
    )
    assert status == 0, f"protoc failed on Protos/:\n{output}"
    return support.read_descriptor_set(path)


# --- the gRPC server under test (test_grpc_interop.py, test_http2_raw.py) -----------------------


@pytest.fixture(scope="session")
def interop_server(tmp_path_factory):
    """The server under test, started once per session (interop_server.py says which: the Swift
    server by default, the grpcio peer with INTEROP_SERVER=python), stopped with SIGTERM at the
    end; fails, never skips, when it cannot start."""
    server = server_control.start(tmp_path_factory.mktemp("interop_server"))
    yield server
    server_control.stop(server)


@pytest.fixture(scope="session")
def interop_target(interop_server):
    """"host:port" of the server under test."""
    return interop_server.target


@pytest.fixture
def server_stays_up(interop_server):
    """Fails the test if the server under test died during it (with the server's output)."""
    interop_server.check_alive()
    yield
    interop_server.check_alive()


@pytest.fixture(scope="session")
def interop_protos(protos_python):
    """The generated modules of Protos/grpc/ the interop tests use, by short name."""
    names = {
        "empty_pb2": "grpc.testing.empty_pb2",
        "messages_pb2": "grpc.testing.messages_pb2",
        "test_pb2_grpc": "grpc.testing.test_pb2_grpc",
        "health_pb2": "grpc.health.v1.health_pb2",
        "health_pb2_grpc": "grpc.health.v1.health_pb2_grpc",
        "reflection_pb2": "grpc.reflection.v1.reflection_pb2",
        "reflection_pb2_grpc": "grpc.reflection.v1.reflection_pb2_grpc",
    }
    modules = {short: importlib.import_module(name) for short, name in names.items()}
    for short, module in modules.items():
        expected = Path(protos_python) / (names[short].replace(".", "/") + ".py")
        assert Path(module.__file__) == expected, (
            f"{names[short]} is {module.__file__}, not the module generated from Protos/"
        )
    return SimpleNamespace(**modules)
