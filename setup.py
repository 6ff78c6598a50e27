"""Build hook: compile the translations and copy the app icon into the package first.

Everything else is declared in pyproject.toml. The run-time resources (the `.qm` compiled
from resources/translations/*.ts and the app icon) are generated, never committed, so a
wheel built from a fresh clone (or an sdist) runs tools/build_translations.py before
setuptools collects the package data. See docs/architecture.md, "resources/".
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class build_py_with_resources(build_py):
    def run(self) -> None:
        spec = importlib.util.spec_from_file_location(
            "build_translations", ROOT / "tools" / "build_translations.py"
        )
        assert spec is not None and spec.loader is not None
        tool = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tool)
        try:
            tool.build(verbose=False)
        except tool.BuildError as exc:
            # pip without PySide6 in the build environment: an up-to-date .qm from
            # `make translations` is as good; without one, the wheel would be incomplete.
            qm = ROOT / "src" / "satchel" / "resources" / "translations" / "satchel_ru.qm"
            if not qm.exists():
                raise SystemExit(f"build_translations: {exc}") from exc
            print(f"build_translations: {exc}; using the existing {qm.name}")
        super().run()


setup(cmdclass={"build_py": build_py_with_resources})
