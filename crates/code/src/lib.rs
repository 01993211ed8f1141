//! Event coding: from a cleaned, analysed document to the record of the output contract
//! (`doc`, `entities`, `events`, `quotes`).
//!
//! This crate reads [`dyad_doc::Document`] and the analysis of `dyad_nlp`; it knows
//! nothing of storage, stories or serving.

pub mod dates;
pub mod entities;
pub mod knowledge;
pub mod quotes;
pub mod modality;
pub mod record;

pub use record::{ActorRef, Attribution, CodedDocument, DocRecord, Entity, Event, Location, Modality, Quote, QuoteKind, Speaker};

use dyad_doc::Document;

/// Analyses and codes one document.
pub fn code_document(doc: &Document) -> CodedDocument {
    CodedDocument {
        doc: DocRecord::from(doc),
        entities: Vec::new(),
        events: Vec::new(),
        quotes: Vec::new(),
    }
}
