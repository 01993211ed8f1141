#!/usr/bin/env bash
# HTML main-content extraction on the article-extraction benchmark (181 pages).
# usage: bench/extraction.sh [SHARED_DIR]   (default: ../shared next to the workspace)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$root/../shared}"
data="$shared/data/article-extraction"
if [ ! -d "$data/html" ]; then
    echo "no benchmark data at $data; skipping" >&2
    exit 0
fi
cd "$root"
cargo build --release -p dyad-doc --example extraction_benchmark
pred="$(mktemp -t dyad-extraction-XXXXXX.json)"
trap 'rm -f "$pred"' EXIT
./target/release/examples/extraction_benchmark "$data/html" "$pred"
python3 "$shared/eval/extraction_score.py" "$data/ground-truth.json" "$pred"
