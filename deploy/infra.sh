#!/usr/bin/env bash
# Provides PostgreSQL and RabbitMQ for ./run.sh and ./test.sh.
#
#   deploy/infra.sh up [--record FILE]    make both available, provision roles, databases, vhosts,
#                                         users; list in FILE what this call started
#   deploy/infra.sh down [--record FILE]  stop what the `up` that wrote FILE started
#   deploy/infra.sh env           print the settings (KEY=VALUE) the services and tests read
#   deploy/infra.sh compose-env   only write .local/compose.env (ports and generated secrets) for
#                                 `docker compose --env-file .local/compose.env up` (docs/docker.md)
#
# Where the servers come from, in order:
#   1. KOPERASI_EXTERNAL_POSTGRES_HOST and KOPERASI_EXTERNAL_RABBITMQ_HOST set: those servers
#      (ports in ..._PORT, RabbitMQ's management API in ..._MANAGEMENT_PORT), provisioned with
#      the admin credentials in ..._ADMIN_USER and ..._ADMIN_PASSWORD;
#   2. a Docker engine that answers: `docker compose up -d postgres rabbitmq`;
#   3. the OS packages (installed if missing), run as project-local instances with their
#      data under .local/ and their own loopback ports, never touching a system-wide server.
#
# The services, and whose contracts each consumes, are listed in deploy/services.txt: each gets a
# database role, two databases and a broker user with the permissions described there. Passwords
# are generated once into .local/secrets; on external servers (production) a service's passwords
# come from KOPERASI_<SERVICE>_DB_PASSWORD and KOPERASI_<SERVICE>_MQ_PASSWORD when those are set.
#
# KOPERASI_LOCAL_STATE names another state folder than .local/ (servers' data, secrets,
# infra.env), e.g. to provision the servers another checkout of the repository started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KOPERASI_LOCAL_STATE:-$ROOT/.local}"
SECRETS="$STATE/secrets"
ENV_FILE="$STATE/infra.env"
STARTED_FILE="$STATE/infra.started"
if [ "${2:-}" = "--record" ] && [ -n "${3:-}" ]; then STARTED_FILE="$3"; fi

PG_PORT="${KOPERASI_LOCAL_POSTGRES_PORT:-55432}"
AMQP_PORT="${KOPERASI_LOCAL_RABBITMQ_PORT:-55672}"
MGMT_PORT="${KOPERASI_LOCAL_RABBITMQ_MANAGEMENT_PORT:-55673}"
DIST_PORT="${KOPERASI_LOCAL_RABBITMQ_DIST_PORT:-55674}"
EPMD_PORT="${KOPERASI_LOCAL_EPMD_PORT:-55675}"
# RabbitMQ's own Prometheus endpoint (rabbitmq_prometheus: queue depths, error queues included),
# scraped by ./run.sh --observability.
PROM_PORT="${KOPERASI_LOCAL_RABBITMQ_PROMETHEUS_PORT:-55676}"
NODE_NAME="koperasi@localhost"

# The services (deploy/services.txt) and what PostgreSQL and RabbitMQ are provisioned with, written
# once for this script and the Compose containers (deploy/compose/*.sh).
# shellcheck source=deploy/provision.sh
. "$ROOT/deploy/provision.sh"
# Each service owns one database (and one for its tests) and one broker user.
SERVICES_LIST="$(koperasi_services)" && [ -n "$SERVICES_LIST" ] \
  || { echo "[infra] error: no valid list of services in $(koperasi_services_file)" >&2; exit 1; }
mapfile -t SERVICES <<< "$SERVICES_LIST"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

secret() {
  local name="$1" file="$SECRETS/$1"
  mkdir -p "$SECRETS"
  chmod 700 "$SECRETS"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
  fi
  cat "$file"
}

# service_secret SERVICE postgres|rabbitmq: a service's password. On external servers (production)
# it comes from KOPERASI_<SERVICE>_DB_PASSWORD / _MQ_PASSWORD when set; otherwise it is generated
# once into the git-ignored secrets folder.
service_secret() {
  local variable
  if [ "$2" = postgres ]; then variable="KOPERASI_$(upper "$1")_DB_PASSWORD"; else variable="KOPERASI_$(upper "$1")_MQ_PASSWORD"; fi
  if [ "$MODE" = external ] && [ -n "${!variable:-}" ]; then
    echo "${!variable}"
  else
    secret "$2-$1"
  fi
}

# random_key NAME: a key of 256 random bits in base64, generated once into .local/secrets/NAME.
random_key() {
  local file="$SECRETS/$1"
  mkdir -p "$SECRETS"
  chmod 700 "$SECRETS"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' > "$file")
  fi
  cat "$file"
}

# The key that signs development tokens (HMAC-SHA256).
signing_key() { random_key jwt-signing-key; }

# The personal-data vault's keys (docs/adr/0009): the master key that wraps every person's data key,
# and the key of the NIK's keyed hash. Development only; elsewhere they come from the secret store.
personal_data_master_key() { random_key personal-data-master-key; }
personal_data_nik_hash_key() { random_key personal-data-nik-hash-key; }

mark_started() {
  mkdir -p "$STATE"
  grep -qx "$1" "$STARTED_FILE" 2>/dev/null || echo "$1" >> "$STARTED_FILE"
}

# ---------------------------------------------------------------- mode selection

detect_mode() {
  if [ -n "${KOPERASI_EXTERNAL_POSTGRES_HOST:-}" ] || [ -n "${KOPERASI_EXTERNAL_RABBITMQ_HOST:-}" ]; then
    [ -n "${KOPERASI_EXTERNAL_POSTGRES_HOST:-}" ] && [ -n "${KOPERASI_EXTERNAL_RABBITMQ_HOST:-}" ] \
      || die "set both KOPERASI_EXTERNAL_POSTGRES_HOST and KOPERASI_EXTERNAL_RABBITMQ_HOST, or neither"
    echo external
  elif [ "${KOPERASI_INFRA:-}" = "local" ]; then
    echo local
  elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    echo compose
  else
    echo local
  fi
}

# ---------------------------------------------------------------- settings per mode

pg_host() { [ "$MODE" = external ] && echo "$KOPERASI_EXTERNAL_POSTGRES_HOST" || echo 127.0.0.1; }
pg_port() { [ "$MODE" = external ] && echo "${KOPERASI_EXTERNAL_POSTGRES_PORT:-5432}" || echo "$PG_PORT"; }
pg_admin_user() { [ "$MODE" = external ] && echo "${KOPERASI_EXTERNAL_POSTGRES_ADMIN_USER:-postgres}" || echo koperasi_admin; }
pg_admin_password() {
  if [ "$MODE" = external ]; then echo "${KOPERASI_EXTERNAL_POSTGRES_ADMIN_PASSWORD:-}"; else secret postgres-admin; fi
}
mq_host() { [ "$MODE" = external ] && echo "$KOPERASI_EXTERNAL_RABBITMQ_HOST" || echo 127.0.0.1; }
mq_port() { [ "$MODE" = external ] && echo "${KOPERASI_EXTERNAL_RABBITMQ_PORT:-5672}" || echo "$AMQP_PORT"; }
mq_mgmt_port() { [ "$MODE" = external ] && echo "${KOPERASI_EXTERNAL_RABBITMQ_MANAGEMENT_PORT:-15672}" || echo "$MGMT_PORT"; }
# rabbitmq_prometheus: on the project-local node always; elsewhere only when told where (empty: none).
mq_prometheus_port() {
  case "$MODE" in
    local) echo "$PROM_PORT" ;;
    external) echo "${KOPERASI_EXTERNAL_RABBITMQ_PROMETHEUS_PORT:-}" ;;
    *) echo "" ;;
  esac
}
mq_admin_user() { [ "$MODE" = external ] && echo "${KOPERASI_EXTERNAL_RABBITMQ_ADMIN_USER:-admin}" || echo koperasi-admin; }
mq_admin_password() {
  if [ "$MODE" = external ]; then echo "${KOPERASI_EXTERNAL_RABBITMQ_ADMIN_PASSWORD:-}"; else secret rabbitmq-admin; fi
}

# ---------------------------------------------------------------- OS packages

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

ensure_packages() { # ensure_packages [servers]: curl always, the two servers for the local mode
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  if [ "${1:-}" = servers ]; then
    pg_bin >/dev/null || missing+=(postgresql)
    [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  log "installing ${missing[*]} from the OS packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# As root the servers run as their own system users; the data must be reachable by them.
# A checkout under a private home directory is not, so the data then lives under /var/tmp
# with a link from .local/infra.
service_state_dir() {
  local dir="$STATE/infra"
  if [ -L "$dir" ]; then readlink -f "$dir"; return; fi
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$STATE"
    if ! runuser -u postgres -- test -x "$STATE" 2>/dev/null || ! runuser -u rabbitmq -- test -x "$STATE" 2>/dev/null; then
      local alt
      alt="/var/tmp/koperasi-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)"
      mkdir -p "$alt"
      chmod 755 "$alt"
      ln -sfn "$alt" "$dir"
      echo "$alt"
      return
    fi
  fi
  mkdir -p "$dir"
  echo "$dir"
}

run_as() { # run_as USER CMD... : as root switch user, otherwise run as the caller
  local user="$1"; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

own() { # own USER DIR : hand a directory to the server's user when running as root
  if [ "$(id -u)" -eq 0 ]; then chown -R "$1:$1" "$2"; fi
}

# ---------------------------------------------------------------- local PostgreSQL

pg_local_up() {
  local bin dir data
  bin="$(pg_bin)"
  dir="$(service_state_dir)/postgres"
  data="$dir/data"
  mkdir -p "$dir"
  own postgres "$dir"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating a PostgreSQL cluster in $data"
    local pwfile="$dir/pwfile"
    (umask 077; secret postgres-admin > "$pwfile")
    own postgres "$dir"
    run_as postgres "$bin/initdb" -D "$data" -U koperasi_admin --pwfile="$pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if run_as postgres "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
    return 0
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  run_as postgres "$bin/pg_ctl" start -D "$data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='' -c max_connections=300 -c fsync=${KOPERASI_LOCAL_POSTGRES_FSYNC:-on}" >/dev/null \
    || { tail -n 20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  mark_started postgres
}

pg_local_down() {
  local bin dir
  bin="$(pg_bin)" || return 0
  dir="$(service_state_dir)/postgres"
  [ -f "$dir/data/PG_VERSION" ] || return 0
  if run_as postgres "$bin/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
    log "stopping PostgreSQL"
    run_as postgres "$bin/pg_ctl" stop -D "$dir/data" -m fast -w >/dev/null || true
  fi
}

# ---------------------------------------------------------------- local RabbitMQ

mq_env() {
  local dir="$1"
  echo "HOME=$dir/home"
  echo "RABBITMQ_NODENAME=$NODE_NAME"
  echo "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
  echo "RABBITMQ_NODE_PORT=$AMQP_PORT"
  echo "RABBITMQ_DIST_PORT=$DIST_PORT"
  echo "ERL_EPMD_PORT=$EPMD_PORT"
  echo "ERL_EPMD_ADDRESS=127.0.0.1"
  echo "RABBITMQ_MNESIA_BASE=$dir/mnesia"
  echo "RABBITMQ_LOG_BASE=$dir/log"
  echo "RABBITMQ_PID_FILE=$dir/rabbitmq.pid"
  echo "RABBITMQ_FEATURE_FLAGS_FILE=$dir/feature_flags"
  echo "RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins"
  echo "RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf"
  echo "RABBITMQ_ADVANCED_CONFIG_FILE=$dir/advanced.config"
  echo "RABBITMQ_CONF_ENV_FILE=$dir/rabbitmq-env.conf"
}

mq_run() { # mq_run CMD ARGS... : a RabbitMQ command against the project-local node
  local dir cmd="$1"; shift
  dir="$(service_state_dir)/rabbitmq"
  # shellcheck disable=SC2046
  run_as rabbitmq env $(mq_env "$dir") "/usr/lib/rabbitmq/bin/$cmd" "$@"
}

mq_local_running() {
  mq_run rabbitmqctl -n "$NODE_NAME" -q status >/dev/null 2>&1
}

mq_local_up() {
  local dir
  dir="$(service_state_dir)/rabbitmq"
  mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
  echo '[rabbitmq_management,rabbitmq_prometheus].' > "$dir/enabled_plugins"
  cat > "$dir/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = $PROM_PORT
loopback_users = none
log.console = false
log.file.level = warning
EOF
  # Erlang's distribution port (inter-node traffic and rabbitmqctl) listens on every interface
  # unless told otherwise: loopback only, like the other ports.
  echo '[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}].' > "$dir/advanced.config"
  : > "$dir/rabbitmq-env.conf"
  if [ ! -s "$dir/home/.erlang.cookie" ]; then
    (umask 077; secret erlang-cookie > "$dir/home/.erlang.cookie")
  fi
  chmod 400 "$dir/home/.erlang.cookie"
  own rabbitmq "$dir"
  if mq_local_running; then return 0; fi
  log "starting RabbitMQ on 127.0.0.1:$AMQP_PORT (management on :$MGMT_PORT)"
  local dir_q="$dir"
  # shellcheck disable=SC2046
  run_as rabbitmq env $(mq_env "$dir_q") setsid /usr/lib/rabbitmq/bin/rabbitmq-server \
    > "$dir/server.out" 2>&1 < /dev/null &
  # await_startup fails at once while the node is not yet registered, so poll until it waits.
  local i
  for i in $(seq 1 90); do
    mq_run rabbitmqctl -n "$NODE_NAME" -q await_startup --timeout 60 >/dev/null 2>&1 && break
    if [ "$i" = 90 ]; then
      tail -n 30 "$dir/server.out" >&2 || true
      die "RabbitMQ did not start"
    fi
    sleep 1
  done
  mark_started rabbitmq
}

mq_local_down() {
  [ -x /usr/lib/rabbitmq/bin/rabbitmqctl ] || return 0
  [ -d "$(service_state_dir)/rabbitmq" ] || return 0
  if mq_local_running; then
    log "stopping RabbitMQ"
    mq_run rabbitmqctl -n "$NODE_NAME" -q stop >/dev/null 2>&1 || true
  fi
}

# ---------------------------------------------------------------- compose

compose() { (cd "$ROOT" && docker compose --env-file "$STATE/compose.env" "$@"); }

write_compose_env() {
  mkdir -p "$STATE"
  {
    echo "KOPERASI_POSTGRES_PORT=$PG_PORT"
    echo "KOPERASI_RABBITMQ_PORT=$AMQP_PORT"
    echo "KOPERASI_RABBITMQ_MANAGEMENT_PORT=$MGMT_PORT"
    echo "POSTGRES_ADMIN_PASSWORD=$(secret postgres-admin)"
    echo "RABBITMQ_ADMIN_PASSWORD=$(secret rabbitmq-admin)"
    echo "JWT_SIGNING_KEY=$(signing_key)"
    echo "PERSONALDATA_MASTER_KEY=$(personal_data_master_key)"
    echo "PERSONALDATA_NIK_HASH_KEY=$(personal_data_nik_hash_key)"
    for s in "${SERVICES[@]}"; do
      echo "$(upper "$s")_DB_PASSWORD=$(service_secret "$s" postgres)"
      echo "$(upper "$s")_MQ_PASSWORD=$(service_secret "$s" rabbitmq)"
    done
  } > "$STATE/compose.env"
  chmod 600 "$STATE/compose.env"
}

compose_up() {
  write_compose_env
  log "starting PostgreSQL and RabbitMQ with Docker Compose"
  compose up -d --wait postgres rabbitmq >/dev/null
  mark_started compose
}

# ---------------------------------------------------------------- provisioning

upper() { printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_'; }

psql_admin() {
  local bin psql
  if [ "$MODE" = compose ]; then
    compose exec -T -e PGPASSWORD="$(pg_admin_password)" postgres \
      psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U koperasi_admin -d postgres "$@"
    return
  fi
  bin="$(pg_bin || true)"
  if [ -n "$bin" ]; then psql="$bin/psql"; else psql="$(command -v psql)" || die "psql is needed to provision PostgreSQL"; fi
  PGPASSWORD="$(pg_admin_password)" "$psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_host)" -p "$(pg_port)" \
    -U "$(pg_admin_user)" -d postgres "$@"
}

wait_for_postgres() {
  local i
  for i in $(seq 1 60); do
    psql_admin -tAc 'select 1' >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "PostgreSQL at $(pg_host):$(pg_port) does not answer"
}

service_db_password() { service_secret "$1" postgres; }
service_mq_password() { service_secret "$1" rabbitmq; }

# The roles and databases of deploy/provision.sh, through the administrator's psql.
provision_postgres() {
  wait_for_postgres
  koperasi_provision_postgres psql_admin service_db_password || die "provisioning PostgreSQL failed"
}

mq_api() { # mq_api METHOD PATH [JSON]
  local method="$1" path="$2" body="${3:-}"
  local url="http://$(mq_host):$(mq_mgmt_port)/api$path"
  if [ -n "$body" ]; then
    curl -fsS -u "$(mq_admin_user):$(mq_admin_password)" -X "$method" -H 'content-type: application/json' --data-binary @- "$url" >/dev/null <<< "$body"
  else
    curl -fsS -u "$(mq_admin_user):$(mq_admin_password)" -X "$method" "$url" >/dev/null
  fi
}

mq_ctl() { # rabbitmqctl against the broker this script runs (local node or compose container)
  if [ "$MODE" = compose ]; then
    compose exec -T rabbitmq rabbitmqctl -q "$@"
  else
    mq_run rabbitmqctl -n "$NODE_NAME" -q "$@"
  fi
}

# The broker this script runs has no administrator of ours at first (a new local node has only
# guest): rabbitmqctl creates it, so that the management API below answers it.
bootstrap_rabbitmq_admin() {
  local admin pw i
  admin="$(mq_admin_user)"
  pw="$(mq_admin_password)"
  if [ "$MODE" = compose ]; then
    for i in $(seq 1 60); do mq_ctl await_startup >/dev/null 2>&1 && break; sleep 1; done
  fi
  # add_user fails when the user exists; the password is set on the next line either way.
  mq_ctl add_user "$admin" "$pw" >/dev/null 2>&1 || true
  mq_ctl change_password "$admin" "$pw" >/dev/null
  mq_ctl set_user_tags "$admin" administrator >/dev/null
}

# The vhosts, users, permissions and contract exchanges of deploy/provision.sh, imported through the
# management API in every mode (the compose container also imports the same document at boot).
# The administrator is in the document only where this script made it (not on an external broker).
provision_rabbitmq() {
  local i definitions admin_password=""
  [ "$MODE" = external ] || bootstrap_rabbitmq_admin
  for i in $(seq 1 60); do
    mq_api GET /overview 2>/dev/null && break
    [ "$i" = 60 ] && die "RabbitMQ management API at $(mq_host):$(mq_mgmt_port) does not answer"
    sleep 1
  done
  [ "$(mq_admin_user)" != guest ] || die "provision with an administrator of your own, not guest: the guest user is deleted"
  [ "$MODE" = external ] || admin_password="$(mq_admin_password)"
  definitions="$(koperasi_rabbitmq_definitions "$(mq_admin_user)" "$admin_password" service_mq_password)" \
    || die "no RabbitMQ definitions (deploy/services.txt, the contracts)"
  mq_api POST /definitions "$definitions" || die "RabbitMQ refused the definitions"
  # The guest user is not used; where it exists it goes (404 when it is already gone).
  curl -sS -o /dev/null -u "$(mq_admin_user):$(mq_admin_password)" -X DELETE "http://$(mq_host):$(mq_mgmt_port)/api/users/guest" || true
}

# Consumer queues are quorum queues (issue 15); a broker that ran an older version holds them as
# classic queues, and RabbitMQ refuses to declare a queue again with another type. The services are
# not running while this script provisions, so: every durable classic queue of a service
# (<service>-..., its _error and _skipped too) that is empty is deleted, and the service declares it
# again as a quorum queue when it starts (bindings included). One that still holds messages is kept
# and named: drain it (start the old version until it is empty, or move its messages with a
# shovel) and run this again. See docs/operations.md, "Several replicas".
upgrade_classic_queues() {
  local vhost=koperasi prefixes="" s name type durable auto_delete messages
  for s in "${SERVICES[@]}"; do prefixes="$prefixes${prefixes:+|}$s-"; done
  mq_ctl list_queues -p "$vhost" --no-table-headers name type durable auto_delete messages 2>/dev/null \
    | while IFS=$'\t' read -r name type durable auto_delete messages; do
        [ "$type" = classic ] && [ "$durable" = true ] && [ "$auto_delete" = false ] || continue
        printf '%s' "$name" | grep -Eq "^($prefixes)" || continue
        if [ "$messages" = 0 ]; then
          mq_ctl delete_queue -p "$vhost" --if-empty "$name" >/dev/null && log "classic queue $name deleted: the service declares it again as a quorum queue"
        else
          log "warning: classic queue $name still holds $messages messages; drain it, then run deploy/infra.sh up again (see docs/operations.md)"
        fi
      done
}

# ---------------------------------------------------------------- commands

write_env() {
  mkdir -p "$STATE"
  local m s
  m="$MODE"
  {
    echo "KOPERASI_INFRA_MODE=$m"
    echo "KOPERASI_POSTGRES_HOST=$(pg_host)"
    echo "KOPERASI_POSTGRES_PORT=$(pg_port)"
    echo "KOPERASI_RABBITMQ_HOST=$(mq_host)"
    echo "KOPERASI_RABBITMQ_PORT=$(mq_port)"
    echo "KOPERASI_RABBITMQ_MANAGEMENT_PORT=$(mq_mgmt_port)"
    echo "KOPERASI_RABBITMQ_PROMETHEUS_PORT=$(mq_prometheus_port)"
    echo "KOPERASI_RABBITMQ_ADMIN_USER=$(mq_admin_user)"
    echo "KOPERASI_RABBITMQ_ADMIN_PASSWORD=$(mq_admin_password)"
    echo "KOPERASI_JWT_SIGNING_KEY=$(signing_key)"
    echo "KOPERASI_PERSONALDATA_MASTER_KEY=$(personal_data_master_key)"
    echo "KOPERASI_PERSONALDATA_NIK_HASH_KEY=$(personal_data_nik_hash_key)"
    for s in "${SERVICES[@]}"; do
      echo "KOPERASI_$(upper "$s")_DB_USER=koperasi_$s"
      echo "KOPERASI_$(upper "$s")_DB_PASSWORD=$(service_secret "$s" postgres)"
      echo "KOPERASI_$(upper "$s")_MQ_USER=$s"
      echo "KOPERASI_$(upper "$s")_MQ_PASSWORD=$(service_secret "$s" rabbitmq)"
    done
  } > "$ENV_FILE"
  chmod 600 "$ENV_FILE"
}

cmd_up() {
  case "$MODE" in
    external)
      [ -n "${KOPERASI_EXTERNAL_POSTGRES_ADMIN_PASSWORD:-}" ] || die "KOPERASI_EXTERNAL_POSTGRES_ADMIN_PASSWORD is needed to provision the external PostgreSQL"
      [ -n "${KOPERASI_EXTERNAL_RABBITMQ_ADMIN_PASSWORD:-}" ] || die "KOPERASI_EXTERNAL_RABBITMQ_ADMIN_PASSWORD is needed to provision the external RabbitMQ"
      ensure_packages
      provision_postgres
      provision_rabbitmq
      ;;
    compose)
      ensure_packages
      compose_up
      provision_postgres
      provision_rabbitmq
      upgrade_classic_queues
      ;;
    local)
      ensure_packages servers
      pg_local_up
      mq_local_up
      provision_postgres
      provision_rabbitmq
      upgrade_classic_queues
      ;;
  esac
  write_env
}

cmd_down() {
  [ -f "$STARTED_FILE" ] || return 0
  if grep -qx compose "$STARTED_FILE"; then compose stop postgres rabbitmq >/dev/null || true; fi
  if grep -qx rabbitmq "$STARTED_FILE"; then mq_local_down; fi
  if grep -qx postgres "$STARTED_FILE"; then pg_local_down; fi
  rm -f "$STARTED_FILE"
}

MODE="$(detect_mode)"

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  env) [ -f "$ENV_FILE" ] || cmd_up; cat "$ENV_FILE" ;;
  compose-env) write_compose_env; log "wrote $STATE/compose.env" ;;
  *) echo "usage: $0 up|down|env|compose-env" >&2; exit 2 ;;
esac
