"""Relation rules, as Prisma states them: opposite fields, names, fields/references, keys, many-to-many.

Each message is Prisma 7.10's own, word for word (asked of its validator).
"""

from schema_messages import errors_of, warnings_of

PG = 'datasource db {\n  provider = "postgresql"\n}\n'
MONGO = 'datasource db {\n  provider = "mongodb"\n}\n'
USER_POSTS = """
model User {
  id    Int    @id
  posts Post[]
}
"""


def test_relation_field_without_opposite_field_is_rejected():
    schema = PG + """
model User {
  id Int @id
}
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error validating field `user` in model `Post`: The relation field `user` on model `Post` is missing an opposite relation field on the model `User`. Either run `prisma format` or add it manually."
    ]
    assert warnings_of(schema) == []


def test_list_field_without_opposite_field_is_rejected():
    schema = PG + USER_POSTS + """model Post {
  id Int @id
}
"""
    assert errors_of(schema) == [
        "Error validating field `posts` in model `User`: The relation field `posts` on model `User` is missing an opposite relation field on the model `Post`. Either run `prisma format` or add it manually."
    ]
    assert warnings_of(schema) == []


def test_two_unnamed_relations_to_the_same_model_are_ambiguous():
    schema = PG + """
model User {
  id      Int    @id
  written Post[]
  read    Post[]
}
model Post {
  id Int @id
}
"""
    assert errors_of(schema) == [
        "Error validating model \"User\": Ambiguous relation detected. The fields `written` and `read` in model `User` both refer to `Post`. Please provide different relation names for them by adding `@relation(<name>)."
    ]
    assert warnings_of(schema) == []


def test_same_relation_name_twice_in_one_model_is_wrongly_named():
    schema = PG + """
model User {
  id      Int    @id
  written Post[] @relation("a")
  read    Post[] @relation("a")
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation("a", fields: [authorId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error validating model \"User\": Wrongly named relation detected. The fields `written` and `read` in model `User` both use the same relation name. Please provide different relation names for them through `@relation(<name>)."
    ]
    assert warnings_of(schema) == []


def test_unnamed_self_relation_with_two_fields_is_ambiguous():
    schema = PG + """
model User {
  id       Int    @id
  parentId Int?
  parent   User?  @relation(fields: [parentId], references: [id])
  children User[]
}
"""
    assert errors_of(schema) == [
        "Error validating model \"User\": Ambiguous self relation detected. The fields `parent` and `children` in model `User` both refer to `User`. If they are part of the same relation add the same relation name for them with `@relation(<name>)`."
    ]
    assert warnings_of(schema) == []


def test_named_self_relation_is_accepted():
    schema = PG + """
model User {
  id       Int    @id
  parentId Int?
  parent   User?  @relation("tree", fields: [parentId], references: [id])
  children User[] @relation("tree")
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == []


def test_one_to_many_without_fields_and_references_is_rejected():
    schema = PG + USER_POSTS + """
model Post {
  id   Int  @id
  user User
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The relation field `user` on Model `Post` must specify the `fields` argument in the @relation attribute. You can run `prisma format` to fix this automatically.",
        "Error parsing attribute \"@relation\": The relation field `user` on Model `Post` must specify the `references` argument in the @relation attribute."
    ]
    assert warnings_of(schema) == []


def test_list_side_with_fields_is_rejected():
    schema = PG + """
model User {
  id    Int    @id
  postId Int
  posts Post[] @relation(fields: [postId], references: [id])
}
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The relation field `posts` on Model `User` must not specify the `fields` or `references` argument in the @relation attribute. You must only specify it on the opposite field `user` on model `Post`."
    ]
    assert warnings_of(schema) == []


def test_one_to_one_without_fields_on_either_side_is_rejected():
    schema = PG + """
model User {
  id      Int      @id
  profile Profile?
}
model Profile {
  id   Int   @id
  user User?
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model `User` do not provide the `fields` argument in the @relation attribute. You have to provide it on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model `Profile` do not provide the `fields` argument in the @relation attribute. You have to provide it on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model `User` do not provide the `references` argument in the @relation attribute. You have to provide it on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model `Profile` do not provide the `references` argument in the @relation attribute. You have to provide it on one of the two fields."
    ]
    assert warnings_of(schema) == []


def test_one_to_one_with_fields_on_both_sides_is_rejected():
    schema = PG + """
model User {
  id        Int      @id
  profileId Int?     @unique
  profile   Profile? @relation(fields: [profileId], references: [id])
}
model Profile {
  id     Int   @id
  userId Int?  @unique
  user   User? @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model `Profile` both provide the `references` argument in the @relation attribute. You have to provide it only on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model `Profile` both provide the `references` argument in the @relation attribute. You have to provide it only on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model `Profile` both provide the `fields` argument in the @relation attribute. You have to provide it only on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model `Profile` both provide the `fields` argument in the @relation attribute. You have to provide it only on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model `User` both provide the `references` argument in the @relation attribute. You have to provide it only on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model `User` both provide the `references` argument in the @relation attribute. You have to provide it only on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model `User` both provide the `fields` argument in the @relation attribute. You have to provide it only on one of the two fields.",
        "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model `User` both provide the `fields` argument in the @relation attribute. You have to provide it only on one of the two fields."
    ]
    assert warnings_of(schema) == []


def test_one_to_one_without_unique_foreign_key_is_rejected():
    schema = PG + """
model User {
  id      Int      @id
  profile Profile?
}
model Profile {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": A one-to-one relation must use unique fields on the defining side. Either add an `@unique` attribute to the field `userId`, or change the relation to one-to-many."
    ]
    assert warnings_of(schema) == []


def test_one_to_one_back_relation_must_be_optional():
    schema = PG + """
model User {
  id      Int     @id
  profile Profile
}
model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The relation field `profile` on Model `User` is required. This is not valid because it's not possible to enforce this constraint on the database level. Please change the field type from `Profile` to `Profile?` to fix this."
    ]
    assert warnings_of(schema) == []


def test_one_to_one_foreign_key_on_the_optional_side_is_rejected():
    schema = PG + """
model User {
  id        Int      @id
  profileId Int?     @unique
  profile   Profile? @relation(fields: [profileId], references: [id])
}
model Profile {
  id   Int  @id
  user User
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The relation field `User.profile` defines the `fields` and/or `references` argument. You must set them on the required side of the relation (`Profile.user`) in order for the constraints to be enforced. Alternatively, you can change this field to be required and the opposite optional, or make both sides of the relation optional."
    ]
    assert warnings_of(schema) == []


def test_references_must_be_a_unique_criterion():
    schema = PG + """
model User {
  id    Int    @id
  email String
  posts Post[]
}
model Post {
  id        Int    @id
  userEmail String
  user      User   @relation(fields: [userEmail], references: [email])
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The argument `references` must refer to a unique criterion in the related model. Consider adding an `@unique` attribute to the field `email` in the model `User`."
    ]
    assert warnings_of(schema) == []


def test_fields_and_references_must_have_the_same_length():
    schema = PG + USER_POSTS + """model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId, id], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error validating: You must specify the same number of fields in `fields` and `references`."
    ]
    assert warnings_of(schema) == []


def test_foreign_key_type_must_match_referenced_type():
    schema = PG + USER_POSTS + """
model Post {
  id     Int    @id
  userId String
  user   User   @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": The type of the field `userId` in the model `Post` is not matching the type of the referenced field `id` in model `User`."
    ]
    assert warnings_of(schema) == []


def test_fields_must_exist():
    schema = PG + USER_POSTS + """
model Post {
  id   Int  @id
  user User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error validating: The argument fields must refer only to existing fields. The following fields do not exist in this model: userId"
    ]
    assert warnings_of(schema) == []


def test_references_must_exist():
    schema = PG + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [nope])
}
"""
    assert errors_of(schema) == [
        "Error validating: The argument `references` must refer only to existing fields in the related model `User`. The following fields do not exist in the related model: nope"
    ]
    assert warnings_of(schema) == []


def test_required_relation_with_optional_foreign_key_is_rejected():
    schema = PG + USER_POSTS + """
model Post {
  id     Int  @id
  userId Int?
  user   User @relation(fields: [userId], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error validating: The relation field `user` uses the scalar fields userId. At least one of those fields is optional. Hence the relation field must be optional as well."
    ]
    assert warnings_of(schema) == []


def test_implicit_many_to_many_needs_an_id_on_both_models():
    schema = PG + """
model Post {
  id   Int   @id
  tags Tag[]
}
model Tag {
  name  String @unique
  posts Post[]
}
"""
    assert errors_of(schema) == [
        "Error validating field `tags` in model `Post`: The relation field `tags` on model `Post` references `Tag` which does not have an `@id` field. Models without `@id` cannot be part of a many to many relation. Use an explicit intermediate Model to represent this relationship."
    ]
    assert warnings_of(schema) == []


def test_implicit_many_to_many_takes_no_references():
    schema = PG + """
model Post {
  id   Int   @id
  tags Tag[] @relation(references: [id])
}
model Tag {
  id    Int    @id
  posts Post[]
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": Implicit many-to-many relation should not have references argument defined. Either remove it, or change the relation to one-to-many."
    ]
    assert warnings_of(schema) == []


def test_implicit_many_to_many_takes_no_referential_actions():
    schema = PG + """
model Post {
  id   Int   @id
  tags Tag[] @relation(onDelete: Cascade)
}
model Tag {
  id    Int    @id
  posts Post[]
}
"""
    assert errors_of(schema) == [
        "Error validating: Referential actions on implicit many-to-many relations are not supported"
    ]
    assert warnings_of(schema) == []


def test_embedded_many_to_many_is_only_for_mongodb():
    schema = PG + """
model Post {
  id     Int   @id
  tagIds Int[]
  tags   Tag[] @relation(fields: [tagIds], references: [id])
}
model Tag {
  id      Int    @id
  postIds Int[]
  posts   Post[] @relation(fields: [postIds], references: [id])
}
"""
    assert errors_of(schema) == [
        "Error validating: Embedded many-to-many relations are not supported on Postgres. Please use the syntax defined in https://pris.ly/d/relational-database-many-to-many",
        "Error validating: Embedded many-to-many relations are not supported on Postgres. Please use the syntax defined in https://pris.ly/d/relational-database-many-to-many"
    ]
    assert warnings_of(schema) == []


def test_implicit_many_to_many_is_not_for_mongodb():
    schema = MONGO + """
model Post {
  id   String @id @map("_id") @db.ObjectId
  tags Tag[]
}
model Tag {
  id    String @id @map("_id") @db.ObjectId
  posts Post[]
}
"""
    assert errors_of(schema) == [
        "Error validating: Implicit many-to-many relations are not supported on MongoDB. Please use the syntax defined in https://pris.ly/d/document-database-many-to-many",
        "Error validating: Implicit many-to-many relations are not supported on MongoDB. Please use the syntax defined in https://pris.ly/d/document-database-many-to-many"
    ]
    assert warnings_of(schema) == []
