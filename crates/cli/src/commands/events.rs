//! `dyad events`: the stored events, filtered, as a table or JSONL.
use super::output::{print_rows, Format};
use super::Context;
use crate::report::Outcome;
use crate::table::Table;
use clap::ValueEnum;
use dyad_code::{ActorRef, Modality};
use dyad_store::{DateBound, EventFilter, EventRow, Store};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The database to read.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Source or target actor code, by prefix (`RUS` matches RUSGOV and RUSMIL).
    #[arg(long)]
    actor: Option<String>,
    /// Source actor code, by prefix.
    #[arg(long)]
    source: Option<String>,
    /// Target actor code, by prefix.
    #[arg(long)]
    target: Option<String>,
    /// CAMEO code, by prefix (`04` matches 040 to 046).
    #[arg(long)]
    cameo: Option<String>,
    /// Two-digit CAMEO root.
    #[arg(long)]
    root: Option<String>,
    /// PLOVER event type (e.g. CONSULT, SANCTION).
    #[arg(long)]
    plover: Option<String>,
    #[arg(long, value_enum)]
    modality: Option<ModalityArg>,
    /// Events dated on or after (YYYY, YYYY-MM or YYYY-MM-DD; partial dates overlap).
    #[arg(long)]
    since: Option<DateBound>,
    /// Events dated on or before (YYYY, YYYY-MM or YYYY-MM-DD; partial dates overlap).
    #[arg(long)]
    until: Option<DateBound>,
    /// Events of one document, by id or by a prefix of its content hash.
    #[arg(long)]
    doc: Option<String>,
    /// Events of the documents of one story (its number in `dyad stories`).
    #[arg(long)]
    story: Option<u32>,
    /// At most this many events.
    #[arg(long)]
    limit: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ModalityArg {
    Asserted,
    Claimed,
    Denied,
    Planned,
    Possible,
    Negated,
}

impl From<ModalityArg> for Modality {
    fn from(m: ModalityArg) -> Modality {
        match m {
            ModalityArg::Asserted => Modality::Asserted,
            ModalityArg::Claimed => Modality::Claimed,
            ModalityArg::Denied => Modality::Denied,
            ModalityArg::Planned => Modality::Planned,
            ModalityArg::Possible => Modality::Possible,
            ModalityArg::Negated => Modality::Negated,
        }
    }
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open_existing(&args.db)?;
    let code = |c: Option<String>| c.map(|c| c.to_ascii_uppercase());
    let filter = EventFilter {
        actor: code(args.actor),
        source: code(args.source),
        target: code(args.target),
        cameo: args.cameo,
        root: args.root,
        plover: code(args.plover),
        modality: args.modality.map(Modality::from),
        since: args.since,
        until: args.until,
        doc: args.doc,
        story: args.story,
        limit: args.limit,
    };
    let events = store.events(&filter)?;
    let db = args.db.display();
    print_rows(&events, args.format, table, || format!("no events in {db} match"), ctx.quiet)?;
    Ok(Outcome::AllGood)
}

fn table(events: &[EventRow]) -> Table {
    let mut t = Table::new(
        vec!["DATE", "SOURCE", "CAMEO", "TARGET", "MODALITY", "PLOVER", "DOC", "SENTENCE"],
        7,
    );
    for row in events {
        let e = &row.event;
        let modality = serde_json::to_value(e.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        t.push(vec![
            e.date.clone().unwrap_or_else(|| "-".into()),
            actor(&e.source),
            e.cameo.clone(),
            actor(&e.target),
            modality,
            e.plover.clone(),
            row.doc_id.clone(),
            e.sentence.clone(),
        ]);
    }
    t
}

/// The actor code, or the words of the text when it has none.
fn actor(a: &ActorRef) -> String {
    a.actor.clone().unwrap_or_else(|| format!("\"{}\"", a.text))
}
