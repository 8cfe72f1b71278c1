#!/usr/bin/env bash
# The people tables' partitioning (people V7, V8; docs/scaling.md) on a database that already holds people: how long
# each step takes, and how long a writer waits meanwhile.
#
#   PGHOST=… PGPORT=… PGUSER=… bench/people-partitioning.sh [RESIDENTS]      (default 1,000,000)
#
# Needs a PostgreSQL 17 server whose user may create databases (a scratch server: the embedded bundle's initdb and
# pg_ctl, started as an unprivileged user, will do), psql and pgbench (Debian's postgresql-client). It makes the
# database people_partitioning_bench afresh, runs people V1–V6, loads RESIDENTS residents in households of 2.5 over
# three districts, with a version each, an event per household and a ledger role per tenth resident and bound
# accounts for a tenth, then runs V7 and V8 as ModuleMigrations does (V7 statement by statement outside a
# transaction, V8 in one) while pgbench adds a resident and his version in one district, one transaction after the
# other. It prints each step's time and the writer's transactions and latencies (average, maximum) during each, and
# the same for 5 s before either (—), the writer alone.
#
# Measured 2026-12-07 on the shared 2-core machine (other builds running), 1,000,000 residents, 400,000 households:
# see docs/scaling.md "What it costs".
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-1000000}
db=people_partitioning_bench
dir=src/main/resources/db/migration/people
work=$(mktemp -d)
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
run() { psql -q -X -v ON_ERROR_STOP=1 -d "$db" "$@"; }
{ echo "CREATE SCHEMA people; SET search_path = people;"; cat "$dir"/V[1-6]__*.sql; } | run
echo "loading $residents residents …"
run <<SQL
SET search_path = people;
CREATE TEMPORARY TABLE d AS SELECT n, ('0190c2a0-0000-7000-8000-00000000000' || n)::uuid AS id FROM generate_series(1, 3) n;
INSERT INTO household (id, dwelling_id, dwelling_label, building_id, grid_id, micro_grid_id, registered, tenure,
       moved_in, scope_path, district_id, created_at)
SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(h), 12, '0'))::uuid, gen_random_uuid(), '1-101', gen_random_uuid(),
       gen_random_uuid(), gen_random_uuid(), true, 'OWNER', DATE '2020-01-01', '/city/' || d.id || '/', d.id, now()
  FROM generate_series(1, ($residents * 2 / 5)::int) h JOIN d ON d.n = h % 3 + 1;
INSERT INTO household_event (id, household_id, kind, occurred_on, scope_path, district_id, recorded_at)
SELECT gen_random_uuid(), id, 'MOVED_IN', moved_in, scope_path, district_id, now() FROM household;
INSERT INTO resident (id, household_id, name, gender, birth_date, id_card_cipher, id_card_hash, id_card_masked,
       relation, building_id, grid_id, scope_path, district_id, version, updated_at, account_id)
SELECT ('10000000-0000-7000-8000-' || lpad(to_hex(r), 12, '0'))::uuid,
       ('00000000-0000-7000-8000-' || lpad(to_hex(r % ($residents * 2 / 5)::int + 1), 12, '0'))::uuid,
       '张三', 'MALE', DATE '1980-01-01', '\x00', sha256(r::text::bytea), '5001**', 'HEAD', gen_random_uuid(),
       gen_random_uuid(), '/city/' || d.id || '/', d.id, 1, now(), CASE WHEN r % 10 = 0 THEN gen_random_uuid() END
  FROM generate_series(1, $residents) r JOIN d ON d.n = (r % ($residents * 2 / 5)::int + 1) % 3 + 1;
INSERT INTO resident_version (resident_id, version, reason, household_id, name, gender, birth_date, id_card_cipher,
       id_card_hash, relation, tags, active, scope_path, district_id, recorded_at)
SELECT id, 1, 'IMPORTED', household_id, name, gender, birth_date, id_card_cipher, id_card_hash, relation, tags, active,
       scope_path, district_id, now() FROM resident;
INSERT INTO ledger_role (id, resident_id, role, started_on, scope_path, district_id, recorded_at)
SELECT gen_random_uuid(), id, 'VOLUNTEER', DATE '2021-01-01', scope_path, district_id, now()
  FROM resident WHERE account_id IS NOT NULL;
VACUUM ANALYZE;
SQL
# the writer: a resident and his first version in district 1, as the platform writes them, one transaction at a time
cat > "$work/writer.sql" <<'SQL'
\set n random(1, 1000000000)
BEGIN;
INSERT INTO people.resident (id, household_id, name, gender, birth_date, id_card_cipher, id_card_hash, id_card_masked,
       relation, building_id, grid_id, scope_path, district_id, version, updated_at)
VALUES (('20000000-0000-7000-8000-' || lpad(to_hex(:n), 12, '0'))::uuid, '00000000-0000-7000-8000-000000000003',
        '李四', 'MALE', DATE '1990-01-01', '\x00', sha256(('w' || :n)::bytea), '5001**', 'HEAD', gen_random_uuid(),
        gen_random_uuid(), '/city/0190c2a0-0000-7000-8000-000000000001/', '0190c2a0-0000-7000-8000-000000000001', 1,
        now());
INSERT INTO people.resident_version (resident_id, version, reason, household_id, name, gender, birth_date,
       id_card_cipher, id_card_hash, relation, tags, active, scope_path, district_id, recorded_at)
VALUES (('20000000-0000-7000-8000-' || lpad(to_hex(:n), 12, '0'))::uuid, 1, 'CREATED',
        '00000000-0000-7000-8000-000000000003', '李四', 'MALE', DATE '1990-01-01', '\x00', sha256(('w' || :n)::bytea),
        'HEAD', '{}', true, '/city/0190c2a0-0000-7000-8000-000000000001/', '0190c2a0-0000-7000-8000-000000000001',
        now());
END;
SQL
step() {
  local name=$1; shift
  (cd "$work" && rm -f pgbench_log.* && exec pgbench -n -c 1 -j 1 -T 100000 -l -f writer.sql "$db" >pgbench.out 2>&1) &
  local writer=$!
  sleep 2
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  sleep 2
  kill "$writer" 2>/dev/null || true
  wait "$writer" 2>/dev/null || true
  # pgbench's log: client, transaction, latency in µs, …
  awk -v name="$name" -v secs="$(echo "$end - $start" | bc)" '
    { n++; sum += $3; if ($3 + 0 > max + 0) max = $3 + 0 }
    END { printf "%-4s %7.1f s   writer: %d transactions, average %.1f ms, longest %.1f ms\n", name, secs, n,
          sum / n / 1000, max / 1000 }' "$work"/pgbench_log.*
}
v7() { { echo "SET search_path = people;"; cat "$dir"/V7__*.sql; } | run; }
v8() { { echo "BEGIN; SET search_path = people;"; cat "$dir"/V8__*.sql; echo "COMMIT;"; } | run >/dev/null; }
idle() { sleep 5; }
step "—" idle
step V7 v7
step V8 v8
run -c "SELECT c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_inherits i
          JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'people.resident'::regclass"
rm -rf "$work"
