"""keep published events and their VEVENTs

- published_events: every UID the feeds carried, with its last SEQUENCE, DTSTAMP and the
  digests of what was published. It outlives its event, so an event removed and later
  restored goes on from the SEQUENCE it had (never back to 0). Filled here from the events
  as they are; the digests are made by `timeline db upgrade` (timeline.store.publish).
- events.ics / ics_digest / ics_tzid / ics_format: each event's VEVENT as feeds serve it, made at
  ingest, so a feed is a read of stored bytes instead of a rendering; NULL until
  `timeline db upgrade` makes them.

Revision ID: b3f1c9a7d2e5
Revises: 7d2e4b6a8c10
Create Date: 2026-12-01
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'b3f1c9a7d2e5'
down_revision: Union[str, None] = '7d2e4b6a8c10'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('published_events',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('stamp', sa.DateTime(), nullable=False),
    sa.Column('content', sa.String(length=32), nullable=True),
    sa.Column('schedule', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_published_events'))
    )
    # Plain ADD COLUMN (no table rebuild): SQLite keeps the search triggers on events.
    op.add_column('events', sa.Column('ics', sa.LargeBinary(), nullable=True))
    op.add_column('events', sa.Column('ics_digest', sa.String(length=32), nullable=True))
    op.add_column('events', sa.Column('ics_tzid', sa.Boolean(), nullable=True))
    op.add_column('events', sa.Column('ics_format', sa.Integer(), nullable=True))
    op.execute("INSERT INTO published_events (key, sequence, stamp) "
               "SELECT key, sequence, updated_at FROM events")


def downgrade() -> None:
    for column in ('ics_format', 'ics_tzid', 'ics_digest', 'ics'):
        op.drop_column('events', column)   # SQLite 3.35+: no table rebuild, triggers kept
    op.drop_table('published_events')
