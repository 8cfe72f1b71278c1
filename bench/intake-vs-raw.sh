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
# The start, the raw run and the CPU accounting are bench/measure.sh's, shared with bench/hot-paths-vs-raw.sh.
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
source bench/measure.sh
preload=()
[[ -z ${STATEMENTS:-} ]] || preload=(--zhizhi.database.embedded.shared-preload-libraries=pg_stat_statements)
start_platform
grid_points
raw_setup

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

# meter <name[?tag=…]>: "count total" of one of the app's meters (a timer's total in ms), from the management port
meter() {
  curl -s "localhost:$management_port/actuator/metrics/$1" | jq -r '
    [(.measurements // [])[] | {(.statistic): .value}] | add // {} |
    "\(.COUNT // 0) \((.TOTAL_TIME // .TOTAL // 0) * (if has("TOTAL_TIME") then 1000 else 1 end))"'
}
# meter_delta "<count total before>" "<count total after>": "count total" over the run
meter_delta() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%d %.3f\n", y[1] - x[1], y[2] - x[2] }'; }

# ---- one case: the raw rate, then the intake ------------------------------------------------------------------------
run_case() {
  local case=$1 points=$2 label=$3
  echo
  echo "== $case: $label ($(wc -l < "$points") grid(s))"
  raw_run "$case" "$points"

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
  local before_wait before_group before_write before_http
  before_wait=$(meter zhizhi.incident.intake.wait); before_group=$(meter zhizhi.incident.intake.group.size)
  before_write=$(meter zhizhi.incident.intake.group.write)
  before_http=$(meter "http.server.requests?tag=uri:/api/v1/incidents&tag=method:POST")
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
  # the app's own account of the run (its meters, deltas over the run): where a request's time went
  read -r http_n http_ms < <(meter_delta "$before_http" "$(meter "http.server.requests?tag=uri:/api/v1/incidents&tag=method:POST")")
  read -r wait_n wait_ms < <(meter_delta "$before_wait" "$(meter zhizhi.incident.intake.wait)")
  read -r groups reports < <(meter_delta "$before_group" "$(meter zhizhi.incident.intake.group.size)")
  read -r writes write_ms < <(meter_delta "$before_write" "$(meter zhizhi.incident.intake.group.write)")
  awk -v hn="$http_n" -v hms="$http_ms" -v wn="$wait_n" -v wms="$wait_ms" -v g="$groups" -v r="$reports" \
      -v xn="$writes" -v xms="$write_ms" 'BEGIN {
    printf "   in the app: a request %.2f ms in the server, of which %.2f ms waiting for its group'"'"'s commit; %.1f reports a group, a group'"'"'s transaction %.2f ms\n",
      hn ? hms / hn : 0, wn ? wms / wn : 0, g ? r / g : 0, xn ? xms / xn : 0 }'
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
