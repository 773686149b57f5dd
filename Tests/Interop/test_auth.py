"""`switchboard token create`: its tokens are standard HS256 JWTs that PyJWT reads and checks.

The binary is SWITCHBOARD_BIN (default .build/debug/switchboard, relative to the repository
root), as for interop_server.py. No server is started: the interceptor that checks tokens on
every call is covered by the Swift tests (Tests/SwitchboardServicesTests/Auth*Tests.swift).
"""

import os
import re
import stat
import subprocess
import time
from pathlib import Path

import jwt
import pytest

import interop_support as support

DEFAULT_BIN = ".build/debug/switchboard"
KEY = b"interop-test-key-of-more-than-32-bytes"
HOUR = 3600


def switchboard_binary():
    binary = Path(os.environ.get("SWITCHBOARD_BIN") or DEFAULT_BIN)
    if not binary.is_absolute():
        binary = support.REPO / binary
    if not binary.is_file() or not os.access(binary, os.X_OK):
        pytest.fail(f"{binary} does not exist: build it or set SWITCHBOARD_BIN", pytrace=False)
    return binary


def token_create(cwd, *args, env=None):
    """Runs `switchboard token create ARGS` in `cwd` with only `env` of the SWITCHBOARD_*
    variables; returns the completed process (text)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SWITCHBOARD_")}
    environment.update(env or {})
    return subprocess.run(
        [str(switchboard_binary()), "token", "create", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def minted(cwd, *args, env=None):
    """The token that `switchboard token create ARGS` prints, checked to be one line."""
    result = token_create(cwd, *args, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and result.stdout == lines[0] + "\n", result.stdout
    return lines[0]


def decode(token, key):
    """The claims of `token`, checked by PyJWT: HS256 signature under `key`, expiry, issuer."""
    return jwt.decode(
        token,
        key,
        algorithms=["HS256"],
        issuer="switchboard",
        options={"require": ["sub", "role", "jti", "iat", "exp", "iss"]},
    )


def key_args(path):
    return ("--token-key-file", str(path))


@pytest.fixture
def key_file(tmp_path):
    path = tmp_path / "token.key"
    path.write_bytes(KEY + b"\n")
    return path


def test_token_is_a_standard_hs256_jwt(tmp_path, key_file):
    before = int(time.time())
    token = minted(tmp_path, "--role", "agent", "--subject", "agent-7", *key_args(key_file))
    after = int(time.time())

    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    claims = decode(token, KEY)
    assert set(claims) == {"sub", "role", "jti", "iat", "exp", "iss"}
    assert claims["sub"] == "agent-7"
    assert claims["role"] == "agent"
    assert claims["iss"] == "switchboard"
    assert re.fullmatch(r"[0-9a-f]{32}", claims["jti"])
    assert before <= claims["iat"] <= after
    assert claims["exp"] - claims["iat"] == 12 * HOUR
    # Unpadded base64url, as JWS requires.
    assert re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}", token)


def test_signature_is_checked(tmp_path, key_file):
    token = minted(tmp_path, "--role", "admin", "--subject", "root", *key_args(key_file))
    with pytest.raises(jwt.InvalidSignatureError):
        decode(token, KEY + b"x")
    header, payload, signature = token.split(".")
    forged = jwt.utils.base64url_encode(
        jwt.utils.base64url_decode(payload).replace(b'"root"', b'"toor"')
    ).decode()
    with pytest.raises(jwt.InvalidSignatureError):
        decode(f"{header}.{forged}.{signature}", KEY)


def test_customer_token_carries_its_conversation_and_ttl(tmp_path, key_file):
    scoped = minted(
        tmp_path,
        *("--role", "customer", "--subject", "cust-1", "--conversation", "conv-9"),
        *("--ttl", "30m", *key_args(key_file)),
    )
    claims = decode(scoped, KEY)
    assert claims["role"] == "customer"
    assert claims["cid"] == "conv-9"
    assert claims["exp"] - claims["iat"] == 1800

    unscoped = minted(tmp_path, "--role", "customer", "--subject", "c", *key_args(key_file))
    unscoped = decode(unscoped, KEY)
    assert "cid" not in unscoped
    assert unscoped["exp"] - unscoped["iat"] == 24 * HOUR


@pytest.mark.parametrize(
    "ttl,seconds", [("3600", 3600), ("90s", 90), ("2h", 2 * HOUR), ("7d", 7 * 24 * HOUR)]
)
def test_ttl_units(tmp_path, key_file, ttl, seconds):
    token = minted(tmp_path, "--role", "bot", "--subject", "b", "--ttl", ttl, *key_args(key_file))
    claims = decode(token, KEY)
    assert claims["exp"] - claims["iat"] == seconds


def test_key_from_the_environment(tmp_path, key_file):
    env_key = "k" * 40
    env = {"SWITCHBOARD_TOKEN_KEY": env_key}
    token = minted(tmp_path, "--role", "supervisor", "--subject", "sup-1", env=env)
    assert decode(token, env_key)["role"] == "supervisor"

    env = {"SWITCHBOARD_TOKEN_KEY_FILE": str(key_file)}
    token = minted(tmp_path, "--role", "bot", "--subject", "b", env=env)
    assert decode(token, KEY)["sub"] == "b"


def test_data_dir_key_is_created_once_and_reused(tmp_path):
    data_dir = tmp_path / "data"
    first = minted(tmp_path, "--role", "agent", "--subject", "a", "--data-dir", str(data_dir))
    key_path = data_dir / "token.key"
    text = key_path.read_bytes()
    assert re.fullmatch(rb"[0-9a-f]{64}\n", text)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    key = text.rstrip(b"\n")
    assert decode(first, key)["sub"] == "a"

    second = minted(tmp_path, "--role", "agent", "--subject", "b", "--data-dir", str(data_dir))
    assert key_path.read_bytes() == text
    assert decode(second, key)["sub"] == "b"

    # The default data directory is ./switchboard-data.
    default = minted(tmp_path, "--role", "admin", "--subject", "root")
    default_key = (tmp_path / "switchboard-data" / "token.key").read_bytes().rstrip(b"\n")
    assert decode(default, default_key)["sub"] == "root"


@pytest.mark.parametrize(
    "args,message",
    [
        (("--role", "root", "--subject", "x"), "unknown role 'root'"),
        (("--role", "system", "--subject", "x"), "unknown role 'system'"),
        (("--role", "agent", "--subject", "x", "--conversation", "c"), "only customer tokens"),
        (("--role", "agent", "--subject", ""), "the subject is empty"),
        (("--role", "agent", "--subject", "x", "--ttl", "5x"), "--ttl '5x' is not a duration"),
        (("--role", "agent", "--subject", "x", "--ttl", "0"), "--ttl '0' is not a duration"),
        (("--role", "agent"), "Missing expected argument '--subject <subject>'"),
    ],
)
def test_bad_requests_exit_non_zero_with_a_message(tmp_path, key_file, args, message):
    result = token_create(tmp_path, *args, *key_args(key_file))
    assert result.returncode != 0
    assert result.stdout == ""
    assert message in result.stderr


def test_short_or_missing_key_is_a_clear_error(tmp_path):
    short = tmp_path / "short.key"
    short.write_bytes(b"x" * 31 + b"\n")
    result = token_create(tmp_path, "--role", "agent", "--subject", "x", *key_args(short))
    assert result.returncode != 0
    assert f"{short}: the token key has 31 bytes; it needs 32 or more" in result.stderr

    missing = tmp_path / "missing.key"
    result = token_create(tmp_path, "--role", "agent", "--subject", "x", *key_args(missing))
    assert result.returncode != 0
    assert f"{missing}: cannot open the token key file" in result.stderr

    env = {"SWITCHBOARD_TOKEN_KEY": "short"}
    result = token_create(tmp_path, "--role", "agent", "--subject", "x", env=env)
    assert result.returncode != 0
    assert "SWITCHBOARD_TOKEN_KEY: the token key has 5 bytes" in result.stderr
    assert not (tmp_path / "switchboard-data").exists()
