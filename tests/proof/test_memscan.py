"""The memory scanner counts what a child process holds, and nothing of its own needles."""

from __future__ import annotations

import os
import subprocess
import sys

from tools.proof.memscan import key_forms, scan, text_forms

_CHILD = r"""
import sys
secret = bytes.fromhex(sys.argv[1]) * 1
kept = [bytearray(secret) for _ in range(3)]
word = sys.argv[2].encode("utf-16-le")
print("ready", flush=True)
sys.stdin.readline()
"""


def test_counts_what_the_child_holds_and_not_what_it_does_not() -> None:
    key = os.urandom(32)
    absent = os.urandom(32)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, key.hex(), "Кондор-7741"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        needles = {
            **key_forms("key", key),
            **key_forms("absent", absent),
            **text_forms("word", "Кондор-7741"),
        }
        counts = scan(child.pid, needles)
    finally:
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.close()
        child.wait(timeout=10)
    assert counts["key (raw)"] >= 3  # three bytearrays and the bytes object
    assert counts["key (hex)"] >= 1  # the argument vector
    assert counts["word (UTF-16)"] >= 1
    assert counts["absent (raw)"] == 0
    assert counts["absent (hex)"] == 0
