#!/usr/bin/env bash
# Entry point of the rabbitmq container in docker-compose.yml. Before the official image's own
# entry point starts the broker, it renders a definitions file that the broker imports at every
# boot: the vhosts koperasi and koperasi-test, the administrator koperasi-admin (password from
# KOPERASI_MQ_ADMIN_PASSWORD) and, for each service in deploy/services.txt (mounted with
# deploy/services.sh under /opt/koperasi), a user of that name (password from <SERVICE>_MQ_PASSWORD)
# with the narrow permissions of services.txt in koperasi and full rights in koperasi-test, and every
# contract's exchange in koperasi (building-blocks/Koperasi.Contracts, mounted under
# /opt/koperasi/contracts), which subscribers bind but may not declare. A node
# that imports definitions at boot creates no guest user.
set -euo pipefail

# shellcheck source=../services.sh
. "${KOPERASI_SERVICES_LIBRARY:-/opt/koperasi/services.sh}"

conf_dir=/etc/rabbitmq
definitions="$conf_dir/koperasi-definitions.json"
running_vhost=koperasi
test_vhost=koperasi-test

json_string() { # JSON string literal of $1
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}

user_json() { # user_json NAME PASSWORD TAGS
  printf '{"name":%s,"password":%s,"tags":%s}' "$(json_string "$1")" "$(json_string "$2")" "$(json_string "$3")"
}

permission_json() { # permission_json USER VHOST CONFIGURE WRITE READ
  printf '{"user":%s,"vhost":%s,"configure":%s,"write":%s,"read":%s}' \
    "$(json_string "$1")" "$(json_string "$2")" "$(json_string "$3")" "$(json_string "$4")" "$(json_string "$5")"
}

admin_password="${KOPERASI_MQ_ADMIN_PASSWORD:?KOPERASI_MQ_ADMIN_PASSWORD is not set; run deploy/infra.sh compose-env}"
users="$(user_json koperasi-admin "$admin_password" administrator)"
permissions="$(permission_json koperasi-admin "$running_vhost" '.*' '.*' '.*'),$(permission_json koperasi-admin "$test_vhost" '.*' '.*' '.*')"
services="$(koperasi_services)"
for service in $services; do
  variable="$(printf '%s' "$service" | tr '[:lower:]-' '[:upper:]_')_MQ_PASSWORD"
  password="${!variable:-}"
  [ -n "$password" ] || { echo "rabbitmq-start: $variable is not set; run deploy/infra.sh compose-env" >&2; exit 1; }
  rights="$(koperasi_mq_permissions "$service")"
  mapfile -t rights <<< "$rights"
  users="$users,$(user_json "$service" "$password" "")"
  permissions="$permissions,$(permission_json "$service" "$running_vhost" "${rights[0]}" "${rights[1]}" "${rights[2]}")"
  permissions="$permissions,$(permission_json "$service" "$test_vhost" '.*' '.*' '.*')"
done
exchanges=""
for exchange in $(KOPERASI_CONTRACTS_DIR="${KOPERASI_CONTRACTS_DIR:-/opt/koperasi/contracts}" koperasi_contract_exchanges); do
  exchanges="$exchanges${exchanges:+,}$(printf '{"name":%s,"vhost":%s,"type":"fanout","durable":true,"auto_delete":false,"internal":false,"arguments":{}}' \
    "$(json_string "$exchange")" "$(json_string "$running_vhost")")"
done
vhost_list="$(printf '{"name":%s},{"name":%s}' "$(json_string "$running_vhost")" "$(json_string "$test_vhost")")"

(
  umask 077
  printf '{"users":[%s],"vhosts":[%s],"permissions":[%s],"exchanges":[%s]}\n' "$users" "$vhost_list" "$permissions" "$exchanges" > "$definitions"
  printf 'load_definitions = %s\n' "$definitions" > "$conf_dir/conf.d/90-koperasi.conf"
)
if [ "$(id -u)" = 0 ]; then
  chown rabbitmq:rabbitmq "$definitions" "$conf_dir/conf.d/90-koperasi.conf"
fi

exec docker-entrypoint.sh "${@:-rabbitmq-server}"
