//! One module per command. Each has an `Args` (its flags, parsed by clap) and a `run`.
//!
//! Commands still to come (train, eval, serve) get a module here and a line in
//! `main.rs` when they do something.
pub mod annotate;
pub mod code;
pub mod docs;
pub mod eval;
pub mod events;
pub mod ingest;
pub mod quotes;
pub mod stories;
pub mod text;
pub mod train;

mod coding;
mod inputs;
mod output;
mod story_dates;

/// What every command may need besides its own flags.
pub struct Context {
    pub quiet: bool,
    /// The built-in knowledge, or it with the user's `--actors` tables on top.
    pub knowledge: &'static dyad_code::knowledge::Knowledge,
}

impl Context {
    pub fn new(quiet: bool, actors: &[std::path::PathBuf]) -> anyhow::Result<Context> {
        let knowledge = if actors.is_empty() {
            dyad_code::knowledge::Knowledge::embedded()
        } else {
            // Loaded once and used for the rest of the run.
            Box::leak(Box::new(dyad_code::knowledge::Knowledge::load_with_overrides(actors)?))
        };
        Ok(Context { quiet, knowledge })
    }

    /// The language analysis of a document's text with the shipped models.
    pub fn analyze(&self, doc: &dyad_doc::Document) -> Vec<dyad_nlp::AnnotatedSentence> {
        let analyzer = dyad_nlp::Analyzer::shipped().unwrap_or_else(|e| panic!("dyad's built-in models are broken: {e}"));
        analyzer.analyze(&doc.text)
    }

    /// Codes an analysed document; relative dates of an undated one resolve against
    /// `anchor`.
    pub fn code_analysed(
        &self,
        doc: &dyad_doc::Document,
        sentences: &[dyad_nlp::AnnotatedSentence],
        anchor: Option<chrono::NaiveDate>,
    ) -> dyad_code::CodedDocument {
        dyad_code::code_analysed(self.knowledge, doc, sentences, anchor)
    }
}
