-- Clinical notes are immutable rows. A correction is a new row whose replaces_id names the
-- version it replaces; the unique constraint lets exactly one correction replace a version.
CREATE TABLE notes (
  id          uuid PRIMARY KEY,
  root_id     uuid NOT NULL,
  version     integer NOT NULL,
  replaces_id uuid UNIQUE REFERENCES notes (id),
  patient_id  uuid NOT NULL REFERENCES patients (id),
  type        text NOT NULL,
  text        text NOT NULL,
  author      text NOT NULL,
  author_role text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX notes_patient_recent ON notes (patient_id, recorded_at DESC, id DESC);
CREATE INDEX notes_root ON notes (root_id, version);
