"""Shared pytest set-up: skips for tests that need outside programs, and the fixture schemas.

Markers (registered in pyproject.toml):
  needs_dot   skipped when Graphviz's `dot` is not on PATH
  needs_node  skipped when `node` is not on PATH
  browser     skipped when Chromium or the playwright package is missing
  slow        runs by default; deselect with `-m "not slow"`

Fixtures: `fixtures_dir`, `real_schemas`, `invalid_schemas`, `chromium_path`.
A test with an argument named `real_schema` or `invalid_schema` runs once per schema file
in tests/fixtures/real or tests/fixtures/invalid, with the file's name as the test id.
"""

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

FIXTURES_DIR = Path(__file__).parent / "fixtures"
CHROMIUM = os.environ.get("RELVIZ_CHROMIUM", "/usr/bin/chromium")


def _schemas(folder):
    return sorted((FIXTURES_DIR / folder).glob("*.prisma"))


def _dot_missing():
    if not shutil.which("dot"):
        return "Graphviz's `dot` is not on PATH (apt-get install graphviz, brew install graphviz)"
    return None


def _node_missing():
    return None if shutil.which("node") else "`node` is not on PATH"


def _browser_missing():
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; or set RELVIZ_CHROMIUM)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (make setup installs it)"
    return None


# marker -> function saying why its tests cannot run here, or None when they can
_WHY_MISSING = {"needs_dot": _dot_missing, "needs_node": _node_missing, "browser": _browser_missing}


def pytest_collection_modifyitems(config, items):
    reasons = {}
    for item in items:
        for marker, missing in _WHY_MISSING.items():
            if item.get_closest_marker(marker) is None:
                continue
            if marker not in reasons:
                reasons[marker] = missing()
            if reasons[marker]:
                item.add_marker(pytest.mark.skip(reason=reasons[marker]))


def pytest_generate_tests(metafunc):
    for argname, folder in (("real_schema", "real"), ("invalid_schema", "invalid")):
        if argname in metafunc.fixturenames:
            paths = _schemas(folder)
            metafunc.parametrize(argname, paths, ids=[p.stem for p in paths])


@pytest.fixture(scope="session")
def fixtures_dir():
    """tests/fixtures, as a Path."""
    return FIXTURES_DIR


@pytest.fixture(scope="session")
def real_schemas():
    """Every tests/fixtures/real/*.prisma (schemas from public projects), sorted."""
    return _schemas("real")


@pytest.fixture(scope="session")
def invalid_schemas():
    """Every tests/fixtures/invalid/*.prisma (Prisma's relation validation cases), sorted."""
    return _schemas("invalid")


@pytest.fixture(scope="session")
def chromium_path():
    """The Chromium executable for Playwright's `executable_path=` (skips the test if missing)."""
    reason = _browser_missing()
    if reason:
        pytest.skip(reason)
    return CHROMIUM
