"""Light and dark colour themes for diagrams."""

__all__ = ["THEME_COLORS", "colors"]

THEME_COLORS = {
    "light": {
        "background": "white",
        "text": "#1f2328",
        "muted": "#6e7781",
        "border": "#8c959f",
        "header": "#dbe9f7",
        "view_header": "#e6e0f5",
        "join_header": "#fbefd5",
        "join_table_header": "#eeeeee",
        "enum_header": "#dff3e3",
        "composite_header": "#fde2e4",
        "key_cell": "#f6f8fa",
        "edge": "#57606a",
        "enum_edge": "#2da44e",
        "highlight": "#d1242f",
        "highlight_cell": "#ffebe9",
    },
    "dark": {
        "background": "#0d1117",
        "text": "#e6edf3",
        "muted": "#8b949e",
        "border": "#6e7681",
        "header": "#1f3b5c",
        "view_header": "#3b2f5c",
        "join_header": "#5c4a1f",
        "join_table_header": "#30363d",
        "enum_header": "#1f4d2b",
        "composite_header": "#5c1f2b",
        "key_cell": "#161b22",
        "edge": "#8b949e",
        "enum_edge": "#3fb950",
        "highlight": "#ff7b72",
        "highlight_cell": "#4c1d1d",
    },
}


def colors(theme):
    """The colour table of a theme name."""
    return THEME_COLORS[theme]
