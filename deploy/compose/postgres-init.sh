#!/usr/bin/env bash
# Mounted into the official postgres image's /docker-entrypoint-initdb.d: runs once, when the
# container initialises an empty data volume. Creates, for each service in deploy/services.txt
# (mounted with deploy/services.sh under /opt/koperasi), the role koperasi_<service> (password from
# <SERVICE>_DB_PASSWORD; not superuser, cannot create roles or databases) owning the databases
# koperasi_<service> and koperasi_<service>_test, which no other role may connect to, as
# deploy/infra.sh provisions them elsewhere. Written to work whether the entrypoint executes it or
# sources it.
set -e

# shellcheck source=../services.sh
. "${KOPERASI_SERVICES_LIBRARY:-/opt/koperasi/services.sh}"

koperasi_provision_service() { # koperasi_provision_service NAME
  local service="$1" role="koperasi_$1" variable password db
  variable="$(printf '%s' "$service" | tr '[:lower:]-' '[:upper:]_')_DB_PASSWORD"
  password="${!variable:-}"
  if [ -z "$password" ]; then
    echo "postgres-init: $variable is not set; run deploy/infra.sh compose-env" >&2
    return 1
  fi

  psql -v ON_ERROR_STOP=1 --no-password --username "$POSTGRES_USER" --dbname postgres \
    --set role="$role" --set password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'role') FROM pg_roles WHERE rolname = :'role' AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls) \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'password') \gexec
SQL
  for db in "koperasi_$service" "koperasi_${service}_test"; do
    psql -v ON_ERROR_STOP=1 --no-password --username "$POSTGRES_USER" --dbname postgres \
      --set role="$role" --set db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT ALL ON DATABASE %I TO %I', :'db', :'role') \gexec
SQL
  done
}

koperasi_services_list="$(koperasi_services)"
for koperasi_service in $koperasi_services_list; do
  koperasi_provision_service "$koperasi_service"
done
