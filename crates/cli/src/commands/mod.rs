//! One module per command. Each has an `Args` (its flags, parsed by clap) and a `run`.
//!
//! Commands still to come (train, eval, serve) get a module here and a line in
//! `main.rs` when they do something.
pub mod annotate;
pub mod code;
pub mod docs;
pub mod events;
pub mod ingest;
pub mod quotes;
pub mod stories;
pub mod text;

mod coding;
mod inputs;
mod output;

/// What every command may need besides its own flags.
pub struct Context {
    pub quiet: bool,
}
