#!/usr/bin/env bash
# Installs what the reader-facing tests need, and does nothing when it is already there:
#  - Debian's Chromium at /usr/bin/chromium (Playwright and Lighthouse drive it; no test tool
#    ever downloads a browser of its own);
#  - the npm dev tools pinned in package.json + package-lock.json (axe-core, lighthouse, vnu-jar),
#    installed with `npm ci` into node_modules/, again only when the lockfile has changed.
# Idempotent and quiet; `make test` calls it before pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
run() {  # run quietly; on failure show what the command said
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "setup-browser: failed: $*" >&2
        exit 1
    fi
}

if [ ! -x /usr/bin/chromium ]; then
    echo "setup-browser: installing Debian's chromium" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    run $sudo apt-get update -qq
    run $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi

# The stamp is a copy of the lockfile that the last successful `npm ci` installed.
stamp=node_modules/.installed-package-lock.json
if ! cmp -s package-lock.json "$stamp" \
   || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] \
   || [ ! -x node_modules/.bin/lighthouse ] \
   || [ ! -f node_modules/axe-core/axe.min.js ]; then
    echo "setup-browser: npm ci (axe-core, lighthouse, vnu-jar)" >&2
    run npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
fi
