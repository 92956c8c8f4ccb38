"""The ``relviz`` command: one subcommand per module in this package."""

from __future__ import annotations

import argparse
import importlib
import sys

from relviz.errors import RelvizError

__all__ = ["main"]

COMMANDS = ("check", "dmmf", "render", "sql", "query")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relviz",
        description="See, learn and check database relations as Prisma models them.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"relviz.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"relviz.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``relviz COMMAND ...``; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except RelvizError as e:
        print(f"relviz: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
