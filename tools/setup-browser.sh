#!/usr/bin/env bash
# Installs what the PDF printer and the reader-facing tests need, and does nothing when it is
# already there:
#  - Chromium: $CHROMIUM if set, else /usr/bin/chromium; where that is missing and apt-get exists
#    (Debian, Ubuntu), Debian's package is installed (with sudo unless run as root). Elsewhere it
#    says what to do and stops. Playwright and Lighthouse drive this browser; no tool ever
#    downloads a browser of its own;
#  - unless --chromium-only (`make pdf`): the npm test tools pinned in package.json and
#    package-lock.json (axe-core, lighthouse, vnu-jar; vnu-jar needs Java), installed with
#    `npm ci` into node_modules/, again only when the lockfile has changed.
# Idempotent and quiet; `make test` and `make pdf` call it.
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

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    if [ -n "${CHROMIUM:-}" ] || ! command -v apt-get >/dev/null; then
        echo "setup-browser: no Chromium at $chromium. Install Chromium (or Google Chrome) and" \
             "set CHROMIUM to its executable, e.g. on macOS" \
             "CHROMIUM=\"/Applications/Chromium.app/Contents/MacOS/Chromium\"." >&2
        exit 1
    fi
    echo "setup-browser: installing Debian's chromium" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    run $sudo apt-get update -qq
    run $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi

if [ "${1:-}" = "--chromium-only" ]; then
    exit 0
fi

if ! command -v npm >/dev/null; then
    echo "setup-browser: npm is missing: the browser tests need Node.js and npm" \
         "(Debian: apt-get install nodejs npm; elsewhere https://nodejs.org)." >&2
    exit 1
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
