"""Tests mirror the package: every module with logic has its own test module.

`src/quotetrail/<path>/<module>.py` is tested in `tests/<path>/test_<module>.py`, and a package
`__init__.py` with logic in `tests/<path>/test_<package>.py`. A module has logic when it defines
a function or a class; `__main__.py` and `__init__.py` files that only re-export are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "quotetrail"
TESTS = Path(__file__).resolve().parent

# Modules that cannot be tested alone, each with the reason. Keep it short; prefer a test.
EXEMPT: dict[str, str] = {}


def has_logic(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        for node in ast.walk(tree)
    )


def mirror_of(module: Path) -> Path:
    """Where the tests of `module` (a path under src/quotetrail) live."""
    relative = module.relative_to(PACKAGE)
    if module.name == "__init__.py":
        name = relative.parent.name or PACKAGE.name
        return TESTS / relative.parent / f"test_{name}.py"
    return TESTS / relative.parent / f"test_{module.stem}.py"


def untested_modules() -> list[str]:
    return sorted(
        str(module.relative_to(PACKAGE))
        for module in PACKAGE.rglob("*.py")
        if module.name != "__main__.py"
        and str(module.relative_to(PACKAGE)) not in EXEMPT
        and has_logic(module)
        and not mirror_of(module).is_file()
    )


def test_layout_every_module_with_logic_has_its_test_module():
    missing = untested_modules()
    assert not missing, "modules without tests/<path>/test_<module>.py: " + ", ".join(missing)


def test_layout_exemptions_name_existing_modules():
    assert all((PACKAGE / module).is_file() for module in EXEMPT)


def test_layout_tests_of_a_module_package_and_top_level_module():
    assert mirror_of(PACKAGE / "extract" / "reported.py") == (
        TESTS / "extract" / "test_reported.py"
    )
    assert mirror_of(PACKAGE / "read" / "__init__.py") == TESTS / "read" / "test_read.py"
    assert mirror_of(PACKAGE / "records.py") == TESTS / "test_records.py"
