#!/usr/bin/env bash
# Load run of 共驻共建 against the started platform: builds the jar, starts it on a fresh embedded PostgreSQL with the
# demo district, grows 金银桥社区's lists to a busy street's size through the API (needs, half of them claimed by
# 木洞小学, and resources of its partner units), then drives the reads people wait for with wrk: this year's rates, the
# matching of one need, the lists of the desk, and the public page.
# Usage: bench/partnership-load.sh [needs to add, default 2000] [seconds per endpoint, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
needs=${1:-2000}
duration=${2:-15}
port=18081
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
staff="Authorization: Bearer $(token mudong)"
school="Authorization: Bearer $(token mudong-school)"
json='Content-Type: application/json'
community=$(curl -s "localhost:$port/api/v1/me" -H "$staff" | sed -E 's/.*"scope":\{"id":"([^"]+)".*/\1/')
partners=$(curl -s "localhost:$port/api/v1/partners?communityId=$community" -H "$staff" \
  | grep -oE '"id":"[0-9a-f-]{36}","communityId"' | sed -E 's/"id":"([^"]+)".*/\1/')
year=$(date +%Y)
categories=(EDUCATION HEALTH ELDERLY_CARE ENVIRONMENT INFRASTRUCTURE CULTURE VOLUNTEERS)

echo "== growing 金银桥社区's lists by $needs needs (half claimed) and $((needs / 4)) resources"
started=$(date +%s)
for ((i = 0; i < needs; i++)); do
  category=${categories[$((i % ${#categories[@]}))]}
  item=$(curl -s -X POST "localhost:$port/api/v1/partnership/items" -H "$staff" -H "$json" -d "{\"communityId\":\"$community\",
    \"kind\":\"NEED\",\"title\":\"压测需求 $i\",\"category\":\"$category\",\"quantity\":10,\"measure\":\"HOURS\",
    \"periodStart\":\"$year-01-01\",\"periodEnd\":\"$year-12-31\"}" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
  if ((i % 2 == 0)); then
    curl -s -o /dev/null -X POST "localhost:$port/api/v1/partnership/items/$item/claims" -H "$school" -H "$json" -d '{}'
  fi
  [[ $i == 0 ]] && echo "$item" > "$data/need"
done
i=0
for ((r = 0; r < needs / 4; r++)); do
  for partner in $partners; do
    ((i++ < needs / 4)) || break 2
    category=${categories[$((i % ${#categories[@]}))]}
    curl -s -o /dev/null -X POST "localhost:$port/api/v1/partnership/items" -H "$staff" -H "$json" -d "{\"communityId\":\"$community\",
      \"kind\":\"RESOURCE\",\"offeredBy\":\"$partner\",\"title\":\"压测资源 $i\",\"category\":\"$category\",\"quantity\":100,
      \"measure\":\"HOURS\",\"periodStart\":\"$year-01-01\",\"periodEnd\":\"$year-12-31\"}"
  done
done
echo "   took $(($(date +%s) - started)) s"
need=$(cat "$data/need")
code=$(curl -s "localhost:$port/api/v1/org-units/$community" -H "$staff" | sed -E 's/.*"code":"([^"]+)".*/\1/')

echo "== JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nproc) cores; wrk -t2 -c16 -d${duration}s"
for url in "/api/v1/partnership/rates?communityId=$community" "/api/v1/partnership/items/$need/matches" \
  "/api/v1/partnership/items?communityId=$community&kind=NEED"; do
  echo "== GET $url"
  wrk -t2 -c16 -d"${duration}s" --latency -H "$staff" "http://localhost:$port$url" | grep -E 'Requests/sec|50%|99%|Non-2xx'
done
echo "== GET /public/communities/$code (no sign-in)"
wrk -t2 -c16 -d"${duration}s" --latency "http://localhost:$port/public/communities/$code" \
  | grep -E 'Requests/sec|50%|99%|Non-2xx'
