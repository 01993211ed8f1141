//! Feature extraction for the tagger: per-token strings (lowercase, shape) are computed
//! once per sentence into one reusable arena, and every feature is hashed from slices of
//! it with [`feature`], so extraction allocates nothing per token.
use crate::perceptron::feature;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Words and what the tagger knows of them from training, independent of any model.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Lexicon {
    /// Lowercase word → index into `classes`: the set of UPOS tags the word had in
    /// training (its "ambiguity class"); only words seen often enough.
    ambiguity: FxHashMap<String, u32>,
    /// The same for forms as written (case kept), so "Housing" and "housing" differ.
    cased: FxHashMap<String, u32>,
    /// Ambiguity class names; index 0 is the class of unknown words.
    classes: Vec<String>,
}

impl Lexicon {
    /// Builds ambiguity classes for words seen at least `min_count` times, keeping the
    /// tags that make up at least 1% of a word's occurrences.
    #[cfg(test)]
    pub fn build<'a>(words: impl Iterator<Item = (&'a str, &'a str)>, min_count: u32) -> Self {
        Self::build_family(vec![words], min_count).pop().expect("one lexicon per word set")
    }

    /// One lexicon per word set, sharing class names so that features hashed with any
    /// of them mean the same (used to give each training fold a lexicon built without it).
    pub fn build_family<'a, I: Iterator<Item = (&'a str, &'a str)>>(sets: Vec<I>, min_count: u32) -> Vec<Self> {
        let mut names = vec!["?".to_string()];
        let mut class_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut out = Vec::with_capacity(sets.len());
        for words in sets {
            let mut counts: FxHashMap<String, (u32, [u32; 17])> = FxHashMap::default();
            let mut cased: FxHashMap<String, (u32, [u32; 17])> = FxHashMap::default();
            for (form, upos) in words {
                let Some(u) = crate::lemma::upos_index(upos) else { continue };
                let e = counts.entry(form.to_lowercase()).or_insert((0, [0; 17]));
                e.0 += 1;
                e.1[u as usize] += 1;
                let e = cased.entry(form.to_string()).or_insert((0, [0; 17]));
                e.0 += 1;
                e.1[u as usize] += 1;
            }
            let ambiguity = Self::classes_for(counts, min_count, &mut names, &mut class_ids);
            let cased = Self::classes_for(cased, min_count, &mut names, &mut class_ids);
            out.push(Lexicon { ambiguity, cased, classes: Vec::new() });
        }
        for lex in &mut out {
            lex.classes = names.clone();
        }
        out
    }

    fn classes_for(
        counts: FxHashMap<String, (u32, [u32; 17])>,
        min_count: u32,
        names: &mut Vec<String>,
        class_ids: &mut FxHashMap<String, u32>,
    ) -> FxHashMap<String, u32> {
        let mut entries: Vec<_> = counts.into_iter().filter(|(_, (n, _))| *n >= min_count).collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut map = FxHashMap::default();
        for (word, (n, tags)) in entries {
            let mut name = String::new();
            for (i, &c) in tags.iter().enumerate() {
                if c > 0 && c * 100 >= n {
                    if !name.is_empty() {
                        name.push('+');
                    }
                    name.push_str(crate::lemma::UPOS_TAGS[i]);
                }
            }
            let id = *class_ids.entry(name.clone()).or_insert_with(|| {
                names.push(name);
                (names.len() - 1) as u32
            });
            map.insert(word, id);
        }
        map
    }

    /// Whether every class id points into the class list (a check for loaded models).
    pub fn is_consistent(&self) -> bool {
        !self.classes.is_empty()
            && self.ambiguity.values().chain(self.cased.values()).all(|&id| (id as usize) < self.classes.len())
    }

    /// Every form seen in training, as written.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.cased.keys().map(|k| k.as_str())
    }

    fn class_of(&self, lower: &str) -> u32 {
        self.ambiguity.get(lower).copied().unwrap_or(0)
    }

    fn cased_class_of(&self, form: &str) -> u32 {
        self.cased.get(form).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    end: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    form: Span,
    lower: Span,
    shape: Span,
    /// Arena offsets where the last 1..=4 characters of `lower` start ([`NONE`] when shorter).
    suffix: [u32; 4],
    /// Byte lengths of its first 1..=3 characters (0 when shorter).
    prefix: [u32; 3],
    hyphen: bool,
    digit: bool,
    upper_initial: bool,
    all_upper: bool,
    ambiguity: u32,
    cased_ambiguity: u32,
}

/// One sentence prepared for feature extraction; reuse it across sentences.
#[derive(Debug, Default)]
pub struct Prepared {
    arena: String,
    words: Vec<WordInfo>,
    /// How capitalised the sentence is: "low", "mid", "high" (title-like) or "upper".
    caps: &'static str,
}

const NONE: u32 = u32::MAX;
const BOS: &str = "<s>";
const EOS: &str = "</s>";

impl Prepared {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    fn slice(&self, s: Span) -> &str {
        &self.arena[s.start as usize..s.end as usize]
    }

    pub fn form(&self, i: usize) -> &str {
        self.slice(self.words[i].form)
    }

    fn push_span(&mut self, f: impl FnOnce(&mut String)) -> Span {
        let start = self.arena.len() as u32;
        f(&mut self.arena);
        Span { start, end: self.arena.len() as u32 }
    }

    /// Computes everything per word that features need.
    pub fn prepare<'w>(&mut self, words: impl Iterator<Item = &'w str>, lexicon: &Lexicon) {
        self.arena.clear();
        self.words.clear();
        for form in words {
            let form_span = self.push_span(|a| a.push_str(form));
            let lower = self.push_span(|a| {
                for c in form.chars() {
                    if c.is_ascii() {
                        a.push(c.to_ascii_lowercase());
                    } else {
                        a.extend(c.to_lowercase());
                    }
                }
            });
            let shape = self.push_span(|a| {
                let mut last = '\0';
                let mut n = 0;
                for c in form.chars() {
                    let s = crate::token::shape_class(c);
                    if s != last {
                        a.push(s);
                        last = s;
                        n += 1;
                        if n >= 6 {
                            break;
                        }
                    }
                }
            });
            let lower_str = &self.arena[lower.start as usize..lower.end as usize];
            let mut suffix = [NONE; 4];
            for (k, (off, _)) in lower_str.char_indices().rev().take(4).enumerate() {
                suffix[k] = lower.start + off as u32;
            }
            let mut prefix = [0u32; 3];
            for (k, (off, c)) in lower_str.char_indices().take(3).enumerate() {
                prefix[k] = (off + c.len_utf8()) as u32;
            }
            let ambiguity = lexicon.class_of(lower_str);
            let cased_ambiguity = lexicon.cased_class_of(form);
            let mut chars = form.chars();
            let upper_initial = chars.next().is_some_and(|c| c.is_uppercase());
            let info = WordInfo {
                form: form_span,
                lower,
                shape,
                suffix,
                prefix,
                hyphen: form.contains('-'),
                digit: form.bytes().any(|b| b.is_ascii_digit()),
                upper_initial,
                all_upper: upper_initial && form.chars().all(|c| !c.is_lowercase()),
                ambiguity,
                cased_ambiguity,
            };
            self.words.push(info);
        }
        let (mut alpha, mut upper, mut all_upper) = (0, 0, 0);
        for (i, w) in self.words.iter().enumerate() {
            let first = self.arena[w.form.start as usize..w.form.end as usize].chars().next();
            if first.is_some_and(|c| c.is_alphabetic()) {
                alpha += 1;
                if i > 0 && w.upper_initial {
                    upper += 1;
                }
                all_upper += w.all_upper as usize;
            }
        }
        self.caps = if alpha >= 2 && all_upper * 10 >= alpha * 8 {
            "upper"
        } else if upper * 10 >= alpha.saturating_sub(1) * 6 && alpha > 2 {
            "high"
        } else if upper * 10 >= alpha.saturating_sub(1) * 3 && alpha > 2 {
            "mid"
        } else {
            "low"
        };
    }

    /// 'X' capitalised, 'x' other alphabetic, 'o' other, '<' / '>' outside the sentence.
    fn cap(&self, i: isize) -> &'static str {
        if i < 0 {
            "<"
        } else if i as usize >= self.words.len() {
            ">"
        } else {
            let w = &self.words[i as usize];
            if w.upper_initial {
                "X"
            } else if self.arena[w.form.start as usize..w.form.end as usize].starts_with(char::is_alphabetic) {
                "x"
            } else {
                "o"
            }
        }
    }

    /// The word at position `i`, or the padding that stands outside the sentence.
    #[inline]
    fn word(&self, i: isize) -> Result<&WordInfo, &'static str> {
        if i < 0 {
            Err(BOS)
        } else {
            self.words.get(i as usize).ok_or(EOS)
        }
    }

    fn lower(&self, i: isize) -> &str {
        self.word(i).map_or_else(|pad| pad, |w| self.slice(w.lower))
    }

    fn shape(&self, i: isize) -> &str {
        self.word(i).map_or_else(|pad| pad, |w| self.slice(w.shape))
    }

    fn suffix(&self, i: isize, k: usize) -> &str {
        let w = match self.word(i) {
            Ok(w) => w,
            Err(pad) => return pad,
        };
        let start = w.suffix[k - 1];
        if start == NONE {
            return self.slice(w.lower);
        }
        &self.arena[start as usize..w.lower.end as usize]
    }

    fn ambiguity<'a>(&self, i: isize, lexicon: &'a Lexicon) -> &'a str {
        if i < 0 {
            BOS
        } else if i as usize >= self.words.len() {
            EOS
        } else {
            &lexicon.classes[self.words[i as usize].ambiguity as usize]
        }
    }
}

/// Tags from an earlier stage, for every word of the sentence.
#[derive(Clone, Copy)]
pub struct Aux<'a> {
    pub tags: &'a [u16],
    pub names: &'a [String],
}

impl Aux<'_> {
    fn at(&self, i: isize) -> &str {
        if i < 0 {
            BOS
        } else if i as usize >= self.tags.len() {
            EOS
        } else {
            &self.names[self.tags[i as usize] as usize]
        }
    }
}

// Feature template ids.
const BIAS: u32 = 0;
const WORD: u32 = 1;
const LOWER: u32 = 2;
const SUFFIX: u32 = 3; // 3..=6
const PREFIX: u32 = 7; // 7..=9
const SHAPE: u32 = 10;
const HYPHEN: u32 = 11;
const DIGIT: u32 = 12;
const UPPER: u32 = 13;
const ALL_UPPER: u32 = 14;
const FIRST_UPPER: u32 = 15;
const AMB: u32 = 16;
const AMB_P1: u32 = 17;
const AMB_N1: u32 = 18;
const AMB_N2: u32 = 19;
const TAG_P1: u32 = 20;
const TAG_P12: u32 = 21;
const TAG_P1_WORD: u32 = 22;
const TAG_P1_AMB: u32 = 23;
const WORD_P1: u32 = 24;
const WORD_P2: u32 = 25;
const WORD_N1: u32 = 26;
const WORD_N2: u32 = 27;
const WORD_P1_WORD: u32 = 28;
const WORD_WORD_N1: u32 = 29;
const SUFFIX_P1: u32 = 30;
const SUFFIX_N1: u32 = 31;
const SHAPE_N1: u32 = 32;
const SHAPE_P1: u32 = 33;
const AMB_AMB_N1: u32 = 34;
const CASED_AMB: u32 = 35;
const CAPS3: u32 = 36;
const SENT_CAPS: u32 = 37;
const SENT_CAPS_SHAPE: u32 = 38;
const CASED_AMB_CAPS: u32 = 39;
const AUX: u32 = 40;
const AUX_P1: u32 = 41;
const AUX_N1: u32 = 42;
const AUX_N2: u32 = 43;
const AUX_WORD: u32 = 44;
const AUX_AUX_N1: u32 = 45;
const AUX_N1_N2: u32 = 46;
const AUX_P1_AUX: u32 = 47;
const AUX_N1_WORD: u32 = 48;

/// Which feature templates a stage uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeatureSet {
    /// Everything: for stages that decide from the words alone.
    Full,
    /// The word, its affixes and the earlier stage's tags around it: for a stage that
    /// refines tags already given (Penn tags from UPOS), at half the lookups.
    Lean,
    /// The word-local features of [`FeatureSet::Full`] (cached per form, so nearly free)
    /// and a few context features with the earlier stage's tags: for the Penn-tag stage.
    Medium,
}

/// Hashes the features of word `i`, given the tags already predicted for the two
/// words before it (`p1`, `p2`), into `out` (cleared first).
#[allow(clippy::too_many_arguments)]
pub fn extract_set(
    set: FeatureSet,
    s: &Prepared,
    lexicon: &Lexicon,
    i: usize,
    p1: &str,
    p2: &str,
    aux: Option<Aux<'_>>,
    out: &mut Vec<u64>,
) {
    match (set, aux) {
        (FeatureSet::Lean, Some(a)) => extract_lean(s, i, p1, a, out),
        (FeatureSet::Medium, Some(a)) => {
            extract_local(s, lexicon, i, out);
            extract_medium_context(s, i, p1, p2, a, out);
        }
        _ => extract(s, lexicon, i, p1, p2, aux, out),
    }
}

fn extract_lean(s: &Prepared, i: usize, p1: &str, a: Aux<'_>, out: &mut Vec<u64>) {
    out.clear();
    let w = &s.words[i];
    let j = i as isize;
    let form = s.slice(w.form);
    let lower = s.slice(w.lower);
    let t = a.at(j);
    let n1 = a.at(j + 1);
    out.push(feature(BIAS, &[]));
    out.push(feature(AUX, &[t]));
    out.push(feature(AUX_WORD, &[t, lower]));
    out.push(feature(WORD, &[form]));
    for k in 1..=4 {
        if w.suffix[k - 1] != NONE {
            out.push(feature(SUFFIX + k as u32 - 1, &[t, s.suffix(j, k)]));
        }
    }
    out.push(feature(SHAPE, &[t, s.slice(w.shape)]));
    out.push(feature(TAG_P1, &[p1]));
    out.push(feature(AUX_P1_AUX, &[p1, t]));
    out.push(feature(AUX_P1, &[t, a.at(j - 1)]));
    out.push(feature(AUX_AUX_N1, &[t, n1]));
    out.push(feature(AUX_N1_N2, &[t, n1, a.at(j + 2)]));
    out.push(feature(WORD_P1, &[t, s.lower(j - 1)]));
    out.push(feature(WORD_N1, &[t, s.lower(j + 1)]));
    out.push(feature(WORD_P2, &[t, s.lower(j - 2)]));
    out.push(feature(AUX_N1_WORD, &[n1, lower]));
}

/// Hashes the features of word `i`, given the tags already predicted for the two
/// words before it (`p1`, `p2`), into `out` (cleared first).
pub fn extract(
    s: &Prepared,
    lexicon: &Lexicon,
    i: usize,
    p1: &str,
    p2: &str,
    aux: Option<Aux<'_>>,
    out: &mut Vec<u64>,
) {
    extract_local(s, lexicon, i, out);
    extract_context(s, lexicon, i, p1, p2, aux, out);
}

/// The features that depend on the word alone (its form decides them all), so their
/// summed scores can be cached per form.
pub fn extract_local(s: &Prepared, lexicon: &Lexicon, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = &s.words[i];
    let j = i as isize;
    let form = s.slice(w.form);
    let lower = s.slice(w.lower);
    out.push(feature(BIAS, &[]));
    out.push(feature(WORD, &[form]));
    out.push(feature(LOWER, &[lower]));
    for k in 1..=4 {
        if w.suffix[k - 1] != NONE {
            out.push(feature(SUFFIX + k as u32 - 1, &[s.suffix(j, k)]));
        }
    }
    for k in 0..3 {
        if w.prefix[k] != 0 {
            let end = w.lower.start as usize + w.prefix[k] as usize;
            out.push(feature(PREFIX + k as u32, &[&s.arena[w.lower.start as usize..end]]));
        }
    }
    out.push(feature(SHAPE, &[s.slice(w.shape)]));
    if w.hyphen {
        out.push(feature(HYPHEN, &[]));
    }
    if w.digit {
        out.push(feature(DIGIT, &[]));
    }
    if w.upper_initial {
        out.push(feature(UPPER, &[]));
    }
    if w.all_upper {
        out.push(feature(ALL_UPPER, &[]));
    }
    out.push(feature(AMB, &[s.ambiguity(j, lexicon)]));
    out.push(feature(CASED_AMB, &[&lexicon.classes[w.cased_ambiguity as usize]]));
}

/// The context features of a [`FeatureSet::Medium`] stage (added to `out`).
pub fn extract_medium_context(s: &Prepared, i: usize, p1: &str, p2: &str, a: Aux<'_>, out: &mut Vec<u64>) {
    let j = i as isize;
    let lower = s.slice(s.words[i].lower);
    out.push(feature(TAG_P1, &[p1]));
    out.push(feature(TAG_P12, &[p1, p2]));
    out.push(feature(TAG_P1_WORD, &[p1, lower]));
    out.push(feature(WORD_P1, &[s.lower(j - 1)]));
    out.push(feature(WORD_N1, &[s.lower(j + 1)]));
    extract_aux_context(a, j, p1, lower, out);
}

/// The features that read an earlier stage's tags around the word (added to `out`).
fn extract_aux_context(a: Aux<'_>, j: isize, p1: &str, lower: &str, out: &mut Vec<u64>) {
    let t = a.at(j);
    let n1 = a.at(j + 1);
    out.push(feature(AUX, &[t]));
    out.push(feature(AUX_P1, &[a.at(j - 1)]));
    out.push(feature(AUX_N1, &[n1]));
    out.push(feature(AUX_N2, &[a.at(j + 2)]));
    out.push(feature(AUX_WORD, &[t, lower]));
    out.push(feature(AUX_AUX_N1, &[t, n1]));
    out.push(feature(AUX_N1_N2, &[n1, a.at(j + 2)]));
    out.push(feature(AUX_P1_AUX, &[p1, t]));
    out.push(feature(AUX_N1_WORD, &[n1, lower]));
}

/// The features that depend on the neighbours and the tags before (added to `out`).
pub fn extract_context(
    s: &Prepared,
    lexicon: &Lexicon,
    i: usize,
    p1: &str,
    p2: &str,
    aux: Option<Aux<'_>>,
    out: &mut Vec<u64>,
) {
    let w = &s.words[i];
    let j = i as isize;
    let lower = s.slice(w.lower);
    if w.upper_initial && i == 0 {
        out.push(feature(FIRST_UPPER, &[]));
    }
    let amb = s.ambiguity(j, lexicon);
    let amb_n1 = s.ambiguity(j + 1, lexicon);
    out.push(feature(AMB_P1, &[s.ambiguity(j - 1, lexicon)]));
    out.push(feature(AMB_N1, &[amb_n1]));
    out.push(feature(AMB_N2, &[s.ambiguity(j + 2, lexicon)]));
    out.push(feature(AMB_AMB_N1, &[amb, amb_n1]));
    out.push(feature(TAG_P1, &[p1]));
    out.push(feature(TAG_P12, &[p1, p2]));
    out.push(feature(TAG_P1_WORD, &[p1, lower]));
    out.push(feature(TAG_P1_AMB, &[p1, amb]));
    let lp1 = s.lower(j - 1);
    let ln1 = s.lower(j + 1);
    out.push(feature(WORD_P1, &[lp1]));
    out.push(feature(WORD_P2, &[s.lower(j - 2)]));
    out.push(feature(WORD_N1, &[ln1]));
    out.push(feature(WORD_N2, &[s.lower(j + 2)]));
    out.push(feature(WORD_P1_WORD, &[lp1, lower]));
    out.push(feature(WORD_WORD_N1, &[lower, ln1]));
    out.push(feature(SUFFIX_P1, &[s.suffix(j - 1, 3)]));
    out.push(feature(SUFFIX_N1, &[s.suffix(j + 1, 3)]));
    out.push(feature(SHAPE_N1, &[s.shape(j + 1)]));
    out.push(feature(SHAPE_P1, &[s.shape(j - 1)]));
    let cased_amb = &lexicon.classes[w.cased_ambiguity as usize];
    let first = if i == 0 { "first" } else { "" };
    out.push(feature(CASED_AMB_CAPS, &[cased_amb, s.caps, first]));
    out.push(feature(CAPS3, &[s.cap(j - 1), s.cap(j), s.cap(j + 1)]));
    out.push(feature(SENT_CAPS, &[s.caps, s.cap(j), first]));
    out.push(feature(SENT_CAPS_SHAPE, &[s.caps, s.slice(w.shape), amb]));
    if let Some(a) = aux {
        extract_aux_context(a, j, p1, lower, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepares_lowercase_shape_and_affixes() {
        let lex = Lexicon::build([("the", "DET"), ("The", "DET"), ("run", "VERB"), ("run", "NOUN")].into_iter(), 1);
        let mut p = Prepared::default();
        p.prepare(["The", "Café", "run", "x"].into_iter(), &lex);
        assert_eq!(p.lower(0), "the");
        assert_eq!(p.shape(0), "Xx");
        assert_eq!(p.shape(1), "Xx");
        assert_eq!(p.suffix(1, 2), "fé");
        assert_eq!(p.suffix(3, 3), "x");
        assert_eq!(p.ambiguity(2, &lex), "NOUN+VERB");
        assert_eq!(p.ambiguity(1, &lex), "?");
        assert_eq!(p.lower(-1), BOS);
        assert_eq!(p.lower(4), EOS);
        let mut f = Vec::new();
        extract(&p, &lex, 1, "DET", BOS, None, &mut f);
        let mut g = Vec::new();
        p.prepare(["A", "Café", "run", "x"].into_iter(), &lex);
        extract(&p, &lex, 1, "DET", BOS, None, &mut g);
        // The word's own features are shared, the previous word's are not.
        for shared in [feature(WORD, &["Café"]), feature(SUFFIX + 1, &["fé"]), feature(WORD_N1, &["run"])] {
            assert!(f.contains(&shared) && g.contains(&shared));
        }
        assert!(f.contains(&feature(WORD_P1, &["the"])) && !g.contains(&feature(WORD_P1, &["the"])));
        let differ = f.iter().filter(|x| !g.contains(x)).count();
        assert!(differ > 0 && differ < f.len() / 3, "{differ} of {}", f.len());
    }
}
