//! Figures in evidence sentences ("five million shells", "millions of shells",
//! "1,500 troops"), so that sources giving different numbers for the same thing can be
//! found.

/// How much of something a sentence gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// A definite number.
    Exact(f64),
    /// An order of magnitude only ("millions of", "dozens of").
    Vague(f64),
}

/// One figure: the amount, the words it counts and the phrase as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub amount: Amount,
    /// Up to two content words after the number, singularised (`["artillery", "shell"]`).
    pub things: Vec<String>,
    pub phrase: String,
}

impl Figure {
    /// Whether the two figures count the same thing.
    pub fn same_thing(&self, other: &Figure) -> bool {
        self.things.iter().any(|t| other.things.contains(t))
    }

    /// Whether the two figures give different amounts for the same thing.
    pub fn conflicts(&self, other: &Figure) -> bool {
        self.same_thing(other) && self.amount != other.amount
    }
}

/// Kinds of counted things (`crates/story/data/figure_things.tsv`): word, tab, kind.
const THING_KINDS: &str = include_str!("../data/figure_things.tsv");

/// The kind a counted word belongs to, if the table lists it.
fn kind_of(word: &str) -> Option<&'static str> {
    static KINDS: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    KINDS
        .get_or_init(|| {
            THING_KINDS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .map(|(w, k)| (w.trim(), k.trim()))
                .collect()
        })
        .get(word)
        .copied()
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn unit(w: &str) -> Option<f64> {
    Some(match w {
        "one" | "a" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "hundred" => 100.0,
        _ => return None,
    })
}

fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        _ => return None,
    })
}

fn vague(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

fn digits(w: &str) -> Option<f64> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    w.replace(',', "").parse::<f64>().ok()
}

/// The figures of one sentence, in order.
pub fn find(sentence: &str) -> Vec<Figure> {
    let toks: Vec<String> = sentence
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let after_month = i > 0 && MONTHS.contains(&toks[i - 1].as_str());
        let start = i;
        let mut amount: Option<Amount> = None;
        if let Some(v) = vague(&toks[i]) {
            amount = Some(Amount::Vague(v));
            i += 1;
        } else if let Some(v) = digits(&toks[i]).or_else(|| if toks[i] == "a" { None } else { unit(&toks[i]) }) {
            let year_like = toks[i].len() == 4 && (1900.0..=2100.0).contains(&v);
            let mut v = v;
            i += 1;
            while let Some(s) = toks.get(i).and_then(|t| scale(t)) {
                v *= s;
                i += 1;
            }
            let bare_year = year_like && i == start + 1;
            if !after_month && !bare_year {
                amount = Some(Amount::Exact(v));
            }
        } else {
            i += 1;
            continue;
        }
        let Some(amount) = amount else { continue };
        let mut j = i;
        if toks.get(j).is_some_and(|t| t == "of") {
            j += 1;
        }
        let mut things: Vec<String> = toks[j.min(toks.len())..]
            .iter()
            .take(3)
            .take_while(|t| !t.chars().all(|c| c.is_ascii_digit()))
            .filter_map(|t| crate::terms::content_words(t).into_iter().next())
            .take(2)
            .collect();
        if !things.is_empty() {
            let end = (j + things.len()).min(toks.len());
            // The kind goes first, so that a contest is named by it ("ammunition") when
            // two sources count the same kind in different words.
            let kinds: Vec<String> = things.iter().filter_map(|t| kind_of(t)).map(str::to_string).collect();
            for k in kinds.into_iter().rev() {
                if !things.contains(&k) {
                    things.insert(0, k);
                }
            }
            out.push(Figure { amount, things, phrase: toks[start..end].join(" ") });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_vague_figures_of_the_same_thing_conflict() {
        let a = find("North Korea has sent five million shells to Russia, officials said.");
        let b = find("Pyongyang has supplied millions of shells since last year.");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].amount, Amount::Exact(5e6));
        assert_eq!(b[0].amount, Amount::Vague(1e6));
        assert!(a[0].conflicts(&b[0]));
        assert!(!a[0].conflicts(&a[0]));
    }

    #[test]
    fn different_words_for_the_same_kind_of_thing_are_compared() {
        let a = find("Pyongyang sent some five million artillery shells.");
        let b = find("Analysts believe millions of rounds were shipped.");
        assert!(a[0].conflicts(&b[0]), "{a:?} {b:?}");
        assert_eq!(a[0].things[0], "ammunition");
        let c = find("About 1,500 troops crossed the border.");
        assert!(!a[0].same_thing(&c[0]));
    }

    #[test]
    fn dates_and_years_are_not_figures() {
        assert!(find("On June 19, 2024 Putin arrived in Pyongyang.").is_empty());
        assert_eq!(find("About 1,500 troops crossed the border.")[0].amount, Amount::Exact(1500.0));
    }
}
