"""Print the release's figures: archive size, unpacked size, cold start to the unlock screen.

    python packaging/measure.py --onedir DIR --archive FILE.tar.xz [--source-python PY]
                                [--runs 7]

Budgets (DESIGN.md §8, issue 11): at most 60 MB compressed, 170 MB unpacked, 1 s from
start to the unlock screen on a 2-core machine. Printed, never asserted: a slow shared
machine must not fail a build, and the figures are read by people.

Cold start is measured from outside the program, with no hook in it: a private Xvfb
display, a vault created beforehand in a fresh HOME, then for each run the clock starts
when the process is spawned and stops when a window titled "Satchel — locked" (the unlock
screen) is mapped on the display, polled with `xwininfo` every 10 ms; the process is then
ended with SIGTERM. The first run of each program reads its files from disk, later runs
from the page cache; the median of all runs is printed, with the first run on its own.
The same is measured for `satchel` from the source virtual environment (`--source-python`).
Needs Xvfb and xwininfo (tools/install-system-deps installs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000
BUDGET_COMPRESSED_MB = 60
BUDGET_UNPACKED_MB = 170
BUDGET_START_S = 1.0
UNLOCK_TITLE = "Satchel — locked"
PASSPHRASE = "measure cold start 7 blue lanterns"  # noqa: S105 (a throw-away vault)


def unpacked_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _x_socket(number: int) -> Path:
    return Path("/tmp/.X11-unix") / f"X{number}"  # noqa: S108 (where X servers listen)


class Display:
    """A private Xvfb server (no TCP), stopped on exit."""

    def __init__(self) -> None:
        if shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
            raise RuntimeError("Xvfb and xwininfo are needed (tools/install-system-deps)")
        number = 90
        while _x_socket(number).exists() or Path(f"/tmp/.X{number}-lock").exists():  # noqa: S108
            number += 1
        self.name = f":{number}"
        self.proc = subprocess.Popen(  # noqa: S603
            ["Xvfb", self.name, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],  # noqa: S607
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not _x_socket(number).exists():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.02)

    def has_window(self, title: str) -> bool:
        """Whether a window named `title` is mapped (shown), not merely created or hidden."""
        out = self._xwininfo("-root", "-tree")
        # Lines read `0x200007 "Satchel — locked": ("satchel" "Satchel")  760x540+0+0`: the
        # name comes first, then the class, which must not count as a name.
        ids = [
            line.split(None, 1)[0]
            for line in out.splitlines()
            if len(line.split(None, 1)) == 2 and line.split(None, 1)[1].startswith(f'"{title}":')
        ]
        return any("Map State: IsViewable" in self._xwininfo("-id", wid) for wid in ids)

    def _xwininfo(self, *args: str) -> str:
        return subprocess.run(  # noqa: S603
            ["xwininfo", *args, "-display", self.name],  # noqa: S607
            capture_output=True,
            text=True,
        ).stdout

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def start_times(
    command: list[str], env: dict[str, str], display: Display, runs: int
) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(  # noqa: S603
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            while not display.has_window(UNLOCK_TITLE):
                if proc.poll() is not None:
                    raise RuntimeError(f"{command[0]} ended before its unlock screen")
                if time.perf_counter() - start > 60:
                    raise RuntimeError(f"{command[0]}: no unlock screen after 60 s")
                time.sleep(0.01)
            times.append(time.perf_counter() - start)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--onedir", type=Path, required=True)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--source-python", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    unpacked = unpacked_bytes(args.onedir)
    print("Satchel release figures")
    if args.archive is not None:
        size = args.archive.stat().st_size
        print(f"  compressed   {size / MB:7.1f} MB  {args.archive.name}  "
              f"(budget {BUDGET_COMPRESSED_MB} MB)")  # fmt: skip
    print(f"  unpacked     {unpacked / MB:7.1f} MB  {args.onedir.name}/  "
          f"(budget {BUDGET_UNPACKED_MB} MB)")  # fmt: skip

    frozen = args.onedir / "satchel"
    with tempfile.TemporaryDirectory(prefix="satchel-measure-") as tmp:
        home = Path(tmp)
        runtime = home / "run"
        runtime.mkdir(mode=0o700)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "xcb",
        }
        passfile = home / "passphrase"
        passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
        vault = home / "vault"
        subprocess.run(  # noqa: S603
            [str(frozen), "--vault", str(vault), "init", "--passphrase-file", str(passfile)],
            env=env,
            check=True,
            capture_output=True,
        )
        try:
            display = Display()
        except RuntimeError as exc:
            print(f"  cold start   not measured: {exc}")
            return 0
        try:
            env["DISPLAY"] = display.name
            programs = [("frozen", [str(frozen), "--vault", str(vault)])]
            if args.source_python is not None and args.source_python.exists():
                source = [str(args.source_python), "-m", "satchel"]
                programs.append(("source venv", [*source, "--vault", str(vault)]))
            for label, command in programs:
                times = start_times(command, env, display, args.runs)
                print(
                    f"  cold start   {statistics.median(times):7.2f} s  {label}: median of "
                    f"{len(times)} (first {times[0]:.2f} s, min {min(times):.2f} s, max "
                    f"{max(times):.2f} s; budget {BUDGET_START_S:.0f} s)"
                )
        finally:
            display.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
