//! Main-content extraction from HTML pages, on top of the `trafilatura` crate
//! (a port of go-trafilatura), which scored best on the article-extraction benchmark
//! (see docs/benchmarks-doc.md).
use chrono::NaiveDate;

/// What one pass over an HTML page yields: the main text and the metadata the page
/// declares about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Main text, paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub sitename: Option<String>,
    pub date: Option<NaiveDate>,
}

fn options() -> trafilatura::Options {
    trafilatura::Options::default()
        .with_fallback(true)
        .with_exclude_comments(true)
        .with_deduplicate(false)
}

/// Extracts the main text and metadata of an HTML page. A page with no recognisable
/// article yields an empty text, never an error.
pub fn extract(html: &str) -> HtmlArticle {
    let Ok(result) = trafilatura::extract(html, &options()) else {
        return HtmlArticle::default();
    };
    let md = result.metadata;
    HtmlArticle {
        text: paragraphs(&result.content_text),
        title: non_empty(md.title),
        author: non_empty(md.author),
        sitename: non_empty(md.sitename),
        date: md.date,
    }
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Normalises extracted text to one paragraph per non-empty line, joined by blank lines,
/// with runs of inner whitespace collapsed.
pub(crate) fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let mut first = true;
        for w in words {
            if !first {
                out.push(' ');
            }
            out.push_str(w);
            first = false;
        }
    }
    out
}
