# Sourced by check-a11y.sh and check-serve.sh: Debian's chromium (apt-get) and
# axe-core and puppeteer-core (npm, into target/a11y-tools), installed if missing.
# Sets $tools to where the npm packages are.
if ! command -v chromium >/dev/null; then
    echo "installing chromium with apt-get" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null
fi
tools=target/a11y-tools
if [ ! -d "$tools/node_modules/axe-core" ] || [ ! -d "$tools/node_modules/puppeteer-core" ]; then
    echo "installing axe-core and puppeteer-core with npm into $tools" >&2
    mkdir -p "$tools"
    (cd "$tools" && npm init -y >/dev/null && npm install --silent axe-core puppeteer-core >/dev/null)
fi
