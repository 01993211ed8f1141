//! The loop every analysing command shares: read the inputs, code their documents in
//! parallel a batch at a time, and hand each to the command in input order. A document
//! that fails is reported on standard error and counted; the others go on.
use super::inputs::{self, DocFailure};
use super::{story_dates, Context};
use crate::batches::Batches;
use crate::guard::guarded;
use crate::report;
use dyad_code::CodedDocument;
use dyad_doc::Document;
use rayon::prelude::*;
use std::path::PathBuf;

/// A document with its coding, or why it could not be coded.
pub type Coded = Result<Analysed, DocFailure>;

/// A document, its coding, and for an undated one its language analysis, kept to code
/// it again against the date of its story ([`super::story_dates`]).
pub struct Analysed {
    pub doc: Document,
    pub coded: CodedDocument,
    pub sentences: Option<Vec<dyad_nlp::AnnotatedSentence>>,
}

/// Codes every document under `paths` and calls `visit` on each, in input order.
/// Undated documents resolve their relative dates against the other reports of their
/// story in the same batch ([`super::story_dates`]). Returns how many documents failed.
pub fn code_all(
    ctx: &Context,
    paths: &[PathBuf],
    mut visit: impl FnMut(Document, CodedDocument) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut failed = 0;
    for batch in Batches::new(paths) {
        let mut coded: Vec<Coded> = batch
            .into_par_iter()
            .map(|read| {
                let raw = read?;
                let origin = raw.source.clone();
                guarded(|| {
                    let (_, doc) = inputs::prepare(raw)?;
                    let sentences = ctx.analyze(&doc);
                    let coded = ctx.code_analysed(&doc, &sentences, None);
                    let sentences = doc.published.is_none().then_some(sentences);
                    Ok(Analysed { doc, coded, sentences })
                })
                .unwrap_or_else(|bug| Err(DocFailure::Bug { origin, bug }))
            })
            .collect();
        story_dates::anchor_undated(ctx, &mut coded);
        for item in coded {
            match item {
                Ok(Analysed { doc, coded, .. }) => visit(doc, coded)?,
                Err(problem) => {
                    failed += 1;
                    report::input_failed(&problem);
                }
            }
        }
    }
    Ok(failed)
}
