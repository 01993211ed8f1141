//! Readers: paths in, raw documents (or one error per bad input) out.
//! (stub: to be written)
//!
//! Reading happens in two steps so that callers can stream and parallelise:
//! [`discover`] expands the command-line inputs into [`Input`]s (walking directories),
//! and [`read_input`] reads one of them into zero or more documents (a JSONL file holds
//! many), each bad file or bad line an error in place.
use crate::{RawDocument, ReadError};
use std::path::{Path, PathBuf};

/// One item of a read: a document, or the reason one input failed.
pub type ReadResult = Result<RawDocument, ReadError>;

/// One readable input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// Expands inputs: files stay files, directories are walked recursively (in sorted
/// order, skipping hidden entries), `-` is standard input. Entries that cannot be
/// listed come back as errors in place.
pub fn discover<P: AsRef<Path>>(inputs: &[P]) -> Vec<Result<Input, ReadError>> {
    inputs
        .iter()
        .map(|p| Ok(Input::File(p.as_ref().to_path_buf())))
        .collect()
}

/// Reads one input into its documents.
pub fn read_input(input: &Input) -> Vec<ReadResult> {
    let _ = input;
    Vec::new()
}
