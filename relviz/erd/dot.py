"""Write a Scene as Graphviz DOT source: small pure functions, one per statement."""

import math
import re

from .cardinality import END_ARROWS
from .labels import HEADER_FONT, table_label
from .quoting import dot_string, dot_tooltip, html_text
from .themes import colors as theme_colors

__all__ = [
    "attr_list",
    "degrees",
    "dot_source",
    "edge_label",
    "edge_stmts",
    "endpoint",
    "graph_attrs",
    "hub_height",
    "island_rows",
    "link_attrs",
    "node_stmt",
    "stagger",
    "svg_id",
]

BIG = 40  # tables; from here on the layout spreads out and lines get thinner
HUB = 8  # links; a table with more grows taller so the ends of its lines spread out
LEAFY = 3  # links; tables with at most this many hang around hubs and get staggered
ISLANDS = 6  # tables without relations; from this many on they are packed into a block
STAGGER = 3  # ranks over which the leaves around a hub are spread (like Graphviz's `unflatten -l 3`)


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.:-]")


def svg_id(text):
    """An SVG element id: letters, digits and `_.:-` only (relation names may hold anything)."""
    return _UNSAFE_ID.sub("_", text)


def attr_list(attrs):
    """`[a=1, b="x"]` from (name, value) pairs; HTML labels (`<...>`) pass through unquoted."""
    parts = []
    for name, value in attrs:
        if value is None:
            continue
        text = str(value)
        if name == "tooltip":
            text = dot_tooltip(text)
        elif not (name in ("label", "taillabel") and text.startswith("<") and text.endswith(">")):
            text = dot_string(text)
        parts.append(f"{name}={text}")
    return "[" + ", ".join(parts) + "]" if parts else ""


def graph_attrs(*, direction, colors, table_count):
    """Graph, node and edge defaults."""
    big = table_count >= BIG
    graph = [
        ("rankdir", direction),
        ("bgcolor", colors["background"]),
        ("fontname", HEADER_FONT),
        ("fontcolor", colors["text"]),
        ("pad", "0.3"),
        ("nodesep", "0.3" if big else "0.45"),
        ("ranksep", "1.4" if big else "0.9"),
        # left to right, line ends sit beside the rows: tables drawn last keep lines under them;
        # top to bottom, ends land on table corners and must be drawn over the tables to show
        ("outputorder", "edgesfirst" if direction == "LR" else None),
        ("charset", "UTF-8"),
    ]
    node = [
        ("shape", "plain"),
        ("fontname", "Courier"),
        ("fontsize", "10"),
        ("fontcolor", colors["text"]),
    ]
    edge = [
        ("color", colors["edge"]),
        ("fontname", HEADER_FONT),
        ("fontsize", "9"),
        ("fontcolor", colors["muted"]),
        ("penwidth", "0.8" if big else "1.1"),
        ("arrowsize", "0.8" if big else "1"),
    ]
    return graph, node, edge


def degrees(links):
    """{table id: number of relation lines touching it}."""
    counts = {}
    for link in links:
        if link.kind in ("relation", "join"):
            for end in {link.tail, link.head}:
                counts[end] = counts.get(end, 0) + 1
    return counts


def hub_height(degree):
    """Points of height for a table drawn without columns, so that many line ends do not pile up."""
    return min(9 * degree, 720) if degree > HUB else None


def stagger(links, degree):
    """{link id: minlen}: lines from a hub to tables with few links alternate between 1, 2 and 3 ranks."""
    lengths, per_hub = {}, {}
    for link in links:
        if link.kind != "relation" or link.tail == link.head:
            continue
        leaf, hub = sorted((link.tail, link.head), key=lambda end: degree.get(end, 0))
        if degree.get(leaf, 0) > LEAFY or degree.get(hub, 0) <= HUB:
            continue
        index = per_hub[hub] = per_hub.get(hub, -1) + 1
        if index % STAGGER:
            lengths[link.id] = index % STAGGER + 1
    return lengths


def island_rows(tables, links):
    """Tables without any line, grouped into rows so they form a block instead of one long column."""
    linked = {end for link in links for end in (link.tail, link.head)}
    islands = [t.id for t in tables if t.id not in linked]
    if len(islands) < ISLANDS:
        return []
    width = math.ceil(math.sqrt(len(islands)))
    return [islands[i : i + width] for i in range(0, len(islands), width)]


def island_stmts(rows):
    """Invisible edges that chain each row of islands (no arrows, no tooltips, not in the SVG)."""
    lines = []
    for number, row in enumerate(rows):
        for left, right in zip(row, row[1:]):
            attrs = [("id", svg_id(f"layout-{number}-{left}")), ("style", "invis"), ("dir", "none")]
            lines.append(f"  {endpoint(left)} -> {endpoint(right)} {attr_list(attrs)}")
    return lines


def node_stmt(*, table, colors, lit_ports=(), height=None):
    """`"User" [id=..., label=<...>, tooltip=...]`."""
    attrs = [
        ("id", svg_id("node-" + table.id)),
        ("label", table_label(table=table, colors=colors, lit_ports=lit_ports, height=height)),
        ("tooltip", table.doc or table.name),
    ]
    return f"  {dot_string(table.id)} {attr_list(attrs)}"


def endpoint(table_id, port=None, compass=None):
    """`"User"`, `"User":"id"` or `"User":"id":e`."""
    return dot_string(table_id) + (":" + dot_string(port) if port else "") + (":" + compass if port and compass else "")


def edge_stmts(*, link, colors, minlen=None):
    """One statement per column pair: the first carries the ends and the label."""
    tails = link.tail_ports or (None,)
    heads = link.head_ports or (None,)
    pairs = list(zip(tails, heads)) if len(tails) == len(heads) else [(tails[0], heads[0])]
    # A loop between two ports of one table loses its end symbols unless both ends name a side.
    compass = "e" if link.tail == link.head else None
    lines = []
    for number, (tail, head) in enumerate(pairs):
        if number == 0:
            attrs = link_attrs(link=link, colors=colors) + [("minlen", minlen)]
            if compass:  # loops all bulge to one spot: name each by its foreign-key end instead
                attrs = [("taillabel" if k == "label" else k, v) for k, v in attrs]
                attrs += [("labelangle", "0"), ("labeldistance", "5")]
        else:
            attrs = companion_attrs(link=link, colors=colors, number=number)
        lines.append(f"  {endpoint(link.tail, tail, compass)} -> {endpoint(link.head, head, compass)} {attr_list(attrs)}")
    return lines


def link_attrs(*, link, colors):
    """Edge attributes for a relation, join half, enum use or composite use."""
    attrs = [("id", svg_id("edge-" + link.id)), ("tooltip", link.tooltip)]
    if link.kind in ("relation", "join"):
        attrs += [
            ("dir", "both"),
            ("arrowtail", END_ARROWS[link.tail_end]),
            ("arrowhead", END_ARROWS[link.head_end]),
        ]
        if link.kind == "join":
            attrs.append(("style", "dashed"))
    elif link.kind == "enum":
        attrs += [("style", "dashed"), ("color", colors["enum_edge"]), ("arrowhead", "vee"), ("arrowsize", "0.6")]
    else:
        attrs += [("style", "dashed"), ("dir", "both"), ("arrowtail", "diamond"), ("arrowhead", "none")]
    if link.label:
        attrs.append(("label", edge_label(text=link.label, bold=link.highlighted)))
    if link.highlighted:
        attrs += [("color", colors["highlight"]), ("fontcolor", colors["highlight"]), ("penwidth", "2.6")]
    return attrs


def companion_attrs(*, link, colors, number):
    """Extra column pairs of a compound foreign key: thin lines without ends."""
    attrs = [
        ("id", svg_id(f"edge-{link.id}-{number + 1}")),
        ("tooltip", link.tooltip),
        ("arrowhead", "none"),
        ("style", "dotted"),
        ("constraint", "false"),
    ]
    if link.highlighted:
        attrs += [("color", colors["highlight"]), ("penwidth", "1.6")]
    return attrs


def edge_label(*, text, bold=False):
    """An HTML-like edge label, so hostile relation names cannot break the DOT."""
    body = html_text(text)
    return f"<<B>{body}</B>>" if bold else f"<{body}>"


def dot_source(scene, *, name="relviz"):
    """The whole DOT document of a scene."""
    colors = theme_colors(scene.theme)
    graph, node, edge = graph_attrs(direction=scene.direction, colors=colors, table_count=len(scene.tables))
    lit = {}
    for link in scene.links:
        if link.highlighted:
            lit.setdefault(link.tail, set()).update(link.tail_ports)
            lit.setdefault(link.head, set()).update(link.head_ports)
    lines = [f"digraph {dot_string(name)} {{"]
    lines.append(f"  graph {attr_list(graph)}")
    lines.append(f"  node {attr_list(node)}")
    lines.append(f"  edge {attr_list(edge)}")
    degree = degrees(scene.links)
    big = len(scene.tables) >= BIG
    lengths = stagger(scene.links, degree) if big else {}
    for table in scene.tables:
        height = hub_height(degree.get(table.id, 0)) if not table.columns else None
        lines.append(node_stmt(table=table, colors=colors, lit_ports=lit.get(table.id, ()), height=height))
    for link in scene.links:
        lines.extend(edge_stmts(link=link, colors=colors, minlen=lengths.get(link.id)))
    lines.extend(island_stmts(island_rows(scene.tables, scene.links)))
    lines.append("}")
    return "\n".join(lines) + "\n"
