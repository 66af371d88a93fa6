#!/usr/bin/env bash
# Load benchmark for `urcheck serve` (docs/speed.md "Load benchmark"): starts the server through the launcher
# (bin/urcheck serve: the heap and JIT settings a deployment gets), its audit records in a temporary folder, warms it
# up, then has wrk (a second process) POST a case file to /v1/check on loopback for DURATION and prints requests/s,
# p50/p99 latency, the error count, the CPU used and the server's peak resident memory (VmHWM). Needs wrk
# (apt-get install -y wrk). `bin/urcheck bench --server-only` measures the same without wrk.
#   bench/load.sh [CASE_FILE]
#   env: PORT (18090) WARMUP (30s) DURATION (60s) CONNECTIONS (8) THREADS (1)
#        URCHECK_JAVA_OPTS (none): JVM options added to the launcher's, e.g. -Xmx512m or -XX:+UseParallelGC
set -euo pipefail
cd "$(dirname "$0")/.."
case_file="${1:-fixtures/seeds/002-massage-and-cervical-medial-branch-block.json}"
port="${PORT:-18090}"
command -v wrk >/dev/null || { echo "bench/load.sh: needs wrk: apt-get install -y wrk" >&2; exit 1; }
[ -f target/urcheck.jar ] || { echo "bench/load.sh: build first: mvn -B -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d -t urcheck-load-XXXX)"
log="$work/serve.log"
bin/urcheck serve --port "$port" --audit-db "jdbc:h2:file:$work/audit" 2> "$log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! kill -0 "$server" 2>/dev/null || ! curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "bench/load.sh: the server did not start (port $port in use? PORT=N picks another):" >&2
  cat "$log" >&2
  exit 1
fi
# The launcher execs java: $server is the JVM's own process id from here on.
url="http://127.0.0.1:$port/v1/check"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; bin/urcheck serve${URCHECK_JAVA_OPTS:+ (URCHECK_JAVA_OPTS=$URCHECK_JAVA_OPTS)}; case: $case_file"
echo "== warm-up ${WARMUP:-30s}"
wrk -t"${THREADS:-1}" -c"${CONNECTIONS:-8}" -d"${WARMUP:-30s}" -s bench/check.lua "$url" -- "$case_file" | tail -3
# CPU accounting, to tell our run from other work on a shared machine: clock ticks of the server, of wrk
# (this shell's children) and of the whole machine during the measured run.
tick() { awk '{print $14 + $15}' "/proc/$server/stat"; }
busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# `times` must run in this shell (not in $(...)) to see the CPU of this shell's children.
children() { times > "$work/times"; awk 'NR == 2 {gsub(/[ms]/, " "); print ($1 * 60 + $2 + $3 * 60 + $4) * 100}' "$work/times"; }
children > "$work/c0"; c0=$(cat "$work/c0")
s0=$(tick); m0=$(busy)
echo "== measured ${DURATION:-60s}"
wrk -t"${THREADS:-1}" -c"${CONNECTIONS:-8}" -d"${DURATION:-60s}" --latency -s bench/check.lua "$url" -- "$case_file" | tee "$work/wrk"
s1=$(tick); m1=$(busy)
children > "$work/c1"; c1=$(cat "$work/c1")
hz=$(getconf CLK_TCK)
n=$(awk '/^requests: /{print $2}' "$work/wrk")
awk -v s=$((s1 - s0)) -v m=$((m1 - m0)) -v c="$c0" -v c1="$c1" -v hz="$hz" -v n="$n" -v cores="$(nproc)" 'BEGIN {
  server = s / hz; machine = m / hz; wrk = (c1 - c) / 100; others = machine - server - wrk; if (others < 0) others = 0
  printf "== CPU during the run: server %.1f s (%.3f ms per check), wrk %.1f s, everything else on the machine %.1f s of %d cores\n", server, 1000 * server / n, wrk, others, cores
}'
echo "== server memory: peak RSS (VmHWM) $(awk '/^VmHWM:/{printf "%d MB", $2 / 1024}' "/proc/$server/status"), now (VmRSS) $(awk '/^VmRSS:/{printf "%d MB", $2 / 1024}' "/proc/$server/status") (target: under 300 MB)"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) after; server log: $(grep -c ' /v1/check 200 ' "$log") answers 200, $(grep -vc ' /v1/check 200 \|serving on' "$log") other lines"
