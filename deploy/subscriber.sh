#!/usr/bin/env bash
# Onboarding a downstream system (a subscriber of the integration events) on the platform's broker.
#
#   deploy/subscriber.sh add <name>      creates (or resets) the broker user <name> and prints its credentials
#   deploy/subscriber.sh remove <name>   deletes the user (its queues stay until it or an operator deletes them)
#
# In the vhost (default `koperasi`) the user <name> may
#   configure  ^<name>-                      declare and delete only queues (and exchanges) of its own prefix
#   write      ^<name>-                      bind only its own queues (queue.bind needs write on the queue)
#   read       ^(<name>-|koperasi:<svc>:...)  consume its queues; bind them to the published contract exchanges
#                                            and to the publishers' replay exchanges koperasi:<svc>:replay
#                                            (queue.bind needs read on the source exchange)
# so it can never declare, delete or publish to a publisher's exchange, nor touch another's queues,
# nor bind to an exchange that is not published (a service's own exchanges).
# Known limit: RabbitMQ 3.10 does not apply topic permissions to AMQP queue.bind, so nothing stops a
# subscriber from binding its queue to a replay exchange with another queue's name; it would receive
# events it may read anyway (every contract exchange is readable to it), never write anything.
# A replay asked with a service token named <name> (POST /api/<service>/subscriber-replays) goes to
# a queue of this prefix only.
#
# It talks to the broker's management API:
#   KOPERASI_RABBITMQ_HOST (127.0.0.1), KOPERASI_RABBITMQ_MANAGEMENT_PORT (15672),
#   KOPERASI_RABBITMQ_ADMIN_USER, KOPERASI_RABBITMQ_ADMIN_PASSWORD (an administrator),
#   KOPERASI_RABBITMQ_VHOST (koperasi), KOPERASI_SUBSCRIBER_PASSWORD (generated when empty).
# With ./run.sh or deploy/infra.sh up, `set -a; . .local/infra.env; set +a` gives the first four.
# With Docker Compose the broker's management port is published on 127.0.0.1 (docker-compose.yml):
# the same command works against it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/provision.sh
. "$here/provision.sh"

usage() { echo "usage: $0 add|remove <name>   (name: lower-case letters and digits, not a service's name)" >&2; exit 2; }
[ $# -eq 2 ] || usage
action="$1" name="$2"
printf '%s' "$name" | grep -qx '[a-z][a-z0-9]*' || usage
if koperasi_services | grep -qx "$name"; then
  echo "subscriber: '$name' is a service of the platform (deploy/services.txt); choose another name" >&2
  exit 2
fi

host="${KOPERASI_RABBITMQ_HOST:-127.0.0.1}"
port="${KOPERASI_RABBITMQ_MANAGEMENT_PORT:-15672}"
admin="${KOPERASI_RABBITMQ_ADMIN_USER:?set KOPERASI_RABBITMQ_ADMIN_USER (a broker administrator)}"
admin_password="${KOPERASI_RABBITMQ_ADMIN_PASSWORD:?set KOPERASI_RABBITMQ_ADMIN_PASSWORD}"
vhost="${KOPERASI_RABBITMQ_VHOST:-koperasi}"
api="http://$host:$port/api"
vhost_path="$(printf '%s' "$vhost" | sed 's|/|%2F|g')"

call() { # call METHOD PATH [JSON]
  local status
  status="$(curl -sS -o /tmp/subscriber.$$ -w '%{http_code}' -u "$admin:$admin_password" -X "$1" \
    -H 'content-type: application/json' ${3:+--data "$3"} "$api$2")"
  case "$status" in
    2*) rm -f /tmp/subscriber.$$ ;;
    *) echo "subscriber: $1 $2 answered $status: $(cat /tmp/subscriber.$$)" >&2; rm -f /tmp/subscriber.$$; exit 1 ;;
  esac
}

case "$action" in
  add)
    password="${KOPERASI_SUBSCRIBER_PASSWORD:-}"
    [ -n "$password" ] || password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    call PUT "/users/$name" "{\"password\":$(koperasi_json_string "$password"),\"tags\":\"\"}"
    configure="^$name-"
    write="^$name-"
    read="^($name-|koperasi:[a-z0-9]+:[a-z0-9-]+:v[0-9]+\$|koperasi:[a-z0-9]+:replay\$)"
    call PUT "/permissions/$vhost_path/$name" \
      "{\"configure\":$(koperasi_json_string "$configure"),\"write\":$(koperasi_json_string "$write"),\"read\":$(koperasi_json_string "$read")}"
    echo "user=$name"
    echo "password=$password"
    echo "vhost=$vhost"
    echo "queue_prefix=$name-"
    ;;
  remove)
    call DELETE "/users/$name"
    echo "removed $name"
    ;;
  *) usage ;;
esac
