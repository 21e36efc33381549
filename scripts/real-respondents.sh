#!/usr/bin/env bash
# Remake tests/fixtures/real/: real people's answers from R's psychTools data sets
# (bfi, spi, sai, tai, msq, epi) as careerfit quizzes (<name>.yaml, and
# <name>-loose.yaml with looser pairs), JSON Lines rows (<name>.jsonl), README.md
# and made-with.txt (issue #30). The tests need no R; only this script does.
# Installs Debian's r-cran-psychtools and r-cran-psych with apt-get if missing.
#
#   scripts/real-respondents.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=tests/fixtures/real
if ! Rscript -e 'library(psych); library(psychTools)' >/dev/null 2>&1; then
    echo "installing r-cran-psychtools and r-cran-psych with apt-get" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq r-cran-psychtools r-cran-psych >/dev/null
fi
Rscript scripts/real-respondents/make.R "$dir"
echo "wrote $dir/{bfi,spi,sai,tai,msq,epi}{.yaml,-loose.yaml,.jsonl}, README.md, made-with.txt" >&2
