//! Language analysis that dyad trains itself.
//!
//! Text flows through [`tokenize`] (tokens with character offsets, sentences), then the
//! tagger (UPOS, XPOS, lemma), the dependency parser and the entity tagger, each adding
//! its layer to an [`AnnotatedSentence`] without re-reading what came before.
//! Models are averaged perceptrons ([`perceptron`]) over hashed features, trained from
//! the UD English EWT treebank and Universal NER, and shipped inside the binary.
//!
//! This crate knows nothing of documents, events or storage: it takes `&str`.

pub mod conllu;
pub mod eval;
pub mod gazetteer;
pub mod lemma;
mod lookup;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod pipeline;
pub mod tagger;
pub mod token;
pub mod tokenize;

pub use pipeline::Analyzer;
pub use token::{AnnotatedSentence, EntitySpan, Token};
