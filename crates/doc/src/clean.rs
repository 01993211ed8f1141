//! Removing page junk. (stub: to be written)

/// Cleans scraped plain text: drops navigation, subscription boxes, captions,
/// photo credits and teasers; keeps every sentence of the body.
pub fn clean_text(raw: &str) -> String {
    raw.trim().to_string()
}

/// Extracts the main text of an HTML page.
pub fn extract_html(html: &str) -> String {
    html.to_string()
}
