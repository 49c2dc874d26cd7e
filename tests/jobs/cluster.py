"""Start real claimtrack processes (gunicorn app servers, queue workers) on 127.0.0.1 for tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

CLI = "from claimtrack.cli import main; main()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """Processes sharing one database and one queue, as on several machines."""

    env: dict[str, str]
    logs: Path
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def _spawn(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        with (self.logs / f"{name}.log").open("ab") as log:  # the child keeps its own copy
            proc = subprocess.Popen(
                [sys.executable, "-c", CLI, *args], env=self.env, stdout=log, stderr=log,
                start_new_session=True,
            )  # fmt: skip
        self.procs.append(proc)
        return proc

    def server(self, name: str) -> str:
        port = free_port()
        self._spawn(name, "run", "--host", "127.0.0.1", "--port", str(port), "--workers", "2",
                    "--no-queue-worker")  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code < 500:
                    return base
            except httpx.HTTPError:
                time.sleep(0.2)
        raise AssertionError(f"{name} did not start: {(self.logs / f'{name}.log').read_text()}")

    def worker(self, name: str, threads: int = 2) -> subprocess.Popen[bytes]:
        return self._spawn(name, "worker", "--threads", str(threads))

    def kill9(self, proc: subprocess.Popen[bytes]) -> None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def wait_for(check, timeout: float = 60.0, interval: float = 0.1):  # type: ignore[no-untyped-def]
    """Poll `check()` until it returns something truthy; its last value otherwise (asserted)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            assert value, f"condition not met within {timeout} s"
            return value
        time.sleep(interval)
