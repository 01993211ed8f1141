//! `dyad eval conllu`: tags and parses the words of a CoNLL-U gold file (or, with
//! `--raw`, its `# text` lines from scratch) and scores the result.
use super::{models, raw};
use crate::commands::Context;
use crate::report::Outcome;
use anyhow::Context as _;
use dyad_nlp::conllu::{self, Sentence};
use dyad_nlp::eval;
use dyad_nlp::parser::{score::tokens_of, Parser, Scratch};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The gold CoNLL-U file.
    gold: PathBuf,
    /// Start from the `# text` lines with dyad's own tokenizer and sentence splitter,
    /// and score tokens, sentences and words aligned by character offsets.
    #[arg(long)]
    raw: bool,
    /// Take `tagger.bin.gz` and `parser.bin.gz` from this folder where present.
    #[arg(long)]
    model_dir: Option<PathBuf>,
}

/// The sentences of a gold file and, for each, whether it starts a paragraph.
pub fn read_gold(path: &Path) -> anyhow::Result<(Vec<Sentence>, Vec<bool>)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let sentences =
        conllu::parse(&text).with_context(|| format!("{}: not valid CoNLL-U", path.display()))?;
    Ok((sentences, raw::paragraph_starts(&text)))
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let (gold, breaks) = read_gold(&args.gold)?;
    let tagger = models::tagger(args.model_dir.as_deref(), ctx.quiet)?;
    let parser = models::parser(args.model_dir.as_deref(), ctx.quiet)?;
    if args.raw {
        let scores = raw::evaluate(&gold, &breaks, &tagger, &parser)
            .with_context(|| format!("{}", args.gold.display()))?;
        println!(
            "{}: {} sentences, from the raw text",
            args.gold.display(),
            gold.len()
        );
        print!("{scores}");
        return Ok(Outcome::AllGood);
    }
    let mut predicted = gold.clone();
    tagger.tag_conllu(&mut predicted);
    parse_all(&parser, &mut predicted);
    let scores = eval::evaluate_conllu(&gold, &predicted)
        .with_context(|| format!("scoring {}", args.gold.display()))?;
    println!(
        "{}: {} sentences, gold tokens",
        args.gold.display(),
        gold.len()
    );
    print!("{scores}");
    Ok(Outcome::AllGood)
}

/// Fills heads and relations of `sentences` from `parser`, reading their current tags.
fn parse_all(parser: &Parser, sentences: &mut [Sentence]) {
    let mut scratch = Scratch::default();
    for s in sentences {
        let mut tokens = tokens_of(s);
        parser.parse_with(&mut tokens, &mut scratch);
        for (w, t) in s.words.iter_mut().zip(tokens) {
            w.head = t.head.map_or(0, |h| h + 1);
            w.deprel = t.deprel;
        }
    }
}
