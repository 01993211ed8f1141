//! `dyad code`: the stateless pipe. Documents in, one output-contract JSON object per
//! document out, in input order; coded in parallel a batch at a time.
use super::inputs::{self, DocFailure};
use super::Context;
use crate::batches::Batches;
use crate::guard::guarded;
use crate::report::{self, Outcome};
use anyhow::Context as _;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files (.txt, .html, .jsonl, optionally .gz), directories, or `-` for standard
    /// input; none reads standard input.
    inputs: Vec<PathBuf>,
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    let paths = inputs::resolve(args.inputs)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    for batch in Batches::new(&paths) {
        let lines: Vec<Result<String, DocFailure>> = batch
            .into_par_iter()
            .map(|read| {
                let raw = read?;
                let origin = raw.source.clone();
                guarded(|| {
                    let (origin, doc) = inputs::prepare(raw)?;
                    let coded = dyad_code::code_document(&doc);
                    serde_json::to_string(&coded).map_err(|e| DocFailure::Encode { origin, reason: e.to_string() })
                })
                .unwrap_or_else(|bug| Err(DocFailure::Bug { origin, bug }))
            })
            .collect();
        for line in lines {
            match line {
                Ok(json) => writeln!(out, "{json}").context("writing to standard output")?,
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
