#!/usr/bin/env bash
# Entry point of the rabbitmq container in docker-compose.yml. Before the official image's own
# entry point starts the broker, it renders a definitions file that the broker imports at every
# boot: the vhosts koperasi and koperasi-test, the administrator koperasi-admin (password from
# KOPERASI_MQ_ADMIN_PASSWORD) and, for each service in KOPERASI_SERVICES, a user of that name
# (password from <SERVICE>_MQ_PASSWORD) with full rights on both vhosts. A node that imports
# definitions at boot creates no guest user.
set -euo pipefail

conf_dir=/etc/rabbitmq
definitions="$conf_dir/koperasi-definitions.json"
vhosts=(koperasi koperasi-test)

json_string() { # JSON string literal of $1
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}

user_json() { # user_json NAME PASSWORD TAGS
  printf '{"name":%s,"password":%s,"tags":%s}' "$(json_string "$1")" "$(json_string "$2")" "$(json_string "$3")"
}

permissions_json() { # permissions_json USER: full rights on every vhost
  local vhost sep=""
  for vhost in "${vhosts[@]}"; do
    printf '%s{"user":%s,"vhost":%s,"configure":".*","write":".*","read":".*"}' "$sep" "$(json_string "$1")" "$(json_string "$vhost")"
    sep=","
  done
}

admin_password="${KOPERASI_MQ_ADMIN_PASSWORD:?KOPERASI_MQ_ADMIN_PASSWORD is not set; run deploy/infra.sh compose-env}"
users="$(user_json koperasi-admin "$admin_password" administrator)"
permissions="$(permissions_json koperasi-admin)"
for service in ${KOPERASI_SERVICES:?KOPERASI_SERVICES lists the services, e.g. registry}; do
  variable="$(printf '%s' "$service" | tr '[:lower:]-' '[:upper:]_')_MQ_PASSWORD"
  password="${!variable:-}"
  [ -n "$password" ] || { echo "rabbitmq-start: $variable is not set; run deploy/infra.sh compose-env" >&2; exit 1; }
  users="$users,$(user_json "$service" "$password" "")"
  permissions="$permissions,$(permissions_json "$service")"
done
vhost_list="$(for vhost in "${vhosts[@]}"; do printf '{"name":%s},' "$(json_string "$vhost")"; done)"

(
  umask 077
  printf '{"users":[%s],"vhosts":[%s],"permissions":[%s]}\n' "$users" "${vhost_list%,}" "$permissions" > "$definitions"
  printf 'load_definitions = %s\n' "$definitions" > "$conf_dir/conf.d/90-koperasi.conf"
)
if [ "$(id -u)" = 0 ]; then
  chown rabbitmq:rabbitmq "$definitions" "$conf_dir/conf.d/90-koperasi.conf"
fi

exec docker-entrypoint.sh "${@:-rabbitmq-server}"
