"""The compiled core: the schema reader's modules built with mypyc, used only while they match their source.

``make setup`` compiles :data:`MODULES` in place (:func:`build`; ``make clean`` removes them):
the same Python source turned into C by mypyc, as mypy and black are built, reads a schema
about twice as fast. The ``.py`` files stay the truth, and relviz runs from them whenever the
compiled files cannot be trusted:

- a manifest written with the build records a hash of each module's source; at
  ``import relviz``, if any source no longer matches (someone edited it since the build), or
  the build was made for another Python, a warning says so and every ``relviz`` module is
  imported from its ``.py`` file, so an edit always takes effect;
- ``RELVIZ_PURE_PYTHON=1`` asks for the ``.py`` files outright;
- without a C compiler there is no build, and nothing to choose.

mypyc keeps no docstrings; the build records them from the source, and :func:`restore_docs`
puts them back on the compiled classes (a documented method or property is served to Python
through a thin wrapper; compiled code still calls the native one), so ``help()`` and
Jupyter's ``?`` read as before.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.machinery
import json
import os
import shutil
import sys
import sysconfig
from pathlib import Path

__all__ = ["MODULES", "active", "build", "choose", "clean", "restore_docs"]

PACKAGE = Path(__file__).resolve().parent
MANIFEST = PACKAGE / "_compiled.json"
GROUP = "relviz._core"  # the shared library holding every compiled module: relviz/_core__mypyc.*.so
PURE_VARIABLE = "RELVIZ_PURE_PYTHON"

# The modules relviz.parse runs through, syntax to validation, and the model classes they build.
MODULES = (
    "relviz.syntax.comments", "relviz.syntax.lexer", "relviz.syntax.nodes", "relviz.syntax.parser",
    "relviz.schema.attribute_args", "relviz.schema.attribute_pass", "relviz.schema.attributes",
    "relviz.schema.block_attributes", "relviz.schema.default_values", "relviz.schema.model",
    "relviz.schema.relation_attributes", "relviz.schema.relations", "relviz.schema.resolve",
    "relviz.schema.validate",
    *(f"relviz.schema.rules.{p.stem}" for p in sorted((PACKAGE / "schema" / "rules").glob("*.py")) if p.stem != "__init__"),
)

# mypy's settings for the build: those of `[tool.mypy]` in pyproject.toml, which tests/test_typing.py keeps clean.
_MYPY_FLAGS = ("--follow-imports=silent", "--ignore-missing-imports", "--disable-error-code=annotation-unchecked")


def _source(module: str) -> Path:
    return PACKAGE.parent.joinpath(*module.split(".")).with_suffix(".py")


def _digest(module: str) -> str:
    return hashlib.sha1(_source(module).read_bytes()).hexdigest()


def _compiled_files() -> set[Path]:
    return {p for suffix in importlib.machinery.EXTENSION_SUFFIXES for p in PACKAGE.rglob(f"*{suffix}")}


def _read_manifest() -> dict | None:
    try:
        return json.loads(MANIFEST.read_text())
    except (OSError, ValueError):
        return None


def _up_to_date(manifest: dict | None) -> bool:
    """Whether the manifest was written for this Python and every module's current source."""
    try:
        return (
            manifest is not None
            and manifest["python"] == sys.implementation.cache_tag
            and set(manifest["modules"]) == set(MODULES)
            and all(_digest(module) == digest for module, digest in manifest["modules"].items())
        )
    except (OSError, KeyError, TypeError):
        return False


class _SourceOnly:
    """A finder that imports ``relviz`` modules from their ``.py`` files, never a compiled file."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if not name.startswith("relviz.") or not path:
            return None
        loader = (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
        for entry in path:
            spec = importlib.machinery.FileFinder(entry, loader).find_spec(name)
            if spec is not None:
                return spec
        return None


def _use_source() -> None:
    if not any(isinstance(finder, _SourceOnly) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourceOnly())


def choose() -> None:
    """Called by ``import relviz`` before it imports anything else: import the ``.py`` files
    unless the compiled modules are there and match them."""
    if os.environ.get(PURE_VARIABLE):
        _use_source()
        return
    manifest = _read_manifest()
    if manifest is None and not _compiled_files():
        return  # never built: plain Python
    if not _up_to_date(manifest):
        import warnings

        warnings.warn(
            "relviz's compiled core does not match its source (edited since `make setup`, or built for "
            "another Python): running the source instead, about half as fast. `make setup` compiles it again.",
            stacklevel=3,
        )
        _use_source()


def active() -> bool:
    """Whether ``relviz.parse`` runs on the compiled modules (else on their Python source)."""
    import relviz.syntax.parser as parser

    return not str(getattr(parser, "__file__", "")).endswith(".py")


# Docstrings ---------------------------------------------------------------------------------


def _docstrings(module: str) -> dict:
    """``{"": module doc, "name": function doc, "Class": {"": class doc, "member": doc}}`` from the source."""
    tree = ast.parse(_source(module).read_text(encoding="utf-8"))
    found: dict = {"": ast.get_docstring(tree, clean=False)}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            found[node.name] = ast.get_docstring(node, clean=False)
        elif isinstance(node, ast.ClassDef):
            members = {
                item.name: ast.get_docstring(item, clean=False)
                for item in node.body
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_")
            }
            found[node.name] = {"": ast.get_docstring(node, clean=False), **members}
    return {name: doc for name, doc in found.items() if doc}


def _documented_method(native, doc: str):
    def method(*args, **kwargs):
        return native(*args, **kwargs)

    method.__name__, method.__qualname__, method.__doc__ = native.__name__, native.__qualname__, doc
    method.__wrapped__ = native  # (inspect.signature, and so help(), read the native signature)
    return method


def _put_back(cls: type, docs: dict) -> None:
    for name, doc in docs.items():
        if name == "":
            cls.__doc__ = doc
            continue
        member = cls.__dict__.get(name)
        if member.__class__.__name__ == "getset_descriptor":  # a property (its setter, if any, kept)
            setattr(cls, name, property(member.__get__, member.__set__, doc=doc))
        elif member.__class__.__name__ == "method_descriptor":
            setattr(cls, name, _documented_method(member, doc))


def restore_docs() -> None:
    """Give the compiled modules already imported their source's docstrings back."""
    manifest = _read_manifest() or {}
    for module_name, docs in manifest.get("docs", {}).items():
        module = sys.modules.get(module_name)
        if module is None or str(getattr(module, "__file__", "")).endswith(".py") or getattr(module, "_docs_restored", False):
            continue
        for name, doc in docs.items():
            value = module if name == "" else getattr(module, name, None)
            if name == "":
                module.__doc__ = doc
            elif isinstance(value, type) and isinstance(doc, dict):
                _put_back(value, doc)
            elif value is not None and value.__class__.__name__ == "builtin_function_or_method":
                setattr(module, name, _documented_method(value, doc))
        module._docs_restored = True


# Build ------------------------------------------------------------------------------------


def clean() -> None:
    """Remove the compiled files and the manifest (relviz then runs as plain Python)."""
    MANIFEST.unlink(missing_ok=True)
    for path in _compiled_files():
        path.unlink()


def build() -> bool:
    """Compile :data:`MODULES` in place with mypyc, then write the manifest. False, having said
    why, when there is no C compiler."""
    compiler = os.environ.get("CC", "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    missing = (
        f"no C compiler ({compiler}); Debian/Ubuntu: sudo apt-get install gcc" if shutil.which(compiler) is None
        else f"no Python headers ({headers}); Debian/Ubuntu: sudo apt-get install python3-dev" if not headers.exists()
        else None
    )
    if missing:
        print(
            f"relviz: {missing}. The schema reader stays plain Python (about half as fast); "
            "`make setup` compiles it once that is installed.",
            file=sys.stderr,
        )
        return False
    from mypyc.build import mypycify
    from setuptools import setup

    clean()
    root = PACKAGE.parent
    os.chdir(root)
    paths = [str(_source(module).relative_to(root)) for module in MODULES]
    extensions = mypycify([*_MYPY_FLAGS, *paths], opt_level="3", group_name=GROUP)
    setup(
        name="relviz-core", ext_modules=extensions,
        script_args=["--quiet", "build_ext", "--inplace", "--build-temp", "build/mypyc"],
    )
    manifest = {
        "python": sys.implementation.cache_tag,
        "modules": {module: _digest(module) for module in MODULES},
        "docs": {module: _docstrings(module) for module in MODULES},
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n")
    return True

