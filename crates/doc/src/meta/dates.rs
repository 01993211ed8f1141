//! Publication dates written in text: "June 18, 2024", "Jun. 18, 2024", "18 June 2024",
//! "2024-06-18", "17.05.2024" (day first).
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b|(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+(\d{{4}})\b|(\d{{4}})-(\d{{2}})-(\d{{2}})|(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})\b)"
    ))
    .expect("date pattern")
});

fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).flat_map(char::to_lowercase).collect();
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

/// The first full date (day, month and year) in `s`.
pub fn find_date(s: &str) -> Option<NaiveDate> {
    for c in DATE.captures_iter(s) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = if let Some(m) = c.get(1) {
            NaiveDate::from_ymd_opt(n(3)? as i32, month_number(m.as_str())?, n(2)?)
        } else if let Some(m) = c.get(5) {
            NaiveDate::from_ymd_opt(n(6)? as i32, month_number(m.as_str())?, n(4)?)
        } else if c.get(7).is_some() {
            NaiveDate::from_ymd_opt(n(7)? as i32, n(8)?, n(9)?)
        } else {
            NaiveDate::from_ymd_opt(n(12)? as i32, n(11)?, n(10)?)
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

/// A dateline: a short line carrying a full date and no sentence ("June 18, 2024",
/// "Updated June 20, 2024 at 15:28 PM ET", "04:46 GMT 17.05.2024").
pub fn is_date_line(text: &str, words: usize) -> bool {
    words <= 12 && !text.ends_with('.') && find_date(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats() {
        assert_eq!(find_date("June 18, 2024"), d(2024, 6, 18));
        assert_eq!(find_date("by Jo Bloggs June 19, 2024 12:32 AM 6 min read"), d(2024, 6, 19));
        assert_eq!(find_date("18 June 2024"), d(2024, 6, 18));
        assert_eq!(find_date("Published 2024-06-18T10:00"), d(2024, 6, 18));
        assert_eq!(find_date("Jun. 18, 2024"), d(2024, 6, 18));
        assert_eq!(find_date("Sept. 3rd, 2023"), d(2023, 9, 3));
        assert_eq!(find_date("04:46 GMT 17.05.2024"), d(2024, 5, 17));
        assert_eq!(find_date("on Monday, June 10th, stating"), None);
        assert_eq!(find_date("February 30, 2024"), None);
        assert_eq!(find_date("Mayor 12 2024"), None);
    }

    #[test]
    fn datelines() {
        assert!(is_date_line("Updated June 20, 2024 at 15:28 PM ET", 8));
        assert!(!is_date_line("The treaty was signed on June 19, 2024.", 8));
    }
}
