-- Exactly once across the edge and the cloud (docs/failback.md, "One write, one record"): each
-- cloud record keeps the Idempotency-Key of the request that created it. Its principal is the
-- record's author (notes.author, clinical_entries.recorded_by). Failback looks the key up on the
-- edge: a key the edge already used means the client's retry already created the record there,
-- so the cloud copy is not merged again; otherwise the cloud's stored response for the key is
-- inserted into the edge's idempotency_keys with the record, so a later retry replays it.
-- NULL for edge-written rows: the edge's own idempotency_keys is the authority there.
ALTER TABLE notes ADD COLUMN idempotency_key text;
ALTER TABLE clinical_entries ADD COLUMN idempotency_key text;
