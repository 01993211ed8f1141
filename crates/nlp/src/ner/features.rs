//! Features of a token for the entity model: its word, shape, affixes, neighbours,
//! gazetteer matches around it and the previous tags, hashed with
//! [`crate::perceptron::feature`]. Per-token strings (lower case, shape) are made once
//! per sentence; making a feature allocates nothing.
use super::labels::{EDGE_GROUP_NAMES, TAG_NAMES};
use crate::gazetteer::{GazKind, Gazetteer};
use crate::perceptron::feature;

/// A sentence prepared for feature extraction.
pub struct View<'a> {
    words: Vec<&'a str>,
    /// Predicted Penn Treebank tag of each token ("NNP"), "" when untagged.
    pos: Vec<&'a str>,
    lower: Vec<String>,
    shape: Vec<String>,
    /// Gazetteer position tag of each token ("B-country", "I-city", ...), "" if none.
    gaz: Vec<&'static str>,
    /// Gazetteer kind of the lower-cased word ("florida"), "" if none.
    lgaz: Vec<&'static str>,
    /// Capitalised run ("Ministry of Foreign Affairs") each token is in: its first
    /// and last token and the token's place in it (B, I, L, U; O outside runs).
    runs: Vec<(usize, usize, &'static str)>,
    /// Most words capitalised: a headline or a title-case line.
    headline: bool,
}

pub(crate) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Lower-case words that may sit inside a capitalised name.
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "the" | "for" | "and" | "de" | "du" | "des" | "al" | "el" | "bin" | "von" | "van" | "da" | "&" | "-")
}

pub(crate) fn cap_runs(words: &[&str]) -> Vec<(usize, usize, &'static str)> {
    let n = words.len();
    let mut out = vec![(0, 0, "O"); n];
    let mut i = 0;
    while i < n {
        if !is_cap(words[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < n && is_cap(words[end]) {
                end += 1;
            } else if end + 1 < n && is_connector(words[end]) && is_cap(words[end + 1]) {
                end += 2;
            } else {
                break;
            }
        }
        for (k, slot) in out[i..end].iter_mut().enumerate() {
            let pos = match (k == 0, i + k + 1 == end) {
                (true, true) => "U",
                (true, false) => "B",
                (false, true) => "L",
                (false, false) => "I",
            };
            *slot = (i, end - 1, pos);
        }
        i = end;
    }
    out
}

const GAZ_TAGS: [[&str; 13]; 2] = [
    ["B-country", "B-city", "B-state", "B-region", "B-demonym", "B-org", "B-month", "B-weekday", "B-first", "B-title", "B-orgword", "B-placeword", "B-person"],
    ["I-country", "I-city", "I-state", "I-region", "I-demonym", "I-org", "I-month", "I-weekday", "I-first", "I-title", "I-orgword", "I-placeword", "I-person"],
];

fn gaz_index(k: GazKind) -> usize {
    match k {
        GazKind::Country => 0,
        GazKind::City => 1,
        GazKind::State => 2,
        GazKind::Region => 3,
        GazKind::Demonym => 4,
        GazKind::Org => 5,
        GazKind::Month => 6,
        GazKind::Weekday => 7,
        GazKind::FirstName => 8,
        GazKind::Title => 9,
        GazKind::OrgWord => 10,
        GazKind::PlaceWord => 11,
        GazKind::Person => 12,
    }
}

/// "Xxxx", "dd", "X.X." with runs longer than two shortened, so "Pyongyang" and
/// "Moscow" share a shape.
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = crate::token::shape_class(c);
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
            last = s;
        }
        out.push(s);
    }
    out
}

/// The feature whose row scores each tag after tag `prev` (`N_TAGS`: the sentence start).
pub fn transition(prev: usize) -> u64 {
    feature(60, &[TAG_NAMES[prev]])
}

impl<'a> View<'a> {
    /// Edge features of token `i` after a tag of edge group `group`
    /// ([`super::labels::edge_group`]): what the word looks like, joined with whether
    /// a span is open before it (the transition itself is [`transition`]). Each is
    /// scored once per group in Viterbi decoding, so they are few.
    pub fn edge_features(&self, i: usize, group: usize, out: &mut Vec<u64>) {
        out.clear();
        let p = EDGE_GROUP_NAMES[group];
        out.push(feature(61, &[p, &self.shape[i]]));
        out.push(feature(62, &[p, self.pos[i]]));
        out.push(feature(63, &[p, self.gaz[i]]));
    }

    pub fn new(words: Vec<&'a str>, pos: Vec<&'a str>, gazetteer: &Gazetteer) -> Self {
        debug_assert_eq!(words.len(), pos.len());
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let shape: Vec<String> = words.iter().map(|w| shape(w)).collect();
        let mut gaz = vec![""; words.len()];
        for m in gazetteer.matches(&words) {
            let k = gaz_index(m.kind);
            gaz[m.start] = GAZ_TAGS[0][k];
            for g in &mut gaz[m.start + 1..m.end] {
                *g = GAZ_TAGS[1][k];
            }
        }
        let alpha = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_alphabetic())).count();
        let caps = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase())).count();
        let headline = alpha >= 3 && caps * 10 >= alpha * 7;
        let lgaz = lower
            .iter()
            .zip(&words)
            .map(|(l, w)| if is_cap(w) { "" } else { gazetteer.word_lower(l).map_or("", |k| GAZ_TAGS[0][gaz_index(k)]) })
            .collect();
        let runs = cap_runs(&words);
        View { words, pos, lower, shape, gaz, lgaz, runs, headline }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn word(&self, i: usize) -> &str {
        self.words[i]
    }

    fn lower_at(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "<s>",
            i if i as usize >= self.len() => "</s>",
            i => &self.lower[i as usize],
        }
    }

    fn shape_at(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "<s>",
            i if i as usize >= self.len() => "</s>",
            i => &self.shape[i as usize],
        }
    }

    fn pos_at(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "<s>",
            i if i as usize >= self.len() => "</s>",
            i => self.pos[i as usize],
        }
    }

    fn gaz_at(&self, i: isize) -> &str {
        match i {
            i if i < 0 || i as usize >= self.len() => "-",
            i => self.gaz[i as usize],
        }
    }

    /// Emission features of token `i` (the tags around it are scored by
    /// [`transition`] features, in Viterbi decoding).
    pub fn features(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let j = i as isize;
        let w = self.words[i];
        let lw = &self.lower[i];
        let sh = &self.shape[i];
        out.push(feature(0, &[]));
        out.push(feature(1, &[lw]));
        out.push(feature(2, &[w]));
        out.push(feature(3, &[sh]));
        for (k, (b, _)) in lw.char_indices().skip(1).chain(std::iter::once((lw.len(), ' '))).take(3).enumerate() {
            out.push(feature(4 + k as u32, &[&lw[..b]]));
        }
        for (k, (b, _)) in lw.char_indices().rev().take(4).enumerate() {
            out.push(feature(7 + k as u32, &[&lw[b..]]));
        }
        out.push(feature(11, &[self.lower_at(j - 1)]));
        out.push(feature(12, &[self.lower_at(j + 1)]));
        out.push(feature(13, &[self.lower_at(j - 2)]));
        out.push(feature(14, &[self.lower_at(j + 2)]));
        out.push(feature(15, &[self.shape_at(j - 1), sh]));
        out.push(feature(16, &[sh, self.shape_at(j + 1)]));
        out.push(feature(17, &[self.lower_at(j - 1), lw]));
        out.push(feature(18, &[lw, self.lower_at(j + 1)]));
        out.push(feature(22, &[self.gaz_at(j)]));
        out.push(feature(23, &[self.gaz_at(j - 1), self.gaz_at(j)]));
        out.push(feature(24, &[self.gaz_at(j), self.gaz_at(j + 1)]));
        out.push(feature(25, &[if i == 0 { "first" } else { "later" }, sh]));
        out.push(feature(27, &[if self.headline { "headline" } else { "text" }, sh]));
        out.push(feature(28, &[self.shape_at(j - 1), sh, self.shape_at(j + 1)]));
        out.push(feature(30, &[self.lower_at(j - 1), sh]));
        out.push(feature(31, &[self.lgaz[i]]));
        let (rs, re, pos) = self.runs[i];
        if pos != "O" {
            out.push(feature(32, &[&self.lower[re], pos]));
            out.push(feature(33, &[&self.lower[rs], pos]));
            let len = ["1", "2", "3", "4+"][(re - rs).min(3)];
            out.push(feature(34, &[len, pos]));
            out.push(feature(35, &[self.gaz[re], self.gaz[rs], pos]));
        }
        out.push(feature(36, &[self.word_at(j + 1)]));
        out.push(feature(37, &[self.word_at(j - 1)]));
        let pos = self.pos[i];
        out.push(feature(38, &[pos]));
        out.push(feature(39, &[self.pos_at(j - 1), pos]));
        out.push(feature(40, &[pos, self.pos_at(j + 1)]));
        out.push(feature(41, &[pos, sh]));
        out.push(feature(43, &[self.pos_at(j - 1), pos, self.pos_at(j + 1)]));
    }

    /// Emission features of the second pass: a few of the word's own, then the first pass's tags (`first`) around token `i`, so a decision can see
    /// the labels to its right. Fewer than the first pass's, to keep it cheap.
    pub fn second_features(&self, i: usize, first: &[usize], out: &mut Vec<u64>) {
        out.clear();
        let j = i as isize;
        let lw = &self.lower[i];
        let sh = &self.shape[i];
        out.push(feature(0, &[]));
        out.push(feature(1, &[lw]));
        out.push(feature(3, &[sh]));
        out.push(feature(11, &[self.lower_at(j - 1)]));
        out.push(feature(12, &[self.lower_at(j + 1)]));
        out.push(feature(22, &[self.gaz_at(j)]));
        out.push(feature(31, &[self.lgaz[i]]));
        out.push(feature(38, &[self.pos[i]]));
        let (rs, re, pos) = self.runs[i];
        if pos != "O" {
            let len = ["1", "2", "3", "4+"][(re - rs).min(3)];
            out.push(feature(34, &[len, pos]));
        }
        self.stacked(i, first, out);
    }

    fn stacked(&self, i: usize, first: &[usize], out: &mut Vec<u64>) {
        let t = |k: isize| -> &str {
            match k {
                k if k < 0 => "<s>",
                k if k as usize >= first.len() => "</s>",
                k => TAG_NAMES[first[k as usize]],
            }
        };
        let j = i as isize;
        out.push(feature(50, &[t(j)]));
        out.push(feature(51, &[t(j - 1), t(j)]));
        out.push(feature(52, &[t(j), t(j + 1)]));
        out.push(feature(53, &[t(j + 1)]));
        out.push(feature(54, &[t(j + 1), t(j + 2)]));
        out.push(feature(55, &[t(j), &self.shape[i]]));
        out.push(feature(56, &[t(j), &self.lower[i]]));
        out.push(feature(57, &[t(j - 1)]));
    }

    fn word_at(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "<s>",
            i if i as usize >= self.len() => "</s>",
            i => self.words[i as usize],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_shorten_runs() {
        assert_eq!(shape("Pyongyang"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2024"), "dd");
        assert_eq!(shape("Jong-Un"), "Xxx-Xx");
    }
}
