"""relviz.dmmf: Prisma's DMMF datamodel, compared byte for byte with Prisma's own answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import relviz
from relviz.dmmf import dumps, js_number, to_dmmf

FIXTURES = Path(__file__).parent / "fixtures"


def _golden_param(path: Path):
    return pytest.param(path, id=f"{path.parent.name}/{path.name[: -len('.dmmf.json')]}")


GOLDENS = [
    _golden_param(p)
    for p in sorted(p for folder in ("real", "invalid", "relations", "dmmf") for p in (FIXTURES / folder).glob("*.dmmf.json"))
]


def _schema_for(golden: Path):
    stem = golden.name[: -len(".dmmf.json")]
    folder = golden.with_name(stem)
    return relviz.load(folder if folder.is_dir() else golden.with_name(stem + ".prisma"))


def _first_difference(got, expected, path="datamodel"):
    """Where two JSON values first differ (key order included), as a readable line."""
    if isinstance(expected, dict) and isinstance(got, dict):
        if list(got) != list(expected):
            return f"{path}: keys {list(got)} != Prisma's {list(expected)}"
        for key in expected:
            found = _first_difference(got[key], expected[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(got, list):
        for i, (g, e) in enumerate(zip(got, expected)):
            name = e.get("name", e.get("model")) if isinstance(e, dict) else None
            found = _first_difference(g, e, f"{path}[{i}]" + (f"({name})" if name else ""))
            if found:
                return found
        return None if len(got) == len(expected) else f"{path}: {len(got)} items != Prisma's {len(expected)}"
    return None if got == expected and type(got) is type(expected) else f"{path}: {got!r} != Prisma's {expected!r}"


@pytest.mark.parametrize("golden", GOLDENS)
def test_dmmf_equals_prismas_answer(golden):
    expected_text = golden.read_text(encoding="utf-8")
    got = to_dmmf(_schema_for(golden))
    difference = _first_difference(got, json.loads(expected_text))
    assert difference is None, difference
    assert dumps(got) + "\n" == expected_text


@pytest.mark.parametrize("golden", GOLDENS)
def test_dmmf_prints_the_same_with_json_dumps(golden):
    expected_text = golden.read_text(encoding="utf-8")
    if json.dumps(json.loads(expected_text), indent=2, ensure_ascii=False) + "\n" != expected_text:
        pytest.skip("Prisma prints a number here that Python's json module writes differently (e.g. 1e-7)")
    got = to_dmmf(_schema_for(golden))
    assert json.dumps(got, indent=2, ensure_ascii=False) + "\n" == expected_text


def test_there_are_goldens_for_every_real_schema_prisma_accepts():
    assert len(list((FIXTURES / "real").glob("*.dmmf.json"))) >= 35


@pytest.mark.parametrize(
    "number, text",
    [
        (1, "1"), (1.5, "1.5"), (-2.5, "-2.5"), (0.1, "0.1"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
        (1e-7, "1e-7"), (1.234e-7, "1.234e-7"), (0.00001, "0.00001"), (0.000001, "0.000001"), (1.5e16, "15000000000000000"),
        (123.456, "123.456"), (5e-324, "5e-324"), (-0.0, "0"),
    ],
)
def test_numbers_print_as_javascript_prints_them(number, text):
    assert js_number(number) == text


def test_dumps_writes_json_stringify_layout():
    data = {"a": [], "b": {}, "c": [1, {"d": "é\n"}], "e": None, "f": True}
    assert dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)


def _dmmf_of(body: str, provider: str = "postgresql") -> dict:
    return to_dmmf(relviz.parse(f'datasource db {{\n  provider = "{provider}"\n}}\n\n{body}'))


def test_cuid_and_uuid_without_arguments_get_their_default_version():
    dmmf = _dmmf_of('model A {\n  id String @id @default(cuid())\n  u String @default(uuid())\n}\n')
    defaults = [f["default"] for f in dmmf["models"][0]["fields"]]
    assert defaults == [{"name": "cuid", "args": [1]}, {"name": "uuid", "args": [4]}]


def test_referential_actions_appear_only_when_written():
    dmmf = _dmmf_of(
        "model User {\n  id Int @id\n  posts Post[]\n}\n\n"
        "model Post {\n  id Int @id\n  authorId Int\n"
        "  author User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n}\n"
    )
    author = dmmf["models"][1]["fields"][2]
    assert author["relationOnDelete"] == "Cascade"
    assert "relationOnUpdate" not in author
    assert dmmf["models"][1]["fields"][1]["isReadOnly"] is True


def test_indexes_list_primary_key_then_field_uniques_then_index_unique_fulltext_groups():
    dmmf = _dmmf_of(
        'generator client {\n  provider = "prisma-client-js"\n}\n\n'
        "model A {\n  a Int\n  b Int @unique\n  c String\n"
        "  @@unique([a, c])\n  @@fulltext([c])\n  @@index([c, a])\n  @@id([a, b])\n}\n",
        provider="mysql",
    )
    kinds = [(i["type"], [f["name"] for f in i["fields"]]) for i in dmmf["indexes"]]
    assert kinds == [("id", ["a", "b"]), ("unique", ["b"]), ("normal", ["c", "a"]), ("unique", ["a", "c"]), ("fulltext", ["c"])]


def test_one_field_compound_id_and_unique_mark_the_field():
    dmmf = _dmmf_of("model A {\n  x Int\n  y Int\n  @@id([x])\n  @@unique([y])\n}\n", provider="sqlite")
    x, y = dmmf["models"][0]["fields"]
    assert (x["isId"], x["isUnique"], y["isId"], y["isUnique"]) == (True, False, False, True)
    assert dmmf["models"][0]["primaryKey"] == {"name": None, "fields": ["x"]}


def test_ignored_models_and_fields_and_unsupported_fields_are_left_out():
    dmmf = _dmmf_of(
        'model A {\n  id Int @id\n  gone Int @ignore\n  shape Unsupported("circle")?\n}\n\n'
        "model B {\n  id Int @id\n  @@ignore\n}\n"
    )
    assert [m["name"] for m in dmmf["models"]] == ["A"]
    assert [f["name"] for f in dmmf["models"][0]["fields"]] == ["id"]


def test_bigint_defaults_are_strings_and_datetimes_are_rfc3339():
    dmmf = _dmmf_of(
        'model A {\n  id BigInt @id @default(5)\n  at DateTime @default("2020-01-01T00:00:00.5Z")\n}\n'
    )
    assert [f["default"] for f in dmmf["models"][0]["fields"]] == ["5", "2020-01-01T00:00:00.500+00:00"]
