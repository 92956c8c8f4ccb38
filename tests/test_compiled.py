"""The compiled schema reader (relviz/_compiled.py) is used only while it matches its source,
and reads the same as the source: the same docstrings, and (the rest of the suite, run both
ways by `make test`) the same results."""

import ast
import gc
import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import relviz
from relviz import _compiled

ROOT = Path(__file__).resolve().parent.parent
PURE = bool(os.environ.get(_compiled.PURE_VARIABLE))
built = pytest.mark.skipif(
    not _compiled._up_to_date(_compiled._read_manifest()),
    reason="the schema reader is not compiled here, or edited since (`make setup` compiles it)",
)


def _active_in(package_root: Path, **env) -> subprocess.CompletedProcess:
    """Whether a fresh ``import relviz`` from ``package_root`` runs compiled, with its warnings."""
    environment = {k: v for k, v in os.environ.items() if k != _compiled.PURE_VARIABLE}
    return subprocess.run(
        [sys.executable, "-c", "import relviz, relviz._compiled as c; print(relviz.__file__, c.active())"],
        cwd=package_root, env={**environment, "PYTHONPATH": str(package_root), **env},
        capture_output=True, text=True, timeout=120,
    )


def test_every_compiled_module_has_its_source_beside_it():
    for module in _compiled.MODULES:
        assert _compiled._source(module).is_file(), module


@built
def test_the_schema_reader_runs_compiled_when_built_and_matching_its_source():
    run = _active_in(ROOT)
    assert run.stdout.split() == [str(ROOT / "relviz" / "__init__.py"), "True"]
    assert run.stderr == ""


@built
def test_relviz_pure_python_asks_for_the_source():
    run = _active_in(ROOT, RELVIZ_PURE_PYTHON="1")
    assert run.stdout.split()[-1] == "False"
    assert run.stderr == ""


@built
def test_an_edited_module_makes_relviz_run_its_source_with_a_warning(tmp_path):
    copy = tmp_path / "relviz"
    shutil.copytree(ROOT / "relviz", copy, ignore=shutil.ignore_patterns("__pycache__"))
    parser = copy / "syntax" / "parser.py"
    parser.write_text(parser.read_text() + "\nEDITED = True\n")
    run = _active_in(tmp_path)
    assert run.stdout.split() == [str(copy / "__init__.py"), "False"]
    assert "compiled core does not match its source" in run.stderr
    check = subprocess.run(
        [sys.executable, "-c", "import relviz.syntax.parser as p; print(p.EDITED)"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)}, capture_output=True, text=True, timeout=120,
    )
    assert check.stdout.strip() == "True"  # the edit took effect


def _source_docstrings(module):
    """``{(class or "", member or ""): docstring}`` of a module's public classes, from its source."""
    tree = ast.parse(_compiled._source(module).read_text())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            found[node.name, ""] = ast.get_docstring(node)
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                    found[node.name, item.name] = ast.get_docstring(item)
    return {key: doc for key, doc in found.items() if doc}


@pytest.mark.parametrize("module", ["relviz.schema.model", "relviz.syntax.nodes"])
def test_public_classes_keep_their_docstrings_compiled_or_not(module):
    mod = sys.modules[module]
    for (cls_name, member), doc in _source_docstrings(module).items():
        obj = getattr(mod, cls_name)
        if member:
            obj = inspect.getattr_static(obj, member)
        assert inspect.cleandoc(obj.__doc__ or "") == doc, (cls_name, member)


def test_documented_methods_keep_their_signatures_and_results():
    schema = relviz.parse("model A {\n  id Int @id\n  b  B[]\n}\nmodel B {\n  id Int @id\n  a  A @relation(fields: [aId], references: [id])\n  aId Int\n}\n")
    model = schema.model("B")
    assert model.field("aId").name == "aId"
    assert list(inspect.signature(relviz.Model.field).parameters)[:2] == ["self", "name"]
    assert schema.relations[0].referencing_model is model


@built
@pytest.mark.skipif(PURE, reason="plain Python tracks every object")
def test_syntax_nodes_are_left_out_of_the_garbage_collectors_bookkeeping_when_compiled():
    schema = relviz.parse("model User {\n  id Int @id @default(autoincrement())\n}\n")
    field = schema.model("User").field("id")
    assert gc.is_tracked(field)  # the model points back and forth: the collector frees it
    assert not gc.is_tracked(field._ast)
    assert not any(gc.is_tracked(a) for a in field._ast.attributes)
    assert not gc.is_tracked(field.default)


def test_a_dropped_schema_is_freed_whole():
    # Nodes left out of the collector's bookkeeping must never sit in a reference cycle, or
    # a dropped schema would never be freed: read a large one ten times, nothing stays.
    text = (ROOT / "tests" / "fixtures" / "real" / "calcom.prisma").read_text()
    relviz.parse(text)
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(10):
        relviz.parse(text)
    gc.collect()
    assert sys.getallocatedblocks() - before < 500  # one schema is about 15,000 blocks
