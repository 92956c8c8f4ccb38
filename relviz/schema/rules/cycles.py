"""Cascading referential actions that loop back: a self-relation, a cycle between models, or two
paths to one model. Checked where the database cannot cope (SQL Server, MongoDB) and whenever
Prisma emulates relations (``relationMode = "prisma"``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.relations import implicit_on_delete
from relviz.schema.rules.relation_args import VALIDATING, referencing, relation_info

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Model
    from relviz.schema.relations import PrismaRelation
    from relviz.schema.resolve import Context

__all__ = ["cycles", "multiple_cascading_paths"]

CYCLE_HINT = " Read more at https://pris.ly/d/cyclic-referential-actions"


def _on_delete(ctx: Context, relation: PrismaRelation) -> str:
    info = relation_info(ctx, relation.forward)
    if info is not None and info.on_delete is not None:
        return info.on_delete
    fields = referencing(ctx, relation.forward) or ()
    return implicit_on_delete(relation.forward, fields, restrict_supported=ctx.connector.supports_action("Restrict"))


def _on_update(ctx: Context, relation: PrismaRelation) -> str:
    info = relation_info(ctx, relation.forward)
    return info.on_update if info is not None and info.on_update is not None else "Cascade"


def _triggers(action: str) -> bool:
    return action not in ("NoAction", "Restrict")


def _complete_inline_from(ctx: Context, model: Model):
    return ctx.relations_from.get(model, ())


def _cascade_error(ctx: Context, relation: PrismaRelation, message: str) -> None:
    info = relation_info(ctx, relation.forward)
    on_delete = _on_delete(ctx, relation) if (info is None or info.on_delete is None) else None
    on_update = _on_update(ctx, relation) if (info is None or info.on_update is None) else None
    on_delete = on_delete if on_delete is not None and _triggers(on_delete) else None
    on_update = on_update if on_update is not None and _triggers(on_update) else None
    if on_delete and on_update:
        message += f" (Implicit default `onDelete`: `{on_delete}`, and `onUpdate`: `{on_update}`)"
    elif on_delete:
        message += f" (Implicit default `onDelete`: `{on_delete}`)"
    elif on_update:
        message += f" (Implicit default `onUpdate`: `{on_update}`)"
    ctx.error(f"{VALIDATING}{message}{CYCLE_HINT}", relation.forward.span)


def _path(chain) -> str:
    return " → ".join(f"{r.model_a.name}.{r.forward.name}" for r in chain)


def cycles(ctx: Context, relation: PrismaRelation) -> None:
    """A cascading self-relation, or a cascading cycle back to this model."""
    connector = ctx.connector
    if not connector.detects_reference_cycles and connector.uses_foreign_keys:
        return
    visited = set()
    pending: list[tuple] = [(relation, (relation,))]
    parent = relation.model_a
    while pending:
        current, chain = pending.pop()
        visited.add(current.forward)
        related = current.model_b
        if not (_triggers(_on_delete(ctx, current)) or _triggers(_on_update(ctx, current))):
            continue
        if current.model_a is related:
            _cascade_error(
                ctx, relation,
                "A self-relation must have `onDelete` and `onUpdate` referential actions set to `NoAction` in one of "
                "the @relation attributes.",
            )
            return
        if related is parent:
            _cascade_error(
                ctx, relation,
                "Reference causes a cycle. One of the @relation attributes in this cycle must have `onDelete` and "
                f"`onUpdate` referential actions set to `NoAction`. Cycle path: {_path(chain)}.",
            )
            return
        for nxt in _complete_inline_from(ctx, related):
            if nxt.forward not in visited:
                pending.append((nxt, chain + (nxt,)))


def multiple_cascading_paths(ctx: Context, relation: PrismaRelation) -> None:
    """Two cascading paths from this model to the same model (SQL Server with foreign keys)."""
    connector = ctx.connector
    if not connector.detects_reference_cycles or connector.is_prisma_mode:
        return

    def triggers(r) -> bool:
        return _triggers(_on_delete(ctx, r)) or _triggers(_on_update(ctx, r))

    if not triggers(relation):
        return
    parent = relation.model_a
    paths = []
    pending: list[tuple] = [(r, (r,), frozenset()) for r in _complete_inline_from(ctx, parent) if triggers(r)]
    while pending:
        current, chain, path = pending.pop()
        path = path | {current.forward}
        if current.model_a is current.model_b or current.model_b is parent:
            continue
        forward = [
            (r, chain + (r,), path) for r in _complete_inline_from(ctx, current.model_b)
            if triggers(r) and r.forward not in path
        ]
        if not forward:
            paths.append(chain + (current,))
            continue
        pending.extend(forward)
    seen: dict = {}
    for chain in paths:
        models = seen.setdefault(chain[0].forward.name, set())
        for r in chain:
            models.add(r.model_b.name)
    reachable = set()
    mine = seen.pop(relation.forward.name, None)
    if mine is not None:
        for other in seen.values():
            reachable |= mine & other
    if not reachable:
        return
    names = ", ".join(f"`{m}`" for m in sorted(reachable))
    if len(reachable) == 1:
        message = f"When any of the records in model {names} is updated or deleted"
    else:
        message = f"When any of the records in models {names} are updated or deleted"
    _cascade_error(
        ctx, relation,
        f"{message}, the referential actions on the relations cascade to model `{parent.name}` through multiple paths. "
        "Please break one of these paths by setting the `onUpdate` and `onDelete` to `NoAction`.",
    )
