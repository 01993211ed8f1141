//! Attachment scores of a parser against gold CoNLL-U trees.
use super::{Parser, Scratch};
use crate::conllu::Sentence;
use crate::Token;

/// Unlabelled and labelled attachment scores over all words (punctuation included).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Attachment {
    pub words: usize,
    /// Words with the right head.
    pub heads: usize,
    /// Words with the right head and the right full relation (with subtype).
    pub labelled: usize,
    /// Words with the right head and the right universal relation (subtype ignored).
    pub labelled_universal: usize,
}

impl Attachment {
    pub fn uas(&self) -> f64 {
        pct(self.heads, self.words)
    }
    pub fn las(&self) -> f64 {
        pct(self.labelled, self.words)
    }
    /// LAS on universal relations, as the CoNLL 2018 shared task scored it.
    pub fn las_universal(&self) -> f64 {
        pct(self.labelled_universal, self.words)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Tokens for the words of `s`, carrying its forms and tags (gold or whatever the
/// caller put there).
pub fn tokens_of(s: &Sentence) -> Vec<Token> {
    s.words
        .iter()
        .map(|w| {
            let mut t = Token::new(w.form.clone(), 0, 0);
            t.upos.clone_from(&w.upos);
            t.xpos.clone_from(&w.xpos);
            t
        })
        .collect()
}

/// Parses every sentence (with the tags it carries) and scores against its gold tree.
pub fn evaluate(parser: &Parser, sentences: &[Sentence]) -> Attachment {
    let mut acc = Attachment::default();
    let mut scratch = Scratch::default();
    for s in sentences {
        let mut tokens = tokens_of(s);
        parser.parse_with(&mut tokens, &mut scratch);
        for (t, w) in tokens.iter().zip(&s.words) {
            acc.words += 1;
            let head = t.head.map_or(0, |h| h + 1);
            if head == w.head {
                acc.heads += 1;
                if t.deprel == w.deprel {
                    acc.labelled += 1;
                }
                if universal(&t.deprel) == universal(&w.deprel) {
                    acc.labelled_universal += 1;
                }
            }
        }
    }
    acc
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}
