"""index the feeds' digests

A feed's ETag is made of its events' VEVENT digests in feed order (timeline.store.feeds).
Read from the rows, each digest sits past the row's long text columns (on SQLite, at the
end of overflow pages): 0.27 s of CPU for all.ics at 100,000 events. This partial index holds
the order, the digests and the time-zone flag of the events feeds carry: 0.08 s.

Revision ID: d5e2a8f4c6b1
Revises: b3f1c9a7d2e5
Create Date: 2026-12-01
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'd5e2a8f4c6b1'
down_revision: Union[str, None] = 'b3f1c9a7d2e5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

IN_FEEDS = sa.text("ics IS NOT NULL")


def upgrade() -> None:
    op.create_index('ix_events_feed', 'events',
                    ['start_date', 'end_date', 'document_id', 'position', 'ics_digest', 'ics_tzid'],
                    unique=False, sqlite_where=IN_FEEDS, postgresql_where=IN_FEEDS)


def downgrade() -> None:
    op.drop_index('ix_events_feed', table_name='events')
