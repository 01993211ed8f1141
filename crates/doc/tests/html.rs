//! HTML pages: main text without the page furniture, metadata from what the page declares.
use dyad_doc::{prepare, Format, GivenMeta, RawDocument};

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour reopens after storm | Island Courier</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="Island Courier">
<meta name="author" content="Maria Borg">
<meta property="article:published_time" content="2024-01-12T10:05:00+01:00">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour reopens after storm",
 "datePublished": "2024-01-12T10:05:00+01:00", "author": {"@type": "Person", "name": "Maria Borg"},
 "publisher": {"@type": "Organization", "name": "Island Courier"}}
</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<main><article>
<h1>Harbour reopens after storm</h1>
<p class="byline">By Maria Borg</p>
<p>The harbour in Valletta reopened on Friday after a two-day closure caused by the storm that swept across the island earlier in the week.</p>
<p>Port officials said damage to the breakwater was limited and that ferries to Gozo would run on their normal timetable from Saturday morning.</p>
<p>"We were lucky this time," the harbour master told reporters, adding that crews had worked through the night to clear debris from the main channel.</p>
<p>The coast guard said no one was hurt during the storm, although two fishing boats sank at their moorings in Marsaxlokk.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Election date set</a></li><li><a href="/b">New bus routes</a></li></ul></aside>
<footer><p>© 2024 Island Courier. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>"#;

#[test]
fn main_text_and_metadata_of_a_page() {
    let doc = prepare(RawDocument {
        id: "p".into(),
        source: "p.html".into(),
        format: Format::Html,
        content: PAGE.into(),
        given: GivenMeta::default(),
    });
    assert!(doc.text.contains("The harbour in Valletta reopened on Friday"), "{}", doc.text);
    assert!(doc.text.contains("two fishing boats sank at their moorings in Marsaxlokk."));
    assert!(doc.text.contains("earlier in the week.\n\nPort officials said"), "paragraphs: {:?}", doc.text);
    for junk in ["Privacy policy", "Most read", "We use cookies", "New bus routes", "All rights reserved"] {
        assert!(!doc.text.contains(junk), "kept {junk:?}: {}", doc.text);
    }
    assert_eq!(doc.title.as_deref(), Some("Harbour reopens after storm"));
    assert_eq!(doc.outlet.as_deref(), Some("Island Courier"));
    assert_eq!(doc.byline.as_deref(), Some("Maria Borg"));
    assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2024-01-12"));
}

#[test]
fn page_without_an_article_gives_empty_text_not_a_panic() {
    for html in ["<html><body></body></html>", "<p>", "<<<>>>", "<html><body><nav><a href=/>Home</a></nav></body></html>"] {
        let a = dyad_doc::clean::html::extract(html);
        assert!(a.text.len() < 20, "{html:?} -> {:?}", a.text);
    }
}

#[test]
fn metadata_from_json_ld_and_time_element_alone() {
    let html = r#"<html><head><title>Dam talks end without deal - River Times</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Dam talks end without deal",
"author": [{"@type": "Person", "name": "Tomas Ruiz"}], "publisher": {"@type": "Organization", "name": "River Times"}}</script>
</head><body><article><h1>Dam talks end without deal</h1>
<time datetime="2025-03-04T18:00:00Z">4 March 2025</time>
<p>Negotiators from the two riverside states ended three days of talks on the dam without an agreement on Tuesday evening.</p>
<p>Both delegations said they would report to their governments before deciding whether to meet again next month.</p>
<p>The dispute over water releases from the reservoir has strained relations between the neighbours for more than a decade.</p>
</article></body></html>"#;
    let a = dyad_doc::clean::html::extract(html);
    let m = dyad_doc::meta::from_article(&a);
    assert_eq!(m.title.as_deref(), Some("Dam talks end without deal"));
    assert_eq!(m.byline.as_deref(), Some("Tomas Ruiz"));
    assert_eq!(m.outlet.as_deref(), Some("River Times"));
    assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2025-03-04"));
    assert!(a.text.starts_with("Negotiators from the two riverside states"), "{}", a.text);
}
