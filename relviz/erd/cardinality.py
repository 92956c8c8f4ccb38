"""Crow's foot ends for every kind of Prisma relation, written down as one table."""

__all__ = [
    "END_ARROWS",
    "CARDINALITY",
    "MERMAID_LEFT",
    "MERMAID_RIGHT",
    "relation_ends",
]

# How many rows may sit at one end of a relation, seen from a single row at the other end.
# Crow's foot draws two marks per end: the one nearest the table is the maximum
# (a bar for one, a crow's foot for many), the outer one the minimum (a ring for zero,
# a bar for one). Graphviz draws the first arrow shape of a combination nearest the node.
END_ARROWS = {
    "exactly-one": "teetee",  # ||   a required relation field: every row has one
    "zero-or-one": "teeodot",  # o|  an optional relation field, or the back side of a 1:1
    "zero-or-many": "crowodot",  # o{ a list relation field (Prisma cannot demand "at least one")
    "one-or-many": "crowtee",  # |{  never produced by Prisma, kept for completeness
}

# (relation kind, is the referencing relation field required?) -> (referencing end, referenced end)
#
# "referencing end" is how many referencing rows (model A, the one holding the foreign key)
# one referenced row can have; "referenced end" is how many referenced rows one A row points at.
#
# | kind          | A's relation field | end at A (FK side) | end at B (referenced) | example                   |
# |---------------|--------------------|--------------------|-----------------------|---------------------------|
# | one-to-many   | required  `User`   | zero-or-many       | exactly-one           | Post.author User          |
# | one-to-many   | optional  `User?`  | zero-or-many       | zero-or-one           | Post.editor User?         |
# | one-to-one    | required  `User`   | zero-or-one        | exactly-one           | Profile.user User (@unique)|
# | one-to-one    | optional  `User?`  | zero-or-one        | zero-or-one           | Profile.user User?        |
# | many-to-many  | list      `User[]` | zero-or-many       | zero-or-many          | Account.users User[]      |
#
# The back-relation field of a 1:1 is always optional in Prisma (`profile Profile?`), so the
# FK side of a 1:1 is "zero or one"; the back side of a 1:m is a list, so "zero or many".
CARDINALITY = {
    ("one-to-many", True): ("zero-or-many", "exactly-one"),
    ("one-to-many", False): ("zero-or-many", "zero-or-one"),
    ("one-to-one", True): ("zero-or-one", "exactly-one"),
    ("one-to-one", False): ("zero-or-one", "zero-or-one"),
    ("many-to-many", True): ("zero-or-many", "zero-or-many"),
    ("many-to-many", False): ("zero-or-many", "zero-or-many"),
}

# Mermaid erDiagram writes `LEFT <left-mark>--<right-mark> RIGHT`; each mark is the
# cardinality of the entity on its own side.
MERMAID_LEFT = {
    "exactly-one": "||",
    "zero-or-one": "|o",
    "zero-or-many": "}o",
    "one-or-many": "}|",
}
MERMAID_RIGHT = {
    "exactly-one": "||",
    "zero-or-one": "o|",
    "zero-or-many": "o{",
    "one-or-many": "|{",
}


def relation_ends(*, kind, referencing_required):
    """Return (referencing end, referenced end) names for a relation kind and arity."""
    try:
        return CARDINALITY[(kind, bool(referencing_required))]
    except KeyError:
        kinds = sorted({k for k, _ in CARDINALITY})
        raise ValueError(f"unknown relation kind: {kind!r} (must be one of {kinds})") from None
