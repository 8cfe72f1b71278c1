# Shared by the benchmarks that set the platform against PostgreSQL's raw insert rate on the same server, in the same
# run (issue 16): bench/intake-vs-raw.sh and bench/hot-paths-vs-raw.sh source it. It builds and starts the jar on a
# fresh embedded PostgreSQL with the demo district, gives `sql` (psql as the embedded server's superuser), the CPU
# accounting of the JVM, PostgreSQL and the load tool from /proc, and the raw run: pgbench's single-row inserts into
# bench.incident_raw, a copy of incident.incident with all its indexes (LIKE … INCLUDING ALL), rows shaped as the API
# writes them, into the case's grids.
# The caller sets port, management_port and (optionally) the array preload before `start_platform`.
# pgbench: the embedded (zonky) bundle has only initdb, pg_ctl and postgres, so the client is Debian's
# (postgresql-client; bookworm offers major 15 only — the insert script uses nothing a 15 client lacks).

for tool in pgbench psql wrk jq curl; do
  command -v $tool > /dev/null || { echo "$tool is missing (apt-get install -y postgresql-client wrk jq curl)" >&2; exit 1; }
done
data=$(mktemp -d /tmp/zhizhi-bench-XXXXXX)
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

sql() { psql -h localhost -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }

# builds (unless SKIP_BUILD) and starts the jar, waits until it is ready and the demo district has loaded, signs in as
# the district admin of 巴南区 (TOKEN, auth, reporter, base)
start_platform() {
  [[ -n ${SKIP_BUILD:-} ]] || ./mvnw -q -DskipTests package
  ZHIZHI_DATA_DIR=$data "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar target/zhizhi-*.jar --server.port="$port" \
    --management.server.port="$management_port" ${preload[@]+"${preload[@]}"} > "$data/app.log" 2>&1 &
  app=$!
  until curl -sf "localhost:$port/readyz" > /dev/null; do
    kill -0 "$app" 2> /dev/null || { echo "the app did not start:" >&2; tail -30 "$data/app.log" >&2; exit 1; }
    sleep 1
  done
  postmaster=$(sed -n 1p "$data/postgres/postmaster.pid")
  pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
  # the demo district loads right after startup: wait until its incidents stop arriving
  local last=-1 now
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
}

# one point inside each grid of 巴南区: the mean of its outer ring's corners, kept only if the grid look-up agrees
# (as bench/incident-load.sh); each line "grid lat lng" in $data/points
grid_points() {
  : > "$data/points"
  local grid lat lng located
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
}

# the raw table: incident.incident with all its indexes, defaults and checks (not its foreign keys), owned by nobody
# but this run; bench.grid holds the case's grids as the rows the API writes need them
raw_setup() {
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
}

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

# raw_run <case> <points file>: fills bench.grid with the case's grids (lua_points: the same as Lua), then pgbench;
# sets raw_rate, raw_p50, raw_p99
raw_run() {
  local case=$1 points=$2 n=0 grid lat lng
  ngrids=$(wc -l < "$points")
  lua_points=""
  sql -c "truncate bench.grid, bench.incident_raw" -c "checkpoint"
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
  local raw_n
  raw_n=$(sql -c "select count(*) from bench.incident_raw")
  cpu_end "$raw_n"
  raw_rate=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$data/pgbench-$case.out" | awk '{ printf "%.1f", $1 }')
  cat "$data/pgbench-$case".* | awk '{ print $3 }' | sort -n > "$data/raw-latencies"
  raw_p50=$(percentile 0.50 < "$data/raw-latencies"); raw_p99=$(percentile 0.99 < "$data/raw-latencies")
  printf "   %s inserts/s (%d rows), latency p50 %s ms, p99 %s ms\n" "$raw_rate" "$raw_n" "$raw_p50" "$raw_p99"
}

# the JIT first: rounds of wrk -c$connections -d15s on the intake, spread over all grids (not counted), until its
# compiler threads use under 5 % of the JVM's CPU in a round (at most WARMUP rounds) — measured after a fixed minute
# instead, C2 still took 40 % of the JVM's CPU, and the run measured the warm-up, not the platform
compiler_ticks() {
  for t in /proc/"$app"/task/*; do
    if grep -q Compiler "$t/comm" 2> /dev/null; then awk '{ print $14 + $15 }' "$t/stat" 2> /dev/null || true; fi
  done | awk '{ s += $1 } END { print s + 0 }'
}
