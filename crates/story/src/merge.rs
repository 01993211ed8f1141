//! Event merging: the events of a story's articles that share source and target (by
//! country, or body code), CAMEO root and a compatible date become one [`StoryEvent`].
use crate::dates;
use crate::model::{Side, Source, Story, StoryEvent};
use dyad_code::{ActorRef, Event, Modality};
use std::collections::HashMap;

/// Reported dates to the day this many days apart may still be the same event.
pub const MERGE_DAYS: i64 = 3;

/// The merge key of one side: its country, else its own code (international bodies).
fn side(a: &ActorRef) -> Option<Side> {
    let key = a.country.clone().or_else(|| a.actor.clone())?;
    Some(Side { key, actor: a.actor.clone(), name: a.name.clone() })
}

/// Merges every event of the story's articles; events whose sides cannot be identified
/// are left out. An event joins a merged event only if its date is compatible with every
/// dated source already there, so undated reports cannot chain distant dates together. The result is in date order (undated last).
pub fn merge(story: &Story) -> Vec<StoryEvent> {
    // The original of each wire copy, followed to the root, so copies count once.
    let originals: HashMap<&str, &str> =
        story.articles.iter().filter_map(|a| a.duplicate_of.as_deref().map(|o| (a.coded.doc.id.as_str(), o))).collect();
    let root_of = |id: &str| {
        let mut cur = id;
        for _ in 0..16 {
            match originals.get(cur) {
                Some(o) => cur = o,
                None => break,
            }
        }
        cur.to_string()
    };
    let outlet_of: HashMap<&str, &str> = story.articles.iter().map(|a| (a.coded.doc.id.as_str(), a.outlet())).collect();

    let mut merged: Vec<StoryEvent> = Vec::new();
    for article in &story.articles {
        for ev in &article.coded.events {
            let (Some(src), Some(tgt)) = (side(&ev.source), side(&ev.target)) else { continue };
            let source = to_source(article, ev);
            let found = merged.iter_mut().find(|m| {
                m.source.key == src.key
                    && m.target.key == tgt.key
                    && m.root == ev.root
                    && m.sources.iter().all(|s| s.doc_id != source.doc_id || opposed(s.modality, source.modality))
                    && m.sources.iter().all(|s| dates::compatible(s.date.as_deref(), source.date.as_deref(), MERGE_DAYS))
            });
            match found {
                Some(m) => m.sources.push(source),
                None => merged.push(StoryEvent {
                    source: src,
                    target: tgt,
                    root: ev.root.clone(),
                    cameo: ev.cameo.clone(),
                    date: None,
                    sources: vec![source],
                    independent_outlets: 0,
                    contests: Vec::new(),
                }),
            }
        }
    }
    for m in &mut merged {
        let mut keys: Vec<String> =
            m.sources.iter().map(|s| outlet_of.get(root_of(&s.doc_id).as_str()).map_or(s.outlet.clone(), |o| o.to_string())).collect();
        keys.sort();
        keys.dedup();
        m.independent_outlets = keys.len();
        m.cameo = most_common(m.sources.iter().map(|s| s.cameo.as_str())).unwrap_or_default();
        m.date = best_date(&m.sources);
        m.contests = crate::contest::find(&m.sources);
    }
    merged.sort_by(|a, b| {
        let key = |e: &StoryEvent| e.date.as_deref().and_then(dates::Span::parse).map(|s| s.first);
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    merged
}

/// One article may report an event twice only as its claim and its denial ("Seoul
/// says Pyongyang sent shells; Pyongyang denies it"): one said to have happened, the
/// other said not to have. Two reports of one article are otherwise two events.
fn opposed(a: Modality, b: Modality) -> bool {
    let happened = |m: Modality| match m {
        Modality::Asserted | Modality::Claimed => Some(true),
        Modality::Denied | Modality::Negated => Some(false),
        Modality::Planned | Modality::Possible => None,
    };
    matches!((happened(a), happened(b)), (Some(x), Some(y)) if x != y)
}

fn to_source(article: &crate::model::Article, ev: &Event) -> Source {
    Source {
        outlet: article.outlet().to_string(),
        doc_id: article.coded.doc.id.clone(),
        sentence: ev.sentence.clone(),
        modality: ev.modality,
        date: ev.date.clone(),
        attribution: ev.attribution.as_ref().map(|a| a.name.clone().unwrap_or_else(|| a.text.clone())),
        cameo: ev.cameo.clone(),
        duplicate_of: article.duplicate_of.clone(),
    }
}

fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for it in items {
        match counts.iter_mut().find(|(k, _)| *k == it) {
            Some(c) => c.1 += 1,
            None => counts.push((it, 1)),
        }
    }
    // Ties go to the first seen, so the result does not depend on hashing.
    let best = counts.iter().map(|c| c.1).max()?;
    counts.into_iter().find(|c| c.1 == best).map(|c| c.0.to_string())
}

/// The date most sources give; on a tie the most precise (longest) one.
fn best_date(sources: &[Source]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for d in sources.iter().filter_map(|s| s.date.as_deref()) {
        match counts.iter_mut().find(|(k, _)| *k == d) {
            Some(c) => c.1 += 1,
            None => counts.push((d, 1)),
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len()))).map(|c| c.0.to_string())
}
