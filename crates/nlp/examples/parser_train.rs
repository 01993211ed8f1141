//! Trains the dependency parser on UD English EWT and writes the model.
//!
//! cargo run --release -p dyad-nlp --example parser_train -- [--epochs N] [--prune X]
//!     [--jackknife K] [--out crates/nlp/models/parser.bin.gz] [--data ../shared/data/ud]
//!
//! With `--jackknife K` (the shipped model uses 10) the parser learns from predicted
//! tags: the training set is cut into K folds and each fold is tagged by a tagger
//! trained on the other folds; dev is tagged by a tagger trained on all of train.
//! Prints dev UAS/LAS after every epoch (with `--progress`) or at the end, and times.
use dyad_nlp::conllu;
use dyad_nlp::conllu::Sentence;
use dyad_nlp::parser::{self, TrainOptions};
use dyad_nlp::tagger;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = TrainOptions::default();
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = manifest.join("../../../shared/data/ud");
    let mut out = manifest.join("models/parser.bin.gz");
    let mut progress = false;
    let mut jackknife = 0usize;
    let mut cache: Option<PathBuf> = None;
    let mut with_gold = false;
    let mut interleaved = false;
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
            "--jackknife" => jackknife = value()?.parse()?,
            "--tag-cache" => cache = Some(value()?.into()),
            "--with-gold" => with_gold = true,
            "--cost-updates" => opts.cost_updates = true,
            "--interleaved" => interleaved = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let read = |name: &str| -> Result<Vec<conllu::Sentence>, Box<dyn std::error::Error>> {
        let path = data.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(conllu::parse(&text)?)
    };
    let mut train = read("en_ewt-ud-train.conllu")?;
    let mut dev = read("en_ewt-ud-dev.conllu")?;
    println!("{} training sentences, {} dev; options {opts:?}", train.len(), dev.len());
    let start = Instant::now();
    // `--tag-cache DIR` keeps the jackknifed train and tagged dev sets there, so
    // parser experiments can skip the tagging.
    let cached = cache.as_ref().map(|d| (d.join("train.conllu"), d.join("dev.conllu")));
    if let Some((t, d)) = cached.as_ref().filter(|(t, d)| jackknife > 1 && t.exists() && d.exists()) {
        train = conllu::parse(&std::fs::read_to_string(t)?)?;
        dev = conllu::parse(&std::fs::read_to_string(d)?)?;
        println!("jackknifed tags read from {}", t.display());
    } else if jackknife > 1 {
        train = jackknife_tags(&train, jackknife, interleaved);
        tagger::train(&read("en_ewt-ud-train.conllu")?, &tagger::TrainOptions::default()).tag_conllu(&mut dev);
        println!("jackknifed tags over {jackknife} folds in {:.1}s", start.elapsed().as_secs_f64());
        if let Some((t, d)) = &cached {
            std::fs::create_dir_all(t.parent().unwrap_or(t))?;
            std::fs::write(t, conllu::write(&train))?;
            std::fs::write(d, conllu::write(&dev))?;
        }
    }
    if with_gold {
        // The gold-tagged sentences too, after the jackknifed ones.
        train.extend(read("en_ewt-ud-train.conllu")?);
    }
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

/// `sentences` with UPOS/XPOS predicted by taggers that did not see them: fold `k`
/// (the `k`-th of K contiguous blocks, [`parser::jackknife_fold`]) is tagged by a
/// tagger trained on the others.
/// Two folds run at a time (one with `RAYON_NUM_THREADS=1`).
fn jackknife_tags(sentences: &[Sentence], folds: usize, interleaved: bool) -> Vec<Sentence> {
    // `--interleaved`: every `folds`-th sentence from `k` in fold `k`, as `dyad train` does.
    let fold = |i: usize| if interleaved { i % folds } else { parser::jackknife_fold(i, sentences.len(), folds) };
    let at_once = if std::env::var("RAYON_NUM_THREADS").as_deref() == Ok("1") { 1 } else { 2 };
    let tag_fold = |k: usize| -> Vec<(usize, Sentence)> {
        let rest: Vec<Sentence> = sentences.iter().enumerate().filter(|(i, _)| fold(*i) != k).map(|(_, s)| s.clone()).collect();
        let model = tagger::train(&rest, &tagger::TrainOptions::default());
        let mut held: Vec<(usize, Sentence)> =
            sentences.iter().enumerate().filter(|(i, _)| fold(*i) == k).map(|(i, s)| (i, s.clone())).collect();
        let mut just: Vec<Sentence> = held.iter().map(|(_, s)| s.clone()).collect();
        model.tag_conllu(&mut just);
        for ((_, h), t) in held.iter_mut().zip(just) {
            *h = t;
        }
        held
    };
    let mut out: Vec<Sentence> = sentences.to_vec();
    for pair in (0..folds).collect::<Vec<_>>().chunks(at_once) {
        let results: Vec<Vec<(usize, Sentence)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair.iter().map(|&k| scope.spawn(move || tag_fold(k))).collect();
            handles.into_iter().map(|h| h.join().expect("tagger thread panicked")).collect()
        });
        for (i, s) in results.into_iter().flatten() {
            // Keep gold heads and relations; take only the predicted tags.
            out[i].words.iter_mut().zip(s.words).for_each(|(w, p)| {
                w.upos = p.upos;
                w.xpos = p.xpos;
            });
        }
    }
    out
}
