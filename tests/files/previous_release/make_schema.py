"""Write the schema the 2026-11-24 release (commit a232da7) created with `create_all`, as SQL for
SQLite and PostgreSQL, so the migration test can build a database exactly as that release left it.

Run from a checkout of that release: `git worktree add /tmp/old a232da7 && cd /tmp/old &&
python /path/to/this/make_schema.py OUT_DIR`. The two .sql files beside this script came from it.
"""

import sys
from pathlib import Path

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

sys.path.insert(0, str(Path.cwd()))
from data_model import models  # noqa: E402, F401  (the release's tables)


def ddl(dialect) -> str:
    statements = []
    for table in SQLModel.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda i: i.name):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
    return ";\n\n".join(statements) + ";\n"


out = Path(sys.argv[1])
(out / "schema_sqlite.sql").write_text(ddl(sqlite.dialect()))
(out / "schema_postgresql.sql").write_text(ddl(postgresql.dialect()))
