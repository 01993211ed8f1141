//! `dyad stories` and `dyad brief`: articles grouped into stories across outlets, and a
//! briefing on one story. Articles come from the inputs given, or from a database.
use super::coding::code_all;
use super::inputs;
use super::output::Format;
use super::Context;
use crate::report::Outcome;
use anyhow::{bail, Context as _};
use dyad_code::CodedDocument;
use dyad_store::{DocFilter, Store};
use dyad_story::{Story, StoryIndex};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Where the articles come from.
#[derive(clap::Args)]
pub struct Source {
    /// Files or directories to read and code; without any, the stored documents of `--db`.
    inputs: Vec<PathBuf>,
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
    /// The story: its number in `dyad stories`.
    story: u32,
    #[command(flatten)]
    source: Source,
    /// Write a self-contained HTML page instead of Markdown.
    #[arg(long)]
    html: bool,
}

/// Clusters the articles in arrival order; returns the stories and how many inputs failed.
fn stories(ctx: &Context, source: Source) -> anyhow::Result<(Vec<Story>, usize)> {
    let mut index = StoryIndex::default();
    let failed = if source.inputs.is_empty() {
        let store = Store::open_existing(&source.db)?;
        for row in store.docs(&DocFilter::default())? {
            if let Some(stored) = store.doc(&row.hash)? {
                add(&mut index, stored.coded, &stored.text);
            }
        }
        0
    } else {
        let paths = inputs::resolve(source.inputs)?;
        code_all(ctx, &paths, |doc, coded| {
            add(&mut index, coded, &doc.text);
            Ok(())
        })?
    };
    Ok((index.into_stories(), failed))
}

fn add(index: &mut StoryIndex, coded: CodedDocument, text: &str) {
    index.add(coded, text);
}

pub fn run_stories(args: StoriesArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let (stories, failed) = stories(ctx, args.source)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for story in &stories {
        let events = story.events();
        match args.format {
            Format::Jsonl => {
                let docs: Vec<&str> = story.articles.iter().map(|a| a.coded.doc.id.as_str()).collect();
                let line = serde_json::json!({
                    "story": story.id.0,
                    "title": story.title(),
                    "outlets": story.outlets(),
                    "docs": docs,
                    "events": events.len(),
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
    let (stories, failed) = stories(ctx, args.source)?;
    let Some(story) = stories.iter().find(|s| s.id.0 == args.story) else {
        bail!("no story {} (dyad stories lists {} stories)", args.story, stories.len());
    };
    let page = if args.html { dyad_story::brief::html(story) } else { dyad_story::brief::markdown(story) };
    let mut out = std::io::stdout().lock();
    out.write_all(page.as_bytes()).context("writing to standard output")?;
    Ok(Outcome::from_failures(failed))
}
