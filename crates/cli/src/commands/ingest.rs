//! `dyad ingest`: read, clean, code and store, a batch per transaction.
//!
//! Idempotent and resumable: documents whose content hash is already stored are
//! skipped before coding, and each batch commits whole, so a run that is interrupted
//! (Ctrl-C, kill, power cut) leaves whole documents only and the next run picks up
//! where it stopped.
//!
//! Each stored article is assigned to a story in the transaction that stores it (the
//! clustering state lives in the database), so a later ingest extends the stories.
//! Undated articles read their relative dates against the other reports of their story
//! in the same batch, as in `dyad code`.
use super::coding::{Analysed, Coded};
use super::inputs::{self, DocFailure};
use super::{story_dates, Context};
use crate::batches::Batches;
use crate::guard::guarded;
use crate::report::{self, Outcome};
use dyad_doc::Document;
use dyad_store::{Insertion, Store};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// Files (.txt, .html, .jsonl, optionally .gz), directories, or `-` for standard
    /// input; none reads standard input.
    inputs: Vec<PathBuf>,
    /// The database to store into (created if missing).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
}

#[derive(Debug, Default)]
struct Tally {
    ingested: usize,
    skipped: usize,
    failed: usize,
}

impl Tally {
    fn line(&self) -> String {
        format!(
            "ingested {}, skipped {} already stored, failed {}",
            self.ingested, self.skipped, self.failed
        )
    }
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let paths = inputs::resolve(args.inputs)?;
    let mut store = Store::open(&args.db)?;
    // Documents stored before the database kept stories join them first, in the order
    // they were stored.
    let caught_up = store.assign_stories()?;
    if caught_up.documents > 0 && !ctx.quiet {
        eprintln!("assigned {} documents stored earlier to stories", caught_up.documents);
    }
    let progress = progress_bar(ctx.quiet);
    let mut tally = Tally::default();
    for batch in Batches::new(&paths) {
        let batch_len = batch.len();
        let prepared: Vec<Result<(String, Document), DocFailure>> = batch
            .into_par_iter()
            .map(|read| {
                let raw = read?;
                let origin = raw.source.clone();
                guarded(|| inputs::prepare(raw)).unwrap_or_else(|bug| Err(DocFailure::Bug { origin, bug }))
            })
            .collect();

        let stored = store.present(prepared.iter().flatten().map(|(_, d)| d.content_hash.as_str()))?;
        let mut in_batch = HashSet::new();
        let mut todo = Vec::new();
        for doc in prepared {
            match doc {
                Err(problem) => {
                    tally.failed += 1;
                    progress.suspend(|| report::input_failed(&problem));
                }
                Ok((_, doc)) if stored.contains(&doc.content_hash) || !in_batch.insert(doc.content_hash.clone()) => {
                    tracing::debug!(id = %doc.id, source = %doc.source, "already stored");
                    tally.skipped += 1;
                }
                Ok(prepared) => todo.push(prepared),
            }
        }

        progress.inc((batch_len - todo.len()) as u64);
        let mut coded: Vec<Coded> = todo
            .into_par_iter()
            .map(|(origin, doc)| {
                let analysed = guarded(|| {
                    let sentences = ctx.analyze(&doc);
                    let coded = ctx.code_analysed(&doc, &sentences, None);
                    (coded, doc.published.is_none().then_some(sentences))
                });
                progress.inc(1);
                match analysed {
                    Ok((coded, sentences)) => Ok(Analysed { doc, coded, sentences }),
                    Err(bug) => Err(DocFailure::Bug { origin, bug }),
                }
            })
            .collect();
        // As `dyad code` does: undated articles read their dates against their story.
        story_dates::anchor_undated(ctx, &mut coded);
        let mut good = Vec::with_capacity(coded.len());
        for item in &coded {
            match item {
                Ok(a) => good.push((&a.doc, &a.coded)),
                Err(problem) => {
                    tally.failed += 1;
                    progress.suspend(|| report::input_failed(problem));
                }
            }
        }
        for done in store.insert_batch(good)? {
            match done {
                Insertion::Inserted => tally.ingested += 1,
                // Stored by another run since we looked.
                Insertion::AlreadyPresent => tally.skipped += 1,
            }
        }
        tracing::debug!(?tally, "batch committed");
        progress.set_message(tally.line());
    }
    progress.finish_and_clear();
    if !ctx.quiet {
        eprintln!("{}", tally.line());
        let s = store.story_stats()?;
        eprintln!("stories in {}: {}, wire copies marked: {}", args.db.display(), s.stories, s.copies);
    }
    Ok(Outcome::from_failures(tally.failed))
}

/// A live count on standard error when it is a terminal; nothing otherwise.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed} {pos} documents read: {msg}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
