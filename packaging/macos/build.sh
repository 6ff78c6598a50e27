#!/usr/bin/env bash
# macOS release: PyInstaller .app (the shared spec's BUNDLE) -> signed, notarized .dmg.
# WRITTEN, NOT RUN HERE (Linux machine). Runs in the CI workflow's macOS job.
#   packaging/macos/build.sh
# Signing and notarization need, from the job's secrets:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)" in the job's keychain
#   MACOS_NOTARY_PROFILE  a `xcrun notarytool store-credentials` profile name
# Without them the .app and .dmg are built unsigned (Gatekeeper then refuses a double-click;
# right-click > Open once), and the steps below say they were skipped.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
export PYTHONHASHSEED=0

python3 -m venv build-venv
# macOS-only PyInstaller dependency (macholib) is not in the Linux-compiled file: compile
# the macOS one from the same .in, with hashes.
build-venv/bin/python -m pip install pip-tools
build-venv/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras \
  --output-file packaging/requirements-build-macos.txt packaging/requirements-build.in
build-venv/bin/python -m pip install --require-hashes --no-deps -r packaging/requirements-build-macos.txt
build-venv/bin/python -m pip install --no-deps --no-build-isolation --no-index .
build-venv/bin/python -m pip install dmgbuild

VERSION="$(build-venv/bin/python -c 'import satchel; print(satchel.__version__)')"
build-venv/bin/python -m PyInstaller --noconfirm --distpath dist/work --workpath dist/build \
  packaging/pyinstaller/satchel.spec
APP="dist/work/Satchel.app"
mkdir -p dist/release

# 1. Code signing: every Mach-O inside, then the bundle, with the hardened runtime.
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist \
    --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
else
  echo "macos/build.sh: MACOS_SIGN_IDENTITY not set: the .app is NOT signed" >&2
fi

# 2. The disk image.
DMG="dist/release/satchel-$VERSION-macos-$(uname -m).dmg"
build-venv/bin/dmgbuild -s packaging/macos/dmg_settings.py -D app="$APP" "Satchel" "$DMG"

# 3. Notarization and stapling (the ticket travels with the .dmg for offline checks).
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  codesign --sign "$MACOS_SIGN_IDENTITY" --timestamp "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
else
  echo "macos/build.sh: notarization skipped (no signing identity or notary profile)" >&2
fi

# 4. Sums and the Ed25519 signature, as on Linux.
build-venv/bin/python packaging/release.py dist/release
