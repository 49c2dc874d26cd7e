"""Fetching a story page by URL without becoming a proxy into our own network.

A desk pastes arbitrary URLs, so the fetcher is an SSRF surface. Rules (docs/security.md):
http/https only, no credentials in the URL; resolve the host once and refuse it if
*any* address is not globally routable (IPv6 forms that carry an IPv4 address are unwrapped
first: IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, IPv4-compatible ::a.b.c.d,
NAT64 64:ff9b::a.b.c.d, 6to4 and Teredo; the local-use NAT64 prefix 64:ff9b:1::/48 is refused); connect to the checked IP itself, sending the original Host header and
TLS SNI (so the certificate is still verified for the host name); follow at most
`max_redirects` redirects by hand, checking every hop the same way; ignore proxy
environment variables; connect/read/total time limits; a streamed size cap; an allowed
content-type list. `allow_loopback` exists for tests only and is off by default.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import httpx

ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# What a watched feed or sitemap may be served as (monitoring); still size- and time-capped.
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
_REDIRECTS = {301, 302, 303, 307, 308}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """The URL cannot be fetched safely or did not return a usable page."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_loopback: bool = False  # tests only: lets the suite use a server on 127.0.0.1
    ca_file: str | None = None  # trust this CA bundle instead of the system's (tests)
    user_agent: str = "claimtrack/0.1 (fact-checking desk; story intake)"


def story_policy(config: Mapping[str, Any], **changes: Any) -> FetchPolicy:
    """The limits for reading stories (desk intake, CLI, monitoring) from an app's config.

    Loopback addresses only ever for a testing app (the tests' local HTTP servers).
    """
    default = FetchPolicy()
    return replace(
        default,
        read_timeout=float(config.get("FETCH_TIMEOUT_S", default.read_timeout)),
        max_bytes=int(config.get("FETCH_MAX_BYTES", default.max_bytes)),
        allow_loopback=bool(config.get("FETCH_ALLOW_LOOPBACK")) and bool(config.get("TESTING")),
        **changes,
    )


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # the final URL after redirects
    content: bytes
    content_type: str  # the full Content-Type header value
    status: int = 200  # 304 when a conditional GET found nothing new (content is then empty)
    etag: str = ""  # validators for the next conditional GET
    last_modified: str = ""


@functools.lru_cache(maxsize=8)
def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """One TLS context per CA bundle and process, shared by every client.

    Building one loads the whole CA bundle (about 45 ms of CPU); a webhook worker sending
    thousands of deliveries paid that on every send. A context is safe to share between
    threads once built, and it verifies certificates and host names as httpx's default does.
    """
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    return httpx.create_ssl_context()


def fetch_url(
    url: str,
    policy: FetchPolicy | None = None,
    *,
    types: tuple[str, ...] = ALLOWED_TYPES,
    validators: dict[str, str] | None = None,
) -> FetchedPage:
    """GET `url` under `policy`; FetchError with a readable reason on any refusal.

    `types` are the content types accepted (HTML pages by default; `FEED_TYPES` for monitoring).
    `validators` ({"etag": …, "last_modified": …}) make it a conditional GET: an unchanged
    resource comes back as status 304 with no content.
    """
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.total_timeout
    timeout = httpx.Timeout(
        connect=policy.connect_timeout, read=policy.read_timeout, write=5.0, pool=5.0
    )
    current = _parse(url)
    verify = tls_context(policy.ca_file)
    with httpx.Client(
        trust_env=False, follow_redirects=False, timeout=timeout, verify=verify
    ) as client:
        for _hop in range(policy.max_redirects + 1):
            location = _get(client, current, policy, deadline, types, validators or {})
            if isinstance(location, FetchedPage):
                return location
            current = _parse(str(current.join(location)))
    raise FetchError(f"too many redirects (more than {policy.max_redirects})")


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(f"not a valid URL: {url!r}") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError("only http and https URLs can be fetched")
    if not parsed.host:
        raise FetchError("the URL has no host")
    if parsed.userinfo:
        raise FetchError("URLs with credentials are not fetched")
    return parsed


def _get(
    client: httpx.Client,
    url: httpx.URL,
    policy: FetchPolicy,
    deadline: float,
    types: tuple[str, ...],
    validators: dict[str, str],
) -> FetchedPage | str:
    """One request; returns the page, or the Location of a redirect to follow."""
    host = url.raw_host.decode("ascii")
    address = resolve_public(host, url.port or (443 if url.scheme == "https" else 80), policy)
    default_port = url.port in (None, 80 if url.scheme == "http" else 443)
    host_header = f"[{host}]" if ":" in host else host  # an IPv6 literal needs brackets
    headers = {
        "Host": host_header if default_port else f"{host_header}:{url.port}",
        "User-Agent": policy.user_agent,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"
        if types == ALLOWED_TYPES
        else ",".join(types),
    }
    if validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    extensions = {"sni_hostname": host} if url.scheme == "https" else {}
    target = url.copy_with(host=str(address))
    try:
        with client.stream("GET", target, headers=headers, extensions=extensions) as response:
            if response.status_code in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"redirect without a Location from {url.host}")
                return location
            if response.status_code == 304 and validators:
                return FetchedPage(url=str(url), content=b"", content_type="", status=304)
            if response.status_code >= 400:
                raise FetchError(f"{url.host} answered HTTP {response.status_code}")
            content_type = _check_type(response, types)
            content = _read_capped(response, policy, deadline)
            etag, modified = _validators(response)
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out fetching {url.host}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url.host}: {exc.__class__.__name__}") from exc
    return FetchedPage(url=str(url), content=content, content_type=content_type, etag=etag,
                       last_modified=modified)  # fmt: skip


def _validators(response: httpx.Response) -> tuple[str, str]:
    """ETag and Last-Modified of an answer (sent back on the next conditional GET)."""
    return response.headers.get("etag", "")[:500], response.headers.get("last-modified", "")[:100]


def _check_type(response: httpx.Response, types: tuple[str, ...] = ALLOWED_TYPES) -> str:
    content_type = response.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media not in types:
        expected = "an HTML page" if types == ALLOWED_TYPES else "a feed or sitemap"
        raise FetchError(f"unsupported content type {media or 'none'!r}; expected {expected}")
    return content_type


def _read_capped(response: httpx.Response, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"the page is larger than {policy.max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"the page is larger than {policy.max_bytes} bytes")
        if time.monotonic() > deadline:
            raise FetchError("fetching the page took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def resolve_public(host: str, port: int, policy: FetchPolicy) -> IPAddress:
    """Resolve `host` once; refuse it unless every address is public (or test loopback)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    for address in addresses:
        if not is_allowed(address, policy.allow_loopback):
            raise FetchError(f"refusing to fetch {host!r}: it resolves to a non-public address")
    return addresses[0]


def is_allowed(address: IPAddress, allow_loopback: bool = False) -> bool:
    """True for globally routable unicast addresses (embedded IPv4 unwrapped)."""
    if any(address in network for network in _NEVER):
        return False
    inner = _unwrap(address)
    if allow_loopback and inner.is_loopback:
        return True
    return inner.is_global and not inner.is_multicast


# Local-use NAT64 (RFC 8215): translates into whatever network the operator runs, often private.
# Python < 3.12 counts it as global.
_NEVER = (ipaddress.ip_network("64:ff9b:1::/48"),)
# IPv6 prefixes whose last 32 bits are an IPv4 address the packet ends up at.
_EMBEDDING = (
    ipaddress.ip_network("64:ff9b::/96"),  # NAT64 well-known prefix (RFC 6052)
    ipaddress.ip_network("::ffff:0:0:0/96"),  # IPv4-translated (SIIT, RFC 2765)
    ipaddress.ip_network("::/96"),  # IPv4-compatible (deprecated, RFC 4291)
)


def _unwrap(address: IPAddress) -> IPAddress:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address.teredo is not None:
            return address.teredo[1]
        if address not in _UNSPECIFIED_OR_LOOPBACK and any(address in n for n in _EMBEDDING):
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


_UNSPECIFIED_OR_LOOPBACK = (ipaddress.IPv6Address("::"), ipaddress.IPv6Address("::1"))


@dataclass(frozen=True, slots=True)
class PostResult:
    status: int
    body: bytes  # the first bytes of the answer (for the delivery log)


def post_bytes(
    url: str, body: bytes, headers: dict[str, str], policy: FetchPolicy | None = None
) -> PostResult:
    """POST `body` to `url` under the same address rules as `fetch_url` (no redirects followed).

    Used for partner webhooks: the address is resolved and checked at every send, so a partner's
    DNS name that later points into our network is refused then.
    """
    policy = policy or FetchPolicy()
    parsed = _parse(url)
    host = parsed.raw_host.decode("ascii")
    address = resolve_public(host, parsed.port or (443 if parsed.scheme == "https" else 80), policy)
    default_port = parsed.port in (None, 80 if parsed.scheme == "http" else 443)
    host_header = f"[{host}]" if ":" in host else host
    sent = {
        **headers,
        "Host": host_header if default_port else f"{host_header}:{parsed.port}",
        "User-Agent": policy.user_agent,
    }
    timeout = httpx.Timeout(
        connect=policy.connect_timeout, read=policy.read_timeout, write=5.0, pool=5.0
    )
    verify = tls_context(policy.ca_file)
    extensions = {"sni_hostname": host} if parsed.scheme == "https" else {}
    try:
        with (
            httpx.Client(
                trust_env=False, follow_redirects=False, timeout=timeout, verify=verify
            ) as client,
            client.stream(
                "POST",
                parsed.copy_with(host=str(address)),
                content=body,
                headers=sent,
                extensions=extensions,
            ) as response,
        ):
            head = b""
            for chunk in response.iter_bytes():
                head += chunk
                if len(head) >= 2000:
                    break
            return PostResult(status=response.status_code, body=head[:2000])
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out posting to {parsed.host}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"could not post to {parsed.host}: {exc.__class__.__name__}") from exc
