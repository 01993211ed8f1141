//! `dyad train`: rebuilds the shipped models from the training splits of UD English
//! EWT (tagger, parser) and Universal NER English EWT (entities), with the options the
//! shipped models were made with, printing progress and the dev figures.
//!
//! Shipped options (docs/benchmarks-tagger.md, -parser.md, -ner.md): tagger with
//! `tagger::TrainOptions::default()` (7 epochs); parser 12 epochs, pruned at 0.02, on
//! tags jackknifed over 10 folds; entities `ner::TrainOptions::default()` (6 epochs, BILOU tags, Viterbi
//! decoding, one pass).
use super::Context;
use crate::report::Outcome;
use anyhow::{bail, Context as _};
use dyad_nlp::conllu::{self, Sentence};
use dyad_nlp::ner::{self, data, Label};
use dyad_nlp::tagger::{self, Tagger};
use dyad_nlp::{eval, parser};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Model {
    Tagger,
    Parser,
    Ner,
    All,
}

#[derive(clap::Args)]
pub struct Args {
    /// Which model to train.
    #[arg(value_enum, default_value = "all")]
    model: Model,
    /// The data folder: `ud/en_ewt-ud-{train,dev}.conllu` and `uner/en_ewt-ud-{train,dev}.iob2`.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where the models are written (`tagger.bin.gz`, `parser.bin.gz`, `ner.bin.gz`).
    #[arg(long, default_value = "crates/nlp/models")]
    out: PathBuf,
    /// Passes over the training data for every model (default: each shipped model's own).
    #[arg(long)]
    epochs: Option<usize>,
    /// Folds of jackknifed tagging the parser learns from (0: gold tags).
    #[arg(long, default_value_t = 10)]
    jackknife: usize,
}

const UD_TRAIN: &str = "ud/en_ewt-ud-train.conllu";
const UD_DEV: &str = "ud/en_ewt-ud-dev.conllu";
const UNER_TRAIN: &str = "uner/en_ewt-ud-train.iob2";
const UNER_DEV: &str = "uner/en_ewt-ud-dev.iob2";

/// Shipped parser: 12 epochs, rows below 2% of the largest weight dropped.
const PARSER_EPOCHS: usize = 12;
const PARSER_PRUNE: f32 = 0.02;

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let wants = |m: Model| args.model == m || args.model == Model::All;
    let mut needed = Vec::new();
    if wants(Model::Tagger) || wants(Model::Parser) {
        needed.extend([UD_TRAIN, UD_DEV]);
    }
    if wants(Model::Ner) {
        needed.extend([UNER_TRAIN, UNER_DEV]);
    }
    for rel in needed {
        let path = args.data.join(rel);
        if !path.is_file() {
            bail!(
                "missing training data: {} (pass the data folder with --data)",
                path.display()
            );
        }
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let progress = |line: String| {
        if !ctx.quiet {
            eprintln!("{line}");
        }
    };

    let mut tagger_model: Option<Tagger> = None;
    if wants(Model::Tagger) || wants(Model::Parser) {
        let train = read_conllu(&args.data.join(UD_TRAIN))?;
        let dev = read_conllu(&args.data.join(UD_DEV))?;
        if wants(Model::Tagger) {
            tagger_model = Some(train_tagger(&args, &train, &dev, &progress)?);
        }
        if wants(Model::Parser) {
            train_parser(&args, train, dev, tagger_model.as_ref(), &progress)?;
        }
    }
    if wants(Model::Ner) {
        train_ner(&args, &progress)?;
    }
    Ok(Outcome::AllGood)
}

fn read_conllu(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    conllu::parse(&text).with_context(|| format!("{}: not valid CoNLL-U", path.display()))
}

fn tagger_options(args: &Args) -> tagger::TrainOptions {
    let mut opts = tagger::TrainOptions::default();
    if let Some(e) = args.epochs {
        opts.epochs = e;
    }
    opts
}

/// Writes through a temporary file so a failed run leaves the old model in place.
fn write_model(
    path: &Path,
    save: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    save(&mut bytes)?;
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path)
        .with_context(|| format!("renaming {} to {}", tmp.display(), path.display()))?;
    println!(
        "wrote {} ({:.2} MB)",
        path.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

fn train_tagger(
    args: &Args,
    train: &[Sentence],
    dev: &[Sentence],
    progress: &dyn Fn(String),
) -> anyhow::Result<Tagger> {
    let opts = tagger_options(args);
    progress(format!(
        "tagger: {} training sentences, {} dev; {opts:?}",
        train.len(),
        dev.len()
    ));
    let start = Instant::now();
    let model = tagger::train_reporting(train, Some(dev), &opts, |r| {
        progress(format!(
            "tagger stage {} {:?} epoch {:2}: train {:.2}  dev {:.2}  ({:.1}s)",
            r.stage,
            r.target,
            r.epoch,
            r.train_accuracy,
            r.dev_accuracy.unwrap_or(f64::NAN),
            start.elapsed().as_secs_f64()
        ))
    });
    let mut predicted = dev.to_vec();
    model.tag_conllu(&mut predicted);
    let s = eval::evaluate_conllu(dev, &predicted).context("scoring the tagger on dev")?;
    println!(
        "tagger: EWT dev UPOS {:.2}  XPOS {:.2}  Lemma {:.2}  ({} words, trained in {:.1}s)",
        s.upos_pct(),
        s.xpos_pct(),
        s.lemma_pct(),
        s.words,
        start.elapsed().as_secs_f64()
    );
    write_model(&args.out.join("tagger.bin.gz"), |buf| {
        model.save(buf).context("saving the tagger")
    })?;
    Ok(model)
}

fn train_parser(
    args: &Args,
    mut train: Vec<Sentence>,
    mut dev: Vec<Sentence>,
    tagger_model: Option<&Tagger>,
    progress: &dyn Fn(String),
) -> anyhow::Result<()> {
    let opts = parser::TrainOptions {
        epochs: args.epochs.unwrap_or(PARSER_EPOCHS),
        prune: PARSER_PRUNE,
        ..Default::default()
    };
    let start = Instant::now();
    if args.jackknife > 1 {
        progress(format!(
            "parser: tagging {} training sentences over {} jackknife folds",
            train.len(),
            args.jackknife
        ));
        // Dev is tagged as running text will be: by a tagger trained on all of train.
        let trained;
        let full = match tagger_model {
            Some(t) => t,
            None => {
                trained = tagger::train(&train, &tagger_options(args));
                &trained
            }
        };
        full.tag_conllu(&mut dev);
        let jackknifed = jackknife_tags(&train, args.jackknife, &tagger_options(args), progress);
        // The gold-tagged sentences too, after the jackknifed ones (docs/benchmarks-parser.md).
        train = [jackknifed, train].concat();
        progress(format!(
            "parser: jackknifed tags in {:.1}s",
            start.elapsed().as_secs_f64()
        ));
    }
    progress(format!(
        "parser: {} training sentences; {opts:?}",
        train.len()
    ));
    let model = parser::train_with_progress(&train, &opts, |epoch, p| {
        let a = parser::score::evaluate(p, &dev);
        progress(format!(
            "parser epoch {epoch:2}: dev UAS {:.2}  LAS {:.2}  ({:.1}s)",
            a.uas(),
            a.las_universal(),
            start.elapsed().as_secs_f64()
        ));
    });
    let a = parser::score::evaluate(&model, &dev);
    let tags = if args.jackknife > 1 {
        "predicted"
    } else {
        "gold"
    };
    println!(
        "parser: EWT dev ({tags} tags) UAS {:.2}  LAS {:.2}  ({} words, trained in {:.1}s)",
        a.uas(),
        a.las_universal(),
        a.words,
        start.elapsed().as_secs_f64()
    );
    write_model(&args.out.join("parser.bin.gz"), |buf| {
        model.save(buf).context("saving the parser")
    })
}

/// `sentences` with UPOS/XPOS predicted by taggers that did not see them: fold `k`
/// (every `folds`-th sentence from `k`) is tagged by a tagger trained on the rest.
/// Two folds train at a time; heads and relations stay gold.
fn jackknife_tags(
    sentences: &[Sentence],
    folds: usize,
    opts: &tagger::TrainOptions,
    progress: &dyn Fn(String),
) -> Vec<Sentence> {
    let tag_fold = |k: usize| -> Vec<(usize, Sentence)> {
        let rest: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let model = tagger::train(&rest, opts);
        let (index, mut held): (Vec<usize>, Vec<Sentence>) = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == k)
            .map(|(i, s)| (i, s.clone()))
            .unzip();
        model.tag_conllu(&mut held);
        index.into_iter().zip(held).collect()
    };
    let mut out = sentences.to_vec();
    let all: Vec<usize> = (0..folds).collect();
    for pair in all.chunks(2) {
        let tagged: Vec<Vec<(usize, Sentence)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&k| scope.spawn(move || tag_fold(k)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for (i, s) in tagged.into_iter().flatten() {
            for (w, p) in out[i].words.iter_mut().zip(s.words) {
                w.upos = p.upos;
                w.xpos = p.xpos;
            }
        }
        progress(format!("parser: jackknife folds {pair:?} done"));
    }
    out
}

fn train_ner(args: &Args, progress: &dyn Fn(String)) -> anyhow::Result<()> {
    let read = |rel: &str| -> anyhow::Result<Vec<data::Gold>> {
        let path = args.data.join(rel);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let (gold, _) = data::read_uner(&text, data::uner_label)
            .with_context(|| format!("{}: not valid UNER IOB2", path.display()))?;
        Ok(gold)
    };
    let train = read(UNER_TRAIN)?;
    let dev = read(UNER_DEV)?;
    let mut opts = ner::TrainOptions::default();
    if let Some(e) = args.epochs {
        opts.epochs = e;
    }
    progress(format!(
        "ner: {} training sentences, {} dev; {opts:?}",
        train.len(),
        dev.len()
    ));
    let start = Instant::now();
    let model = ner::train(&train, &opts);
    let scores = ner::evaluate(
        &model,
        &dev,
        |l| Some(if l == Label::Gpe { Label::Loc } else { l }),
        &[Label::Per, Label::Org, Label::Loc],
    );
    let m = scores.micro();
    println!(
        "ner: UNER EWT dev (PER/ORG/LOC, GPE as LOC) P {:.2}  R {:.2}  F1 {:.2}  (trained in {:.1}s)",
        100.0 * m.precision(),
        100.0 * m.recall(),
        100.0 * m.f1(),
        start.elapsed().as_secs_f64()
    );
    print!("{scores}");
    write_model(&args.out.join("ner.bin.gz"), |buf| {
        model.save(buf).context("saving the entity model")
    })
}
