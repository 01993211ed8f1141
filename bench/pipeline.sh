#!/usr/bin/env bash
# Throughput and peak memory of the whole `dyad code` pipeline (and of `dyad ingest`),
# on one core, over the seed articles and the dev corpus repeated many times.
#
#   bench/pipeline.sh [REPEAT]     (default REPEAT=100; THREADS=1 by default)
#
# Reads ../shared/corpus (beside the repository); writes its inputs under
# ${TMPDIR:-/tmp}/dyad-bench. Prints one line per measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${1:-100}
THREADS=${THREADS:-1}
SHARED=${SHARED:-../shared/corpus}
WORK=${TMPDIR:-/tmp}/dyad-bench
BIN=target/release/dyad

[ -d "$SHARED" ] || { echo "no corpus at $SHARED" >&2; exit 1; }
cargo build --release -q -p dyad
mkdir -p "$WORK"

# Seeds: each .txt copied REPEAT times, so the text reader and cleaner do real work.
rm -rf "$WORK/seeds" && mkdir -p "$WORK/seeds"
for f in "$SHARED"/seeds/*.txt; do
  stem=$(basename "$f" .txt)
  for i in $(seq -w 1 "$REPEAT"); do cp "$f" "$WORK/seeds/${stem}_$i.txt"; done
done
# Dev corpus: the 30 JSONL records REPEAT times in one file, ids made unique.
python3 - "$SHARED/dev/docs.jsonl" "$WORK/dev.jsonl" "$REPEAT" <<'PY'
import json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
recs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    for i in range(n):
        for r in recs:
            r = dict(r, id=f"{r['id']}-{i}")
            # Distinct bodies, so that ingest stores every copy.
            r["text"] = r["text"] + f"\n\nCopy {i}."
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY

measure() { # label, docs, command...
  local label=$1 docs=$2; shift 2
  local log="$WORK/time.log"
  RAYON_NUM_THREADS=$THREADS /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  awk -v l="$label" -v d="$docs" -v s="$secs" -v r="$rss" -v t="$THREADS" \
    'BEGIN { printf "%-28s %6d docs  %7.2f s  %8.1f articles/s  peak RSS %6.1f MB  (%s thread)\n", l, d, s, d/s, r/1024, t }'
}

seeds=$(ls "$WORK/seeds" | wc -l)
dev=$(wc -l < "$WORK/dev.jsonl")
measure "code seeds (.txt)" "$seeds" "$BIN" code "$WORK/seeds"
measure "code dev (.jsonl)" "$dev" "$BIN" code "$WORK/dev.jsonl"
rm -f "$WORK/bench.db" "$WORK/bench.db-wal" "$WORK/bench.db-shm"
measure "ingest dev (new db)" "$dev" "$BIN" --quiet ingest "$WORK/dev.jsonl" --db "$WORK/bench.db"
measure "ingest dev again (skips)" "$dev" "$BIN" --quiet ingest "$WORK/dev.jsonl" --db "$WORK/bench.db"
