#!/usr/bin/env bash
# Scores `dyad code` on the gold-annotated dev corpus: events (F1, modality and date
# agreement), quotes and entities, with the corpus's own scorer.
# Usage (from the repository root): bench/dev_score.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dev=../shared/corpus/dev
if [ ! -f "$dev/docs.jsonl" ]; then
    echo "skipping: $dev/docs.jsonl is not here" >&2
    exit 0
fi
cargo build --release --quiet
out=$(mktemp)
trap 'rm -f "$out"' EXIT
target/release/dyad code "$dev/docs.jsonl" > "$out"
python3 ../shared/eval/score.py "$dev/gold.jsonl" "$out"
