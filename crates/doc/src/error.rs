use std::path::PathBuf;

/// Why one input (a file, or one line of a JSONL file) could not be read.
/// Each names the input, so a batch can report it in one line and go on.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: looks like a binary file, not text, HTML or JSONL")]
    Binary { path: PathBuf },
    #[error("{path}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: corrupt or truncated gzip: {reason}")]
    Gzip { path: PathBuf, reason: String },
    #[error("{path}: file is {size} bytes, over the {limit}-byte limit for one input")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: more than {limit} bytes once read or decompressed, over the limit for one input")]
    OverLimit { path: PathBuf, limit: u64 },
    #[error("{path}: not a regular file (a pipe, socket or device inside a directory is not read)")]
    NotRegular { path: PathBuf },
    #[error("{path}:{line}: {reason}")]
    BadRecord { path: PathBuf, line: usize, reason: String },
    #[error("{path}: unsupported file type (expected .txt, .html, .htm, .jsonl, optionally .gz)")]
    Unsupported { path: PathBuf },
}
