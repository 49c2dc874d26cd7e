"""Which files the test process holds open (Linux /proc), for tests that check handles are released."""

from __future__ import annotations

import os
from pathlib import Path


def open_files_named(name: str) -> list[str]:
    """The files this process holds open whose path ends in `name`."""
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed since the listing
            continue
        if target.endswith(name):
            found.append(target)
    return found
