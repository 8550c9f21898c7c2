#!/usr/bin/env bash
# Measures the public catalogue's search: cold start of `aswaq serve --demo` to the first
# 200 from /healthz, then wrk throughput and p99 latency for /ar/catalogue?q=عسل and
# /fr/catalogue?q=miel beside a plain Go handler serving the same bytes, in the same run:
# once as a crowd sees it (the same address again and again, mostly from the page cache),
# and once with every request a new address (a search and a render each time).
# Needs wrk (apt-get install wrk). Usage: bench/catalogue.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/aswaq" ./cmd/aswaq
go build -o "$work/plain" ./bench/plainhandler

start=$(date +%s%N)
"$work/aswaq" serve --data "$work/data" --demo --addr 127.0.0.1:18080 >"$work/serve.log" 2>&1 &
until curl -fs -o /dev/null http://127.0.0.1:18080/healthz; do sleep 0.005; done
end=$(date +%s%N)
echo "cold start to first 200 from /healthz (empty data dir, demo load included): $(( (end - start) / 1000000 )) ms"
grep -o 'demo data loaded.*' "$work/serve.log" || true

# measure NAME URL [SCRIPT]: prints requests/s and p99, and keeps requests/s for the ratio.
measure() {
	local args=(-t2 -c64 -d"$dur" --latency)
	[ -n "${3:-}" ] && args+=(-s "$3")
	wrk "${args[@]}" "$2" >"$work/wrk.txt"
	local rps p99
	rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
	echo "  $1: $rps req/s, p99 $p99"
	echo "$rps" >>"$work/rps.$4"
}

port=18081
for path in "/ar/catalogue?q=%D8%B9%D8%B3%D9%84" "/fr/catalogue?q=miel"; do
	url=http://127.0.0.1:18080$path
	"$work/plain" --from "$url" --addr 127.0.0.1:$port 2>"$work/plain.log" &
	until curl -fs -o /dev/null http://127.0.0.1:$port/; do sleep 0.01; done
	echo "$path ($(curl -s "$url" | grep -o '<li class="card' | wc -l) cards, $(curl -s "$url" | wc -c) bytes):"
	measure "aswaq, same address" "$url" "" $port
	measure "aswaq, new address each time" "$url" bench/catalogue.lua $port
	measure "plain handler" "http://127.0.0.1:$port/?q=x" "" $port
	awk 'NR==1 {a=$1} NR==2 {b=$1} NR==3 {c=$1} END {printf "  ratio to plain: %.2f (same address), %.3f (new address)\n", a/c, b/c}' "$work/rps.$port"
	port=$((port + 1))
done
