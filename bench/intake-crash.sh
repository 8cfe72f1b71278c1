#!/usr/bin/env bash
# A 201 means the report survives a crash (issue 16): reports come in from 16 connections while the app and its
# embedded PostgreSQL are killed with SIGKILL — no shutdown, no flush — then the app starts again on the same data
# directory (PostgreSQL recovers from its WAL) and every report that was answered 201 must be there, once, and counted
# by the KPIs, with its request's audit entry. wrk's script writes down each 201 answer's incident id as it arrives.
# Usage: bench/intake-crash.sh      (LOAD_SECONDS=8 before the kill, PORT=8094 MANAGEMENT_PORT=9194; SKIP_BUILD=1 to
#                                    use target/zhizhi-*.jar as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
load_seconds=${LOAD_SECONDS:-8}
port=${PORT:-8094}
management_port=${MANAGEMENT_PORT:-9194}
for tool in psql wrk jq curl; do
  command -v $tool > /dev/null || { echo "$tool is missing (apt-get install -y postgresql-client wrk jq curl)" >&2; exit 1; }
done
data=$(mktemp -d /tmp/zhizhi-crash-XXXXXX)
app=""
cleanup() {
  if [[ -n $app ]] && kill -0 "$app" 2> /dev/null; then
    kill "$app"
    for _ in $(seq 60); do kill -0 "$app" 2> /dev/null || break; sleep 1; done
    kill -9 "$app" 2> /dev/null || true
  fi
  if [[ -f $data/postgres/postmaster.pid ]]; then kill -INT "$(sed -n 1p "$data/postgres/postmaster.pid")" 2> /dev/null || true; fi
  sleep 2
  rm -rf "$data"
}
trap cleanup EXIT

[[ -n ${JAVA_HOME:-} ]] || export JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)
[[ -n ${SKIP_BUILD:-} ]] || ./mvnw -q -DskipTests package
start_app() {
  ZHIZHI_DATA_DIR=$data "$JAVA_HOME/bin/java" -jar target/zhizhi-*.jar --server.port="$port" \
    --management.server.port="$management_port" >> "$data/app.log" 2>&1 &
  app=$!
  until curl -sf "localhost:$port/readyz" > /dev/null; do
    kill -0 "$app" 2> /dev/null || { echo "the app did not start:" >&2; tail -30 "$data/app.log" >&2; exit 1; }
    sleep 1
  done
}
start_app
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
sql() { psql -h localhost -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }
until [[ $(sql -c "select count(*) > 0 from incident.incident") == t ]]; do sleep 2; done

base="http://localhost:$port"
TOKEN=$(curl -s -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"banan","password":"Zhizhi@2026"}' | jq -r .token)
grid=$(sql -c "select id from territory.org_unit where level = 'GRID' and name = '东城社区第1网格'")
read -r lat lng < <(curl -s "$base/api/v1/org-units/$grid" -H "Authorization: Bearer $TOKEN" | jq -r '
  (.boundary.coordinates[0] | if (.[0][0] | type) == "array" then .[0] else . end | .[:-1]) as $ring
  | "\($ring | map(.[1]) | add / length) \($ring | map(.[0]) | add / length)"')

cat > "$data/crash.lua" <<LUA
local threads = {}
local counter = 0
local acked

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  acked = io.open("$data/acked-" .. id, "w")
end

function request()
  counter = counter + 1
  local headers = {}
  headers["Authorization"] = "Bearer $TOKEN"
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "crash-" .. id .. "-" .. counter
  local body = string.format('{"channel":"PATROL","categoryCode":"SANITATION_BLACKSPOT","description":"崩溃测试 %d-%d","lat":%.7f,"lng":%.7f}',
    id, counter, $lat, $lng)
  return wrk.format("POST", "/api/v1/incidents", headers, body)
end

-- written down the moment the answer arrives: these the platform promised to keep
function response(status, headers, body)
  if status == 201 then
    acked:write(body:match('"incident":{"id":"([0-9a-f-]+)"'), "\n")
    acked:flush()
  end
end
LUA

echo "== reports from 16 connections; after ${load_seconds} s the app and PostgreSQL are killed with SIGKILL"
wrk -t2 -c16 -d$((load_seconds + 4))s -s "$data/crash.lua" "$base/api/v1/incidents" > "$data/wrk.out" 2>&1 &
load=$!
sleep "$load_seconds"
postmaster=$(sed -n 1p "$data/postgres/postmaster.pid")
kill -9 "$app" "$postmaster"
wait "$app" 2> /dev/null || true
echo "   killed the app ($app) and the postmaster ($postmaster) under load"
wait "$load" || true
sleep 2
cat "$data"/acked-* | grep -E '^[0-9a-f-]{36}$' | sort -u > "$data/acked"
acked=$(wc -l < "$data/acked")
echo "   answered 201 before the crash: $acked reports"

echo "== the app starts again on the same data directory"
start_app
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
sql -c "create temp table acked (id uuid)" -c "\\copy acked from '$data/acked'" \
  -c "select count(*) filter (where i.id is not null), count(*) filter (where i.id is null)
        from acked a left join incident.incident i on i.id = a.id" -F ' ' > "$data/found"
read -r found missing < "$data/found"
written=$(sql -c "select count(*) from incident.incident where description like '崩溃测试 %'")
echo "   found $found of the $acked acknowledged reports, missing $missing; $written written in all (answers lost in flight may be among them)"
# the KPIs: every report written is counted once the deltas are folded (a fold runs every second)
for _ in $(seq 30); do
  counts=$(sql -F ' ' -c "select (select count(*) from incident.incident where grid_id = '$grid'),
                                 (select coalesce(sum(reported), 0) from incident.kpi_rollup where grid_id = '$grid')")
  read -r incidents rollup <<< "$counts"
  [[ $incidents == "$rollup" ]] && break
  sleep 1
done
echo "   KPIs: $incidents incidents in the grid, kpi_rollup.reported $rollup"
# the audit: every report written has the entry of its request, committed by the same transaction (xmin)
unaudited=$(sql -c "select count(*) from incident.incident i where i.description like '崩溃测试 %'
                      and not exists (select 1 from identity.audit_entry e where e.xmin = i.xmin
                                         and e.action = 'POST /api/v1/incidents' and e.detail = 'HTTP 201')")
echo "   audit: $unaudited of the $written reports written without their request's entry"
if [[ $missing != 0 || $incidents != "$rollup" || $acked == 0 || $unaudited != 0 ]]; then
  echo "== FAILED" >&2
  exit 1
fi
echo "== every acknowledged report survived the crash"
