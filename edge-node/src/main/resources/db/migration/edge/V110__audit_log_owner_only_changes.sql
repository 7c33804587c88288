-- Migrations run as the schema's owner; the app connects as another role that gets row access
-- through default privileges (local-cluster's SchemaRoles, docs/operations.md for production). Take
-- back from every role but the owner the right to change or remove audit rows: PostgreSQL then
-- refuses them before the append-only trigger of V2 is reached, and, not owning the table, they
-- cannot grant it back, disable the trigger or alter the table.
DO $$
DECLARE
  grantee text;
BEGIN
  FOR grantee IN
    SELECT DISTINCT a.grantee::regrole::text
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = 'audit_log'::regclass
      AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
      AND a.grantee <> c.relowner AND a.grantee <> 0
  LOOP
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ' || grantee;
  END LOOP;
END $$;
