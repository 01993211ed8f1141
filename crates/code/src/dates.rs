//! Event dates: finds time expressions in a sentence and resolves them against the
//! publication date ("on Tuesday", "Oct. 13", "last September", "in 2000").
//!
//! News reports events in the past more than in the future, so an expression that
//! could go either way (a bare weekday, a month without a year) resolves to the most
//! recent such date on or before publication, unless the caller says the event is
//! still to come ([`Tense::Future`]).
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::fmt;

/// A date to the day, the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl EventDate {
    pub fn day(d: NaiveDate) -> Self {
        EventDate { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }
    pub fn month(year: i32, month: u32) -> Self {
        EventDate { year, month: Some(month), day: None }
    }
    pub fn year(year: i32) -> Self {
        EventDate { year, month: None, day: None }
    }
}

impl fmt::Display for EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the output contract writes dates.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// Whether the event an expression dates has happened or is still to come, which
/// decides the direction of "Thursday" or "in August".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// A time expression found in a sentence: its character span and resolved date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub date: EventDate,
}

/// One word of the sentence with its character span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Splits into words (letters, digits, with inner `.`/`,`/`-` kept) and single
/// punctuation characters, with character offsets.
fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().enumerate().peekable();
    while let Some((ci, (bi, c))) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Word { text: &s[bi..bi + c.len_utf8()], start: ci, end: ci + 1 });
            continue;
        }
        let (mut cend, mut bend) = (ci + 1, bi + c.len_utf8());
        while let Some(&(cj, (bj, d))) = chars.peek() {
            if d.is_alphanumeric() {
                chars.next();
                cend = cj + 1;
                bend = bj + d.len_utf8();
            } else {
                break;
            }
        }
        out.push(Word { text: &s[bi..bend], start: ci, end: cend });
    }
    out
}

fn month_number(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ];
    const ABBREVIATIONS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    let lower = if lower == "sept" { "sep".to_string() } else { lower };
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .or_else(|| ABBREVIATIONS.iter().position(|m| *m == lower))
        .map(|i| i as u32 + 1)
}

/// The weekday a word names ("Monday").
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    match w.to_ascii_lowercase().as_str() {
        "monday" => Some(Weekday::Mon),
        "tuesday" => Some(Weekday::Tue),
        "wednesday" => Some(Weekday::Wed),
        "thursday" => Some(Weekday::Thu),
        "friday" => Some(Weekday::Fri),
        "saturday" => Some(Weekday::Sat),
        "sunday" => Some(Weekday::Sun),
        _ => None,
    }
}

/// A day of the month: "18", "18th", "1st".
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year between 1900 and 2099.
fn year_number(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        w.parse().ok().filter(|y| (1900..=2099).contains(y))
    } else {
        None
    }
}

/// The year that puts `month`/`day` nearest the reference in the tense's direction.
fn year_for(month: u32, day: u32, reference: NaiveDate, tense: Tense) -> i32 {
    let y = reference.year();
    let this_year = NaiveDate::from_ymd_opt(y, month, day.min(28)).unwrap_or(reference);
    match tense {
        Tense::Past if this_year > reference + Days::new(31) => y - 1,
        Tense::Future if this_year + Days::new(31) < reference => y + 1,
        _ => y,
    }
}

fn weekday_date(day: Weekday, reference: NaiveDate, tense: Tense) -> NaiveDate {
    let from = reference.weekday().num_days_from_monday() as i64;
    let to = day.num_days_from_monday() as i64;
    match tense {
        Tense::Past => reference - Days::new(((from - to).rem_euclid(7)) as u64),
        Tense::Future => reference + Days::new(((to - from).rem_euclid(7)) as u64),
    }
}

fn lower_is(w: Option<&Word<'_>>, options: &[&str]) -> bool {
    w.is_some_and(|w| options.iter().any(|o| w.text.eq_ignore_ascii_case(o)))
}

/// Finds and resolves every time expression in `sentence`. Expressions that need a
/// reference date (weekdays, "yesterday", months without a year) are skipped when
/// `reference` is `None`.
pub fn find(sentence: &str, reference: Option<NaiveDate>, tense: Tense) -> Vec<TimeExpr> {
    let ws = words(sentence);
    let mut found = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        match resolve_at(&ws, i, reference, tense) {
            Some((date, used)) => {
                found.push(TimeExpr { start: ws[i].start, end: ws[i + used - 1].end, date });
                i += used;
            }
            None => i += 1,
        }
    }
    found
}

/// Tries to read a time expression starting at word `i`; returns it and how many
/// words it used.
fn resolve_at(ws: &[Word<'_>], i: usize, reference: Option<NaiveDate>, tense: Tense) -> Option<(EventDate, usize)> {
    let w = ws[i];
    let next = ws.get(i + 1);
    let after = |k: usize| ws.get(i + k);
    let lower = w.text.to_ascii_lowercase();

    // ISO dates: 2024-06-18.
    if let Some(y) = year_number(w.text) {
        if lower_is(after(1), &["-"]) && lower_is(after(3), &["-"]) {
            let (m, d) = (after(2)?.text.parse().ok()?, after(4)?.text.parse().ok()?);
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some((EventDate::day(date), 5));
            }
        }
        return Some((EventDate::year(y), 1));
    }

    // "18 June 2024", "18 June".
    if let (Some(day), Some(m)) = (day_number(w.text), next.and_then(|n| month_number(n.text))) {
        if let Some(y) = after(2).and_then(|n| year_number(n.text)) {
            return NaiveDate::from_ymd_opt(y, m, day).map(|d| (EventDate::day(d), 3));
        }
        let reference = reference?;
        let y = year_for(m, day, reference, tense);
        return NaiveDate::from_ymd_opt(y, m, day).map(|d| (EventDate::day(d), 2));
    }

    // "June 18, 2024", "Oct. 13", "June 2024", "in June", "September last year".
    if let Some(m) = month_number(w.text) {
        let mut k = 1;
        if lower_is(after(k), &["."]) {
            k += 1;
        }
        if let Some(day) = after(k).and_then(|n| day_number(n.text)) {
            let mut used = k + 1;
            if lower_is(after(used), &[","]) && after(used + 1).and_then(|n| year_number(n.text)).is_some() {
                used += 1;
            }
            if let Some(y) = after(used).and_then(|n| year_number(n.text)) {
                return NaiveDate::from_ymd_opt(y, m, day).map(|d| (EventDate::day(d), used + 1));
            }
            let y = year_for(m, day, reference?, tense);
            return NaiveDate::from_ymd_opt(y, m, day).map(|d| (EventDate::day(d), used));
        }
        if let Some(y) = after(k).and_then(|n| year_number(n.text)) {
            return Some((EventDate::month(y, m), k + 1));
        }
        // "April of 2000".
        if lower_is(after(k), &["of"]) {
            if let Some(y) = after(k + 1).and_then(|n| year_number(n.text)) {
                return Some((EventDate::month(y, m), k + 2));
            }
        }
        if lower_is(after(1), &["last", "this", "next"]) && lower_is(after(2), &["year"]) {
            let y = reference?.year() + relative_offset(&after(1)?.text.to_ascii_lowercase());
            return Some((EventDate::month(y, m), 3));
        }
        // A bare month name is a date only after a word that introduces one:
        // "in May", "last September"; "May" alone is more often the modal verb.
        let prev = i.checked_sub(1).map(|p| ws[p].text.to_ascii_lowercase());
        let reference = reference?;
        return match prev.as_deref() {
            Some("last") | Some("previous") => {
                let y = if m < reference.month() { reference.year() } else { reference.year() - 1 };
                Some((EventDate::month(y, m), 1))
            }
            Some("next") | Some("coming") => {
                let y = if m > reference.month() { reference.year() } else { reference.year() + 1 };
                Some((EventDate::month(y, m), 1))
            }
            Some("in") | Some("since") | Some("early") | Some("late") | Some("mid") | Some("until") | Some("by")
            | Some("this") | Some("during") | Some("from") | Some("of") => {
                Some((EventDate::month(year_for(m, 15, reference, tense), m), 1))
            }
            _ => None,
        };
    }

    let reference = reference?;
    if let Some(day) = weekday(w.text) {
        let explicit = match i.checked_sub(1).map(|p| ws[p].text.to_ascii_lowercase()).as_deref() {
            Some("last") => Some(Tense::Past),
            Some("next") | Some("coming") => Some(Tense::Future),
            _ => None,
        };
        let date = weekday_date(day, reference, explicit.unwrap_or(tense));
        return Some((EventDate::day(date), 1));
    }
    match lower.as_str() {
        "today" | "tonight" => Some((EventDate::day(reference), 1)),
        "yesterday" => Some((EventDate::day(reference - Days::new(1)), 1)),
        "tomorrow" => Some((EventDate::day(reference + Days::new(1)), 1)),
        "last" | "this" | "next" | "past" => {
            let offset = relative_offset(&lower);
            match next.map(|n| n.text.to_ascii_lowercase()).as_deref() {
                Some("year") => Some((EventDate::year(reference.year() + offset), 2)),
                Some("month") => {
                    let d = shift_months(reference, offset);
                    Some((EventDate::month(d.year(), d.month()), 2))
                }
                Some("week") => {
                    let d = reference + chrono::Duration::weeks(offset as i64);
                    Some((EventDate::month(d.year(), d.month()), 2))
                }
                Some("morning") | Some("afternoon") | Some("evening") | Some("night") if lower == "this" => {
                    Some((EventDate::day(reference), 2))
                }
                Some("night") if lower == "last" => Some((EventDate::day(reference - Days::new(1)), 2)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn relative_offset(word: &str) -> i32 {
    match word {
        "last" | "past" => -1,
        "next" => 1,
        _ => 0,
    }
}

fn shift_months(d: NaiveDate, offset: i32) -> NaiveDate {
    if offset >= 0 {
        d.checked_add_months(Months::new(offset as u32)).unwrap_or(d)
    } else {
        d.checked_sub_months(Months::new((-offset) as u32)).unwrap_or(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The resolved dates of a sentence, as the output contract writes them.
    fn dates(sentence: &str, published: NaiveDate, tense: Tense) -> Vec<String> {
        find(sentence, Some(published), tense).iter().map(|t| t.date.to_string()).collect()
    }

    #[test]
    fn month_and_day_take_the_year_of_publication() {
        let published = ymd(2024, 6, 19);
        assert_eq!(
            dates("Russian President Vladimir Putin landed in Pyongyang on June 18 for the first time in 24 years.", published, Tense::Past),
            ["2024-06-18"]
        );
        // Published in June 2024, "Oct. 13" with no year is last October.
        assert_eq!(
            dates("The White House announced on Oct. 13 that North Korea had delivered more than 1,000 containers.", published, Tense::Past),
            ["2023-10-13"]
        );
    }

    #[test]
    fn explicit_years_and_full_dates() {
        let published = ymd(2024, 6, 18);
        assert_eq!(dates("Putin last visited Pyongyang in 2000, meeting Kim Jong Il.", published, Tense::Past), ["2000"]);
        assert_eq!(dates("by Katie Marie Davies June 19, 2024 12:32 AM", published, Tense::Past), ["2024-06-19"]);
        assert_eq!(dates("The summit opened on 9 July 2024 in Washington.", published, Tense::Past), ["2024-07-09"]);
        assert_eq!(dates("Kim toured Russia's Far East in September 2023.", published, Tense::Past), ["2023-09"]);
        assert_eq!(dates("Vladimir Putin visited Pyongyang in April of 2000;", published, Tense::Past), ["2000-04"]);
        assert_eq!(dates("The treaty was signed on 2024-06-19.", published, Tense::Past), ["2024-06-19"]);
    }

    #[test]
    fn weekdays_resolve_backwards_unless_the_event_is_to_come() {
        // Wednesday 19 June 2024.
        let published = ymd(2024, 6, 19);
        assert_eq!(dates("Putin arrived in Pyongyang on Tuesday.", published, Tense::Past), ["2024-06-18"]);
        assert_eq!(dates("He will travel to Hanoi on Thursday.", published, Tense::Future), ["2024-06-20"]);
        assert_eq!(dates("Talks continued on Wednesday.", published, Tense::Past), ["2024-06-19"]);
    }

    #[test]
    fn relative_months_and_years() {
        let published = ymd(2024, 6, 18);
        assert_eq!(dates("Kim visited the Vostochny Cosmodrome last September.", published, Tense::Past), ["2023-09"]);
        assert_eq!(dates("Kim toured Russia's Far East in September last year.", published, Tense::Past), ["2023-09"]);
        assert_eq!(dates("Seoul protested last year and again this month.", published, Tense::Past), ["2023", "2024-06"]);
        assert_eq!(dates("Officials met yesterday and will meet again tomorrow.", published, Tense::Past), ["2024-06-17", "2024-06-19"]);
        assert_eq!(dates("The ministers will meet next month.", published, Tense::Future), ["2024-07"]);
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        let published = ymd(2024, 6, 18);
        assert!(dates("North Korea may send more troops.", published, Tense::Future).is_empty());
        assert!(dates("Analysts say May could bring change.", published, Tense::Past).is_empty());
        assert_eq!(dates("Putin visited Beijing in May.", published, Tense::Past), ["2024-05"]);
        assert_eq!(dates("Putin visited Beijing on May 16.", published, Tense::Past), ["2024-05-16"]);
    }

    #[test]
    fn spans_point_at_the_expression() {
        let s = "Putin landed in Pyongyang on June 18 for talks.";
        let found = find(s, Some(ymd(2024, 6, 19)), Tense::Past);
        let chars: Vec<char> = s.chars().collect();
        let text: String = chars[found[0].start..found[0].end].iter().collect();
        assert_eq!(text, "June 18");
    }

    #[test]
    fn without_a_reference_only_absolute_dates_resolve() {
        assert!(find("Putin arrived on Tuesday.", None, Tense::Past).is_empty());
        assert_eq!(find("Putin visited in 2019.", None, Tense::Past)[0].date.to_string(), "2019");
    }
}
