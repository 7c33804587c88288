-- Current demographics per patient; every version (including the first) is kept in
-- patient_versions, so a correction never loses what was there before.
CREATE TABLE patients (
  id          uuid PRIMARY KEY,
  version     integer NOT NULL,
  name        text NOT NULL,
  name_key    text NOT NULL,
  birth_date  date NOT NULL,
  sex         text NOT NULL,
  cpf         char(11) UNIQUE,
  cns         char(15) UNIQUE,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL
);
CREATE INDEX patients_name_key ON patients (name_key text_pattern_ops, id);

CREATE TABLE patient_versions (
  patient_id  uuid NOT NULL REFERENCES patients (id),
  version     integer NOT NULL,
  name        text NOT NULL,
  birth_date  date NOT NULL,
  sex         text NOT NULL,
  cpf         char(11),
  cns         char(15),
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  PRIMARY KEY (patient_id, version)
);
