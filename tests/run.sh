#!/usr/bin/env bash
# The test command (README): restores the JavaScript test dependencies of any tests/*/ folder that has a lock file,
# runs every .NET test project in the solution, and ends with one line "N passed, N failed" that CI reads.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Health").
set -euo pipefail
cd "$(dirname "$0")/.."

for lock in tests/*/package-lock.json; do
  [ -e "$lock" ] || continue
  dir=$(dirname "$lock")
  if [ ! -d "$dir/node_modules" ] || [ "$lock" -nt "$dir/node_modules" ]; then
    echo "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test JorgeCopilot.sln "$@" 2>&1 | tee "$log" || status=$?

# One summary line per test project, e.g. "Passed!  - Failed:     0, Passed:    26, Skipped:     0, Total:    26".
read -r passed failed skipped < <(
  grep -aE '(Passed|Failed)!\s+-\s+Failed:' "$log" \
    | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+), Skipped:\s*([0-9]+).*/\2 \1 \3/' \
    | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host broke before every project could report; count that as a failure.
  echo "The test run failed before all results were reported (exit $status)."
  failed=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$skipped skipped"
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
