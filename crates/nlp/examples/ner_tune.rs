//! Trains the entity model with several shuffling seeds and prints UNER EWT dev F1
//! of each and their mean, so that a change is judged beyond the noise of one run.
//!
//! `cargo run --release -p dyad-nlp --example ner_tune [seeds...]` (options from the
//! environment as for ner_train: `ner_common::options_from_env`)
mod ner_common;

use dyad_nlp::ner::{self, Label, TrainOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let seeds: Vec<u64> = std::env::args().skip(1).map(|a| a.parse()).collect::<Result<_, _>>()?;
    let seeds = if seeds.is_empty() { vec![7, 11, 13] } else { seeds };
    let ner_common::UnerSets { train, dev, skipped } = ner_common::uner_train_dev()?;
    println!("train: {} sentences ({skipped} skipped)", train.len());
    let opts = ner_common::options_from_env(TrainOptions::default());
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
