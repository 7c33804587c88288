-- The app's role owns the schema (Flyway runs as it). Take back its privileges to change or remove
-- audit rows: an UPDATE, DELETE or TRUNCATE is then refused by PostgreSQL's privilege check
-- ("permission denied") before the append-only trigger of V2 is reached, and the app keeps only
-- SELECT and INSERT. An owner could grant them back to itself; the complete control (a separate
-- owner role for migrations) is listed as open in docs/security.md.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER;
