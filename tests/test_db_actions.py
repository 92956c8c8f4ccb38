"""Referential actions on data/actions.prisma: what Prisma Client does when a row others point at goes or changes.

The expected outcomes are those of data/README.md (checked with Prisma Client 7.10) and, for the
error wording, Prisma's P2014 with relationMode = "prisma".
"""

import pytest

import relviz
from relviz.db import RelationViolationError, delete, load_sample, update


@pytest.fixture
def shop():
    return load_sample("actions")


def rows(con, sql):
    return con.execute(sql).fetchall()


def count(con, table, where="TRUE"):
    return con.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]


def test_cascade_deletes_an_authors_books(shop):
    schema, con = shop
    effects = delete(con, schema, "Author", where={"id": 6})
    assert [str(e) for e in effects] == ["Book: 2 rows deleted (Book.author onDelete: Cascade)", "Author: 1 row deleted"]
    assert count(con, "Book", "id IN (13, 14)") == 0


def test_a_cascade_that_reaches_a_no_action_relation_changes_nothing(shop):
    schema, con = shop
    before = count(con, "Book")
    with pytest.raises(RelationViolationError) as caught:
        delete(con, schema, "Author", where={"id": 2})
    assert caught.value.code == "P2014"
    assert caught.value.prisma_message == (
        "The change you are trying to make would violate the required relation 'BookToOrderItem' "
        "between the `OrderItem` and `Book` models."
    )
    assert count(con, "Book") == before and count(con, "Author", "id = 2") == 1


def test_set_null_leaves_a_categorys_books_uncategorised(shop):
    schema, con = shop
    delete(con, schema, "Category", where={"id": 3})
    assert rows(con, 'SELECT id FROM "Book" WHERE id IN (5, 7) AND "categoryId" IS NULL ORDER BY id') == [(5,), (7,)]


def test_restrict_keeps_a_customer_with_orders(shop):
    schema, con = shop
    with pytest.raises(RelationViolationError, match="required relation 'CustomerToOrder' between the `Order` and `Customer` models"):
        delete(con, schema, "Customer", where={"id": 1})
    assert count(con, "Customer", "id = 1") == 1


def test_the_error_says_what_to_do(shop):
    schema, con = shop
    with pytest.raises(RelationViolationError) as caught:
        delete(con, schema, "Customer", where={"id": 1})
    assert str(caught.value).splitlines()[1] == (
        "Order.customer has onDelete: Restrict and 2 Order rows point at Customer(id=1): "
        "delete them or point them elsewhere first."
    )


def test_a_customer_without_orders_or_reviews_is_deleted(shop):
    schema, con = shop
    delete(con, schema, "Customer", where={"id": 6})
    assert count(con, "Customer", "id = 6") == 0


def test_set_default_moves_a_closed_stores_orders_to_store_1(shop):
    schema, con = shop
    delete(con, schema, "Store", where={"id": 3})
    assert rows(con, 'SELECT id, "storeId" FROM "Order" WHERE id IN (2, 6) ORDER BY id') == [(2, 1), (6, 1)]


def test_set_default_fails_when_the_default_row_is_the_one_deleted(shop):
    schema, con = shop
    with pytest.raises(RelationViolationError) as caught:
        delete(con, schema, "Store", where={"id": 1})
    assert caught.value.code == "P2003"
    assert caught.value.prisma_message == "Foreign key constraint violated on the constraint: `Order_storeId_fkey`"
    assert count(con, "Store") == 3


def test_cascade_deletes_an_orders_items(shop):
    schema, con = shop
    items = count(con, "OrderItem", '"orderId" = 8')
    effects = delete(con, schema, "Order", where={"id": 8})
    assert items == 2 and effects[0].model == "OrderItem" and effects[0].rows == 2
    assert count(con, "OrderItem", '"orderId" = 8') == 0


def test_no_action_keeps_a_book_that_was_ordered(shop):
    schema, con = shop
    with pytest.raises(RelationViolationError, match="'BookToOrderItem'"):
        delete(con, schema, "Book", where={"id": 9})


def test_on_update_cascade_follows_an_authors_new_id(shop):
    schema, con = shop
    update(con, schema, "Author", where={"id": 3}, data={"id": 33})
    assert rows(con, 'SELECT id FROM "Book" WHERE "authorId" = 33 ORDER BY id') == [(7,), (8,)]
    assert count(con, "Author", "id = 3") == 0


def test_on_update_no_action_keeps_an_ordered_books_id(shop):
    schema, con = shop
    with pytest.raises(RelationViolationError, match="onUpdate: NoAction"):
        update(con, schema, "Book", where={"id": 1}, data={"id": 100})
    assert count(con, "Book", "id = 1") == 1


def test_the_default_on_update_is_cascade(shop):
    schema, con = shop
    reviews = count(con, "Review", '"customerId" = 1')
    update(con, schema, "Customer", where={"id": 1}, data={"id": 10})
    assert count(con, "Order", '"customerId" = 10') == 2
    assert count(con, "Review", '"customerId" = 10') == reviews > 0


def test_an_update_that_touches_no_key_changes_no_other_table(shop):
    schema, con = shop
    effects = update(con, schema, "Author", where={"id": 1}, data={"name": "C. N. Adichie"})
    assert [str(e) for e in effects] == ["Author: 1 row updated"]


def test_the_default_on_delete_of_an_optional_relation_is_set_null(shop):
    schema, con = shop
    reviewed = count(con, "Review", '"customerId" = 5')
    delete(con, schema, "Order", where={"customerId": 5})
    delete(con, schema, "Customer", where={"id": 5})
    assert reviewed and count(con, "Review", '"customerId" IS NULL') >= reviewed


def test_implicit_many_to_many_rows_go_with_either_side():
    schema, con = load_sample("course")
    links = count(con, "_AccountToUser", '"A" = 2')
    effects = delete(con, schema, "Account", where={"id": 2})
    assert str(effects[0]) == f"_AccountToUser: {links} rows unlinked (implicit many-to-many AccountToUser)"
    assert count(con, "_AccountToUser", '"A" = 2') == 0


def test_deleting_a_user_cascades_to_profile_and_sessions_and_unlinks_accounts():
    schema, con = load_sample("course")
    user = con.execute('SELECT "U".id FROM "User" "U" WHERE NOT EXISTS (SELECT 1 FROM "Post" WHERE "authorId" = "U".id) '
                       'AND EXISTS (SELECT 1 FROM "_AccountToUser" WHERE "B" = "U".id) ORDER BY 1 LIMIT 1').fetchone()[0]
    delete(con, schema, "User", where={"id": user})
    for table, column in (("Profile", "userId"), ("Session", "userId"), ("_AccountToUser", "B")):
        assert count(con, table, f'"{column}" = {user}') == 0


def test_deleting_a_manager_leaves_their_reports_without_one():
    schema, con = load_sample("social")
    with pytest.raises(RelationViolationError, match="'WrittenPosts'"):
        delete(con, schema, "User", where={"id": 13})  # user 13 wrote post 13
    delete(con, schema, "Post", where={"authorId": 13})
    effects = delete(con, schema, "User", where={"id": 13})
    assert "User: 1 row set null (User.manager onDelete: SetNull)" in [str(e) for e in effects]
    assert "Post: 1 row set null (Post.editor onDelete: SetNull)" in [str(e) for e in effects]
    assert rows(con, 'SELECT "managerId" FROM "User" WHERE id = 16') == [(None,)]
    assert count(con, "_Follows", '"A" = 13 OR "B" = 13') == 0


def test_apply_delete_runs_inside_the_callers_transaction(shop):
    from relviz.db import apply_delete

    schema, con = shop
    con.execute("BEGIN TRANSACTION")
    apply_delete(con, schema, "Author", [(6,)])
    con.execute("ROLLBACK")
    assert count(con, "Book", '"authorId" = 6') == 2


TREE = """
datasource db {
  provider = "postgresql"
}

model Folder {
  id       Int      @id
  name     String   @unique
  parentId Int?
  parent   Folder?  @relation("Tree", fields: [parentId], references: [id], onDelete: Cascade)
  children Folder[] @relation("Tree")
  files    File[]
}

model File {
  id         Int     @id
  folderName String?
  folder     Folder? @relation(fields: [folderName], references: [name], onUpdate: SetNull)
}
"""


@pytest.fixture
def tree():
    import relviz
    from relviz.db import connect

    schema = relviz.parse(TREE)
    con = connect(schema)
    con.execute("""INSERT INTO "Folder" VALUES (1, 'root', NULL), (2, 'docs', 1), (3, 'drafts', 2), (4, 'music', 1), (5, 'other', NULL)""")
    con.execute("""INSERT INTO "File" VALUES (1, 'drafts'), (2, 'music'), (3, 'other')""")
    return schema, con


def test_a_cascading_self_relation_deletes_the_whole_subtree(tree):
    schema, con = tree
    delete(con, schema, "Folder", where={"id": 1})
    assert rows(con, 'SELECT id FROM "Folder" ORDER BY id') == [(5,)]
    # the files of deleted folders lose their folder: the optional relation's default onDelete is SetNull
    assert rows(con, 'SELECT id, "folderName" FROM "File" ORDER BY id') == [(1, None), (2, None), (3, "other")]


def test_on_update_set_null_when_a_referenced_unique_field_changes(tree):
    schema, con = tree
    effects = update(con, schema, "Folder", where={"id": 4}, data={"name": "songs"})
    assert "File: 1 row set null (File.folder onUpdate: SetNull)" in [str(e) for e in effects]
    assert rows(con, 'SELECT "folderName" FROM "File" WHERE id = 2') == [(None,)]


def test_an_unknown_field_or_model_is_a_usage_error(tree):
    import relviz

    schema, con = tree
    with pytest.raises(relviz.UsageError, match="no field in model Folder named 'title'"):
        delete(con, schema, "Folder", where={"title": "x"})
    with pytest.raises(relviz.UsageError, match="no model named 'Folders'"):
        delete(con, schema, "Folders", where={"id": 1})
    with pytest.raises(relviz.UsageError, match="Folder.parent is a relation field; give its scalar fields \\(parentId\\)"):
        update(con, schema, "Folder", where={"id": 2}, data={"parent": 5})


COMPOSITE = """
datasource db {
  provider = "postgresql"
}

model Course {
  code  String
  year  Int
  title String
  lessons Lesson[]

  @@id([code, year])
}

model Lesson {
  slug       String @unique
  courseCode String
  courseYear Int
  course     Course @relation(fields: [courseCode, courseYear], references: [code, year], onDelete: Cascade, onUpdate: Cascade)
}
"""


@pytest.fixture
def courses():
    import relviz
    from relviz.db import connect

    schema = relviz.parse(COMPOSITE)
    con = connect(schema)
    con.execute("""INSERT INTO "Course" VALUES ('db', 2024, 'Databases'), ('db', 2025, 'Databases'), ('web', 2025, 'Web')""")
    con.execute("""INSERT INTO "Lesson" VALUES ('keys', 'db', 2024), ('joins', 'db', 2025), ('html', 'web', 2025)""")
    return schema, con


def test_a_composite_foreign_key_cascades_on_delete(courses):
    schema, con = courses
    delete(con, schema, "Course", where={"code": "db", "year": 2025})
    assert rows(con, 'SELECT slug FROM "Lesson" ORDER BY slug') == [("html",), ("keys",)]


def test_a_composite_foreign_key_follows_an_update_of_part_of_the_key(courses):
    schema, con = courses
    update(con, schema, "Course", where={"code": "db", "year": 2024}, data={"year": 2023})
    assert rows(con, """SELECT "courseCode", "courseYear" FROM "Lesson" WHERE slug = 'keys'""") == [("db", 2023)]
    assert rows(con, """SELECT "courseYear" FROM "Lesson" WHERE slug = 'joins'""") == [(2025,)]


def test_rows_of_a_model_without_id_are_told_apart_by_their_unique_field(courses):
    schema, con = courses
    effects = delete(con, schema, "Lesson", where={"courseCode": "web"})
    assert [str(e) for e in effects] == ["Lesson: 1 row deleted"]


def test_an_update_of_several_referenced_rows_moves_each_ones_children(courses):
    schema, con = courses
    update(con, schema, "Course", where={"code": "db"}, data={"code": "data"})
    assert rows(con, 'SELECT slug, "courseCode", "courseYear" FROM "Lesson" ORDER BY slug') == [
        ("html", "web", 2025), ("joins", "data", 2025), ("keys", "data", 2024),
    ]


def test_set_null_on_a_required_foreign_key_is_refused_as_prismas_p2011_and_nothing_changes():
    schema = relviz.parse(
        'datasource db {\n  provider = "postgresql"\n}\n'
        "model A {\n  id Int @id\n  bs B[]\n}\n"
        "model B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id], onDelete: SetNull)\n}\n"
    )
    con = relviz.connect(schema)
    con.execute('INSERT INTO "A" VALUES (1)')
    con.execute('INSERT INTO "B" VALUES (1, 1)')
    with pytest.raises(relviz.RelvizError) as refused:
        delete(con, schema, "A", {"id": 1})
    assert refused.value.code == "P2011"
    assert con.sql('SELECT * FROM "B"').fetchall() == [(1, 1)]
