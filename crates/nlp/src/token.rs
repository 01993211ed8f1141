use serde::{Deserialize, Serialize};

/// One token with its character offsets into the text it came from
/// (offsets count Unicode scalar values; `end` is exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Universal POS tag, empty until tagged.
    pub upos: String,
    /// Penn Treebank tag, empty until tagged.
    pub xpos: String,
    pub lemma: String,
    /// Index of the head token within the sentence, `None` for the root or before parsing.
    pub head: Option<usize>,
    /// UD dependency relation, empty before parsing.
    pub deprel: String,
}

impl Token {
    pub fn new(text: impl Into<String>, start: usize, end: usize) -> Self {
        Token {
            text: text.into(),
            start,
            end,
            upos: String::new(),
            xpos: String::new(),
            lemma: String::new(),
            head: None,
            deprel: String::new(),
        }
    }
}

/// A named-entity span over token indices `[start, end)` of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    /// PER | ORG | LOC | GPE | NORP | DATE
    pub label: String,
}

/// A sentence and every layer of analysis added to it so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotatedSentence {
    /// Character offsets of the sentence in the text.
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    pub entities: Vec<EntitySpan>,
}

/// The class of a character in a word shape: `X` upper case, `x` lower case, `d` digit,
/// anything else itself ("Kim Jong-Un" → "Xxx Xxxx-Xx" before runs are shortened).
#[inline]
pub fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_ascii_digit() {
        'd'
    } else {
        c
    }
}
