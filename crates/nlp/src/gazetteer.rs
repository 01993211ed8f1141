//! Word lists the entity tagger consults: countries, cities, states and regions
//! (places), nationalities and groups (NORP), well-known organizations, month and
//! day names. The lists are text files in `crates/nlp/data/`, compiled in.
//!
//! Phrases are tokenized with [`crate::tokenize`], so "U.S." or "People's Republic"
//! match exactly as the tokenizer cuts running text. Matching is case-sensitive and
//! keyed by a hash of the token sequence, so a lookup allocates nothing.
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What a gazetteer phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GazKind {
    Country,
    City,
    State,
    /// Continents, regions, seas: places that are not states (LOC).
    Region,
    /// Nationalities, peoples, religious and political groups (NORP).
    Demonym,
    Org,
    Month,
    Weekday,
    /// A common given name or a well-known family name: a hint, never an entity alone.
    FirstName,
    /// A title or role written before names ("President", "Gen.").
    Title,
    /// A word that ends or heads organization names ("Ministry", "Party").
    OrgWord,
    /// A word that ends or heads names of places and facilities ("Lake", "Street", "Grill").
    PlaceWord,
    /// The full name of a person in the news ("To Lam", "Kim Jong Un"): PER.
    Person,
}

impl GazKind {
    pub fn name(self) -> &'static str {
        match self {
            GazKind::Country => "country",
            GazKind::City => "city",
            GazKind::State => "state",
            GazKind::Region => "region",
            GazKind::Demonym => "demonym",
            GazKind::Org => "org",
            GazKind::Month => "month",
            GazKind::Weekday => "weekday",
            GazKind::FirstName => "first-name",
            GazKind::Title => "title",
            GazKind::OrgWord => "org-word",
            GazKind::PlaceWord => "place-word",
            GazKind::Person => "person",
        }
    }

    /// A place that is a political unit (GPE).
    pub fn is_gpe(self) -> bool {
        matches!(self, GazKind::Country | GazKind::City | GazKind::State)
    }
}

/// One phrase found in a token sequence: tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub kind: GazKind,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    phrases: FxHashMap<u64, GazKind>,
    /// One-word entries by their lower case, for text that is not capitalised.
    lower_words: FxHashMap<u64, GazKind>,
    max_len: usize,
}

const SEED: u64 = 0x9ae1_6a3b_2f90_404f;

#[inline]
fn extend(mut h: u64, word: &str) -> u64 {
    for &b in word.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h ^= 0xff;
    h.wrapping_mul(0x0000_0100_0000_01B3)
}

impl Gazetteer {
    /// The lists shipped in `crates/nlp/data/`.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer::default();
            // Earlier lists win where a phrase is in two ("Amazon": region before company).
            g.add_list(include_str!("../data/countries.txt"), GazKind::Country);
            g.add_list(include_str!("../data/states.txt"), GazKind::State);
            g.add_list(include_str!("../data/cities.txt"), GazKind::City);
            g.add_list(include_str!("../data/regions.txt"), GazKind::Region);
            g.add_list(include_str!("../data/demonyms.txt"), GazKind::Demonym);
            g.add_list(include_str!("../data/organizations.txt"), GazKind::Org);
            g.add_list(include_str!("../data/people.txt"), GazKind::Person);
            g.add_list(include_str!("../data/titles.txt"), GazKind::Title);
            g.add_list(include_str!("../data/org_words.txt"), GazKind::OrgWord);
            g.add_list(include_str!("../data/place_words.txt"), GazKind::PlaceWord);
            g.add_list(include_str!("../data/first_names.txt"), GazKind::FirstName);
            for line in include_str!("../data/dates.txt").lines().filter(|l| !l.starts_with('#')) {
                let mut parts = line.split('|');
                let kind = match parts.next() {
                    Some("month") => GazKind::Month,
                    Some("day") => GazKind::Weekday,
                    _ => continue,
                };
                for name in parts {
                    g.add(name, kind);
                }
            }
            g
        })
    }

    fn add_list(&mut self, list: &str, kind: GazKind) {
        for line in list.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                self.add(line, kind);
            }
        }
    }

    /// Adds a phrase (tokenized as running text would be); an existing entry stays.
    pub fn add(&mut self, phrase: &str, kind: GazKind) {
        let toks = crate::tokenize::tokens(phrase);
        if toks.is_empty() {
            return;
        }
        let h = toks.iter().fold(SEED, |h, t| extend(h, &t.text));
        self.phrases.entry(h).or_insert(kind);
        // Datelines and headlines in capitals ("CAIRO", "KUALA LUMPUR"); a phrase
        // already listed in capitals ("US", "WHO") keeps its own entry. Not for month
        // and day names or hints ("MAY", "SUN", "MARK").
        let named = matches!(
            kind,
            GazKind::Country | GazKind::City | GazKind::State | GazKind::Region | GazKind::Demonym | GazKind::Org | GazKind::Person
        );
        let upper = toks.iter().fold(SEED, |h, t| extend(h, &t.text.to_uppercase()));
        if named && upper != h {
            self.phrases.entry(upper).or_insert(kind);
        }
        if toks.len() == 1 {
            self.lower_words.entry(extend(SEED, &toks[0].text.to_lowercase())).or_insert(kind);
        }
        self.max_len = self.max_len.max(toks.len());
    }

    /// The kind of a one-word phrase.
    pub fn word(&self, word: &str) -> Option<GazKind> {
        self.phrases.get(&extend(SEED, word)).copied()
    }

    /// The kind of a one-word entry, matched on lower case (`lower` is lower-cased).
    pub fn word_lower(&self, lower: &str) -> Option<GazKind> {
        self.lower_words.get(&extend(SEED, lower)).copied()
    }

    /// The longest phrase starting at `words[start]`, as (length, kind).
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<(usize, GazKind)> {
        let mut h = SEED;
        let mut best = None;
        for (k, w) in words[start..].iter().take(self.max_len).enumerate() {
            h = extend(h, w.as_ref());
            if let Some(&kind) = self.phrases.get(&h) {
                best = Some((k + 1, kind));
            }
        }
        best
    }

    /// Longest matches, left to right, not overlapping.
    pub fn matches<S: AsRef<str>>(&self, words: &[S]) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(words, i) {
                Some((len, kind)) => {
                    out.push(GazMatch { start: i, end: i + len, kind });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_match_but_months_do_not() {
        let g = Gazetteer::builtin();
        assert_eq!(g.longest_at(&["KUALA", "LUMPUR", "—"], 0), Some((2, GazKind::City)));
        assert_eq!(g.word("CAIRO"), Some(GazKind::City));
        assert_eq!(g.word("US"), Some(GazKind::Country));
        assert_eq!(g.word("MAY"), None);
    }

    #[test]
    fn finds_multiword_places_and_groups_in_news() {
        let g = Gazetteer::builtin();
        let words: Vec<String> = crate::tokenize::tokens("Russian President Vladimir Putin flew from the Russian Far East to North Korea 's capital Pyongyang, U.S. officials said.")
            .into_iter()
            .map(|t| t.text)
            .collect();
        let found: Vec<(String, GazKind)> =
            g.matches(&words).iter().map(|m| (words[m.start..m.end].join(" "), m.kind)).collect();
        assert_eq!(found, [
            ("Russian".to_string(), GazKind::Demonym),
            ("President".to_string(), GazKind::Title),
            ("Vladimir Putin".to_string(), GazKind::Person),
            ("Russian Far East".to_string(), GazKind::Region),
            ("North Korea".to_string(), GazKind::Country),
            ("Pyongyang".to_string(), GazKind::City),
            ("U.S.".to_string(), GazKind::Country),
        ]);
        assert_eq!(g.word("Oct."), Some(GazKind::Month));
        assert_eq!(g.word("White"), None);
        assert_eq!(g.longest_at(&["White", "House", "said"], 0), Some((2, GazKind::Org)));
        // Case matters: "us" is not the United States.
        assert_eq!(g.word("us"), None);
    }

    #[test]
    fn place_words_and_family_names_are_hints_in_web_text() {
        let g = Gazetteer::builtin();
        let words: Vec<String> =
            crate::tokenize::tokens("We took a house boat on Ashtamudi Lake and ate at Hayes Street Grill with Maria Gonzalez and Mr. Nguyen.")
                .into_iter()
                .map(|t| t.text)
                .collect();
        let kinds: Vec<(String, GazKind)> =
            g.matches(&words).iter().map(|m| (words[m.start..m.end].join(" "), m.kind)).collect();
        for (w, k) in [("Lake", GazKind::PlaceWord), ("Street", GazKind::PlaceWord), ("Grill", GazKind::PlaceWord), ("Maria", GazKind::FirstName), ("Gonzalez", GazKind::FirstName), ("Nguyen", GazKind::FirstName)] {
            assert!(kinds.contains(&(w.to_string(), k)), "{w}: {kinds:?}");
        }
        // A listed place keeps its own kind; common words are in no list.
        assert_eq!(g.word("Lima"), Some(GazKind::City));
        assert_eq!(g.word("Brown"), None);
        assert_eq!(g.word("Green"), None);
    }
}
