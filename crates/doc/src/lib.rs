//! Documents in: everything between a file on disk and a clean article body.
//!
//! - [`read`] turns paths (files, directories, `-` for standard input) into
//!   [`RawDocument`]s, one error per unreadable input, never aborting the batch
//!   ([`read::documents`] streams a large JSONL file record by record).
//! - [`clean`] removes page junk from scraped text and extracts the main content of HTML.
//! - [`meta`] finds title, outlet, byline and publication date.
//! - [`prepare`] runs cleaning and metadata over a raw document and yields a [`Document`].
//!
//! This crate knows nothing of language analysis, events or storage.

pub mod clean;
pub mod document;
pub mod error;
pub mod meta;
pub mod read;

pub use document::{Document, Format, GivenMeta, RawDocument};
pub use error::ReadError;

/// Cleans a raw document and fills its metadata: the one entry point later stages use.
pub fn prepare(raw: RawDocument) -> Document {
    document::prepare(raw)
}
