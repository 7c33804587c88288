-- The first response to each (principal, Idempotency-Key), replayed for retries.
CREATE TABLE idempotency_keys (
  principal      text NOT NULL,
  idem_key       text NOT NULL,
  request_hash   text NOT NULL,
  status         integer,
  content_type   text,
  location       text,
  etag           text,
  body           bytea,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
