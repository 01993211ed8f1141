//! Event coding: from a cleaned, analysed document to the record of the output contract
//! (`doc`, `entities`, `events`, `quotes`).
//!
//! This crate reads [`dyad_doc::Document`] and the analysis of `dyad_nlp`; it knows
//! nothing of storage, stories or serving.

pub mod dates;
pub mod entities;
pub mod events;
pub mod knowledge;
pub mod quotes;
pub mod modality;
pub mod plover;
pub mod record;

pub use record::{ActorRef, Attribution, CodedDocument, DocRecord, Entity, Event, Location, Modality, Quote, QuoteKind, Speaker};

use dyad_doc::Document;

/// Analyses and codes one document with the shipped models and built-in knowledge.
///
/// # Panics
/// If the models or knowledge tables built into the binary cannot be loaded, which the
/// test suite rules out for every build.
pub fn code_document(doc: &Document) -> CodedDocument {
    let analyzer = dyad_nlp::Analyzer::shipped().unwrap_or_else(|e| panic!("dyad's built-in models are broken: {e}"));
    code_with(analyzer, knowledge::Knowledge::embedded(), doc)
}

/// Analyses and codes one document with the given models and knowledge.
pub fn code_with(analyzer: &dyad_nlp::Analyzer, knowledge: &knowledge::Knowledge, doc: &Document) -> CodedDocument {
    code_analysed(knowledge, doc, &analyzer.analyze(&doc.text), None)
}

/// Codes a document from its language analysis (`analyzer.analyze(&doc.text)`).
///
/// `anchor` is for a document whose publication date is unknown but can be estimated
/// (for example from other reports of the same story): relative dates in its text then
/// resolve against the estimate. `doc.published` still says null in the record; a
/// known publication date always wins over the anchor. Keeping the analysis lets a
/// caller code a document again with an anchor without analysing it twice.
pub fn code_analysed(
    knowledge: &knowledge::Knowledge,
    doc: &Document,
    sentences: &[dyad_nlp::AnnotatedSentence],
    anchor: Option<chrono::NaiveDate>,
) -> CodedDocument {
    let found = entities::resolve(sentences, &doc.text, doc.published.or(anchor), doc.outlet.as_deref());
    let quotes = quotes::find(&doc.text, sentences, &found);
    let events = events::code(
        knowledge,
        &events::Input { text: &doc.text, sentences, entities: &found, quotes: &quotes, published: doc.published, anchor },
    );
    CodedDocument { doc: DocRecord::from(doc), entities: found.records(), events, quotes }
}
