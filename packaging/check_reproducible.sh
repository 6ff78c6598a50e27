#!/usr/bin/env bash
# Build the Linux release twice from two fresh clones of the same commit, in different
# folders (so any absolute path that leaks into the build shows), each with its own build
# environment from packaging/requirements-build.txt, and compare every artifact bit for bit.
#
#   packaging/check_reproducible.sh [COMMIT]     (default: HEAD; commit first)
#
# Prints the SHA-256 of each artifact of both builds and "IDENTICAL" or the differing
# files (then diffoscope, if installed, says where). The signatures differ by design (a
# throw-away key per build), so SHA256SUMS.sig and the public key are not compared.
# Takes two full builds: about 10 minutes on a 2-core machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMMIT="$(git -C "$ROOT" rev-parse "${1:-HEAD}")"
BASE="$(mktemp -d "${TMPDIR:-/tmp}/satchel-repro-XXXXXX")"
echo "check_reproducible: commit $COMMIT, work in $BASE"
for side in a b; do
  # Different depths of folder on purpose.
  dir="$BASE/$side"
  [ "$side" = b ] && dir="$BASE/b/deeper/folder"
  mkdir -p "$(dirname "$dir")"
  git clone --quiet --no-hardlinks "$ROOT" "$dir"
  git -C "$dir" checkout --quiet "$COMMIT"
  (cd "$dir" && bash packaging/linux/build.sh --out "$dir/dist" --no-measure) \
    > "$BASE/build-$side.log" 2>&1 || { echo "build $side failed: $BASE/build-$side.log" >&2; exit 1; }
done
a="$BASE/a/dist/release"
b="$BASE/b/deeper/folder/dist/release"
status=0
for f in "$a"/*; do
  name="$(basename "$f")"
  case "$name" in SHA256SUMS.sig|*.pub) continue ;; esac
  ha="$(sha256sum < "$f" | cut -c1-64)"
  hb="$(sha256sum < "$b/$name" | cut -c1-64)"
  if [ "$ha" = "$hb" ]; then
    echo "  same     $ha  $name"
  else
    echo "  DIFFERS  $ha / $hb  $name"
    status=1
  fi
done
if [ "$status" = 0 ]; then
  echo "check_reproducible: IDENTICAL (two builds of $COMMIT from different folders)"
  rm -rf "$BASE"
else
  echo "check_reproducible: the builds differ; both kept in $BASE" >&2
  command -v diffoscope >/dev/null && echo "  try: diffoscope $a/<file> $b/<file>" >&2
fi
exit "$status"
