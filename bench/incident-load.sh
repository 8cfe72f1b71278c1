#!/usr/bin/env bash
# Incident intake under load: builds the jar, starts it on a fresh embedded PostgreSQL with the demo district, signs in
# as the district admin of 巴南区 and posts new incidents with wrk (Debian package `wrk`), each with its own
# Idempotency-Key, at a point inside one of 巴南区's grids picked at random. Every intake writes the incident, its first
# timeline entry, the idempotency key and the KPI rollup in one transaction. Afterwards the district's KPI figures are
# read back: the rollup must have counted every incident reported.
# Usage: bench/incident-load.sh [seconds, default 30] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30}
connections=${2:-16}
port=${PORT:-18312}
data=$(mktemp -d)
trap 'kill $(cat "$data/pid") 2>/dev/null || true; sleep 3; rm -rf "$data"' EXIT

[[ -n ${JAVA_HOME:-} ]] || export JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)
[[ -n ${SKIP_BUILD:-} ]] || ./mvnw -q -DskipTests package
ZHIZHI_DATA_DIR=$data PORT=$port "$JAVA_HOME/bin/java" -jar target/zhizhi-*.jar > "$data/app.log" 2>&1 &
echo $! > "$data/pid"
until curl -sf "localhost:$port/readyz" > /dev/null; do sleep 1; done
sleep 3 # the demo district loads right after startup

base="http://localhost:$port"
TOKEN=$(curl -s -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"banan","password":"Zhizhi@2026"}' | jq -r .token)
auth="Authorization: Bearer $TOKEN"
district=$(curl -s "$base/api/v1/me" -H "$auth" | jq -r .scope.id)

# one point inside each grid: the mean of its outer ring's corners, kept only if the grid look-up agrees
points=""
for grid in $(curl -s "$base/api/v1/org-units?level=GRID" -H "$auth" | jq -r '.[].id'); do
  read -r lat lng < <(curl -s "$base/api/v1/org-units/$grid" -H "$auth" | jq -r '
    (.boundary.coordinates[0] | if (.[0][0] | type) == "array" then .[0] else . end | .[:-1]) as $ring
    | "\($ring | map(.[1]) | add / length) \($ring | map(.[0]) | add / length)"')
  located=$(curl -s "$base/api/v1/grids/locate?lat=$lat&lng=$lng" -H "$auth" | jq -r '.id // empty')
  [[ $located == "$grid" ]] && points+="{$lat,$lng},"
done
echo "== $(grep -o '{' <<< "$points" | wc -l) grids of 巴南区 to report in"

cat > "$data/report.lua" <<LUA
local points = { ${points} }
local threads = {}
local counter = 0
local prefix = ""

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = "load-" .. id .. "-" .. tostring(os.time()) .. "-"
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
    '{"channel":"PATROL","categoryCode":"SANITATION_BLACKSPOT","description":"压测上报 %d","lat":%.7f,"lng":%.7f}',
    counter, p[1], p[2])
  return wrk.format("POST", "/api/v1/incidents", headers, body)
end
LUA

echo "== JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nproc) cores; wrk -t2 -c$connections -d${duration}s"
echo "== POST /api/v1/incidents"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$data/report.lua" "$base/api/v1/incidents" \
  | grep -E 'Requests/sec|requests in|50%|90%|99%|Non-2xx|Socket errors'
echo "== GET /api/v1/incident-kpis (巴南区, this month): reported"
curl -s "$base/api/v1/incident-kpis?orgUnitId=$district" -H "$auth" | jq '.figures.reported'
