#!/usr/bin/env bash
# Remake the reference figures that tests/it/analyze.rs compares `careerfit analyze` with:
# made-up respondents (generate.py), then R's psych package on the same values
# (psych-reference.R). The tests need neither Python nor R; only this script does.
# Installs Debian's r-cran-psych with apt-get if R or psych is missing.
#
#   scripts/analysis-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=tests/fixtures/analysis
if ! Rscript -e 'library(psych)' >/dev/null 2>&1; then
    echo "installing r-cran-psych with apt-get" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq r-cran-psych >/dev/null
fi
python3 scripts/analysis-fixtures/generate.py "$dir"
Rscript scripts/analysis-fixtures/psych-reference.R "$dir"
Rscript -e 'cat("psych", as.character(packageVersion("psych")), "on", R.version.string, "\n")' \
    > "$dir/expected-made-with.txt"
echo "wrote $dir/rows.jsonl, items.csv, meta.csv, expected-*.csv" >&2
