//! Stories across outlets: groups coded articles about the same story and merges the
//! events they share.
//!
//! - [`StoryIndex`] clusters articles incrementally, one at a time ([`index`]), with
//!   near-duplicate (wire copy) detection by MinHash ([`minhash`]). Its state alone is a
//!   [`Clusterer`], which a store persists a [`Delta`] per article and restores from a
//!   [`Snapshot`], so that later articles extend the stored stories.
//! - [`Story::events`] merges the events of a story's articles into [`StoryEvent`]s with
//!   every [`Source`] ([`merge`]) and the [`Contest`]s among them ([`contest`]).
//! - [`brief`] renders a story as Markdown or a self-contained HTML page.
//!
//! Reads only [`dyad_code::CodedDocument`]s and cleaned text; knows nothing of storage or
//! serving.
pub mod brief;
pub mod contest;
pub mod dates;
pub mod figures;
pub mod index;
pub mod merge;
pub mod minhash;
pub mod model;
pub mod terms;
pub mod vector;

pub use index::{Assignment, Clusterer, Config, Delta, SeenSnapshot, Snapshot, StoryIndex, StorySnapshot};
pub use minhash::Signature;
pub use model::{Article, Contest, ContestKind, Side, Source, Story, StoryEvent, StoryId, Version};

/// Clusters articles (each coding with its cleaned text) into stories, in the order given,
/// with the default configuration: what `dyad stories` runs.
pub fn cluster(articles: impl IntoIterator<Item = (dyad_code::CodedDocument, String)>) -> Vec<Story> {
    let mut index = StoryIndex::default();
    for (coded, text) in articles {
        index.add(coded, &text);
    }
    index.into_stories()
}
