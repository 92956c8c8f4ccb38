"""The conformance corpus in tests/fixtures is complete: every schema listed, with Prisma's answers."""

import csv

import pytest

ANSWER_SUFFIXES = (".validate.txt", ".dmmf.json", ".lint.json", ".postgresql.sql", ".sqlite.sql")


def manifest_names(folder):
    with open(folder / "MANIFEST.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return sorted(row["name"].removesuffix(".prisma") for row in rows)


@pytest.mark.parametrize("folder", ["real", "invalid"])
def test_manifest_lists_exactly_the_schemas_in_the_folder(fixtures_dir, folder):
    on_disk = sorted(p.stem for p in (fixtures_dir / folder).glob("*.prisma"))
    assert on_disk and manifest_names(fixtures_dir / folder) == on_disk


def verdict(schema):
    return schema.with_suffix(".validate.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["real", "invalid"])
def test_every_schema_has_prismas_verdict(fixtures_dir, folder):
    for schema in (fixtures_dir / folder).glob("*.prisma"):
        text = verdict(schema)
        assert text.strip() == "valid" or text.startswith("error: "), schema


def test_only_webstudio_among_the_real_schemas_is_rejected_by_prisma_7(real_schemas):
    rejected = [p.stem for p in real_schemas if verdict(p).strip() != "valid"]
    assert rejected == ["webstudio"]


@pytest.mark.parametrize("folder", ["real", "invalid"])
def test_every_schema_prisma_accepts_has_its_dmmf(fixtures_dir, folder):
    for schema in (fixtures_dir / folder).glob("*.prisma"):
        if verdict(schema).strip() == "valid":
            assert schema.with_suffix(".dmmf.json").is_file(), schema


@pytest.mark.parametrize("folder", ["real", "invalid"])
def test_every_answer_file_belongs_to_a_schema(fixtures_dir, folder):
    for answer in (fixtures_dir / folder).glob("*.*.*"):
        name = answer.name
        suffix = next((s for s in ANSWER_SUFFIXES if name.endswith(s)), None)
        assert suffix, f"unexpected file {answer}"
        assert (answer.parent / (name.removesuffix(suffix) + ".prisma")).is_file(), answer


def test_the_relation_rules_come_with_the_invalid_cases(fixtures_dir):
    assert (fixtures_dir / "invalid" / "RULES.md").read_text(encoding="utf-8").startswith("# Prisma relation")
