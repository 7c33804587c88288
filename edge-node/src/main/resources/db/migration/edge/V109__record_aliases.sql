-- A cloud record that failback left out because the edge already held the same write (same
-- principal, Idempotency-Key and request: a retry, or a request a frozen node served late). The
-- client may hold either acknowledgement, so the cloud's id keeps naming the edge's record.
CREATE TABLE record_aliases (
  alias_id   uuid PRIMARY KEY,
  record_id  uuid NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('note', 'entry')),
  fork_id    uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_aliases_record ON record_aliases (record_id);
