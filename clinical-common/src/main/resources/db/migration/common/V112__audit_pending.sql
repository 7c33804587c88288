-- Audit events of writes, committed atomically with the clinical change they describe, waiting
-- (milliseconds) for the single appender to chain them into audit_log and delete them here in one
-- transaction (docs/adr/0006-audit-single-appender.md). Writers insert here without the chain's lock,
-- so they no longer serialise on it until their commit; the chain itself is unchanged.
-- Versions are shared with edge-node's folder (V100+): V112 comes after every migration a running
-- cluster has applied, so an upgrade applies it in order.
CREATE TABLE audit_pending (
  id             bigserial PRIMARY KEY,
  occurred_at    timestamptz NOT NULL,
  actor          text NOT NULL,
  role           text NOT NULL,
  action         text NOT NULL,
  patient_id     uuid,
  resource_id    text,
  correlation_id text NOT NULL,
  before_hash    text,
  after_hash     text
);
