-- Cloud fallback (docs/emergency-mode.md, docs/failback.md). Edge-side DDL only: the cloud
-- database is a physical replica of this one and takes no DDL of its own.

-- Where a record was written. Emergency writes in the cloud are new rows with origin = 'cloud'
-- (fresh UUIDs, never an in-place change of an edge row), so failback merges them without conflict.
ALTER TABLE notes ADD COLUMN origin text NOT NULL DEFAULT 'edge' CHECK (origin IN ('edge', 'cloud'));
ALTER TABLE clinical_entries ADD COLUMN origin text NOT NULL DEFAULT 'edge'
  CHECK (origin IN ('edge', 'cloud'));
CREATE INDEX notes_cloud_origin ON notes (recorded_at) WHERE origin = 'cloud';
CREATE INDEX clinical_entries_cloud_origin ON clinical_entries (recorded_at) WHERE origin = 'cloud';

-- One row, rewritten every second on the edge primary and read on the cloud standby: its age
-- there is the replication delay, i.e. the RPO at risk if both nodes die now.
CREATE TABLE replication_heartbeat (
  id      smallint PRIMARY KEY CHECK (id = 1),
  beat_at timestamptz NOT NULL,
  source  text NOT NULL
);

-- What failback already merged from each cloud activation (fork), so a second run merges nothing
-- twice. record is "note:<uuid>", "entry:<uuid>" or "audit:<cloud seq>".
CREATE TABLE cloud_merge_ledger (
  fork_id    uuid NOT NULL,
  record     text NOT NULL,
  merged_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fork_id, record)
);
