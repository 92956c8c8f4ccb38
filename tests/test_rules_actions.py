"""Referential actions and relationMode, as Prisma checks them per database.

Each message is Prisma 7.10's own, word for word (asked of its validator).
"""

from schema_messages import errors_of, warnings_of

PG = 'datasource db {\n  provider = "postgresql"\n}\n'
SQLS = 'datasource db {\n  provider = "sqlserver"\n}\n'
MY = 'datasource db {\n  provider = "mysql"\n}\n'
MONGO = 'datasource db {\n  provider = "mongodb"\n}\n'
PRISMA_MODE = 'datasource db {\n  provider = "postgresql"\n  relationMode = "prisma"\n}\n'
USER_POSTS = """
model User {
  id    Int    @id
  posts Post[]
}
"""


def test_unknown_referential_action_is_rejected():
    schema = PG + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id], onDelete: Explode)
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": Invalid referential action: `Explode`"
    ]
    assert warnings_of(schema) == []


def test_restrict_is_not_supported_on_sql_server():
    schema = SQLS + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id], onDelete: Restrict)
}
"""
    assert errors_of(schema) == [
        "Error validating: Invalid referential action: `Restrict`. Allowed values: (`Cascade`, `NoAction`, `SetNull`, `SetDefault`)"
    ]
    assert warnings_of(schema) == []


def test_no_action_is_not_emulated_on_postgres_in_prisma_mode():
    schema = PRISMA_MODE + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id], onDelete: NoAction)

  @@index([userId])
}
"""
    assert errors_of(schema) == [
        "Error validating: Invalid referential action: `NoAction`. Allowed values: (`Cascade`, `Restrict`, `SetNull`). `NoAction` is not implemented for Postgres when using `relationMode = \"prisma\"`, you could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode"
    ]
    assert warnings_of(schema) == []


def test_set_null_on_required_foreign_key_is_rejected_without_datasource():
    schema = """
model User {
  id    Int    @id
  posts Post[]
}

model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id], onDelete: SetNull)
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The `onDelete` referential action of a relation must not be set to `SetNull` when a referenced field is required.\nEither choose another referential action, or make the referenced fields optional.\n"
    ]
    assert warnings_of(schema) == []


def test_set_null_on_required_foreign_key_only_warns_on_postgres():
    schema = PG + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id], onDelete: SetNull)
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == [
        "The `onDelete` referential action of a relation should not be set to `SetNull` when a referenced field is required. We recommend either to choose another referential action, or to make the referenced fields optional. Read more at https://pris.ly/d/postgres-set-null "
    ]


def test_set_default_warns_on_mysql():
    schema = MY + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int  @default(1)
  user   User @relation(fields: [userId], references: [id], onDelete: SetDefault)
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == [
        "MySQL does not actually support the `SetDefault` referential action, so using it may result in unexpected errors. Read more at https://pris.ly/d/mysql-set-default "
    ]


def test_actions_on_the_list_side_are_rejected():
    schema = PG + """
model User {
  id    Int    @id
  posts Post[] @relation(onDelete: Cascade)
}
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The relation field `posts` on Model `User` must not specify the `onDelete` or `onUpdate` argument in the @relation attribute. You must only specify it on the opposite field `user` on model `Post`, or in case of a many to many relation, in an explicit join table."
    ]
    assert warnings_of(schema) == []


def test_cascading_self_relation_is_rejected_on_sql_server():
    schema = SQLS + """
model User {
  id       Int    @id
  parentId Int?
  parent   User?  @relation("tree", fields: [parentId], references: [id], onDelete: Cascade)
  children User[] @relation("tree")
}
"""
    assert errors_of(schema) == [
        "Error validating: A self-relation must have `onDelete` and `onUpdate` referential actions set to `NoAction` in one of the @relation attributes. (Implicit default `onUpdate`: `Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions"
    ]
    assert warnings_of(schema) == []


def test_cascading_cycle_is_rejected_on_sql_server():
    schema = SQLS + """
model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId], references: [id], onDelete: Cascade)
  bs  B[] @relation("back")
}
model B {
  id  Int @id
  aId Int
  a   A   @relation("back", fields: [aId], references: [id], onDelete: Cascade)
  as  A[]
}
"""
    assert errors_of(schema) == [
        "Error validating: Reference causes a cycle. One of the @relation attributes in this cycle must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: A.b → B.a. (Implicit default `onUpdate`: `Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions",
        "Error validating: Reference causes a cycle. One of the @relation attributes in this cycle must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: B.a → A.b. (Implicit default `onUpdate`: `Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions"
    ]
    assert warnings_of(schema) == []


def test_multiple_cascade_paths_are_rejected_on_sql_server():
    schema = SQLS + """
model User {
  id       Int       @id
  posts    Post[]
  comments Comment[]
}
model Post {
  id       Int       @id
  userId   Int
  user     User      @relation(fields: [userId], references: [id], onDelete: Cascade)
  comments Comment[]
}
model Comment {
  id     Int  @id
  userId Int
  postId Int
  user   User @relation(fields: [userId], references: [id], onDelete: Cascade)
  post   Post @relation(fields: [postId], references: [id], onDelete: Cascade)
}
"""
    assert errors_of(schema) == [
        "Error validating: When any of the records in model `User` is updated or deleted, the referential actions on the relations cascade to model `Comment` through multiple paths. Please break one of these paths by setting the `onUpdate` and `onDelete` to `NoAction`. (Implicit default `onUpdate`: `Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions",
        "Error validating: When any of the records in model `User` is updated or deleted, the referential actions on the relations cascade to model `Comment` through multiple paths. Please break one of these paths by setting the `onUpdate` and `onDelete` to `NoAction`. (Implicit default `onUpdate`: `Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions"
    ]
    assert warnings_of(schema) == []


def test_prisma_mode_warns_about_a_foreign_key_without_index():
    schema = PRISMA_MODE + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == [
        "With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not benefit from the index usually created by the relational database under the hood. This can lead to poor performance when querying these fields. We recommend adding an index manually. Learn more at https://pris.ly/d/relation-mode-prisma-indexes\" "
    ]


def test_prisma_mode_with_an_index_on_the_foreign_key_is_quiet():
    schema = PRISMA_MODE + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])

  @@index([userId])
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == []


def test_referential_integrity_is_deprecated():
    schema = """datasource db {
  provider = "mysql"
  referentialIntegrity = "prisma"
}

model User {
  id    Int    @id
  posts Post[]
}

model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])

  @@index([userId])
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == [
        "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. Learn more at https://pris.ly/d/relation-mode"
    ]


def test_relation_mode_and_referential_integrity_together_are_rejected():
    schema = """datasource db {
  provider = "mysql"
  relationMode = "prisma"
  referentialIntegrity = "prisma"
}
"""
    assert errors_of(schema) == [
        "The `referentialIntegrity` and `relationMode` attributes cannot be used together. Please use only `relationMode` instead."
    ]
    assert warnings_of(schema) == [
        "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. Learn more at https://pris.ly/d/relation-mode"
    ]


def test_relation_fields_cannot_be_indexed():
    schema = PG + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])

  @@index([user])
}
"""
    assert errors_of(schema) == [
        "Error validating model \"Post\": The index definition refers to the relation fields user. Index definitions must reference only scalar fields. Did you mean `@@index([userId])`?"
    ]
    assert warnings_of(schema) == []


def test_relation_fields_cannot_be_mapped():
    schema = PG + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id]) @map("u")
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@map\": The attribute `@map` cannot be used on relation fields."
    ]
    assert warnings_of(schema) == []


def test_mongodb_foreign_key_native_types_should_match():
    schema = MONGO + """
model User {
  id    String @id @default(auto()) @map("_id") @db.ObjectId
  posts Post[]
}
model Post {
  id     String @id @default(auto()) @map("_id") @db.ObjectId
  userId String
  user   User   @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == [
        "Warning validating field `user` in model `Post`: Field Post.userId and User.id must have the same native type for MongoDB to join those collections correctly. Consider either removing User.id's native type attribute or adding '@db.ObjectId' to Post.userId. Beware that this will become an error in the future."
    ]
