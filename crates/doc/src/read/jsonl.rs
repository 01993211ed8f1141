//! JSONL: one article per line, read as a stream so a large file never sits in memory.
use super::bytes::{io_or_gzip, MAX_DOC_BYTES};
use crate::{Format, GivenMeta, RawDocument, ReadError};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::Deserialize;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The fields dyad reads from a record; others are ignored.
#[derive(Deserialize)]
struct Record {
    id: Option<Id>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    text: Option<String>,
    html: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(u64),
}

/// Streams the records of a JSONL source. Blank lines are skipped; each bad line is one
/// [`ReadError::BadRecord`] and the lines after it still come through.
pub struct Records<R> {
    reader: R,
    path: PathBuf,
    stem: String,
    gzip: bool,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Records<R> {
    pub fn new(reader: R, path: &Path, stem: &str, gzip: bool) -> Self {
        Records {
            reader,
            path: path.to_path_buf(),
            stem: stem.to_string(),
            gzip,
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn bad(&self, reason: impl Into<String>) -> ReadError {
        ReadError::BadRecord { path: self.path.clone(), line: self.line_no, reason: reason.into() }
    }

    /// Reads the next line into `buf`. `Ok(false)` at the end; `Ok(true)` with
    /// `overflow` set when the line was longer than the limit (its rest is skipped).
    fn next_line(&mut self) -> Result<Option<bool>, ReadError> {
        self.buf.clear();
        let mut overflow = false;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_or_gzip(e, &self.path, self.gzip)),
            };
            if chunk.is_empty() {
                return Ok(any.then_some(overflow));
            }
            any = true;
            let (take, end) = match memchr_nl(chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            if !overflow {
                if (self.buf.len() + take) as u64 > MAX_DOC_BYTES {
                    overflow = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            self.reader.consume(if end { take + 1 } else { take });
            if end {
                return Ok(Some(overflow));
            }
        }
    }

    fn parse(&self) -> Result<RawDocument, ReadError> {
        let line = std::str::from_utf8(&self.buf)
            .map_err(|e| self.bad(format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())))?;
        let rec: Record =
            serde_json::from_str(line).map_err(|e| self.bad(format!("not a JSON article record: {e}")))?;
        let published = match rec.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(
                parse_published(s)
                    .ok_or_else(|| self.bad(format!("published: cannot read {s:?} as a date")))?,
            ),
        };
        let (format, content) = match (rec.text, rec.html) {
            (Some(t), _) if !t.trim().is_empty() => (Format::Text, t),
            (_, Some(h)) if !h.trim().is_empty() => (Format::Html, h),
            (None, None) => return Err(self.bad("record has neither \"text\" nor \"html\"")),
            _ => return Err(self.bad("record's \"text\"/\"html\" is empty")),
        };
        let id = match rec.id {
            Some(Id::Text(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Id::Number(n)) => n.to_string(),
            _ => format!("{}-{}", self.stem, self.line_no),
        };
        let nonblank = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(RawDocument {
            id,
            source: format!("{}:{}", self.path.display(), self.line_no),
            format,
            content,
            given: GivenMeta {
                url: nonblank(rec.url),
                outlet: nonblank(rec.outlet),
                title: nonblank(rec.title),
                byline: nonblank(rec.byline),
                published,
            },
        })
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<RawDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let overflow = match self.next_line() {
                Ok(Some(o)) => o,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    // A broken stream cannot be resumed.
                    self.done = true;
                    return Some(Err(e));
                }
            };
            self.line_no += 1;
            if overflow {
                return Some(Err(self.bad(format!("line is over the {MAX_DOC_BYTES}-byte limit"))));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse());
        }
        None
    }
}

fn memchr_nl(s: &[u8]) -> Option<usize> {
    s.iter().position(|&b| b == b'\n')
}

/// `YYYY-MM-DD`, or an ISO 8601 / RFC 3339 date-time (with or without offset).
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(|dt| dt.date())
        .or_else(|| {
            // "2024-06-19T08:00:00+0900" and similar offsets chrono's RFC 3339 rejects.
            DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z").ok().map(|d| d.date_naive())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 19).unwrap();
        for s in ["2024-06-19", "2024-06-19T00:32:00Z", "2024-06-19T00:32:00+03:00", "2024-06-19T00:32:00.123",
            "2024-06-19 00:32", "2024-06-19T08:00:00+0900"]
        {
            assert_eq!(parse_published(s), Some(d), "{s}");
        }
        assert_eq!(parse_published("19/06/2024"), None);
        assert_eq!(parse_published("2024-02-30"), None);
    }
}
