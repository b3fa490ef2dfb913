#!/usr/bin/env bash
# Builds the Risk Budget Ledger if needed and runs the whole stack on a machine with only a JDK:
# a real Kafka broker (KRaft) in its own JVM, ledger-service on 8080 and projection-service on 8081, each with an
# embedded PostgreSQL keeping its data under ./data, and the local token issuer. Ctrl-C stops everything cleanly;
# after an unclean stop the same command comes up again on the same data. RISK_LEDGER_DATA, RISK_LEDGER_KAFKA_PORT
# and RISK_LEDGER_JAVA_OPTS override the data directory, the broker port and the JVM options.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
data="${RISK_LEDGER_DATA:-data}"
kafka_port="${RISK_LEDGER_KAFKA_PORT:-9092}"
mkdir -p "$data/logs"

echo "Building (skipping tests; run ./mvnw verify for those)..."
./mvnw -q -DskipTests package

# The standalone stack is for trying the ledger out: C1 alone starts both services on two cores in about 20 s
# instead of 35 s, at some cost in peak speed (the benchmarks and the container images use the full JIT).
JAVA_OPTS="${RISK_LEDGER_JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1}"

started=$SECONDS
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for (( i=${#pids[@]}-1; i>=0; i-- )); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
  echo "Stopped. Data is kept in $data."
  exit 0
}
trap stop INT TERM EXIT

# Waits, bounded, until a command succeeds; fails if the process it watches has died.
await() {
  local what="$1" pid="$2" seconds="$3"; shift 3
  for (( waited=0; waited<seconds*4; waited++ )); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$what exited; see $data/logs" >&2; exit 1; fi
    sleep 0.25
  done
  echo "$what did not become ready within ${seconds}s; see $data/logs" >&2
  exit 1
}

java $JAVA_OPTS -jar deploy/standalone/target/standalone-*-exec.jar "$data/kafka" "$kafka_port" \
  > "$data/logs/kafka.log" 2>&1 &
pids+=($!)
await "Kafka broker" "${pids[-1]}" 60 grep -q "ready" "$data/logs/kafka.log"

java $JAVA_OPTS -jar ledger-service/target/ledger-service-*-exec.jar --spring.profiles.active=standalone \
  --spring.kafka.bootstrap-servers="127.0.0.1:$kafka_port" \
  --embedded-postgres.data-directory="$data/ledger-postgres" \
  --ledger.security.local-issuer.key-file="$data/dev-issuer-key.json" \
  > "$data/logs/ledger-service.log" 2>&1 &
pids+=($!)

java $JAVA_OPTS -jar projection-service/target/projection-service-*-exec.jar --spring.profiles.active=standalone \
  --spring.kafka.bootstrap-servers="127.0.0.1:$kafka_port" \
  --embedded-postgres.data-directory="$data/projection-postgres" \
  > "$data/logs/projection-service.log" 2>&1 &
pids+=($!)

await "ledger-service" "${pids[1]}" 120 curl -sf http://localhost:8080/actuator/health
await "projection-service" "${pids[2]}" 120 curl -sf http://localhost:8081/actuator/health

cat <<TXT

Risk Budget Ledger is running (ready $(( SECONDS - started )) s after the build).
  Dashboard:           http://localhost:8081/
  Command API:         http://localhost:8080/api/v1   (ledger-service)
  Read API:            http://localhost:8081/api/v1   (projection-service)
  Logs and data:       $data/

Get a token (roles: REGULATOR, AUDITOR, COMPANY with companyId, VIEWER):
  curl -s -X POST localhost:8080/api/v1/dev/tokens -H 'Content-Type: application/json' -d '{"role":"REGULATOR"}'

Press Ctrl-C to stop.
TXT
wait -n "${pids[@]}" || true
echo "A process of the stack exited; see $data/logs" >&2
