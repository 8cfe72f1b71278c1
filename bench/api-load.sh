#!/usr/bin/env bash
# Load run against the started platform: builds the jar, starts it on a fresh embedded PostgreSQL with the demo
# district, signs in as a community worker and drives three scoped API reads with wrk (Debian package `wrk`).
# Usage: bench/api-load.sh [seconds per endpoint, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
port=18080
data=$(mktemp -d)
trap 'kill $(cat "$data/pid") 2>/dev/null || true; sleep 3; rm -rf "$data"' EXIT

[[ -n ${JAVA_HOME:-} ]] || export JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)
./mvnw -q -DskipTests package
ZHIZHI_DATA_DIR=$data PORT=$port "$JAVA_HOME/bin/java" -jar target/zhizhi-*.jar > "$data/app.log" 2>&1 &
echo $! > "$data/pid"
until curl -sf "localhost:$port/readyz" > /dev/null; do sleep 1; done
sleep 3 # the demo district loads right after startup

token() {
  curl -s -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"Zhizhi@2026\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
TOKEN=$(token dongcheng)
auth="Authorization: Bearer $TOKEN"
community=$(curl -s "localhost:$port/api/v1/me" -H "$auth" | sed -E 's/.*"scope":\{"id":"([^"]+)".*/\1/')
grid=$(curl -s "localhost:$port/api/v1/org-units?parentId=$community&level=GRID" -H "$auth" \
  | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')

echo "== JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nproc) cores; wrk -t2 -c32 -d${duration}s"
for url in "/api/v1/me" "/api/v1/org-units?parentId=$community&level=GRID" "/api/v1/org-units/$grid"; do
  echo "== GET $url"
  wrk -t2 -c32 -d"${duration}s" --latency -H "$auth" "http://localhost:$port$url" | grep -E 'Requests/sec|50%|99%|Non-2xx'
done
echo "== POST /api/v1/auth/token (bcrypt, cost 10)"
cat > "$data/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"banan","password":"Zhizhi@2026"}'
LUA
wrk -t2 -c8 -d"${duration}s" --latency -s "$data/login.lua" "http://localhost:$port/api/v1/auth/token" \
  | grep -E 'Requests/sec|50%|99%|Non-2xx'
