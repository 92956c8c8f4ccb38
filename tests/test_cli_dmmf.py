"""``relviz dmmf`` prints Prisma's DMMF datamodel, byte for byte."""

from pathlib import Path

import pytest

from relviz.cli import main

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


@pytest.mark.parametrize("name", ["indie-stack", "calcom", "epic-stack"])
def test_dmmf_command_prints_prismas_datamodel(name, capsys):
    assert main(["dmmf", str(REAL / f"{name}.prisma")]) == 0
    assert capsys.readouterr().out == (REAL / f"{name}.dmmf.json").read_text()


def test_dmmf_command_on_an_invalid_schema_prints_prismas_errors_and_exits_1(tmp_path, capsys):
    path = tmp_path / "bad.prisma"
    path.write_text("model A {\n  id Int @id\n  b B\n}\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["dmmf", str(path)])
    assert exit_info.value.code == 1
    assert 'Type "B" is neither a built-in type' in capsys.readouterr().err


def test_a_missing_schema_file_is_one_clear_line_and_exit_2(tmp_path, capsys):
    assert main(["dmmf", str(tmp_path / "nope.prisma")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("relviz: error:") and "no such file" in err and "Traceback" not in err
