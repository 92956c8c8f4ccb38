"""Compare relviz's diagnostics with Prisma's on mutated copies of the corpus schemas.

    python tests/oracle/mutants.py [--seed N] [--per-schema K] [--keep DIR] [--split N] [--gentle]
                                   [--validate] [--dmmf] [--ddl]

A developer's tool, not a test: it needs node and Prisma's engines through the oracle script
(``$PRISMA_ORACLE``; by default ``oracle/oracle.mjs`` in the ``shared`` folder beside this
repository). Each schema of ``tests/fixtures/real`` (but MongoDB's, with ``--ddl``) is copied
``K`` times with one to three small mistakes (a character dropped, a token inserted, a line
doubled, dropped or moved), then ``relviz.parse`` and Prisma's ``lint`` are asked about each
copy. Every diagnostic must agree: message, start and end (UTF-16 offsets, as Prisma counts).
The differences are printed, with the mutation that caused them; a disagreement worth keeping
becomes a case in ``tests/fixtures/validation`` (with the oracle's answers beside it).

With ``--validate``, the text ``prisma validate`` prints (errors in Prisma's order, with their
source lines) is compared too. With ``--dmmf``, every copy Prisma accepts is also compared on its DMMF datamodel (Prisma's
``get_dmmf`` against ``Schema.to_dmmf``, as printed); with ``--ddl``, on the SQL Prisma Migrate
writes for it, as PostgreSQL and as SQLite (``Schema.to_sql``). ``--gentle`` makes changes a
schema may well survive (types, defaults, native types, maps, indexes), so that more copies
reach those comparisons. ``--split N`` cuts each copy into N files at block starts (one of them
mutated), so that the copies are multi-file schemas.
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
    """One to three small changes: a character dropped, a token or block comment inserted, a line doubled,
    dropped or moved, a word swapped for another of the schema's, an attribute dropped, a
    type's ``?``/``[]`` changed, another database, another referential action or relationMode."""
    for _ in range(rng.randint(1, 3)):
        text = mutate_line(text, rng, rng.randrange(10))
    return text


def mutate_line(text: str, rng: random.Random, op: int) -> str:
    """``text`` with one change of kind ``op`` (0-9, see ``mutate``), mostly to a random line."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    line = lines[i]
    if op == 8:  # another database
        providers = ["postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"]
        return re.sub(r'provider(\s*)=(\s*)"(postgresql|postgres|mysql|sqlite|sqlserver|cockroachdb)"',
                      lambda m: f'provider{m[1]}={m[2]}"{rng.choice(providers)}"', text)
    if op == 9:  # another referential action, or relation mode
        if rng.random() < 0.3 and "datasource" in text:
            return re.sub(r"(datasource \w+ \{\n)", r'\1  relationMode = "prisma"\n', text, count=1)
        actions = ["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"]
        spots = list(re.finditer(r"on(Delete|Update): \w+", text))
        if spots:
            m = rng.choice(spots)
            text = text[:m.start()] + f"on{m[1]}: {rng.choice(actions)}" + text[m.end():]
        return text
    if op == 5 and WORD.search(line):
        m = rng.choice(list(WORD.finditer(line)))
        lines[i] = line[:m.start()] + rng.choice(sorted(set(WORD.findall(text)))) + line[m.end():]
    elif op == 6 and ATTRIBUTE.search(line):
        m = rng.choice(list(ATTRIBUTE.finditer(line)))
        lines[i] = line[:m.start()] + line[m.end():]
    elif op == 7 and TYPE.match(line):
        lines[i] = TYPE.sub(lambda m: m[1] + rng.choice(["", "?", "[]"]), line, count=1)
    elif op >= 5:
        return mutate_line(text, rng, rng.randrange(5))
    elif op == 0 and line:
        j = rng.randrange(len(line))
        lines[i] = line[:j] + line[j + 1:]
    elif op == 1 and rng.random() < 0.3:  # a block comment: a note, or around some of the text
        start = sum(len(x) + 1 for x in lines[:i]) + rng.randrange(len(line) + 1)
        end = min(len(text), start + rng.choice([0, 0, rng.randrange(1, 80)]))
        return text[:start] + rng.choice(["/* note */", "/*", "/* "]) + text[start:end] + (" */" if end > start else "") + text[end:]
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


SCALARS = ["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]
DEFAULTS = {
    "String": ['"x"', "cuid()", "uuid()", "uuid(7)", "nanoid()", 'dbgenerated("\'a\'")'],
    "Int": ["0", "autoincrement()", "-1"], "BigInt": ["1", "autoincrement()"], "Float": ["1.5", "0"],
    "Decimal": ["1.25", "0"], "Boolean": ["true", "false"], "DateTime": ["now()", '"2024-01-02T03:04:05Z"'],
    "Json": ['"{}"', '"[1]"'], "Bytes": ['""'],
}
NATIVE = {
    "String": ["@db.Text", "@db.VarChar({n})", "@db.Char({n})", "@db.NVarChar({n})", "@db.Uuid", "@db.Bit({n})"],
    "Int": ["@db.SmallInt", "@db.Integer", "@db.Int", "@db.UnsignedInt"],
    "DateTime": ["@db.Date", "@db.Timestamp({n})", "@db.Timestamptz({n})", "@db.DateTime({n})", "@db.Time({n})"],
    "Decimal": ["@db.Decimal({n}, {m})", "@db.Decimal({n})"], "Float": ["@db.Real", "@db.Float({n})", "@db.Double"],
    "Json": ["@db.JsonB", "@db.Json"], "Bytes": ["@db.ByteA", "@db.VarBinary({n})", "@db.Bit({n})", "@db.Blob"],
    "BigInt": ["@db.BigInt", "@db.Int8"], "Boolean": ["@db.Boolean", "@db.Bit({n})", "@db.TinyInt"],
}
# Sizes at the edges of the databases' ranges (native type arguments).
SIZES = [0, 1, 2, 3, 6, 7, 30, 31, 38, 39, 53, 54, 64, 65, 66, 255, 256, 1000, 1001, 4000, 4001, 8000, 8001, 65535, 65536]
SCALAR_FIELD = re.compile(r"^(\s+)(\w+)(\s+)(" + "|".join(SCALARS) + r")(\?|\[\])?(?=\s|$)")


def mutate_gently(text: str, rng: random.Random) -> str:
    """One to three changes that a schema may well survive: a scalar field's type, arity,
    default, native type, ``@map``, ``@unique`` or ``@@index``; a model's ``@@map``; an
    attribute dropped; another database, referential action or relationMode; a relation
    changed (see ``mutate_relation``)."""
    for _ in range(rng.randint(1, 3)):
        lines = text.split("\n")
        spots = [i for i, line in enumerate(lines) if SCALAR_FIELD.match(line)]
        op = rng.randrange(11)
        if op >= 9:
            text = mutate_relation(text, rng)
            continue
        if op >= 6 or not spots:
            text = mutate_line(text, rng, rng.choice((6, 7, 8, 9)))
            continue
        i = rng.choice(spots)
        m = SCALAR_FIELD.match(lines[i])
        indent, name, blank, type_name, mark = m[1], m[2], m[3], m[4], m[5] or ""
        rest = lines[i][m.end():]
        if op == 0:
            type_name = rng.choice(SCALARS)
        elif op == 1:
            rest = f" @default({rng.choice(DEFAULTS[type_name])})" + rest
        elif op == 2:
            rest = " " + rng.choice(NATIVE[type_name]).format(n=rng.choice(SIZES), m=rng.choice(SIZES)) + rest
        elif op == 3:
            rest = rng.choice([f' @map("{name}_col")', " @unique"]) + rest
        elif op == 4:
            close = next((k for k in range(i, len(lines)) if lines[k].startswith("}")), None)
            if close is not None:
                lines.insert(close, rng.choice([f"  @@index([{name}])", f"  @@unique([{name}])"]))
        else:
            header = max((k for k in range(i) if lines[k].startswith("model ")), default=None)
            close = next((k for k in range(i, len(lines)) if lines[k].startswith("}")), None)
            if header is not None and close is not None:
                lines.insert(close, f'  @@map("{lines[header].split()[1].lower()}_tbl")')
        lines[i] = f"{indent}{name}{blank}{type_name}{mark}{rest}"
        text = "\n".join(lines)
    return text


def mutate_relation(text: str, rng: random.Random) -> str:
    """One change to a relation: both sides named, the back side's arity changed, the foreign
    key made unique or optional, the ``references`` moved to another field, or the
    ``@relation`` arguments dropped from the side that holds the foreign key."""
    try:
        schema = relviz.parse(text, validate=False)
    except relviz.SchemaError:
        return text
    relations = [r for r in schema.relations if len(r.relation_fields) == 2 and not r.is_self]
    if not relations:
        return text
    relation = rng.choice(relations)
    lines = text.split("\n")
    forward, back = relation.relation_fields  # (the side with `fields:` first, when there is one)
    if relation.referencing_field is not None:
        forward, back = relation.referencing_field, next(f for f in relation.relation_fields if f is not relation.referencing_field)
    fwd, bwd = forward.span.line - 1, back.span.line - 1
    op = rng.randrange(6)
    if op == 0:  # a name on both sides
        name = f'"{rng.choice(["Named", relation.name, "Other"])}"'
        for i in (fwd, bwd):
            if "@relation(" in lines[i]:
                lines[i] = lines[i].replace("@relation(", f"@relation({name}, ", 1).replace(", )", ")")
            else:
                lines[i] = lines[i] + f" @relation({name})"
    elif op == 1:  # the back side: list, optional or required
        lines[bwd] = TYPE.sub(lambda m: m[1] + rng.choice(["", "?", "[]"]), lines[bwd], count=1)
    elif op in (2, 3) and relation.referencing_fields:
        key = relation.referencing_fields[0].span.line - 1
        if op == 2:
            lines[key] += " @unique"
        else:
            lines[key] = TYPE.sub(lambda m: m[1] + rng.choice(["", "?"]), lines[key], count=1)
    elif op == 4 and relation.referenced_fields:
        others = [f.name for f in relation.referenced_model.fields if f.kind == "scalar"]
        lines[fwd] = re.sub(r"references: \[[^\]]*\]", f"references: [{rng.choice(others)}]", lines[fwd])
    elif op == 5:
        lines[fwd] = re.sub(r"@relation\([^)]*\)", "", lines[fwd])
    return "\n".join(lines)


# A copy is one mutated file, or (with --split) a folder holding a multi-file schema.
def schema_files(copy: Path) -> list[Path]:
    return sorted(copy.glob("*.prisma")) if copy.is_dir() else [copy]


def copy_text(copy: Path) -> str:
    return "".join(path.read_text() for path in schema_files(copy))


def relviz_schema(copy: Path, validate: bool = True):
    """relviz's reading of a copy, each file named as Prisma names it (its base name)."""
    from relviz.errors import SourceFile
    from relviz.schema.schema import _build

    return _build([SourceFile(path.name, path.read_text()) for path in schema_files(copy)], validate)


def prisma_lint(copy: Path) -> list | None:
    try:
        return json.loads(prisma_output("lint", copy))
    except json.JSONDecodeError:
        return None


def prisma_output(command: str, copy: Path, *options: str) -> str:
    """What the oracle prints for ``command`` on a copy (its error text, when it refuses). Read
    through a file: node writes to a file at once, but may exit before a pipe has taken all of a
    long answer."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        files = [str(path) for path in schema_files(copy)]
        subprocess.run(["node", str(ORACLE), command, *options, *files], stdout=out, stderr=subprocess.DEVNULL)
        out.seek(0)
        return out.read()


def relviz_verdict(copy: Path) -> str:
    """What ``relviz check`` prints: ``valid``, or the errors in Prisma's format and order."""
    try:
        relviz_schema(copy)
    except relviz.SchemaError as e:
        return str(e) + "\n"
    return "valid\n"


def relviz_outputs(copy: Path, dmmf: bool, ddl: bool) -> dict[str, str]:
    """The model's answers to compare for a schema Prisma accepts, by what they are."""
    from relviz.dmmf import dumps

    schema = relviz_schema(copy)
    out = {}
    if dmmf:
        out["dmmf"] = dumps(schema.to_dmmf()) + "\n"
    if ddl:
        for dialect in DDL_DIALECTS:
            out[dialect] = schema.to_sql(dialect)
    return out


def prisma_outputs(copy: Path, dmmf: bool, ddl: bool) -> dict[str, str]:
    out = {}
    if dmmf:
        out["dmmf"] = prisma_output("dmmf", copy)
    if ddl:
        for dialect in DDL_DIALECTS:
            out[dialect] = prisma_output("ddl", copy, "--provider", dialect)
    return out


DDL_DIALECTS = ("postgresql", "sqlite")


def relviz_lint(copy: Path) -> list:
    schema = relviz_schema(copy, validate=False)
    return [
        (d.file.name, d.file.utf16_offset(d.start), d.file.utf16_offset(d.end), d.message, d.is_warning)
        for d in schema.diagnostics
    ]


BLOCK_START = re.compile(r"(?m)^(?=(?:model|enum|view|type|datasource|generator)\s+\w+\s*\{)")


def write_copy(folder: Path, name: str, text: str, mutated, split: int, rng: random.Random) -> Path:
    """One mutated copy of ``text``: a file, or with ``split`` > 1 that many files cut at block
    starts (one of them mutated), in a folder."""
    if split <= 1:
        path = folder / f"{name}.prisma"
        path.write_text(mutated(text, rng))
        return path
    starts = [m.start() for m in BLOCK_START.finditer(text)][1:]
    cuts = sorted(rng.sample(starts, min(split - 1, len(starts))))
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    k = rng.randrange(len(parts))
    parts[k] = mutated(parts[k], rng)
    copy = folder / name
    copy.mkdir(exist_ok=True)
    for i, part in enumerate(parts):
        (copy / f"part{i + 1}.prisma").write_text(part)
    return copy


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-schema", type=int, default=5)
    ap.add_argument("--keep", help="write the mutated schemas here (default: a temporary folder)")
    ap.add_argument("--split", type=int, default=1, help="cut each copy into N files, one multi-file schema")
    ap.add_argument("--gentle", action="store_true", help="changes a schema may survive (to compare DMMF and SQL)")
    ap.add_argument("--validate", action="store_true", help="also compare the printed verdict (errors in Prisma's order)")
    ap.add_argument("--dmmf", action="store_true", help="also compare the DMMF of every copy Prisma accepts")
    ap.add_argument("--ddl", action="store_true", help="also compare Prisma Migrate's SQL of every copy Prisma accepts")
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
        if 'provider = "mongodb"' in text and args.ddl:  # (Prisma Migrate writes no SQL for MongoDB)
            continue
        for k in range(args.per_schema):
            copy = write_copy(folder, f"{source.stem}-{k}", text, mutate_gently if args.gentle else mutate, args.split, rng)
            originals[copy] = text
    paths = list(originals)
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        answers = list(pool.map(prisma_lint, paths))
    differ = 0
    if args.validate:
        differ += compare_verdicts(paths, originals)
    if args.dmmf or args.ddl:
        differ += compare_outputs(paths, answers, originals, args.dmmf, args.ddl)
    for path, answer in zip(paths, answers):
        if answer is None:
            print(f"{path.name}: the oracle gave no answer")
            continue
        want = sorted((d["file_name"], d["start"], d["end"], d["text"], d["is_warning"]) for d in answer)
        got = sorted(relviz_lint(path))
        if got == want:
            continue
        differ += 1
        print_mutation(path, originals[path])
        for file_name, start, end, text, _ in sorted(set(want) - set(got)):
            print(f"  Prisma only {file_name}:{start}-{end}: {text[:140]}")
        for file_name, start, end, text, _ in sorted(set(got) - set(want)):
            print(f"  relviz only {file_name}:{start}-{end}: {text[:140]}")
    print(f"{differ} of {len(paths)} mutated schemas differ ({folder})")
    return 1 if differ else 0


def print_mutation(path: Path, original: str) -> None:
    print(f"--- {path.name}")
    for line in difflib.unified_diff(original.split("\n"), copy_text(path).split("\n"), lineterm="", n=0):
        if not line.startswith(("---", "+++")):
            print("    " + line[:150])


def compare_verdicts(paths: list, originals: dict) -> int:
    """``prisma validate``'s text against relviz's, for every copy; prints the first differing line."""
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        wanted = list(pool.map(lambda p: prisma_output("validate", p), paths))
    differ = 0
    for path, want in zip(paths, wanted):
        got = relviz_verdict(path)
        if got == want:
            continue
        differ += 1
        print_mutation(path, originals[path])
        g, w = got.split("\n"), want.split("\n")
        i = next((i for i, (a, b) in enumerate(zip(g, w)) if a != b), min(len(g), len(w)))
        print(f"  validate, line {i + 1}: Prisma {w[i] if i < len(w) else '(end)'!r}")
        print(f"                    relviz {g[i] if i < len(g) else '(end)'!r}")
    print(f"{differ} of {len(paths)} copies differ in what `validate` prints")
    return differ


def compare_outputs(paths: list, answers: list, originals: dict, dmmf: bool, ddl: bool) -> int:
    """DMMF and SQL of the copies Prisma accepts; prints the first differing line of each."""
    accepted = [p for p, a in zip(paths, answers) if a is not None and not any(not d["is_warning"] for d in a)]
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        wanted = list(pool.map(lambda p: prisma_outputs(p, dmmf, ddl), accepted))
    differ = 0
    for path, want in zip(accepted, wanted):
        try:
            got = relviz_outputs(path, dmmf, ddl)
        except relviz.SchemaError as e:
            got = {what: f"relviz refused it: {e}" for what in want}
        # Prisma Migrate refuses some schemas in the other dialect (native types): nothing to compare.
        wrong = [what for what in want if got[what] != want[what] and not want[what].startswith("error:")]
        if not wrong:
            continue
        differ += 1
        print_mutation(path, originals[path])
        for what in wrong:
            g, w = got[what].split("\n"), want[what].split("\n")
            i = next((i for i, (a, b) in enumerate(zip(g, w)) if a != b), min(len(g), len(w)))
            print(f"  {what}, line {i + 1}: Prisma {w[i] if i < len(w) else '(end)'!r}")
            print(f"  {' ' * len(what)}  {' ' * len(str(i + 1))}       relviz {g[i] if i < len(g) else '(end)'!r}")
    print(f"{differ} of {len(accepted)} accepted copies differ in {'DMMF' if dmmf else ''}{' and ' if dmmf and ddl else ''}{'SQL' if ddl else ''}")
    return differ


if __name__ == "__main__":
    sys.exit(main())
