"""`relviz render`: formats from the extension, --check for CI, clear errors."""

from pathlib import Path

import pytest

from relviz.cli import main

COURSE = str(Path(__file__).parent.parent / "data" / "course.prisma")


def test_render_writes_mermaid_from_the_extension(tmp_path):
    out = tmp_path / "erd.mmd"
    assert main(["render", COURSE, "-o", str(out)]) == 0
    assert out.read_text().startswith("erDiagram\n")


def test_check_passes_when_the_file_is_fresh_and_fails_with_the_command_to_run(tmp_path, capsys):
    out = tmp_path / "erd.md"
    assert main(["render", COURSE, "-o", str(out), "--detail", "keys"]) == 0
    assert main(["render", COURSE, "-o", str(out), "--detail", "keys", "--check"]) == 0
    assert main(["render", COURSE, "-o", str(out), "--check"]) == 1
    err = capsys.readouterr().err
    assert "is out of date" in err and f"relviz render {COURSE} -o {out}" in err


def test_check_of_a_missing_file_fails(tmp_path, capsys):
    assert main(["render", COURSE, "-o", str(tmp_path / "none.dot"), "--check"]) == 1
    assert "is missing" in capsys.readouterr().err


def test_check_writes_nothing(tmp_path):
    out = tmp_path / "erd.dot"
    out.write_text("old")
    main(["render", COURSE, "-o", str(out), "--check"])
    assert out.read_text() == "old"


def test_focus_options_reach_the_diagram(tmp_path):
    out = tmp_path / "erd.dot"
    assert main(["render", COURSE, "-o", str(out), "--focus", "Post", "--depth", "0"]) == 0
    assert '"User"' not in out.read_text() and '"Post"' in out.read_text()


def test_unknown_focus_is_a_one_line_error_with_close_matches(tmp_path, capsys):
    assert main(["render", COURSE, "-o", str(tmp_path / "x.svg"), "--focus", "Usr"]) == 2
    assert capsys.readouterr().err.strip() == "relviz: error: unknown model 'Usr' (did you mean 'User'?)"
    assert not (tmp_path / "x.svg").exists()


def test_unknown_extension_asks_for_a_format(tmp_path, capsys):
    assert main(["render", COURSE, "-o", str(tmp_path / "x.txt")]) == 2
    assert "give a format" in capsys.readouterr().err


def test_format_wins_over_the_extension(tmp_path):
    out = tmp_path / "erd.txt"
    assert main(["render", COURSE, "-o", str(out), "--format", "mermaid"]) == 0
    assert out.read_text().startswith("erDiagram")


def test_without_output_text_goes_to_standard_output(capsysbinary):
    assert main(["render", COURSE, "--format", "dot"]) == 0
    assert capsysbinary.readouterr().out.startswith(b'digraph "relviz"')


@pytest.mark.needs_dot
def test_render_svg_to_a_file(tmp_path):
    out = tmp_path / "erd.svg"
    assert main(["render", COURSE, "-o", str(out), "--theme", "dark", "--join-tables", "physical"]) == 0
    assert b"_AccountToUser" in out.read_bytes()


def test_an_invalid_schema_prints_prismas_errors_and_writes_nothing(tmp_path, capsys):
    broken = tmp_path / "broken.prisma"
    broken.write_text('datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n  b B\n}\n')
    with pytest.raises(SystemExit) as stop:
        main(["render", str(broken), "-o", str(tmp_path / "erd.svg")])
    assert stop.value.code == 1
    assert "error" in capsys.readouterr().err and not (tmp_path / "erd.svg").exists()
