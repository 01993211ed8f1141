//! Tokenizer and sentence splitter for news text. (stub: to be written)
use crate::{AnnotatedSentence, Token};

/// Splits text into sentences of tokens, with character offsets into `text`.
pub fn sentences(text: &str) -> Vec<AnnotatedSentence> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, (ci, c)) in text.char_indices().enumerate() {
        let _ = ci;
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let word: String = text.chars().skip(s).take(i - s).collect();
                tokens.push(Token::new(word, s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        let n = text.chars().count();
        tokens.push(Token::new(text.chars().skip(s).collect::<String>(), s, n));
    }
    if !tokens.is_empty() {
        out.push(AnnotatedSentence {
            start: tokens[0].start,
            end: tokens[tokens.len() - 1].end,
            tokens,
            entities: Vec::new(),
        });
    }
    out
}
