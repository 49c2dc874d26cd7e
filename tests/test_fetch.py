"""Safe URL fetching against a local HTTP server on 127.0.0.1 only.

Refusals of other addresses happen before any connection is opened, so these tests
never send traffic anywhere but 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler

import pytest

from claimtrack.fetch import FetchError, FetchPolicy, fetch_url, is_allowed
from tests.local_server import LocalServer

PAGE = "<html><head><title>Hallo</title></head><body><p>Grüße aus dem Test.</p></body></html>"
LOOPBACK = FetchPolicy(allow_loopback=True, read_timeout=1.0, connect_timeout=1.0)


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/stream-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"x" * 1024)
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        if self.path == "/echo-host":
            body = (self.headers.get("Host") or "").encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = LocalServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = {"Content-Type": "text/html; charset=utf-8"}
    Handler.routes = {
        "/page": (200, html, PAGE.encode()),
        "/text": (200, {"Content-Type": "text/plain"}, b"Nur Text."),
        "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
        "/none": (200, {}, b"<html></html>"),
        "/big": (200, html, b"x" * 5000),
        "/echo-host": (200, {"Content-Type": "text/plain"}, b""),
        "/gone": (410, html, b"gone"),
        "/r1": (302, {"Location": "/r2"}, b""),
        "/r2": (301, {"Location": f"{base}/page"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-private": (302, {"Location": "http://10.1.2.3/admin"}, b""),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/no-location": (302, {}, b""),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def test_fetches_html_and_text(server: str) -> None:
    page = fetch_url(f"{server}/page", LOOPBACK)
    assert page.content.decode() == PAGE
    assert page.content_type.startswith("text/html")
    assert fetch_url(f"{server}/text", LOOPBACK).content == b"Nur Text."


def test_sends_original_host_header(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    page = fetch_url(f"http://localhost:{port}/echo-host", LOOPBACK)
    assert page.content.decode() == f"localhost:{port}"


def test_follows_redirects_and_reports_final_url(server: str) -> None:
    page = fetch_url(f"{server}/r1", LOOPBACK)
    assert page.url == f"{server}/page"
    assert page.content.decode() == PAGE


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop", "too many redirects"),
        ("/to-private", "non-public address"),
        ("/to-metadata", "non-public address"),
        ("/to-file", "only http and https"),
        ("/no-location", "redirect without a Location"),
        ("/pdf", "unsupported content type 'application/pdf'"),
        ("/none", "unsupported content type 'none'"),
        ("/gone", "HTTP 410"),
        ("/slow", "timed out"),
    ],
)
def test_refusals(server: str, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_url(f"{server}{path}", LOOPBACK)


@pytest.mark.parametrize("path", ["/big", "/stream-big"])
def test_size_cap(server: str, path: str) -> None:
    policy = FetchPolicy(allow_loopback=True, max_bytes=4096)
    with pytest.raises(FetchError, match="larger than 4096 bytes"):
        fetch_url(f"{server}{path}", policy)


def test_loopback_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="non-public address"):
        fetch_url(f"{server}/page")
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="non-public address"):
        fetch_url(f"http://localhost:{port}/page")


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.5/",
        "http://169.254.169.254/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://2130706433/",
        "http://224.0.0.1/",
        # IPv6 forms that embed a private or loopback IPv4 address (issue 12, item 6)
        "http://[64:ff9b::127.0.0.1]/",  # NAT64 well-known prefix
        "http://[64:ff9b::10.0.0.1]/",
        "http://[64:ff9b::169.254.169.254]/",
        "http://[64:ff9b:1::10.0.0.1]/",  # local-use NAT64
        "http://[64:ff9b:1::8.8.8.8]/",
        "http://[::127.0.0.1]/",  # IPv4-compatible
        "http://[::192.168.1.1]/",
        "http://[::ffff:0:127.0.0.1]/",  # IPv4-translated
        "http://[::ffff:0:10.0.0.1]/",
    ],
)
def test_non_public_addresses_refused_before_connecting(url: str) -> None:
    with pytest.raises(FetchError, match="non-public address"):
        fetch_url(url, FetchPolicy())


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/file", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("http://user:pw@example.org/", "credentials"),
        ("http:///nohost", "no host"),
    ],
)
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_url(url)


def test_unreachable_port() -> None:
    with socket.socket() as sock:  # find a free port, then close it: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="could not fetch"):
        fetch_url(f"http://127.0.0.1:{port}/", LOOPBACK)


@pytest.mark.parametrize(
    ("address", "loopback", "allowed"),
    [
        ("93.184.216.34", False, True),
        ("2606:2800:220:1:248:1893:25c8:1946", False, True),
        ("127.0.0.1", False, False),
        ("127.0.0.1", True, True),
        ("::ffff:127.0.0.1", True, True),
        ("::ffff:192.168.0.1", True, False),
        ("10.0.0.1", True, False),
        ("2002:c0a8:0101::1", False, False),  # 6to4 wrapping 192.168.1.1
        ("64:ff9b::7f00:1", False, False),  # NAT64 of 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False, False),  # NAT64 of 169.254.169.254
        ("64:ff9b::5db8:d822", False, True),  # NAT64 of a public address stays usable
        ("64:ff9b:1::5db8:d822", False, False),  # local-use NAT64: never
        ("::a00:1", False, False),  # IPv4-compatible 10.0.0.1
        ("::ffff:0:c0a8:101", False, False),  # IPv4-translated 192.168.1.1
        ("::ffff:0:5db8:d822", False, True),
        ("::", False, False),
    ],
)
def test_is_allowed(address: str, loopback: bool, allowed: bool) -> None:
    assert is_allowed(ipaddress.ip_address(address), loopback) is allowed


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for "localhost"."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    httpd = LocalServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], str(cert)
    httpd.shutdown()
    httpd.server_close()


def test_https_connects_to_checked_ip_but_verifies_the_host_name(
    server: str, tls_server: tuple[int, str]
) -> None:
    port, ca_file = tls_server
    policy = replace(LOOPBACK, ca_file=ca_file)
    page = fetch_url(f"https://localhost:{port}/page", policy)
    assert page.content.decode() == PAGE
    # the certificate names "localhost", not the address we connected to
    with pytest.raises(FetchError, match="could not fetch"):
        fetch_url(f"https://127.0.0.1:{port}/page", policy)
    # and it is not trusted without the test CA
    with pytest.raises(FetchError, match="could not fetch"):
        fetch_url(f"https://localhost:{port}/page", LOOPBACK)
