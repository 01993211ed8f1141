//! The common table format: TAB-separated columns, a header line naming them, `#` comments,
//! blank lines ignored, list values separated by `|`.
use std::sync::Arc;

use chrono::NaiveDate;

use super::codes::CodeError;
use super::error::{KnowledgeError, Problem};

/// Where an entry was read from, kept so users can find the line that gave a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: usize,
}

/// A parsed table: its header and its records.
pub struct Table<'a> {
    pub file: Arc<str>,
    columns: Vec<&'a str>,
    body: std::iter::Enumerate<std::str::Lines<'a>>,
}

/// The first column of a table's header, which says which table it is.
pub fn first_column(text: &str) -> Option<&str> {
    data_lines(text.trim_start_matches('\u{feff}')).next().map(|(_, l)| l.split('\t').next().unwrap_or("").trim())
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

impl<'a> Table<'a> {
    pub fn parse(file: &str, text: &'a str) -> Result<Table<'a>, KnowledgeError> {
        let file: Arc<str> = Arc::from(file);
        // Spreadsheet exports often start with a byte-order mark.
        let text = text.trim_start_matches('\u{feff}');
        let mut body = text.lines().enumerate();
        for (_, line) in body.by_ref() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let columns = line.split('\t').map(str::trim).collect();
            return Ok(Table { file, columns, body });
        }
        Err(KnowledgeError::Line { file: file.to_string(), line: 0, problem: Problem::NoHeader })
    }

    /// The index of a column; an error naming it when the header lacks it.
    pub fn column(&self, name: &'static str) -> Result<usize, KnowledgeError> {
        self.columns.iter().position(|c| *c == name).ok_or_else(|| KnowledgeError::Line {
            file: self.file.to_string(),
            line: 1,
            problem: Problem::MissingColumn(name),
        })
    }

    /// The index of an optional column.
    pub fn optional_column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == name)
    }
}

/// One record: its fields and where it came from.
pub struct Record<'a> {
    pub origin: Origin,
    fields: Vec<&'a str>,
}

impl<'a> Iterator for Table<'a> {
    type Item = Result<Record<'a>, KnowledgeError>;

    fn next(&mut self) -> Option<Self::Item> {
        for (i, line) in self.body.by_ref() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let origin = Origin { file: self.file.clone(), line: i + 1 };
            let mut fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() > self.columns.len() {
                return Some(Err(KnowledgeError::Line {
                    file: self.file.to_string(),
                    line: i + 1,
                    problem: Problem::FieldCount { expected: self.columns.len(), found: fields.len() },
                }));
            }
            // Trailing empty columns may be left off.
            fields.resize(self.columns.len(), "");
            return Some(Ok(Record { origin, fields }));
        }
        None
    }
}

impl<'a> Record<'a> {
    pub fn error(&self, problem: Problem) -> KnowledgeError {
        KnowledgeError::Line { file: self.origin.file.to_string(), line: self.origin.line, problem }
    }

    /// The field in column `col` (an index from [`Table::column`]); empty when absent.
    pub fn get(&self, col: Option<usize>) -> &'a str {
        col.and_then(|c| self.fields.get(c).copied()).unwrap_or("")
    }

    pub fn required(&self, col: usize, name: &'static str) -> Result<&'a str, KnowledgeError> {
        let v = self.get(Some(col));
        if v.is_empty() {
            Err(self.error(Problem::EmptyField(name)))
        } else {
            Ok(v)
        }
    }

    /// A `|`-separated list, empty items dropped.
    pub fn list(&self, col: Option<usize>) -> Vec<String> {
        split_list(self.get(col))
    }

    pub fn code<T: std::str::FromStr<Err = CodeError>>(&self, col: usize, name: &'static str) -> Result<T, KnowledgeError> {
        self.required(col, name)?
            .parse()
            .map_err(|source| self.error(Problem::Code { column: name, source }))
    }

    pub fn optional_number(&self, col: Option<usize>, name: &'static str) -> Result<Option<f64>, KnowledgeError> {
        let v = self.get(col);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse()
            .map(Some)
            .map_err(|_| self.error(Problem::Number { column: name, value: v.to_string() }))
    }

    pub fn optional_date(&self, col: Option<usize>, name: &'static str) -> Result<Option<NaiveDate>, KnowledgeError> {
        let v = self.get(col);
        if v.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| self.error(Problem::Date { column: name, value: v.to_string() }))
    }
}

pub fn split_list(v: &str) -> Vec<String> {
    v.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}
