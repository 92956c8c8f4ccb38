"""The options of a diagram, checked once, with error messages that list the valid choices."""

from dataclasses import dataclass

from relviz.errors import UsageError

__all__ = ["DiagramOptionError", "Options", "DIRECTIONS", "JOIN_TABLES", "DETAILS", "THEMES", "auto_detail"]

DIRECTIONS = ("LR", "TB")
JOIN_TABLES = ("logical", "physical")
DETAILS = ("auto", "tables", "keys", "all")
THEMES = ("light", "dark")

# detail="auto" shows every field for a small schema, keys for a medium one, and only
# table names once a schema is too big to read column by column.
AUTO_ALL_UP_TO = 15
AUTO_KEYS_UP_TO = 60


class DiagramOptionError(UsageError, ValueError):
    """An option of a diagram names something that does not exist; the message lists choices."""


@dataclass(frozen=True)
class Options:
    """Everything that changes what is drawn, besides the schema."""

    focus: tuple = ()
    depth: int = 1
    include: tuple = ()
    exclude: tuple = ()
    direction: str = "LR"
    join_tables: str = "logical"
    detail: str = "auto"
    db_names: bool = False
    theme: str = "light"
    highlight: object = None
    enums: bool = False

    def __post_init__(self):
        _choice("direction", self.direction, DIRECTIONS)
        _choice("join_tables", self.join_tables, JOIN_TABLES)
        _choice("detail", self.detail, DETAILS)
        _choice("theme", self.theme, THEMES)
        if not isinstance(self.depth, int) or isinstance(self.depth, bool) or self.depth < 0:
            raise DiagramOptionError(f"depth must be a whole number >= 0, not {self.depth!r}")


def _choice(name, value, choices):
    if value not in choices:
        raise DiagramOptionError(f"unknown {name}: {value!r} (must be one of {list(choices)})")


def as_tuple(value):
    """None -> (), "x" -> ("x",), iterables -> tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def auto_detail(detail, *, table_count):
    """Resolve detail="auto" from the number of tables drawn."""
    if detail != "auto":
        return detail
    if table_count <= AUTO_ALL_UP_TO:
        return "all"
    return "keys" if table_count <= AUTO_KEYS_UP_TO else "tables"
