-- Events out to the bus (issue 18, ADR 0005): every Kafka topic the relay feeds gets one pending row
-- per event, written with the event in the change's transaction (Outbox.publish), and deleted in
-- the transaction that records the brokers' acknowledgement. Rows, not a position: an event whose
-- transaction took its seq early and committed late is never skipped. The rows live in the
-- synchronously replicated database, so what was published follows the primary through a failover.
CREATE TABLE bus_topics (
  name           text PRIMARY KEY CHECK (name ~ '^[a-zA-Z0-9._-]{1,200}$'),
  registered_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bus_pending (
  topic      text NOT NULL REFERENCES bus_topics (name),
  event_seq  bigint NOT NULL REFERENCES outbox_events (seq),
  PRIMARY KEY (topic, event_seq)
);

-- the retention clean-up keeps an event while a topic still owes it
CREATE INDEX bus_pending_event ON bus_pending (event_seq);
