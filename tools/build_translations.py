"""Translations and the application icon: from the sources in `resources/` into the package.

    python tools/build_translations.py            # compile: .ts -> .qm, icon -> package
    python tools/build_translations.py --update   # `make ts`: refresh the .ts from the code

Sources live at the top level (`resources/translations/satchel_<lang>.ts`, one file per
language, and `resources/icons/satchel.svg`); what the client needs at run time is written
INTO the package (`src/satchel/resources/translations/satchel_<lang>.qm`,
`src/satchel/resources/icons/satchel.svg`), where the Makefile, `pip install`, `pip wheel`
and PyInstaller all find it the same way (importlib.resources). The written files are
gitignored; setup.py runs `build()` before it packs a wheel, so a fresh clone builds a
complete wheel.

`--update` runs pyside6-lupdate over every module that imports Qt (the only modules that
can ask for a translation), keeping existing translations and dropping strings no code uses
any more. `_tr` (a local alias of QCoreApplication.translate) and `plural` (same four
arguments) are declared to lupdate as aliases of `translate`, so their strings are found.
pyside6-lupdate's Python parser (6.11) has one gap: a counted call, `translate(ctx, "%n
day(s)", "", n)`, becomes a numerus message only when `n` is a number literal, and a call
whose count is an expression (`len(items)`, `self.weeks()`) is skipped altogether. So after
lupdate, `counted_messages()` reads the sources with `ast` and makes every counted message
a numerus one again, keeping its existing plural forms; and `wrapped_messages()` adds the
strings passed to a one-argument wrapper that fixes the context (`_tr(text)` calling
`translate("Ctx", text)`), which lupdate cannot attribute to a context.

Exits non-zero with one line naming the file if a tool is missing or a file does not
compile.
"""

from __future__ import annotations

import argparse
import ast
import copy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_APP_ICON = ROOT / "resources" / "icons" / "satchel.svg"
PACKAGE = ROOT / "src" / "satchel"
PACKAGE_TRANSLATIONS = PACKAGE / "resources" / "translations"
PACKAGE_APP_ICON = PACKAGE / "resources" / "icons" / "satchel.svg"
LANGUAGES = ("ru",)
# Names lupdate must treat as QCoreApplication.translate (see the module docstring).
LUPDATE_ALIASES = "translate+=_tr,translate+=plural"


class BuildError(Exception):
    """One line for the user: which file, what went wrong."""


def qt_tool(name: str) -> str:
    """`pyside6-<name>` next to this interpreter (the venv), else on PATH."""
    local = Path(sys.executable).with_name(f"pyside6-{name}")
    if local.exists():
        return str(local)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise BuildError(f"pyside6-{name} not found (install PySide6-Essentials)")
    return found


def lupdate_sources() -> list[Path]:
    """Every module that imports Qt: core, crypto, bundle and cli never do, by rule."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "PySide6" in p.read_text(encoding="utf-8"))


def ts_files() -> list[Path]:
    return [SOURCE_TRANSLATIONS / f"satchel_{lang}.ts" for lang in LANGUAGES]


_TRANSLATE_NAMES = {"translate", "_tr", "plural"}


def counted_messages() -> set[tuple[str, str]]:
    """(context, source) of every translate-like call with a count (four arguments, a
    `%n` in the source), read from the sources with `ast`."""
    found: set[tuple[str, str]] = set()
    for path in lupdate_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 4:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            context, source = node.args[0], node.args[1]
            if (
                name in _TRANSLATE_NAMES
                and isinstance(context, ast.Constant)
                and isinstance(source, ast.Constant)
                and isinstance(context.value, str)
                and isinstance(source.value, str)
                and "%n" in source.value
            ):
                found.add((context.value, source.value))
    return found


def _fixed_context_wrappers(tree: ast.Module) -> dict[str, str]:
    """`def _tr(text): return QCoreApplication.translate("Ctx", text)` -> {"_tr": "Ctx"}."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        param = node.args.args[0].arg
        for ret in ast.walk(node):
            call = ret.value if isinstance(ret, ast.Return) else None
            if (
                isinstance(call, ast.Call)
                and len(call.args) >= 2
                and getattr(call.func, "attr", getattr(call.func, "id", "")) == "translate"
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == param
            ):
                found[node.name] = call.args[0].value
    return found


def wrapped_messages() -> set[tuple[str, str]]:
    """(context, source) of calls to one-argument wrappers that fix the context, which
    lupdate cannot attribute (gui/chronology/deadline_words.py's `_tr(text)`)."""
    found: set[tuple[str, str]] = set()
    for path in lupdate_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _fixed_context_wrappers(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add((wrappers[node.func.id], node.args[0].value))
    return found


def _numerus_translation(old: ET.Element | None) -> ET.Element:
    if old is not None and old.find("numerusform") is not None:
        kept = copy.deepcopy(old)
        if kept.get("type") in ("vanished", "obsolete"):
            del kept.attrib["type"]
        return kept
    fresh = ET.Element("translation", type="unfinished")
    ET.SubElement(fresh, "numerusform")
    return fresh


def restore_numerus(ts: Path, previous: dict[tuple[str, str], ET.Element]) -> None:
    """Make every counted message of the sources a numerus message in `ts` (see the module
    docstring), with the plural forms it had in `previous`."""
    counted = counted_messages()
    tree = ET.parse(ts)  # noqa: S314 (our own .ts, written by lupdate)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    seen: set[tuple[str, str]] = set()
    for name, context in contexts.items():
        for message in context.findall("message"):
            key = (name, message.findtext("source") or "")
            if key not in counted:
                continue
            seen.add(key)
            message.set("numerus", "yes")
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            message.append(_numerus_translation(previous.get(key)))
    for name, source in sorted(counted - seen):
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        message = ET.SubElement(context, "message", numerus="yes")
        ET.SubElement(message, "source").text = source
        message.append(_numerus_translation(previous.get((name, source))))
    present = {
        (name, message.findtext("source") or "")
        for name, context in contexts.items()
        for message in context.findall("message")
    }
    for name, source in sorted(wrapped_messages() - present):
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        old = previous.get((name, source))
        if old is not None and old.find("numerusform") is None:
            kept = copy.deepcopy(old)
            kept.attrib.pop("type", None)
            message.append(kept)
        else:
            ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def _translations(ts: Path) -> dict[tuple[str, str], ET.Element]:
    if not ts.exists():
        return {}
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): translation
        for context in ET.parse(ts).getroot().iter("context")  # noqa: S314 (our own .ts)
        for message in context.iter("message")
        if (translation := message.find("translation")) is not None
    }


def run_lupdate(ts: Path, *, drop_obsolete: bool = True) -> None:
    cmd = [
        qt_tool("lupdate"),
        *map(str, lupdate_sources()),
        "-locations",
        "none",
        "-tr-function-alias",
        LUPDATE_ALIASES,
    ]
    if drop_obsolete:
        cmd.append("-no-obsolete")
    cmd += ["-ts", str(ts)]
    previous = _translations(ts)
    result = subprocess.run(cmd, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BuildError(f"{ts.name}: lupdate failed: {result.stderr.strip()[-400:]}")
    restore_numerus(ts, previous)


def compile_ts(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(  # noqa: S603 (fixed tool, our own files)
        [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not qm.exists():
        raise BuildError(f"{ts.name}: lrelease failed: {result.stderr.strip()[-400:]}")


def build(verbose: bool = True) -> list[Path]:
    """Compile every .ts into the package and copy the app icon; returns the files written.

    Removes any other `.qm` in the package folder (a checkout from before one-file-per-
    language had five), so a wheel never carries a stale translation.
    """
    written: list[Path] = []
    wanted = set()
    for ts in ts_files():
        if not ts.exists():
            raise BuildError(f"{ts.relative_to(ROOT)} is missing")
        qm = PACKAGE_TRANSLATIONS / ts.with_suffix(".qm").name
        compile_ts(ts, qm)
        wanted.add(qm)
        written.append(qm)
        if verbose:
            print(f"{ts.relative_to(ROOT)} -> {qm.relative_to(ROOT)}")
    for stale in PACKAGE_TRANSLATIONS.glob("*.qm"):
        if stale not in wanted:
            stale.unlink()
    PACKAGE_APP_ICON.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE_APP_ICON, PACKAGE_APP_ICON)
    written.append(PACKAGE_APP_ICON)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--update",
        action="store_true",
        help="refresh resources/translations/*.ts from the code (make ts), then compile",
    )
    args = parser.parse_args(argv)
    try:
        if args.update:
            for ts in ts_files():
                run_lupdate(ts)
                print(f"updated {ts.relative_to(ROOT)}")
        build()
    except (BuildError, OSError) as exc:
        print(f"build_translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
