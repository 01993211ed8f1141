//! Who said what: direct quotes (text in quotation marks, at least five words, with a
//! speaker) and indirect quotes (reported speech with a named speaker), each with the
//! speaker resolved to the document's entity, its full name and description.
//!
//! Quotation marks are found on the characters ([`marks`]); speakers and reported
//! clauses on the tokens around them ([`speaker`], [`indirect`]). A quote's `span` is
//! the character range of the quoted text in the text given.
mod indirect;
mod lexicon;
pub mod marks;
mod speaker;

use crate::entities::DocumentEntities;
use crate::record::{Quote, QuoteKind, Speaker};
use dyad_nlp::AnnotatedSentence;
pub use lexicon::is_speech_verb;
use marks::Segment;

/// Fewer words in quotation marks are a scare quote, a title or a fragment.
pub const MIN_DIRECT_WORDS: usize = 5;

/// Everything the quote finders look at, computed once per document.
pub(crate) struct Doc<'a> {
    pub chars: Vec<char>,
    pub sentences: &'a [AnnotatedSentence],
    pub entities: &'a DocumentEntities,
    pub segments: Vec<Segment>,
    /// For each sentence and token: the segment the token lies in, marks included.
    pub seg_of: Vec<Vec<Option<usize>>>,
    /// Character offsets of line breaks, sorted.
    newlines: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &str, sentences: &'a [AnnotatedSentence], entities: &'a DocumentEntities) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let segments = marks::segments(&chars);
        let seg_of = sentences
            .iter()
            .map(|s| {
                s.tokens
                    .iter()
                    .map(|t| {
                        let i = segments.partition_point(|g| g.close < t.start);
                        segments.get(i).filter(|g| g.open <= t.start && t.end <= g.close + 1).map(|_| i)
                    })
                    .collect()
            })
            .collect();
        let newlines = chars.iter().enumerate().filter(|(_, c)| **c == '\n').map(|(i, _)| i).collect();
        Doc { chars, sentences, entities, segments, seg_of, newlines }
    }

    pub fn text(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        self.chars[start.min(end)..end].iter().collect()
    }

    /// Number of line breaks before a character offset: equal numbers, same paragraph.
    pub fn paragraph(&self, at: usize) -> usize {
        self.newlines.partition_point(|&n| n < at)
    }

    /// (sentence, token) of the token starting at character `at`.
    pub fn token_at(&self, at: usize) -> Option<(usize, usize)> {
        let si = self.sentences.partition_point(|s| s.end <= at);
        let s = self.sentences.get(si)?;
        let ti = s.tokens.partition_point(|t| t.end <= at);
        s.tokens.get(ti).filter(|t| t.start <= at).map(|_| (si, ti))
    }

    pub fn in_quote(&self, si: usize, ti: usize) -> Option<usize> {
        self.seg_of.get(si).and_then(|v| v.get(ti)).copied().flatten()
    }
}

/// A direct quotation with its speaker, before it becomes a [`Quote`].
#[derive(Debug, Clone)]
struct Direct {
    segments: Vec<usize>,
    speaker: Option<speaker::Found>,
}

/// Finds the direct and indirect quotes of a document whose sentences and entities
/// have been analysed.
pub fn find(text: &str, sentences: &[AnnotatedSentence], entities: &DocumentEntities) -> Vec<Quote> {
    let doc = Doc::new(text, sentences, entities);
    let mut out = Vec::new();
    for d in direct(&doc) {
        let Some(sp) = &d.speaker else { continue };
        let words: usize = d.segments.iter().map(|&g| doc.segments[g].words).sum();
        if words < MIN_DIRECT_WORDS {
            continue;
        }
        let first = &doc.segments[d.segments[0]];
        let last = &doc.segments[*d.segments.last().unwrap_or(&d.segments[0])];
        let text = d
            .segments
            .iter()
            .map(|&g| clean_quoted(&doc.text(doc.segments[g].start, doc.segments[g].end)))
            .collect::<Vec<_>>()
            .join(" ");
        let speaker = sp.to_speaker(&doc);
        // A quote attributed jointly to two people is listed once for each.
        for &other in &sp.also {
            if let Some(e) = doc.entities.get(other) {
                let speaker = Speaker { text: speaker.text.clone(), name: Some(e.name.clone()), description: e.description.clone() };
                out.push(Quote { speaker, text: text.clone(), kind: QuoteKind::Direct, span: [first.start, last.end] });
            }
        }
        out.push(Quote { speaker, text, kind: QuoteKind::Direct, span: [first.start, last.end] });
    }
    for q in indirect::find(&doc) {
        out.push(q);
    }
    out.sort_by_key(|q| q.span[0]);
    out
}

/// Quoted text without the comma that hands over to the attribution.
fn clean_quoted(s: &str) -> String {
    s.trim().trim_end_matches([',', ' ']).to_string()
}

/// Direct quotes: every quoted segment with its speaker; segments of one utterance
/// (`"...," he said, "..."`) joined.
fn direct(doc: &Doc) -> Vec<Direct> {
    let n = doc.segments.len();
    let mut found: Vec<Option<speaker::Found>> = (0..n).map(|g| speaker::of_segment(doc, g)).collect();
    // Quotes that run on across paragraphs, or follow in the next sentence of the same
    // paragraph without an attribution of their own, share the speaker.
    for g in 1..n {
        if found[g].is_none() && speaker::continues(doc, g - 1, g) {
            found[g] = found[g - 1].clone();
        }
    }
    for g in (0..n.saturating_sub(1)).rev() {
        if found[g].is_none() && doc.segments[g + 1].continues && doc.segments[g].words >= MIN_DIRECT_WORDS {
            found[g] = found[g + 1].clone();
        }
    }
    let mut out: Vec<Direct> = Vec::new();
    for (g, speaker) in found.iter().enumerate().take(n) {
        if let Some(prev) = out.last_mut() {
            let p = *prev.segments.last().unwrap_or(&g);
            if speaker::resumes(doc, p, g) && prev.speaker.is_some() {
                prev.segments.push(g);
                continue;
            }
        }
        out.push(Direct { segments: vec![g], speaker: speaker.clone() });
    }
    out
}

impl speaker::Found {
    fn to_speaker(&self, doc: &Doc) -> Speaker {
        let e = doc.entities.get(self.entity);
        Speaker {
            text: self.text.clone(),
            name: e.map(|e| e.name.clone()),
            description: self.description.clone().or_else(|| e.and_then(|e| e.description.clone())),
        }
    }
}
