//! Metadata found in the content itself: title, outlet, byline, publication date.
//!
//! From scraped text: the title is the first headline-like line before the body (see
//! [`crate::clean::text`]); the byline a "By …" line or a lone name line shown as an
//! author box; the date the first full date on a byline or dateline (never a date
//! inside a body sentence); the outlet from site signatures ([`outlet`]).
//! From HTML: what the page declares (`og:title`/`<title>`, site name, author,
//! `article:published_time`, JSON-LD), as read by the extraction crate.
pub mod byline;
pub mod dates;
pub mod outlet;

use crate::clean::text::{self, Analysis, Class};
use crate::clean::HtmlArticle;
use chrono::NaiveDate;

/// What the content says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoundMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
}

pub fn from_text(raw: &str) -> FoundMeta {
    from_analysis(&text::analyze(raw), raw)
}

/// Metadata of a text already split and classified.
pub fn from_analysis(a: &Analysis, raw: &str) -> FoundMeta {
    let byline_units = a.units.iter().filter(|u| u.class == Class::Byline);
    let byline = byline_units
        .clone()
        .find_map(|u| byline::name_after_by(&u.text))
        .or_else(|| a.author_box.clone());
    let published = byline_units
        .chain(a.units.iter().filter(|u| u.class == Class::Dateline))
        .find_map(|u| dates::find_date(&u.text));
    FoundMeta {
        title: a.title().map(str::to_string),
        outlet: outlet::from_signatures(raw).map(str::to_string).or_else(|| outlet::from_self_reference(raw)),
        byline,
        published,
    }
}

pub fn from_html(html: &str) -> FoundMeta {
    from_article(&crate::clean::html::extract(html))
}

/// Metadata of an extracted HTML page.
pub fn from_article(a: &HtmlArticle) -> FoundMeta {
    FoundMeta {
        title: a.title.clone(),
        outlet: a.sitename.clone(),
        byline: a.author.clone(),
        published: a.date,
    }
}
