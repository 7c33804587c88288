-- Lab results received over HL7 v2 (ORU^R01 over MLLP, edge-node lab/).
-- V106 on this branch; the lead renumbers at merge to the next free version on main.

-- One row per accepted message: the idempotency key is the sender and its message control
-- id (MSH-10). A repeated message finds its row and is acknowledged again, writing nothing.
CREATE TABLE lab_messages (
  sender       text NOT NULL,
  control_id   text NOT NULL,
  patient_id   uuid NOT NULL REFERENCES patients (id),
  result_count integer NOT NULL,
  received_at  timestamptz NOT NULL,
  PRIMARY KEY (sender, control_id)
);

-- Results are immutable: a corrected result (OBX-11 = C) arrives as a new row.
CREATE TABLE lab_results (
  id              uuid PRIMARY KEY,
  patient_id      uuid NOT NULL REFERENCES patients (id),
  sender          text NOT NULL,
  control_id      text NOT NULL,
  set_id          integer NOT NULL,
  code            text NOT NULL,
  code_system     text,
  name            text,
  value           text NOT NULL,
  numeric_value   numeric,
  unit            text,
  reference_range text,
  abnormal_flag   text,
  result_status   text NOT NULL,
  observed_at     timestamptz,
  recorded_at     timestamptz NOT NULL,
  FOREIGN KEY (sender, control_id) REFERENCES lab_messages (sender, control_id),
  UNIQUE (sender, control_id, set_id)
);
CREATE INDEX lab_results_patient ON lab_results (patient_id, recorded_at DESC, id DESC);
