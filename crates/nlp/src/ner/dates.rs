//! DATE spans by rule: named dates, not durations or relative words.
//!
//! "June 18", "Oct. 13", "June 19, 2024", "18 June 2024", "Tuesday", "Tuesday, June 18",
//! "June 2022", "2024", "2022-2023", "1990s", and a named month or day after
//! "last", "next" or "this" ("last September" gives "September": the modifier and
//! "the" before a decade stay outside, as news annotation has it). A lone four-digit number is a year
//! between 1800 and 2100 unless money, a percentage or a counted noun follows
//! ("2000 soldiers"); "May" alone is a month except at the start of a sentence.
use crate::gazetteer::{GazKind, Gazetteer};

fn day_number(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn year(w: &str) -> bool {
    let four = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
    if four(w) {
        return true;
    }
    // "2022-2023", "2022/23"
    if let Some((a, b)) = w.split_once(['-', '/', '–']) {
        return four(a) && (four(b) || ((1..=2).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_digit())));
    }
    false
}

/// "1990s", "'90s"
fn decade(w: &str) -> bool {
    let d = w.strip_suffix('s').unwrap_or("");
    let short = d.strip_prefix(['\'', '’']).is_some_and(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit()));
    (d.len() == 4 && d.ends_with('0') && year(d)) || short
}

/// Words before a bare year that make it a date whatever follows ("in 2021 demonstrates").
fn date_preposition(prev: &str) -> bool {
    matches!(
        prev,
        "in" | "In" | "since" | "Since" | "from" | "until" | "till" | "by" | "of" | "during" | "around" | "before" | "after"
            | "early" | "late" | "mid" | "between" | "the" | "The" | "'s" | "’s" | "through" | "circa" | "c." | "to" | "and"
    )
}

/// Words after a bare year that show it is a count, not a date.
fn counts_something(next: &str) -> bool {
    next.chars().next().is_some_and(|c| c.is_lowercase())
        && !matches!(
            next,
            "and" | "or" | "to" | "when" | "that" | "as" | "after" | "before" | "until" | "with" | "in" | "on" | "at" | "for"
                | "of" | "the" | "was" | "were" | "is" | "had" | "has" | "elections" | "election" | "budget" | "census"
                | "season" | "summit" | "war" | "polls" | "vote" | "olympics" | "world" | "through" | "by" | "but" | "which"
        )
}

/// DATE spans `[start, end)` over `words`, left to right, not overlapping.
pub fn find(words: &[&str], gaz: &Gazetteer) -> Vec<(usize, usize)> {
    let kind = |i: usize| words.get(i).and_then(|w| gaz.word(w));
    let is = |i: usize, k: GazKind| kind(i) == Some(k);
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut start = i;
        let mut j = i;
        if matches!(word(i), "last" | "next" | "this" | "Last" | "Next" | "This")
            && (is(i + 1, GazKind::Month) || is(i + 1, GazKind::Weekday))
        {
            j = i + 1;
            start = j;
        }
        let end = if is(j, GazKind::Weekday) {
            // Tuesday [,] [June 18 [, 2024]]
            let mut e = j + 1;
            let k = if word(e) == "," { e + 1 } else { e };
            if is(k, GazKind::Month) && day_number(word(k + 1)) {
                e = k + 2;
                e = with_year(words, e);
            } else if day_number(word(k)) && is(k + 1, GazKind::Month) {
                e = with_year(words, k + 2);
            }
            Some(e)
        } else if is(j, GazKind::Month) {
            if day_number(word(j + 1)) {
                Some(with_year(words, j + 2))
            } else if year(word(j + 1)) {
                Some(j + 2)
            } else if word(j) == "May" && j == 0 {
                None
            } else if word(j) == "March" && words.get(j + 1).is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()))
                && !matches!(word(j + 1), "and" | "or" | "to" | "when" | "last" | "next" | "this")
                && j > 0 && !matches!(word(j - 1), "in" | "of" | "since" | "until" | "by" | "early" | "late" | "mid" | "from" | "last" | "next" | "this" | "on" | "during")
            {
                // "to March on the capital": the verb.
                None
            } else {
                Some(j + 1)
            }
        } else if day_number(word(j)) && is(j + 1, GazKind::Month) {
            Some(with_year(words, j + 2))
        } else if word(j) == "the" && day_number(word(j + 1)) && word(j + 2) == "of" && is(j + 3, GazKind::Month) {
            Some(with_year(words, j + 4))
        } else if decade(word(j)) {
            Some(j + 1)
        } else if year(word(j)) {
            let prev = if j > 0 { word(j - 1) } else { "" };
            let next = word(j + 1);
            let money = matches!(prev, "$" | "€" | "£" | "US$") || matches!(next, "%" | "percent" | "per");
            (!money && (date_preposition(prev) || !counts_something(next))).then_some(j + 1)
        } else {
            None
        };
        match end {
            Some(e) => {
                out.push((start, e));
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// Extends a date ending at `e` over ", 2024" or " 2024".
fn with_year(words: &[&str], e: usize) -> usize {
    match words.get(e) {
        Some(w) if year(w) => e + 1,
        Some(&",") if words.get(e + 1).is_some_and(|w| year(w)) => e + 2,
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        let toks = crate::tokenize::tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        find(&words, Gazetteer::builtin()).into_iter().map(|(s, e)| words[s..e].join(" ")).collect()
    }

    #[test]
    fn finds_dates_in_news_sentences() {
        assert_eq!(dates("Russian President Vladimir Putin landed in Pyongyang on June 18"), ["June 18"]);
        assert_eq!(dates("The White House announced on Oct. 13 that North Korea had delivered 5,000 shells"), ["Oct. 13"]);
        assert_eq!(dates("On Tuesday, June 18, 2024, and again on 19 June 2024 and in 2000"), [
            "Tuesday , June 18 , 2024",
            "19 June 2024",
            "2000"
        ]);
        assert_eq!(dates("Kim toured Russia's Far East last September, not in the 1990s."), ["September", "1990s"]);
        assert_eq!(dates("May I ask? It began in May and sent 2000 soldiers for $2024."), ["May"]);
        assert_eq!(dates("In the 2022-2023 season, 12 people died."), ["2022-2023"]);
        assert_eq!(dates("The country's experience in 2021 demonstrates this, as during the 1976-1983 dictatorship."), ["2021", "1976-1983"]);
        assert_eq!(dates("Flights on Mondays and Fridays."), ["Mondays", "Fridays"]);
    }
}
