#!/usr/bin/env bash
# Runs every test of the platform against real PostgreSQL and RabbitMQ and ends with one line:
#   N passed, N failed[, N skipped]
# The infrastructure comes from deploy/infra.sh (environment, Docker Compose, or the OS packages
# run as project-local instances); whatever this run starts, it stops again.
#
#   ./test.sh          the full suite (CI's command): one build, then the test projects side by
#                      side (KOPERASI_TEST_JOBS at a time, 2 by default), the longest of the last
#                      run first; each project's wall time is printed before the final line
#   ./test.sh --fast   only the domain tier: the tests in the Domain folders (namespace *.Domain and below)
#                      of the projects that have one, without PostgreSQL or RabbitMQ
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

FAST=0
case "${1:-}" in
  "") ;;
  --fast) FAST=1 ;;
  *) echo "usage: $0 [--fast]" >&2; exit 2 ;;
esac

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is needed (https://dot.net)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p .local
STARTED="$ROOT/.local/test-$$.started"
RESULTS="$ROOT/.local/test-results"
[ "$FAST" = 1 ] && RESULTS="$ROOT/.local/test-results-fast"
TIMES="$ROOT/.local/test-times"   # "SECONDS NAME" per project of the last full run
SUITE_START=$SECONDS

# counter FILE ATTRIBUTE: one attribute of a trx file's <Counters/>.
counter() {
  sed -n 's/.*<Counters \([^>]*\)\/>.*/\1/p' "$1" | tr ' ' '\n' | sed -n "s/^$2=\"\([0-9]*\)\"/\1/p" | head -n 1
}

# summarize CRASHED: sums the trx files of $RESULTS into "N passed, N failed[, N skipped]"; every
# crashed project (no results, or a failing exit without a failed test) counts as one failure.
summarize() {
  local trx t p f e n other passed=0 failed="$1" skipped=0
  for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    t=$(counter "$trx" total); p=$(counter "$trx" passed); f=$(counter "$trx" failed)
    e=$(counter "$trx" error); n=$(counter "$trx" notExecuted)
    passed=$((passed + ${p:-0}))
    skipped=$((skipped + ${n:-0}))
    other=$(( ${t:-0} - ${p:-0} - ${f:-0} - ${e:-0} - ${n:-0} ))
    failed=$((failed + ${f:-0} + ${e:-0} + (other > 0 ? other : 0)))
  done
  local line="$passed passed, $failed failed"
  [ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
  echo "$line"
}

# failures_in TRX: failed + errored tests of one result file (0 when there is none).
failures_in() {
  [ -f "$1" ] || { echo 0; return; }
  local f e
  f=$(counter "$1" failed); e=$(counter "$1" error)
  echo $(( ${f:-0} + ${e:-0} ))
}

# --- ./test.sh --fast: the domain tier, no infrastructure ------------------------------------------
if [ "$FAST" = 1 ]; then
  rm -rf "$RESULTS"
  mkdir -p "$RESULTS"
  status=0; crashed=0
  mapfile -t domains < <(find tests -mindepth 2 -maxdepth 2 -type d -name Domain | sort)
  # One build of just these projects (and what they reference), through a solution filter.
  filter="$ROOT/.local/fast.slnf"
  {
    echo '{ "solution": { "path": "../Koperasi.sln", "projects": ['
    for domain in "${domains[@]}"; do
      dir="$(dirname "$domain")"
      echo "  \"$dir/$(basename "$dir").csproj\"$([ "$domain" = "${domains[-1]}" ] || echo ,)"
    done
    echo '] } }'
  } > "$filter"
  echo "== build ${#domains[@]} projects"
  if ! dotnet build "$filter" -c Release -nologo -v quiet -clp:NoSummary; then
    summarize 1
    exit 1
  fi
  for domain in "${domains[@]}"; do
    dir="$(dirname "$domain")"; name="$(basename "$dir")"
    # xunit v3 projects are executables: running the assembly directly skips the VSTest host.
    echo "== $name.Domain"
    if ! dotnet "$dir/bin/Release/net10.0/$name.dll" -namespace "$name.Domain" -namespace "$name.Domain.*" -noLogo -noColor \
        -trx "$RESULTS/$name.trx"; then
      status=1
      [ "$(failures_in "$RESULTS/$name.trx")" -gt 0 ] || crashed=$((crashed + 1))
    fi
  done
  line="$(summarize "$crashed")"
  case "$line" in *", 0 failed"*) ;; *) status=1 ;; esac
  echo "== fast tier in $((SECONDS - SUITE_START))s"
  echo "$line"
  exit "$status"
fi
# ---------------------------------------------------------------------------------------------------

trap 'deploy/infra.sh down --record "$STARTED"' EXIT

# conclude LINE STATUS: stop what this run started, then print the summary as the very last line.
conclude() {
  trap - EXIT
  deploy/infra.sh down --record "$STARTED"
  echo "$1"
  exit "$2"
}

deploy/infra.sh up --record "$STARTED" || conclude "0 passed, 1 failed" 1
set -a
# shellcheck disable=SC1091
. "${KOPERASI_LOCAL_STATE:-.local}/infra.env"
set +a

# --- npm tools for the checks (installed into .local/tools, only when missing) ---------------------
# ensure_npm_tool NAME VERSION: installs the npm package NAME@VERSION into .local/tools, where the
# tests look for it. Without npm it says so and the run goes on: the tests that need the tool skip
# (or fail under CI=true); a failed install is reported the same way, never stopping the run.
ensure_npm_tool() {
  local name="$1" version="$2" tools="$ROOT/.local/tools"
  if [ -f "$tools/node_modules/$name/package.json" ] \
      && grep -q "\"version\": *\"$version\"" "$tools/node_modules/$name/package.json"; then
    return 0
  fi
  if ! command -v npm >/dev/null; then
    echo "test.sh: npm not found; $name@$version is not installed and the tests that need it cannot run" >&2
    return 0
  fi
  echo "== npm install $name@$version"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --save-exact --loglevel=error "$name@$version" \
    || echo "test.sh: installing $name@$version failed; the tests that need it cannot run" >&2
}
ensure_npm_tool @redocly/cli 2.77.0   # OpenAPI lint of the services' documents
ensure_npm_tool @asyncapi/parser 3.6.3  # AsyncAPI parse of the services' event documents (docs/asyncapi)
# Prometheus and promtool from the OS packages: the alert rules' checks and the scrape of every service.
deploy/observability/prometheus-local.sh ensure \
  || echo "test.sh: prometheus is not installed; the tests that need it cannot run" >&2

# --- Chromium for the console's browser tests (Debian's package; Playwright downloads no browser) ---
# Installed from the OS packages when missing, as deploy/infra.sh installs PostgreSQL and RabbitMQ.
# Without it (no apt-get, or the install fails) the run goes on and the browser tests fail, saying so.
ensure_chromium() {
  [ -x "${KOPERASI_CHROMIUM:-/usr/bin/chromium}" ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "test.sh: chromium is missing and there is no apt-get to install it; the browser tests cannot run" >&2
    return 0
  fi
  echo "== apt-get install chromium"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || echo "test.sh: installing chromium failed; the browser tests cannot run" >&2
}
ensure_chromium
# -------------------------------------------------------------------------------------------------

echo "== build"
build_start=$SECONDS
dotnet build Koperasi.sln -c Release -nologo -v minimal || conclude "0 passed, 1 failed" 1
build_seconds=$((SECONDS - build_start))

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# run_project PROJECT: one test project, its console output kept in $RESULTS/NAME.log and shown
# when it ends, its exit status and wall time in $RESULTS/NAME.status ("STATUS SECONDS").
run_project() {
  local project="$1" name start rc
  name="$(basename "$project" .csproj)"
  start=$SECONDS
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" > "$RESULTS/$name.log" 2>&1
  rc=$?
  echo "$rc $((SECONDS - start))" > "$RESULTS/$name.status"
  { echo "== $name ($((SECONDS - start))s)"; cat "$RESULTS/$name.log"; }
}

# The longest projects of the last run start first, so the slots end close together.
mapfile -t projects < <(
  for project in $(find tests -name '*Tests.csproj' | sort); do
    name="$(basename "$project" .csproj)"
    last=$( [ -f "$TIMES" ] && awk -v n="$name" '$2 == n { print $1 }' "$TIMES" | head -n 1 )
    echo "${last:-0} $project"
  done | sort -k1,1nr -s | cut -d' ' -f2)

JOBS="${KOPERASI_TEST_JOBS:-2}"
echo "== ${#projects[@]} test projects, $JOBS at a time"
running=0
for project in "${projects[@]}"; do
  if [ "$running" -ge "$JOBS" ]; then
    wait -n
    running=$((running - 1))
  fi
  run_project "$project" &
  running=$((running + 1))
done
wait

status=0; crashed=0
: > "$TIMES.new"
echo "== wall time per project (build ${build_seconds}s, whole run $((SECONDS - SUITE_START))s)"
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  read -r rc seconds 2>/dev/null < "$RESULTS/$name.status" || { rc=1; seconds=0; }
  printf '%6ss  %s\n' "$seconds" "$name"
  echo "$seconds $name" >> "$TIMES.new"
  if [ "$rc" != 0 ]; then
    status=1
    if [ ! -f "$RESULTS/$name.trx" ]; then
      echo "$name produced no results: counted as a failure" >&2
      crashed=$((crashed + 1))
    elif [ "$(failures_in "$RESULTS/$name.trx")" -eq 0 ]; then
      echo "$name failed without a failed test (a crash?): counted as a failure" >&2
      crashed=$((crashed + 1))
    fi
  fi
done
mv "$TIMES.new" "$TIMES"

line="$(summarize "$crashed")"
case "$line" in *", 0 failed"*) ;; *) status=1 ;; esac
conclude "$line" "$status"
