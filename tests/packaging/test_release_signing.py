"""The release folder's SHA256SUMS and signature, checked with the documented command.

packaging/release.py and packaging/README.md promise that a lawyer (or a colleague) can
verify a download with OpenSSL and coreutils alone. These tests run exactly that command.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _release_module():
    spec = importlib.util.spec_from_file_location("release", ROOT / "packaging" / "release.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documented_verify(folder: Path, public: str) -> subprocess.CompletedProcess[str]:
    """The two commands of packaging/README.md, as written there."""
    if shutil.which("openssl") is None or shutil.which("sha256sum") is None:
        pytest.skip("openssl and sha256sum are needed")
    signature = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            public,
            "-rawin",
            "-in",
            "SHA256SUMS",
            "-sigfile",
            "SHA256SUMS.sig",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    if signature.returncode != 0:
        return signature
    return subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
    )


@pytest.fixture
def release(tmp_path: Path) -> Path:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "satchel-0.1.0-linux-x86_64.tar.xz").write_bytes(b"\xfd7zXZ\x00 archive")
    (folder / "satchel_0.1.0_amd64.deb").write_bytes(b"!<arch>\n package")
    return folder


def test_a_release_signed_with_the_release_key_verifies_with_openssl(release, tmp_path):
    tool = _release_module()
    key = tmp_path / "release-key.pem"
    assert tool.main(["--new-key", str(key)]) == 0
    assert key.stat().st_mode & 0o077 == 0  # the private key is the owner's only
    assert tool.main([str(release), "--key", str(key)]) == 0
    assert (release / "satchel-release.pub").read_bytes() == key.with_suffix(".pub").read_bytes()
    result = _documented_verify(release, "satchel-release.pub")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "satchel_0.1.0_amd64.deb: OK" in result.stdout


def test_a_changed_archive_or_a_forged_sum_fails_verification(release, tmp_path):
    tool = _release_module()
    key = tmp_path / "k.pem"
    tool.main(["--new-key", str(key)])
    tool.main([str(release), "--key", str(key)])
    archive = release / "satchel-0.1.0-linux-x86_64.tar.xz"
    archive.write_bytes(archive.read_bytes() + b"x")
    assert _documented_verify(release, "satchel-release.pub").returncode != 0
    # Re-summing the changed file without the key: the signature no longer matches.
    sums = (release / "SHA256SUMS").read_text()
    line = f"{tool.sha256(archive)}  {archive.name}\n"
    forged = "".join(
        line if entry.endswith(archive.name) else entry + "\n" for entry in sums.splitlines()
    )
    (release / "SHA256SUMS").write_text(forged)
    result = _documented_verify(release, "satchel-release.pub")
    assert result.returncode != 0
    assert "Signature Verification Failure" in result.stdout + result.stderr


def test_without_a_key_the_signature_is_made_with_a_throwaway_key_that_says_so(release):
    tool = _release_module()
    assert tool.main([str(release)]) == 0
    assert not (release / "satchel-release.pub").exists()
    result = _documented_verify(release, "satchel-THROWAWAY-key.pub")
    assert result.returncode == 0, result.stderr
