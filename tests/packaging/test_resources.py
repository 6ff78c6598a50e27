"""The source assets in resources/ and what the build puts inside the package from them.

A file manager, a Windows installer and the macOS Finder each read their own format; these
tests read those formats as those programs do (ICO and ICNS directories, PNG headers, the
desktop entry's keys) rather than trusting the file names.
"""

from __future__ import annotations

import configparser
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_set_has_every_size_it_is_named_for():
    pngs = sorted((RESOURCES / "icons" / "png").glob("satchel-*.png"))
    sizes = sorted(int(p.stem.split("-")[1]) for p in pngs)
    assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]
    for p in pngs:
        n = int(p.stem.split("-")[1])
        assert _png_size(p.read_bytes()) == (n, n), p.name


def test_windows_ico_directory_points_at_real_png_images():
    data = (RESOURCES / "icons" / "satchel.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        image = data[offset : offset + length]
        assert len(image) == length
        assert _png_size(image) == (w or 256, h or 256)
        sizes.append(w or 256)
    assert {16, 32, 48, 256} <= set(sizes)


def test_macos_icns_holds_retina_sizes_up_to_1024():
    data = (RESOURCES / "icons" / "satchel.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, found = 8, {}
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        found[kind] = _png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found[b"ic10"] == 1024 and found[b"ic07"] == 128 and found[b"icp4"] == 16


def test_desktop_entry_opens_bundles_of_the_mime_type_the_package_installs():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(RESOURCES / "linux" / "satchel.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "satchel %f"  # one file: `satchel FILE.satchel`
    assert desktop["Icon"] == "satchel"
    mime = ET.parse(RESOURCES / "linux" / "satchel-mime.xml").getroot()
    (mime_type,) = mime.iter(f"{MIME_NS}mime-type")
    assert desktop["MimeType"].rstrip(";").split(";") == [mime_type.get("type")]
    assert [g.get("pattern") for g in mime_type.iter(f"{MIME_NS}glob")] == ["*.satchel"]
    meta = ET.parse(RESOURCES / "linux" / "satchel.metainfo.xml").getroot()
    assert meta.findtext("launchable") == "satchel.desktop"
    assert meta.find("provides/mediatype").text == mime_type.get("type")


def _unpacked_wheel(tmp_path: Path) -> Path:
    out = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    (wheel,) = out.glob("satchel-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert "satchel/resources/translations/satchel_ru.qm" in names
        assert "satchel/resources/icons/satchel.svg" in names
        assert not [n for n in names if n.endswith(".ts")]  # sources stay out of the wheel
        z.extractall(tmp_path / "site")
    return tmp_path / "site"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_built_wheel_carries_the_translation_and_icon_and_the_client_finds_them(tmp_path):
    """Build the wheel as pip does (isolated build, setup.py compiles the .ts), then run
    the client's loaders from the unpacked wheel, not from the checkout."""
    site = _unpacked_wheel(tmp_path)
    probe = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from satchel import i18n; from satchel.gui.common import icons;"
        "loaded = i18n.install_translations('ru');"
        "print(loaded[0]);"
        "print(app.translate('MainWindow', 'Lock'));"
        "print(not icons.app_icon().pixmap(48, 48).isNull(), icons.icons_dir())"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    qm, lock, icon_line = result.stdout.splitlines()
    assert Path(qm) == site / "satchel" / "resources" / "translations" / "satchel_ru.qm"
    assert lock == "Заблокировать"
    assert icon_line == f"True {site / 'satchel' / 'resources' / 'icons'}"
