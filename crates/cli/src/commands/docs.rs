//! `dyad docs`: what a database holds, one document per line.
use super::output::{print_rows, Format};
use super::Context;
use crate::report::Outcome;
use crate::table::Table;
use dyad_store::{DateBound, DocFilter, DocRow, Store};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The database to read.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Only documents from this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    since: Option<DateBound>,
    /// Published on or before (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    until: Option<DateBound>,
    /// One document, by id or by a prefix of its content hash.
    #[arg(long)]
    doc: Option<String>,
    /// Only the documents of this story (its number in `dyad stories`).
    #[arg(long)]
    story: Option<u32>,
    /// At most this many documents.
    #[arg(long)]
    limit: Option<usize>,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open_existing(&args.db)?;
    let filter = DocFilter {
        outlet: args.outlet,
        since: args.since,
        until: args.until,
        doc: args.doc,
        story: args.story,
        limit: args.limit,
    };
    let docs = store.docs(&filter)?;
    let db = args.db.display();
    print_rows(&docs, args.format, table, || format!("no documents in {db} match"), ctx.quiet)?;
    Ok(Outcome::AllGood)
}

fn table(docs: &[DocRow]) -> Table {
    let mut t = Table::new(vec!["HASH", "ID", "PUBLISHED", "OUTLET", "STORY", "COPY OF", "EVENTS", "CHARS", "TITLE"], 8);
    for d in docs {
        t.push(vec![
            d.hash.chars().take(12).collect(),
            d.id.clone(),
            d.published.clone().unwrap_or_else(|| "-".into()),
            d.outlet.clone().unwrap_or_else(|| "-".into()),
            d.story.map_or_else(|| "-".into(), |s| s.to_string()),
            d.duplicate_of.as_ref().map_or_else(|| "-".into(), |h| h.chars().take(12).collect()),
            d.events.to_string(),
            d.text_chars.to_string(),
            d.title.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    t
}
