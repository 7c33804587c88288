-- A lab message is a FHIR DiagnosticReport (issue 18): it needs an id of its own besides its key
-- (sender, control id), which names the sender. Results already have theirs.
ALTER TABLE lab_messages ADD COLUMN id uuid;
UPDATE lab_messages SET id = gen_random_uuid() WHERE id IS NULL;
ALTER TABLE lab_messages ALTER COLUMN id SET NOT NULL, ALTER COLUMN id SET DEFAULT gen_random_uuid();
ALTER TABLE lab_messages ADD CONSTRAINT lab_messages_id_key UNIQUE (id);
CREATE INDEX lab_messages_patient ON lab_messages (patient_id, received_at DESC);
