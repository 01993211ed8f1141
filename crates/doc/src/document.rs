use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How the content of a raw document is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, possibly scraped with page junk left in.
    Text,
    /// An HTML page.
    Html,
}

/// Metadata that came with the input itself (JSONL fields), which wins over anything
/// found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenMeta {
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
}

/// An article as read, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// File stem, or the `id` given in JSONL input.
    pub id: String,
    /// Path or URL it came from (`path:line` for JSONL records).
    pub source: String,
    pub format: Format,
    pub content: String,
    pub given: GivenMeta,
}

/// A cleaned article with its metadata: what every later stage reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: String,
    /// The cleaned body. Every character offset dyad reports points into this string
    /// (offsets count Unicode scalar values, not bytes).
    pub text: String,
    /// BLAKE3 hash of the cleaned body, hex: the identity of a document in the store.
    pub content_hash: String,
}

impl Document {
    /// A document from text that is already clean (a sentence of a gold file, a test):
    /// no cleaning, no metadata but the publication date, English.
    pub fn from_text(id: &str, text: &str, published: Option<NaiveDate>) -> Document {
        Document {
            id: id.to_string(),
            source: id.to_string(),
            title: None,
            outlet: None,
            byline: None,
            published,
            language: "en".into(),
            text: text.to_string(),
            content_hash: content_hash(text),
        }
    }

    /// Length of the cleaned body in characters, as the output contract counts it.
    pub fn text_chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// BLAKE3 of the cleaned body, hex.
fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

pub(crate) fn prepare(raw: RawDocument) -> Document {
    let (text, found) = match raw.format {
        Format::Text => {
            let analysis = crate::clean::text::analyze(&raw.content);
            (analysis.body(), crate::meta::from_analysis(&analysis, &raw.content))
        }
        Format::Html => {
            let article = crate::clean::html::extract(&raw.content);
            let found = crate::meta::from_article(&article);
            (article.text, found)
        }
    };
    let given = raw.given;
    let content_hash = content_hash(&text);
    Document {
        id: raw.id,
        source: given.url.clone().unwrap_or(raw.source),
        title: given.title.or(found.title),
        outlet: given.outlet.or(found.outlet),
        byline: given.byline.or(found.byline),
        published: given.published.or(found.published),
        language: "en".to_string(),
        text,
        content_hash,
    }
}
