use std::path::PathBuf;

/// A storage failure, naming the database file and what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {op}: {source}")]
    Sqlite {
        path: PathBuf,
        op: String,
        source: rusqlite::Error,
    },
    #[error("{path}: {op}: {source}")]
    Json {
        path: PathBuf,
        op: String,
        source: serde_json::Error,
    },
    #[error("{path}: no database here (run `dyad ingest` first, or pass --db)")]
    Missing { path: PathBuf },
    #[error(
        "{path}: database schema version {found} is newer than this dyad understands ({known}); upgrade dyad"
    )]
    TooNew { path: PathBuf, found: i64, known: i64 },
}
