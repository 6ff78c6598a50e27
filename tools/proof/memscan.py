"""Count where secrets remain in a live process's memory (Linux, /proc).

The proof that a lock drops the key and the passphrase, and the canary figure of a whole
session, both look at the memory of a *running* Satchel the way an attacker with a memory dump
would: every readable mapping of the process, searched for each secret in each form it could
take there (raw bytes, hex text as handed to SQLCipher, UTF-8, and UTF-16 as Qt keeps text).

The scanner runs in another process than the one it scans, so its own copies of the needles
are never counted. Reading /proc/PID/mem needs ptrace rights over the target: the same user
and a parent (or root) where Yama's ptrace_scope is 1. The target is stopped (SIGSTOP) while
it is read so the figure is one moment's, and always resumed.
"""

from __future__ import annotations

import base64
import contextlib
import os
import signal
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

_CHUNK = 8 << 20
# Mappings the kernel will not let anyone read, and which hold nothing of the process's own.
_SKIP = ("[vvar]", "[vsyscall]", "[vvar_vclock]")


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    name: str


def readable_regions(pid: int) -> list[Region]:
    """The process's readable mappings, from /proc/PID/maps."""
    regions = []
    with open(f"/proc/{pid}/maps", encoding="ascii", errors="replace") as maps:
        for line in maps:
            fields = line.split(maxsplit=5)
            if len(fields) < 5 or not fields[1].startswith("r"):
                continue
            name = fields[5].strip() if len(fields) == 6 else ""
            if name in _SKIP:
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            regions.append(Region(start, end, name))
    return regions


def text_forms(label: str, text: str) -> dict[str, bytes]:
    """A typed secret as it can sit in memory: UTF-8 (Python, C), UTF-16 (Qt's QString)."""
    return {
        f"{label} (UTF-8)": text.encode("utf-8"),
        f"{label} (UTF-16)": text.encode("utf-16-le"),
    }


def key_forms(label: str, key: bytes) -> dict[str, bytes]:
    """Key material as it can sit in memory: raw, hex (a SQLCipher key statement), base64."""
    return {
        f"{label} (raw)": bytes(key),
        f"{label} (hex)": key.hex().encode("ascii"),
        f"{label} (HEX)": key.hex().upper().encode("ascii"),
        f"{label} (base64)": base64.b64encode(key).rstrip(b"="),
    }


@contextlib.contextmanager
def stopped(pid: int) -> Iterator[None]:
    """Hold the process still while it is read; always let it go on."""
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def scan(pid: int, needles: Mapping[str, bytes], *, stop: bool = True) -> dict[str, int]:
    """How many times each needle occurs in the readable memory of process *pid*.

    Chunks overlap by the longest needle minus one byte, so a match across a chunk boundary
    is counted once. Mappings that vanish or refuse reading while scanned are passed over
    (a guard page, a region unmapped since /proc/PID/maps was read).
    """
    wanted = {label: bytes(value) for label, value in needles.items() if value}
    counts = dict.fromkeys(needles, 0)
    if not wanted:
        return counts
    overlap = max(len(v) for v in wanted.values()) - 1
    guard = stopped(pid) if stop else contextlib.nullcontext()
    with guard, open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for region in readable_regions(pid):
            tail = b""
            offset = region.start
            while offset < region.end:
                size = min(_CHUNK, region.end - offset)
                try:
                    mem.seek(offset)
                    block = mem.read(size)
                except (OSError, ValueError, OverflowError):
                    break
                if not block:
                    break
                window = tail + block
                for label, needle in wanted.items():
                    counts[label] += _count_new(window, needle, len(tail))
                tail = window[-overlap:] if overlap else b""
                offset += len(block)
    return counts


def _count_new(window: bytes, needle: bytes, tail_len: int) -> int:
    """Occurrences in *window* that end after its first *tail_len* bytes (not counted yet)."""
    found = 0
    start = window.find(needle)
    while start != -1:
        if start + len(needle) > tail_len:
            found += 1
        start = window.find(needle, start + 1)
    return found
