//! `dyad docs`: what a database holds, one document per line.
use super::output::{table_width, Format};
use super::Context;
use crate::report::Outcome;
use crate::table::Table;
use anyhow::Context as _;
use dyad_store::{DateBound, DocFilter, DocRow, Store};
use std::io::{BufWriter, Write};
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
        limit: args.limit,
    };
    let docs = store.docs(&filter)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Jsonl => {
            for d in &docs {
                serde_json::to_writer(&mut out, d).context("writing to standard output")?;
                writeln!(out).context("writing to standard output")?;
            }
        }
        Format::Table => {
            if docs.is_empty() && !ctx.quiet {
                eprintln!("dyad: no documents in {} match", args.db.display());
            }
            table(&docs).write(&mut out, table_width()).context("writing to standard output")?;
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(Outcome::AllGood)
}

fn table(docs: &[DocRow]) -> Table {
    let mut t = Table::new(vec!["HASH", "ID", "PUBLISHED", "OUTLET", "EVENTS", "CHARS", "TITLE"], 6);
    for d in docs {
        t.push(vec![
            d.hash.chars().take(12).collect(),
            d.id.clone(),
            d.published.clone().unwrap_or_else(|| "-".into()),
            d.outlet.clone().unwrap_or_else(|| "-".into()),
            d.events.to_string(),
            d.text_chars.to_string(),
            d.title.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    t
}
