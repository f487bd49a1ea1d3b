"""Persistence: SQLAlchemy models, the ingest upsert and the query functions views call."""
