//! `dyad text`: the cleaned body of an article, nothing else. A JSONL file's bodies
//! are printed one after another, separated by an empty line.
use super::inputs::{self, DocFailure};
use super::Context;
use crate::report::{self, Outcome};
use anyhow::Context as _;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The file to clean, or `-` for standard input.
    file: PathBuf,
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    let mut printed = 0;
    for input in dyad_doc::read::discover(&[args.file]) {
        let docs = match input {
            Ok(input) => dyad_doc::read::read_input(&input),
            Err(e) => vec![Err(e)],
        };
        for read in docs {
            match read.map_err(DocFailure::from).and_then(inputs::prepare) {
                Ok((_, doc)) => {
                    if printed > 0 {
                        writeln!(out).context("writing to standard output")?;
                    }
                    writeln!(out, "{}", doc.text.trim_end()).context("writing to standard output")?;
                    printed += 1;
                }
                Err(problem) => {
                    failed += 1;
                    report::input_failed(&problem);
                }
            }
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(Outcome::from_failures(failed))
}
