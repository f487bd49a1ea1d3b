"""Processes of the tests and benchmarks: a free port to start a server on, and stopping it."""
from __future__ import annotations

import socket
import subprocess


# How long a server started by a test or bench may take to answer. Generous: on a loaded
# 2-core machine importing the app alone took 15 s, and a server that never starts still
# fails the test, only later.
START_SECONDS = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc, timeout: float = 30) -> int:
    """SIGTERM (a server's graceful stop), then SIGKILL after `timeout` seconds; the exit code."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode
