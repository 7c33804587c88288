-- Encounters, vital signs, allergies, problems and critical alerts: versioned like notes.
CREATE TABLE clinical_entries (
  id          uuid PRIMARY KEY,
  root_id     uuid NOT NULL,
  version     integer NOT NULL,
  replaces_id uuid UNIQUE REFERENCES clinical_entries (id),
  patient_id  uuid NOT NULL REFERENCES patients (id),
  kind        text NOT NULL,
  data        jsonb NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX clinical_entries_patient ON clinical_entries (patient_id, kind, recorded_at DESC, id DESC);
CREATE INDEX clinical_entries_root ON clinical_entries (root_id, version);
