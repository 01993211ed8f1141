//! `dyad quotes`: who said what, readably (speaker, description, quote) or as JSONL.
use super::coding::code_all;
use super::inputs;
use super::output::Format;
use super::Context;
use crate::report::Outcome;
use anyhow::Context as _;
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories, or `-` for standard input; none reads standard input.
    inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

/// A quote with the document it came from.
#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    #[serde(flatten)]
    quote: &'a dyad_code::Quote,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let paths = inputs::resolve(args.inputs)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let failed = code_all(ctx, &paths, |doc, coded| {
        match args.format {
            Format::Jsonl => {
                for quote in &coded.quotes {
                    let json = serde_json::to_string(&Line { doc: &doc.id, quote }).context("encoding a quote")?;
                    writeln!(out, "{json}")?;
                }
            }
            Format::Table => {
                if coded.quotes.is_empty() {
                    return Ok(());
                }
                writeln!(out, "{} ({})", doc.title.as_deref().unwrap_or(&doc.id), doc.id)?;
                for q in &coded.quotes {
                    let who = q.speaker.name.as_deref().unwrap_or(&q.speaker.text);
                    match &q.speaker.description {
                        Some(d) => writeln!(out, "  {who}, {d}:")?,
                        None => writeln!(out, "  {who}:")?,
                    }
                    let kind = match q.kind {
                        dyad_code::QuoteKind::Direct => "",
                        dyad_code::QuoteKind::Indirect => " (reported)",
                    };
                    writeln!(out, "    “{}”{kind}", q.text)?;
                }
                writeln!(out)?;
            }
        }
        Ok(())
    })?;
    out.flush().context("writing to standard output")?;
    Ok(Outcome::from_failures(failed))
}
