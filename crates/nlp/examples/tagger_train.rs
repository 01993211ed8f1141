//! Trains the tagger and lemmatizer on UD English EWT train (from ../shared/data/ud),
//! printing dev accuracy per epoch, and writes the model.
//!
//! cargo run --release -p dyad-nlp --example tagger_train -- [--out PATH] [--scheme joint|joint2|separate|separate2]
//!     [--epochs N] [--seed N] [--prune X] [--tagdict-share X] [--amb-min N]
use dyad_nlp::conllu;
use dyad_nlp::eval::evaluate_conllu;
use dyad_nlp::tagger::{self, Scheme, TrainOptions};
use std::path::PathBuf;
use std::time::Instant;

fn shared_ud() -> PathBuf {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    crate_dir.join("../../../shared/data/ud")
}

fn read(name: &str) -> Vec<conllu::Sentence> {
    let path = shared_ud().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    conllu::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let mut opts = TrainOptions::default();
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/tagger.bin.gz");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let v = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--out" => out = PathBuf::from(v),
            "--scheme" => {
                opts.scheme = match v.as_str() {
                    "joint" => Scheme::Joint,
                    "joint2" => Scheme::JointTwoPass,
                    "separate" => Scheme::Separate,
                    "separate2" => Scheme::SeparateTwoPass,
                    other => panic!("unknown scheme {other}"),
                }
            }
            "--epochs" => opts.epochs = v.parse().expect("--epochs N"),
            "--seed" => opts.seed = v.parse().expect("--seed N"),
            "--prune" => opts.prune_below = v.parse().expect("--prune X"),
            "--tagdict-share" => opts.tagdict_share = v.parse().expect("--tagdict-share X"),
            "--lexicon-folds" => opts.lexicon_folds = v.parse().expect("--lexicon-folds N"),
            "--lean-xpos" => opts.lean_xpos = v.parse().expect("--lean-xpos true|false"),
            "--constrain-xpos" => opts.constrain_xpos = v.parse().expect("--constrain-xpos true|false"),
            "--amb-min" => opts.ambiguity_min_count = v.parse().expect("--amb-min N"),
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    let train = read("en_ewt-ud-train.conllu");
    let dev = read("en_ewt-ud-dev.conllu");
    println!("{opts:?}");
    let start = Instant::now();
    let model = tagger::train_reporting(&train, Some(&dev), &opts, |r| {
        println!(
            "stage {} {:?} epoch {:2}: train {:.2}  dev {:.2}  features {}  ({:.1}s)",
            r.stage,
            r.target,
            r.epoch,
            r.train_accuracy,
            r.dev_accuracy.unwrap_or(f64::NAN),
            r.features,
            start.elapsed().as_secs_f64()
        );
    });
    println!("trained in {:.1}s, {} feature rows", start.elapsed().as_secs_f64(), model.n_features());
    let mut pred = dev.clone();
    model.tag_conllu(&mut pred);
    let scores = evaluate_conllu(&dev, &pred).expect("same tokenization");
    // Heads and relations are copied from gold here, so only the tagging rows mean anything.
    println!(
        "EWT dev: UPOS {:.2}  XPOS {:.2}  Lemma {:.2}  ({} words)",
        scores.upos_pct(),
        scores.xpos_pct(),
        scores.lemma_pct(),
        scores.words
    );
    let file = std::fs::File::create(&out).unwrap_or_else(|e| panic!("creating {}: {e}", out.display()));
    model.save(std::io::BufWriter::new(file)).expect("writing the model");
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!("wrote {} ({:.2} MB)", out.display(), size as f64 / 1e6);
}
