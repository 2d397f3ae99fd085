#!/usr/bin/env bash
# Entry point of the rabbitmq container in docker-compose.yml. Before the official image's own
# entry point starts the broker, it writes the definitions file that the broker imports at every
# boot: the document deploy/infra.sh imports elsewhere, from the same code (deploy/provision.sh,
# mounted with services.sh and services.txt under /opt/koperasi, the contracts under
# /opt/koperasi/contracts). The administrator is koperasi-admin (password from
# KOPERASI_MQ_ADMIN_PASSWORD); a service's password comes from <SERVICE>_MQ_PASSWORD. A node that
# imports definitions at boot creates no guest user.
set -euo pipefail

# shellcheck source=../provision.sh
. "${KOPERASI_PROVISION_LIBRARY:-/opt/koperasi/provision.sh}"
export KOPERASI_CONTRACTS_DIR="${KOPERASI_CONTRACTS_DIR:-/opt/koperasi/contracts}"

conf_dir=/etc/rabbitmq
definitions="$conf_dir/koperasi-definitions.json"

mq_password() { # <SERVICE>_MQ_PASSWORD
  local variable
  variable="$(printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_')_MQ_PASSWORD"
  [ -n "${!variable:-}" ] || { echo "rabbitmq-start: $variable is not set; run deploy/infra.sh compose-env" >&2; return 1; }
  printf '%s' "${!variable}"
}

admin_password="${KOPERASI_MQ_ADMIN_PASSWORD:?KOPERASI_MQ_ADMIN_PASSWORD is not set; run deploy/infra.sh compose-env}"
document="$(koperasi_rabbitmq_definitions koperasi-admin "$admin_password" mq_password)"
(
  umask 077
  printf '%s\n' "$document" > "$definitions"
  printf 'load_definitions = %s\n' "$definitions" > "$conf_dir/conf.d/90-koperasi.conf"
)
if [ "$(id -u)" = 0 ]; then
  chown rabbitmq:rabbitmq "$definitions" "$conf_dir/conf.d/90-koperasi.conf"
fi

exec docker-entrypoint.sh "${@:-rabbitmq-server}"
