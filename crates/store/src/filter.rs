//! What `docs` and `events` queries select.
use dyad_code::Modality;
use std::fmt;
use std::str::FromStr;

/// A date bound given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// Event dates can be partial too; a bound keeps every event whose period overlaps
/// it: `--since 2024-06-10` keeps an event dated `2024-06` or `2024`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateBound(String);

impl DateBound {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for DateBound {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        let parts: Vec<&str> = s.split('-').collect();
        let widths = [4, 2, 2];
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        for (part, width) in parts.iter().zip(widths) {
            if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
        }
        let in_range = |i: usize, lo: u32, hi: u32| {
            parts.get(i).is_none_or(|p| p.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v)))
        };
        if !in_range(1, 1, 12) || !in_range(2, 1, 31) {
            return Err(bad());
        }
        Ok(DateBound(s.to_string()))
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which documents to list. Empty fields select everything.
#[derive(Debug, Clone, Default)]
pub struct DocFilter {
    /// Exact outlet name.
    pub outlet: Option<String>,
    /// Publication date on or after.
    pub since: Option<DateBound>,
    /// Publication date on or before.
    pub until: Option<DateBound>,
    /// A document id, or a prefix of its content hash.
    pub doc: Option<String>,
    /// Story number.
    pub story: Option<u32>,
    pub limit: Option<usize>,
}

/// Which events to list. Empty fields select everything; actor and CAMEO codes match
/// by prefix (`RUS` matches `RUSGOV` and `RUSMIL`, `04` matches `042`).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Source or target actor.
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub cameo: Option<String>,
    /// Two-digit CAMEO root, exact.
    pub root: Option<String>,
    /// PLOVER event type, exact.
    pub plover: Option<String>,
    pub modality: Option<Modality>,
    /// Event date overlapping or after.
    pub since: Option<DateBound>,
    /// Event date overlapping or before.
    pub until: Option<DateBound>,
    /// A document id, or a prefix of its content hash.
    pub doc: Option<String>,
    /// Events of the documents of this story.
    pub story: Option<u32>,
    pub limit: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_accept_partial_dates_and_reject_others() {
        for ok in ["2024", "2024-06", "2024-06-19"] {
            assert_eq!(ok.parse::<DateBound>().unwrap().as_str(), ok);
        }
        for bad in ["", "24", "2024-6", "2024-13", "2024-06-32", "2024/06/19", "2024-06-19-1", "June"] {
            assert!(bad.parse::<DateBound>().is_err(), "{bad} accepted");
        }
    }
}
