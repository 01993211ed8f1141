//! Output formats of the listing commands.
use crate::table::Table;
use anyhow::Context as _;
use clap::ValueEnum;
use serde::Serialize;
use std::io::{BufWriter, IsTerminal, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Aligned columns, cut to the terminal width.
    Table,
}

/// The width tables are cut to: the terminal's, or none when writing to a pipe.
pub fn table_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    console::Term::stdout()
        .size_checked()
        .map(|(_rows, cols)| cols as usize)
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
}

/// Prints stored rows to standard output, one JSON object a line or as a table built
/// by `table`. An empty table is said on standard error (`nothing`), unless `quiet`.
pub fn print_rows<T: Serialize>(
    rows: &[T],
    format: Format,
    table: impl FnOnce(&[T]) -> Table,
    nothing: impl FnOnce() -> String,
    quiet: bool,
) -> anyhow::Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut out, row).context("writing to standard output")?;
                writeln!(out).context("writing to standard output")?;
            }
        }
        Format::Table => {
            if rows.is_empty() && !quiet {
                eprintln!("dyad: {}", nothing());
            }
            table(rows).write(&mut out, table_width()).context("writing to standard output")?;
        }
    }
    out.flush().context("writing to standard output")
}
