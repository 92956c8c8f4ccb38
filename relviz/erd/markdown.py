"""Write a Scene as Markdown: a mermaid block, then a table of models and a table of relations."""

import re

from .mermaid import mermaid_source

__all__ = ["markdown_source", "md_cell"]

_MD_SPECIAL = re.compile(r"[\\|<>&]")
_MD_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
ENDS = {
    "exactly-one": "exactly one",
    "zero-or-one": "zero or one",
    "zero-or-many": "zero or many",
    "one-or-many": "one or many",
}


def md_cell(text):
    """Text safe inside a Markdown table cell: one line, no pipes, no HTML."""
    text = " ".join(str(text or "").split())
    return _MD_SPECIAL.sub(lambda m: _MD_ESCAPES.get(m.group(), "\\" + m.group()), text)


def _row(cells):
    return "| " + " | ".join(cells) + " |"


def models_table(scene):
    """| Model | Kind | Key | Documentation |."""
    lines = [_row(["Model", "Kind", "Primary key", "Documentation"]), _row(["---"] * 4)]
    for table in scene.tables:
        if table.kind in ("enum",):
            continue
        key = ", ".join(c.name for c in table.columns if "PK" in c.markers)
        name = table.name + (f" ({table.db_note})" if table.db_note else "")
        lines.append(_row([md_cell(name), table.kind, md_cell(key), md_cell(table.doc)]))
    return lines


def relations_table(scene):
    """| Relation | Kind | From | To | Each From has | Each To has |."""
    header = ["Relation", "Kind", "Referencing", "Referenced", "On delete"]
    lines = [_row(header), _row(["---"] * len(header))]
    for link in scene.links:
        if link.kind not in ("relation", "join"):
            continue
        columns = not link.join_table
        tail = link.tail + (f" ({', '.join(link.tail_ports)})" if link.tail_ports and columns else "")
        head = link.head + (f" ({', '.join(link.head_ports)})" if link.head_ports and columns else "")
        kind = link.relation_kind or ""
        if link.kind == "join":
            kind += ", join table column"
        if link.join_table:
            kind += f" through {link.join_table}"
        ends = f"{ENDS[link.head_end]} {link.head} per {link.tail}; {ENDS[link.tail_end]} {link.tail} per {link.head}"
        lines.append(
            _row([md_cell(link.relation), md_cell(kind + ": " + ends), md_cell(tail), md_cell(head), md_cell(link.on_delete or "")])
        )
    return lines


def markdown_source(scene, *, title=None):
    """The whole Markdown document."""
    lines = [f"## {md_cell(title)}", ""] if title else []
    lines += ["```mermaid", mermaid_source(scene).rstrip("\n"), "```", ""]
    lines += ["### Models", ""] + models_table(scene) + [""]
    if any(link.kind in ("relation", "join") for link in scene.links):
        lines += ["### Relations", ""] + relations_table(scene) + [""]
    return "\n".join(lines)
