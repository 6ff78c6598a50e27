# dmgbuild settings for Satchel's disk image: the .app and a link to /Applications.
# Used by packaging/macos/build.sh: dmgbuild -s dmg_settings.py -D app=PATH "Satchel" OUT.dmg
# WRITTEN, NOT RUN HERE (Linux machine); runs in the CI workflow's macOS job.
import os.path

application = defines.get("app", "dist/work/Satchel.app")  # noqa: F821 (set by dmgbuild)
appname = os.path.basename(application)

format = "UDZO"  # zlib-compressed, read-only
files = [application]
symlinks = {"Applications": "/Applications"}
icon_locations = {appname: (140, 120), "Applications": (500, 120)}
window_rect = ((100, 100), (640, 300))
default_view = "icon-view"
icon_size = 96
