#!/usr/bin/env bash
# Check careerfit's HTML pages against axe-core's WCAG 2.1 A and AA rules in headless
# Chromium: every page careerfit writes must pass with no violation.
#
#   scripts/check-a11y.sh PAGE.html [PAGE.html ...]
#   scripts/check-a11y.sh --all       writes each kind of page careerfit makes, checks them
#
# Installs Debian's chromium with apt-get, and axe-core and puppeteer-core with npm
# into target/a11y-tools, if they are missing. CI does not run this; run it after
# changing a page.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/a11y-tools.sh
source scripts/a11y-tools.sh

pages=("$@")
if [ "${1:-}" = "--all" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cargo build --release --quiet
    careerfit=target/release/careerfit
    cargo bench --quiet --bench score -- generate 1 2>/dev/null \
        | sed 's/^{"id":"r-1",/{/' > "$work/answers.json"
    "$careerfit" take --answers "$work/answers.json" --explain --report "$work/report.html" \
        -o "$work/result.json" > /dev/null
    "$careerfit" explain "$work/result.json" --format html > "$work/explain.html"
    "$careerfit" compare "$work/result.json" "$work/result.json" --format html > "$work/compare.html"
    cargo bench --quiet --bench score -- class 300 spot-mistakes 2>/dev/null \
        | "$careerfit" analyze him-career-fit -o "$work/analysis.html" > /dev/null
    # The class report, with bad rows, low confidence and several kinds of warning.
    cargo bench --quiet --bench score -- class 300 spot-mistakes 2>/dev/null \
        | { cat; echo 'not json'; } \
        | "$careerfit" score him-career-fit --report "$work/class.html" > /dev/null 2>&1 || true
    pages=("$work"/*.html)
fi
[ ${#pages[@]} -gt 0 ] || { echo "usage: scripts/check-a11y.sh PAGE.html... | --all" >&2; exit 2; }

cat > "$tools/check.js" <<'JS'
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  for (const page of process.argv.slice(2)) {
    const tab = await browser.newPage();
    await tab.goto('file://' + path.resolve(page));
    await tab.evaluate(axeSource);
    const result = await tab.evaluate(() => axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    if (result.violations.length === 0) {
      console.log(`${page}: no violations (${result.passes.length} rules passed)`);
    } else {
      failed += 1;
      for (const v of result.violations) {
        console.log(`${page}: ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes) console.log(`    ${node.target.join(' ')}`);
      }
    }
    await tab.close();
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
})();
JS
node "$tools/check.js" "${pages[@]}"
