"""pytest plugin: Debian's raptor2 `rapper`, the independent RDF parser the RDF tests check with.

The `rapper` session fixture returns the path of the binary, installing `raptor2-utils` with
apt-get when it is missing (so a clean CI machine needs nothing done by hand). If it can be
neither found nor installed, the tests that need it fail with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

PACKAGE = "raptor2-utils"


def find_rapper(install: bool = True) -> str:
    """Path of `rapper`, installing Debian's raptor2-utils when it is missing."""
    found = shutil.which("rapper")
    if found or not install:
        if not found:
            raise RuntimeError("rapper is not installed")
        return found
    from tests.conftest import machine_lock

    with machine_lock():  # another test process may be installing it right now
        return _install_rapper()


def _install_rapper() -> str:
    """Install raptor2-utils with apt-get (unless another process just did) and find rapper."""
    found = shutil.which("rapper")
    if found:
        return found
    if shutil.which("apt-get") is None:
        raise RuntimeError(f"rapper is missing and apt-get is not available to install {PACKAGE}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    wait = ["-o", "DPkg::Lock::Timeout=600"]  # other test set-ups may hold the dpkg lock
    for cmd in (sudo + ["apt-get", *wait, "update", "-q"],
                sudo + ["apt-get", *wait, "install", "-y", "-q", "--no-install-recommends",
                        PACKAGE]):
        for attempt in range(3):
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
            if done.returncode == 0:
                break
            time.sleep(5 * (attempt + 1))
        else:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise RuntimeError(f"{' '.join(cmd)} failed: {' / '.join(tail)}")
    found = shutil.which("rapper")
    if not found:
        raise RuntimeError(f"apt-get installed {PACKAGE} but no rapper binary was found")
    return found


def rapper_count(binary: str, path: Path, syntax: str) -> tuple[int, int, str]:
    """Run `rapper -i SYNTAX -c PATH`: (exit code, triples counted, stderr)."""
    done = subprocess.run([binary, "-i", syntax, "-c", str(path)], capture_output=True,
                          text=True, timeout=600)
    count = -1
    for line in done.stderr.splitlines():
        # "rapper: Parsing returned 1234 triples"
        if "returned" in line and "triple" in line:
            count = int(line.split("returned")[1].split()[0])
    return done.returncode, count, done.stderr


@pytest.fixture(scope="session")
def rapper() -> str:
    """The `rapper` binary (installed on first use when missing)."""
    try:
        return find_rapper()
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        pytest.fail(f"raptor2 rapper is needed for the RDF checks: {exc}", pytrace=False)
