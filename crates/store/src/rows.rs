//! Typed rows coming out of the store.
use dyad_code::{CodedDocument, Event};
use serde::Serialize;

/// One stored document's metadata (without its body), as `dyad docs` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocRow {
    pub hash: String,
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub language: String,
    pub text_chars: usize,
    /// Number of events stored for it.
    pub events: usize,
    pub ingested_at: String,
    /// Its story's number (none for a document stored before stories were kept).
    pub story: Option<u32>,
    /// Content hash of the article this one nearly duplicates (a wire copy).
    pub duplicate_of: Option<String>,
}

/// A stored document in full: metadata, cleaned body and coded record.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDoc {
    pub row: DocRow,
    pub text: String,
    pub coded: CodedDocument,
}

/// One stored event with the document it came from. Serialises as the output
/// contract's event with `doc_hash`, `doc_id` and `seq` added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub doc_hash: String,
    pub doc_id: String,
    /// Position of the event in its document's event list.
    pub seq: usize,
    #[serde(flatten)]
    pub event: Event,
}
