//! Cleaning scraped plain text by classifying its lines.
//!
//! The text is cut into *units* (non-empty lines; a hard-wrapped line whose successor
//! starts in lower case is joined to it) grouped in *blocks* (runs of lines between
//! blank lines). Each unit is classified on its own, then a few context rules run:
//!
//! 1. Page furniture by wording (navigation, membership, newsletter and player boxes:
//!    [`super::junk`]), lines that are only a URL, bylines ("By Name …"), date lines,
//!    captions ending in a photo credit, and stand-alone credit lines are dropped.
//! 2. A *heading* — a line without final punctuation that is short (≤ 14 words) or in
//!    title case — is dropped: section heads, kickers ("WORLD"), teaser headlines and
//!    video notices. A long line without final punctuation is kept: it is body text cut
//!    off by the scraper.
//! 3. A line ending in a word cut by "…" is a teaser snippet.
//! 4. Context: a stand-alone credit also drops the photographer's name line and the
//!    caption above it in the same block; a lone name line followed by a line starting
//!    with that name ("Evan is an analyst …") is an author box, and the name the byline;
//!    the short line after "Sign up for our newsletter" is the newsletter's name; a body
//!    line repeated within three lines is a caption shown twice (both go), one repeated
//!    further on is a repeated block (the later copy goes); a line of 30 characters or
//!    more contained in a longer line is a copy of it (a repeated headline block).
//! 5. The title — the first heading of three or more words, or a short question or
//!    exclamation, before the body starts — goes to metadata, not the body.
//!
//! The body is the remaining lines, one paragraph each, joined by blank lines.
use super::junk;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a unit of scraped text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Body,
    Title,
    Heading,
    Byline,
    Dateline,
    /// A lone personal name (author or photographer).
    Name,
    /// Page furniture, captions, credits, author boxes, teasers.
    Junk,
    /// A copy of another line.
    Duplicate,
}

/// One non-empty line (or hard-wrapped lines joined), whitespace collapsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub text: String,
    /// Index of the blank-line-separated block it belongs to.
    pub block: usize,
    pub words: usize,
    pub class: Class,
}

/// The classified lines of one text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub units: Vec<Unit>,
    /// A name shown as an author box (lone name line followed by a bio).
    pub author_box: Option<String>,
}

impl Analysis {
    pub fn title(&self) -> Option<&str> {
        self.units.iter().find(|u| u.class == Class::Title).map(|u| u.text.as_str())
    }

    /// The cleaned body: body units, one paragraph each, separated by blank lines.
    pub fn body(&self) -> String {
        let mut out = String::new();
        for u in self.units.iter().filter(|u| u.class == Class::Body) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&u.text);
        }
        out
    }
}

/// Cleans scraped text: see the module documentation for the rules.
pub fn clean(raw: &str) -> String {
    analyze(raw).body()
}

/// Splits and classifies the lines of a scraped text.
pub fn analyze(raw: &str) -> Analysis {
    let mut units = split_units(raw);
    for u in units.iter_mut().filter(|u| u.class == Class::Body) {
        u.class = classify(&u.text, u.words);
    }
    drop_author_bios(&mut units);
    // Before the first sentence, a line without final punctuation is a headline or a
    // standfirst, however long.
    for u in units.iter_mut() {
        if u.class == Class::Body && !ends_terminal(&u.text) && u.words <= 30 {
            u.class = Class::Heading;
        } else if u.class == Class::Body {
            break;
        }
    }
    // A scrape cut off mid-sentence ends in a long line without final punctuation.
    if let Some(last) = units.last_mut() {
        if last.class == Class::Heading && last.words >= 8 && title_case_ratio(&last.text) < 0.5 {
            last.class = Class::Body;
        }
    }
    let author_box = context_rules(&mut units);
    drop_duplicates(&mut units);
    mark_title(&mut units);
    // A text that is all headline-like lines ("Putin meets Xi in Beijing") is its own
    // body: better a headline than nothing.
    if !units.iter().any(|u| u.class == Class::Body) {
        for u in units.iter_mut().filter(|u| matches!(u.class, Class::Title | Class::Heading)) {
            u.class = Class::Body;
        }
    }
    Analysis { units, author_box }
}

fn split_units(raw: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut block = 0;
    let mut line_buf = String::new();
    for line in raw.lines() {
        normalize_into(line, &mut line_buf);
        if line_buf.is_empty() {
            block += 1;
            continue;
        }
        let words = line_buf.split(' ').count();
        if junk::is_menu_line(line) {
            units.push(Unit { text: line_buf.clone(), block, words, class: Class::Junk });
            continue;
        }
        if let Some(last) = units.last_mut() {
            if last.block == block
                && !ends_terminal(&last.text)
                && starts_lowercase(&line_buf)
                && crate::meta::byline::name_after_by(&line_buf).is_none()
            {
                last.text.push(' ');
                last.text.push_str(&line_buf);
                last.words += words;
                continue;
            }
        }
        units.push(Unit { text: line_buf.clone(), block, words, class: Class::Body });
    }
    units
}

/// Collapses whitespace runs to one space, trims, and drops zero-width characters.
fn normalize_into(line: &str, out: &mut String) {
    out.clear();
    for w in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')));
    }
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Ends like a sentence (or a lead-in to a quote): `. ! ? … : ;`, looking through
/// closing quotes and brackets.
pub(crate) fn ends_terminal(s: &str) -> bool {
    let last = s
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*'));
    matches!(last, Some('.' | '!' | '?' | '…' | ':' | ';'))
}

fn classify(text: &str, words: usize) -> Class {
    if crate::meta::byline::is_byline(text, words) {
        return Class::Byline;
    }
    if junk::is_junk_phrase(text, words)
        || junk::is_url_line(text)
        || junk::is_credit_line(text, words)
        || junk::has_credit_tail(text)
        || crate::meta::outlet::is_tagline(text)
    {
        return Class::Junk;
    }
    if crate::meta::dates::is_date_line(text, words) {
        return Class::Dateline;
    }
    if ends_in_cut_word(text) {
        return Class::Junk;
    }
    if is_name_line(text, words) {
        return Class::Name;
    }
    if is_heading(text, words) {
        return Class::Heading;
    }
    Class::Body
}

/// A teaser snippet: "… by a Russ…".
fn ends_in_cut_word(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('…') && rev.next().is_some_and(char::is_alphanumeric)
}

/// No final punctuation and short or in title case.
fn is_heading(text: &str, words: usize) -> bool {
    !ends_terminal(text) && words <= 30 && (words <= 14 || title_case_ratio(text) >= 0.6)
}

/// Share of words longer than three letters that start with a capital.
fn title_case_ratio(text: &str) -> f32 {
    let (mut long, mut caps) = (0u32, 0u32);
    for w in text.split(' ') {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() > 3 {
            long += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
        }
    }
    if long == 0 {
        0.0
    } else {
        caps as f32 / long as f32
    }
}

/// "Julian Ryall", "Katie Marie Davies", "J. R. Smith": two to four capitalised words.
pub(crate) fn is_name_line(text: &str, words: usize) -> bool {
    (2..=4).contains(&words)
        && text.len() <= 40
        && text.split(' ').all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

const BIO_VERBS: &[&str] = &["is", "has", "was", "covers", "writes", "reports", "joined", "specializes", "specialises", "holds", "worked", "Journalist", "journalist", "Reporter", "reporter", "Correspondent", "correspondent"];

/// Drops author bios: a line that opens with a byline's name and a bio verb
/// ("Priya Raman is the Meridian Wire's South Asia correspondent ...").
fn drop_author_bios(units: &mut [Unit]) {
    let authors: Vec<String> = units
        .iter()
        .filter(|u| u.class == Class::Byline)
        .filter_map(|u| crate::meta::byline::name_after_by(&u.text))
        .flat_map(|names| names.split([',', '&']).flat_map(|n| n.split(" and ")).map(|n| n.trim().to_string()).collect::<Vec<_>>())
        .filter(|n| n.contains(' '))
        .collect();
    for u in units.iter_mut().filter(|u| u.class == Class::Body) {
        let is_bio = authors.iter().any(|name| {
            u.text.strip_prefix(name.as_str()).is_some_and(|rest| {
                rest.split(' ').nth(1).is_some_and(|verb| BIO_VERBS.contains(&verb))
            })
        });
        if is_bio {
            u.class = Class::Junk;
        }
    }
}

/// Applies the context rules; returns the author-box name if one was found.
fn context_rules(units: &mut [Unit]) -> Option<String> {
    let mut author_box = None;
    for i in 0..units.len() {
        let words = units[i].words;
        let class = units[i].class;
        // A stand-alone credit: drop the name line(s) and the caption above it.
        if class == Class::Junk && junk::is_credit_line(&units[i].text, words) {
            let block = units[i].block;
            let mut j = i;
            while j > 0 && units[j - 1].block == block && units[j - 1].class == Class::Name {
                j -= 1;
                units[j].class = Class::Junk;
            }
            if j > 0
                && units[j - 1].block == block
                && matches!(units[j - 1].class, Class::Body | Class::Heading)
                && units[j - 1].words <= 60
            {
                units[j - 1].class = Class::Junk;
            }
        }
        if class == Class::Junk && junk::is_newsletter_intro(&units[i].text) {
            let block = units[i].block;
            if let Some(next) = units.get_mut(i + 1) {
                if next.block == block && next.words <= 8 {
                    next.class = Class::Junk;
                }
            }
        }
        // Author box: a name line, then its bio or "More From Me".
        if class == Class::Name {
            let name = units[i].text.clone();
            let first = name.split(' ').next().unwrap_or_default().to_string();
            for k in i + 1..(i + 4).min(units.len()) {
                let t = &units[k].text;
                if t == &name {
                    continue;
                }
                let rest = t
                    .strip_prefix(&name)
                    .or_else(|| t.strip_prefix(&first))
                    .and_then(|r| r.strip_prefix(' '));
                let bio = rest.is_some_and(|r| {
                    let next_word = r.split(' ').next().unwrap_or_default();
                    t.starts_with(&name) || BIO_VERBS.contains(&next_word)
                });
                if bio {
                    units[k].class = Class::Junk;
                    author_box.get_or_insert(name.clone());
                    break;
                }
                if t.to_lowercase().starts_with("more from") {
                    author_box.get_or_insert(name.clone());
                    break;
                }
            }
        }
        // Teaser: "Headline" then "Snippet cut short..." in one block.
        if class == Class::Body
            && units[i].text.ends_with("...")
            && i > 0
            && units[i - 1].block == units[i].block
            && units[i - 1].class == Class::Heading
        {
            units[i].class = Class::Junk;
        }
    }
    author_box
}

/// Removes exact repeats and lines contained in longer body lines (see module docs),
/// after separating sentences glued by a missing space ("Heilongjiang.The").
fn drop_duplicates(units: &mut [Unit]) {
    static GLUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\p{Ll}{2,})\.(\p{Lu}\p{Ll})").expect("glued pattern"));
    for u in units.iter_mut().filter(|u| u.class == Class::Body) {
        if let std::borrow::Cow::Owned(fixed) = GLUED.replace_all(&u.text, "$1. $2") {
            u.text = fixed;
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut marks = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.class != Class::Body {
            // A body line repeating a caption or headline is that caption again.
            seen.entry(&u.text).or_insert(i);
            continue;
        }
        match seen.get(u.text.as_str()) {
            Some(&first) => {
                marks.push(i);
                if i - first <= 3 && u.text.len() <= 400 {
                    marks.push(first);
                }
            }
            None => {
                seen.insert(&u.text, i);
            }
        }
    }
    for i in marks {
        units[i].class = Class::Duplicate;
    }
    // Containment: one joined haystack, so each line costs one linear search.
    const MIN_CONTAINED: usize = 30;
    let mut hay = String::new();
    for u in units.iter().filter(|u| u.class == Class::Body) {
        hay.push_str(&u.text);
        hay.push('\u{1}');
    }
    // Each line is searched in the whole text: quadratic, so very long texts (not
    // articles: logs, concatenated corpora) skip this rule.
    const MAX_HAYSTACK: usize = 256 * 1024;
    if hay.len() > MAX_HAYSTACK {
        return;
    }
    let mut contained = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.class == Class::Body && u.text.len() >= MIN_CONTAINED && hay.matches(u.text.as_str()).nth(1).is_some() {
            contained.push(i);
        }
    }
    for i in contained {
        units[i].class = Class::Duplicate;
    }
}

/// Marks the title: the first heading of 3–30 words, or a short question or
/// exclamation line, before the first body sentence.
fn mark_title(units: &mut [Unit]) {
    for u in units.iter_mut().take(20) {
        let candidate = match u.class {
            Class::Heading => (3..=30).contains(&u.words),
            Class::Body => u.words <= 20 && (u.text.ends_with('?') || u.text.ends_with('!')) && !u.text.starts_with(['"', '“']),
            _ => false,
        };
        if candidate {
            u.class = Class::Title;
            return;
        }
        if u.class == Class::Body {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_endings() {
        assert!(ends_terminal("He said so."));
        assert!(ends_terminal("“We will win,” he said.”"));
        assert!(ends_terminal("Putin said:"));
        assert!(!ends_terminal("‘Terror Must Fail’"));
        assert!(!ends_terminal("Next stop Vietnam"));
    }

    #[test]
    fn headings_and_names() {
        assert!(is_heading("Rogue alliance", 2));
        assert!(is_heading("Russia, China and North Korea have new dynamics. And it’s bad for Ukraine", 13));
        let cut = "The Russian leader is expected to take part in the opening ceremonies of the eighth Russian-Chinese EXPO and the fourth";
        assert!(!is_heading(cut, cut.split(' ').count()));
        assert!(is_name_line("Julian Ryall", 2));
        assert!(!is_name_line("Rogue alliance", 2));
        assert!(!is_name_line("Putin arrived.", 2));
    }

    #[test]
    fn text_without_sentences_is_kept_whole() {
        assert_eq!(clean("Putin meets Xi in Beijing"), "Putin meets Xi in Beijing");
        assert_eq!(clean("Skip to content\nTalks in Geneva\nDelegates arrive"), "Talks in Geneva\n\nDelegates arrive");
        assert_eq!(analyze("Putin meets Xi in Beijing").title(), None);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let a = analyze("Officials said on Monday that the talks\nwould resume in Geneva next week.\n");
        assert_eq!(a.body(), "Officials said on Monday that the talks would resume in Geneva next week.");
    }
}
