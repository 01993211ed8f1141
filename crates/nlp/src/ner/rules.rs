//! From the model's PER/ORG/LOC/NORP spans to the final entities: gazetteer
//! relabelling (a LOC the gazetteer knows as a country, city or state is GPE), places,
//! groups and organizations the model missed, and DATE spans by rule.
use super::dates;
use super::labels::Label;
use crate::gazetteer::{GazKind, Gazetteer};

fn label_of(kind: GazKind) -> Option<Label> {
    match kind {
        GazKind::Country | GazKind::City | GazKind::State => Some(Label::Gpe),
        GazKind::Region => Some(Label::Loc),
        GazKind::Demonym => Some(Label::Norp),
        GazKind::Org => Some(Label::Org),
        GazKind::Month | GazKind::Weekday => None,
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Final entity spans over `words` given the model's spans.
pub fn finalize(words: &[&str], model: Vec<(usize, usize, Label)>, gaz: &Gazetteer) -> Vec<(usize, usize, Label)> {
    let mut spans: Vec<(usize, usize, Label)> = model
        .into_iter()
        .map(|(s, e, label)| {
            let exact = gaz.longest_at(words, s).filter(|&(len, _)| len == e - s).map(|(_, k)| k);
            let label = match (label, exact) {
                (Label::Loc | Label::Per, Some(k)) if k.is_gpe() => Label::Gpe,
                (Label::Loc, Some(GazKind::Org)) => Label::Org,
                (Label::Org | Label::Loc | Label::Per, Some(GazKind::Demonym)) => Label::Norp,
                (l, _) => l,
            };
            (s, e, label)
        })
        .collect();

    for m in gaz.matches(words) {
        let Some(label) = label_of(m.kind) else { continue };
        if !spans.iter().any(|&(s, e, _)| overlaps((s, e), (m.start, m.end))) {
            spans.push((m.start, m.end, label));
        }
    }

    for (s, e) in dates::find(words, gaz) {
        let partial = spans.iter().any(|&(a, b, _)| overlaps((a, b), (s, e)) && (a < s || b > e));
        if partial {
            continue;
        }
        spans.retain(|&(a, b, _)| !overlaps((a, b), (s, e)));
        spans.push((s, e, Label::Date));
    }
    spans.sort_unstable();
    spans
}
