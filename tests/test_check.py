"""relviz checks schemas as Prisma 7.10 does: same errors, same order, same places, same warnings.

Every fixture schema that comes with Prisma's answers is checked: ``NAME.validate.txt`` is what
``prisma validate`` printed (or ``valid``), ``NAME.lint.json`` the errors and warnings with their
offsets. Prisma was asked about the schema without its ``url``/``directUrl``/``shadowDatabaseUrl``
lines (Prisma 7 rejects them), so the same lines are dropped here before relviz reads it.
"""

import json
import re

import pytest

import relviz
from relviz.cli import main
from relviz.errors import SchemaError

from conftest import FIXTURES_DIR

FOLDERS = ("invalid", "relations", "validation", "real")
# The oracle's cleaning, as written in JavaScript: /^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$/gm
CONNECTION_LINE = re.compile(r"^\s*(url|directUrl|shadowDatabaseUrl)\s*=[^\n\r\u2028\u2029]*$", re.M)


def _cases():
    for folder in FOLDERS:
        for path in sorted((FIXTURES_DIR / folder).glob("*.prisma")):
            if path.with_suffix(".validate.txt").is_file():
                yield pytest.param(path, id=f"{folder}/{path.stem}")


CASES = list(_cases())
INVALID_CASES = [c for c in CASES if c.values[0].with_suffix(".validate.txt").read_text(encoding="utf-8").strip() != "valid"]


def prisma_text(path) -> str:
    """The schema as Prisma was given it."""
    return CONNECTION_LINE.sub("", path.read_text(encoding="utf-8"))


def check(path):
    """relviz's verdict (``prisma validate``'s text) and its diagnostics as Prisma's lint reports them."""
    try:
        schema = relviz.parse(prisma_text(path), filename=path.name)
    except SchemaError as e:
        return str(e) + "\n", [d.to_lint() for d in e.diagnostics]
    return "valid\n", [d.to_lint() for d in schema.diagnostics]


def prismas_lint(path) -> list:
    lint = path.with_suffix(".lint.json")
    return json.loads(lint.read_text(encoding="utf-8")) if lint.is_file() else []


@pytest.mark.parametrize("path", CASES)
def test_check_prints_prismas_verdict(path):
    verdict, _ = check(path)
    assert verdict == path.with_suffix(".validate.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES)
def test_errors_point_where_prismas_do(path):
    _, lint = check(path)
    expected = [d for d in prismas_lint(path) if not d["is_warning"]]
    if expected or not path.with_suffix(".lint.json").is_file():
        assert [d for d in lint if not d["is_warning"]] == expected


@pytest.mark.parametrize("path", CASES)
def test_warnings_are_prismas(path):
    _, lint = check(path)
    assert [d for d in lint if d["is_warning"]] == [d for d in prismas_lint(path) if d["is_warning"]]


@pytest.mark.parametrize("path", INVALID_CASES[::7])
def test_relviz_check_command_prints_prismas_errors(path, tmp_path, monkeypatch, capsys):
    (tmp_path / path.name).write_text(prisma_text(path), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["check", path.name])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == path.with_suffix(".validate.txt").read_text(encoding="utf-8")


def test_connection_strings_are_accepted_silently():
    schema = relviz.parse(
        'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n  directUrl = "postgres://x"\n}\n'
        "model A {\n  id Int @id\n}\n"
    )
    assert schema.diagnostics == ()


def test_lint_offsets_count_utf16_code_units_as_prismas_lint_does():
    # Prisma's lint counts positions as JavaScript does: 😀 is two units, é one.
    text = "model A {\n  // 😀😀 é\n  id Int @foo\n}\n"
    (diagnostic,) = [d.to_lint() for d in check_text(text)]
    assert (diagnostic["start"], diagnostic["end"]) == (31, 35)


def check_text(text):
    try:
        return relviz.parse(text).diagnostics
    except SchemaError as e:
        return e.diagnostics


# Multi-file schemas: a folder of files in ``validation/multi_file/``, Prisma's answer beside it
# (``NAME.validate.txt``, the files given to Prisma in name order).
MULTI_FILE_CASES = sorted(p for p in (FIXTURES_DIR / "validation" / "multi_file").iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", MULTI_FILE_CASES, ids=lambda p: p.name)
def test_a_multi_file_schema_gets_prismas_verdict(folder, monkeypatch):
    monkeypatch.chdir(folder)  # so that files are named as Prisma names them
    try:
        relviz.load(sorted(p.name for p in folder.glob("*.prisma")))
        verdict = "valid\n"
    except SchemaError as e:
        verdict = str(e) + "\n"
    assert verdict == folder.with_suffix(".validate.txt").read_text(encoding="utf-8")
