-- Clinicians and staff who log in; passwords are Argon2id PHC strings, never plain text.
CREATE TABLE users (
  username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
  role          text NOT NULL CHECK (role IN ('physician', 'nurse', 'admin', 'auditor', 'it-ops')),
  password_hash text NOT NULL,
  enabled       boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);
