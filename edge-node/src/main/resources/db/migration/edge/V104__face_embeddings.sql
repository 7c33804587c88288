-- Face-login embeddings: biometric data (LGPD art. 11). Only AES-GCM ciphertext of the embedding
-- is stored, never an image; a user deletes them all at will.
CREATE TABLE face_embedding (
    id          UUID PRIMARY KEY,
    username    TEXT        NOT NULL,
    ciphertext  BYTEA       NOT NULL,
    model_sha256 TEXT       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX face_embedding_username ON face_embedding (username);
