"""Alembic environment: plain Alembic over the models' metadata (no Flask here)."""
import os

from alembic import context
from sqlalchemy import engine_from_config, pool

from timeline.store.models import Base

config = context.config
target_metadata = Base.metadata


def database_url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    raise SystemExit("no database: set DATABASE_URL or use `timeline db upgrade`")


# SQLite's full-text search: the FTS5 table and the shadow tables FTS5 makes for it. They are
# created by a migration in raw SQL (SQLAlchemy has no virtual tables), so autogenerate must
# not propose dropping them.
FTS_PREFIX = "events_fts"


def include_name(name, type_, parent_names) -> bool:
    return not (type_ == "table" and name and name.startswith(FTS_PREFIX))


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave out indexes of another dialect and those autogenerate cannot compare.

    A model index with info {"dialect": D} exists only on D (the trigram GIN indexes on
    PostgreSQL); info {"compare": False} marks an expression index (autogenerate skips those
    when reflecting, and would then propose creating it again).
    """
    if type_ != "index":
        return True
    model = obj if not reflected else compare_to
    if model is None and reflected:
        model = _model_index(name)
    if model is None:
        return True
    dialect = model.info.get("dialect")
    if dialect and dialect != context.get_context().dialect.name:
        return False
    return model.info.get("compare", True)


def _model_index(name):
    for table in target_metadata.tables.values():
        for index in table.indexes:
            if index.name == name:
                return index
    return None


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True, include_name=include_name, include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config({"sqlalchemy.url": database_url()}, prefix="sqlalchemy.",
                                     poolclass=pool.NullPool)
    with connectable.connect() as connection:
        # render_as_batch: SQLite can only ALTER a table by copying it.
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          include_name=include_name, include_object=include_object)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
