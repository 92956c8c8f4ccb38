"""``relviz render SCHEMA... -o OUT``: draw the schema as SVG, PNG, PDF, DOT, Mermaid or Markdown."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from relviz.cli._common import add_schema_argument, load_schema, write_output
from relviz.errors import UsageError

__all__ = ["register", "run", "command_line"]

FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "md")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "render", help="draw an entity-relationship diagram (svg, png, pdf, dot, mermaid, md)",
        description="Draw the schema's models and relations with crow's foot ends. The format "
        "follows OUT's extension (.svg .png .pdf .dot .gv .mmd .md) unless --format is given. "
        "With --check nothing is written: the exit status says whether OUT is up to date.",
    )
    add_schema_argument(parser)
    parser.add_argument("-o", "--output", metavar="OUT", help="the file to write (default: print to standard output)")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from OUT's extension, else svg)")
    parser.add_argument("--focus", action="append", metavar="MODEL", default=[],
                        help="draw this model and its neighbours (repeat for several; commas work too)")
    parser.add_argument("--depth", type=int, default=1, metavar="N", help="hops of neighbours around --focus models (default 1)")
    parser.add_argument("--include", action="append", metavar="GLOB", default=[], help="only models whose name matches (repeatable)")
    parser.add_argument("--exclude", action="append", metavar="GLOB", default=[], help="leave out models whose name matches (repeatable)")
    parser.add_argument("--direction", choices=("LR", "TB"), default="LR", help="left to right (default) or top to bottom")
    parser.add_argument("--join-tables", choices=("logical", "physical"), default="logical",
                        help="implicit many-to-many as one line (logical, default) or as its _AToB table (physical)")
    parser.add_argument("--detail", choices=("auto", "tables", "keys", "all"), default="auto",
                        help="columns shown: tables only, keys only, all fields (auto: by schema size)")
    parser.add_argument("--db-names", action="store_true", help="show database names (@map/@@map) instead of Prisma names")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--enums", action="store_true", help="draw enums as tables linked from the fields that use them")
    parser.add_argument("--highlight", metavar="RELATION", help='highlight one relation ("PostToUser" or "Post.author")')
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if OUT differs from what would be written (for CI; "
                        "svg/png/pdf bytes also depend on the Graphviz version, mermaid/md/dot do not)")
    parser.set_defaults(func=run)


def _names(values):
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _format(args):
    if args.format:
        return args.format
    if args.output:
        from relviz.erd.output import format_for_path

        return format_for_path(args.output)
    return "svg"


def command_line(args) -> str:
    """The `relviz render ...` command that writes OUT, to print when --check fails."""
    words = ["relviz", "render", *args.schema, "-o", args.output]
    if args.format:
        words += ["--format", args.format]
    for focus in _names(args.focus):
        words += ["--focus", focus]
    if args.depth != 1:
        words += ["--depth", str(args.depth)]
    words += [w for glob in args.include for w in ("--include", glob)]
    words += [w for glob in args.exclude for w in ("--exclude", glob)]
    for flag, value, default in (("--direction", args.direction, "LR"), ("--join-tables", args.join_tables, "logical"),
                                 ("--detail", args.detail, "auto"), ("--theme", args.theme, "light")):
        if value != default:
            words += [flag, value]
    words += ["--db-names"] * args.db_names + ["--enums"] * args.enums
    if args.highlight:
        words += ["--highlight", args.highlight]
    return shlex.join(words)


def run(args) -> int:
    from relviz.erd import diagram

    if args.check and not args.output:
        raise UsageError("--check needs -o OUT: the file to compare with")
    format = _format(args)
    schema = load_schema(args.schema)
    figure = diagram(
        schema, focus=_names(args.focus), depth=args.depth, include=args.include, exclude=args.exclude,
        direction=args.direction, join_tables=args.join_tables, detail=args.detail, db_names=args.db_names,
        theme=args.theme, highlight=args.highlight, enums=args.enums,
    )
    data = figure.pipe(format)
    if args.check:
        return _check(Path(args.output), data, args)
    if args.output:
        write_output(args.output, data)
    elif format in ("png", "pdf") and sys.stdout.isatty():
        raise UsageError(f"{format} is binary: give -o FILE (or pipe the output)")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _check(path, data, args) -> int:
    current = path.read_bytes() if path.is_file() else None
    if current == data:
        return 0
    state = "is missing" if current is None else "is out of date"
    print(f"relviz: {path} {state}; to update it, run:\n  {command_line(args)}", file=sys.stderr)
    return 1
