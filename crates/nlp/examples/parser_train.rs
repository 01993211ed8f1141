//! Trains the dependency parser on UD English EWT and writes the model.
//!
//! cargo run --release -p dyad-nlp --example parser_train -- [--epochs N] [--prune X]
//!     [--out crates/nlp/models/parser.bin.gz] [--data ../shared/data/ud]
//!
//! Prints dev UAS/LAS after every epoch (with `--progress`) or at the end, and times.
use dyad_nlp::conllu;
use dyad_nlp::parser::{self, TrainOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = TrainOptions::default();
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = manifest.join("../../../shared/data/ud");
    let mut out = manifest.join("models/parser.bin.gz");
    let mut progress = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--epochs" => opts.epochs = value()?.parse()?,
            "--prune" => opts.prune = value()?.parse()?,
            "--seed" => opts.seed = value()?.parse()?,
            "--explore-from" => opts.explore_from = value()?.parse()?,
            "--out" => out = value()?.into(),
            "--data" => data = value()?.into(),
            "--progress" => progress = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let read = |name: &str| -> Result<Vec<conllu::Sentence>, Box<dyn std::error::Error>> {
        let path = data.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(conllu::parse(&text)?)
    };
    let train = read("en_ewt-ud-train.conllu")?;
    let dev = read("en_ewt-ud-dev.conllu")?;
    println!("{} training sentences, {} dev; options {opts:?}", train.len(), dev.len());
    let start = Instant::now();
    let report = |epoch: usize, p: &parser::Parser| {
        let a = parser::evaluate(p, &dev);
        println!(
            "epoch {epoch:2}  dev UAS {:.2}  LAS {:.2}  (universal LAS {:.2})  features {:?}  {:.1}s",
            a.uas(),
            a.las(),
            a.las_universal(),
            p.n_features(),
            start.elapsed().as_secs_f64()
        );
    };
    let model = if progress {
        parser::train_with_progress(&train, &opts, report)
    } else {
        let m = parser::train(&train, &opts);
        report(opts.epochs, &m);
        m
    };
    println!("trained in {:.1}s", start.elapsed().as_secs_f64());
    model.save(std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?)?;
    println!("wrote {} ({} bytes)", out.display(), std::fs::metadata(&out)?.len());
    Ok(())
}
