#!/usr/bin/env bash
# Runs every test of the platform against real PostgreSQL and RabbitMQ and ends with one line:
#   N passed, N failed[, N skipped]
# The infrastructure comes from deploy/infra.sh (environment, Docker Compose, or the OS packages
# run as project-local instances); whatever this run starts, it stops again.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is needed (https://dot.net)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p .local
STARTED="$ROOT/.local/test-$$.started"
RESULTS="$ROOT/.local/test-results"
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
# -------------------------------------------------------------------------------------------------

echo "== build"
dotnet build Koperasi.sln -c Release -nologo -v minimal || conclude "0 passed, 1 failed" 1

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
status=0
crashed=0
# One project at a time: the relay test stops the broker, which no other test may see.
for project in $(find tests -name '*Tests.csproj' | sort); do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$RESULTS"; then
    status=1
  fi
  if [ ! -f "$RESULTS/$name.trx" ]; then
    echo "$name produced no results: counted as a failure" >&2
    crashed=$((crashed + 1))
  fi
done

counter() { # counter FILE ATTRIBUTE
  sed -n 's/.*<Counters \([^>]*\)\/>.*/\1/p' "$1" | tr ' ' '\n' | sed -n "s/^$2=\"\([0-9]*\)\"/\1/p" | head -n 1
}
passed=0; failed=$crashed; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  t=$(counter "$trx" total); p=$(counter "$trx" passed); f=$(counter "$trx" failed)
  e=$(counter "$trx" error); n=$(counter "$trx" notExecuted)
  passed=$((passed + ${p:-0}))
  skipped=$((skipped + ${n:-0}))
  other=$(( ${t:-0} - ${p:-0} - ${f:-0} - ${e:-0} - ${n:-0} ))
  failed=$((failed + ${f:-0} + ${e:-0} + (other > 0 ? other : 0)))
done

[ "$failed" -gt 0 ] && status=1
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
conclude "$line" "$status"
