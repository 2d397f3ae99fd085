#!/usr/bin/env bash
# Runs the whole Koperasi platform on this machine:
#   PostgreSQL and RabbitMQ (deploy/infra.sh: from the environment, Docker Compose, or the OS
#   packages as project-local instances), every service and the gateway, the demo data set when
#   the register is empty. Prints the URLs; Ctrl-C stops everything this script started.
# Data stays in .local/ between runs, so running it again keeps the register as it was.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

GATEWAY_URL="${KOPERASI_GATEWAY_URL:-http://localhost:8080}"
REGISTRY_URL="${KOPERASI_REGISTRY_URL:-http://127.0.0.1:5101}"
FUNDING_URL="${KOPERASI_FUNDING_URL:-http://127.0.0.1:5103}"
LOGS="$ROOT/.local/logs"
STARTED="$ROOT/.local/run.started"
PIDS=()

say() { printf '\033[1m[koperasi]\033[0m %s\n' "$*"; }
die() { printf '[koperasi] error: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET 10 SDK is needed (https://dot.net)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stop_all() {
  trap - INT TERM EXIT
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
for url in "$GATEWAY_URL" "$REGISTRY_URL" "$FUNDING_URL"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$(port_of "$url")") 2>/dev/null; then
    die "port $(port_of "$url") is taken (is ./run.sh already running?); set KOPERASI_GATEWAY_URL / KOPERASI_REGISTRY_URL / KOPERASI_FUNDING_URL to use others"
  fi
done

mkdir -p "$LOGS"
deploy/infra.sh up --record "$STARTED"
set -a
# shellcheck disable=SC1091
. .local/infra.env
set +a

# The key that signs development tokens: generated once by deploy/infra.sh into .local/secrets.
SIGNING_KEY="$KOPERASI_JWT_SIGNING_KEY"

say "building"
if ! dotnet build Koperasi.sln -c Release -nologo -v quiet >"$LOGS/build.log" 2>&1; then
  grep -E 'error|rror\(s\)' "$LOGS/build.log" | tail -n 20 >&2
  die "the build failed; see $LOGS/build.log"
fi

# start NAME URL DLL [KEY=VALUE...]: one service in the background, its output in .local/logs
start() {
  local name="$1" url="$2" dll="$3"
  shift 3
  # Started in its own folder: that is where it finds its appsettings.json.
  (cd "$(dirname "$dll")" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" Auth__SigningKey="$SIGNING_KEY" "$@" \
    dotnet "$(basename "$dll")") >"$LOGS/$name.log" 2>&1 &
  PIDS+=("$!")
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

# Funding first: its queues for the Registry's events must exist before the Registry publishes.
say "starting Funding"
start funding "$FUNDING_URL" services/funding/Koperasi.Funding/bin/Release/net10.0/Koperasi.Funding.dll \
  ConnectionStrings__Postgres="Host=$KOPERASI_POSTGRES_HOST;Port=$KOPERASI_POSTGRES_PORT;Database=koperasi_funding;Username=$KOPERASI_FUNDING_DB_USER;Password=$KOPERASI_FUNDING_DB_PASSWORD" \
  RabbitMq__Host="$KOPERASI_RABBITMQ_HOST" RabbitMq__Port="$KOPERASI_RABBITMQ_PORT" RabbitMq__VirtualHost=koperasi \
  RabbitMq__Username="$KOPERASI_FUNDING_MQ_USER" RabbitMq__Password="$KOPERASI_FUNDING_MQ_PASSWORD" \
  PersonalData__MasterKey="$KOPERASI_PERSONALDATA_MASTER_KEY" PersonalData__NikHashKey="$KOPERASI_PERSONALDATA_NIK_HASH_KEY"
wait_for "Funding" "$FUNDING_URL/health/ready"

say "starting the Registry"
start registry "$REGISTRY_URL" services/registry/Koperasi.Registry/bin/Release/net10.0/Koperasi.Registry.dll \
  ConnectionStrings__Postgres="Host=$KOPERASI_POSTGRES_HOST;Port=$KOPERASI_POSTGRES_PORT;Database=koperasi_registry;Username=$KOPERASI_REGISTRY_DB_USER;Password=$KOPERASI_REGISTRY_DB_PASSWORD" \
  RabbitMq__Host="$KOPERASI_RABBITMQ_HOST" RabbitMq__Port="$KOPERASI_RABBITMQ_PORT" RabbitMq__VirtualHost=koperasi \
  RabbitMq__Username="$KOPERASI_REGISTRY_MQ_USER" RabbitMq__Password="$KOPERASI_REGISTRY_MQ_PASSWORD" \
  Demo__LoadWhenEmpty=true

say "starting the gateway"
start gateway "$GATEWAY_URL" services/gateway/Koperasi.Gateway/bin/Release/net10.0/Koperasi.Gateway.dll \
  Services__Registry="$REGISTRY_URL" Services__Funding="$FUNDING_URL"

wait_for "the Registry" "$REGISTRY_URL/health/ready"
wait_for "the gateway" "$GATEWAY_URL/health/ready"

# This script reads as a machine would: with a read-only service token.
TOKEN="$(curl -fs "$GATEWAY_URL/dev/tokens/service?name=run.sh&raw=true")" || die "the gateway gave no development token; see $LOGS/gateway.log"
api() { curl -fs -H "Authorization: Bearer $TOKEN" "$REGISTRY_URL$1"; }

# The demo data set loads in the background when the register is empty; wait until it is in
# and the statistics have caught up, so the first screen an officer opens is complete.
while :; do
  demo="$(api /api/registry/demo-data || true)"
  status="$(printf '%s' "$demo" | json_field status)"
  case "$status" in
    loading) say "loading the demo data set: $(printf '%s' "$demo" | json_field registered) of $(printf '%s' "$demo" | json_field total)" ;;
    loaded|skipped|"") break ;;
  esac
  sleep 3
done
registered="$(api "/api/registry/cooperatives?pageSize=1" | json_field totalCount)"
for i in $(seq 1 180); do
  counted="$(api /api/registry/statistics | json_field total)"
  [ "$counted" = "$registered" ] && break
  [ $((i % 10)) = 0 ] && say "statistics catching up: $counted of $registered"
  sleep 1
done

cat <<EOF

  Koperasi platform is running ($registered koperasi in the register).

  Front door and API reference   $GATEWAY_URL
  Registry API                   $GATEWAY_URL/api/registry/cooperatives
  Statistics per regency         $GATEWAY_URL/api/registry/statistics/regencies?asOf=2025-08-29
  Funding API (Dumisake grants)  $GATEWAY_URL/api/funding/programmes
  Registry (direct)              $REGISTRY_URL/reference
  Funding (direct)               $FUNDING_URL/reference
  RabbitMQ management            http://$KOPERASI_RABBITMQ_HOST:$KOPERASI_RABBITMQ_MANAGEMENT_PORT  (user $KOPERASI_RABBITMQ_ADMIN_USER, password in .local/secrets/rabbitmq-admin)
  Metrics (Prometheus)           $REGISTRY_URL/metrics
  Logs                           $LOGS

  Tokens (development only; roles: admin-provinsi, pembina, pendamping, verifikator, auditor, service):
    TOKEN=\$(curl -s '$GATEWAY_URL/dev/tokens/admin-provinsi?raw=true')
    TOKEN=\$(curl -s '$GATEWAY_URL/dev/tokens/pembina?regency=1501&name=siti&raw=true')
    curl -H "Authorization: Bearer \$TOKEN" '$GATEWAY_URL/api/registry/statistics/regencies?asOf=2025-08-29'
  In the API reference, paste a token under Authentication to try the calls.

  Ctrl-C stops everything this script started; the data stays in .local/.

EOF

wait -n "${PIDS[@]}" || true
say "a service stopped; see $LOGS"
