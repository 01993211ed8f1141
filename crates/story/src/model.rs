//! The domain types of stories: articles grouped into a story, and the events they
//! share with their sources and disagreements.
use dyad_code::{CodedDocument, Modality};

/// Number of a story, from 1, in order of opening: stable once given, in a
/// [`crate::StoryIndex`] as in a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoryId(pub u32);

/// One article of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub coded: CodedDocument,
    /// Id of the earlier article this one is a near-duplicate (wire copy) of.
    pub duplicate_of: Option<String>,
}

impl Article {
    /// The outlet, or the document id where the outlet is unknown.
    pub fn outlet(&self) -> &str {
        self.coded.doc.outlet.as_deref().unwrap_or(&self.coded.doc.id)
    }
}

/// Articles from any number of outlets that tell the same story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: StoryId,
    pub articles: Vec<Article>,
}

impl Story {
    /// The title of the earliest article that has one, else the first document id.
    pub fn title(&self) -> String {
        self.articles
            .iter()
            .find_map(|a| a.coded.doc.title.clone())
            .or_else(|| self.articles.first().map(|a| a.coded.doc.id.clone()))
            .unwrap_or_default()
    }

    /// Distinct outlets, in order of first appearance.
    pub fn outlets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in &self.articles {
            if !out.contains(&a.outlet()) {
                out.push(a.outlet());
            }
        }
        out
    }

    /// The story's events, merged across articles, with their contests.
    pub fn events(&self) -> Vec<StoryEvent> {
        crate::merge::merge(self)
    }
}

/// One side of a merged event: the actor code as coded (`RUSGOV`) and the key it merges
/// on (its country, or the body's code for an international body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub key: String,
    pub actor: Option<String>,
    pub name: Option<String>,
}

/// One article's report of a story event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub outlet: String,
    pub doc_id: String,
    pub sentence: String,
    pub modality: Modality,
    /// The date as this source gives it (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    pub attribution: Option<String>,
    pub cameo: String,
    /// The article this one copies, when it is a near-duplicate.
    pub duplicate_of: Option<String>,
}

/// The same event as reported by one or more articles of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryEvent {
    pub source: Side,
    pub target: Side,
    /// CAMEO root (two digits).
    pub root: String,
    /// The CAMEO code given by most sources.
    pub cameo: String,
    /// The date given by most independent sources (the most precise one on a tie).
    pub date: Option<String>,
    pub sources: Vec<Source>,
    /// Distinct outlets after counting each wire copy with its original.
    pub independent_outlets: usize,
    pub contests: Vec<Contest>,
}

impl StoryEvent {
    /// Reported by at least two independent outlets.
    pub fn corroborated(&self) -> bool {
        self.independent_outlets >= 2
    }

    pub fn contested(&self) -> bool {
        !self.contests.is_empty()
    }

    /// Whether any source gives the event this modality.
    pub fn has_modality(&self, m: Modality) -> bool {
        self.sources.iter().any(|s| s.modality == m)
    }
}

/// What sources of one story event disagree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContestKind {
    Date,
    /// Happened (asserted or claimed) against did not (denied or negated).
    Modality,
    /// A figure about the thing named (`"shell"`).
    Figure(String),
}

/// One disagreement: each version and who gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contest {
    pub kind: ContestKind,
    pub versions: Vec<Version>,
}

/// One version of a contested fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub value: String,
    /// Indices into the story event's `sources`.
    pub sources: Vec<usize>,
}
