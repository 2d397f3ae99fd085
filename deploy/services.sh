# Sourced by deploy/infra.sh, deploy/provision.sh, deploy/compose/*.sh and ./run.sh: the services
# listed in services.txt (beside this file, or at KOPERASI_SERVICES_FILE), the local port of each,
# and the RabbitMQ permissions each one gets.
# shellcheck shell=bash

koperasi_services_file() {
  echo "${KOPERASI_SERVICES_FILE:-$(dirname "${BASH_SOURCE[0]}")/services.txt}"
}

koperasi_services_lines() { # the lines of services.txt without comments and blank lines
  local file
  file="$(koperasi_services_file)"
  [ -r "$file" ] || { echo "services: cannot read $file" >&2; return 1; }
  sed -e 's/#.*//' -e 's/[[:space:]]\{1,\}/ /g' -e 's/^ //' -e 's/ $//' "$file" | grep -v '^$'
}

koperasi_services() { # the service names, one a line
  local line name port rest
  koperasi_services_lines | while read -r name port rest; do
    if ! printf '%s' "$name" | grep -qx '[a-z][a-z0-9]*'; then
      echo "services: '$name' is not a service name (lower-case letters and digits)" >&2
      return 1
    fi
    if ! printf '%s' "$port" | grep -qx '[1-9][0-9]\{0,4\}'; then
      echo "services: $name has no port ('$port'); a line is: name port consumed..." >&2
      return 1
    fi
    echo "$name"
  done
}

# koperasi_service_line NAME: NAME's line of services.txt (name, port, consumed services).
koperasi_service_line() {
  local name="$1" candidate
  koperasi_services >/dev/null || return 1
  while read -r candidate; do
    if [ "${candidate%% *}" = "$name" ]; then echo "$candidate"; return 0; fi
  done <<< "$(koperasi_services_lines)"
  echo "services: $name is not in $(koperasi_services_file)" >&2
  return 1
}

# koperasi_service_port NAME: the port NAME listens on when ./run.sh runs it on this machine.
koperasi_service_port() {
  local line port
  line="$(koperasi_service_line "$1")" || return 1
  read -r _ port _ <<< "$line"
  echo "$port"
}

# koperasi_mq_permissions NAME: the three regexes (configure, write, read) of NAME's broker user
# in the vhost `koperasi`, one a line.
koperasi_mq_permissions() {
  local name="$1" names line consumed="" other port rest
  names="$(koperasi_services)" || return 1
  line="$(koperasi_service_line "$name")" || return 1
  read -r _ port rest <<< "$line"
  for other in $rest; do
    case $'\n'"$names"$'\n' in
      *$'\n'"$other"$'\n'*) ;;
      *) echo "services: $name consumes the unknown service $other" >&2; return 1 ;;
    esac
    consumed="$consumed|$other"
  done
  # configure (declare, delete) and write only its own names; read also the contracts it consumes,
  # which it binds to an exchange of its own (exchange.bind needs read on the source only).
  echo "^($name-|koperasi:$name:)"
  echo "^($name-|koperasi:$name:)"
  echo "^($name-|koperasi:($name$consumed):)"
}

# koperasi_contract_exchanges: the exchange of every contract (its URN, as MessageUrn names it in
# building-blocks/Koperasi.Contracts, or in KOPERASI_CONTRACTS_DIR), one a line. Provisioning declares
# them, so a subscriber binds to a publisher's exchange before the publisher first published.
koperasi_contract_exchanges() {
  local dir="${KOPERASI_CONTRACTS_DIR:-$(dirname "${BASH_SOURCE[0]}")/../building-blocks/Koperasi.Contracts}"
  [ -d "$dir" ] || { echo "services: no contracts folder $dir" >&2; return 1; }
  grep -rhoE --include='*.cs' 'MessageUrn\("koperasi:[a-z0-9]+:[a-z0-9-]+:v[0-9]+"\)' "$dir" | sed -E 's/MessageUrn\("([^"]*)"\)/\1/' | sort -u
}
