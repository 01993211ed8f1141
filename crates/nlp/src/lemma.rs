//! Lemmatizer: a lookup table learned from a treebank (form + UPOS → most frequent
//! lemma), with regular English inflection rules for words the table has not seen.
//!
//! The rules propose candidate stems ("liked" → "lik", "like"); a candidate that is a
//! known lemma wins, otherwise a spelling heuristic decides.
use crate::conllu;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// The Universal POS tags, in a fixed order so they can be stored as a byte.
pub const UPOS_TAGS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
    "SYM", "VERB", "X",
];

/// Index of a UPOS tag in [`UPOS_TAGS`].
pub fn upos_index(upos: &str) -> Option<u8> {
    Some(match upos {
        "ADJ" => 0,
        "ADP" => 1,
        "ADV" => 2,
        "AUX" => 3,
        "CCONJ" => 4,
        "DET" => 5,
        "INTJ" => 6,
        "NOUN" => 7,
        "NUM" => 8,
        "PART" => 9,
        "PRON" => 10,
        "PROPN" => 11,
        "PUNCT" => 12,
        "SCONJ" => 13,
        "SYM" => 14,
        "VERB" => 15,
        "X" => 16,
        _ => return None,
    })
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    upos: u8,
    /// Empty: any Penn tag.
    xpos: String,
    lemma: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Lemmatizer {
    /// Form (as written) → lemmas by UPOS (and Penn tag where it matters).
    table: FxHashMap<String, Vec<Entry>>,
    /// Lowercased lemmas seen in training, to choose among rule candidates.
    known: FxHashSet<String>,
}

impl Lemmatizer {
    /// Learns the lookup table from gold sentences: for each form and UPOS, the most
    /// frequent lemma (ties go to the lemma seen first).
    pub fn train(sentences: &[conllu::Sentence]) -> Self {
        // (form, UPOS, Penn tag or "" for any) → lemma counts, in order of first sight.
        type Counts = FxHashMap<(String, u8, String), Vec<(String, u32)>>;
        let mut counts: Counts = FxHashMap::default();
        let mut known = FxHashSet::default();
        for w in sentences.iter().flat_map(|s| &s.words) {
            let Some(u) = upos_index(&w.upos) else { continue };
            if w.lemma.is_empty() || w.lemma == "_" {
                continue;
            }
            known.insert(w.lemma.to_lowercase());
            for xpos in ["", w.xpos.as_str()] {
                let entry = counts.entry((w.form.clone(), u, xpos.to_string())).or_default();
                match entry.iter_mut().find(|(l, _)| *l == w.lemma) {
                    Some((_, c)) => *c += 1,
                    None => entry.push((w.lemma.clone(), 1)),
                }
            }
        }
        let best = |lemmas: &[(String, u32)]| -> String {
            let mut best = &lemmas[0];
            for l in &lemmas[1..] {
                if l.1 > best.1 {
                    best = l;
                }
            }
            best.0.clone()
        };
        let mut keys: Vec<_> = counts.iter().collect();
        keys.sort_by(|a, b| a.0.cmp(b.0));
        let mut table: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        for ((form, u, xpos), lemmas) in keys {
            let lemma = best(lemmas);
            if !xpos.is_empty() {
                // Only where the Penn tag changes the answer ("her" PRP → she, PRP$ → her).
                let general = best(&counts[&(form.clone(), *u, String::new())]);
                if general == lemma {
                    continue;
                }
            }
            table.entry(form.clone()).or_default().push(Entry { upos: *u, xpos: xpos.clone(), lemma });
        }
        Lemmatizer { table, known }
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The lemma of `form` tagged `upos` / `xpos` (Penn), written into `out`.
    pub fn lemma_into(&self, form: &str, upos: &str, xpos: &str, out: &mut String) {
        out.clear();
        let u = upos_index(upos);
        if let Some(l) = u.and_then(|u| self.lookup(form, u, xpos)) {
            out.push_str(l);
            return;
        }
        let has_upper = form.chars().any(|c| c.is_uppercase());
        let lower_owned;
        let lower = if has_upper {
            lower_owned = form.to_lowercase();
            lower_owned.as_str()
        } else {
            form
        };
        // Proper nouns (and adjectives like "American") keep their case.
        let proper = upos == "PROPN" || (upos == "ADJ" && xpos == "NNP");
        if has_upper && !proper {
            if let Some(l) = u.and_then(|u| self.lookup(lower, u, xpos)) {
                out.push_str(l);
                return;
            }
        }
        let base = if proper { form } else { lower };
        match self.inflection(base, upos, xpos) {
            Some(stem) => out.push_str(&stem),
            None => out.push_str(base),
        }
    }

    /// As [`Lemmatizer::lemma_into`], returning a new string.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let mut s = String::new();
        self.lemma_into(form, upos, xpos, &mut s);
        s
    }

    fn lookup(&self, form: &str, upos: u8, xpos: &str) -> Option<&str> {
        let entries = self.table.get(form)?;
        let exact = entries.iter().find(|e| e.upos == upos && !e.xpos.is_empty() && e.xpos == xpos);
        exact.or_else(|| entries.iter().find(|e| e.upos == upos && e.xpos.is_empty())).map(|e| e.lemma.as_str())
    }

    fn is_known(&self, word: &str) -> bool {
        if word.chars().any(|c| c.is_uppercase()) {
            self.known.contains(&word.to_lowercase())
        } else {
            self.known.contains(word)
        }
    }

    /// Undoes regular inflection for the Penn tag `xpos` (falling back on `upos`).
    fn inflection(&self, word: &str, upos: &str, xpos: &str) -> Option<String> {
        if !word.is_ascii() || word.len() < 3 {
            return None;
        }
        let nominal = matches!(upos, "NOUN" | "PROPN" | "NUM");
        let verbal = matches!(upos, "VERB" | "AUX");
        let graded = matches!(upos, "ADJ" | "ADV");
        // A Penn tag that disagrees with the UPOS tag (e.g. ADJ with VBN: "interested")
        // leaves the word as it is.
        let kind = match xpos {
            "NNS" | "NNPS" if nominal => Suffix::S,
            "VBZ" if verbal => Suffix::S,
            "VBD" | "VBN" if verbal => Suffix::Ed,
            "VBG" if verbal => Suffix::Ing,
            "JJR" | "RBR" if graded => Suffix::Er,
            "JJS" | "RBS" if graded => Suffix::Est,
            "" => match upos {
                "NOUN" if word.ends_with('s') && !word.ends_with("ss") => Suffix::S,
                "VERB" if word.ends_with("ing") => Suffix::Ing,
                "VERB" if word.ends_with("ed") => Suffix::Ed,
                _ => return None,
            },
            _ => return None,
        };
        let candidates = candidates(word, kind);
        if candidates.is_empty() {
            return None;
        }
        for c in &candidates {
            if self.is_known(c) {
                return Some(c.clone());
            }
        }
        candidates.into_iter().next()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    S,
    Ed,
    Ing,
    Er,
    Est,
}

fn is_vowel(b: u8) -> bool {
    matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Stems for `word` with inflection `kind`, the spelling heuristic's choice first.
fn candidates(word: &str, kind: Suffix) -> Vec<String> {
    let lower = word.to_ascii_lowercase();
    let strip = |n: usize| word[..word.len() - n].to_string();
    let mut out = Vec::with_capacity(3);
    match kind {
        Suffix::S => {
            if lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") || !lower.ends_with('s') {
                return out;
            }
            if lower.ends_with("ies") && word.len() > 4 {
                out.push(format!("{}y", strip(3)));
                out.push(strip(1));
            } else if lower.ends_with("men") {
                out.push(format!("{}an", strip(2)));
            } else if lower.ends_with("ves") {
                out.push(strip(1));
                out.push(format!("{}f", strip(3)));
                out.push(format!("{}fe", strip(3)));
            } else if ["ches", "shes", "xes", "sses", "zzes", "oes"].iter().any(|s| lower.ends_with(s)) {
                out.push(strip(2));
                out.push(strip(1));
            } else {
                out.push(strip(1));
                if lower.ends_with("es") {
                    out.push(strip(2));
                }
            }
        }
        Suffix::Ed | Suffix::Ing | Suffix::Er | Suffix::Est => {
            let (suffix, y_form) = match kind {
                Suffix::Ed => ("ed", "ied"),
                Suffix::Ing => ("ing", ""),
                Suffix::Er => ("er", "ier"),
                _ => ("est", "iest"),
            };
            if !y_form.is_empty() && lower.ends_with(y_form) && word.len() > y_form.len() + 1 {
                out.push(format!("{}y", strip(y_form.len())));
                return out;
            }
            if !lower.ends_with(suffix) || word.len() < suffix.len() + 2 {
                return out;
            }
            if kind == Suffix::Ed && lower.ends_with("eed") && word.len() <= 5 {
                // "need", "feed", "seed": not past forms.
                return out;
            }
            let stem = strip(suffix.len());
            let sb = stem.as_bytes();
            let n = sb.len();
            let last = sb[n - 1].to_ascii_lowercase();
            let doubled = n >= 3 && sb[n - 1].eq_ignore_ascii_case(&sb[n - 2]) && !is_vowel(last);
            let with_e = format!("{stem}e");
            if doubled && !matches!(last, b'l' | b's' | b'z' | b'f') {
                out.push(stem[..n - 1].to_string());
                out.push(stem.clone());
            } else if needs_final_e(sb) {
                out.push(with_e);
                out.push(stem);
            } else {
                out.push(stem);
                out.push(with_e);
            }
        }
    }
    out
}

/// Whether a stem left by stripping -ed/-ing/-er most likely lost a silent e:
/// "lik(ed)", "mak(ing)", "issu(ed)", "danc(ed)", "argu(ing)".
fn needs_final_e(stem: &[u8]) -> bool {
    let n = stem.len();
    let last = stem[n - 1].to_ascii_lowercase();
    if matches!(last, b'u' | b'v' | b'z') {
        return true;
    }
    if last == b'c' || (last == b'g' && n >= 2 && !matches!(stem[n - 2].to_ascii_lowercase(), b'n' | b'g')) {
        return true;
    }
    // consonant-vowel-consonant with a single vowel: "lik", "mak", "hop" is ambiguous
    // ("hoped" / "hopped" are disambiguated by doubling), so CVC → add e.
    n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(stem[n - 2])
        && !is_vowel(stem[n - 3])
        && (n < 4 || !is_vowel(stem[n - 4]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_only() -> Lemmatizer {
        Lemmatizer::default()
    }

    #[test]
    fn upos_index_matches_the_tag_list() {
        for (i, t) in UPOS_TAGS.iter().enumerate() {
            assert_eq!(upos_index(t), Some(i as u8));
        }
        assert_eq!(upos_index("NN"), None);
    }

    #[test]
    fn regular_inflection_rules_without_a_table() {
        let l = rules_only();
        assert_eq!(l.lemma("landed", "VERB", "VBD"), "land");
        assert_eq!(l.lemma("shells", "NOUN", "NNS"), "shell");
        assert_eq!(l.lemma("countries", "NOUN", "NNS"), "country");
        assert_eq!(l.lemma("boxes", "NOUN", "NNS"), "box");
        assert_eq!(l.lemma("stopped", "VERB", "VBD"), "stop");
        assert_eq!(l.lemma("liked", "VERB", "VBD"), "like");
        assert_eq!(l.lemma("making", "VERB", "VBG"), "make");
        assert_eq!(l.lemma("bigger", "ADJ", "JJR"), "big");
        assert_eq!(l.lemma("happiest", "ADJ", "JJS"), "happy");
        assert_eq!(l.lemma("Americans", "PROPN", "NNPS"), "American");
        assert_eq!(l.lemma("Glass", "NOUN", "NN"), "glass");
    }

    #[test]
    fn the_table_wins_over_rules_and_handles_irregulars() {
        let text = "1\twas\tbe\tAUX\tVBD\t_\t0\troot\t_\t_\n2\tbetter\tgood\tADJ\tJJR\t_\t1\tx\t_\t_\n3\tfeet\tfoot\tNOUN\tNNS\t_\t1\tx\t_\t_\n\
4\ther\tshe\tPRON\tPRP\t_\t1\tx\t_\t_\n5\ther\ther\tPRON\tPRP$\t_\t1\tx\t_\t_\n6\ther\ther\tPRON\tPRP$\t_\t1\tx\t_\t_\n\n";
        let l = Lemmatizer::train(&conllu::parse(text).unwrap());
        assert_eq!(l.lemma("was", "AUX", "VBD"), "be");
        assert_eq!(l.lemma("Was", "AUX", "VBD"), "be");
        assert_eq!(l.lemma("better", "ADJ", "JJR"), "good");
        assert_eq!(l.lemma("feet", "NOUN", "NNS"), "foot");
        // The Penn tag separates what UPOS does not.
        assert_eq!(l.lemma("her", "PRON", "PRP"), "she");
        assert_eq!(l.lemma("her", "PRON", "PRP$"), "her");
        assert_eq!(l.lemma("Interested", "ADJ", "VBN"), "interested");
        assert_eq!(l.lemma("Abbas", "PROPN", "NNP"), "Abbas");
        // Not in the table under this tag: rules.
        assert_eq!(l.lemma("better", "VERB", "VB"), "better");
    }
}
