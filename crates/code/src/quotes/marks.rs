//! Quotation marks: where quoted text begins and ends, straight or curly, double or
//! single, one paragraph at a time. A paragraph that ends inside a quote and a next
//! paragraph that opens with a quote mark continue the same quotation.

/// One stretch of quoted text within a paragraph, as character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The opening mark.
    pub open: usize,
    /// The closing mark, or the paragraph end when the quote runs on.
    pub close: usize,
    /// The quoted text, trimmed.
    pub start: usize,
    pub end: usize,
    pub words: usize,
    /// The paragraph ended before the quote closed.
    pub unclosed: bool,
    /// This segment continues the previous one across a paragraph break.
    pub continues: bool,
    /// Written with single quotes.
    pub single: bool,
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn opens_single(chars: &[char], i: usize) -> bool {
    let prev = if i == 0 { ' ' } else { chars[i - 1] };
    let next = chars.get(i + 1).copied().unwrap_or(' ');
    (is_space(prev) || matches!(prev, '(' | '[' | '—' | '–' | ':' | '"' | '“')) && (next.is_alphabetic() || next == '[')
}

fn closes_single(chars: &[char], i: usize) -> bool {
    let prev = if i == 0 { ' ' } else { chars[i - 1] };
    let next = chars.get(i + 1).copied().unwrap_or(' ');
    !is_space(prev) && !next.is_alphanumeric()
}

/// Where the closing single quote of an opening one at `i` is, before `para_end`.
fn single_close(chars: &[char], i: usize, para_end: usize) -> Option<usize> {
    (i + 2..para_end).find(|&j| matches!(chars[j], '\'' | '’') && closes_single(chars, j))
}

fn count_words(chars: &[char]) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &c in chars {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w || (in_word && matches!(c, '\'' | '’' | '-'));
    }
    n
}

fn make(chars: &[char], open: usize, close: usize, unclosed: bool, single: bool) -> Segment {
    let mut start = open + 1;
    let mut end = close;
    while start < end && is_space(chars[start]) {
        start += 1;
    }
    while end > start && is_space(chars[end - 1]) {
        end -= 1;
    }
    Segment { open, close, start, end, words: count_words(&chars[start..end]), unclosed, continues: false, single }
}

/// Top-level quoted segments of a text given as characters (quotes nested inside
/// others are part of their text).
pub fn segments(chars: &[char]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let n = chars.len();
    let mut p = 0;
    let mut prev_unclosed = false;
    while p < n {
        let mut pe = p;
        while pe < n && chars[pe] != '\n' {
            pe += 1;
        }
        let first_in_para = out.len();
        let mut i = p;
        while i < pe {
            let c = chars[i];
            let found = match c {
                '“' | '„' | '«' => Some((i, false)),
                '"' => {
                    let next = chars.get(i + 1).copied().unwrap_or(' ');
                    (!is_space(next) || i + 1 >= pe).then_some((i, false))
                }
                '‘' | '\'' if opens_single(chars, i) => Some((i, true)),
                _ => None,
            };
            let Some((open, single)) = found else {
                i += 1;
                continue;
            };
            let close = if single {
                match single_close(chars, open, pe) {
                    Some(j) => Some(j),
                    None => {
                        i += 1;
                        continue;
                    }
                }
            } else {
                (open + 1..pe).find(|&j| matches!(chars[j], '”' | '»' | '"'))
            };
            match close {
                Some(j) => {
                    out.push(make(chars, open, j, false, single));
                    i = j + 1;
                }
                None => {
                    out.push(make(chars, open, pe, true, single));
                    i = pe;
                }
            }
        }
        // A quote left open at the end of the previous paragraph runs on when this
        // paragraph opens with a quote mark. Blank lines do not count as paragraphs.
        let lead = (p..pe).find(|&k| !is_space(chars[k]));
        if let Some(k) = lead {
            if prev_unclosed {
                if let Some(s) = out.get_mut(first_in_para) {
                    if s.open == k {
                        s.continues = true;
                    }
                }
            }
            prev_unclosed = out.len() > first_in_para && out.last().is_some_and(|s| s.unclosed && s.close == pe);
        }
        p = pe + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(s: &str) -> Vec<(String, bool, bool)> {
        let chars: Vec<char> = s.chars().collect();
        segments(&chars).into_iter().map(|g| (chars[g.start..g.end].iter().collect(), g.unclosed, g.continues)).collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(segs(r#""We're watching," Kirby told reporters."#)[0].0, "We're watching,");
        assert_eq!(segs("“Despite the battles,” Zelensky continued, adding, “Humanitarian solutions” are")[1].0, "Humanitarian solutions");
    }

    #[test]
    fn single_quotes_but_not_apostrophes() {
        let s = segs("Houthis warn strikes will not go 'unpunished' as Russia's allies protest");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, "unpunished");
        assert!(segs("the Houthis' capacity and Putin's visit").is_empty());
    }

    #[test]
    fn a_quote_runs_on_into_the_next_paragraph() {
        let s = segs("\"Because this moment calls for strength.\n\n\"Autocrats want to overturn global order.\"");
        assert_eq!(s.len(), 2);
        assert!(s[0].1, "first paragraph's quote is left open");
        assert!(s[1].2, "second paragraph continues it");
    }
}
