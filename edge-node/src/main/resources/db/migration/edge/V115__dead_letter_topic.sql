-- Dead webhook deliveries also go to the bus (issue 18, ADR 0005): when a delivery is marked dead
-- (the relay after its last attempt, or edgectl events unsubscribe), the trigger below writes a row
-- here in that same transaction, for every dead-letter topic the bus relay registered when it
-- created it; the relay publishes the rows to that topic and deletes each once the brokers
-- acknowledged it. A node without a bus registers no topic and collects nothing. The dead
-- delivery itself stays in webhook_deliveries, where edgectl events dlq replay sends it again.
CREATE TABLE bus_dead_letter_topics (
  name           text PRIMARY KEY CHECK (name ~ '^[a-zA-Z0-9._-]{1,200}$'),
  registered_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bus_dead_letters (
  id          bigserial PRIMARY KEY,
  topic       text NOT NULL REFERENCES bus_dead_letter_topics (name),
  subscriber  text NOT NULL,
  event_seq   bigint NOT NULL REFERENCES outbox_events (seq),
  attempts    int NOT NULL,
  last_error  text,
  dead_at     timestamptz NOT NULL DEFAULT now()
);

-- the retention clean-up keeps an event while a dead letter about it waits for the brokers
CREATE INDEX bus_dead_letters_event ON bus_dead_letters (event_seq);

CREATE FUNCTION webhook_delivery_dead_to_bus() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO bus_dead_letters (topic, subscriber, event_seq, attempts, last_error)
  SELECT name, NEW.subscriber, NEW.event_seq, NEW.attempts, NEW.last_error
  FROM bus_dead_letter_topics;
  RETURN NULL;
END
$$;

CREATE TRIGGER webhook_delivery_dead_to_bus
  AFTER UPDATE OF status ON webhook_deliveries
  FOR EACH ROW WHEN (NEW.status = 'dead' AND OLD.status IS DISTINCT FROM 'dead')
  EXECUTE FUNCTION webhook_delivery_dead_to_bus();
