//! The whole language analysis of a text: sentences and tokens, then tags and lemmas,
//! the dependency parse and the entity spans, with the shipped models.
use crate::ner::NerModel;
use crate::parser::{Parser, ParserError, Scratch};
use crate::tagger::{Tagger, TaggerError};
use crate::{tokenize, AnnotatedSentence};
use std::sync::LazyLock;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("loading the shipped tagger model: {0}")]
    Tagger(#[from] TaggerError),
    #[error("loading the shipped parser model: {0}")]
    Parser(#[from] ParserError),
    #[error("loading the shipped entity model: {0}")]
    Ner(String),
}

/// The shipped models, loaded once.
pub struct Analyzer {
    tagger: Tagger,
    parser: Parser,
    ner: &'static NerModel,
}

static SHIPPED: LazyLock<Result<Analyzer, String>> = LazyLock::new(|| Analyzer::load_shipped().map_err(|e| e.to_string()));

impl Analyzer {
    /// The analyzer with the models built into the binary, loaded on first use and
    /// shared by every thread.
    pub fn shipped() -> Result<&'static Analyzer, &'static str> {
        SHIPPED.as_ref().map_err(String::as_str)
    }

    fn load_shipped() -> Result<Analyzer, PipelineError> {
        Ok(Analyzer {
            tagger: Tagger::load_embedded()?,
            parser: Parser::load_embedded()?,
            ner: NerModel::shipped().map_err(|e| PipelineError::Ner(e.to_string()))?,
        })
    }

    /// Splits `text` into sentences and adds every layer of analysis.
    pub fn analyze(&self, text: &str) -> Vec<AnnotatedSentence> {
        let mut sentences = tokenize::sentences(text);
        let mut scratch = Scratch::default();
        for sentence in &mut sentences {
            self.tagger.tag(&mut sentence.tokens);
            self.parser.parse_with(&mut sentence.tokens, &mut scratch);
        }
        // Entities over the whole text at once, so that a name is labelled the same
        // way in every sentence of the document.
        self.ner.tag_document(&mut sentences);
        sentences
    }
}
