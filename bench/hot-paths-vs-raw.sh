#!/usr/bin/env bash
# The field's hot paths against the raw insert rate (issue 16: "the other hot paths measured the same way, each against
# the raw rate in the same run"): builds the jar, starts it on a fresh embedded PostgreSQL with the demo district and,
# on that same server, in the same run, measures
#   raw      pgbench's single-row insert rate into a copy of incident.incident (bench/measure.sh), one grid
#   claim    党员接单 under contention: for each of ORDERS quick orders (抢单) whistled in 东城社区第1网格, 20 claims
#            released at once by its four party members (five each) — exactly one must win, 19 must get 409
#   check-in 线下报到 with a photo: each winner adds a phone-sized photo (1600×1200 JPEG) and checks in on site naming
#            it, CONNECTIONS phones at once
# both driven by bench/HotPaths.java (wrk can do neither: a race needs twenty requests released together, a check-in
# needs the photo's id from the answer before it), after a warm-up of the same steps on WARMUP_ORDERS other orders.
# Prints each path's rate, its ratio to the raw rate, p50/p99 and the CPU split, then checks in the database that
# every order has exactly one claim on its timeline and every winner's check-in its photo.
# The KPI report over 1,000,000 incidents, the third hot path, has its own benchmark (docs/performance.md, KpiBenchmark).
# Usage: bench/hot-paths-vs-raw.sh   (ORDERS=400 WARMUP_ORDERS=300 DURATION=20 CONNECTIONS=16, PORT=8094
#                                     MANAGEMENT_PORT=9194, SKIP_BUILD=1 to use target/zhizhi-*.jar as it is, JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${ORDERS:-400}
warmup_orders=${WARMUP_ORDERS:-300}
duration=${DURATION:-20}
connections=${CONNECTIONS:-16}
port=${PORT:-8094}
management_port=${MANAGEMENT_PORT:-9194}
source bench/measure.sh
start_platform
grid_points
raw_setup
read -r _ lat lng < "$data/points-burst"
driver() { "$JAVA_HOME/bin/java" bench/HotPaths.java "$@"; }
# "ops=… seconds=… rate=… p50=… p99=… failures=…" → shell variables
parse() { eval "$(tr ' ' '\n' <<< "$1" | sed -E 's/^([a-z0-9]+)=/\1=/')"; }

echo "== JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nproc) cores, PostgreSQL" \
  "$(sql -c 'show server_version'), fsync $(sql -c 'show fsync'), synchronous_commit $(sql -c 'show synchronous_commit');" \
  "$(pgbench --version)"
echo "== load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== orders: $warmup_orders for the warm-up and $orders measured, reported, accepted, triaged and whistled (抢单) in 东城社区第1网格 by its grid leader"
driver orders "$base" "$warmup_orders" "$lat" "$lng" "$data/warmup-orders"
driver orders "$base" "$orders" "$lat" "$lng" "$data/orders"
echo "== warm-up: the same claims and check-ins on the warm-up orders (not counted)"
echo "   claim:    $(driver claim "$base" "$data/warmup-orders" "$data/warmup-winners")"
echo "   check-in: $(driver checkin "$base" "$data/warmup-winners" "$lat" "$lng" "$connections" 2> /dev/null)"

echo
echo "== raw"
raw_run raw "$data/points-burst"

echo
echo "-- claim: 20 at once on each of $orders orders"
sql -c "checkpoint"
cpu_start
line=$(driver claim "$base" "$data/orders" "$data/winners")
parse "$line"
cpu_end "$ops"
claim_rate=$rate claim_p50=$p50 claim_p99=$p99 claim_failures=$failures
races=$(awk -v o="$orders" -v s="$seconds" 'BEGIN { printf "%.1f", o / s }')
printf "   %s claims/s (%d claims, %s races/s), latency p50 %s ms, p99 %s ms, races without exactly one winner: %d\n" \
  "$rate" "$ops" "$races" "$p50" "$p99" "$failures"

echo "-- check-in with photo: $connections phones at once, each its photo then its check-in"
sql -c "checkpoint"
cpu_start
line=$(driver checkin "$base" "$data/winners" "$lat" "$lng" "$connections" 2> "$data/checkin.err")
parse "$line"
cpu_end "$ops"
head -1 "$data/checkin.err" | sed 's/^/   /'
checkin_rate=$rate checkin_p50=$p50 checkin_p99=$p99 checkin_failures=$failures
printf "   %s check-ins/s (%d, each a photo upload and a check-in), latency p50 %s ms, p99 %s ms, failed: %d\n" \
  "$rate" "$ops" "$p50" "$p99" "$failures"

# what the database says: each measured order claimed once, by its winner; each checked in with one photo
verdict=$(sql <<SQL
create temp table o (id uuid);
\copy o from '$data/orders'
create temp table w (id uuid, member text);
\copy w from '$data/winners' with (delimiter ' ')
select format('%s orders: %s with exactly one claim on the timeline, %s claimed by the winner the driver saw, %s checked in with one photo',
  (select count(*) from o),
  (select count(*) from o where (select count(*) from incident.timeline_entry t where t.incident_id = o.id and t.action = 'CLAIM') = 1),
  (select count(*) from w join incident.incident i on i.id = w.id join identity.account a on a.id = i.claimed_by
    where a.username = w.member),
  (select count(*) from w join incident.incident i on i.id = w.id where i.state = 'CHECKED_IN'
    and (select count(*) from incident.timeline_entry t where t.incident_id = w.id and t.action = 'CHECK_IN'
         and cardinality(t.photo_ids) = 1) = 1));
SQL
)
echo "   database: $verdict"

echo
echo "== summary (rates per second, latencies in ms; raw: $raw_rate inserts/s, p99 $raw_p99 ms)"
printf "%-22s %10s %16s %9s %9s %9s\n" path rate path/raw p50 p99 failures
for path in claim checkin; do
  r=${path}_rate; a=${path}_p50; b=${path}_p99; f=${path}_failures
  printf "%-22s %10s %16s %9s %9s %9s\n" "$([[ $path == claim ]] && echo "claim (20 per order)" || echo "check-in with photo")" \
    "${!r}" "$(awk -v x="${!r}" -v y="$raw_rate" 'BEGIN { printf "%.3f (1/%.0f)", x / y, y / x }')" "${!a}" "${!b}" "${!f}"
done
echo "== load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
