"""The public API is small and pinned: a change to it is a decision, not an accident."""

import subprocess
import sys

import relviz

PUBLIC = {
    "Client", "Diagnostic", "Enum", "Field", "Model", "Relation", "RelvizError", "Schema", "SchemaError",
    "UsageError", "connect", "diagram", "explore", "join", "load", "load_sample", "parse", "playground",
    "sample_data",
}


def test_the_public_names_are_exactly_these():
    assert set(relviz.__all__) == PUBLIC


def test_every_public_name_is_documented():
    for name in relviz.__all__:
        assert getattr(relviz, name).__doc__, name


def test_the_extension_hook_is_there_for_load_ext():
    assert callable(relviz.load_ipython_extension)


def test_importing_relviz_loads_no_heavy_library():
    code = (
        "import sys, relviz; heavy = ['duckdb', 'pandas', 'graphviz', 'ipywidgets', 'IPython'];"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_parse_reads_text_and_load_reads_files(tmp_path):
    text = "model A {\n  id Int @id\n}\n"
    (tmp_path / "a.prisma").write_text(text)
    assert [m.name for m in relviz.parse(text).models] == ["A"]
    assert [m.name for m in relviz.load(tmp_path / "a.prisma").models] == ["A"]


def test_load_reads_a_folder_as_one_multi_file_schema(tmp_path):
    (tmp_path / "user.prisma").write_text("model User {\n  id Int @id\n  posts Post[]\n}\n")
    (tmp_path / "post.prisma").write_text(
        "model Post {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n"
    )
    schema = relviz.load(tmp_path)
    assert schema.relation("Post.user").kind == "one-to-many"
    assert {str(f.name).rsplit("/", 1)[-1] for f in schema.files} == {"post.prisma", "user.prisma"}


def test_a_missing_file_is_a_usage_error_not_a_traceback(tmp_path):
    try:
        relviz.load(tmp_path / "nope.prisma")
    except relviz.UsageError as e:
        assert "no such file" in str(e)
    else:
        raise AssertionError("expected UsageError")
