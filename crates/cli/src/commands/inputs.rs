//! Input arguments shared by the commands that read documents.
use anyhow::bail;
use dyad_doc::{Document, RawDocument};
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

/// Why a document read fine but cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum Unusable {
    #[error("{origin}: no article text left after cleaning")]
    NoText { origin: String },
}

/// Cleans a raw document; one whose body cleans away to nothing is an error.
pub fn prepare(raw: RawDocument) -> Result<Document, Unusable> {
    let doc = dyad_doc::prepare(raw);
    if doc.text.trim().is_empty() {
        return Err(Unusable::NoText { origin: doc.source });
    }
    Ok(doc)
}
