//! Metadata found in the content itself. (stub: to be written)
use chrono::NaiveDate;

/// What the content says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoundMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
}

pub fn from_text(_raw: &str) -> FoundMeta {
    FoundMeta::default()
}

pub fn from_html(_html: &str) -> FoundMeta {
    FoundMeta::default()
}
