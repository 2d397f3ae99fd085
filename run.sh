#!/usr/bin/env bash
# Runs the whole Koperasi platform on this machine:
#   PostgreSQL and RabbitMQ (deploy/infra.sh: from the environment, Docker Compose, or the OS
#   packages as project-local instances), every service and the gateway, then the demo data sets
#   (tools/, not part of any service) when the register is empty. Prints the URLs; Ctrl-C stops
#   everything this script started.
# Data stays in .local/ between runs, so running it again keeps the register as it was.
#   ./run.sh                 one process of each service
#   ./run.sh --replicas 2    two of each (the second on its port + 10), all behind the gateway
#   ./run.sh --observability also Prometheus (OS package) scraping every service, with the alert rules
# A service process that dies is started again (after 1 s, then 2, 4, ... up to 60 s while it keeps
# dying), and the rest keep running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

REPLICAS=1
OBSERVABILITY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) REPLICAS="${2:-}"; shift; [ $# -gt 0 ] && shift ;;
    --replicas=*) REPLICAS="${1#*=}"; shift ;;
    --observability) OBSERVABILITY=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "[koperasi] error: unknown argument $1 (usage: ./run.sh [--replicas N] [--observability])" >&2; exit 2 ;;
  esac
done
case "$REPLICAS" in
  [1-9]) ;;
  *) echo "[koperasi] error: --replicas takes a number from 1 to 9" >&2; exit 2 ;;
esac

# The services come from deploy/services.txt (name and local port; deploy/services.sh reads it),
# each at KOPERASI_<NAME>_URL or http://127.0.0.1:<port>; then the gateway in front of them and the
# fake bank Funding pays grants through (tests/Koperasi.FakeBank, built with the solution) and the
# fake ministry Transformation sends dissolution batches to (tests/Koperasi.FakeMinistry, likewise).
# shellcheck source=deploy/services.sh
. deploy/services.sh
SERVICES_LIST="$(koperasi_services)" && [ -n "$SERVICES_LIST" ] || { echo "[koperasi] error: no valid list of services in deploy/services.txt" >&2; exit 1; }
mapfile -t SERVICES <<< "$SERVICES_LIST"
upper() { printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_'; }
capitalized() { printf '%s%s' "$(printf '%s' "${1:0:1}" | tr '[:lower:]' '[:upper:]')" "${1:1}"; }
declare -A URL
for name in "${SERVICES[@]}"; do
  variable="KOPERASI_$(upper "$name")_URL"
  URL[$name]="${!variable:-http://127.0.0.1:$(koperasi_service_port "$name")}"
done
# replica_url URL K: the address of the K-th replica (K from 1) of the service at URL: its port + 10*(K-1).
replica_url() {
  local url="$1" k="$2" rest hostport port
  [ "$k" = 1 ] && { echo "$url"; return; }
  rest="${url#*://}"; hostport="${rest%%/*}"; port="${hostport##*:}"
  echo "${url%%://*}://${hostport%:*}:$((port + 10 * (k - 1)))"
}
# replica_name NAME K: registry, registry-2, ...
replica_name() { if [ "$2" = 1 ]; then echo "$1"; else echo "$1-$2"; fi; }
GATEWAY_URL="${KOPERASI_GATEWAY_URL:-http://localhost:8080}"
BANK_URL="${KOPERASI_BANK_URL:-http://127.0.0.1:5190}"
MINISTRY_URL="${KOPERASI_MINISTRY_URL:-http://127.0.0.1:5191}"
REGISTRY_URL="${URL[registry]:?deploy/services.txt lists no registry}"
TRANSFORMATION_URL="${URL[transformation]:?deploy/services.txt lists no transformation}"
FUNDING_URL="${URL[funding]:?deploy/services.txt lists no funding}"
LOGS="$ROOT/.local/logs"
STARTED="$ROOT/.local/run.started"
PIDS=()
LOADER=""
declare -A PID_OF SPEC_OF STARTED_AT BACKOFF

say() { printf '\033[1m[koperasi]\033[0m %s\n' "$*"; }
die() { printf '[koperasi] error: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET 10 SDK is needed (https://dot.net)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stop_all() {
  trap - INT TERM EXIT
  if [ -n "${LOADER:-}" ]; then
    pkill -P "$LOADER" 2>/dev/null || true
    kill "$LOADER" 2>/dev/null || true
  fi
  if [ -n "${PROMETHEUS_PID:-}" ]; then kill "$PROMETHEUS_PID" 2>/dev/null || true; fi
  if [ ${#PIDS[@]} -gt 0 ]; then
    say "stopping the services"
    kill "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
  deploy/infra.sh down --record "$STARTED" || true
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

port_of() { local url="${1#*://}"; url="${url%%/*}"; echo "${url##*:}"; }
URL_VARIABLES="KOPERASI_GATEWAY_URL"
for name in "${SERVICES[@]}"; do URL_VARIABLES="$URL_VARIABLES / KOPERASI_$(upper "$name")_URL"; done
ALL_URLS=("$GATEWAY_URL" "$BANK_URL" "$MINISTRY_URL")
for name in "${SERVICES[@]}"; do
  for k in $(seq 1 "$REPLICAS"); do ALL_URLS+=("$(replica_url "${URL[$name]}" "$k")"); done
done
for url in "${ALL_URLS[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$(port_of "$url")") 2>/dev/null; then
    die "port $(port_of "$url") is taken (is ./run.sh already running?); set $URL_VARIABLES / KOPERASI_BANK_URL / KOPERASI_MINISTRY_URL to use others"
  fi
done

mkdir -p "$LOGS"
deploy/infra.sh up --record "$STARTED"
set -a
# shellcheck disable=SC1091
. "${KOPERASI_LOCAL_STATE:-.local}/infra.env"
set +a

# The key that signs development tokens: generated once by deploy/infra.sh into .local/secrets.
SIGNING_KEY="$KOPERASI_JWT_SIGNING_KEY"

say "building"
if ! dotnet build Koperasi.sln -c Release -nologo -v quiet >"$LOGS/build.log" 2>&1; then
  grep -E 'error|rror\(s\)' "$LOGS/build.log" | tail -n 20 >&2
  die "the build failed; see $LOGS/build.log"
fi

# start NAME URL DLL [KEY=VALUE...]: one service in the background, its output in .local/logs.
# A local run is a Development system: the gateway mints development tokens, to callers on
# loopback only (the banner says so); docker-compose.yml and every other deployment run Production.
# What it started is remembered, so supervise (below) can start it again.
start() {
  local name="$1"
  SPEC_OF[$name]="$(printf '%q ' "$@")"
  : >"$LOGS/$name.log"
  launch "$@"
}

launch() { # launch NAME URL DLL [KEY=VALUE...]: its output goes on in .local/logs/NAME.log
  local name="$1" url="$2" dll="$3"
  shift 3
  # Started in its own folder: that is where it finds its appsettings.json. Urls as well as
  # ASPNETCORE_URLS: an appsettings.json that names Urls (the gateway's) outranks the latter.
  (cd "$(dirname "$dll")" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" Urls="$url" Auth__SigningKey="$SIGNING_KEY" "$@" \
    dotnet "$(basename "$dll")") >>"$LOGS/$name.log" 2>&1 &
  PID_OF[$name]="$!"
  STARTED_AT[$name]="$SECONDS"
  PIDS=("${PID_OF[@]}")
}

# supervise: waits for any process this script started to stop, and starts it again (its log goes
# on in the same file) after a back-off that doubles while it keeps dying within a minute of its
# start (1 s, 2 s, ... 60 s); the others keep running. Ctrl-C still stops everything.
supervise() {
  local name pid status delay
  while true; do
    wait -n "${PIDS[@]}" 2>/dev/null || true
    for name in "${!PID_OF[@]}"; do
      pid="${PID_OF[$name]}"
      kill -0 "$pid" 2>/dev/null && continue
      status=0
      wait "$pid" 2>/dev/null || status=$?
      if [ $((SECONDS - ${STARTED_AT[$name]})) -ge 60 ]; then BACKOFF[$name]=1; fi
      delay="${BACKOFF[$name]:-1}"
      say "$name (pid $pid) stopped with status $status; starting it again in $delay s (see $LOGS/$name.log)"
      sleep "$delay" &
      wait $! || true
      eval "launch ${SPEC_OF[$name]}"
      say "$name started again (pid ${PID_OF[$name]})"
      BACKOFF[$name]=$((delay * 2 > 60 ? 60 : delay * 2))
    done
  done
}

wait_for() { # wait_for WHAT URL [SECONDS]
  local what="$1" url="$2" seconds="${3:-120}" i
  for i in $(seq 1 "$seconds"); do
    curl -fs -o /dev/null "$url" 2>/dev/null && return 0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || die "a service stopped; see $LOGS"; done
    sleep 1
  done
  die "$what did not become ready; see $LOGS"
}

json_field() { # json_field NAME: the first number or string value of "NAME" in the JSON on stdin
  sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1
}

# What a service needs beyond its database, its broker user and its URL.
service_settings() { # service_settings NAME: KEY=VALUE, one a line
  case "$1" in
    funding)
      echo "PersonalData__MasterKey=$KOPERASI_PERSONALDATA_MASTER_KEY"
      echo "PersonalData__NikHashKey=$KOPERASI_PERSONALDATA_NIK_HASH_KEY"
      echo "Bank__BaseAddress=$BANK_URL"
      ;;
    transformation)
      echo "Ministry__BaseAddress=$MINISTRY_URL"
      ;;
  esac
}

# postgres_of NAME: the connection string of the service's own database, as its own role.
postgres_of() {
  local user="KOPERASI_$(upper "$1")_DB_USER" password="KOPERASI_$(upper "$1")_DB_PASSWORD"
  echo "Host=$KOPERASI_POSTGRES_HOST;Port=$KOPERASI_POSTGRES_PORT;Database=koperasi_$1;Username=${!user};Password=${!password}"
}

say "starting the fake bank"
start fake-bank "$BANK_URL" tests/Koperasi.FakeBank/bin/Release/net10.0/Koperasi.FakeBank.dll
wait_for "the fake bank" "$BANK_URL/health"

say "starting the fake ministry"
start fake-ministry "$MINISTRY_URL" tests/Koperasi.FakeMinistry/bin/Release/net10.0/Koperasi.FakeMinistry.dll
wait_for "the fake ministry" "$MINISTRY_URL/health"

# Every service, each with its own database and broker user; all of them ready (their bus up, so
# their queues exist) before the demo data sets below are loaded and published.
# With --replicas N, N processes of each service on one database and broker: the async daemon
# (projections, the relay), imports and disbursements each run on one elected replica at a time, the
# consumers compete on their queues, and the gateway spreads requests over the ready replicas.
GATEWAY_SETTINGS=()
for name in "${SERVICES[@]}"; do
  project="Koperasi.$(capitalized "$name")"
  mq_user="KOPERASI_$(upper "$name")_MQ_USER"
  mq_password="KOPERASI_$(upper "$name")_MQ_PASSWORD"
  mapfile -t settings < <(service_settings "$name")
  addresses=""
  for k in $(seq 1 "$REPLICAS"); do
    url="$(replica_url "${URL[$name]}" "$k")"
    say "starting $project$([ "$REPLICAS" = 1 ] || echo " (replica $k of $REPLICAS, $url)")"
    start "$(replica_name "$name" "$k")" "$url" "services/$name/$project/bin/Release/net10.0/$project.dll" \
      ConnectionStrings__Postgres="$(postgres_of "$name")" \
      RabbitMq__Host="$KOPERASI_RABBITMQ_HOST" RabbitMq__Port="$KOPERASI_RABBITMQ_PORT" RabbitMq__VirtualHost=koperasi \
      RabbitMq__Username="${!mq_user}" RabbitMq__Password="${!mq_password}" \
      "${settings[@]}"
    addresses="$addresses${addresses:+,}$url"
  done
  GATEWAY_SETTINGS+=("Services__$(capitalized "$name")=$addresses")
done

# The console's Operasi page reads the queues through RabbitMQ's management API (docs/operations.md).
GATEWAY_SETTINGS+=(
  "Console__Operasi__RabbitMqManagementUrl=http://$KOPERASI_RABBITMQ_HOST:$KOPERASI_RABBITMQ_MANAGEMENT_PORT/"
  "Console__Operasi__RabbitMqUser=$KOPERASI_RABBITMQ_ADMIN_USER" "Console__Operasi__RabbitMqPassword=$KOPERASI_RABBITMQ_ADMIN_PASSWORD"
  "Console__Operasi__RabbitMqVirtualHost=koperasi")
[ "$OBSERVABILITY" = 1 ] && GATEWAY_SETTINGS+=("Console__Operasi__PrometheusUrl=http://127.0.0.1:${KOPERASI_PROMETHEUS_PORT:-9095}/")
say "starting the gateway"
start gateway "$GATEWAY_URL" services/gateway/Koperasi.Gateway/bin/Release/net10.0/Koperasi.Gateway.dll "${GATEWAY_SETTINGS[@]}"

for name in "${SERVICES[@]}"; do
  for k in $(seq 1 "$REPLICAS"); do
    wait_for "Koperasi.$(capitalized "$name")" "$(replica_url "${URL[$name]}" "$k")/health/ready"
  done
done
wait_for "the gateway" "$GATEWAY_URL/health/ready"

# --- ./run.sh --observability: Prometheus from the OS packages (installed if missing), its state in
# .local/prometheus, on KOPERASI_PROMETHEUS_PORT (9095: a system-wide Prometheus keeps :9090),
# scraping every service, the gateway and RabbitMQ, with deploy/observability/alert-rules.yml.
case "$OBSERVABILITY" in 1)
  PROMETHEUS_DIR="$ROOT/.local/prometheus"
  PROMETHEUS_URL="http://127.0.0.1:${KOPERASI_PROMETHEUS_PORT:-9095}"
  deploy/observability/prometheus-local.sh ensure || die "Prometheus could not be installed"
  mkdir -p "$PROMETHEUS_DIR/data"
  targets=()
  for name in "${SERVICES[@]}"; do targets+=("$name=127.0.0.1:$(port_of "${URL[$name]}")"); done
  targets+=("gateway=127.0.0.1:$(port_of "$GATEWAY_URL")")
  [ -n "${KOPERASI_RABBITMQ_PROMETHEUS_PORT:-}" ] && targets+=("rabbitmq=$KOPERASI_RABBITMQ_HOST:$KOPERASI_RABBITMQ_PROMETHEUS_PORT")
  deploy/observability/prometheus-local.sh config "$PROMETHEUS_DIR/prometheus.yml" "${targets[@]}"
  say "starting Prometheus on $PROMETHEUS_URL"
  (exec prometheus --config.file="$PROMETHEUS_DIR/prometheus.yml" --storage.tsdb.path="$PROMETHEUS_DIR/data" \
    --web.listen-address="${PROMETHEUS_URL#http://}" --storage.tsdb.retention.time=7d) >"$LOGS/prometheus.log" 2>&1 &
  PROMETHEUS_PID="$!"   # not supervised: stop_all stops it
  wait_for "Prometheus" "$PROMETHEUS_URL/-/ready" 60
  say "Prometheus: targets $PROMETHEUS_URL/targets, alerts $PROMETHEUS_URL/alerts"
  ;;
esac

# What follows (the demo data sets, the banner) runs beside the supervision of the processes, so a
# process that dies while the data loads is started again too. A failure here ends this part only.
load_and_report() {
# This script reads as a machine would: with a read-only service token.
TOKEN="$(curl -fs "$GATEWAY_URL/dev/tokens/service?name=run.sh&raw=true")" || die "the gateway gave no development token; see $LOGS/gateway.log"
api() { curl -fs -H "Authorization: Bearer $TOKEN" "$REGISTRY_URL$1"; }

# demo_data NAME DLL [KEY=VALUE...]: runs a demo data tool (tools/, not part of the services) against
# a service's own store; it loads its set only into an empty store and prints its own progress (its
# log goes to .local/logs). The running service's daemon relays the events and keeps the reports.
demo_data() {
  local name="$1" dll="$2"
  shift 2
  : >"$LOGS/$name.log"
  (cd "$(dirname "$dll")" && exec env "$@" dotnet "$(basename "$dll")") 2>>"$LOGS/$name.log" \
    | tee -a "$LOGS/$name.log" | { grep --line-buffered '^\[koperasi\]' || true; } \
    || die "the $name tool failed; see $LOGS/$name.log"
}

# The Registry's demo data set when the register is empty; then wait until the statistics have
# caught up, so the first screen an officer opens is complete.
demo_data demo-data-registry tools/Koperasi.Registry.DemoData/bin/Release/net10.0/Koperasi.Registry.DemoData.dll \
  ConnectionStrings__Postgres="$(postgres_of registry)"
# Grouped by legal status, the statistics of today count every koperasi registered, dissolved or not:
# as many as the register lists. (The legal status of the list is the latest; the statistics' is the
# one on the day, which differs from it for a dissolution dated after the real date by a development
# clock moved before a restart.)
registered_all() { api "/api/registry/cooperatives?pageSize=1" | json_field totalCount; }
counted_all() { api "/api/registry/statistics?groupBy=legalStatus" | json_field total; }
registered="$(registered_all)"
for i in $(seq 1 180); do
  counted="$(counted_all)"
  [ "$counted" = "$registered" ] && break
  [ $((i % 10)) = 0 ] && say "statistics catching up: $counted of $registered"
  sleep 1
done

# The Transformation service must know the register's koperasi before a case can name them. When it
# missed the Registry's events (its database is newer than the register's), the Registry publishes
# them again; what it already learned is not applied twice.
known() { curl -fs -H "Authorization: Bearer $TOKEN" "$TRANSFORMATION_URL/api/transformation/cooperatives?pageSize=1" | json_field totalCount; }
last=-1
replayed=""
for i in $(seq 1 300); do
  learned="$(known || true)"
  learned="${learned:-0}"
  [ "$learned" -ge "$registered" ] && break
  if [ -z "$replayed" ] && [ "$learned" = "$last" ]; then
    admin="$(curl -fs "$GATEWAY_URL/dev/tokens/admin-provinsi?name=run.sh&raw=true")" || die "the gateway gave no development token; see $LOGS/gateway.log"
    curl -fs -o /dev/null -X POST -H "Authorization: Bearer $admin" "$REGISTRY_URL/api/registry/ops/relay/replay?fromSequence=0" \
      || die "the Registry did not replay its events; see $LOGS/registry.log"
    say "the Transformation service missed the register's events: the Registry publishes them again"
    replayed=1
  fi
  last="$learned"
  [ $((i % 10)) = 0 ] && say "the Transformation service is learning the register: $learned of $registered"
  sleep 2
done

# Transformation's demo data set, the 2018 dissolution batch (611 proposed, the approved dissolved in
# 2019), when it holds no dissolution case; then wait until the Registry has recorded the dissolutions
# over the bus and its statistics have caught up (the register of 29 August 2025 is then exact again).
demo_data demo-data-transformation tools/Koperasi.Transformation.DemoData/bin/Release/net10.0/Koperasi.Transformation.DemoData.dll \
  ConnectionStrings__Postgres="$(postgres_of transformation)"
BATCH_2018="$(sed -n 's/^\[koperasi\] .*; batch \([0-9a-f-]*\)$/\1/p' "$LOGS/demo-data-transformation.log" | tail -n 1)"
dissolving="$(sed -n 's/^\[koperasi\] 2018 dissolution batch loaded: [0-9]* proposed, \([0-9]*\) dissolved.*/\1/p' "$LOGS/demo-data-transformation.log")"
if [ -n "$dissolving" ]; then
  for i in $(seq 1 300); do
    dissolved="$(api "/api/registry/cooperatives?legalStatus=dissolved&pageSize=1" | json_field totalCount || true)"
    [ "${dissolved:-0}" -ge "$dissolving" ] && break
    [ $((i % 10)) = 0 ] && say "the register is recording the 2018 dissolutions: ${dissolved:-0} of $dissolving"
    sleep 1
  done
  registered="$(registered_all)"
  for i in $(seq 1 180); do
    counted="$(counted_all)"
    [ "$counted" = "$registered" ] && break
    [ $((i % 10)) = 0 ] && say "statistics catching up: $counted of $registered"
    sleep 1
  done
  say "2018 dissolution batch: $dissolving koperasi dissolved; $GATEWAY_URL/api/transformation/dissolution-batches/$BATCH_2018/reconciliation"
fi

# Funding's demo data set (Dumisake grants 2022-2023) when it holds no programme; then wait until
# the reports have caught up with it.
funding_api() { curl -fs -H "Authorization: Bearer $TOKEN" "$FUNDING_URL$1"; }
demo_data demo-data-funding tools/Koperasi.Funding.DemoData/bin/Release/net10.0/Koperasi.Funding.DemoData.dll \
  ConnectionStrings__Postgres="$(postgres_of funding)" \
  PersonalData__MasterKey="$KOPERASI_PERSONALDATA_MASTER_KEY" PersonalData__NikHashKey="$KOPERASI_PERSONALDATA_NIK_HASH_KEY"
granted="$(sed -n 's/^\[koperasi\] Dumisake demo data loaded: \([0-9]*\) grants.*/\1/p' "$LOGS/demo-data-funding.log")"
if [ -n "$granted" ]; then
  for i in $(seq 1 120); do
    # The answer's own total comes before its rows' (json_field would take the last).
    reported="$(funding_api /api/funding/reports/recipients | grep -o '"recipients":[0-9]*' | head -n 1 | cut -d: -f2 || true)"
    [ "$reported" = "$granted" ] && break
    [ $((i % 10)) = 0 ] && say "Dumisake reports catching up"
    sleep 1
  done
  say "Dumisake reports up to date: $granted grants; $GATEWAY_URL/api/funding/reports/recipients?year=2022"
fi

DIRECT=""
METRICS=""
for name in "${SERVICES[@]}"; do
  for k in $(seq 1 "$REPLICAS"); do
    url="$(replica_url "${URL[$name]}" "$k")"
    label="$(capitalized "$name") (direct$([ "$k" = 1 ] || echo ", $k"))"
    DIRECT="$DIRECT$(printf '  %-31s%s' "$label" "$url/reference")"$'\n'
    METRICS="$METRICS${METRICS:+  }$url/metrics"
  done
done

cat <<EOF

  Koperasi platform is running ($registered koperasi in the register).

  Console (Bahasa Indonesia)     $GATEWAY_URL  (sign in at $GATEWAY_URL/masuk)
  API reference                  $GATEWAY_URL/reference
  Registry API                   $GATEWAY_URL/api/registry/cooperatives
  Statistics per regency         $GATEWAY_URL/api/registry/statistics/regencies?asOf=2025-08-29
  Transformation cases           $GATEWAY_URL/api/transformation/cases
  Transformation statistics      $GATEWAY_URL/api/transformation/statistics
  2018 dissolution batch         $GATEWAY_URL/api/transformation/dissolution-batches/$BATCH_2018/reconciliation
  Funding API (Dumisake grants)  $GATEWAY_URL/api/funding/programmes
$DIRECT  Fake bank (ledger, control)    $BANK_URL/transfers  $BANK_URL/control
  Fake ministry (batches, control) $MINISTRY_URL/batches  $MINISTRY_URL/control
  RabbitMQ management            http://$KOPERASI_RABBITMQ_HOST:$KOPERASI_RABBITMQ_MANAGEMENT_PORT  (user $KOPERASI_RABBITMQ_ADMIN_USER, password in .local/secrets/rabbitmq-admin)
  Metrics (Prometheus)           $METRICS
  Logs                           $LOGS

  Development tokens are ON (ASPNETCORE_ENVIRONMENT=Development): the gateway mints a token for
  any role, for callers on this machine (loopback) only; no other environment has the route.
  Roles: admin-provinsi, pembina, pendamping, verifikator, auditor, service:
    TOKEN=\$(curl -s '$GATEWAY_URL/dev/tokens/admin-provinsi?raw=true')
    TOKEN=\$(curl -s '$GATEWAY_URL/dev/tokens/pembina?regency=1501&name=siti&raw=true')
    curl -H "Authorization: Bearer \$TOKEN" '$GATEWAY_URL/api/registry/statistics/regencies?asOf=2025-08-29'
  In the API reference, paste a token under Authentication to try the calls.

  Processes: $REPLICAS of each service$([ "$REPLICAS" = 1 ] && echo " (./run.sh --replicas 2 runs two)"); one that dies is started again.
  Ctrl-C stops everything this script started; the data stays in .local/.

EOF

}
load_and_report &
LOADER=$!

supervise
