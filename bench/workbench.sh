#!/usr/bin/env bash
# The workbench's latency (issue 15): signs in through the login form as each account and asks for / RUNS times,
# printing the median and the slowest, beside a plain page (/account/password) as the floor. Against a running app:
#   bench/workbench.sh [BASE_URL] [RUNS] [ACCOUNTS...]   (defaults: http://localhost:8080 50 dongcheng dongcheng-g01
#                                                          dangyuan01 banan jumin01; demo password Zhizhi@2026)
set -euo pipefail
base=${1:-http://localhost:8080}
runs=${2:-50}
shift $(( $# > 2 ? 2 : $# )) || true
accounts=("$@")
[[ ${#accounts[@]} -gt 0 ]] || accounts=(dongcheng dongcheng-g01 dangyuan01 banan jumin01)
jar=$(mktemp -d)
trap 'rm -rf "$jar"' EXIT

# prints "median max" in ms of RUNS GETs of a path with the cookie jar of an account
timed() {
  local cookies=$1 path=$2
  for _ in $(seq "$runs"); do
    curl -s -o /dev/null -b "$cookies" -w '%{time_total}\n' "$base$path"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.0f %.0f\n", t[int((NR + 1) / 2)], t[NR] }'
}

printf '%-16s %24s %24s\n' account "workbench p50 / max ms" "plain page p50 / max ms"
for account in "${accounts[@]}"; do
  cookies="$jar/$account"
  page=$(curl -s -c "$cookies" "$base/login")
  token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<< "$page")
  token=${token%%$'\n'*}
  curl -s -o /dev/null -b "$cookies" -c "$cookies" --data-urlencode "username=$account" \
    --data-urlencode "password=${PASSWORD:-Zhizhi@2026}" --data-urlencode "_csrf=$token" "$base/login"
  home=$(curl -s -b "$cookies" "$base/")
  if [[ $home != *'id="todo-title"'* ]]; then
    echo "$account: not signed in (a staff account outside demo mode needs its second factor)" >&2
    continue
  fi
  timed "$cookies" / > /dev/null   # warm-up
  read -r wp50 wmax < <(timed "$cookies" /)
  read -r pp50 pmax < <(timed "$cookies" /account/password)
  printf '%-16s %24s %24s\n' "$account" "$wp50 / $wmax" "$pp50 / $pmax"
done
