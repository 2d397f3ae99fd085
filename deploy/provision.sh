# Sourced by deploy/infra.sh (every mode) and deploy/compose/*.sh: what PostgreSQL and RabbitMQ
# are provisioned with, written once. Each caller says only how it reaches the server and where a
# service's password comes from; the roles, databases, users, permissions and exchanges are these.
# The services and their broker permissions come from deploy/services.txt (deploy/services.sh,
# beside this file).
# shellcheck shell=bash

# shellcheck source=deploy/services.sh
. "$(dirname "${BASH_SOURCE[0]}")/services.sh"

# The running system's vhost, where each service user gets the narrow permissions of services.txt,
# and the tests' vhost, where it gets full rights (tests isolate themselves by a per-run prefix).
KOPERASI_RUNNING_VHOST=koperasi
KOPERASI_TEST_VHOST=koperasi-test

# koperasi_provision_postgres PSQL PASSWORD: for each service, the role koperasi_<service> owning the
# databases koperasi_<service> and koperasi_<service>_test, which no other role may connect to.
#   PSQL      a command that runs psql as an administrator against the database `postgres`, with
#             ON_ERROR_STOP, passing on its arguments (SQL on standard input)
#   PASSWORD  a command that prints a service's database password, given the service's name
koperasi_provision_postgres() {
  local psql="$1" password_of="$2" service role password db
  local services
  services="$(koperasi_services)" || return 1
  for service in $services; do
    role="koperasi_$service"
    password="$("$password_of" "$service")" || return 1
    [ -n "$password" ] || { echo "provision: no database password for $service" >&2; return 1; }
    # A runtime role: it logs in and owns its databases, nothing more. ALTER only when an
    # attribute is wrong (changing them needs a superuser, which a managed server's admin may not be).
    "$psql" --set role="$role" --set password="$password" <<'SQL' >/dev/null || return 1
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'role') FROM pg_roles WHERE rolname = :'role' AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls) \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'password') \gexec
SQL
    for db in "koperasi_$service" "koperasi_${service}_test"; do
      # Nobody but the owner (and the admin) may connect: no service reaches another's data.
      "$psql" --set role="$role" --set db="$db" <<'SQL' >/dev/null || return 1
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT ALL ON DATABASE %I TO %I', :'db', :'role') \gexec
SQL
    done
  done
}

koperasi_json_string() { # JSON string literal of $1
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}

# koperasi_rabbitmq_definitions ADMIN_USER ADMIN_PASSWORD PASSWORD: RabbitMQ's definitions document
# (the format the broker imports at boot with load_definitions, and through POST /api/definitions)
# of everything the platform needs:
#   - the vhosts koperasi and koperasi-test, with full rights for ADMIN_USER in both; ADMIN_USER
#     itself (tag administrator) only when ADMIN_PASSWORD is given (an external broker's
#     administrator is its owner's, not ours to change);
#   - for each service, a user of that name without tags (password printed by the command
#     PASSWORD, given the service's name), with the permissions of services.txt in koperasi and
#     full rights in koperasi-test;
#   - every contract's exchange in koperasi, as its publisher's MassTransit declares it (fanout,
#     durable): a subscriber may not create a publisher's exchange, only bind it.
koperasi_rabbitmq_definitions() {
  local admin="$1" admin_password="$2" password_of="$3"
  local users="" permissions="" exchanges="" vhosts="" vhost service password exchange services contracts
  local -a rights
  services="$(koperasi_services)" || return 1
  contracts="$(koperasi_contract_exchanges)" || return 1
  if [ -n "$admin_password" ]; then
    users="$(koperasi_rabbitmq_user_json "$admin" "$admin_password" administrator)"
  fi
  for vhost in "$KOPERASI_RUNNING_VHOST" "$KOPERASI_TEST_VHOST"; do
    vhosts="$vhosts${vhosts:+,}{\"name\":$(koperasi_json_string "$vhost")}"
    permissions="$permissions${permissions:+,}$(koperasi_rabbitmq_permission_json "$admin" "$vhost" '.*' '.*' '.*')"
  done
  for service in $services; do
    password="$("$password_of" "$service")" || return 1
    [ -n "$password" ] || { echo "provision: no broker password for $service" >&2; return 1; }
    mapfile -t rights <<< "$(koperasi_mq_permissions "$service")"
    [ ${#rights[@]} -eq 3 ] || { echo "provision: no broker permissions for $service" >&2; return 1; }
    users="$users${users:+,}$(koperasi_rabbitmq_user_json "$service" "$password" "")"
    permissions="$permissions,$(koperasi_rabbitmq_permission_json "$service" "$KOPERASI_RUNNING_VHOST" "${rights[0]}" "${rights[1]}" "${rights[2]}")"
    permissions="$permissions,$(koperasi_rabbitmq_permission_json "$service" "$KOPERASI_TEST_VHOST" '.*' '.*' '.*')"
  done
  for exchange in $contracts; do
    exchanges="$exchanges${exchanges:+,}$(printf '{"name":%s,"vhost":%s,"type":"fanout","durable":true,"auto_delete":false,"internal":false,"arguments":{}}' \
      "$(koperasi_json_string "$exchange")" "$(koperasi_json_string "$KOPERASI_RUNNING_VHOST")")"
  done
  printf '{"users":[%s],"vhosts":[%s],"permissions":[%s],"exchanges":[%s]}\n' "$users" "$vhosts" "$permissions" "$exchanges"
}

koperasi_rabbitmq_user_json() { # koperasi_rabbitmq_user_json NAME PASSWORD TAGS
  printf '{"name":%s,"password":%s,"tags":%s}' "$(koperasi_json_string "$1")" "$(koperasi_json_string "$2")" "$(koperasi_json_string "$3")"
}

koperasi_rabbitmq_permission_json() { # koperasi_rabbitmq_permission_json USER VHOST CONFIGURE WRITE READ
  printf '{"user":%s,"vhost":%s,"configure":%s,"write":%s,"read":%s}' \
    "$(koperasi_json_string "$1")" "$(koperasi_json_string "$2")" "$(koperasi_json_string "$3")" "$(koperasi_json_string "$4")" "$(koperasi_json_string "$5")"
}
