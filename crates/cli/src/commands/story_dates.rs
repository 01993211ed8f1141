//! Dates for undated reports from the other reports of their story.
//!
//! A report with no publication date cannot resolve "on Thursday" from its own text.
//! Other outlets' reports of the same story usually carry one: the earliest of them
//! is when the story broke, and "Thursday" is read against it. The batch is clustered
//! into stories only when it holds an undated document, and only those are coded again,
//! from the analysis kept from the first pass.
use super::coding::{Analysed, Coded};
use super::Context;
use crate::guard::guarded;
use chrono::NaiveDate;
use dyad_story::{StoryId, StoryIndex};
use rayon::prelude::*;
use std::collections::HashMap;

/// Codes every undated document of `batch` again, anchored on the earliest publication
/// date of the dated documents it shares a story with.
pub fn anchor_undated(ctx: &Context, batch: &mut [Coded]) {
    let undated = |item: &Coded| matches!(item, Ok(a) if a.doc.published.is_none());
    if !batch.iter().any(undated) {
        return;
    }
    let mut index = StoryIndex::default();
    let mut earliest: HashMap<StoryId, NaiveDate> = HashMap::new();
    let mut story_of: Vec<Option<StoryId>> = vec![None; batch.len()];
    for (i, item) in batch.iter().enumerate() {
        let Ok(Analysed { doc, coded, .. }) = item else { continue };
        let story = index.add(coded.clone(), &doc.text).story;
        story_of[i] = Some(story);
        if let Some(published) = doc.published {
            earliest.entry(story).and_modify(|d| *d = (*d).min(published)).or_insert(published);
        }
    }
    let anchors: Vec<(usize, NaiveDate)> = (0..batch.len())
        .filter(|&i| undated(&batch[i]))
        .filter_map(|i| Some((i, *earliest.get(&story_of[i]?)?)))
        .collect();
    let recoded: Vec<(usize, dyad_code::CodedDocument)> = anchors
        .par_iter()
        .filter_map(|&(i, anchor)| {
            let Ok(Analysed { doc, sentences: Some(sentences), .. }) = &batch[i] else { return None };
            // A panic here keeps the first coding, which already succeeded.
            guarded(|| ctx.code_analysed(doc, sentences, Some(anchor))).ok().map(|c| (i, c))
        })
        .collect();
    for (i, coded) in recoded {
        if let Ok(analysed) = &mut batch[i] {
            analysed.coded = coded;
        }
    }
}
