"""SQL expressions that make up one column's values from the row number, for :mod:`relviz.db.fill`.

Every expression is a pure function of a row index ``idx`` (a 0-based BIGINT SQL expression)
and a *salt* (an integer fixed by the seed, the model and the field): DuckDB's ``hash(idx, salt)``
gives the pseudo-random part, so the same seed always gives the same rows, in bulk, with no
Python loop over rows. *Injective* expressions give a different value for every ``idx`` (for
``@id`` and ``@unique`` fields); :func:`injective_limit` says how many distinct values they have.
"""

from __future__ import annotations

import hashlib
import re

from relviz.db.names import literal

__all__ = ["Salts", "enum_values", "injective_limit", "is_low_cardinality", "scalar_sql"]

_INTEGERS = {"TINYINT": 127, "SMALLINT": 32767, "INTEGER": 2**31 - 1, "BIGINT": 2**62, "HUGEINT": 2**62,
             "UTINYINT": 255, "USMALLINT": 65535, "UINTEGER": 2**32 - 1, "UBIGINT": 2**62, "UHUGEINT": 2**62}
_FLOATS = ("FLOAT", "DOUBLE", "REAL")
_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")
_EPOCH = "TIMESTAMP '2024-01-01 00:00:00'"

# Words for strings a reader recognises, picked by field name (lower case).
_FIRST = ["Amara", "Lukas", "Mei", "Diego", "Aisha", "Henrik", "Lin", "Ravi", "Emma", "Kofi", "Ines", "Yuki",
          "Tomas", "Nadia", "Sam", "Hana", "Peter", "Zainab", "Mateo", "Olga"]
_LAST = ["Okafor", "Schneider", "Tanaka", "Ramirez", "Bello", "Nilsson", "Feng", "Kapoor", "Laurent", "Boateng",
         "Ferreira", "Sato", "Ortega", "Haddad", "Taylor", "Kim", "Novak", "Ali", "Rossi", "Ivanova"]
_ADJECTIVES = ["Quiet", "Bright", "Hidden", "Little", "Golden", "Open", "Simple", "Northern", "Patient", "Curious"]
_NOUNS = ["garden", "river", "algorithm", "library", "kitchen", "island", "notebook", "harbour", "forest", "question"]
_CITIES = ["Lagos", "Berlin", "Osaka", "Guadalajara", "Lisbon", "Accra", "Seoul", "Prague", "Nairobi", "Lima"]
_WORDS = {
    "name": (_FIRST, _LAST), "fullname": (_FIRST, _LAST), "displayname": (_FIRST, _LAST),
    "firstname": (_FIRST,), "givenname": (_FIRST,), "lastname": (_LAST,), "surname": (_LAST,),
    "familyname": (_LAST,), "title": (_ADJECTIVES, _NOUNS), "city": (_CITIES,),
}


class Salts:
    """Integer salts for ``hash(idx, salt)``, one per name, fixed by the seed."""

    def __init__(self, seed: int):
        self.seed = seed

    def __call__(self, name: str) -> int:
        digest = hashlib.blake2b(f"{self.seed}:{name}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") >> 2  # fits a BIGINT literal

    def hash(self, name: str, idx: str) -> str:
        """A pseudo-random UBIGINT for row ``idx``."""
        return f"hash({idx}, {self(name)})"

    def below(self, name: str, idx: str, n: int) -> str:
        """A pseudo-random BIGINT in ``[0, n)`` for row ``idx``."""
        return f"({self.hash(name, idx)} % {max(n, 1)})::BIGINT"


def enum_values(field) -> list[str]:
    """The database values of an enum field, in declaration order (``@map`` respected)."""
    return [v.db_name or v.name for v in field.enum.values]


def is_low_cardinality(field) -> bool:
    """An enum or Boolean field: too few values to be unique on its own in many rows."""
    return field.kind == "enum" or field.scalar_type == "Boolean"


def _length_limit(field) -> int | None:
    nt = field.native_type
    if nt is not None and nt.name in ("VarChar", "Char", "NVarChar", "NChar") and nt.args and str(nt.args[0]).isdigit():
        return int(nt.args[0])
    return None


def injective_limit(field, dtype: str) -> int | None:
    """How many rows an injective expression can fill before values repeat (None: no limit worth telling)."""
    base = dtype.removesuffix("[]")
    if field.kind == "enum":
        return len(field.enum.values)
    if base == "BOOLEAN":
        return 2
    if base in _INTEGERS and base not in ("BIGINT", "HUGEINT", "UBIGINT", "UHUGEINT"):
        return _INTEGERS[base]
    if m := _DECIMAL.fullmatch(base):
        return 10 ** min(int(m[1]) - int(m[2]), 15)
    if base == "TIME" or base.startswith("TIME WITH"):
        return 86400
    limit = _length_limit(field)
    if limit is not None and base == "VARCHAR" and limit < 10:
        return 10**limit - 1
    return None


def scalar_sql(field, dtype: str, idx: str, salts: Salts, *, unique: bool) -> str:
    """The value of ``field`` (a column of type ``dtype``) in row ``idx``; without NULLs or defaults."""
    salt = f"{field.model.name}.{field.name}"
    if dtype.endswith("[]"):
        first = _base_sql(field, dtype[:-2], idx, salts, salt + "#1", unique=False)
        second = _base_sql(field, dtype[:-2], idx, salts, salt + "#2", unique=False)
        return f"list_slice([{first}, {second}], 1, {salts.below(salt + '#n', idx, 3)})"
    return _base_sql(field, dtype, idx, salts, salt, unique=unique)


def _base_sql(field, dtype: str, idx: str, salts: Salts, salt: str, *, unique: bool) -> str:
    h = lambda n: salts.below(salt, idx, n)  # noqa: E731 - a pseudo-random number below n
    if field.kind == "enum":
        values = literal(enum_values(field))
        return f"{values}[{idx} + 1]" if unique else f"{values}[{h(len(field.enum.values))} + 1]"
    if dtype == "BOOLEAN":
        return f"({idx} = 1)" if unique else f"({h(2)} = 0)"
    if dtype in _INTEGERS:
        return f"({idx} + 1)" if unique else f"({h(100)} + 1)"
    if dtype in _FLOATS:
        return f"({idx} + 0.5)" if unique else f"({h(100000)} / 100.0)"
    if m := _DECIMAL.fullmatch(dtype):
        whole, scale = int(m[1]) - int(m[2]), min(int(m[2]), 2)
        if unique:
            return f"({idx})::{dtype}"
        return f"({h(10 ** (min(whole, 3) + scale))} / {10 ** scale}.0)::{dtype}"
    if dtype == "UUID":
        return _uuid(idx, salts, salt, text=False)
    if dtype == "VARCHAR":
        return _string(field, idx, salts, salt, unique)
    if dtype.startswith("TIMESTAMP"):
        seconds = f"{idx} * 3600 + {h(3600)}" if unique else h(365 * 86400)
        return f"{_EPOCH} + to_seconds({seconds})"
    if dtype == "DATE":
        return f"DATE '2024-01-01' + ({idx if unique else h(365)})::INTEGER"
    if dtype == "TIME" or dtype.startswith("TIME WITH"):
        return f"TIME '00:00:00' + to_seconds({idx if unique else h(86400)})"
    if dtype == "JSON":
        return f"json_object('n', {idx if unique else h(1000)})"
    if dtype == "BLOB":
        return f"unhex(lpad(hex({idx if unique else salts.hash(salt, idx)}), 16, '0'))"
    if dtype == "INTERVAL":
        return f"to_seconds({idx if unique else h(3600)})"
    if dtype.startswith("ENUM("):
        return f"enum_range(NULL::{dtype})[{idx} % len(enum_range(NULL::{dtype})) + 1]"
    return "NULL"


_NOT_VERSION = ~0xF000 & (2**64 - 1)  # the 64 high bits of a UUID but its version digit


def _uuid(idx: str, salts: Salts, salt: str, *, text: bool = True) -> str:
    """A version-4-looking UUID whose last 12 digits are the row number (so it is unique): 64 pseudo-random
    bits with version digit 4, then the variant bits and the row number, made as one 128-bit number and
    cast to UUID (to text unless ``text`` is False), ten times faster than writing it with ``printf``."""
    h = salts.hash(salt, idx)
    high = f"((({h} & {_NOT_VERSION}) | {0x4000})::UHUGEINT << 64)"
    low = f"((32768 | ({idx} & 16383))::UHUGEINT << 48) | ({idx})::UHUGEINT"
    return f"({high} | {low})::UUID" + ("::VARCHAR" if text else "")


def _string(field, idx: str, salts: Salts, salt: str, unique: bool) -> str:
    function = field.default.function if field.default is not None else None
    h = salts.hash(salt, idx)
    if function == "uuid" or (field.native_type is not None and field.native_type.name == "Uuid"):
        return _uuid(idx, salts, salt)
    if function == "cuid":
        return f"('c' || printf('%016x%08x', {h}, {idx}))"
    if function == "nanoid":
        return f"printf('%013x%08x', ({h} >> 12), {idx})"
    if function == "ulid":
        return f"upper(printf('%016x%010x', {h}, {idx}))"
    limit = _length_limit(field)
    name = field.name
    number = f"({idx} + 1)" if unique else f"({salts.below(salt, idx, 1000)} + 1)"
    words = _WORDS.get(name.lower())
    if words is not None and not unique:
        parts = [f"{literal(w)}[{salts.below(f'{salt}#{k}', idx, len(w))} + 1]" for k, w in enumerate(words)]
        text = "(" + " || ' ' || ".join(parts) + ")"
        return text if limit is None else f"left({text}, {limit})"
    if "email" in name.lower():
        text = f"('user' || {number} || '@example.com')"
    else:
        text = f"({literal(name + ('-' if unique else ' '))} || {number})"
    if limit is None:
        return text
    if unique and limit < len(name) + 12:
        return f"lpad(({idx} + 1)::VARCHAR, {limit}, '0')"
    return f"left({text}, {limit})"
