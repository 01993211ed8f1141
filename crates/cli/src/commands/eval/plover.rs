//! `dyad eval plover`: codes the sentence of every PLOVER gold standard record and
//! prints how often the event type and the actors' countries are right.
use crate::commands::Context;
use crate::report::Outcome;
use anyhow::Context as _;
use dyad_code::plover;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The PLOVER gold standard records (JSON).
    #[arg(default_value = "../shared/data/plover/PLOVER_GSR_CAMEO.json")]
    gold: PathBuf,
    /// Also list every record whose event type was missed, with what was coded.
    #[arg(long)]
    misses: bool,
    /// Code only events with both sides identified, as `dyad code` does (by default
    /// events with one side only are coded too, as PLOVER does).
    #[arg(long)]
    dyadic: bool,
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    let json = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("reading {}", args.gold.display()))?;
    let records = plover::read_gold(&json).with_context(|| format!("{}", args.gold.display()))?;
    // Coding is the slow part; do it on every core, then score in file order.
    // PLOVER codes events with one side only (a resignation, a ceasefire declared).
    let knowledge = dyad_code::knowledge::Knowledge::embedded().clone().with_one_sided_events(!args.dyadic);
    let analyzer = dyad_nlp::Analyzer::shipped().map_err(|e| anyhow::anyhow!("dyad's built-in models: {e}"))?;
    let coded: Vec<_> = records
        .par_iter()
        .map(|r| dyad_code::code_with(analyzer, &knowledge, &r.document()))
        .collect();
    let (scores, results) = plover::evaluate(&records, &coded);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{}", args.gold.display())?;
    write!(out, "{scores}")?;
    if args.misses {
        writeln!(out, "\nmissed event types:")?;
        for r in results.iter().filter(|r| !r.event_right) {
            let coded = if r.coded.is_empty() {
                "-".to_string()
            } else {
                r.coded.join(" ")
            };
            writeln!(out, "{}\t{}\tcoded: {coded}", r.id, r.gold_event)?;
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(Outcome::AllGood)
}
