//! Input arguments and per-document failures shared by the commands that read documents.
use anyhow::bail;
use dyad_doc::{Document, RawDocument, ReadError};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Files, directories, or `-` for standard input; none means standard input when it
/// is not a terminal.
pub fn resolve(inputs: Vec<PathBuf>) -> anyhow::Result<Vec<PathBuf>> {
    if !inputs.is_empty() {
        return Ok(inputs);
    }
    if std::io::stdin().is_terminal() {
        bail!("no inputs: give files, directories, or `-` to read standard input");
    }
    Ok(vec![PathBuf::from("-")])
}

/// Why one document could not be processed. Displays as `<file>: <problem>`, the file
/// being where the document was read (`path:line` for a JSONL record).
#[derive(Debug, thiserror::Error)]
pub enum DocFailure {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{origin}: no article text left after cleaning")]
    NoText { origin: String },
    #[error("{origin}: {bug}")]
    Bug { origin: String, bug: String },
}

/// Cleans a raw document; one whose body cleans away to nothing is a failure.
/// Returns where it was read from along with it.
pub fn prepare(raw: RawDocument) -> Result<(String, Document), DocFailure> {
    let origin = raw.source.clone();
    let doc = dyad_doc::prepare(raw);
    if doc.text.trim().is_empty() {
        return Err(DocFailure::NoText { origin });
    }
    Ok((origin, doc))
}
