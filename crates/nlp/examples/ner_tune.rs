//! Trains the entity model with several shuffling seeds and prints UNER EWT dev F1
//! of each and their mean, so that a change is judged beyond the noise of one run.
//!
//! `cargo run --release -p dyad-nlp --example ner_tune [seeds...]` (options as ner_train:
//! NER_STACK, NER_AUGMENT, NER_EPOCHS, NER_MIN_COUNT)
use dyad_nlp::ner::{self, data, Label, TrainOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/uner");
    let seeds: Vec<u64> = std::env::args().skip(1).map(|a| a.parse()).collect::<Result<_, _>>()?;
    let seeds = if seeds.is_empty() { vec![7, 11, 13] } else { seeds };
    let (train, _) = data::read_uner(&std::fs::read_to_string(format!("{dir}/en_ewt-ud-train.iob2"))?, data::uner_label)?;
    let (dev, _) = data::read_uner(&std::fs::read_to_string(format!("{dir}/en_ewt-ud-dev.iob2"))?, data::uner_label)?;
    let mut opts = TrainOptions::default();
    if let Ok(v) = std::env::var("NER_STACK") {
        opts.stack = v == "1";
    }
    if let Some(v) = std::env::var("NER_LOWER").ok().and_then(|v| v.parse().ok()) {
        opts.lowercase_every = v;
    }
    if let Some(v) = std::env::var("NER_PRUNE").ok().and_then(|v| v.parse().ok()) {
        opts.prune_below = v;
    }
    if let Ok(v) = std::env::var("NER_AUGMENT") {
        opts.augment = v == "1";
    }
    if let Some(v) = std::env::var("NER_EPOCHS").ok().and_then(|v| v.parse().ok()) {
        opts.epochs = v;
    }
    if let Some(v) = std::env::var("NER_MIN_COUNT").ok().and_then(|v| v.parse().ok()) {
        opts.min_count = v;
    }
    let mut sum = 0.0;
    for &seed in &seeds {
        let model = ner::train(&train, &TrainOptions { seed, ..opts.clone() });
        let scores = ner::evaluate(&model, &dev, |l| Some(if l == Label::Gpe { Label::Loc } else { l }), &[Label::Per, Label::Org, Label::Loc]);
        let f1 = scores.micro().f1() * 100.0;
        println!("seed {seed}: dev F1 {f1:.2}");
        sum += f1;
    }
    println!("mean dev F1 {:.2} over {} seeds ({opts:?})", sum / seeds.len() as f64, seeds.len());
    Ok(())
}
