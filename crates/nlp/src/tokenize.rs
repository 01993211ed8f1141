//! Tokenizer and sentence splitter for news text, following UD English EWT
//! conventions: clitics split ("do" "n't", "Korea" "'s"), punctuation split off except
//! inside numbers, abbreviations and URLs, hyphenated words kept whole.
//!
//! One pass over the characters cuts the text at whitespace into chunks; each chunk is
//! cut into tokens by looking at a character and its neighbours only. Sentences end
//! after `.` `!` `?` and ellipses (with any closing quotes or brackets glued to them)
//! when the next token does not start in lower case, and always at a blank line.
//!
//! After an abbreviation that keeps its period, a sentence ends only when the
//! abbreviation can be sentence-final ("U.S.", "Inc.", "etc.", not "Dr.", "Oct.", "J.")
//! and the next word is a capitalised closed-class word that usually opens a sentence
//! ("The", "He", "But"...): "in the U.S. The talks" splits, "U.S. President" and
//! "U.S. officials" do not.
use crate::{AnnotatedSentence, Token};

mod abbrev;
pub use abbrev::AbbrevKind;

/// What a token is, as far as the tokenizer can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
    /// A word that keeps its final period.
    Abbrev(AbbrevKind),
    /// A URL, e-mail address, @handle or #hashtag.
    Link,
}

/// A token as character offsets, before it becomes a [`Token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace precedes the token.
    pub space_before: bool,
    /// A blank line precedes the token.
    pub paragraph_before: bool,
}

/// Splits text into sentences of tokens, with character offsets into `text`.
pub fn sentences(text: &str) -> Vec<AnnotatedSentence> {
    let chars: Vec<char> = text.chars().collect();
    let spans = spans_of(&chars);
    let bytes = byte_offsets(text, chars.len());
    let mut out = Vec::new();
    for (a, b) in sentence_bounds(&chars, &spans) {
        let tokens: Vec<Token> = spans[a..b].iter().map(|s| token_of(text, &bytes, s)).collect();
        out.push(AnnotatedSentence {
            start: spans[a].start,
            end: spans[b - 1].end,
            tokens,
            entities: Vec::new(),
        });
    }
    out
}

/// Tokens of `text`, without sentence splitting.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let bytes = byte_offsets(text, chars.len());
    spans_of(&chars).iter().map(|s| token_of(text, &bytes, s)).collect()
}

fn token_of(text: &str, bytes: &[usize], s: &Span) -> Token {
    Token::new(&text[bytes[s.start]..bytes[s.end]], s.start, s.end)
}

/// Byte offset of every character index, plus one past the end.
fn byte_offsets(text: &str, n: usize) -> Vec<usize> {
    let mut v = Vec::with_capacity(n + 1);
    v.extend(text.char_indices().map(|(b, _)| b));
    v.push(text.len());
    v
}

#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Token spans of a text given as characters.
pub fn spans_of(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::with_capacity(chars.len() / 5 + 1);
    let n = chars.len();
    let mut i = 0;
    let mut newlines = 0;
    let mut space = false;
    while i < n {
        let c = chars[i];
        if is_space(c) {
            space = true;
            if c == '\n' || c == '\u{2029}' {
                newlines += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < n && !is_space(chars[i]) {
            i += 1;
        }
        let first = out.len();
        Chunk { chars, out: &mut out }.split(start, i);
        if let Some(t) = out.get_mut(first) {
            t.space_before = space;
            t.paragraph_before = newlines >= 2;
        }
        newlines = 0;
        space = false;
    }
    out
}

/// Cuts one whitespace-free chunk `chars[a..b]` into tokens.
struct Chunk<'a> {
    chars: &'a [char],
    out: &'a mut Vec<Span>,
}

const OPENERS: &[char] = &['(', '[', '{', '"', '“', '‘', '«', '\'', '¿', '¡', '„'];
const TRAILERS: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '”', '’', '\'', '»', '…'];

impl Chunk<'_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if start < end {
            self.out.push(Span { start, end, kind, space_before: false, paragraph_before: false });
        }
    }

    fn split(&mut self, a: usize, b: usize) {
        // Links first: strip what may wrap them, and keep the core whole.
        let mut ca = a;
        while ca < b && OPENERS.contains(&self.chars[ca]) {
            ca += 1;
        }
        let mut cb = b;
        while cb > ca && TRAILERS.contains(&self.chars[cb - 1]) {
            cb -= 1;
        }
        if ca < cb && is_link(&self.chars[ca..cb]) {
            for i in a..ca {
                self.push(i, i + 1, TokenKind::Punct);
            }
            self.push(ca, cb, TokenKind::Link);
            self.scan(cb, b);
        } else {
            self.scan(a, b);
        }
    }

    /// Emits a word, splitting the few words UD writes as two ("cannot", "gonna").
    fn word(&mut self, s: usize, e: usize) {
        if e <= s {
            return;
        }
        let w = &self.chars[s..e];
        let cut = match w.len() {
            5 if eq_ignore_case(w, "gonna") || eq_ignore_case(w, "wanna") || eq_ignore_case(w, "gotta") => Some(3),
            6 if eq_ignore_case(w, "cannot") => Some(3),
            _ => None,
        };
        match cut {
            Some(k) => {
                self.push(s, s + k, TokenKind::Word);
                self.push(s + k, e, TokenKind::Word);
            }
            None => self.push(s, e, TokenKind::Word),
        }
    }

    fn scan(&mut self, a: usize, b: usize) {
        let chars = self.chars;
        let at = |i: usize| if i < b { chars[i] } else { ' ' };
        let mut ts = a;
        let mut i = a;
        while i < b {
            let c = chars[i];
            let prev = if i > a { chars[i - 1] } else { ' ' };
            let next = at(i + 1);
            match c {
                '.' => {
                    if next == '.' && at(i + 2) == '.' {
                        self.word(ts, i);
                        let mut j = i;
                        while j < b && chars[j] == '.' {
                            j += 1;
                        }
                        self.push(i, j, TokenKind::Punct);
                        i = j;
                        ts = j;
                        continue;
                    }
                    let glued = i > ts && prev.is_alphanumeric();
                    if glued && next.is_alphanumeric() {
                        if is_run_together(&chars[ts..i], &chars[i + 1..b]) {
                            match abbrev::classify(&chars[ts..i], false) {
                                Some(k) => {
                                    self.push(ts, i + 1, TokenKind::Abbrev(k));
                                    ts = i + 1;
                                }
                                None if i - ts >= 3 => self.single(&mut ts, i),
                                None => {}
                            }
                        }
                        i += 1;
                        continue;
                    }
                    if glued {
                        if let Some(k) = abbrev::classify(&chars[ts..i], next_is_digit(chars, i + 1)) {
                            self.push(ts, i + 1, TokenKind::Abbrev(k));
                            i += 1;
                            ts = i;
                            continue;
                        }
                    }
                    self.single(&mut ts, i);
                }
                ',' | ':' => {
                    if prev.is_ascii_digit() && next.is_ascii_digit() && i > ts {
                        i += 1;
                        continue;
                    }
                    self.single(&mut ts, i);
                }
                '\'' | '’' | '‘' | 'ʼ' => {
                    // n't
                    if i > ts && matches!(prev, 'n' | 'N') && matches!(next, 't' | 'T') && !at(i + 2).is_alphabetic() {
                        self.word(ts, i - 1);
                        self.push(i - 1, i + 2, TokenKind::Word);
                        i += 2;
                        ts = i;
                        continue;
                    }
                    let mut j = i + 1;
                    while j < b && chars[j].is_alphabetic() {
                        j += 1;
                    }
                    let run = &chars[i + 1..j];
                    let clitic = ["s", "re", "ll", "ve", "d", "m"].iter().any(|k| eq_ignore_case(run, k));
                    let after = at(j);
                    if clitic && !after.is_alphanumeric() && !matches!(after, '\'' | '’') && (i > ts || i == a) {
                        self.word(ts, i);
                        self.push(i, j, TokenKind::Word);
                        i = j;
                        ts = j;
                        continue;
                    }
                    if (i == ts && next.is_ascii_digit()) || (i > ts && prev.is_alphabetic() && next.is_alphabetic()) {
                        i += 1;
                        continue;
                    }
                    self.single(&mut ts, i);
                }
                '-' => {
                    if next == '-' {
                        self.word(ts, i);
                        let mut j = i;
                        while j < b && chars[j] == '-' {
                            j += 1;
                        }
                        self.push(i, j, TokenKind::Punct);
                        i = j;
                        ts = j;
                        continue;
                    }
                    // Hyphens stay inside words, and a trailing one on its word
                    // ("pre- and post-war"); a lone hyphen is a token.
                    if i == ts && !next.is_alphanumeric() {
                        self.single(&mut ts, i);
                    }
                    i += 1;
                    continue;
                }
                '$' | '€' | '£' | '¥' | '₩' | '₹' => {
                    if i == ts {
                        self.single(&mut ts, i);
                    } else {
                        i += 1;
                        continue;
                    }
                }
                '/' if joins_words(&chars[ts..i], &chars[i + 1..b]) => self.single(&mut ts, i),
                '/' | '&' | '_' | '+' | '@' | '#' => {
                    i += 1;
                    continue;
                }
                _ if c.is_alphanumeric() || is_mark(c) => {
                    i += 1;
                    continue;
                }
                _ => {
                    // Any other symbol or punctuation: inside a word between letters or
                    // digits it stays ("3×4"), elsewhere it is a token of its own.
                    if i > ts && prev.is_alphanumeric() && next.is_alphanumeric() && !is_always_split(c) {
                        i += 1;
                        continue;
                    }
                    self.single(&mut ts, i);
                }
            }
            i += 1;
        }
        self.word(ts, b);
    }

    /// Ends the word before `i` and makes `chars[i]` a token of its own.
    fn single(&mut self, ts: &mut usize, i: usize) {
        self.word(*ts, i);
        self.push(i, i + 1, TokenKind::Punct);
        *ts = i + 1;
    }
}

/// Two sentences run together by a scraper ("University.Follow us", "Dr.Michael"): a
/// word ending in lower case, a period, then a capitalised word that is not a domain
/// ending ("Newsfeeds.Com"). The caller keeps words of two letters ("Mc.Donalds")
/// whole unless they are abbreviations. Initials ("Ph.D", "U.S") and links (taken out
/// before) do not match.
fn is_run_together(before: &[char], after: &[char]) -> bool {
    let letters = |w: &[char]| w.iter().all(|c| c.is_alphabetic());
    let word_after: Vec<char> = after.iter().copied().take_while(|c| c.is_alphanumeric()).collect();
    let domain = ["com", "net", "org", "gov", "edu", "info", "biz"].iter().any(|d| eq_ignore_case(&word_after, d));
    !domain
        && before.len() >= 2
        && letters(before)
        && before.last().is_some_and(|c| c.is_lowercase())
        && word_after.len() >= 2
        && letters(&word_after)
        && word_after[0].is_uppercase()
        && word_after[1..].iter().all(|c| c.is_lowercase())
}

/// A slash between two words ("ENA/Enron", "Grigorov/Kremlin/dpa", "and/or") is a
/// token, as UD writes it; one between short parts ("w/o", "I/C", "km/h") and one
/// between numbers ("24/7") stays inside the word.
fn joins_words(before: &[char], after: &[char]) -> bool {
    let word_after = after.iter().take_while(|c| c.is_alphanumeric()).count();
    before.len() >= 2
        && before.iter().all(|c| c.is_alphabetic())
        && word_after >= 2
        && after[..word_after].iter().all(|c| c.is_alphabetic())
}

fn is_always_split(c: char) -> bool {
    matches!(
        c,
        '—' | '–' | '―' | '…' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”' | '«' | '»' | ';' | '!' | '?' | '%' | '|'
    )
}

fn is_mark(c: char) -> bool {
    // Combining marks (accents written as separate code points) stay with their letter.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn eq_ignore_case(w: &[char], s: &str) -> bool {
    w.len() == s.len() && w.iter().zip(s.chars()).all(|(a, b)| a.to_ascii_lowercase() == b)
}

/// The next non-space character after `i` is a digit.
fn next_is_digit(chars: &[char], mut i: usize) -> bool {
    while i < chars.len() && is_space(chars[i]) {
        i += 1;
    }
    i < chars.len() && chars[i].is_ascii_digit()
}

/// URL, e-mail address, @handle or #hashtag.
fn is_link(w: &[char]) -> bool {
    let starts = |p: &str| w.len() > p.len() && w.iter().zip(p.chars()).all(|(a, b)| a.to_ascii_lowercase() == b);
    if starts("http://") || starts("https://") || starts("www.") || starts("ftp://") {
        return true;
    }
    if (w[0] == '@' || w[0] == '#') && w.len() > 1 {
        return w[1..].iter().all(|c| c.is_alphanumeric() || *c == '_') && w[1..].iter().any(|c| c.is_alphabetic());
    }
    if let Some(at) = w.iter().position(|&c| c == '@') {
        let (user, host) = (&w[..at], &w[at + 1..]);
        return !user.is_empty()
            && user.iter().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
            && host.iter().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
            && host.iter().skip(1).any(|&c| c == '.')
            && host.last().is_some_and(|c| c.is_alphabetic());
    }
    // Bare domains with a path ("example.com/news").
    if let Some(slash) = w.iter().position(|&c| c == '/') {
        let host = &w[..slash];
        let dot = host.iter().rposition(|&c| c == '.');
        return dot.is_some_and(|d| d > 0 && host.len() - d > 2 && host[d + 1..].iter().all(|c| c.is_ascii_lowercase()));
    }
    false
}

fn text_of<'a>(chars: &'a [char], s: &Span) -> impl Iterator<Item = char> + 'a {
    chars[s.start..s.end].iter().copied()
}

fn is_final_punct(chars: &[char], s: &Span) -> bool {
    s.kind == TokenKind::Punct && text_of(chars, s).all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closer(chars: &[char], s: &Span) -> bool {
    s.kind == TokenKind::Punct
        && !s.space_before
        && s.end == s.start + 1
        && matches!(chars[s.start], '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '}')
}

/// A dateline opening a sentence ("HANOI, Vietnam (AP) —", "WASHINGTON -", "Kyiv:"):
/// the span index just after its dash or colon. Left in, it would become the subject
/// of the sentence it opens. A dateline is at most four capitalised words, with commas
/// and a bracketed agency, then the dash or colon and a capitalised word.
fn dateline_end(chars: &[char], spans: &[Span], start: usize) -> Option<usize> {
    let mut words = 0;
    let mut shouting = false;
    let mut bracket = false;
    for (j, s) in spans.iter().enumerate().skip(start).take(12) {
        let text: String = text_of(chars, s).collect();
        let first = text.chars().next()?;
        if bracket {
            bracket = text != ")";
            continue;
        }
        match text.as_str() {
            "(" => bracket = true,
            "," if words > 0 => {}
            "—" | "–" | "-" | ":" if words > 0 => {
                let next = spans.get(j + 1)?;
                let opens = chars[next.start].is_uppercase() || matches!(chars[next.start], '"' | '“');
                // A lone capitalised word before a hyphen is too often a name ("Kim - who").
                let plain_hyphen = text == "-" && !shouting && words < 2;
                return (opens && next.space_before && !plain_hyphen).then_some(j + 1);
            }
            _ if s.kind == TokenKind::Word && first.is_uppercase() && words < 4 => {
                words += 1;
                shouting |= text.chars().count() >= 3 && text.chars().all(|c| !c.is_lowercase());
            }
            _ => return None,
        }
    }
    None
}

/// Whether a sentence ends at span `k`: the span index after its end.
fn sentence_end(chars: &[char], spans: &[Span], k: usize) -> Option<usize> {
    let s = &spans[k];
    if is_final_punct(chars, s) {
        let mut j = k + 1;
        while j < spans.len() && is_closer(chars, &spans[j]) {
            j += 1;
        }
        let ellipsis = chars[s.start] == '.' && s.end - s.start > 1 || chars[s.start] == '…';
        let ends = match spans.get(j) {
            None => true,
            Some(next) if next.paragraph_before => true,
            Some(next) => {
                let c = chars[next.start];
                if ellipsis {
                    c.is_uppercase() && next.space_before
                } else {
                    !c.is_lowercase() && !matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '%' | ')' | ']')
                }
            }
        };
        return ends.then_some(j);
    }
    if let TokenKind::Abbrev(AbbrevKind::Other) = s.kind {
        let next = spans.get(k + 1)?;
        let w: String = text_of(chars, next).collect();
        return (next.space_before && abbrev::starts_sentence(&w)).then_some(k + 1);
    }
    None
}


/// Where sentences start and end, as half-open ranges of span indices.
pub fn sentence_bounds(chars: &[char], spans: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = spans.len();
    let mut start = 0;
    let mut k = 0;
    while k < n {
        if spans[k].paragraph_before && k > start {
            out.push((start, k));
            start = k;
        }
        let dateline = if k == start { dateline_end(chars, spans, k) } else { None };
        match dateline.or_else(|| sentence_end(chars, spans, k)) {
            Some(j) => {
                out.push((start, j));
                start = j;
                k = j;
            }
            None => k += 1,
        }
    }
    if start < n {
        out.push((start, n));
    }
    out
}

#[cfg(test)]
mod tests;
