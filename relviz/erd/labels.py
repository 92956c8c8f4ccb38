"""HTML-like Graphviz labels: one table per model, one row (and one PORT) per column."""

from .quoting import html_attr, html_text, html_tooltip, shorten

__all__ = ["KIND_CAPTIONS", "table_label", "header_row", "column_row", "more_row", "column_widths"]

HEADER_FONT = "Helvetica"
ROW_FONT = "Courier"  # monospaced, so padded cells line up; Graphviz writes "Courier,monospace" to SVG

KIND_CAPTIONS = {
    "model": None,
    "view": "view",
    "join-model": "join model",
    "join-table": "implicit join table",
    "enum": "enum",
    "composite": "composite type",
}
KIND_HEADER_COLOR = {
    "model": "header",
    "view": "view_header",
    "join-model": "join_header",
    "join-table": "join_table_header",
    "enum": "enum_header",
    "composite": "composite_header",
}
KIND_BORDER_STYLE = {"view": "dashed", "join-table": "dashed", "enum": "rounded", "composite": "rounded"}

LIMITS = {"name": 32, "type": 26, "markers": 12, "default": 24}


def column_widths(columns):
    """Characters per cell (name, type, markers) so every row of a table lines up."""
    return {
        part: max((len(_part(c, part)) for c in columns), default=0)
        for part in ("name", "type", "markers")
    }


def _part(column, part):
    if part == "name":
        return shorten(column.name, limit=LIMITS["name"])
    if part == "type":
        return shorten(column.type, limit=LIMITS["type"])
    return " ".join(column.markers)


def _pad(text, width):
    return html_text(text) + "&#160;" * (width - len(text) + 1)


def table_label(*, table, colors, lit_ports=(), height=None):
    """The whole HTML-like label of a table, ready for `label=<...>`."""
    widths = column_widths(table.columns)
    rows = [header_row(table=table, colors=colors)]
    rows.extend(
        column_row(column=c, widths=widths, colors=colors, lit=c.port in lit_ports)
        for c in table.columns
    )
    if table.hidden:
        rows.append(more_row(count=table.hidden, colors=colors, alone=not table.columns, height=height))
    style = KIND_BORDER_STYLE.get(table.kind)
    style_attr = f' STYLE="{style}"' if style else ""
    return (
        f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"'
        f' COLOR="{colors["border"]}" BGCOLOR="{colors["background"]}"{style_attr}>'
        + "".join(rows)
        + "</TABLE>>"
    )


def header_row(*, table, colors):
    """The coloured title row: an optional caption («view»), the name, the other name."""
    parts = []
    caption = KIND_CAPTIONS[table.kind]
    if caption:
        parts.append(f'<FONT POINT-SIZE="8" COLOR="{colors["muted"]}">\u00ab{caption}\u00bb</FONT><BR/>')
    name = html_text(shorten(table.name, limit=48))
    parts.append(f"<I>{name}</I>" if table.kind == "join-table" else f"<B>{name}</B>")
    if table.db_note:
        note = html_text(shorten(table.db_note, limit=40))
        parts.append(f'<BR/><FONT POINT-SIZE="8" COLOR="{colors["muted"]}">{note}</FONT>')
    fill = colors[KIND_HEADER_COLOR[table.kind]]
    return f'<TR><TD BGCOLOR="{fill}" ALIGN="CENTER"><FONT FACE="{HEADER_FONT}">{"".join(parts)}</FONT></TD></TR>'


def column_row(*, column, widths, colors, lit=False):
    """One row with one PORT: name, type, key markers and default, padded to line up."""
    name = _pad(_part(column, "name"), widths["name"])
    name = f'<I><FONT COLOR="{colors["muted"]}">{name}</FONT></I>' if column.is_relation else name
    cells = [name]
    if widths["type"]:
        cells.append(f'<FONT COLOR="{colors["muted"]}">{_pad(_part(column, "type"), widths["type"])}</FONT>')
    if widths["markers"]:
        cells.append(f"<B>{_pad(_part(column, 'markers'), widths['markers'])}</B>")
    if column.default is not None:
        default = html_text(shorten("= " + column.default, limit=LIMITS["default"]))
        cells.append(f'<FONT COLOR="{colors["muted"]}">{default}</FONT>')
    fill = f' BGCOLOR="{colors["highlight_cell"]}"' if lit else ""
    tip = _tooltip(column)
    return f'<TR><TD PORT="{html_attr(column.port)}" ALIGN="LEFT"{fill}{tip}>{"".join(cells)}</TD></TR>'


def _tooltip(column):
    """Doc comments (and text cut short) as a tooltip; SVG shows cell tooltips only on a link (an empty HREF writes none)."""
    lines = []
    if column.doc:
        lines.append(column.doc)
    if column.default is not None and len(column.default) + 2 > LIMITS["default"]:
        lines.append("default: " + column.default)
    if len(column.name) > LIMITS["name"] or len(column.type) > LIMITS["type"]:
        lines.append(f"{column.name}: {column.type}")
    if not lines:
        return ""
    return f' HREF="" TOOLTIP="{html_tooltip(chr(10).join(lines))}"'


def more_row(*, count, colors, alone, height=None):
    """`+ 7 more fields` (or `7 fields` when no column is shown); `height` stretches the table."""
    noun = "field" if count == 1 else "fields"
    text = f"{count} {noun}" if alone else f"+ {count} more {noun}"
    tall = f' HEIGHT="{height}" VALIGN="TOP"' if height else ""
    return f'<TR><TD ALIGN="LEFT"{tall}><FONT POINT-SIZE="8" COLOR="{colors["muted"]}"><I>{text}</I></FONT></TD></TR>'
