-- Events out (issue 18): one row per clinical change, written in the same transaction as the change,
-- so an event exists exactly when its change committed. The event is thin (ids and type, no chart
-- content): subscribers read the record through the API or FHIR with their own authorisation.
CREATE TABLE outbox_events (
  seq          bigserial PRIMARY KEY,
  event_id     uuid NOT NULL UNIQUE,
  type         text NOT NULL,
  patient_id   uuid,
  resource_id  text NOT NULL,
  occurred_at  timestamptz NOT NULL
);

-- The webhook subscribers (edgectl events subscribe): each receives the events written after it
-- was registered. Data, not configuration, so both nodes' relays see a new one at once.
CREATE TABLE webhook_subscribers (
  name           text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  url            text NOT NULL CHECK (url ~ '^https?://'),
  secret         text NOT NULL CHECK (length(secret) >= 16),
  registered_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per (webhook subscriber, event), created with the event: the relay delivers each
-- subscriber's rows in seq order, retries with backoff and, after the last attempt, marks the row
-- dead (the dead-letter queue) and goes on; edgectl events dlq replay puts it back to pending.
CREATE TABLE webhook_deliveries (
  subscriber       text NOT NULL,
  event_seq        bigint NOT NULL REFERENCES outbox_events (seq),
  status           text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts         int NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  delivered_at     timestamptz,
  PRIMARY KEY (subscriber, event_seq)
);

-- the relay's head lookup and its backlog gauges read only what is not delivered yet
CREATE INDEX webhook_deliveries_open ON webhook_deliveries (subscriber, event_seq)
  WHERE status <> 'delivered';

-- the retention clean-up finds an event's deliveries by the event
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_seq);
