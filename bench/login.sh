#!/usr/bin/env bash
# Measures sign-in: the time of one argon2id hash with the production parameters, and the
# round trip of POST /fr/login (a real argon2id verification, a session written to the
# database, a 303) under wrk with 64 connections. Needs wrk. Usage: bench/login.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
echo "argon2id parameters and the time of one hash:"
go test -run '^$' -bench HashDefault -benchtime 20x ./internal/password | grep -E 'Benchmark'
grep -n 'var Default = Params' internal/password/password.go
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/loginserver" ./bench/loginserver
"$work/loginserver" --users 1000 --addr 127.0.0.1:18090 2>"$work/log" &
until curl -fs -o /dev/null http://127.0.0.1:18090/healthz; do sleep 0.1; done
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Sec-Fetch-Site: same-origin' --data 'identifier=bench-1%40aswaq.test&password=benchmark+password' http://127.0.0.1:18090/fr/login)
[ "$code" = 303 ] || { echo "sign-in does not work (status $code)"; exit 1; }
ASWAQ_BENCH_USERS=1000 wrk -t2 -c64 -d"$dur" --latency -s bench/login.lua http://127.0.0.1:18090 | tee "$work/wrk.txt"
awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print "sign-ins: " r "/s, p50 " p50 ", p99 " p99}' "$work/wrk.txt"
