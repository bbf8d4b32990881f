#!/usr/bin/env bash
# The whole check, as the README gives it: typecheck, lint, schema drift, build, unit/type/dist tests,
# package checks. Every step runs even when an earlier one fails, so one run shows every problem;
# the last line is the plain "N passed, N failed" count of the test suite.
set -u
cd "$(dirname "$0")/.."
mkdir -p out
failed=()

step() {
  local name=$1; shift
  echo "::: $name"
  if "$@"; then echo "::: $name ok"; else echo "::: $name FAILED"; failed+=("$name"); fi
}

step typecheck npx tsc -p .
step lint npx eslint .
step schema-drift npx tsx scripts/generate-schema.ts --check
step build npx tsup --silent
ZORGPADEN_REQUIRE_DIST=1 step tests npx vitest run --reporter=default --reporter=json --outputFile.json=out/vitest.json
step publint npx publint --strict
step attw npx attw --pack . --profile node16

if [ -f out/vitest.json ]; then
  node -e "const r=require('./out/vitest.json');console.log(r.numPassedTests+' passed, '+r.numFailedTests+' failed'+(r.numPendingTests?', '+r.numPendingTests+' skipped':''))"
else
  echo "0 passed, 1 failed"
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed steps: ${failed[*]}"
  exit 1
fi
