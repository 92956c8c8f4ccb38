"""relviz.notebook loads its widgets only when used, and `%load_ext` finds its entry point."""

import subprocess
import sys

import pytest

from relviz.errors import UsageError
from relviz.notebook.playground_widget import schema_text_of


def test_importing_relviz_notebook_imports_no_widgets():
    code = "import sys, relviz, relviz.notebook; print('ipywidgets' in sys.modules, 'duckdb' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_public_names_load_on_first_use():
    import relviz.notebook as nb

    assert callable(nb.playground) and callable(nb.explore) and callable(nb.load_ipython_extension)
    with pytest.raises(AttributeError):
        nb.nothing_here


def test_a_missing_schema_file_is_a_usage_error():
    with pytest.raises(UsageError, match="missing.prisma: cannot be read"):
        schema_text_of("missing.prisma")
