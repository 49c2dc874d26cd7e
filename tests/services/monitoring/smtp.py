"""A minimal SMTP server on 127.0.0.1 that keeps the messages it receives (tests only)."""

from __future__ import annotations

import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class Mailbox:
    server: socketserver.ThreadingTCPServer
    messages: list[bytes] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_smtp() -> Mailbox:
    holder: dict[str, Mailbox] = {}

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            box = holder["box"]
            self.wfile.write(b"220 localhost test SMTP\r\n")
            while line := self.rfile.readline():
                verb = line.strip().split(b" ", 1)[0].upper()
                if verb in (b"EHLO", b"HELO"):
                    self.wfile.write(b"250 localhost\r\n")
                elif verb == b"RCPT":
                    box.recipients.append(line.decode().split(":", 1)[1].strip(" <>\r\n"))
                    self.wfile.write(b"250 OK\r\n")
                elif verb == b"DATA":
                    self.wfile.write(b"354 go ahead\r\n")
                    data = b""
                    while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                        data += chunk
                    box.messages.append(data)
                    self.wfile.write(b"250 OK\r\n")
                elif verb == b"QUIT":
                    self.wfile.write(b"221 bye\r\n")
                    return
                else:
                    self.wfile.write(b"250 OK\r\n")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    holder["box"] = Mailbox(server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return holder["box"]
