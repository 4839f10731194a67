#!/usr/bin/env bash
# Installs what the channels integration tests need; safe to run again (CI calls it before the tests).
#  - chromium (Debian package) for rendering Adaptive Cards headless; needs root, skipped when already installed;
#  - the Node harness's npm packages (botbuilder, botframework-connector 4.23.3, adaptivecards) from package-lock.json.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: chromium is missing and installing it needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

command -v node >/dev/null 2>&1 || { echo "install.sh: node (>= 18) is required" >&2; exit 1; }
if [ ! -d "$here/node_modules/botbuilder" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "channels harness ready: $(chromium --version 2>/dev/null | head -1), node $(node --version)"
