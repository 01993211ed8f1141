//! The models an evaluation runs: from `--model-dir` where it holds the file, else the
//! ones built into the binary.
use anyhow::{anyhow, Context as _};
use dyad_nlp::ner::NerModel;
use dyad_nlp::parser::Parser;
use dyad_nlp::tagger::Tagger;
use std::path::Path;

fn announce(quiet: bool, what: &str, from: &str) {
    if !quiet {
        eprintln!("{what}: {from}");
    }
}

pub fn tagger(dir: Option<&Path>, quiet: bool) -> anyhow::Result<Tagger> {
    match dir.map(|d| d.join("tagger.bin.gz")).filter(|p| p.is_file()) {
        Some(p) => {
            announce(quiet, "tagger", &p.display().to_string());
            let file =
                std::fs::File::open(&p).with_context(|| format!("opening {}", p.display()))?;
            Tagger::load(std::io::BufReader::new(file))
                .with_context(|| format!("loading the tagger {}", p.display()))
        }
        None => {
            announce(quiet, "tagger", "built in");
            Tagger::load_embedded().context("loading the built-in tagger")
        }
    }
}

pub fn parser(dir: Option<&Path>, quiet: bool) -> anyhow::Result<Parser> {
    match dir.map(|d| d.join("parser.bin.gz")).filter(|p| p.is_file()) {
        Some(p) => {
            announce(quiet, "parser", &p.display().to_string());
            let file =
                std::fs::File::open(&p).with_context(|| format!("opening {}", p.display()))?;
            Parser::load(std::io::BufReader::new(file))
                .with_context(|| format!("loading the parser {}", p.display()))
        }
        None => {
            announce(quiet, "parser", "built in");
            Parser::load_embedded().context("loading the built-in parser")
        }
    }
}

/// An owned model read from `--model-dir`, or the built-in one.
pub enum Ner {
    Loaded(NerModel),
    BuiltIn(&'static NerModel),
}

impl Ner {
    pub fn model(&self) -> &NerModel {
        match self {
            Ner::Loaded(m) => m,
            Ner::BuiltIn(m) => m,
        }
    }
}

pub fn ner(dir: Option<&Path>, quiet: bool) -> anyhow::Result<Ner> {
    match dir.map(|d| d.join("ner.bin.gz")).filter(|p| p.is_file()) {
        Some(p) => {
            announce(quiet, "entity model", &p.display().to_string());
            let bytes = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
            Ok(Ner::Loaded(NerModel::load(&bytes).with_context(|| {
                format!("loading the entity model {}", p.display())
            })?))
        }
        None => {
            announce(quiet, "entity model", "built in");
            Ok(Ner::BuiltIn(NerModel::shipped().map_err(|e| {
                anyhow!("loading the built-in entity model: {e}")
            })?))
        }
    }
}
