//! How the UPOS stage's margin (chosen tag's score minus the runner-up's) tells its
//! errors apart on EWT dev: words and errors by margin bucket, and how often the
//! runner-up is the gold tag when the chosen one is wrong.
//!
//! cargo run --release -p dyad-nlp --example tagger_margins -- [--data ../shared/data/ud]
use dyad_nlp::conllu;
use dyad_nlp::tagger::Tagger;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = manifest.join("../../../shared/data/ud");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().ok_or("--data needs a value")?.into(),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let gold = conllu::parse(&std::fs::read_to_string(data.join("en_ewt-ud-dev.conllu"))?)?;
    let mut tagged = gold.clone();
    let tagger = Tagger::load_embedded()?;
    tagger.tag_conllu(&mut tagged);
    let bounds = [1000, 4000, 8000, 16000, 24000, 32000, 48000, 64000, 96000, 128000, i32::MAX, i32::MAX];
    // (words, errors, runner-up gold) per bucket; the last row: tag dictionary.
    let mut rows = vec![(0usize, 0usize, 0usize); bounds.len()];
    for (g, t) in gold.iter().zip(&tagged) {
        let words: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
        let alts = tagger.upos_runner_up(&words);
        for ((gw, tw), alt) in g.words.iter().zip(&t.words).zip(alts) {
            let wrong = gw.upos != tw.upos;
            let row = match alt {
                None => bounds.len() - 1,
                Some((_, m)) => bounds.iter().position(|&b| m <= b).unwrap_or(bounds.len() - 2).min(bounds.len() - 2),
            };
            rows[row].0 += 1;
            rows[row].1 += usize::from(wrong);
            rows[row].2 += usize::from(wrong && alt.is_some_and(|(a, _)| a == gw.upos));
        }
    }
    println!("{:>12} {:>7} {:>7} {:>10}", "margin <=", "words", "errors", "alt=gold");
    for (i, (w, e, a)) in rows.iter().enumerate() {
        let label = if i == bounds.len() - 1 { "tagdict".to_string() } else { bounds[i].to_string() };
        println!("{label:>12} {w:>7} {e:>7} {a:>10}");
    }
    Ok(())
}
