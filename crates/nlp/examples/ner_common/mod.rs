//! What the entity training examples share: the UNER EWT train and dev sets, and the
//! training options they read from the environment.
use dyad_nlp::ner::{data, TrainOptions};

/// The sentences of UNER EWT train and dev.
pub struct UnerSets {
    pub train: Vec<data::Gold>,
    pub dev: Vec<data::Gold>,
    /// Train sentences skipped: words not found in their text.
    pub skipped: usize,
}

pub fn uner_train_dev() -> Result<UnerSets, Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/uner");
    let (train, skipped) = data::read_uner(&std::fs::read_to_string(format!("{dir}/en_ewt-ud-train.iob2"))?, data::uner_label)?;
    let (dev, _) = data::read_uner(&std::fs::read_to_string(format!("{dir}/en_ewt-ud-dev.iob2"))?, data::uner_label)?;
    Ok(UnerSets { train, dev, skipped })
}

/// `opts` with what the environment overrides: NER_EPOCHS, NER_MIN_COUNT, NER_PRUNE,
/// NER_ROUND, NER_LOWER (every n-th sentence copied in lower case), NER_STACK=1,
/// NER_AUGMENT=0|1.
pub fn options_from_env(mut opts: TrainOptions) -> TrainOptions {
    fn number<T: std::str::FromStr>(name: &str) -> Option<T> {
        std::env::var(name).ok().and_then(|v| v.parse().ok())
    }
    let switch = |name: &str| std::env::var(name).ok().map(|v| v == "1");
    opts.epochs = number("NER_EPOCHS").unwrap_or(opts.epochs);
    opts.min_count = number("NER_MIN_COUNT").unwrap_or(opts.min_count);
    opts.prune_below = number("NER_PRUNE").unwrap_or(opts.prune_below);
    opts.round_to = number("NER_ROUND").unwrap_or(opts.round_to);
    opts.lowercase_every = number("NER_LOWER").unwrap_or(opts.lowercase_every);
    opts.stack = switch("NER_STACK").unwrap_or(opts.stack);
    opts.augment = switch("NER_AUGMENT").unwrap_or(opts.augment);
    opts
}
