//! `dyad eval ner`: entity spans against UNER IOB2 files (PER, ORG, LOC; GPE counted as
//! LOC) and Worldwide newswire TSV files (Person, Organization, Location, NORP, Date;
//! Location = our LOC + GPE), one file or a folder of them.
use super::models;
use crate::commands::Context;
use crate::report::Outcome;
use anyhow::{bail, Context as _};
use dyad_nlp::ner::{self, data, eval::Scores, Label};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// A `.iob2` or `.tsv` gold file, or a folder holding such files.
    gold: PathBuf,
    /// Take `ner.bin.gz` from this folder where present.
    #[arg(long)]
    model_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Uner,
    Newswire,
}

fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()? {
        "iob2" => Some(Format::Uner),
        "tsv" => Some(Format::Newswire),
        _ => None,
    }
}

fn gold_files(path: &Path) -> anyhow::Result<Vec<(PathBuf, Format)>> {
    if path.is_dir() {
        let mut files: Vec<(PathBuf, Format)> = std::fs::read_dir(path)
            .with_context(|| format!("reading the folder {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|p| format_of(&p).map(|f| (p, f)))
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        if files.is_empty() {
            bail!("{}: no .iob2 or .tsv files in this folder", path.display());
        }
        return Ok(files);
    }
    if !path.exists() {
        bail!("{}: no such file", path.display());
    }
    match format_of(path) {
        Some(f) => Ok(vec![(path.to_path_buf(), f)]),
        None => bail!(
            "{}: not a .iob2 (Universal NER) or .tsv (Worldwide newswire) file",
            path.display()
        ),
    }
}

fn as_loc(l: Label) -> Option<Label> {
    Some(if l == Label::Gpe { Label::Loc } else { l })
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let files = gold_files(&args.gold)?;
    let model = models::ner(args.model_dir.as_deref(), ctx.quiet)?;
    let mut total = Scores::default();
    let mut texts = 0;
    for (path, format) in &files {
        let input =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let (gold, scored): (Vec<data::Gold>, &[Label]) = match format {
            Format::Uner => {
                let (gold, _) = data::read_uner(&input, data::uner_label)
                    .with_context(|| format!("{}: not valid UNER IOB2", path.display()))?;
                (gold, &[Label::Per, Label::Org, Label::Loc])
            }
            Format::Newswire => {
                let gold =
                    data::read_newswire(&input, data::newswire_label).with_context(|| {
                        format!("{}: not a valid newswire TSV file", path.display())
                    })?;
                (
                    gold,
                    &[Label::Per, Label::Org, Label::Loc, Label::Norp, Label::Date],
                )
            }
        };
        texts += gold.len();
        let scores = ner::evaluate(model.model(), &gold, as_loc, scored);
        for (label, c) in scores.by_label {
            let t = total.by_label.entry(label).or_default();
            t.tp += c.tp;
            t.gold += c.gold;
            t.pred += c.pred;
        }
    }
    println!(
        "{}: {} file(s), {texts} texts; GPE counted as LOC",
        args.gold.display(),
        files.len()
    );
    print!("{total}");
    Ok(Outcome::AllGood)
}
