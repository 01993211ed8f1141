//! Storage of coded documents in an embedded SQLite database.
//!
//! One database file holds every ingested article (its cleaned body, metadata and
//! coded JSON) and one row per event, entity and quote, so that `dyad events` and
//! friends can filter without re-reading JSON.
//!
//! Invariants:
//! - A document's identity is the BLAKE3 hash of its cleaned body: storing the same
//!   article twice is a no-op ([`Insertion::AlreadyPresent`]).
//! - A document and all its rows are written in one transaction (a savepoint inside a
//!   batch), so a killed run leaves whole documents only.
//! - The schema is created and upgraded by numbered migrations in [`schema`].
//! - Every document stored is assigned to a story in the same transaction, and the
//!   clustering state grows with it ([`stories`](crate::Store::stories)), so a later
//!   run extends the stored stories without clustering anything again.
//!
//! This crate knows nothing of reading files, language analysis or the command line.

mod error;
mod filter;
mod query;
mod rows;
pub mod schema;
mod stories;
mod store;

pub use error::StoreError;
pub use filter::{DateBound, DocFilter, EventFilter};
pub use rows::{DocRow, EventRow, StoredDoc};
pub use stories::{Assigned, StoryStats};
pub use store::{Insertion, Stats, Store};
