#!/usr/bin/env bash
# Intake against the raw insert rate (issue 16): builds the jar, starts it on a fresh embedded PostgreSQL with the demo
# district and, on that same server, in the same run, for two cases
#   burst  every report in one grid (东城社区第1网格) — a burst water main, a flood
#   spread reports over all grids of 巴南区
# measures
#   raw     pgbench's single-row insert rate into bench.incident_raw, a copy of incident.incident with all its indexes
#           (LIKE … INCLUDING ALL), rows shaped as the API writes them, into the case's grids
#   intake  POST /api/v1/incidents with wrk (Debian package `wrk`), each request with its own Idempotency-Key, signed in
#           as the district admin of 巴南区
# and prints both rates, the ratio intake/raw, p50/p99 latency and the CPU the JVM, PostgreSQL, the load tool and the
# rest of the machine used during each run (utime+stime deltas from /proc). After each intake run it reads, with psql
# as the embedded server's superuser, how many incidents the run reported and what the KPI rollups (kpi_rollup per day,
# kpi_rollup_month per month) count for the same grids and day: they must agree.
# pgbench: the embedded (zonky) bundle has only initdb, pg_ctl and postgres, so the client is Debian's
# (postgresql-client; bookworm offers major 15 only — the insert script uses nothing a 15 client lacks).
# Usage: bench/intake-vs-raw.sh            (DURATION=20 CONNECTIONS=16 WARMUP=20 rounds, PORT=8093 MANAGEMENT_PORT=9193,
#                                           SKIP_BUILD=1 to use target/zhizhi-*.jar as it is, JAVA_OPTS for the
#                                           JVM, e.g. -XX:StartFlightRecording=filename=/tmp/intake.jfr,settings=profile,
#                                           STATEMENTS=1 for PostgreSQL's own account of each intake run: the server
#                                           starts with pg_stat_statements and the run prints its 15 costliest
#                                           statements with calls per report)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-20}
connections=${CONNECTIONS:-16}
# warm-up rounds of 15 s until the JIT is done with the request path: its compiler threads used under 5 % of the
# JVM's CPU in a round (at most WARMUP rounds) — measured after a fixed minute instead, C2 still took 40 % of the
# JVM's CPU, and the run measured the warm-up, not the platform
warmup=${WARMUP:-20}
port=${PORT:-8093}
management_port=${MANAGEMENT_PORT:-9193}
for tool in pgbench psql wrk jq curl; do
  command -v $tool > /dev/null || { echo "$tool is missing (apt-get install -y postgresql-client wrk jq curl)" >&2; exit 1; }
done
data=$(mktemp -d /tmp/zhizhi-intake-XXXXXX)
app=""
postmaster=""
cleanup() {
  if [[ -n $app ]] && kill -0 "$app" 2> /dev/null; then
    kill "$app"
    for _ in $(seq 60); do kill -0 "$app" 2> /dev/null || break; sleep 1; done
    kill -9 "$app" 2> /dev/null || true
  fi
  # the app stops its PostgreSQL as it closes; should it not have, stop that server (and only it)
  if [[ -n $postmaster ]] && kill -0 "$postmaster" 2> /dev/null; then
    kill -INT "$postmaster"
    for _ in $(seq 30); do kill -0 "$postmaster" 2> /dev/null || break; sleep 1; done
  fi
  rm -rf "$data"
}
trap cleanup EXIT

[[ -n ${JAVA_HOME:-} ]] || export JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)
[[ -n ${SKIP_BUILD:-} ]] || ./mvnw -q -DskipTests package
preload=()
[[ -z ${STATEMENTS:-} ]] || preload=(--zhizhi.database.embedded.shared-preload-libraries=pg_stat_statements)
ZHIZHI_DATA_DIR=$data "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar target/zhizhi-*.jar --server.port="$port" \
  --management.server.port="$management_port" "${preload[@]}" > "$data/app.log" 2>&1 &
app=$!
until curl -sf "localhost:$port/readyz" > /dev/null; do
  kill -0 "$app" 2> /dev/null || { echo "the app did not start:" >&2; tail -30 "$data/app.log" >&2; exit 1; }
  sleep 1
done
postmaster=$(sed -n 1p "$data/postgres/postmaster.pid")
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
sql() { psql -h localhost -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }
# the demo district loads right after startup: wait until its incidents stop arriving
last=-1
for _ in $(seq 60); do
  now=$(sql -c 'select count(*) from incident.incident')
  [[ $now == "$last" && $now -gt 0 ]] && break
  last=$now
  sleep 3
done

base="http://localhost:$port"
TOKEN=$(curl -s -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"banan","password":"Zhizhi@2026"}' | jq -r .token)
auth="Authorization: Bearer $TOKEN"
reporter=$(curl -s "$base/api/v1/me" -H "$auth" | jq -r .id)

# one point inside each grid of 巴南区: the mean of its outer ring's corners, kept only if the grid look-up agrees
# (as bench/incident-load.sh); each line "grid lat lng"
: > "$data/points"
for grid in $(curl -s "$base/api/v1/org-units?level=GRID" -H "$auth" | jq -r '.[].id'); do
  read -r lat lng < <(curl -s "$base/api/v1/org-units/$grid" -H "$auth" | jq -r '
    (.boundary.coordinates[0] | if (.[0][0] | type) == "array" then .[0] else . end | .[:-1]) as $ring
    | "\($ring | map(.[1]) | add / length) \($ring | map(.[0]) | add / length)"')
  located=$(curl -s "$base/api/v1/grids/locate?lat=$lat&lng=$lng" -H "$auth" | jq -r '.id // empty')
  [[ $located == "$grid" ]] && echo "$grid $lat $lng" >> "$data/points"
done
burst_grid=$(sql -c "select id from territory.org_unit where level = 'GRID' and name = '东城社区第1网格'")
grep "^$burst_grid " "$data/points" > "$data/points-burst"
cp "$data/points" "$data/points-spread"

# the raw table: incident.incident with all its indexes, defaults and checks (not its foreign keys), owned by nobody
# but this run; bench.grid holds the case's grids as the rows the API writes need them
sql <<SQL
create schema bench;
create table bench.incident_raw (like incident.incident including all);
create table bench.grid (n int primary key, grid_id uuid, micro_grid_id uuid, scope_path text, district_id uuid,
                         lat float8, lng float8, reporter_id uuid);
SQL
cat > "$data/raw.sql" <<'SQL'
\set g random(1, :ngrids)
insert into bench.incident_raw (id, channel, category_code, description, lat, lng, grid_id, micro_grid_id, scope_path,
    district_id, state, reporter_id, reported_at, updated_at, tier, owner_kind, owner_id, version)
select (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0')
        || substr(md5(random()::text), 13))::uuid,
       'PATROL', 'SANITATION_BLACKSPOT', 'raw insert', lat, lng, grid_id, micro_grid_id, scope_path, district_id,
       'REPORTED', reporter_id, now(), now(), 'GRID', 'ORG_UNIT', grid_id, 0
from bench.grid where n = :g;
SQL

# ---- CPU accounting: clock ticks of utime+stime ---------------------------------------------------------------------
hz=$(getconf CLK_TCK)
jvm_ticks() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
# the postmaster, its live children and (cutime+cstime) the children it has reaped: pgbench's backends end with the run
pg_ticks() {
  { cat "/proc/$postmaster/stat"; for c in $(pgrep -P "$postmaster"); do cat "/proc/$c/stat" 2> /dev/null || true; done; } \
    | awk -v pm="$postmaster" '{ t += $14 + $15; if ($1 == pm) t += $16 + $17 } END { print t }'
}
# this shell's reaped children (the load tool): the second line of `times`, run in this shell (not in a $(…) subshell,
# whose own children would be counted instead)
tool_ticks() { times > "$data/times"; awk -v hz="$hz" 'NR == 2 { gsub(/[ms]/, " "); print int((($1 * 60 + $2) + ($3 * 60 + $4)) * hz) }' "$data/times"; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
cpu_start() { t0=$(date +%s.%N); j0=$(jvm_ticks); p0=$(pg_ticks); tool_ticks > "$data/tool0"; b0=$(busy_ticks); }
# cpu_end <operations done>: prints cores used (cpu-seconds per second) and CPU milliseconds per operation
cpu_end() {
  local t1 j1 p1 l1 b1
  t1=$(date +%s.%N); j1=$(jvm_ticks); p1=$(pg_ticks); tool_ticks > "$data/tool1"; b1=$(busy_ticks)
  l0=$(cat "$data/tool0"); l1=$(cat "$data/tool1")
  awk -v w="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" -v hz="$hz" -v n="$1" -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v l=$((l1 - l0)) \
      -v b=$((b1 - b0)) -v cores="$(nproc)" 'BEGIN {
    o = b - j - p - l; if (o < 0) o = 0
    printf "   CPU   JVM %.2f cores (%.2f ms/op), PostgreSQL %.2f cores (%.2f ms/op), load tool %.2f, rest of the machine %.2f (of %d cores)\n",
      j / hz / w, 1000 * j / hz / n, p / hz / w, 1000 * p / hz / n, l / hz / w, o / hz / w, cores
  }'
}
percentile() { awk -v q="$1" '{ v[NR] = $1 } END { i = int(NR * q + 0.5); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }'; }
to_ms() { awk '{ v = $1; if (v ~ /us$/) v /= 1000; else if (v ~ /ms$/) v += 0; else if (v ~ /s$/) v *= 1000; printf "%.2f", v }'; }

# report_lua <tag> <points as Lua>: wrk's script, a new Idempotency-Key per request and the tag in the description
report_lua() {
  cat <<LUA
local points = { $2 }
local threads = {}
local counter = 0
local prefix = ""

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = "$1-" .. id .. "-" .. tostring(os.time()) .. "-"
  math.randomseed(os.time() + id)
end

function request()
  counter = counter + 1
  local p = points[math.random(#points)]
  local headers = {}
  headers["Authorization"] = "Bearer $TOKEN"
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = prefix .. counter
  local body = string.format(
    '{"channel":"PATROL","categoryCode":"SANITATION_BLACKSPOT","description":"压测上报 $1 %d-%d","lat":%.7f,"lng":%.7f}',
    id, counter, p[1], p[2])
  return wrk.format("POST", "/api/v1/incidents", headers, body)
end
LUA
}

# ---- one case: the raw rate, then the intake ------------------------------------------------------------------------
run_case() {
  local case=$1 points=$2 label=$3 ngrids lua_points=""
  ngrids=$(wc -l < "$points")
  echo
  echo "== $case: $label ($ngrids grid(s))"
  sql -c "truncate bench.grid, bench.incident_raw" -c "checkpoint"
  local n=0
  while read -r grid lat lng; do
    n=$((n + 1))
    sql -c "insert into bench.grid select $n, g.id, (select m.id from territory.org_unit m where m.parent_id = g.id
              and m.level = 'MICRO_GRID' order by m.id limit 1), g.path, g.district_id, $lat, $lng, '$reporter'
            from territory.org_unit g where g.id = '$grid'"
    lua_points+="{$lat,$lng},"
  done < "$points"

  echo "-- raw: pgbench -M prepared -c$connections -j2 -T$duration, single-row inserts into bench.incident_raw"
  cpu_start
  pgbench -h localhost -p "$pgport" -U postgres -n -M prepared -c "$connections" -j 2 -T "$duration" \
    -D ngrids="$ngrids" -f "$data/raw.sql" -l --log-prefix="$data/pgbench-$case" postgres > "$data/pgbench-$case.out" 2>&1 \
    || { cat "$data/pgbench-$case.out" >&2; exit 1; }
  raw_n=$(sql -c "select count(*) from bench.incident_raw")
  cpu_end "$raw_n"
  raw_rate=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$data/pgbench-$case.out" | awk '{ printf "%.1f", $1 }')
  cat "$data/pgbench-$case".* | awk '{ print $3 }' | sort -n > "$data/raw-latencies"
  raw_p50=$(percentile 0.50 < "$data/raw-latencies"); raw_p99=$(percentile 0.99 < "$data/raw-latencies")
  printf "   %s inserts/s (%d rows), latency p50 %s ms, p99 %s ms\n" "$raw_rate" "$raw_n" "$raw_p50" "$raw_p99"

  report_lua "$case" "$lua_points" > "$data/report-$case.lua"
  local grids="select grid_id from bench.grid"
  local before_day
  before_day=$(sql -c "select coalesce(sum(reported), 0) from incident.kpi_rollup
                       where grid_id in ($grids) and day = incident.kpi_day(now())")
  local day
  day=$(sql -c "select incident.kpi_day(now())")

  echo "-- intake: wrk -t2 -c$connections -d${duration}s POST /api/v1/incidents, a new Idempotency-Key per request"
  sql -c "checkpoint"
  [[ -z ${STATEMENTS:-} ]] || sql -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" > /dev/null
  cpu_start
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$data/report-$case.lua" "$base/api/v1/incidents" \
    > "$data/wrk-$case.out"
  local requests
  requests=$(sed -nE 's/^ *([0-9]+) requests in .*/\1/p' "$data/wrk-$case.out")
  cpu_end "$requests"
  local non2xx intake_rate p50 p99
  non2xx=$(sed -nE 's/^ *Non-2xx or 3xx responses: ([0-9]+)/\1/p' "$data/wrk-$case.out"); non2xx=${non2xx:-0}
  intake_rate=$(sed -nE 's/^Requests\/sec: *([0-9.]+)/\1/p' "$data/wrk-$case.out")
  p50=$(awk '$1 == "50%" { print $2 }' "$data/wrk-$case.out" | to_ms)
  p99=$(awk '$1 == "99%" { print $2 }' "$data/wrk-$case.out" | to_ms)
  printf "   %s reports/s (%d requests, %d not 2xx), latency p50 %s ms, p99 %s ms\n" \
    "$intake_rate" "$requests" "$non2xx" "$p50" "$p99"
  grep -E 'Socket errors' "$data/wrk-$case.out" | sed 's/^/   /' || true
  local ratio
  ratio=$(awk -v a="$intake_rate" -v b="$raw_rate" 'BEGIN { printf "%.3f (1/%.0f)", a / b, b / a }')
  echo "   ratio intake/raw: $ratio"
  if [[ -n ${STATEMENTS:-} ]]; then
    echo "   statements (PostgreSQL's time, calls per report, the query's start):"
    sql -F ' | ' -c "select round(100 * total_exec_time / sum(total_exec_time) over ())::int || ' %',
                            round(calls::numeric / $requests, 2), round(mean_exec_time::numeric, 3) || ' ms',
                            left(regexp_replace(query, '\s+', ' ', 'g'), 110)
                       from pg_stat_statements where dbid = (select oid from pg_database where datname = 'postgres')
                      order by total_exec_time desc limit 15" | sed 's/^/     /'
    sql -c "select 'all: ' || round(sum(calls)::numeric / $requests, 1) || ' statements a report'
              from pg_stat_statements where query not like '%pg_stat_statements%'" | sed 's/^/     /'
  fi

  # the KPIs: incidents this run reported against what the rollups count for the same grids, day and month; the
  # rollup is written with the report, but give anything asynchronous 30 s to catch up before calling a difference
  local reported rollup_delta counts
  for _ in $(seq 30); do
    reported=$(sql -c "select count(*) from incident.incident where description like '压测上报 $case %'")
    counts=$(sql -F ' ' -c "
      select (select count(*) from incident.incident where grid_id in ($grids) and incident.kpi_day(reported_at) = '$day'),
             (select coalesce(sum(reported), 0) from incident.kpi_rollup where grid_id in ($grids) and day = '$day'),
             (select count(*) from incident.incident where grid_id in ($grids)
                and date_trunc('month', incident.kpi_day(reported_at)) = date_trunc('month', '$day'::date)),
             (select coalesce(sum(reported), 0) from incident.kpi_rollup_month where grid_id in ($grids)
                and month = date_trunc('month', '$day'::date)::date)")
    read -r day_incidents day_rollup month_incidents month_rollup <<< "$counts"
    rollup_delta=$((day_rollup - before_day))
    [[ $rollup_delta == "$reported" && $day_incidents == "$day_rollup" && $month_incidents == "$month_rollup" ]] && break
    sleep 1
  done
  local verdict="agree"
  [[ $rollup_delta == "$reported" && $day_incidents == "$day_rollup" && $month_incidents == "$month_rollup" ]] \
    || verdict="DISAGREE"
  echo "   KPIs  reported by this run: $reported incidents (wrk counted $((requests - non2xx)) 2xx answers; it stops with up to $connections requests in flight, which the app completes);"
  echo "         kpi_rollup.reported of its grid(s) on $day went up by $rollup_delta"
  echo "         on $day in its grid(s): $day_incidents incidents, kpi_rollup.reported $day_rollup; in the month: $month_incidents incidents, kpi_rollup_month.reported $month_rollup — $verdict"
  summary+=$(printf "\n%-7s %10s %10s %16s %9s %9s %9s %9s" "$case" "$raw_rate" "$intake_rate" "$ratio" \
    "$raw_p99" "$p50" "$p99" "$verdict")
}

echo "== JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nproc) cores, PostgreSQL" \
  "$(sql -c 'show server_version'), fsync $(sql -c 'show fsync'), synchronous_commit $(sql -c 'show synchronous_commit');" \
  "$(pgbench --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "== load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up: rounds of wrk -c$connections -d15s on the intake, spread over all grids (not counted), until the JIT's"
echo "   compiler threads use under 5 % of the JVM's CPU in a round"
report_lua warmup "$(awk '{ printf "{%s,%s},", $2, $3 }' "$data/points")" > "$data/warmup.lua"
compiler_ticks() {
  for t in /proc/"$app"/task/*; do
    if grep -q Compiler "$t/comm" 2> /dev/null; then awk '{ print $14 + $15 }' "$t/stat" 2> /dev/null || true; fi
  done | awk '{ s += $1 } END { print s + 0 }'
}
for round in $(seq "$warmup"); do
  c0=$(compiler_ticks); j0=$(jvm_ticks)
  rate=$(wrk -t2 -c"$connections" -d15s -s "$data/warmup.lua" "$base/api/v1/incidents" | sed -nE 's/^Requests\/sec: *([0-9.]+)/\1/p')
  c1=$(compiler_ticks); j1=$(jvm_ticks)
  share=$(awk -v c=$((c1 - c0)) -v j=$((j1 - j0)) 'BEGIN { printf "%.0f", (j > 0 ? 100 * c / j : 100) }')
  echo "   round $round: $rate reports/s, the JIT's compilers $share % of the JVM's CPU"
  [[ $share -lt 5 ]] && break
done

summary=""
run_case burst "$data/points-burst" "every report in one grid of 东城社区"
run_case spread "$data/points-spread" "reports spread over all grids of 巴南区"
echo
echo "== summary (rates per second, latencies in ms)"
printf "%-7s %10s %10s %16s %9s %9s %9s %9s" case raw intake intake/raw raw-p99 api-p50 api-p99 KPIs
echo "$summary"
echo "== load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
