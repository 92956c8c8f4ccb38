"""A relation told in plain words, for learners."""

from __future__ import annotations

__all__ = ["explain"]


def _names(fields) -> str:
    names = [f"`{f.name}`" for f in fields]
    return names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


_DELETE = {
    "Cascade": "deletes its `{holder}` records too",
    "Restrict": "is refused while `{holder}` records still point at it",
    "NoAction": "is refused while `{holder}` records still point at it (checked at the end of the statement)",
    "SetNull": "sets {fk} of its `{holder}` records to NULL",
    "SetDefault": "sets {fk} of its `{holder}` records to their default",
}
_UPDATE = {
    "Cascade": "copies the new key into {fk}",
    "Restrict": "is refused while `{holder}` records point at it",
    "NoAction": "is refused while `{holder}` records point at it (checked at the end of the statement)",
    "SetNull": "sets {fk} to NULL",
    "SetDefault": "sets {fk} to its default",
}


def explain(relation) -> str:
    """One paragraph: what the relation connects, who holds the key, and what the arities mean."""
    if relation.is_many_to_many:
        return _many_to_many(relation)
    a, b = relation.referencing_field, relation.referenced_field
    holder, other = relation.referencing_model.name, relation.referenced_model.name
    fk, refs = _names(relation.referencing_fields), _names(relation.referenced_fields)
    self_note = f" It is a self-relation: both ends are `{holder}`." if relation.is_self else ""
    if relation.is_one_to_one:
        shape = (
            f"`{relation.name}` is a one-to-one relation between `{holder}` and `{other}`. "
            f"`{holder}` holds the foreign key {fk}, which references {refs} on `{other}`; because {fk} "
            f"is unique, each `{other}` has at most one `{holder}`."
        )
    else:
        shape = (
            f"`{relation.name}` is a one-to-many relation: one `{other}` has many `{holder}` records "
            f"(`{other}.{b.name if b else '?'}` is a list), and each `{holder}` points at one `{other}` "
            f"through the foreign key {fk}, which references {refs}."
        )
    side = (
        f" `{holder}.{a.name}` is required, so every `{holder}` must have {_article(other)} `{other}`."
        if a.is_required
        else f" `{holder}.{a.name}` is optional, so {_article(holder)} `{holder}` may have no `{other}` (its foreign key is NULL)."
    )
    if relation.is_one_to_one and b is not None:
        side += f" The back-relation `{other}.{b.name}` is optional: Prisma cannot require that a row exists in the other table."
    actions = (
        f" Deleting {_article(other)} `{other}` {_DELETE[relation.on_delete].format(holder=holder, fk=fk)} "
        f"(onDelete: {relation.on_delete}); changing its {refs} {_UPDATE[relation.on_update].format(holder=holder, fk=fk)} "
        f"(onUpdate: {relation.on_update})."
    )
    return shape + side + self_note + actions


def _many_to_many(relation) -> str:
    a, b = relation.referencing_field, relation.referenced_field
    if relation.join_table is None:
        return (
            f"`{relation.name}` is a many-to-many relation between `{a.model.name}` and `{b.model.name}` stored "
            f"as lists of ids inside the documents (MongoDB), through {_names(relation.referencing_fields)}."
        )
    jt = relation.join_table
    self_note = (
        f" It is a self-relation: both columns point at `{a.model.name}`. Then the relation field whose name sorts "
        f"first, `{a.name}`, plays model A: a row (A, B) means record B is in record A's `{a.name}` list "
        f"(and A is in B's `{b.name}`)."
        if relation.is_self
        else ""
    )
    return (
        f"`{relation.name}` is an implicit many-to-many relation: {_article(a.model.name)} `{a.model.name}` has many `{b.model.name}` "
        f"records (`{a.model.name}.{a.name}`) and {_article(b.model.name)} `{b.model.name}` has many `{a.model.name}` records "
        f"(`{b.model.name}.{b.name}`). Neither model holds a foreign key; Prisma creates the join table "
        f"`{jt.name}`, whose column `A` references `{jt.a_model.name}` and `B` references `{jt.b_model.name}`"
        f"{'.' if relation.is_self else ' (A is the model whose name sorts first).'} Each row links one pair, and a pair "
        f"appears once.{self_note}"
    )
