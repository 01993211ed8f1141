//! The output contract of `dyad code`: one [`CodedDocument`] per article.
//! Field names and meanings here are a public interface; add, never rename.
use serde::{Deserialize, Serialize};

/// Everything dyad knows about one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodedDocument {
    pub doc: DocRecord,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
}

/// The `doc` part: where the article came from and what it says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// ISO date.
    pub published: Option<String>,
    pub language: String,
    pub text_chars: usize,
}

impl From<&dyad_doc::Document> for DocRecord {
    fn from(d: &dyad_doc::Document) -> Self {
        DocRecord {
            id: d.id.clone(),
            source: d.source.clone(),
            title: d.title.clone(),
            outlet: d.outlet.clone(),
            byline: d.byline.clone(),
            published: d.published.map(|p| p.format("%Y-%m-%d").to_string()),
            language: d.language.clone(),
            text_chars: d.text_chars(),
        }
    }
}

/// A person, state, body or place, all its mentions merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    /// PER | ORG | LOC | GPE | NORP | MISC
    pub label: String,
    pub actor: Option<String>,
    pub mentions: usize,
    pub aliases: Vec<String>,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub text: String,
    pub actor: Option<String>,
    pub country: Option<String>,
    pub name: Option<String>,
}

/// How sure the text is that an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Claimed,
    Denied,
    Planned,
    Possible,
    Negated,
}

/// Whose word a claimed or denied event rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub text: String,
    pub name: Option<String>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One interaction between two political actors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub source: ActorRef,
    pub target: ActorRef,
    pub cameo: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: String,
    pub modality: Modality,
    pub attribution: Option<Attribution>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    pub location: Option<Location>,
    pub sentence: String,
    /// Character offsets of the sentence in the cleaned body.
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub text: String,
    pub name: Option<String>,
    pub description: Option<String>,
}

/// Something a named speaker said, directly or in reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Speaker,
    pub text: String,
    pub kind: QuoteKind,
    pub span: [usize; 2],
}
