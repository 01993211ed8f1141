//! `dyad stories` and `dyad brief`: articles grouped into stories across outlets, and a
//! briefing on one story. Articles come from the inputs given, or from a database.
use super::coding::code_all;
use super::inputs;
use super::output::Format;
use super::Context;
use crate::report::Outcome;
use anyhow::{bail, Context as _};
use dyad_store::Store;
use dyad_story::{Story, StoryId, StoryIndex};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Where the articles come from.
#[derive(clap::Args)]
pub struct Source {
    /// Files or directories to read and code; without any, the stored documents of `--db`.
    inputs: Vec<PathBuf>,
    /// The database whose stories to read when no inputs are given (`dyad ingest`
    /// assigns each stored article to a story as it arrives).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
}

#[derive(clap::Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    source: Source,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(clap::Args)]
pub struct BriefArgs {
    /// The story: its number in `dyad stories` (from 1).
    story: u32,
    #[command(flatten)]
    source: Source,
    /// Write a self-contained HTML page instead of Markdown.
    #[arg(long)]
    html: bool,
}

/// The stories of the inputs, clustered in arrival order, or those stored in the
/// database; returns them and how many inputs failed.
fn stories(ctx: &Context, source: Source, only: Option<StoryId>) -> anyhow::Result<(Vec<Story>, usize)> {
    if source.inputs.is_empty() {
        let mut store = Store::open_existing(&source.db)?;
        catch_up(&mut store, ctx.quiet)?;
        let stories = match only {
            Some(id) => store.story(id)?.into_iter().collect(),
            None => store.stories()?,
        };
        return Ok((stories, 0));
    }
    let mut index = StoryIndex::default();
    let paths = inputs::resolve(source.inputs)?;
    let failed = code_all(ctx, &paths, |doc, coded| {
        index.add(coded, &doc.text);
        Ok(())
    })?;
    Ok((index.into_stories(), failed))
}

/// Assigns documents stored before the database kept stories (they would be missing
/// from every story otherwise).
fn catch_up(store: &mut Store, quiet: bool) -> anyhow::Result<()> {
    if store.story_stats()?.unassigned == 0 {
        return Ok(());
    }
    let done = store.assign_stories()?;
    if !quiet {
        eprintln!(
            "{}: assigned {} stored documents to stories (stored before stories were kept)",
            store.path().display(),
            done.documents
        );
    }
    Ok(())
}

pub fn run_stories(args: StoriesArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let (stories, failed) = stories(ctx, args.source, None)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for story in &stories {
        let events = story.events();
        match args.format {
            Format::Jsonl => {
                let docs: Vec<&str> = story.articles.iter().map(|a| a.coded.doc.id.as_str()).collect();
                let copies = story.articles.iter().filter(|a| a.duplicate_of.is_some()).count();
                let line = serde_json::json!({
                    "story": story.id.0,
                    "title": story.title(),
                    "outlets": story.outlets(),
                    "docs": docs,
                    "events": events.len(),
                    "copies": copies,
                    "corroborated": events.iter().filter(|e| e.corroborated()).count(),
                    "contested": events.iter().filter(|e| e.contested()).count(),
                });
                writeln!(out, "{line}")?;
            }
            Format::Table => writeln!(
                out,
                "{:>4}  {:>3} docs  {:>3} events  {}",
                story.id.0,
                story.articles.len(),
                events.len(),
                story.title()
            )?,
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(Outcome::from_failures(failed))
}

pub fn run_brief(args: BriefArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let from_db = args.source.inputs.is_empty().then(|| args.source.db.clone());
    let (stories, failed) = stories(ctx, args.source, Some(StoryId(args.story)))?;
    let Some(story) = stories.iter().find(|s| s.id.0 == args.story) else {
        match from_db {
            Some(db) => bail!("{}: no story {} (see `dyad stories --db {}`)", db.display(), args.story, db.display()),
            None => bail!("no story {} (the inputs make {} stories, numbered from 1)", args.story, stories.len()),
        }
    };
    let page = if args.html { dyad_story::brief::html(story) } else { dyad_story::brief::markdown(story) };
    let mut out = std::io::stdout().lock();
    out.write_all(page.as_bytes()).context("writing to standard output")?;
    Ok(Outcome::from_failures(failed))
}
