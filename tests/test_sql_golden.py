"""create_sql gives exactly what `prisma migrate diff --from-empty --to-schema` prints, for every golden.

Goldens: tests/fixtures/{real,invalid,relations,sql}/NAME.postgresql.sql and NAME.sqlite.sql beside
NAME.prisma, written by Prisma 7.10 (with the datasource provider switched to the dialect).
"""

from pathlib import Path

import pytest

import relviz
from relviz.sql import create_sql

FIXTURES = Path(__file__).parent / "fixtures"
GOLDENS = sorted(
    path for folder in ("real", "invalid", "relations", "sql") for dialect in ("postgresql", "sqlite")
    for path in (FIXTURES / folder).glob(f"*.{dialect}.sql")
)


def _case(golden: Path) -> tuple[Path, str]:
    name, dialect, _ = golden.name.rsplit(".", 2)
    return golden.with_name(name + ".prisma"), dialect


@pytest.mark.parametrize("golden", GOLDENS, ids=[f"{p.parent.name}/{p.name}" for p in GOLDENS])
def test_sql_is_byte_identical_to_prismas(golden):
    schema_path, dialect = _case(golden)
    schema = relviz.load(schema_path)
    assert create_sql(schema, dialect) == golden.read_text(encoding="utf-8")


def test_there_are_goldens_for_both_dialects():
    dialects = {_case(g)[1] for g in GOLDENS}
    assert dialects == {"postgresql", "sqlite"} and len(GOLDENS) > 80
