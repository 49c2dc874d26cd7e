"""Turning uploaded or fetched bytes into text, refusing what is not text.

A desk uploads saved pages in whatever encoding the site used. We honour a declared
charset (HTTP header or <meta>), otherwise UTF-8, otherwise charset-normalizer's best
guess when it is confident; binary files (PDF, images, archives) are refused up front
so they never reach the extractor.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class InputError(ValueError):
    """The input cannot be used as a story (empty, binary, undecodable, too large)."""


_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "media file"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def check_not_binary(data: bytes) -> None:
    """Raise InputError for empty or binary data (magic numbers, NUL or many control bytes)."""
    if not data.strip():
        raise InputError("the input is empty")
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"the input is a {kind}, not a text or HTML page")
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in head:
        raise InputError("the input is binary, not a text or HTML page")
    controls = sum(1 for byte in head if byte in _CONTROL)
    if not utf16 and controls > max(8, len(head) // 100):
        raise InputError("the input is binary, not a text or HTML page")


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset named by the Content-Type header or the page's <meta>, if valid."""
    candidates: list[str] = []
    if content_type:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", content_type, re.I)
        if match:
            candidates.append(match.group(1))
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Decode `data` to text or raise InputError; never silently replaces characters."""
    check_not_binary(data)
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, codec)
    charset = declared_charset(data, content_type)
    if charset:
        return _strict(data, charset)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.2:
        raise InputError("the input is not valid UTF-8 and its encoding cannot be determined")
    return _strict(data, best.encoding)


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"the input cannot be decoded as {codec}") from exc
