//! `dyad code`: the stateless pipe. Documents in, one output-contract JSON object per
//! document out, in input order; coded in parallel a batch at a time.
use super::coding::code_all;
use super::inputs;
use super::Context;
use crate::report::Outcome;
use anyhow::Context as _;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files (.txt, .html, .jsonl, optionally .gz), directories, or `-` for standard
    /// input; none reads standard input.
    inputs: Vec<PathBuf>,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let paths = inputs::resolve(args.inputs)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let failed = code_all(ctx, &paths, |_, coded| {
        let json = serde_json::to_string(&coded).context("encoding a coded document as JSON")?;
        writeln!(out, "{json}").context("writing to standard output")
    })?;
    out.flush().context("writing to standard output")?;
    Ok(Outcome::from_failures(failed))
}
