//! Entity swapping: copies of training sentences whose names are replaced by other
//! names of the same type (from the training data, and places and organizations from
//! the word lists), so that the model learns more from the context of a name than
//! from the name.
use super::data::Gold;
use super::labels::Label;

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Full names made from the name list: each given name with a family name, so the
/// swapped copies show the model names it would otherwise see only in the list.
fn listed_person_names() -> Vec<String> {
    let list = include_str!("../../data/first_names.txt");
    let mut given = Vec::new();
    let mut family = Vec::new();
    let mut in_family = false;
    for line in list.lines().map(str::trim) {
        if line.starts_with("# Family names") {
            in_family = true;
        } else if !line.is_empty() && !line.starts_with('#') {
            if in_family { family.push(line) } else { given.push(line) }
        }
    }
    if family.is_empty() {
        return Vec::new();
    }
    given.iter().enumerate().map(|(k, g)| format!("{g} {}", family[(k * 7919) % family.len()])).collect()
}

/// One swapped copy of every sentence with an entity.
pub fn swapped(golds: &[Gold], seed: u64) -> Vec<Gold> {
    let mut pools: Vec<(Label, Vec<String>)> = [Label::Per, Label::Org, Label::Loc, Label::Norp].into_iter().map(|l| (l, Vec::new())).collect();
    for g in golds {
        let chars: Vec<char> = g.text.chars().collect();
        for &(s, e, l) in &g.spans {
            if let Some((_, pool)) = pools.iter_mut().find(|(pl, _)| *pl == l) {
                pool.push(chars[s..e].iter().collect());
            }
        }
    }
    for list in [include_str!("../../data/countries.txt"), include_str!("../../data/cities.txt"), include_str!("../../data/states.txt")] {
        if let Some((_, pool)) = pools.iter_mut().find(|(l, _)| *l == Label::Loc) {
            pool.extend(list.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_string));
        }
    }
    if let Some((_, pool)) = pools.iter_mut().find(|(l, _)| *l == Label::Org) {
        pool.extend(include_str!("../../data/organizations.txt").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_string));
    }
    if let Some((_, pool)) = pools.iter_mut().find(|(l, _)| *l == Label::Per) {
        pool.extend(listed_person_names());
    }
    let mut rng = Rng(seed | 1);
    let mut out = Vec::new();
    for g in golds {
        if g.spans.is_empty() {
            continue;
        }
        let chars: Vec<char> = g.text.chars().collect();
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut at = 0;
        let mut len = 0;
        let mut sorted = g.spans.clone();
        sorted.sort_unstable();
        for (s, e, l) in sorted {
            if s < at {
                continue;
            }
            let piece: String = chars[at..s].iter().collect();
            len += piece.chars().count();
            text.push_str(&piece);
            let name = match pools.iter().find(|(pl, _)| *pl == l) {
                Some((_, pool)) if !pool.is_empty() => pool[rng.next(pool.len())].clone(),
                _ => chars[s..e].iter().collect(),
            };
            let n = name.chars().count();
            text.push_str(&name);
            spans.push((len, len + n, l));
            len += n;
            at = e;
        }
        text.extend(chars[at..].iter());
        out.push(Gold { text, spans });
    }
    out
}

/// Lower-cased copies of every `every`-th sentence with an entity (web text often
/// writes names in lower case: "taco bell", "near baguio"), so the model learns names
/// from their context and the word lists when capitals do not show them.
pub fn lowercased(golds: &[Gold], every: usize) -> Vec<Gold> {
    let lower = |c: char| {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) => x,
            _ => c,
        }
    };
    golds
        .iter()
        .filter(|g| !g.spans.is_empty())
        .enumerate()
        .filter(|(k, _)| every > 0 && k % every == 0)
        .map(|(_, g)| Gold { text: g.text.chars().map(lower).collect(), spans: g.spans.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercased_copies_keep_the_spans_over_the_same_characters() {
        let text = "Ray 's Pizza near Kollam is better than Domino's, says İlker.";
        let span = |s: &str| {
            let b = text.find(s).unwrap();
            (text[..b].chars().count(), text[..b].chars().count() + s.chars().count())
        };
        let (a, b, c) = (span("Kollam"), span("Domino's"), span("İlker"));
        let golds = vec![
            Gold { text: text.to_string(), spans: vec![(a.0, a.1, Label::Loc), (b.0, b.1, Label::Org), (c.0, c.1, Label::Per)] },
            Gold { text: "no names here".to_string(), spans: vec![] },
        ];
        let out = lowercased(&golds, 1);
        assert_eq!(out.len(), 1, "sentences without entities are not copied");
        let chars: Vec<char> = out[0].text.chars().collect();
        let got: Vec<String> = out[0].spans.iter().map(|&(s, e, _)| chars[s..e].iter().collect()).collect();
        // "İ" lower-cases to two characters, so it is kept and the offsets still hold.
        assert_eq!(got, ["kollam", "domino's", "İlker"]);
        assert!(lowercased(&golds, 0).is_empty());
    }
}
