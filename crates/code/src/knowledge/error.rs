//! Errors from reading knowledge tables; each names the file and, where it has one, the line.
use std::path::PathBuf;

use super::codes::CodeError;

/// What went wrong on one line of a table.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("the header has no column {0:?}")]
    MissingColumn(&'static str),
    #[error("required column {0:?} is empty")]
    EmptyField(&'static str),
    #[error("{found} fields, but the header has {expected} columns")]
    FieldCount { expected: usize, found: usize },
    #[error("column {column:?}: {source}")]
    Code { column: &'static str, source: CodeError },
    #[error("column {column:?}: {value:?} is not a number")]
    Number { column: &'static str, value: String },
    #[error("column {column:?}: {value:?} is not a date (YYYY-MM-DD)")]
    Date { column: &'static str, value: String },
    #[error("column {column:?}: {value:?} is not one of {allowed}")]
    Choice { column: &'static str, value: String, allowed: &'static str },
    #[error("column {column:?}: {message}")]
    Invalid { column: &'static str, message: String },
    #[error("CAMEO code {0} is not in the CAMEO table")]
    UnknownCameo(String),
    #[error("the table has no header line")]
    NoHeader,
}

/// An error while loading knowledge tables.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("{file}:{line}: {problem}")]
    Line { file: String, line: usize, problem: Problem },
    #[error("{path}: cannot read: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{file}: the first column of the header is {found:?}; a knowledge table starts with one of: {expected}")]
    UnknownTable { file: String, found: String, expected: &'static str },
}
