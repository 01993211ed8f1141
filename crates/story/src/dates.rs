//! Partial dates (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) as day intervals, for merging events
//! whose sources date them differently and for finding sources that disagree.
use chrono::NaiveDate;

/// The days a partial date covers, and how precise it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// To the day.
    pub exact: bool,
}

impl Span {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Span> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
        let year = i32::try_from(num(0)?).ok()?;
        match parts.len() {
            1 => Some(Span { first: NaiveDate::from_ymd_opt(year, 1, 1)?, last: NaiveDate::from_ymd_opt(year, 12, 31)?, exact: false }),
            2 => {
                let m = num(1)?;
                let first = NaiveDate::from_ymd_opt(year, m, 1)?;
                let next = if m == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(year, m + 1, 1)? };
                Some(Span { first, last: next.pred_opt()?, exact: false })
            }
            3 => {
                let d = NaiveDate::from_ymd_opt(year, num(1)?, num(2)?)?;
                Some(Span { first: d, last: d, exact: true })
            }
            _ => None,
        }
    }

    /// Days between the two spans; 0 when they overlap.
    pub fn gap_days(&self, other: &Span) -> i64 {
        if self.last < other.first {
            (other.first - self.last).num_days()
        } else if other.last < self.first {
            (self.first - other.last).num_days()
        } else {
            0
        }
    }
}

/// Whether two reported dates can be the same event: overlapping (equal, or one a prefix
/// of the other), within `days` of each other, or within a month when either is coarser
/// than a day. An unknown date is compatible with anything.
pub fn compatible(a: Option<&str>, b: Option<&str>, days: i64) -> bool {
    match (a.and_then(Span::parse), b.and_then(Span::parse)) {
        (Some(x), Some(y)) => {
            let limit = if x.exact && y.exact { days } else { 31 };
            x.gap_days(&y) <= limit
        }
        _ => true,
    }
}

/// Whether two sources give different dates for the event: the spans do not overlap and,
/// for dates to the day, lie more than a day apart (time zones and datelines make one day
/// of difference common among sources that agree).
pub fn disagree(a: &str, b: &str) -> bool {
    match (Span::parse(a), Span::parse(b)) {
        (Some(x), Some(y)) => {
            let gap = x.gap_days(&y);
            if x.exact && y.exact {
                gap > 1
            } else {
                gap > 0
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_agree_and_adjacent_months_disagree() {
        assert!(!disagree("2024-05", "2024-05-16"));
        assert!(!disagree("2024", "2024-05-16"));
        assert!(disagree("2023-10", "2023-09"));
        assert!(!disagree("2024-06-19", "2024-06-20"));
        assert!(disagree("2024-01-11", "2024-01-22"));
        assert!(compatible(Some("2023-10"), Some("2023-09"), 3));
        assert!(!compatible(Some("2024-01-11"), Some("2024-01-22"), 3));
        assert!(compatible(None, Some("2024-01-22"), 3));
        assert!(Span::parse("2024-13").is_none());
    }
}
