//! How commands end: problems with single inputs are reported one line each and the
//! run goes on; the exit status says whether anything failed.
//!
//! Exit status: 0 all inputs succeeded, 1 some input failed (the others were still
//! processed), 2 the command itself could not run (bad database, unwritable output).
use std::fmt::Display;
use std::io::{self, ErrorKind};
use std::process::ExitCode;

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    AllGood,
    SomeFailed,
}

impl Outcome {
    pub fn from_failures(failed: usize) -> Outcome {
        if failed == 0 {
            Outcome::AllGood
        } else {
            Outcome::SomeFailed
        }
    }
}

/// One line on standard error for an input that could not be processed; `problem`
/// names the input (`<file>: <problem>`).
pub fn input_failed(problem: &dyn Display) {
    eprintln!("dyad: {problem}");
}

pub fn exit_code(result: anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::AllGood) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        // The reader went away (`dyad code | head`): not a failure of ours.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == ErrorKind::BrokenPipe)
}
