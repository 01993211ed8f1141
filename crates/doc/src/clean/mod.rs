//! Removing page junk: scraped text is cleaned line by line ([`text`]); HTML pages go
//! through main-content extraction first ([`html`]).
pub mod html;
pub mod junk;
pub mod markup;
pub mod text;

pub use html::HtmlArticle;

/// Cleans scraped plain text: drops navigation, subscription boxes, captions,
/// photo credits and teasers; keeps every sentence of the body.
pub fn clean_text(raw: &str) -> String {
    text::clean(raw)
}

/// Extracts the main text of an HTML page.
pub fn extract_html(html: &str) -> String {
    html::extract(html).text
}
