#!/usr/bin/env bash
# Prometheus from the OS packages for a local run of the platform (./run.sh --observability) and
# for the suite (tests/Koperasi.EndToEnd.Tests/PrometheusScrapeTests.cs):
#
#   deploy/observability/prometheus-local.sh ensure
#       installs Debian's `prometheus` (promtool comes with it) when it is missing
#   deploy/observability/prometheus-local.sh config FILE JOB=HOST:PORT...
#       writes a configuration to FILE scraping every JOB at HOST:PORT/metrics, with the alert
#       rules of deploy/observability/alert-rules.yml; the job `rabbitmq` is RabbitMQ's
#       rabbitmq_prometheus endpoint (per-queue depths: /metrics/detailed, queue_coarse_metrics)
#
# The server itself is started by the caller, with its data in a folder of its own, e.g.
#   prometheus --config.file=FILE --storage.tsdb.path=DIR --web.listen-address=127.0.0.1:9095
# A system-wide Prometheus the package may have enabled (on :9090) is left alone.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ensure() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null && return 0
  command -v apt-get >/dev/null || { echo "[observability] error: prometheus is missing and there is no apt-get to install it" >&2; return 1; }
  echo "[observability] installing prometheus from the OS packages" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

config() {
  local file="$1" target job address
  shift
  {
    echo "# Written by deploy/observability/prometheus-local.sh for a local run: do not edit."
    echo "global:"
    echo "  scrape_interval: ${KOPERASI_PROMETHEUS_SCRAPE_INTERVAL:-15s}"
    echo "  evaluation_interval: ${KOPERASI_PROMETHEUS_SCRAPE_INTERVAL:-15s}"
    echo "rule_files:"
    echo "  - \"$HERE/alert-rules.yml\""
    echo "scrape_configs:"
    for target in "$@"; do
      job="${target%%=*}"
      address="${target#*=}"
      [ -n "$job" ] && [ -n "$address" ] && [ "$job" != "$target" ] \
        || { echo "[observability] error: a target is JOB=HOST:PORT, not '$target'" >&2; return 2; }
      echo "  - job_name: $job"
      if [ "$job" = rabbitmq ]; then
        echo "    metrics_path: /metrics/detailed"
        echo "    params: { family: [queue_coarse_metrics] }"
      else
        echo "    metrics_path: /metrics"
      fi
      echo "    static_configs:"
      echo "      - targets: [\"$address\"]"
      echo "        labels: { deployment: local }"
    done
  } > "$file"
}

case "${1:-}" in
  ensure) ensure ;;
  config) shift; [ $# -ge 2 ] || { echo "usage: $0 config FILE JOB=HOST:PORT..." >&2; exit 2; }; config "$@" ;;
  *) echo "usage: $0 ensure | config FILE JOB=HOST:PORT..." >&2; exit 2 ;;
esac
