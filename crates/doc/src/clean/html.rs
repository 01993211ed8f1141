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
    let title = non_empty(md.title);
    HtmlArticle {
        text: postprocess(super::markup::paragraphs(&result.content_html), title.as_deref()),
        title,
        author: non_empty(md.author),
        sitename: non_empty(md.sitename),
        date: md.date,
    }
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Light post-processing of the extracted paragraphs: the headline (repeated from the
/// title) and the byline go to metadata; lines of page furniture and photo credits the
/// extractor let through are dropped (the same tables as for scraped text).
/// (Dropping short paragraphs that repeat on a page was tried and cost recall.)
fn postprocess(paras: Vec<String>, title: Option<&str>) -> String {
    let mut out = String::new();
    for (i, p) in paras.iter().enumerate() {
        let words = p.split(' ').count();
        let is_title = i < 3 && title.is_some_and(|t| t == p);
        let junk = super::junk::is_junk_phrase(p, words)
            || super::junk::is_credit_line(p, words)
            || super::junk::is_url_line(p)
            || super::junk::has_credit_tail(p)
            || (i < 5 && crate::meta::byline::is_byline(p, words));
        if is_title || junk {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}
