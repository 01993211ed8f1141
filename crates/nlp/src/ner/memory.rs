//! Consistency across a document: a name tagged in one sentence is tagged alike in
//! the others. Each span's label becomes the most frequent label its words got in
//! the document, and capitalised words left untagged that were tagged elsewhere
//! (or are the surname of a person named in full) get that label.
use super::features::is_cap;
use super::labels::Label;
use rustc_hash::FxHashMap;

fn slot(l: Label) -> Option<usize> {
    match l {
        Label::Per => Some(0),
        Label::Org => Some(1),
        Label::Loc => Some(2),
        Label::Gpe => Some(3),
        _ => None,
    }
}

const SLOTS: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Gpe];

/// Harmonizes `spans[k]` (token spans of sentence `words[k]`) over a document.
pub fn harmonize(words: &[Vec<&str>], spans: &mut [Vec<(usize, usize, Label)>]) {
    let mut counts: FxHashMap<String, [u32; 4]> = FxHashMap::default();
    let mut surnames: FxHashMap<&str, u32> = FxHashMap::default();
    for (w, ss) in words.iter().zip(spans.iter()) {
        for &(s, e, l) in ss {
            if let Some(k) = slot(l) {
                counts.entry(w[s..e].join(" ")).or_default()[k] += 1;
                if l == Label::Per && e - s >= 2 {
                    *surnames.entry(w[e - 1]).or_default() += 1;
                }
            }
        }
    }
    let best = |c: &[u32; 4]| (0..4).max_by_key(|&k| (c[k], 4 - k)).unwrap_or(0);
    for (w, ss) in words.iter().zip(spans.iter_mut()) {
        for span in ss.iter_mut() {
            let Some(k) = slot(span.2) else { continue };
            if let Some(c) = counts.get(&w[span.0..span.1].join(" ")) {
                let b = best(c);
                if c[b] > c[k] {
                    span.2 = SLOTS[b];
                }
            }
        }
        let mut add = Vec::new();
        for (i, word) in w.iter().enumerate() {
            if !is_cap(word)
                || word.chars().count() < 2
                || ss.iter().any(|&(s, e, _)| s <= i && i < e)
                || super::rules::currency_prefix(w, i, i + 1)
            {
                continue;
            }
            if let Some(c) = counts.get(*word) {
                add.push((i, i + 1, SLOTS[best(c)]));
            } else if surnames.contains_key(word) && (i == 0 || !is_cap(w[i - 1])) && w.get(i + 1).is_none_or(|n| !is_cap(n)) {
                add.push((i, i + 1, Label::Per));
            }
        }
        ss.extend(add);
        ss.sort_unstable();
    }
}
