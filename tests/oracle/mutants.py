"""Compare relviz's diagnostics with Prisma's on mutated copies of the corpus schemas.

    python tests/oracle/mutants.py [--seed N] [--per-schema K] [--keep DIR]

A developer's tool, not a test: it needs node and Prisma's engines through the oracle script
(``$PRISMA_ORACLE``; by default ``oracle/oracle.mjs`` in the ``shared`` folder beside this repository). Each valid relational schema of ``tests/fixtures/real`` is copied
``K`` times with one to three small mistakes (a character dropped, a token inserted, a line
doubled, dropped or moved), then ``relviz.parse`` and Prisma's ``lint`` are asked about each
copy. Every diagnostic must agree: message, start and end (UTF-16 offsets, as Prisma counts).
The differences are printed, with the mutation that caused them; a disagreement worth keeping
becomes a case in ``tests/fixtures/validation`` (with the oracle's answers beside it).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import relviz  # noqa: E402

ORACLE = Path(os.environ.get("PRISMA_ORACLE", ROOT.parent / "shared" / "oracle" / "oracle.mjs"))
# Prisma 7 no longer takes connection URLs in a schema; the oracle drops them, and so do we.
URLS = re.compile(r"(?m)^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*\n")
TOKENS = [
    "@id", "@unique", "@default(", ")", "(", "[", "]", ",", "?", "[]", "@relation(", "fields: [", "references: [",
    "onDelete: Cascade", "@@index([", "@@unique([", '@map("x")', '"', "{", "}", "//", "///", "/*", "*/", "\n", " ",
    "@db.Text", "Int", "String", "model ", "enum ",
]


WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ATTRIBUTE = re.compile(r"@\w+(\.\w+)?(\([^()]*(\([^()]*\))?[^()]*\))?")
TYPE = re.compile(r"^(\s*\w+\s+\w+)(\?|\[\])?")


def mutate(text: str, rng: random.Random) -> str:
    """One to three small changes: a character dropped, a token inserted, a line doubled,
    dropped or moved, a word swapped for another of the schema's, an attribute dropped, a
    type's ``?``/``[]`` changed, another database, another referential action or relationMode."""
    lines = text.split("\n")
    words = sorted(set(WORD.findall(text)))
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        line = lines[i]
        op = rng.randrange(10)
        if op == 8:  # another database
            providers = ["postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"]
            lines = re.sub(r'provider(\s*)=(\s*)"(postgresql|postgres|mysql|sqlite|sqlserver|cockroachdb)"',
                           lambda m: f'provider{m[1]}={m[2]}"{rng.choice(providers)}"', "\n".join(lines)).split("\n")
            continue
        if op == 9:  # another referential action, or relation mode
            text_now = "\n".join(lines)
            if rng.random() < 0.3 and "datasource" in text_now:
                text_now = re.sub(r"(datasource \w+ \{\n)", r'\1  relationMode = "prisma"\n', text_now, count=1)
            else:
                actions = ["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"]
                spots = list(re.finditer(r"on(Delete|Update): \w+", text_now))
                if spots:
                    m = rng.choice(spots)
                    text_now = text_now[:m.start()] + f"on{m[1]}: {rng.choice(actions)}" + text_now[m.end():]
            lines = text_now.split("\n")
            continue
        if op == 5 and WORD.search(line):
            found = list(WORD.finditer(line))
            m = rng.choice(found)
            lines[i] = line[:m.start()] + rng.choice(words) + line[m.end():]
            continue
        if op == 6 and ATTRIBUTE.search(line):
            found = list(ATTRIBUTE.finditer(line))
            m = rng.choice(found)
            lines[i] = line[:m.start()] + line[m.end():]
            continue
        if op == 7 and TYPE.match(line):
            lines[i] = TYPE.sub(lambda m: m[1] + rng.choice(["", "?", "[]"]), line, count=1)
            continue
        op = rng.randrange(5)
        if op == 0 and line:
            j = rng.randrange(len(line))
            lines[i] = line[:j] + line[j + 1:]
        elif op == 1:
            j = rng.randrange(len(line) + 1)
            lines[i] = line[:j] + rng.choice(TOKENS) + line[j:]
        elif op == 2:
            lines.insert(i, line)
        elif op == 3 and len(lines) > 1:
            del lines[i]
        else:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def prisma_lint(path: Path) -> list | None:
    proc = subprocess.run(["node", str(ORACLE), "lint", str(path)], capture_output=True, text=True)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        return None


def relviz_lint(path: Path) -> list:
    schema = relviz.parse(path.read_text(), path.name, validate=False)
    return [
        (d.file.utf16_offset(d.start), d.file.utf16_offset(d.end), d.message, d.is_warning) for d in schema.diagnostics
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-schema", type=int, default=5)
    ap.add_argument("--keep", help="write the mutated schemas here (default: a temporary folder)")
    args = ap.parse_args()
    if not ORACLE.exists():
        print(f"no Prisma oracle at {ORACLE}: run its setup.sh, or set PRISMA_ORACLE", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="relviz-mutants-"))
    folder.mkdir(parents=True, exist_ok=True)
    originals = {}
    for source in sorted((ROOT / "tests" / "fixtures" / "real").glob("*.prisma")):
        text = URLS.sub("", source.read_text())
        if 'provider = "mongodb"' in text:
            continue
        for k in range(args.per_schema):
            path = folder / f"{source.stem}-{k}.prisma"
            path.write_text(mutate(text, rng))
            originals[path] = text
    paths = list(originals)
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        answers = list(pool.map(prisma_lint, paths))
    differ = 0
    for path, answer in zip(paths, answers):
        if answer is None:
            print(f"{path.name}: the oracle gave no answer")
            continue
        want = sorted((d["start"], d["end"], d["text"], d["is_warning"]) for d in answer)
        got = sorted(relviz_lint(path))
        if got == want:
            continue
        differ += 1
        print(f"--- {path.name}")
        for line in difflib.unified_diff(originals[path].split("\n"), path.read_text().split("\n"), lineterm="", n=0):
            if not line.startswith(("---", "+++")):
                print("    " + line[:150])
        for start, end, text, _ in sorted(set(want) - set(got)):
            print(f"  Prisma only {start}-{end}: {text[:140]}")
        for start, end, text, _ in sorted(set(got) - set(want)):
            print(f"  relviz only {start}-{end}: {text[:140]}")
    print(f"{differ} of {len(paths)} mutated schemas differ ({folder})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
