//! `dyad eval`: scores the shipped (or freshly trained) models against gold data:
//! CoNLL-U treebanks (tags, lemmas, dependencies), entity files (UNER IOB2, Worldwide
//! newswire TSV) and the PLOVER gold standard records (event coding).
mod conllu;
mod models;
mod ner;
mod plover;
mod raw;

use super::Context;
use crate::report::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Tag and parse a CoNLL-U gold file; print UPOS, XPOS, lemma, UAS and LAS.
    Conllu(conllu::Args),
    /// Find the entities of UNER IOB2 or Worldwide newswire TSV files; print P/R/F1.
    Ner(ner::Args),
    /// Code the sentences of the PLOVER gold standard records; print how often the
    /// event type and the source and target countries are right.
    Plover(plover::Args),
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    match args.what {
        What::Conllu(a) => conllu::run(a, ctx),
        What::Ner(a) => ner::run(a, ctx),
        What::Plover(a) => plover::run(a, ctx),
    }
}
