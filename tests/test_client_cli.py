"""``relviz query SCHEMA OPS.json`` prints results as the Prisma oracle's ``query`` does."""

import json

from relviz.cli import main

SCHEMA = """
datasource db {
  provider = "postgresql"
}

model Item {
  id    Int      @id @default(autoincrement())
  name  String   @unique
  price Decimal
  big   BigInt
  at    DateTime
  raw   Bytes?
  ratio Float    @default(1)
}
"""


def _run(tmp_path, ops, capsys):
    (tmp_path / "s.prisma").write_text(SCHEMA)
    (tmp_path / "ops.json").write_text(json.dumps(ops))
    code = main(["query", str(tmp_path / "s.prisma"), str(tmp_path / "ops.json")])
    return code, capsys.readouterr()


def test_values_print_as_json_strings_like_prisma(tmp_path, capsys):
    ops = [{"note": "ignored", "model": "item", "action": "create",
            "args": {"data": {"name": "a", "price": "4.50", "big": "9007199254740993", "at": "2024-01-01T00:00:00Z",
                              "raw": "aGVsbG8="}}}]
    code, out = _run(tmp_path, ops, capsys)
    assert code == 0
    assert json.loads(out.out) == [{"id": 1, "name": "a", "price": "4.5", "big": "9007199254740993",
                                    "at": "2024-01-01T00:00:00.000Z", "raw": "aGVsbG8=", "ratio": 1}]
    assert out.out.startswith("[\n  {\n    \"id\": 1,")


def test_a_failed_operation_is_reported_and_the_run_goes_on(tmp_path, capsys):
    data = {"name": "a", "price": 1, "big": 1, "at": "2024-01-01T00:00:00Z"}
    ops = [{"model": "item", "action": "create", "args": {"data": data}},
           {"model": "item", "action": "create", "args": {"data": data}},
           {"model": "item", "action": "count"}]
    code, out = _run(tmp_path, ops, capsys)
    results = json.loads(out.out)
    assert code == 0 and results[1]["code"] == "P2002" and "Unique constraint failed" in results[1]["error"]
    assert results[2] == 1


def test_an_unreadable_operations_file_is_a_one_line_error(tmp_path, capsys):
    (tmp_path / "s.prisma").write_text(SCHEMA)
    (tmp_path / "ops.json").write_text("{not json")
    assert main(["query", str(tmp_path / "s.prisma"), str(tmp_path / "ops.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("relviz: error:") and "not valid JSON" in err and "Traceback" not in err
