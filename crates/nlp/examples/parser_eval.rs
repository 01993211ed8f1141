//! Scores the dependency parser on UD English EWT test and PUD (gold tokens), with
//! gold tags and with tags from the shipped tagger, and measures parsing speed on
//! one core.
//!
//! cargo run --release -p dyad-nlp --example parser_eval -- [--model path] [--data ../shared/data/ud]
//!     [--prune MOVES,LABELS]  (drop rows below these fractions of the largest weight)
use dyad_nlp::conllu::{self, Sentence};
use dyad_nlp::eval;
use dyad_nlp::parser::{self, score::tokens_of, Parser, Scratch};
use dyad_nlp::tagger::Tagger;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = manifest.join("../../../shared/data/ud");
    let mut model: Option<PathBuf> = None;
    let mut prune: Option<(f32, f32)> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--model" => model = Some(value()?.into()),
            "--data" => data = value()?.into(),
            "--prune" => {
                let v = value()?;
                let (m, l) = v.split_once(',').ok_or("--prune takes MOVES,LABELS fractions")?;
                prune = Some((m.parse()?, l.parse()?));
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let start = Instant::now();
    let parser = match &model {
        Some(p) => Parser::load(std::fs::File::open(p).map_err(|e| format!("{}: {e}", p.display()))?)?,
        None => Parser::load_embedded()?,
    };
    let parser = match prune {
        Some((m, l)) => {
            let p = parser.pruned(m, l);
            let mut bytes = Vec::new();
            p.save(&mut bytes)?;
            println!("pruned at {m},{l}: {} bytes compressed", bytes.len());
            p
        }
        None => parser,
    };
    println!("model loaded in {:.0} ms; rows {:?}", start.elapsed().as_secs_f64() * 1000.0, parser.n_features());
    let tagger = match Tagger::load_embedded() {
        Ok(t) => Some(t),
        Err(e) => {
            println!("no tagger ({e}): gold tags only");
            None
        }
    };
    let read = |name: &str| -> Result<Vec<Sentence>, Box<dyn std::error::Error>> {
        let path = data.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(conllu::parse(&text)?)
    };
    println!("{:<10} {:<10} {:>7} {:>7} {:>7} {:>13}", "set", "tags", "words", "UAS", "LAS", "LAS(subtypes)");
    for (name, file) in [("EWT dev", "en_ewt-ud-dev.conllu"), ("EWT test", "en_ewt-ud-test.conllu"), ("PUD", "en_pud-ud-test.conllu")] {
        let gold = read(file)?;
        let mut runs = vec![("gold", gold.clone())];
        if let Some(tagger) = &tagger {
            let mut tagged = gold.clone();
            tagger.tag_conllu(&mut tagged);
            runs.push(("predicted", tagged));
        }
        for (tags, sents) in &runs {
            let a = parser::evaluate(&parser, sents);
            println!(
                "{name:<10} {tags:<10} {:>7} {:>7.2} {:>7.2} {:>13.2}",
                a.words,
                a.uas(),
                a.las_universal(),
                a.las()
            );
            // Cross-check with the crate's CoNLL-U scorer on the written-out parses.
            let predicted = with_parses(&parser, sents);
            let s = eval::evaluate_conllu(&gold, &predicted)?;
            if (s.las_pct() - a.las_universal()).abs() > 1e-9 || (s.uas_pct() - a.uas()).abs() > 1e-9 {
                println!("  eval.rs disagrees: UAS {:.2} LAS {:.2}", s.uas_pct(), s.las_pct());
            }
        }
    }

    // Speed: parse EWT test (tagged) a few times over on this thread.
    let test = read("en_ewt-ud-test.conllu")?;
    let mut sentences: Vec<Vec<dyad_nlp::Token>> = test.iter().map(tokens_of).collect();
    let words: usize = sentences.iter().map(|s| s.len()).sum();
    let mut scratch = Scratch::default();
    let rounds = 5;
    let start = Instant::now();
    let cpu_start = thread_cpu_secs();
    for _ in 0..rounds {
        for s in sentences.iter_mut() {
            parser.parse_with(s, &mut scratch);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let total = (words * rounds) as f64;
    println!("parse only: {:.0} words/s wall clock on one thread ({} words x {rounds} in {secs:.2}s)", total / secs, words);
    if let (Some(a), Some(b)) = (cpu_start, thread_cpu_secs()) {
        println!("parse only: {:.0} words/s of this thread's CPU time ({:.2}s)", total / (b - a), b - a);
    }
    if let Some(tagger) = &tagger {
        let start = Instant::now();
        for s in sentences.iter_mut() {
            tagger.tag(s);
            parser.parse_with(s, &mut scratch);
        }
        let secs = start.elapsed().as_secs_f64();
        println!("tag + parse: {:.0} words/s on one core", words as f64 / secs);
    }
    Ok(())
}

/// `sentences` with heads and relations from `parser`.
fn with_parses(parser: &Parser, sentences: &[Sentence]) -> Vec<Sentence> {
    let mut scratch = Scratch::default();
    sentences
        .iter()
        .map(|s| {
            let mut tokens = tokens_of(s);
            parser.parse_with(&mut tokens, &mut scratch);
            let mut out = s.clone();
            for (w, t) in out.words.iter_mut().zip(tokens) {
                w.head = t.head.map_or(0, |h| h + 1);
                w.deprel = t.deprel;
            }
            out
        })
        .collect()
}

/// CPU time this thread has run, from /proc (Linux): a fairer speed figure than wall
/// time on a machine shared with other jobs.
fn thread_cpu_secs() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
