"""What each database connector supports, as far as validation needs to know."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.resolve import Context

__all__ = ["Connector", "connector_of", "ACTIONS"]

ACTIONS = ("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault")
_ALL = ACTIONS
_EMULATED = ("Cascade", "Restrict", "NoAction", "SetNull")
_EMULATED_NO_NOACTION = ("Cascade", "Restrict", "SetNull")

# Prisma's name for its connector when there is no datasource (it prints the Rust type name).
_EMPTY_CONNECTOR = "psl_core::datamodel_connector::empty_connector::EmptyDatamodelConnector"
# provider -> (display name, referential actions with foreign keys, emulated actions)
_CONNECTORS = {
    "postgresql": ("Postgres", _ALL, _EMULATED_NO_NOACTION),
    "cockroachdb": ("CockroachDB", _ALL, _EMULATED),
    "mysql": ("MySQL", _ALL, _EMULATED),
    "sqlite": ("sqlite", _ALL, _EMULATED_NO_NOACTION),
    "sqlserver": ("SQL Server", ("Cascade", "NoAction", "SetNull", "SetDefault"), _EMULATED),
    "mongodb": ("MongoDB", _EMULATED, _EMULATED),
}


class Connector:
    """The datasource's connector (or Prisma's empty connector when there is no datasource)."""

    def __init__(self, provider: str | None, relation_mode: str):
        self.provider = provider
        self.relation_mode = relation_mode
        name, fk_actions, emulated = _CONNECTORS.get(provider or "", (_EMPTY_CONNECTOR, _ALL, _EMULATED))
        self.name = name
        self.fk_actions = fk_actions
        self.emulated_actions = emulated

    @property
    def is_prisma_mode(self) -> bool:
        return self.relation_mode == "prisma"

    @property
    def uses_foreign_keys(self) -> bool:
        return self.relation_mode != "prisma"

    def allowed_actions(self) -> tuple:
        return self.emulated_actions if self.is_prisma_mode else self.fk_actions

    def supports_action(self, action: str) -> bool:
        return action in self.allowed_actions()

    @property
    def detects_reference_cycles(self) -> bool:
        return self.provider in ("sqlserver", "mongodb")

    @property
    def is_mongo(self) -> bool:
        return self.provider == "mongodb"

    @property
    def supports_implicit_many_to_many(self) -> bool:
        return self.provider != "mongodb"

    @property
    def supports_embedded_many_to_many(self) -> bool:
        return self.provider == "mongodb"

    @property
    def allows_fields_in_arbitrary_order(self) -> bool:
        """Whether ``references`` may name a unique criterion's fields in another order (not SQL Server)."""
        return self.provider is not None and self.provider != "sqlserver"

    def allows_set_null_on_required(self) -> bool:
        return self.provider == "postgresql" and not self.is_prisma_mode

    @property
    def suggests_missing_indexes(self) -> bool:
        return self.provider != "mongodb"


def connector_of(ctx: Context) -> Connector:
    datasource = ctx.schema.datasource
    if datasource is None or datasource.provider not in _CONNECTORS:
        return Connector(None, "foreignKeys")
    return Connector(datasource.provider, datasource.relation_mode)
