"""``Schema``: a whole Prisma schema, read from one or more files and resolved as Prisma does."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from relviz.errors import SchemaError, SourceFile, UsageError
from relviz.schema import relations as _relations
from relviz.schema import resolve as _resolve
from relviz.schema.model import _not_found
from relviz.syntax import parse_file

__all__ = ["Schema", "parse", "load"]

class Schema:
    """A resolved Prisma schema: models, enums, relations, and Prisma's diagnostics."""

    def __init__(self, files):
        self.files = tuple(files)
        self.datasource = None
        self.generators = ()
        self.models = ()
        self.views = ()
        self.enums = ()
        self.composite_types = ()
        self.relations = ()
        self.diagnostics = ()
        self._join_relations = {}

    # -- lookups --------------------------------------------------------------------------
    @property
    def provider(self) -> str | None:
        return self.datasource.provider if self.datasource is not None else None

    @property
    def relation_mode(self) -> str:
        return self.datasource.relation_mode if self.datasource is not None else "foreignKeys"

    @property
    def warnings(self):
        return tuple(d for d in self.diagnostics if d.is_warning)

    @property
    def errors(self):
        return tuple(d for d in self.diagnostics if not d.is_warning)

    @property
    def join_models(self):
        return tuple(m for m in self.models if m.name in self._join_relations)

    def model(self, name: str):
        """The model or view called ``name``."""
        for m in (*self.models, *self.views):
            if m.name == name:
                return m
        raise _not_found("model", name, [m.name for m in (*self.models, *self.views)])

    def enum(self, name: str):
        for e in self.enums:
            if e.name == name:
                return e
        raise _not_found("enum", name, [e.name for e in self.enums])

    def relation(self, key: str):
        """A relation by its name (``"PostToUser"``) or by a relation field (``"User.posts"``)."""
        for r in self.relations:
            if r.name == key:
                return r
        if "." in key:
            model_name, _, field_name = key.partition(".")
            field = self.model(model_name).field(field_name)
            if field.relation is not None:
                return field.relation
            raise KeyError(f"{key} is not a relation field")
        raise _not_found("relation", key, [r.name for r in self.relations])

    # -- other forms ----------------------------------------------------------------------
    def to_dmmf(self) -> dict:
        """The ``datamodel`` part of Prisma's DMMF, key for key."""
        from relviz.dmmf import to_dmmf

        return to_dmmf(self)

    def to_sql(self, dialect: str | None = None) -> str:
        """The SQL Prisma Migrate writes for an empty database: ``postgresql``, ``sqlite`` or ``duckdb``
        (by default the schema's own provider where relviz writes it, else ``postgresql``)."""
        from relviz.sql import create_sql

        return create_sql(self, dialect)

    def _repr_mimebundle_(self, include=None, exclude=None):
        from relviz.erd.display import mimebundle

        return mimebundle(self, include=include, exclude=exclude)

    def __repr__(self) -> str:
        names = ", ".join(m.name for m in self.models[:6]) + (", ..." if len(self.models) > 6 else "")
        return f"<Schema {len(self.models)} models ({names}), {len(self.relations)} relations>"


def _build(sources: list[SourceFile], validate: bool) -> Schema:
    # Building makes tens of thousands of small objects and frees none of them: the cyclic
    # garbage collector would only scan them again and again (a quarter of the time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_schema(sources, validate)
    finally:
        if enabled:
            gc.enable()


def _build_schema(sources: list[SourceFile], validate: bool) -> Schema:
    from relviz.schema.validate import validate_schema

    schema = Schema(sources)
    asts = []
    diagnostics = []
    for source in sources:
        ast = parse_file(source)
        diagnostics.extend(ast.diagnostics)
        asts.append(ast)
    ctx = _resolve.Context(schema, asts)
    ctx.diagnostics = diagnostics
    _resolve.resolve_names(ctx)
    _resolve.resolve_types(ctx)
    _resolve.resolve_attributes(ctx)
    _relations.infer_relations(ctx)
    validate_schema(ctx)
    schema.diagnostics = tuple(ctx.diagnostics)
    if validate and schema.errors:
        raise SchemaError(schema.diagnostics)
    return schema


def parse(text: str, filename: str = "schema.prisma", *, validate: bool = True) -> Schema:
    """Read a schema from text. Raises :class:`~relviz.SchemaError` with every error Prisma would report."""
    if not isinstance(text, str):
        raise UsageError(f"parse() takes the schema text as a str, not {type(text).__name__}; to read a file use relviz.load(path)")
    return _build([SourceFile(filename, text)], validate)


def _schema_files(paths) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.rglob("*.prisma"))
            if not found:
                raise UsageError(f"{p}: no .prisma files in this folder")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder; give a .prisma file, several, or a folder of them")
    if not files:
        raise UsageError("no schema files given")
    return files


def load(paths, *, validate: bool = True) -> Schema:
    """Read a schema from a file, a list of files (one multi-file schema), or a folder of ``.prisma`` files."""
    sources = []
    for path in _schema_files(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise UsageError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
        except OSError as e:
            raise UsageError(f"{path}: cannot be read ({e.strerror})") from None
        sources.append(SourceFile(str(path), text))
    return _build(sources, validate)
