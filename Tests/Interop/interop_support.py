"""Paths and protoc helpers shared by conftest.py and the test modules of Tests/Interop."""

import importlib
import importlib.resources
import shutil
import subprocess
import sys
from pathlib import Path

from google.protobuf import descriptor_pb2

REPO = Path(__file__).resolve().parents[2]
PROTOS = REPO / "Protos"
FIXTURES = REPO / "Tests" / "Fixtures"

# The well-known types (google/protobuf/*.proto) that grpcio-tools ships.
GRPC_TOOLS_INCLUDE = str(importlib.resources.files("grpc_tools") / "_proto")


def proto_files(root=PROTOS):
    """Every .proto under `root`, as sorted paths relative to it ("switchboard/v1/common.proto")."""
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*.proto"))


def run(command):
    """Runs `command`; returns (exit status, stdout and stderr together)."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return result.returncode, (result.stdout + result.stderr).strip()


def require_tool(name):
    path = shutil.which(name)
    assert path, f"`{name}` is not on PATH: run Tools/bootstrap.sh"
    return path


def grpc_tools_protoc(args, root=PROTOS):
    """grpcio-tools' bundled protoc, with `root` and the well-known types on the import path."""
    return run([sys.executable, "-m", "grpc_tools.protoc", f"-I{root}", f"-I{GRPC_TOOLS_INCLUDE}", *args])


def system_protoc(args, root=PROTOS):
    """Debian's protoc (apt protobuf-compiler), which finds the well-known types by itself."""
    return run([require_tool("protoc"), f"-I{root}", *args])


def protoc_c(args, root=PROTOS):
    """protoc-c (apt protobuf-c-compiler), the generator of the libprotobuf-c reference code."""
    return run([require_tool("protoc-c"), f"-I{root}", *args])


def compile_python(out_dir, root=PROTOS, files=None):
    """Generates _pb2.py, _pb2_grpc.py and .pyi modules for `files` (default: all under `root`)."""
    files = proto_files(root) if files is None else files
    status, output = grpc_tools_protoc(
        [f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", f"--pyi_out={out_dir}", *files],
        root=root,
    )
    assert status == 0, f"grpc_tools.protoc failed on {root.relative_to(REPO)}:\n{output}"


def add_to_sys_path(out_dir):
    """Makes the modules generated into `out_dir` importable.

    Generated code imports by proto package (`from grpc.health.v1 import health_pb2`), and the
    packages under Protos/grpc/ share their top-level name with grpcio's own `grpc`, a regular
    package that would hide them. So for each top-level directory of `out_dir` whose name is
    already an importable regular package, the directory joins that package's __path__.
    """
    out_dir = Path(out_dir)
    sys.path.insert(0, str(out_dir))
    importlib.invalidate_caches()
    for directory in sorted(path for path in out_dir.iterdir() if path.is_dir()):
        try:
            package = importlib.import_module(directory.name)
        except ImportError:
            continue
        search_path = getattr(package, "__path__", None)
        if search_path is not None and str(directory) not in list(search_path):
            search_path.append(str(directory))


def module_name(proto, suffix):
    """"switchboard/v1/common.proto", "_pb2" -> "switchboard.v1.common_pb2"."""
    return proto.removesuffix(".proto").replace("/", ".") + suffix


def read_descriptor_set(path):
    descriptor_set = descriptor_pb2.FileDescriptorSet()
    descriptor_set.ParseFromString(Path(path).read_bytes())
    return descriptor_set
