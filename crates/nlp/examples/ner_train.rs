//! Trains the entity model on Universal NER English EWT train and writes
//! `crates/nlp/models/ner.bin.gz`.
//!
//! `cargo run --release -p dyad-nlp --example ner_train [epochs] [out]` (other options
//! from the environment: `ner_common::options_from_env`)
mod ner_common;

use dyad_nlp::ner::{self, Label, TrainOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let epochs: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(TrainOptions::default().epochs);
    let out = args.next().unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin.gz").to_string());
    let ner_common::UnerSets { train, dev, skipped } = ner_common::uner_train_dev()?;
    println!("train: {} sentences ({skipped} skipped: words not found in their text)", train.len());
    let t0 = Instant::now();
    let opts = ner_common::options_from_env(TrainOptions { epochs, ..Default::default() });
    println!("{opts:?}");
    let model = ner::train(&train, &opts);
    println!("trained {} epochs in {:.1}s, {} features", opts.epochs, t0.elapsed().as_secs_f64(), model.n_features());
    let scores = ner::evaluate(&model, &dev, |l| Some(if l == Label::Gpe { Label::Loc } else { l }), &[Label::Per, Label::Org, Label::Loc]);
    println!("UNER EWT dev (GPE as LOC):\n{scores}");
    let mut buf = Vec::new();
    model.save(&mut buf)?;
    std::fs::write(&out, &buf)?;
    println!("wrote {out} ({:.2} MB)", buf.len() as f64 / 1e6);
    Ok(())
}
