"""A webhook receiver on 127.0.0.1 that records what arrives (tests and benchmarks)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.local_server import LocalServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Receiver:
    server: LocalServer
    calls: list[Received] = field(default_factory=list)
    status: int = 200

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/hook"

    def ids(self) -> list[str]:
        return [c.headers.get("webhook-id", "") for c in self.calls]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_receiver(status: int = 200) -> Receiver:
    holder: dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            size = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(size)
            receiver: Receiver = holder["r"]
            headers = {k.lower(): v for k, v in self.headers.items()}
            receiver.calls.append(Received(headers, body, time.time()))
            self.send_response(receiver.status)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *_args: Any) -> None:
            pass

    server = LocalServer(("127.0.0.1", 0), Handler)  # joins its request threads on close
    holder["r"] = Receiver(server=server, status=status)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return holder["r"]
