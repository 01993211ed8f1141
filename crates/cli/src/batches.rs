//! Reading inputs in bounded, ordered batches.
//!
//! Inputs are opened a group at a time in parallel (a text or HTML file is read whole
//! when opened, a JSONL file only opened); their documents (and read errors, in place)
//! then come out in input order, at most `batch_docs` at a time, a JSONL file line by
//! line as the batches are taken. Memory stays bounded by the batch size and the group
//! of small files, whatever the corpus size and however large one JSONL file is.
use dyad_doc::read::{self, Docs, Input};
use dyad_doc::ReadError;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::path::PathBuf;

pub use dyad_doc::read::ReadResult;

/// Documents per batch: large enough to keep every core busy, small enough that a
/// batch of articles and their coded records stays a few megabytes.
pub const BATCH_DOCS: usize = 256;
/// Inputs opened in parallel at a time.
const READ_AHEAD_FILES: usize = 64;

pub struct Batches {
    inputs: std::vec::IntoIter<Result<Input, ReadError>>,
    /// Opened inputs, in input order; the first is being drained.
    open: VecDeque<Docs>,
    batch_docs: usize,
}

impl Batches {
    pub fn new(paths: &[PathBuf]) -> Batches {
        Batches::with_batch_size(paths, BATCH_DOCS)
    }

    pub fn with_batch_size(paths: &[PathBuf], batch_docs: usize) -> Batches {
        Batches { inputs: read::discover(paths).into_iter(), open: VecDeque::new(), batch_docs: batch_docs.max(1) }
    }

    /// Opens the next group of inputs; false when none is left.
    fn open_more(&mut self) -> bool {
        let group: Vec<Result<Input, ReadError>> = self.inputs.by_ref().take(READ_AHEAD_FILES).collect();
        if group.is_empty() {
            return false;
        }
        let opened: Vec<Docs> = group
            .into_par_iter()
            .map(|input| match input {
                Ok(input) => read::documents(&input),
                Err(e) => Box::new(std::iter::once(Err(e))) as Docs,
            })
            .collect();
        self.open.extend(opened);
        true
    }
}

impl Iterator for Batches {
    type Item = Vec<ReadResult>;

    fn next(&mut self) -> Option<Vec<ReadResult>> {
        let mut batch = Vec::with_capacity(self.batch_docs.min(BATCH_DOCS));
        while batch.len() < self.batch_docs {
            if self.open.is_empty() && !self.open_more() {
                break;
            }
            let Some(stream) = self.open.front_mut() else { break };
            match stream.next() {
                Some(item) => batch.push(item),
                None => {
                    self.open.pop_front();
                }
            }
        }
        (!batch.is_empty()).then_some(batch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn ids(batch: &[ReadResult]) -> Vec<String> {
        batch.iter().map(|r| r.as_ref().map_or_else(|e| format!("error: {e}"), |d| d.id.clone())).collect()
    }

    #[test]
    fn documents_come_in_input_order_in_batches_of_the_size_asked() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("b.jsonl");
        let mut f = std::fs::File::create(&jsonl).unwrap();
        for i in 0..7 {
            writeln!(f, r#"{{"id": "j{i}", "text": "Report number {i} from the capital."}}"#).unwrap();
        }
        writeln!(f, "not json").unwrap();
        std::fs::write(dir.path().join("a.txt"), "A text file about a summit.").unwrap();
        std::fs::write(dir.path().join("c.txt"), "Another text file about talks.").unwrap();
        let missing = dir.path().join("missing.txt");
        let batches: Vec<Vec<ReadResult>> = Batches::with_batch_size(&[dir.path().to_path_buf(), missing], 3).collect();
        assert_eq!(batches.iter().map(Vec::len).collect::<Vec<_>>(), vec![3, 3, 3, 2]);
        let all: Vec<String> = batches.iter().flat_map(|b| ids(b)).collect();
        assert_eq!(&all[..8], ["a", "j0", "j1", "j2", "j3", "j4", "j5", "j6"]);
        assert!(all[8].starts_with("error") && all[8].contains("b.jsonl"), "{all:?}");
        assert_eq!(all[9], "c");
        assert!(all[10].starts_with("error") && all[10].contains("missing.txt"), "{all:?}");
    }

    #[test]
    fn a_large_jsonl_file_is_taken_a_batch_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("big.jsonl");
        let mut f = std::io::BufWriter::new(std::fs::File::create(&jsonl).unwrap());
        for i in 0..1000 {
            writeln!(f, r#"{{"id": "d{i}", "text": "Report {i}."}}"#).unwrap();
        }
        drop(f);
        let mut batches = Batches::with_batch_size(std::slice::from_ref(&jsonl), 100);
        let first = batches.next().unwrap();
        assert_eq!(ids(&first)[..2], ["d0", "d1"]);
        // The rest of the file is still to be read: appending to it shows in later batches.
        let mut more = std::fs::OpenOptions::new().append(true).open(&jsonl).unwrap();
        writeln!(more, r#"{{"id": "late", "text": "Appended after the first batch."}}"#).unwrap();
        let rest: Vec<String> = batches.flat_map(|b| ids(&b)).collect();
        assert_eq!(rest.len(), 901);
        assert_eq!(rest.last().map(String::as_str), Some("late"));
    }
}
