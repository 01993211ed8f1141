//! Reading inputs in bounded, ordered batches.
//!
//! Files are read a group at a time in parallel; their documents (and read errors, in
//! place) come out in input order, at most `batch_docs` at a time, so memory stays
//! bounded by the batch size (and the largest single input) whatever the corpus size.
use dyad_doc::read::{self, Input, ReadResult};
use dyad_doc::ReadError;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::path::PathBuf;

/// Documents per batch: large enough to keep every core busy, small enough that a
/// batch of articles and their coded records stays a few megabytes.
pub const BATCH_DOCS: usize = 256;
/// Files read in parallel before they are split into batches.
const READ_AHEAD_FILES: usize = 64;

pub struct Batches {
    inputs: std::vec::IntoIter<Result<Input, ReadError>>,
    pending: VecDeque<ReadResult>,
    batch_docs: usize,
}

impl Batches {
    pub fn new(paths: &[PathBuf]) -> Batches {
        Batches {
            inputs: read::discover(paths).into_iter(),
            pending: VecDeque::new(),
            batch_docs: BATCH_DOCS,
        }
    }
}

impl Iterator for Batches {
    type Item = Vec<ReadResult>;

    fn next(&mut self) -> Option<Vec<ReadResult>> {
        while self.pending.len() < self.batch_docs {
            let group: Vec<Result<Input, ReadError>> = self.inputs.by_ref().take(READ_AHEAD_FILES).collect();
            if group.is_empty() {
                break;
            }
            let read: Vec<Vec<ReadResult>> = group
                .into_par_iter()
                .map(|input| match input {
                    Ok(input) => read::read_input(&input),
                    Err(e) => vec![Err(e)],
                })
                .collect();
            self.pending.extend(read.into_iter().flatten());
        }
        if self.pending.is_empty() {
            return None;
        }
        let n = self.pending.len().min(self.batch_docs);
        Some(self.pending.drain(..n).collect())
    }
}
