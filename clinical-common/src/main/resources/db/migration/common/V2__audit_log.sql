-- Append-only, hash-chained audit trail: each row's hash covers its content and the previous hash.
CREATE TABLE audit_log (
  seq            bigint PRIMARY KEY,
  occurred_at    timestamptz NOT NULL,
  actor          text NOT NULL,
  role           text NOT NULL,
  action         text NOT NULL,
  patient_id     uuid,
  resource_id    text,
  correlation_id text NOT NULL,
  before_hash    text,
  after_hash     text,
  prev_hash      text NOT NULL,
  hash           text NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log (patient_id, seq);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
