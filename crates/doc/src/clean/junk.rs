//! What page junk looks like: phrase tables and the few patterns for photo credits.
//! Matching is on one line (a "unit") at a time; [`super::text`] applies the context rules.
use regex::Regex;
use std::sync::LazyLock;

/// Lines starting with one of these (lowercased, after list numbering) are page
/// furniture, not article text: navigation, membership and newsletter boxes, players.
const JUNK_PREFIXES: &[&str] = &[
    "skip to ",
    "accessibility links",
    "play live radio",
    "available on air stations",
    "next up:",
    "no media source currently available",
    "please use chrome browser",
    "please wait",
    "this audio is created with ai",
    "listen to this article",
    "support independent journalism",
    "support us ",
    "become a member",
    "editors' picks",
    "editors’ picks",
    "editor's picks",
    "more from me",
    "enter your email",
    "please, enter",
    "please enter your",
    "please enter a valid",
    "* indicates required",
    "indicates required",
    "successfully subscribed",
    "successfuly subscribed",
    "thank you for signing up",
    "thanks for signing up",
    "thank you for subscribing",
    "sign up for",
    "sign up to",
    "subscribe to ",
    "subscribe now",
    "subscribe below",
    "we’ve sent you a confirmation",
    "we've sent you a confirmation",
    "click here",
    "edited by:",
    "before you leave:",
    "breaking news",
    "read more",
    "related:",
    "related articles",
    "related stories",
    "read also",
    "also read",
    "see also:",
    "share this",
    "share on ",
    "follow us",
    "copyright ",
    "©",
    "all rights reserved",
    "you may also like",
    "recommended for you",
    "most read",
    "most popular",
    "watch live",
    "we use cookies",
    "download the app",
    "open in app",
    "story continues below",
    "continue reading",
    "by signing up",
    "about the author",
    "follow her on",
    "follow him on",
    "follow us on",
    "trending now",
    "table of contents",
];

/// Whole lines (lowercased, without trailing colon) that are labels, not text.
const JUNK_LINES: &[&str] = &[
    "advert", "advertisement", "tags", "share", "comments", "print", "email", "categories", "related", "menu", "search",
    "home", "close", "loading...", "sponsored",
];

/// Longer boxes can still be junk; beyond this many words a line is trusted as text.
const JUNK_PREFIX_MAX_WORDS: usize = 40;

/// True for a line of page furniture recognised by its wording.
pub fn is_junk_phrase(line: &str, words: usize) -> bool {
    if words > JUNK_PREFIX_MAX_WORDS {
        return false;
    }
    let head = lower_head(strip_list_marker(line), 48);
    if words <= 2 && JUNK_LINES.contains(&head.trim_end_matches(':')) {
        return true;
    }
    if JUNK_PREFIXES.iter().any(|p| head.starts_with(p)) {
        return true;
    }
    // "6 min read" bars and newsletter pitches ("… delivers … right to your inbox").
    if words <= 12 && line.ends_with("min read") {
        return true;
    }
    let lower = line.to_lowercase();
    lower.contains("newsletter") && (lower.contains("subscribe") || lower.contains("sign up") || lower.contains("inbox"))
}

/// A line that invites a newsletter sign-up: the short line after it (the newsletter's
/// name) belongs to the same box.
pub fn is_newsletter_intro(line: &str) -> bool {
    let head = lower_head(line, 40);
    head.starts_with("sign up for") || head.starts_with("subscribe to") || head.starts_with("get our ")
}

/// "1. Skip to content" → "Skip to content"; also bullets.
pub fn strip_list_marker(line: &str) -> &str {
    let t = line.trim_start_matches(['•', '*', '-', '·', ' ']);
    if t.starts_with("* indicates") || line.starts_with("* indicates") {
        return line;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 && t[digits..].starts_with(". ") {
        return t[digits + 2..].trim_start();
    }
    t
}

fn lower_head(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).flat_map(char::to_lowercase).collect()
}

/// A line that is only an address.
pub fn is_url_line(line: &str) -> bool {
    !line.contains(' ') && (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."))
}

/// Photo credit at the end of a caption: "(Name/POOL/AFP via Getty Images)",
/// "Image: Sputnik/…", "Source: Reuters/Yuri Maltsev", "/ Photo: Reuters",
/// "REUTERS/Name", "-/Kremlin/dpa". A parenthesis needs a slash, "via", "Getty" or
/// "photo" in it, so a sentence ending in "(AFP)" is not taken for a caption.
static CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: \( [^()]* (?: / | \bvia\s | Getty\s+Images | [Pp]hoto | \bPOOL\b | \bPool\b | Shutterstock ) [^()]* \)
          | \b(?:Image|Images|Photo|Photos|Picture|Source|Credit|Foto)\s*:\s*[^.!?:]{1,80}
          | \b(?:REUTERS|Reuters|AFP|EPA|AP|Getty\s+Images|Xinhua|TASS|Sputnik)/[^.!?]{1,60}
          | -/[A-Za-z]+/[A-Za-z]+
          | \bvia\s+(?:Getty\s+Images|REUTERS|Reuters|AP|AFP)
        ) \s* $",
    )
    .expect("credit pattern")
});

/// A line that is nothing but a credit: "Credit: AP", "Pool photo via AP",
/// "Photo: Reuters", "Getty Images".
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^ (?: (?:Photo|Image|Picture|Credit|Source|Foto)s?\s*(?:by\s*)?: .*
          | (?:[A-Z][a-z]+\s+)?[Pp]hoto(?:graph)?\s+(?:by|via|credit) .*
          | (?:AFP\s+via\s+)?Getty\s+Images
          | \(?(?:REUTERS|Reuters|AFP|EPA|AP)/[^.]* \)?
        ) $",
    )
    .expect("credit line pattern")
});

pub fn has_credit_tail(line: &str) -> bool {
    line.len() < 600 && CREDIT_TAIL.is_match(line)
}

pub fn is_credit_line(line: &str, words: usize) -> bool {
    words <= 10 && CREDIT_LINE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn junk(s: &str) -> bool {
        is_junk_phrase(s, s.split_whitespace().count())
    }

    #[test]
    fn phrases() {
        assert!(junk("2. Skip to main menu"));
        assert!(junk("Support independent journalism in Ukraine. Join us in this fight."));
        assert!(junk("* indicates required"));
        assert!(junk("by Jo Bloggs June 19, 2024 12:32 AM 6 min read"));
        assert!(junk("Every Friday, the Asia newsletter delivers stories right to your inbox. Subscribe below"));
        assert!(!junk("Skipping the summit, the minister flew to Hanoi."));
        assert!(!junk("Support for the government fell to 30 percent."));
        assert!(junk("Advertisement"));
        assert!(junk("Tags:"));
        assert!(!junk("Advertisers left the platform."));
        assert!(!junk("Read the statement, officials said, before voting."));
    }

    #[test]
    fn credits() {
        assert!(has_credit_tail("Leaders meet in Hanoi on June 20. (Jane Doe/POOL/AFP via Getty Images)"));
        assert!(has_credit_tail("The two met in 2023Image: Sputnik/Jane Doe/Kremlin via REUTERS"));
        assert!(has_credit_tail("Flags fly in Moscow. Source: Reuters/John Smith"));
        assert!(has_credit_tail("Troops near the border. / Photo: Reuters"));
        assert!(has_credit_tail("Putin lands in Hanoi, June 20, 2024. REUTERS/Jane DoeAP Seoul"));
        assert!(has_credit_tail("Two leaders shake hands (R). -/Kremlin/dpa"));
        assert!(!has_credit_tail("The strikes were defensive, the ministry said (AFP)."));
        assert!(!has_credit_tail("He said the talks went well (Reuters)"));
        assert!(is_credit_line("Credit: AP", 2));
        assert!(is_credit_line("Pool photo via AP", 4));
        assert!(!is_credit_line("Photographers gathered outside.", 3));
    }
}

/// A navigation bar: two or more short capitalised items set apart by runs of spaces,
/// tabs or bars ("Home  Politics  Economy", "Subscribe | Log in", "World | Asia").
/// Read on the raw line, before whitespace is collapsed.
pub fn is_menu_line(raw_line: &str) -> bool {
    let line = raw_line.trim();
    let items: Vec<&str> = line
        .split(['|', '\t', '•', '·'])
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    items.len() >= 2
        && items.iter().all(|item| {
            item.split(' ').count() <= 3
                && item.chars().next().is_some_and(char::is_uppercase)
                && !item.ends_with(['.', '!', '?', ':', ';', ','])
        })
}
