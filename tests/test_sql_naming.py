"""Prisma's constraint, index and join-table names, and how they are cut to 63 characters."""

import pytest

from relviz.sql import naming

LONG_TABLE = "AVeryLongModelNameThatGoesOnAndOnForeverAndEverAndEver"
LONG_JOIN = "_AnExtremelyLongRelationNameWhichIsLongerThanSixtyThreeCharactersYes"

# (function, arguments, expected): the expected names are Prisma 7.10's own.
CASES = [
    (naming.primary_key_name, ("User",), "User_pkey"),
    (naming.unique_index_name, ("users", ["email"]), "users_email_key"),
    (naming.unique_index_name, ("accounts", ["provider", "provider_account_id"]), "accounts_provider_provider_account_id_key"),
    (naming.index_name, ("Post", ["category"]), "Post_category_idx"),
    (naming.foreign_key_name, ("Post", ["authorId"]), "Post_authorId_fkey"),
    (naming.index_name, (LONG_TABLE, ["someExtremelyLongForeignKeyColumnNameThatIsLong", "other"]),
     "AVeryLongModelNameThatGoesOnAndOnForeverAndEverAndEver_some_idx"),
    (naming.foreign_key_name, ("ModelVersionSponsorshipSettings", ["modelVersionMonetizationId"]),
     "ModelVersionSponsorshipSettings_modelVersionMonetizationId_fkey"),
    (naming.join_table_name, (LONG_JOIN[1:],), "_AnExtremelyLongRelationNameWhichIsLongerThanSixtyThreeCharacte"),
    (naming.join_primary_key_name, (LONG_JOIN[:63],), "_AnExtremelyLongRelationNameWhichIsLongerThanSixtyThree_AB_pkey"),
    (naming.join_index_name, (LONG_JOIN[:63],), "_AnExtremelyLongRelationNameWhichIsLongerThanSixtyThree_B_index"),
    (naming.join_foreign_key_name, (LONG_JOIN[:63], "A"), "_AnExtremelyLongRelationNameWhichIsLongerThanSixtyThreeC_A_fkey"),
    (naming.join_unique_name, ("_PostToTag",), "_PostToTag_AB_unique"),
    (naming.sequence_name, ("User", "id"), "User_id_seq"),
]


@pytest.mark.parametrize("function, args, expected", CASES, ids=[c[2][:40] for c in CASES])
def test_names_follow_prisma(function, args, expected):
    assert function(*args) == expected


def test_no_postgres_name_is_longer_than_63_characters():
    assert len(naming.unique_index_name("t" * 100, ["c" * 100])) == 63


def test_sqlite_names_are_not_cut():
    limit = naming.identifier_limit("sqlite")
    assert naming.unique_index_name("t" * 100, ["c"], limit=limit) == "t" * 100 + "_c_key"
