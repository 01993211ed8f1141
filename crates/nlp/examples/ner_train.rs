//! Trains the entity model on Universal NER English EWT train and writes
//! `crates/nlp/models/ner.bin.gz`.
//!
//! `cargo run --release -p dyad-nlp --example ner_train [epochs] [out]`
use dyad_nlp::ner::{self, data, Label, TrainOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/uner");
    let mut args = std::env::args().skip(1);
    let epochs: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(TrainOptions::default().epochs);
    let out = args.next().unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin.gz").to_string());
    let (train, skipped) = data::read_uner(&std::fs::read_to_string(format!("{dir}/en_ewt-ud-train.iob2"))?, data::uner_label)?;
    let (dev, _) = data::read_uner(&std::fs::read_to_string(format!("{dir}/en_ewt-ud-dev.iob2"))?, data::uner_label)?;
    println!("train: {} sentences ({skipped} skipped: words not found in their text)", train.len());
    let t0 = Instant::now();
    let mut opts = TrainOptions { epochs, ..Default::default() };
    if let Some(v) = std::env::var("NER_MIN_COUNT").ok().and_then(|v| v.parse().ok()) {
        opts.min_count = v;
    }
    if let Some(v) = std::env::var("NER_PRUNE").ok().and_then(|v| v.parse().ok()) {
        opts.prune_below = v;
    }
    if let Some(v) = std::env::var("NER_ROUND").ok().and_then(|v| v.parse().ok()) {
        opts.round_to = v;
    }
    if let Ok(v) = std::env::var("NER_STACK") {
        opts.stack = v == "1";
    }
    if let Some(v) = std::env::var("NER_LOWER").ok().and_then(|v| v.parse().ok()) {
        opts.lowercase_every = v;
    }
    if let Ok(v) = std::env::var("NER_AUGMENT") {
        opts.augment = v == "1";
    }
    println!("{opts:?}");
    let model = ner::train(&train, &opts);
    println!("trained {epochs} epochs in {:.1}s, {} features", t0.elapsed().as_secs_f64(), model.n_features());
    let scores = ner::evaluate(&model, &dev, |l| Some(if l == Label::Gpe { Label::Loc } else { l }), &[Label::Per, Label::Org, Label::Loc]);
    println!("UNER EWT dev (GPE as LOC):\n{scores}");
    let mut buf = Vec::new();
    model.save(&mut buf)?;
    std::fs::write(&out, &buf)?;
    println!("wrote {out} ({:.2} MB)", buf.len() as f64 / 1e6);
    Ok(())
}
