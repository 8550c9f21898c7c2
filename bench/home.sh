#!/usr/bin/env bash
# Measures the public home page: cold start of `aswaq serve --demo` to the first 200 from
# /healthz, binary size, resident memory after start, and wrk throughput and p99 latency for
# /ar/ beside a plain Go handler serving the same bytes, in the same run.
# Needs wrk (apt-get install wrk). Usage: bench/home.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/aswaq" ./cmd/aswaq
go build -o "$work/plain" ./bench/plainhandler
echo "binary size: $(stat -c %s "$work/aswaq") bytes ($(du -h "$work/aswaq" | cut -f1))"

start=$(date +%s%N)
"$work/aswaq" serve --data "$work/data" --demo --addr 127.0.0.1:18080 >"$work/serve.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null http://127.0.0.1:18080/healthz; do sleep 0.005; done
end=$(date +%s%N)
echo "cold start to first 200 from /healthz (empty data dir, demo load included): $(( (end - start) / 1000000 )) ms"
sleep 1
echo "resident memory after start: $(awk '/VmRSS/ {print $2 " " $3}' /proc/$pid/status)"

"$work/plain" --from http://127.0.0.1:18080/ar/ --addr 127.0.0.1:18081 2>"$work/plain.log" &
until curl -fs -o /dev/null http://127.0.0.1:18081/; do sleep 0.01; done
echo "page size: $(curl -s http://127.0.0.1:18080/ar/ | wc -c) bytes"

for target in "aswaq /ar/|http://127.0.0.1:18080/ar/" "plain handler|http://127.0.0.1:18081/"; do
	name=${target%%|*}; url=${target#*|}
	wrk -t2 -c64 -d"$dur" --latency "$url" >"$work/wrk.txt"
	rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
	echo "$name: $rps req/s, p99 $p99"
	echo "$rps" >>"$work/rps"
done
awk 'NR==1 {a=$1} NR==2 {b=$1} END {printf "ratio aswaq/plain: %.2f\n", a/b}' "$work/rps"
echo "resident memory after load: $(awk '/VmRSS/ {print $2 " " $3}' /proc/$pid/status)"
