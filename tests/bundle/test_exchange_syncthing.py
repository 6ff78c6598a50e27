"""End to end with two real Syncthing instances on 127.0.0.1: a case goes from Anna to Boris
and Boris's edit comes back, with no export or import by hand.

Each instance has its own home, configured by writing its config.xml before it starts:
listening on a free loopback port only, knowing the other by its loopback address, no
discovery, relays, NAT traversal, usage or crash reports, upgrades or GUI (so no REST
socket either), one shared folder watched with a 1-second delay. The test itself opens
loopback sockets only (to find free ports: the allow_hosts mark below); Satchel opens none.
Skipped, saying so, where Syncthing is not installed (tools/install-system-deps adds it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lawyers import Lawyer, befriend, named_lawyer, sample_case

from satchel.bundle import exchange
from satchel.bundle.shares import share_case

SYNCTHING = shutil.which("syncthing")
FOLDER_ID = "satchel-exchange"
DEADLINE = 40.0  # seconds for one hop; it takes 2-5 s here

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SYNCTHING is None,
        reason="needs Debian's syncthing package (tools/install-system-deps installs it)",
    ),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Instance:
    """One Syncthing: its home, device id, listening port and shared folder."""

    def __init__(self, root: Path, name: str) -> None:
        self.home = root / f"st-{name}"
        self.folder = root / f"exchange-{name}"
        self.folder.mkdir()
        (self.folder / ".stfolder").mkdir()  # Syncthing's folder marker
        self.port = _free_port()
        self.log = self.home / "syncthing.log"
        subprocess.run(
            [
                SYNCTHING,
                "generate",
                f"--home={self.home}",
                "--no-default-folder",
                "--skip-port-probing",
            ],
            check=True,
            capture_output=True,
            timeout=60,
            env=_env(),
        )
        tree = ET.parse(self.home / "config.xml")
        device = tree.getroot().find("device")
        assert device is not None
        self.device_id = device.get("id", "")
        self.proc: subprocess.Popen[bytes] | None = None

    def configure(self, peer: Instance) -> None:
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        for old in root.findall("folder"):
            root.remove(old)
        me = root.find("device")
        assert me is not None
        for old in me.findall("address"):
            me.remove(old)
        ET.SubElement(me, "address").text = "dynamic"
        other = ET.SubElement(
            root,
            "device",
            id=peer.device_id,
            name="peer",
            compression="metadata",
            introducer="false",
        )
        ET.SubElement(other, "address").text = f"tcp://127.0.0.1:{peer.port}"
        ET.SubElement(other, "autoAcceptFolders").text = "false"
        folder = ET.Element(
            "folder",
            id=FOLDER_ID,
            label="Exchange",
            path=str(self.folder),
            type="sendreceive",
            rescanIntervalS="3600",
            fsWatcherEnabled="true",
            fsWatcherDelayS="1",
            ignorePerms="false",
            autoNormalize="true",
        )
        ET.SubElement(folder, "device", id=self.device_id)
        ET.SubElement(folder, "device", id=peer.device_id)
        ET.SubElement(folder, "filesystemType").text = "basic"
        ET.SubElement(folder, "markerName").text = ".stfolder"
        root.insert(0, folder)
        gui = root.find("gui")
        assert gui is not None
        gui.set("enabled", "false")
        options = root.find("options")
        assert options is not None
        settings = {
            "listenAddress": f"tcp://127.0.0.1:{self.port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "startBrowser": "false",
        }
        for key, value in settings.items():
            for old in options.findall(key):
                options.remove(old)
            ET.SubElement(options, key).text = value
        tree.write(path)

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                SYNCTHING,
                "serve",
                f"--home={self.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                f"--logfile={self.log}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_env(),
        )

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ST")}
    env.update(STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1")
    return env


@pytest.fixture
def syncthing_pair(tmp_path: Path) -> Iterator[tuple[Instance, Instance]]:
    a, b = Instance(tmp_path, "anna"), Instance(tmp_path, "boris")
    a.configure(b)
    b.configure(a)
    a.start()
    b.start()
    try:
        yield a, b
    finally:
        a.stop()
        b.stop()


def _until(what: str, check: Callable[[], bool], instances: tuple[Instance, ...]) -> None:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.3)
    logs = "\n".join(i.log.read_text(errors="replace")[-3000:] for i in instances if i.log.exists())
    pytest.fail(f"{what}: not within {DEADLINE:.0f} s. Syncthing said:\n{logs}")


def _passes(lawyer: Lawyer, instances: tuple[Instance, ...], what: str) -> exchange.SyncReport:
    """Passes on the lawyer's timer (a 1-second settle) until one takes something in."""
    watch = exchange.Watch(settle=1.0)
    found: list[exchange.SyncReport] = []

    def one() -> bool:
        report = exchange.sync(lawyer.vault, watch)
        if report.imported:
            found.append(report)
        return bool(found)

    _until(what, one, instances)
    return found[0]


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_case_and_an_edit_travel_through_two_real_syncthings(
    tmp_path: Path, syncthing_pair: tuple[Instance, Instance]
) -> None:
    st_a, st_b = syncthing_pair
    anna = named_lawyer(tmp_path, "Anna Fictional")
    boris = named_lawyer(tmp_path, "Boris Fictional")
    try:
        for lawyer, st in ((anna, st_a), (boris, st_b)):
            exchange.set_exchange_folder(lawyer.vault, st.folder)
            exchange.set_auto_import(lawyer.vault, True)
        to_boris = befriend(anna, boris)
        befriend(boris, anna)
        case, _person, event, doc = sample_case(anna)
        share_case(anna.vault, case.id, to_boris.id)

        ((_share, name),) = exchange.sync(anna.vault, exchange.Watch()).sent
        report = _passes(boris, syncthing_pair, "Anna's bundle reaching Boris")
        assert [n for n, _r in report.imported] == [name]
        assert boris.vault.cases.get(case.id).title == case.title
        with boris.vault.documents.open(doc.id) as fh:
            assert fh.read().startswith(b"%PDF-1.4")

        boris.vault.events.update(event.id, title="Arrest at the airport (Boris saw the record)")
        ((_share, back),) = exchange.sync(boris.vault, exchange.Watch()).sent
        report = _passes(anna, syncthing_pair, "Boris's edit reaching Anna")
        assert [n for n, _r in report.imported] == [back]
        assert anna.vault.events.get(event.id).title.endswith("(Boris saw the record)")

        # Each removed what it took in; Syncthing carries the removals back.
        _until(
            "the processed bundles leaving both folders",
            lambda: (
                not any(
                    p.name.endswith(".satchel")
                    for st in syncthing_pair
                    for p in st.folder.iterdir()
                )
            ),
            syncthing_pair,
        )
    finally:
        anna.vault.close()
        boris.vault.close()
