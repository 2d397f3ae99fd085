#!/usr/bin/env bash
# Mounted into the official postgres image's /docker-entrypoint-initdb.d: runs once, when the
# container initialises an empty data volume. Provisions the roles and databases of the services
# in deploy/services.txt as deploy/infra.sh does elsewhere, with the same code (deploy/provision.sh,
# mounted with services.sh and services.txt under /opt/koperasi); a service's password comes from
# <SERVICE>_DB_PASSWORD. Written to work whether the entrypoint executes it or sources it.
set -e

# shellcheck source=../provision.sh
. "${KOPERASI_PROVISION_LIBRARY:-/opt/koperasi/provision.sh}"

koperasi_init_psql() {
  psql -v ON_ERROR_STOP=1 --no-password --username "$POSTGRES_USER" --dbname postgres "$@"
}

koperasi_init_password() { # <SERVICE>_DB_PASSWORD
  local variable
  variable="$(printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_')_DB_PASSWORD"
  [ -n "${!variable:-}" ] || { echo "postgres-init: $variable is not set; run deploy/infra.sh compose-env" >&2; return 1; }
  printf '%s' "${!variable}"
}

koperasi_provision_postgres koperasi_init_psql koperasi_init_password
