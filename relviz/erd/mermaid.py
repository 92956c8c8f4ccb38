"""Write a Scene as Mermaid `erDiagram` text (GitHub and many doc sites render it)."""

import re

from .cardinality import MERMAID_LEFT, MERMAID_RIGHT
from .quoting import mermaid_text, mermaid_word

__all__ = ["mermaid_source", "entity_ref", "entity_block", "attribute_line", "relationship_line"]

_SAFE_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MARKERS = {"PK": "PK", "FK": "FK", "UQ": "UK"}


def entity_id(table_id):
    """A bare Mermaid entity id: `User`, `enum_Role`, `type_Address`."""
    return table_id if _SAFE_ID.match(table_id) else mermaid_word(table_id.replace(":", "_"), fallback="e")


def entity_ref(table):
    """`User`, or `User["users"]` when the shown name differs from the id (an alias)."""
    ident = entity_id(table.id)
    shown = table.name + (f" ({table.kind})" if table.kind in ("enum", "composite") else "")
    return ident if shown == ident else f'{ident}["{mermaid_text(shown)}"]'


def attribute_line(column):
    """`    Int id PK "default: autoincrement()"`."""
    base = column.type.rstrip("?")
    is_list = base.endswith("[]")
    base = base[:-2] if is_list else base
    type_word = mermaid_word(base.split("(")[0], fallback="t") + ("[]" if is_list else "") if base else "value"
    keys = sorted({_MARKERS.get(m, "UK") for m in column.markers}, key=["PK", "FK", "UK"].index)
    notes = []
    if column.type.endswith("?"):
        notes.append("optional")
    if column.default is not None:
        notes.append("default: " + column.default)
    name = mermaid_word(column.name, fallback="f")
    if name != column.name:
        notes.append("name: " + column.name)
    line = f"    {type_word} {name}"
    if keys:
        line += " " + ", ".join(keys)
    if notes:
        line += f' "{mermaid_text(", ".join(notes))}"'
    return line


def entity_block(table):
    """An entity with its attributes (relation fields are left to the relationship lines)."""
    columns = [c for c in table.columns if not c.is_relation]
    if not columns:
        return [f"  {entity_ref(table)}"]
    return [f"  {entity_ref(table)} {{", *(attribute_line(c) for c in columns), "  }"]


def relationship_line(link):
    """`  Post }o--|| User : "PostToUser"` (enum and composite uses get `||--o{` style lines)."""
    if link.tail_end and link.head_end:
        marks = MERMAID_LEFT[link.tail_end] + "--" + MERMAID_RIGHT[link.head_end]
        text = link.relation or ""
        if link.kind == "join":
            text = f"{link.relation} ({link.id.rsplit('.', 1)[-1]})"
    else:
        marks = "}o..||"
        text = link.tooltip.split(":")[0].split(".")[-1] if link.tooltip else link.kind
    return f'  {entity_id(link.tail)} {marks} {entity_id(link.head)} : "{mermaid_text(text)}"'


def mermaid_source(scene):
    """The whole `erDiagram` document."""
    lines = ['%%{init: {"theme": "dark"}}%%'] if scene.theme == "dark" else []
    lines += ["erDiagram", f"  direction {scene.direction}"]
    for table in scene.tables:
        lines.extend(entity_block(table))
    lines.extend(relationship_line(link) for link in scene.links)
    return "\n".join(lines) + "\n"
