"""Values Prisma Client makes itself on create: ``now()``, ``@updatedAt``, ``cuid()``, ``uuid()``, ``nanoid()``, ``ulid()``.

``autoincrement()``, literal defaults and ``dbgenerated()`` are left to the database (the
DuckDB tables carry them as column defaults).
"""

from __future__ import annotations

import os
import secrets
import string
import time
import uuid

from relviz.client.values import now

__all__ = ["client_default", "cuid", "nanoid", "ulid", "uuid7"]

_BASE36 = string.digits + string.ascii_lowercase
_counter = [int.from_bytes(os.urandom(2), "big")]


def _base36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _BASE36[r] + out
        if not n:
            return out


def cuid() -> str:
    """A 25-character cuid (``c`` + time + counter + fingerprint + randomness), as Prisma's ``cuid()``."""
    _counter[0] = (_counter[0] + 1) % (36 ** 4)
    stamp = _base36(int(time.time() * 1000)).rjust(8, "0")[-8:]
    count = _base36(_counter[0]).rjust(4, "0")
    fingerprint = _base36(os.getpid() % (36 ** 4)).rjust(4, "0")
    rand = "".join(secrets.choice(_BASE36) for _ in range(8))
    return "c" + stamp + count + fingerprint + rand


def nanoid(size: int = 21) -> str:
    alphabet = "_-" + string.digits + string.ascii_letters
    return "".join(secrets.choice(alphabet) for _ in range(size))


def uuid7() -> str:
    ms = int(time.time() * 1000)
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms << 80) | (0x7 << 76) | ((rand >> 68) & 0xFFF) << 64 | (0b10 << 62) | (rand & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


def ulid() -> str:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = (int(time.time() * 1000) << 80) | int.from_bytes(os.urandom(10), "big")
    return "".join(alphabet[(value >> (5 * i)) & 31] for i in range(25, -1, -1))


def client_default(field):
    """``(True, value)`` when Prisma Client fills ``field`` on create, else ``(False, None)``."""
    if field.is_updated_at:
        return True, now()
    d = field.default
    if d is None or d.function is None:
        return False, None
    fn = d.function
    if fn == "now":
        return True, now()
    if fn == "uuid":
        version = d.args[0] if d.args else 4
        return True, uuid7() if version == 7 else str(uuid.uuid4())
    if fn == "cuid":
        return True, cuid()
    if fn == "nanoid":
        return True, nanoid(int(d.args[0]) if d.args else 21)
    if fn == "ulid":
        return True, ulid()
    return False, None
