"""Alembic's environment: the tables of data_model.models, on the connection the app hands in
(data_model.db.upgrade) or, from the alembic command line, on the configured database."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from core.config import get_settings
from data_model import models  # noqa: F401  (registers the tables)

target_metadata = SQLModel.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters a table by copying it; batch mode does that
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(get_settings().url())
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
