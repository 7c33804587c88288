-- The plans of every query in the bench api mix, on whatever data the cluster holds (issue 21:
-- "every query in the mix has a plan that does not grow with the table"). Run on the primary, as
-- the superuser named in DIR/cluster.json (its hosts are in database.jdbcUrl):
--   PGPASSWORD=$(jq -r .database.superuserPassword DIR/cluster.json) psql \
--     "postgresql://postgres@127.0.0.1:PORT_A,127.0.0.1:PORT_B/prontuario?target_session_attrs=read-write&sslmode=require" \
--     -f docs/bench/explain-mix.sql
-- The statements are the repositories' own SQL (PatientRepository, NoteRepository, LabRepository,
-- IdempotencyRecords, AuditChain) with the worst parameters the data offers: the patient with the
-- most notes, a page deep in their notes, the widest two-letter name prefix ("ma", Maria).
\set ON_ERROR_STOP on
\pset pager off
SELECT count(*) AS patients FROM patients \gset
SELECT count(*) AS notes FROM notes \gset
SELECT max(seq) AS audit_rows FROM audit_log \gset
\echo patients :patients, notes :notes, audit rows :audit_rows

-- the patient with the most notes, and the cursor of their last page of 20 (or the 50th)
SELECT patient_id AS busy, count(*) AS busy_notes FROM notes GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT recorded_at AS deep_at, id AS deep_id FROM notes WHERE patient_id = :'busy'
  ORDER BY recorded_at DESC, id DESC OFFSET least(:busy_notes - 21, 1000) LIMIT 1 \gset
\echo busiest patient: :busy_notes notes
SELECT principal AS idem_principal, idem_key AS idem_key FROM idempotency_keys LIMIT 1 \gset

\echo '== read patient (PatientRepository.find)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT id, version, name, birth_date, sex, cpf, cns, created_at, updated_at FROM patients WHERE id = :'busy';

\echo '== read notes, first page (NoteRepository.current)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT id, patient_id, version, replaces_id, type, text, author, author_role, recorded_at, root_id
  FROM notes n WHERE patient_id = :'busy'
  AND NOT EXISTS (SELECT 1 FROM notes c WHERE c.replaces_id = n.id)
  ORDER BY recorded_at DESC, id DESC LIMIT 21;

\echo '== read notes, page 51 by keyset (NoteRepository.current after a cursor)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT id, patient_id, version, replaces_id, type, text, author, author_role, recorded_at, root_id
  FROM notes n WHERE patient_id = :'busy'
  AND NOT EXISTS (SELECT 1 FROM notes c WHERE c.replaces_id = n.id)
  AND (recorded_at, id) < (:'deep_at'::timestamptz, :'deep_id'::uuid)
  ORDER BY recorded_at DESC, id DESC LIMIT 21;

\echo '== search by name prefix "ma", first page (PatientRepository.BY_NAME_PREFIX)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT id, version, name, birth_date, sex, cpf, cns, created_at, updated_at FROM patients
  WHERE name_key COLLATE "C" >= 'ma' AND name_key COLLATE "C" < 'mb'
  ORDER BY name_key COLLATE "C", id LIMIT 21;

\echo '== write note: idempotency lookup (IdempotencyRecords.find)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT request_hash, status, content_type, location, etag, body, created_at
  FROM idempotency_keys WHERE principal = :'idem_principal' AND idem_key = :'idem_key' AND status IS NOT NULL;

\echo '== write note: the current version check (NoteRepository.isCurrent)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT 1 FROM notes n WHERE id = :'deep_id' AND NOT EXISTS (SELECT 1 FROM notes c WHERE c.replaces_id = n.id);

\echo '== audit chain head (AuditChain, every chained write)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;

\echo '== lab results of a patient, first page (LabRepository.results)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON)
SELECT id, patient_id, code, code_system, name, value, numeric_value, unit, reference_range, abnormal_flag,
       result_status, observed_at, recorded_at, sender, control_id
  FROM lab_results WHERE patient_id = :'busy' ORDER BY recorded_at DESC, id DESC LIMIT 21;
