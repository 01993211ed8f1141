//! Contradiction: the sources of one story event that disagree on its date, on whether it
//! happened, or on a figure.
use crate::dates;
use crate::figures::{self, Figure};
use crate::model::{Contest, ContestKind, Source, Version};
use dyad_code::Modality;

/// Every disagreement among the sources of one story event.
pub fn find(sources: &[Source]) -> Vec<Contest> {
    let mut out = Vec::new();
    if let Some(c) = date_contest(sources) {
        out.push(c);
    }
    if let Some(c) = modality_contest(sources) {
        out.push(c);
    }
    out.extend(figure_contests(sources));
    out
}

fn push_version(versions: &mut Vec<Version>, value: &str, source: usize) {
    match versions.iter_mut().find(|v| v.value == value) {
        Some(v) => v.sources.push(source),
        None => versions.push(Version { value: value.to_string(), sources: vec![source] }),
    }
}

fn date_contest(sources: &[Source]) -> Option<Contest> {
    let dated: Vec<(usize, &str)> = sources.iter().enumerate().filter_map(|(i, s)| s.date.as_deref().map(|d| (i, d))).collect();
    let any = dated.iter().any(|(i, a)| dated.iter().any(|(j, b)| sources[*i].doc_id != sources[*j].doc_id && dates::disagree(a, b)));
    if !any {
        return None;
    }
    let mut versions = Vec::new();
    for (i, d) in dated {
        push_version(&mut versions, d, i);
    }
    Some(Contest { kind: ContestKind::Date, versions })
}

fn happened(m: Modality) -> Option<bool> {
    match m {
        Modality::Asserted | Modality::Claimed => Some(true),
        Modality::Denied | Modality::Negated => Some(false),
        Modality::Planned | Modality::Possible => None,
    }
}

/// A version of a modality contest: what the source says and, for a claim or a denial,
/// who makes it ("claimed by Seoul", "denied by Moscow").
fn modality_version(s: &Source) -> Option<String> {
    let word = match s.modality {
        Modality::Asserted => "happened",
        Modality::Claimed => "claimed",
        Modality::Denied => "denied",
        Modality::Negated => "did not happen",
        Modality::Planned | Modality::Possible => return None,
    };
    Some(match (&s.attribution, s.modality) {
        (Some(by), Modality::Claimed | Modality::Denied) => format!("{word} by {by}"),
        _ => word.to_string(),
    })
}

fn modality_contest(sources: &[Source]) -> Option<Contest> {
    let yes = sources.iter().any(|s| happened(s.modality) == Some(true));
    let no = sources.iter().any(|s| happened(s.modality) == Some(false));
    if !(yes && no) {
        return None;
    }
    let mut versions = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        if let Some(v) = modality_version(s) {
            push_version(&mut versions, &v, i);
        }
    }
    Some(Contest { kind: ContestKind::Modality, versions })
}

fn figure_contests(sources: &[Source]) -> Vec<Contest> {
    let figs: Vec<(usize, Figure)> =
        sources.iter().enumerate().flat_map(|(i, s)| figures::find(&s.sentence).into_iter().map(move |f| (i, f))).collect();
    let mut out: Vec<Contest> = Vec::new();
    for (a, (i, fa)) in figs.iter().enumerate() {
        for (j, fb) in figs.iter().skip(a + 1) {
            if sources[*i].doc_id == sources[*j].doc_id || !fa.conflicts(fb) {
                continue;
            }
            let thing = fa.things.iter().find(|t| fb.things.contains(t)).cloned().unwrap_or_default();
            let kind = ContestKind::Figure(thing);
            let pos = match out.iter().position(|c| c.kind == kind) {
                Some(p) => p,
                None => {
                    out.push(Contest { kind, versions: Vec::new() });
                    out.len() - 1
                }
            };
            for (k, f) in [(*i, fa), (*j, fb)] {
                let v = &mut out[pos].versions;
                match v.iter_mut().find(|v| v.value == f.phrase) {
                    Some(v) if !v.sources.contains(&k) => v.sources.push(k),
                    Some(_) => {}
                    None => v.push(Version { value: f.phrase.clone(), sources: vec![k] }),
                }
            }
        }
    }
    out
}
