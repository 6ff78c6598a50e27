#!/usr/bin/env bash
# The Linux release: PyInstaller onedir -> satchel-VERSION-linux-ARCH.tar.xz and a .deb,
# checked against the library allowlist, summed and signed, then its figures printed.
#
#   packaging/linux/build.sh [--python PY] [--out DIR] [--onedir-only] [--no-measure]
#
# `make package` runs it. By default it builds from a virtual environment made from the
# hash-pinned packaging/requirements-build.txt (created once per version of that file under
# packaging/out/); `--python PY` builds with an interpreter that already has PyInstaller
# and Satchel installed instead (the test suite's smoke test passes the project's .venv).
# Reproducible: SOURCE_DATE_EPOCH is the commit time, PYTHONHASHSEED is fixed, archives are
# written sorted with fixed owners and times (packaging/check_reproducible.sh compares two
# builds). SATCHEL_RELEASE_KEY names the Ed25519 signing key; without it the release is
# signed with a throw-away key and says so (packaging/release.py).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/dist"
PY=""
ONEDIR_ONLY=0
MEASURE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --python) PY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --onedir-only) ONEDIR_ONLY=1; shift ;;
    --no-measure) MEASURE=0; shift ;;
    *) echo "build.sh: unknown option $1" >&2; exit 64 ;;
  esac
done
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# -- a fixed environment: the same bytes from the same commit, wherever it is built --------
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || true)}"
if [ -z "$SOURCE_DATE_EPOCH" ]; then
  echo "build.sh: no git commit to take SOURCE_DATE_EPOCH from; set it" >&2
  exit 1
fi
export SOURCE_DATE_EPOCH
export PYTHONHASHSEED=0 TZ=UTC LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
umask 022

# -- the build interpreter ---------------------------------------------------------------
if [ -z "$PY" ]; then
  req="$ROOT/packaging/requirements-build.txt"
  stamp="$(sha256sum "$req" | cut -c1-12)"
  venv="$ROOT/packaging/out/build-venv-$stamp"
  if [ ! -x "$venv/bin/python" ] || [ ! -f "$venv/.complete" ]; then
    echo "build.sh: creating the build environment from $req (hash-checked)"
    rm -rf "$venv"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --require-hashes --no-deps -r "$req"
    touch "$venv/.complete"
  fi
  # Satchel itself, from this checkout, without build isolation (setup.py compiles the
  # translations with the pinned PySide6's lrelease).
  "$venv/bin/python" -m pip install --quiet --no-deps --no-build-isolation --no-index \
    --force-reinstall "$ROOT"
  PY="$venv/bin/python"
else
  "$PY" "$ROOT/tools/build_translations.py" >/dev/null
fi
BIN="$(dirname "$PY")"

VERSION="$("$PY" -c 'import satchel; print(satchel.__version__)')"
ARCH="$(uname -m)"
case "$ARCH" in x86_64) DEB_ARCH=amd64 ;; aarch64) DEB_ARCH=arm64 ;; *) DEB_ARCH="$ARCH" ;; esac
NAME="satchel-$VERSION-linux-$ARCH"
WORK="$OUT/.work"
ONEDIR="$OUT/$NAME"
rm -rf "$WORK" "$ONEDIR"

# -- the onedir --------------------------------------------------------------------------
echo "build.sh: PyInstaller onedir (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/build" \
  "$ROOT/packaging/pyinstaller/satchel.spec" 2> >(grep -v -e 'WARNING: Library .* required via ctypes not found' \
    -e 'WARNING: Library not found: could not resolve' -e 'WARNING: Ignoring icon' >&2)
mv "$WORK/dist/satchel" "$ONEDIR"
# Every file and folder at the commit's time: the archive and the .deb store mtimes.
find "$ONEDIR" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
"$PY" "$ROOT/packaging/check_libs.py" "$ONEDIR"
if [ "$ONEDIR_ONLY" = 1 ]; then
  rm -rf "$WORK"
  echo "build.sh: onedir in $ONEDIR"
  exit 0
fi

# -- the portable archive: the onedir plus the desktop files to integrate by hand ----------
mkdir -p "$ONEDIR/share/applications" "$ONEDIR/share/mime/packages" "$ONEDIR/share/icons"
cp resources/linux/satchel.desktop "$ONEDIR/share/applications/"
cp resources/linux/satchel-mime.xml "$ONEDIR/share/mime/packages/satchel.xml"
cp resources/icons/satchel.svg resources/icons/png/satchel-256.png "$ONEDIR/share/icons/"
cp packaging/linux/README-archive.txt "$ONEDIR/README.txt"
find "$ONEDIR/share" "$ONEDIR/README.txt" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
RELEASE="$OUT/release"
rm -rf "$RELEASE"
mkdir -p "$RELEASE"
TARBALL="$RELEASE/$NAME.tar.xz"
echo "build.sh: $NAME.tar.xz"
tar -C "$OUT" --sort=name --format=gnu --mtime="@$SOURCE_DATE_EPOCH" \
  --owner=0 --group=0 --numeric-owner --mode='u+rw,go-w' -cf - "$NAME" \
  | xz -T1 -6 -c > "$TARBALL"

# -- the .deb ----------------------------------------------------------------------------
rm -rf "$ONEDIR/share" "$ONEDIR/README.txt"  # the .deb installs these in their places
echo "build.sh: satchel_${VERSION}_$DEB_ARCH.deb"
# nfpm expands variables in some fields only: fill the template in first.
ROOT="$ROOT" ONEDIR="$ONEDIR" SATCHEL_VERSION="$VERSION" DEB_ARCH="$DEB_ARCH" \
  MTIME_RFC3339="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)" \
  "$PY" -c 'import os, string, sys; sys.stdout.write(string.Template(open(sys.argv[1]).read()).substitute(os.environ))' \
  "$ROOT/packaging/linux/nfpm.yaml" > "$WORK/nfpm.yaml"
"$BIN/nfpm" package --config "$WORK/nfpm.yaml" --packager deb \
  --target "$RELEASE/satchel_${VERSION}_$DEB_ARCH.deb" >/dev/null

# -- sums, signature, figures ------------------------------------------------------------
"$PY" "$ROOT/packaging/release.py" "$RELEASE"
rm -rf "$WORK"
if [ "$MEASURE" = 1 ]; then
  "$PY" "$ROOT/packaging/measure.py" --onedir "$ONEDIR" --archive "$TARBALL" \
    --source-python "$ROOT/.venv/bin/python"
fi
echo "build.sh: release in $RELEASE"
