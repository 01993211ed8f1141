//! Trains the parser's relabeler ([`parser::train_relabeler`]) for an existing parser
//! model and scores EWT dev and test (predicted tags of the shipped tagger) with and
//! without it.
//!
//! cargo run --release -p dyad-nlp --example parser_relabel -- --tag-cache DIR
//!     [--model parser.bin.gz] [--folds K] [--parser-epochs N] [--epochs N] [--seed S]
//!     [--prune X] [--parser-weight W] [--out FILE] [--data ../shared/data/ud]
//!
//! `--tag-cache DIR` is the folder `parser_train --tag-cache` wrote (`train.conllu`:
//! training sentences with jackknifed tags). Several `--parser-weight` values may be
//! given (comma-separated): the jackknife runs once and each is fitted and scored.
use dyad_nlp::conllu::{self, Sentence};
use dyad_nlp::parser::{self, Parser, RelabelOptions};
use dyad_nlp::tagger::Tagger;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = manifest.join("../../../shared/data/ud");
    let mut model: Option<PathBuf> = None;
    let mut cache: Option<PathBuf> = None;
    let mut weights = vec![1.0f32];
    let mut out: Option<PathBuf> = None;
    let mut opts = RelabelOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--model" => model = Some(value()?.into()),
            "--data" => data = value()?.into(),
            "--tag-cache" => cache = Some(value()?.into()),
            "--parser-weight" => weights = value()?.split(',').map(str::parse).collect::<Result<_, _>>()?,
            "--out" => out = Some(value()?.into()),
            "--folds" => opts.folds = value()?.parse()?,
            "--parser-epochs" => opts.parser.epochs = value()?.parse()?,
            "--epochs" => opts.epochs = value()?.parse()?,
            "--seed" => opts.seed = value()?.parse()?,
            "--prune" => opts.prune = value()?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let read = |path: PathBuf| -> Result<Vec<Sentence>, Box<dyn std::error::Error>> {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(conllu::parse(&text)?)
    };
    let base = match &model {
        Some(p) => Parser::load(std::fs::File::open(p).map_err(|e| format!("{}: {e}", p.display()))?)?,
        None => Parser::load_embedded()?,
    }
    .without_relabeler();
    let cache = cache.ok_or("--tag-cache DIR is required")?;
    let train: Vec<Sentence> = read(cache.join("train.conllu"))?.into_iter().filter(|s| !s.words.is_empty()).collect();
    println!("{} training sentences; {opts:?}", train.len());
    let start = Instant::now();
    let jk = parser::jackknife_parses(&base, &train, &opts);
    let a = attachment(&train, &jk.parses);
    println!("jackknifed parses in {:.1}s: UAS {:.2} LAS {:.2}", start.elapsed().as_secs_f64(), a.0, a.1);
    let tagger = Tagger::load_embedded()?;
    let mut sets = Vec::new();
    for (name, file) in [("EWT dev", "en_ewt-ud-dev.conllu"), ("EWT test", "en_ewt-ud-test.conllu"), ("PUD", "en_pud-ud-test.conllu")] {
        let mut tagged = read(data.join(file))?;
        tagger.tag_conllu(&mut tagged);
        sets.push((name, tagged));
    }
    let mut with = base.clone();
    for w in weights {
        let opts = RelabelOptions { parser_weight: w, ..opts.clone() };
        with = parser::fit_relabeler(&base, &train, &jk, &opts);
        println!("parser weight {w}: relabeler fitted in {:.1}s, {} rows", start.elapsed().as_secs_f64(), with.n_relabel_rows());
        for (name, tagged) in &sets {
            let a = parser::evaluate(&base, tagged);
            let b = parser::evaluate(&with, tagged);
            println!(
                "  {name:<9} predicted tags: UAS {:.2}  LAS {:.2} -> {:.2}  (LAS+sub {:.2} -> {:.2})",
                a.uas(),
                a.las_universal(),
                b.las_universal(),
                a.las(),
                b.las()
            );
        }
    }
    if std::env::var("RELABEL_CONFUSIONS").is_ok() {
        confusions(&base, &with, &sets[0].1);
    }
    if let Some(out) = out {
        with.save(std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?)?;
        println!("wrote {} ({} bytes)", out.display(), std::fs::metadata(&out)?.len());
    }
    Ok(())
}

/// UAS and LAS (full relation) of `parses` against `gold`.
fn attachment(gold: &[Sentence], parses: &[Sentence]) -> (f64, f64) {
    let (mut n, mut u, mut l) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(parses) {
        for (gw, pw) in g.words.iter().zip(&p.words) {
            n += 1;
            if gw.head == pw.head {
                u += 1;
                l += usize::from(gw.deprel == pw.deprel);
            }
        }
    }
    (100.0 * u as f64 / n.max(1) as f64, 100.0 * l as f64 / n.max(1) as f64)
}

/// The commonest (gold, predicted) relation errors on words with the right head,
/// before and after relabelling.
fn confusions(base: &Parser, with: &Parser, tagged: &[Sentence]) {
    use std::collections::HashMap;
    let mut count: HashMap<(String, String), (i32, i32)> = HashMap::new();
    let mut scratch = dyad_nlp::parser::Scratch::default();
    for s in tagged {
        let mut a = parser::score::tokens_of(s);
        let mut b = a.clone();
        base.parse_with(&mut a, &mut scratch);
        with.parse_with(&mut b, &mut scratch);
        for ((w, x), y) in s.words.iter().zip(&a).zip(&b) {
            if x.head.map_or(0, |h| h + 1) != w.head {
                continue;
            }
            if x.deprel != w.deprel {
                count.entry((w.deprel.clone(), x.deprel.clone())).or_default().0 += 1;
            }
            if y.deprel != w.deprel {
                count.entry((w.deprel.clone(), y.deprel.clone())).or_default().1 += 1;
            }
        }
    }
    let mut v: Vec<_> = count.into_iter().collect();
    v.sort_by_key(|(_, (a, b))| -(a + b));
    for ((g, p), (a, b)) in v.iter().take(25) {
        println!("  gold {g:<12} as {p:<12} base {a:4}  relabelled {b:4}");
    }
}
