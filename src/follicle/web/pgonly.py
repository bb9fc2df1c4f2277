"""Migrations that only apply on PostgreSQL (triggers); SQLite relies on other guards."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def run_sql_on_postgresql(forwards: str, backwards: str) -> migrations.RunPython:
    """A migration operation that runs ``forwards`` (and, undone, ``backwards``) on PostgreSQL
    only. SQL with ``%`` is passed without parameters, so it is not read as placeholders."""

    def apply(sql: str) -> Any:
        def run(apps: Any, schema_editor: Any) -> None:
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql, params=None)

        return run

    return migrations.RunPython(apply(forwards), apply(backwards))
