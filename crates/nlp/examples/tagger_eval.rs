//! Evaluates a tagger model (the shipped one unless a path is given) on UD English EWT
//! test and PUD test with gold tokens: UPOS, XPOS and lemma accuracy, and tagging speed
//! on one core.
//!
//! cargo run --release -p dyad-nlp --example tagger_eval -- [MODEL]
use dyad_nlp::conllu;
use dyad_nlp::eval::evaluate_conllu;
use dyad_nlp::tagger::Tagger;
use dyad_nlp::Token;
use std::path::PathBuf;
use std::time::Instant;

fn read(name: &str) -> Vec<conllu::Sentence> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    conllu::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// CPU seconds this process has used (user + system), from /proc; `None` elsewhere.
/// On a shared machine CPU time is steadier than wall time.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn timed(label: &str, words: usize, mut f: impl FnMut()) {
    let cpu = cpu_seconds();
    let t = Instant::now();
    f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu.and_then(|c| Some(cpu_seconds()? - c));
    print!("{label}: {:.0} words/s wall", words as f64 / wall);
    if let Some(c) = cpu.filter(|c| *c > 0.0) {
        print!(", {:.0} words/s of CPU time", words as f64 / c);
    }
    println!(" ({words} words, one thread)");
}

fn main() {
    let start = Instant::now();
    let tagger = match std::env::args().nth(1) {
        Some(p) => Tagger::load(std::fs::File::open(&p).expect("model file")).expect("model"),
        None => Tagger::load_embedded().expect("embedded model"),
    };
    println!("model loaded in {:.0} ms, {} feature rows", start.elapsed().as_secs_f64() * 1e3, tagger.n_features());
    for name in ["en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu", "en_pud-ud-test.conllu"] {
        let gold = read(name);
        let mut pred = gold.clone();
        tagger.tag_conllu(&mut pred);
        let s = evaluate_conllu(&gold, &pred).expect("same tokenization");
        println!("{name}: words {}  UPOS {:.2}  XPOS {:.2}  Lemma {:.2}", s.words, s.upos_pct(), s.xpos_pct(), s.lemma_pct());
    }

    // Speed on EWT test: tags only, then the public API (tags + lemmas into Tokens).
    let gold = read("en_ewt-ud-test.conllu");
    let words: Vec<Vec<&str>> = gold.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    let n_words: usize = words.iter().map(|s| s.len()).sum();
    let rounds = 10;
    timed("tagging (UPOS+XPOS)", rounds * n_words, || {
        for _ in 0..rounds {
            tagger.tag_words_count(&words);
        }
    });
    let mut sentences: Vec<Vec<Token>> =
        words.iter().map(|s| s.iter().map(|w| Token::new(*w, 0, w.chars().count())).collect()).collect();
    timed("Tagger::tag (tags + lemmas)", rounds * n_words, || {
        for _ in 0..rounds {
            for s in &mut sentences {
                tagger.tag(s);
            }
        }
    });
}
